import LogrotateConfig
import Platform
import SystemPackage

extension LogPlanner {
    /// Numbered mode: compress `.START` (delaycompress), then shift `.i → .i+1` from the oldest kept index down,
    /// removing generations older than `maxage` instead of shifting them.
    ///
    /// Equivalent logrotate code: `logrotate.c prerotateSingleLog` (the `else` branch of `if (log->flags & LOG_FLAG_DATEEXT)`).
    mutating func prepareNumbered(view: inout FileView) {
        let start = settings.start
        if settings.compress, settings.delayCompress, !naming.compressExtension.isEmpty {
            let previous = naming.numbered(start, compressed: false)
            if let status = view.status(of: previous) {
                compress(previous, attributesFrom: status, view: &view)
            } else {
                output.append(.notice(.previousLogMissing(previous)))
            }
        }
        let oldest: Int
        if settings.rotate < 0 {
            oldest = naming.highestIndex(among: view.names(in: naming.directory)) ?? start - 1
        } else {
            oldest = start + max(settings.rotate, 1) - 1
            dispose = naming.numbered(oldest + 1, compressed: true)
        }
        removeStaleDispose(oldest: oldest, view: &view)
        for index in stride(from: oldest, through: start, by: -1) {
            shift(index, view: &view)
        }
        if let disposal = dispose, !view.exists(disposal) {
            output.append(.notice(.nothingToDispose(disposal)))
            dispose = nil
        }
    }

    /// A file already at the dispose name would be overwritten by the first shift: remove it first, as the shift
    /// never replaces (logrotate's `rename` replaced it silently).
    private mutating func removeStaleDispose(oldest: Int, view: inout FileView) {
        guard let disposal = dispose, view.exists(disposal), view.exists(naming.numbered(oldest, compressed: true))
        else { return }
        remove(disposal, purpose: .oldLog, view: &view)
    }

    /// A missing generation is still "renamed", as logrotate does: the executor reports `old log X does not exist`
    /// for it, and `-d` prints logrotate's `renaming` line. Only `maxage`'s stat reports it up front.
    private mutating func shift(_ index: Int, view: inout FileView) {
        let old = naming.numbered(index, compressed: true)
        let exists = view.exists(old)
        if !exists, settings.maxAge > 0 {
            output.append(.notice(.oldLogMissing(old)))
            return
        }
        // Only maxage needs the generation's times: no stat per generation otherwise.
        if exists, settings.maxAge > 0, isExpired(view.status(of: old)) {
            mailBeforeRemoval(old)
            remove(old, purpose: .oldLog, view: &view)
            return
        }
        let new = naming.numbered(index + 1, compressed: true)
        let purpose = RenamePurpose.shift(rotateCount: settings.rotate, start: settings.start, index: index)
        output.append(.rename(from: old, to: new, purpose: purpose))
        if exists { view.move(old, to: new) }
    }
}
