import LogrotateConfig
import Platform
import SystemPackage

extension LogPlanner {
    /// `maxtotalsize`: the log's oldest archives are removed, each with its `preremove`, `shred` and (`maillast`)
    /// mail, until the archives together take at most the budget, whatever `rotate` kept; the last step of the log.
    ///
    /// Sizes are what the planner sees once every earlier step of the log is applied (`st_size`): a file compressed
    /// in this run counts at its uncompressed size, an upper bound, since its compressed size is known only after the
    /// compression; the next run counts its real size. The removals are therefore fixed at planning time, so `-d`
    /// prints exactly what a run removes, and the budget holds after the run. The archive this rotation made (plain
    /// or compressed) and the live log are never removed, so an archive bigger than the budget stays alone.
    /// Modelled on illumos `logadm -S`.
    mutating func enforceBudget(rotated: Bool, view: inout FileView) {
        let budget = settings.maxTotalSize
        guard budget > 0 else { return }
        let made: Set<FilePath> = rotated ? [finalName, finalName.appendingToName(naming.compressExtension)] : []
        let sized = naming.archives(
            among: view.names(in: naming.directory, startingWith: naming.base),
            settings: settings
        ).compactMap {
            path -> (path: FilePath, size: UInt64)? in
            guard path != log.path, let status = view.status(of: path), status.kind == .regular else { return nil }
            return (path, status.size)
        }
        var total = sized.reduce(UInt64(0)) { $0.addingClamped($1.size) }
        for archive in sized where total > budget && !made.contains(archive.path) {
            if settings.mailWhich == .last { mail(archive.path) }
            remove(archive.path, purpose: .overBudget(log: log.path, budget: budget), view: &view)
            total -= archive.size
        }
    }
}
