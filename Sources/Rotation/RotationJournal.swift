import Platform
import Synchronization
import SystemPackage

/// The intent journal beside the state file (`STATE.journal`): before a log's first step the executor records what
/// the rotation is about to do, and after its last step that it ended; compressions and copies are recorded as they
/// begin. A run killed (or failing) half-way leaves the log's rotation unfinished here, and the next run, `rotate`
/// or the daemon, finishes it (`InterruptedRotation`) before deciding anything else for that log.
///
/// The records of a call go out in one write (a batch's intents together, its ends together), synced once per plan
/// that compresses or copies, before its first change, so a kill loses none and a power cut at most the records of a
/// plan of renames (whose renames were not synced either). Once every rotation has ended the file is emptied.
package final class RotationJournal: Sendable {
    /// The journal file; `nil` for a journal kept in memory only (no state file, or tests).
    private let file: JournalFile?
    private let open: Mutex<[FilePath: UnfinishedRotation]>

    /// The journal of the state file `statePath` (`STATE.journal`), with the rotations earlier runs left unfinished;
    /// `nil` when the state file is `/dev/null`. A journal that cannot be opened is reported by `problem`.
    package static func beside(statePath: FilePath) -> Result<RotationJournal, PlatformError>? {
        guard statePath != "/dev/null" else { return nil }
        let path = statePath.appendingToName(".journal")
        do {
            let file = try JournalFile(path: path)
            return .success(RotationJournal(file: file, records: JournalRecord.records(in: try file.contents())))
        } catch {
            return .failure(error)
        }
    }

    /// A journal kept in memory, starting with `records`.
    package convenience init(inMemory records: [UInt8] = []) {
        self.init(file: nil, records: JournalRecord.records(in: records))
    }

    private init(file: JournalFile?, records: [JournalRecord]) {
        self.file = file
        var open: [FilePath: UnfinishedRotation] = [:]
        for record in records { Self.apply(record, to: &open) }
        self.open = Mutex(open)
    }

    /// The journal file's path, when there is one.
    package var path: FilePath? { file?.path }

    /// The log's rotation that began and has not ended, if any.
    package func unfinished(_ log: FilePath) -> UnfinishedRotation? {
        open.withLock { $0[log] }
    }

    /// Every unfinished rotation, by log.
    package var allUnfinished: [UnfinishedRotation] {
        open.withLock { Array($0.values) }.sorted { $0.intent.log.bytes.lexicographicallyPrecedes($1.intent.log.bytes) }
    }

    func begin(_ intents: [LogIntent]) throws(PlatformError) {
        try record(intents.flatMap { Self.records(of: $0) })
    }

    /// The begin record of `intent`, then one per shift.
    private static func records(of intent: LogIntent) -> [JournalRecord] {
        var begin = intent
        begin.shifts = []
        return [.begin(begin)] + intent.shifts.map { .shift(log: intent.log, $0) }
    }

    func compress(_ compression: BegunCompression, of log: FilePath) throws(PlatformError) {
        try record([.compress(log: log, compression)])
    }

    func copy(to archive: FilePath, of log: FilePath) throws(PlatformError) {
        try record([.copy(log: log, archive: archive)])
    }

    /// Records that the logs' rotations ended (finished, or found to need nothing more).
    package func end(_ logs: [FilePath]) throws(PlatformError) {
        try record(logs.map { .end(log: $0) })
    }

    /// Makes the records so far durable.
    func sync() throws(PlatformError) {
        try file?.sync()
    }

    /// Rewrites the file with the unfinished rotations alone (nothing, usually).
    package func compact() throws(PlatformError) {
        try open.withLock { open throws(PlatformError) in
            let bytes = open.values.flatMap { entry in
                Self.records(of: entry.intent).map(\.line)
                    + entry.compressions.map { JournalRecord.compress(log: entry.intent.log, $0).line }
                    + entry.copies.map { JournalRecord.copy(log: entry.intent.log, archive: $0).line }
            }
            try file?.replace(with: Array(bytes.joined()))
        }
    }

    private func record(_ records: [JournalRecord]) throws(PlatformError) {
        guard !records.isEmpty else { return }
        try open.withLock { open throws(PlatformError) in
            for record in records { Self.apply(record, to: &open) }
            guard let file else { return }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(records.count * 128)
            for record in records { record.append(to: &bytes) }
            try file.append(bytes)
        }
    }

    private static func apply(_ record: JournalRecord, to open: inout [FilePath: UnfinishedRotation]) {
        switch record {
        case .begin(let intent): open[intent.log] = UnfinishedRotation(intent: intent)
        case .shift(let log, let shift): open[log]?.intent.shifts.append(shift)
        case .compress(let log, let compression):
            open[log]?.compressions.append(compression)
            if open[log]?.copies.contains(compression.source) == true {
                open[log]?.compressedCopies.insert(compression.source)
            }
        case .copy(let log, let archive): open[log]?.copies.append(archive)
        case .end(let log): open[log] = nil
        }
    }
}
