import LogrotateConfig
import Platform
import SystemPackage

extension LogPlanner {
    /// dateext mode: compress every uncompressed dated file (delaycompress), then remove the oldest dated files
    /// beyond the count and those older than `maxage`; the newest of them is kept as the dispose name.
    ///
    /// Equivalent logrotate code: `logrotate.c prerotateSingleLog` (the `LOG_FLAG_DATEEXT` branch).
    mutating func prepareDated(view: inout FileView) {
        if settings.compress, settings.delayCompress, !naming.compressExtension.isEmpty {
            let names = view.names(in: naming.directory, startingWith: naming.base)
            for previous in naming.datedArchives(among: names, format: format, compressed: false) {
                guard let status = view.status(of: previous) else { continue }
                compress(previous, attributesFrom: status, view: &view)
            }
        }
        let matches = naming.datedArchives(
            among: view.names(in: naming.directory, startingWith: naming.base),
            format: format,
            compressed: true
        )
        let keep = max(settings.rotate, 1)
        var marked: [FilePath] = []
        for (position, path) in matches.enumerated() {
            let beyondCount = settings.rotate >= 0 && position <= matches.count - keep
            if beyondCount || isExpired(view.status(of: path)) { marked.append(path) }
        }
        for path in marked.dropLast() {
            mailBeforeRemoval(path)
            remove(path, purpose: .expiredDated, view: &view)
        }
        dispose = marked.last
    }

    /// `destination X already exists, skipping rotation` when the new dated name is taken.
    mutating func datedCollision(view: inout FileView) -> String? {
        let compressedName = naming.dated(dateSuffix, compressed: true)
        guard view.exists(compressedName) || view.exists(finalName) else { return nil }
        output = []
        return "destination \(firstRotated.string) already exists, skipping rotation"
    }
}
