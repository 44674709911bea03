import Platform
import Synchronization
import SystemPackage

/// A `ProcessInspector` with made-up processes: writers per file, pidfiles, command names and signal verdicts are
/// set up front; sent signals are recorded, never delivered. By default there are no processes at all.
package final class FakeProcessInspector: ProcessInspector {
    private struct State: Sendable {
        var writers: [FileIdentity: [FileWriter]] = [:]
        var pidFiles: [FilePath: Int32] = [:]
        var commands: [Int32: String] = [:]
        var verdicts: [Int32: SignalSafety.Verdict] = [:]
        var sent: [(Signal, Int32)] = []
        var writersAfterSignal: [FileIdentity: [FileWriter]]?
        var targets: [Int32: FilePath] = [:]
    }

    private let state = Mutex(State())

    /// No processes: nobody writes, no pidfile resolves.
    package init() {}

    /// Declares a process: its command, the pidfile naming it and what a signal would do to it.
    package func addProcess(pid: Int32, command: String, pidFile: FilePath? = nil, verdict: SignalSafety.Verdict) {
        state.withLock {
            $0.commands[pid] = command
            $0.verdicts[pid] = verdict
            if let pidFile { $0.pidFiles[pidFile] = pid }
        }
    }

    /// Declares the writers of a file; `afterSignal` replaces every file's writers once a signal was sent.
    package func setWriters(_ writers: [FileWriter], of file: FileIdentity, afterSignal: [FileWriter]? = nil) {
        state.withLock {
            $0.writers[file] = writers
            if let afterSignal { $0.writersAfterSignal = [file: afterSignal] }
        }
    }

    /// Declares what a process's descriptors point at now (see `ProcessInspector.target(ofDescriptor:of:)`).
    package func setTarget(_ target: FilePath, ofDescriptorsOf pid: Int32) {
        state.withLock { $0.targets[pid] = target }
    }

    package func target(ofDescriptor fd: Int32, of pid: Int32) -> FilePath? {
        state.withLock { $0.targets[pid] }
    }

    /// The signals sent so far, in order.
    package var sentSignals: [(signal: Signal, pid: Int32)] { state.withLock { $0.sent.map { ($0.0, $0.1) } } }

    package func writers(of files: [FileIdentity]) -> [FileIdentity: [FileWriter]] {
        state.withLock { state in
            let source = state.sent.isEmpty ? state.writers : state.writersAfterSignal ?? state.writers
            return Dictionary(uniqueKeysWithValues: files.map { ($0, source[$0] ?? []) })
        }
    }

    package func processID(inPidFile path: FilePath) throws(PlatformError) -> Int32 {
        guard let pid = state.withLock({ $0.pidFiles[path] }) else {
            throw PlatformError(.notFound, "process from \(path) does not exist")
        }
        return pid
    }

    package func command(of pid: Int32) -> String? {
        state.withLock { $0.commands[pid] }
    }

    package func safety(of signal: Signal, for pid: Int32) throws(PlatformError) -> SignalSafety.Verdict {
        state.withLock { $0.verdicts[pid] } ?? .noSuchProcess
    }

    package func send(_ signal: Signal, to pid: Int32) throws(PlatformError) {
        state.withLock { $0.sent.append((signal, pid)) }
    }

    package func pause(milliseconds: Int) {}

    package func copyAndTruncate(
        _ live: FilePath,
        to archive: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) -> LosslessTruncation.Outcome {
        throw PlatformError(.other, "FakeProcessInspector does not copy files")
    }
}
