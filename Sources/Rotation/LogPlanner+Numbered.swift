import LogrotateConfig
import Platform
import SystemPackage

extension LogPlanner {
    /// Numbered mode: compress `.START` (delaycompress), then shift `.i → .i+1` from the oldest kept index down,
    /// removing generations older than `maxage` instead of shifting them.
    ///
    /// The directory's names are read only when the shift depends on which generations exist (`rotate -1`, or more
    /// indices than `listedIndexLimit`); a name whose index is then beyond `ArchiveNaming.maximumIndex` is left alone,
    /// with a warning naming it. Otherwise each index's name is looked up, as logrotate does.
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
        // The last index kept; `nil` for `rotate -1`, which keeps every generation there is.
        let lastKept =
            settings.rotate < 0
            ? nil : min(start.addingClamped(max(settings.rotate, 1) - 1), ArchiveNaming.maximumIndex - 1)
        let listed = lastKept.map { $0.subtractingClamped(start) >= Self.listedIndexLimit } ?? true
        let generations =
            listed
            ? naming.generations(among: view.names(in: naming.directory, startingWith: naming.base))
            : NumberedGenerations()
        for ignored in generations.ignored {
            let limit = ArchiveNaming.maximumIndex
            warnings.append("ignoring \(ignored): its index is beyond any logrotated gives (\(limit))")
        }
        let oldest: Int
        if let lastKept {
            oldest = lastKept
            dispose = naming.numbered(oldest + 1, compressed: true)
        } else {
            oldest = generations.indices.last ?? start.subtractingClamped(1)
        }
        removeStaleDispose(oldest: oldest, view: &view)
        for index in shiftedIndices(from: oldest, existing: generations.indices) {
            shift(index, view: &view)
        }
        if let disposal = dispose, !view.exists(disposal) {
            output.append(.notice(.nothingToDispose(disposal)))
            dispose = nil
        }
    }

    /// About how many names planning one log looks up in numbered mode: each index shifted, the dispose name, the
    /// stale one and `.START` for delaycompress.
    static func expectedLookups(_ settings: LogSettings) -> Int {
        min(max(settings.rotate, 1), listedIndexLimit) + 3
    }

    /// How many indices a shift may walk one by one, existing or not.
    static let listedIndexLimit = 1000

    /// The indices to shift, oldest first: every one from `oldest` down to `start`, as logrotate walks them (a
    /// missing generation gets its `renaming` line), when there are at most `listedIndexLimit`; else only the
    /// existing generations among them, so the plan's size is bounded by the files that exist, never by an index.
    private func shiftedIndices(from oldest: Int, existing: [Int]) -> [Int] {
        let start = settings.start
        guard oldest >= start else { return [] }
        if oldest.subtractingClamped(start) < Self.listedIndexLimit {
            return Array(stride(from: oldest, through: start, by: -1))
        }
        return existing.filter { (start...oldest).contains($0) }.reversed()
    }

    /// A file already at the dispose name would be overwritten by the first shift: remove it first, as the shift
    /// never replaces (logrotate's `rename` replaced it silently). When `maxage` removes the oldest generation
    /// instead of shifting it, nothing lands on the dispose name, and the file there stays, as with logrotate.
    private mutating func removeStaleDispose(oldest: Int, view: inout FileView) {
        let shifted = naming.numbered(oldest, compressed: true)
        guard let disposal = dispose, view.exists(disposal), view.exists(shifted),
            !(settings.maxAge > 0 && isExpired(view.status(of: shifted)))
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
        if exists {
            view.move(old, to: new)
            shifts.append(Shift(from: old, to: new))
        }
    }
}
