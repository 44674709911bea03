import SystemPackage

/// `copytruncate` without the lost lines: copies a live log into a new archive and empties the live file in place,
/// for applications that can't reopen their log.
///
/// logrotate copies the file, then `ftruncate(0)`s it: whatever the application wrote between the end of the copy and
/// the truncate is lost. Where the file system supports `fallocate(FALLOC_FL_COLLAPSE_RANGE)` (ext4, xfs) and every
/// writer uses `O_APPEND`, this copies a block-aligned prefix `[0, N)` into the archive and then collapses `[0, N)` out of
/// the live file: bytes written meanwhile stay in the live file, shifted down. Nothing is lost and nothing is
/// duplicated; the few kilobytes after `N` wait in the live file for the next rotation.
///
/// `N` is the largest multiple of the block size strictly below the end of the copy (collapse must end before EOF)
/// whose preceding byte is a newline, searched back over `Options.lineSearchLimit` bytes, so that no line is split
/// between the archive and the live file; when no block boundary ends a line, `N` is the largest aligned offset.
///
/// Otherwise (tmpfs and other file systems without collapse, a file smaller than two blocks, a writer without `O_APPEND`
/// that would write past the new end and leave zeros) it falls back to logrotate's method with the smallest window:
/// copy, catch up with what was appended meanwhile until the last round is small, then `ftruncate(0)` right away.
/// The outcome says which method ran and why.
///
/// Equivalent logrotate code: `logrotate.c copyTruncate` (`sparse_copy`, then `ftruncate(fdcurr, 0)`).
package enum LosslessTruncation {
    /// How the archive is created and which methods may be used.
    package struct Options: Sendable {
        /// Mode of the new archive (created `O_EXCL|O_NOFOLLOW`, never wider than this).
        package var permissions: UInt32
        /// Owner and group of the new archive, when given.
        package var owner: UInt32?
        package var group: UInt32?
        /// `false` forces the copy-then-truncate fallback.
        package var allowCollapse: Bool
        /// Where to look for writers without `O_APPEND` before collapsing; `nil` skips the check.
        package var processTable: ProcessTable?
        /// How far back from the aligned end to look for a block boundary that ends a line; 0 to not look.
        package var lineSearchLimit: UInt64
        /// In the fallback, truncate once a catch-up round copied at most this many bytes.
        package var catchUpThreshold: UInt64
        /// In the fallback, truncate after this many catch-up rounds even if the writer keeps up.
        package var maximumCatchUpRounds: Int

        package init(
            permissions: UInt32 = 0o640,
            owner: UInt32? = nil,
            group: UInt32? = nil,
            allowCollapse: Bool = true,
            processTable: ProcessTable? = .live,
            lineSearchLimit: UInt64 = 1 << 20,
            catchUpThreshold: UInt64 = 64 << 10,
            maximumCatchUpRounds: Int = 16
        ) {
            self.permissions = permissions
            self.owner = owner
            self.group = group
            self.allowCollapse = allowCollapse
            self.processTable = processTable
            self.lineSearchLimit = lineSearchLimit
            self.catchUpThreshold = catchUpThreshold
            self.maximumCatchUpRounds = maximumCatchUpRounds
        }
    }

    /// Why the copy-then-truncate fallback ran instead of a collapse.
    package enum FallbackReason: Hashable, Sendable {
        /// `Options.allowCollapse` is `false`.
        case disabled
        /// The copy was not larger than one block, so there was no aligned range before the end.
        case smallerThanBlock(size: UInt64, blockSize: UInt64)
        /// A process writes without `O_APPEND`; after a collapse it would write past the end and leave zeros.
        case nonAppendWriter(FileWriter)
        /// `fallocate` refused: `EOPNOTSUPP` (tmpfs, …), `EINVAL` (alignment, file changed), `EPERM` (append-only), ….
        case collapseFailed(Errno)
    }

    /// What was done.
    package enum Outcome: Hashable, Sendable {
        /// `archivedBytes` were copied to the archive and collapsed out of the live file; nothing was lost.
        case collapsed(archivedBytes: UInt64)
        /// `copiedBytes` were copied, then the live file was truncated to 0. What was written during `window` (from the
        /// last read that reached the end to the truncate) may be lost.
        case truncated(copiedBytes: UInt64, window: Duration, reason: FallbackReason)
    }

    /// Copies `live` into the new file `archive` and empties `live` in place, losslessly where possible.
    /// - Throws: `PlatformError` when the live file can't be opened, the archive exists or can't be written, or
    ///   truncating fails; the live file is then unchanged and the archive removed again.
    package static func copyAndTruncate(
        _ live: FilePath,
        to archivePath: FilePath,
        options: Options = Options()
    ) throws(PlatformError) -> Outcome {
        let (liveFD, status) = try RegularFile.open(live, OpenFlags.readWrite)
        defer { system_close(liveFD) }
        let obstacle = try collapseObstacle(status.identity, options: options)
        // The descriptor is kept (not reopened by name): the archive is appended to later, and a name could be swapped.
        let archive = try PendingFile.create(
            for: archivePath,
            permissions: options.permissions,
            owner: options.owner,
            group: options.group
        )
        let files = OpenPair(live: liveFD, livePath: live, archive: archive)
        let copied: UInt64
        do {
            copied = try FileCopier.copy(from: liveFD, to: archive.descriptor, source: live, target: archivePath)
        } catch {
            archive.discard()
            throw error
        }
        do {
            defer { if files.archiveNamed.value { archive.close() } }
            return try finish(files, copied: copied, obstacle: obstacle, options: options)
        } catch {
            if files.archiveNamed.value {
                _ = system_unlink(archivePath)
            } else {
                archive.discard()
            }
            throw error
        }
    }

    /// The reason not to try a collapse, if any, known before copying.
    private static func collapseObstacle(
        _ identity: FileIdentity,
        options: Options
    ) throws(PlatformError) -> FallbackReason? {
        guard options.allowCollapse else { return .disabled }
        guard let table = options.processTable else { return nil }
        let me = system_getpid()
        let writers = try FileWriters.find(files: [identity], in: table)[identity] ?? []
        return writers.first { $0.pid != me && $0.writesAtOwnOffset }.map { .nonAppendWriter($0) }
    }

    /// Collapses when possible, else catches up and truncates.
    private static func finish(
        _ files: OpenPair,
        copied: UInt64,
        obstacle: FallbackReason?,
        options: Options
    ) throws(PlatformError) -> Outcome {
        let reason: FallbackReason
        if let obstacle {
            reason = obstacle
        } else {
            switch try collapse(files, copied: copied, options: options) {
            case .collapsed(let archived): return .collapsed(archivedBytes: archived)
            case .refused(let refusal): reason = refusal
            }
        }
        let (total, window) = try catchUpAndTruncate(files, options: options)
        return .truncated(copiedBytes: total, window: window, reason: reason)
    }
}

/// The live file and the archive, open, with their paths for messages.
internal struct OpenPair {
    var live: Int32
    var livePath: FilePath
    var pending: PendingFile
    /// Whether the archive has its name yet (it gets it, complete and synced, just before the live file is emptied).
    let archiveNamed = Flag()

    init(live: Int32, livePath: FilePath, archive: PendingFile) {
        self.live = live
        self.livePath = livePath
        self.pending = archive
    }

    var archive: Int32 { pending.descriptor }
    var archivePath: FilePath { pending.target }

    /// Names the archive (synced first): from here on it holds the data that the live file is about to lose.
    func nameArchive() throws(PlatformError) {
        guard !archiveNamed.value else { return }
        try pending.name()
        archiveNamed.value = true
    }
}

/// A mutable flag shared by copies of a value.
internal final class Flag {
    var value = false
}
