import Platform
import Rotation
import Scheduling
import Synchronization
import SystemPackage

/// How the daemon reads and changes the state: the shared state file, or a dry run's copy in memory.
protocol StateAccess: Sendable {
    /// The state as stored now (no lock: the file is replaced atomically). With `keepingParse`, what was parsed is
    /// kept for the next read alone, which takes it when the file still holds the same bytes.
    func read(reporter: RunReporter, keepingParse: Bool) -> StateFile

    /// Sets `entries` in the stored state as one read-modify-write; false when the lock could not be taken.
    func record(_ entries: [StateFile.Entry], reporter: RunReporter) -> Bool

    /// Holds the state lock for a rotation (with this daemon's other rotations); false when it cannot be had now.
    func hold(reporter: RunReporter) -> Bool

    /// Ends a `hold`.
    func letGo()

    /// The rotation journal beside the state file (`nil` when there is none).
    var journal: RotationJournal? { get }
}

/// The state file, locked as `logrotated rotate` and logrotate lock it: while this daemon rotates or saves (see
/// `StateLease`), so a concurrent pass and the daemon never interleave; the lock is waited for up to a timeout.
final class LockedStateFile: StateAccess {
    let store: StateStore
    let lease: StateLease
    let journal: RotationJournal?
    /// The digest of what this daemon last wrote to the state file, which lets a save edit a few entries into the
    /// file's bytes while the file still holds exactly that (see `StateStore.record`).
    private let written = Mutex<ContentDigest?>(nil)
    /// The state a survey parsed, for the check that follows it (not kept longer: 10,000 entries take a megabyte).
    private let lastRead = Mutex<ParsedState?>(nil)

    /// The state file of `store`, with its journal (`nil`, with `journalProblem` set, when it cannot be opened).
    init(store: StateStore, timeout: Duration) {
        self.store = store
        self.lease = StateLease(path: store.path, timeout: timeout)
        switch RotationJournal.beside(statePath: store.path) {
        case .success(let journal): (self.journal, journalProblem) = (journal, nil)
        case .failure(let error): (self.journal, journalProblem) = (nil, error.message)
        case nil: (self.journal, journalProblem) = (nil, nil)
        }
    }

    /// Why the journal could not be opened, if it could not.
    let journalProblem: String?

    func read(reporter: RunReporter, keepingParse: Bool) -> StateFile {
        lastRead.withLock { lastRead in
            defer { if !keepingParse { lastRead = nil } }
            return written.withLock { store.read(reporter: reporter, written: &$0, lastRead: &lastRead) }
        }
    }

    func record(_ entries: [StateFile.Entry], reporter: RunReporter) -> Bool {
        guard lease.acquire(reporter: reporter) else { return false }
        defer { lease.release() }
        let saved = written.withLock { store.record(entries, reporter: reporter, written: &$0) }
        guard saved, let journal else { return true }
        do {
            try journal.stateRecorded(entries.map { FilePath($0.path) })
        } catch {
            reporter.warning("cannot record the end of rotations in the journal: \(error.message)")
        }
        return true
    }

    func hold(reporter: RunReporter) -> Bool {
        lease.acquire(reporter: reporter)
    }

    func letGo() {
        lease.release()
    }
}

/// A dry run's state: read once, then kept in memory, so a planned rotation counts as done and nothing is written.
final class SimulatedState: StateAccess {
    private let state: Mutex<StateFile>
    let journal: RotationJournal?

    /// A copy of `initial`, with a copy of the journal's `records` (kept in memory too).
    init(_ initial: StateFile, journal records: [UInt8] = []) {
        state = Mutex(initial)
        journal = RotationJournal(inMemory: records)
    }

    func read(reporter: RunReporter, keepingParse: Bool) -> StateFile {
        state.withLock { $0 }
    }

    func record(_ entries: [StateFile.Entry], reporter: RunReporter) -> Bool {
        state.withLock { state in
            for entry in entries { state[entry.path] = entry.lastRotated }
        }
        return true
    }

    func hold(reporter: RunReporter) -> Bool { true }

    func letGo() {}
}
