import LogrotateConfig
import Platform
import SystemPackage

extension ArchiveNaming {
    /// Every old version of the log among `names` (its archive directory's listing), oldest first: what
    /// `maxtotalsize` counts and removes.
    ///
    /// Numbered mode: `BASE.N EXT` and `BASE.N EXT CE`, highest index first (the compressed name before the plain one
    /// of the same index); names beyond `maximumIndex`, which rotation leaves alone, are not included. dateext mode:
    /// `BASE DATE EXT` and `BASE DATE EXT CE` whose date matches the `dateformat`, by date. Names of the other mode
    /// (left by an earlier configuration) are not the log's archives for the planner, so they are not counted.
    package func archives(among names: some Sequence<[UInt8]>, settings: LogSettings) -> [FilePath] {
        settings.dateExt ? datedArchives(among: names, settings: settings) : numberedArchives(among: names)
    }

    private func numberedArchives(among names: some Sequence<[UInt8]>) -> [FilePath] {
        var plain = self
        plain.compressExtension = ""
        let compressed = Set(compressExtension.isEmpty ? [] : generations(among: names).indices)
        let uncompressed = Set(plain.generations(among: names).indices)
        var result: [FilePath] = []
        for index in compressed.union(uncompressed).sorted(by: >) {
            if compressed.contains(index) { result.append(numbered(index, compressed: true)) }
            if uncompressed.contains(index) { result.append(plain.numbered(index, compressed: false)) }
        }
        return result
    }

    private func datedArchives(among names: some Sequence<[UInt8]>, settings: LogSettings) -> [FilePath] {
        let format = DateFormat(settings.effectiveDateFormat)
        var matches = datedMatches(among: names, format: format, compressed: false)
        if !compressExtension.isEmpty { matches += datedMatches(among: names, format: format, compressed: true) }
        return Self.oldestFirst(matches).map { archivePath($0.name) }
    }

    /// The total size (`st_size`) of the log's archives as they are on disk now, and how many there are: what
    /// `logrotated status` shows against `maxtotalsize`. The archive directory is read through `listings`, once for
    /// all the logs of a report, and only the names starting with the log's base are looked at.
    package func archiveTotal(
        settings: LogSettings,
        fileSystem: any FileSystem,
        listings: SharedListings = SharedListings()
    ) -> (bytes: UInt64, count: Int) {
        let names = listings.names(in: directory, startingWith: base, fileSystem: fileSystem)
        var total: (bytes: UInt64, count: Int) = (0, 0)
        for archive in archives(among: names, settings: settings) where archive != log {
            guard let status = (try? fileSystem.status(of: archive, followSymlinks: false)) ?? nil,
                status.kind == .regular
            else { continue }
            total = (total.bytes.addingClamped(status.size), total.count + 1)
        }
        return total
    }
}
