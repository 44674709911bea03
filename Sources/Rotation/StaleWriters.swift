import Platform
import SystemPackage

/// A log that a rotation renamed: the file (inode) its application had open, now at `archive`.
package struct RotatedFile: Equatable, Hashable, Sendable {
    package var log: FilePath
    /// The rotated name before compression.
    package var archive: FilePath
    package var identity: FileIdentity

    package init(log: FilePath, archive: FilePath, identity: FileIdentity) {
        self.log = log
        self.archive = archive
        self.identity = identity
    }
}

/// A process that still writes a rotated file: after a rename, it writes the archive (or, once the archive is
/// compressed, a deleted file) instead of the new log.
package struct StaleWriter: Equatable, Sendable {
    package var file: RotatedFile
    package var writer: FileWriter

    package init(file: RotatedFile, writer: FileWriter) {
        self.file = file
        self.writer = writer
    }
}

/// Finds the processes that keep writing a log after it was renamed.
///
/// Writers are looked up by device and inode, taken when the log was decided due: the inode survives the rename,
/// and even compression, which unlinks the archive while the process still holds it; so the check can run after the
/// whole plan and still names the writer.
package enum StaleWriters {
    /// The logs that `plan` renames (`.rename(log, archive, .rotate)`), with the inode `due` recorded for them.
    package static func renamed(in plan: RotationPlan, due: [DueLog]) -> [RotatedFile] {
        let identities = Dictionary(due.map { ($0.path, $0.status.identity) }, uniquingKeysWith: { first, _ in first })
        return plan.steps.compactMap { planned in
            guard case .rename(let log, let archive, .rotate) = planned.step, let identity = identities[log] else {
                return nil
            }
            return RotatedFile(log: log, archive: archive, identity: identity)
        }
    }

    /// The processes writing any of `files` now; files that were not actually renamed (the log still has the same
    /// inode, say after a failed rename) are skipped. Only files with a writer are looked at on disk.
    ///
    /// A device and inode can be reused once a compressed archive's source is removed: a descriptor counts only when
    /// it still points at the rotated file (`/proc/PID/fd/N` names the archive, or it ends in ` (deleted)`), never
    /// at a newer file that got the same inode.
    package static func find(
        _ files: [RotatedFile],
        processes: any ProcessInspector,
        fileSystem: any FileSystem
    ) -> [StaleWriter] {
        guard !files.isEmpty else { return [] }
        let writers = processes.writers(of: files.map(\.identity))
        return files.flatMap { file -> [StaleWriter] in
            let found = (writers[file.identity] ?? []).filter { writes(file, $0, processes) }
            guard !found.isEmpty,
                (try? fileSystem.status(of: file.log, followSymlinks: false))?.identity != file.identity
            else { return [] }
            return found.map { StaleWriter(file: file, writer: $0) }
        }
    }

    /// The files of `stale`, each once (a file written by several processes has a writer each).
    package static func files(of stale: [StaleWriter]) -> [RotatedFile] {
        var seen: Set<FilePath> = []
        return stale.map(\.file).filter { seen.insert($0.archive).inserted }
    }

    /// Whether `writer`'s descriptor is on the rotated file itself: it names the archive, or a removed file of the
    /// archive's directory (the archive once compressed); unknown targets count. A file that merely got the same
    /// inode later (a new log, another log's new file) has another name and is not removed.
    private static func writes(_ file: RotatedFile, _ writer: FileWriter, _ processes: any ProcessInspector) -> Bool {
        guard let target = processes.target(ofDescriptor: writer.descriptor, of: writer.pid) else { return true }
        if target == file.archive { return true }
        let text = target.string
        guard text.hasSuffix(" (deleted)") else { return false }
        let removed = FilePath(String(text.dropLast(" (deleted)".count)))
        return removed.removingLastComponent() == file.archive.removingLastComponent()
    }

    /// The warning for one stale writer.
    package static func message(_ stale: StaleWriter, fileSystem: any FileSystem) -> String {
        let status = try? fileSystem.status(of: stale.file.archive, followSymlinks: false)
        let exists = status?.identity == stale.file.identity
        return WriterAdvice.staleWriter(
            stale.writer,
            archive: stale.file.archive,
            log: stale.file.log,
            archiveExists: exists
        )
    }
}
