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
///
/// A rotation's end is written only once the state file records it (`stateRecorded(_:)`): until then the rotation
/// is over for this process but unfinished on disk, so a run killed between the rotation and the state save is
/// finished by the next run (which records the state at the rotation's time) instead of rotating the log again.
package final class RotationJournal: Sendable {
    /// The rotations begun and not ended, and those ended whose end waits for the state file, by log (hashed as one
    /// run of bytes: each log's records look its entry up several times).
    private struct Entries {
        var open: [PathKey: UnfinishedRotation] = [:]
        /// Only the logs: their records stay in the file until their ends are written, and compaction copies them
        /// from there (10,000 intents kept whole until a `rotate` run's state save took 17 MiB).
        var awaitingState: Set<PathKey> = []

        /// Frees the tables once empty: a wave of 10,000 rotations grows them, and removals keep their capacity.
        mutating func releaseEmptyStorage() {
            if open.isEmpty { open = [:] }
            if awaitingState.isEmpty { awaitingState = [] }
        }
    }

    /// The journal file; `nil` for a journal kept in memory only (no state file, or tests).
    private let file: JournalFile?
    private let entries: Mutex<Entries>

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
        var open: [PathKey: UnfinishedRotation] = [:]
        for record in records { Self.apply(record, to: &open) }
        entries = Mutex(Entries(open: open))
    }

    /// The journal file's path, when there is one.
    package var path: FilePath? { file?.path }

    /// The log's rotation that began and has not ended, if any.
    package func unfinished(_ log: FilePath) -> UnfinishedRotation? {
        entries.withLock { $0.open[PathKey(log)] }
    }

    /// Every unfinished rotation, by log.
    package var allUnfinished: [UnfinishedRotation] {
        entries.withLock { Array($0.open.values) }.sorted {
            $0.intent.log.bytes.lexicographicallyPrecedes($1.intent.log.bytes)
        }
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

    /// Records that the logs' rotations ended without changing anything the state file would record.
    package func end(_ logs: [FilePath]) throws(PlatformError) {
        try record(logs.map { .end(log: $0) })
    }

    /// Notes that the logs' rotations finished; their end is written once the state file records them
    /// (`stateRecorded(_:)`, `stateRecordedForAll()`).
    package func endOnceRecorded(_ logs: [FilePath]) {
        entries.withLock { entries in
            for log in logs.lazy.map(PathKey.init) {
                guard entries.open.removeValue(forKey: log) != nil else { continue }
                entries.awaitingState.insert(log)
            }
            entries.releaseEmptyStorage()
        }
    }

    /// The state file now records the rotations of `logs`: writes the end of those that ended.
    package func stateRecorded(_ logs: some Sequence<FilePath>) throws(PlatformError) {
        try entries.withLock { entries throws(PlatformError) in
            let ended = logs.map(PathKey.init).filter { entries.awaitingState.contains($0) }
            guard !ended.isEmpty else { return }
            var bytes: [UInt8] = []
            for log in ended { JournalRecord.end(log: log.path).append(to: &bytes) }
            try file?.append(bytes)
            for log in ended { entries.awaitingState.remove(log) }
            entries.releaseEmptyStorage()
        }
    }

    /// The state file now records every rotation that ended: writes their ends.
    package func stateRecordedForAll() throws(PlatformError) {
        try stateRecorded(entries.withLock { $0.awaitingState.map(\.path) })
    }

    /// Makes the records so far durable.
    func sync() throws(PlatformError) {
        try file?.sync()
    }

    /// Rewrites the file with the unfinished rotations alone (nothing, usually). Rotations whose end waits for the
    /// state file keep their records, copied from the file as they are (only their logs are kept in memory).
    package func compact() throws(PlatformError) {
        try entries.withLock { entries throws(PlatformError) in
            guard let file else { return }
            var bytes: [UInt8] = []
            if !entries.awaitingState.isEmpty {
                for record in JournalRecord.records(in: try file.contents())
                where entries.awaitingState.contains(PathKey(record.log)) {
                    record.append(to: &bytes)
                }
            }
            for entry in entries.open.values {
                for record in Self.records(of: entry.intent) { record.append(to: &bytes) }
                for compression in entry.compressions {
                    JournalRecord.compress(log: entry.intent.log, compression).append(to: &bytes)
                }
                for archive in entry.copies {
                    JournalRecord.copy(log: entry.intent.log, archive: archive).append(to: &bytes)
                }
            }
            try file.replace(with: bytes)
        }
    }

    private func record(_ records: [JournalRecord]) throws(PlatformError) {
        guard !records.isEmpty else { return }
        try entries.withLock { entries throws(PlatformError) in
            for record in records {
                // A new rotation of a log supersedes one whose end still waits: the state will record the newer.
                if case .begin(let intent) = record { entries.awaitingState.remove(PathKey(intent.log)) }
                Self.apply(record, to: &entries.open)
            }
            guard let file else { return }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(records.count * 128)
            for record in records { record.append(to: &bytes) }
            try file.append(bytes)
        }
    }

    private static func apply(_ record: JournalRecord, to open: inout [PathKey: UnfinishedRotation]) {
        switch record {
        case .begin(let intent): open[PathKey(intent.log)] = UnfinishedRotation(intent: intent)
        case .shift(let log, let shift): open[PathKey(log)]?.intent.shifts.append(shift)
        case .compress(let log, let compression):
            let log = PathKey(log)
            open[log]?.compressions.append(compression)
            if open[log]?.copies.contains(compression.source) == true {
                open[log]?.compressedCopies.insert(compression.source)
            }
        case .copy(let log, let archive): open[PathKey(log)]?.copies.append(archive)
        case .end(let log): open[PathKey(log)] = nil
        }
    }
}
