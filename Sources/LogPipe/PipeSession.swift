import LogrotateConfig
import Platform
import Rotation
import SystemPackage
import UnixSignals

/// `logrotated pipe`: writes standard input to a log and rotates it by its block of the configuration, as s6-log
/// and Apache's rotatelogs do. The writer is the rotator, so no line is lost, duplicated or split, and no signal is
/// needed.
///
/// Two threads: the write loop (``PipeLoop``) reads and writes, and the worker (``PipeWorker``) rotates with the
/// same `BlockPass` as `rotate` and the daemon. The loop pauses only while the worker moves the log (its rename and
/// `create`), keeping what it reads in memory meanwhile, and never for compression or scripts.
package enum PipeSession {
    /// Runs the pipe until standard input ends (or SIGTERM/SIGINT); SIGHUP reloads the configuration.
    package static func run(_ options: PipeOptions) async -> PipeOutcome {
        // Trapped first: SIGHUP is ignored until then (a reload asked for while starting must not kill the pipe).
        let signals = await UnixSignalsSequence(trapping: .sighup, .sigterm, .sigint)
        let reporter = RunReporter(verbose: options.verbose)
        let lock: PipeLock
        do {
            try createStateDirectory(for: options.statePath)
            lock = try PipeLock(log: options.log)
        } catch {
            reporter.error(error.message)
            return error.code == .wouldBlock ? .alreadyPiped : .failed
        }
        let rotator = PipeRotator(options: options, reporter: reporter)
        guard rotator.load() else { return .configurationRejected }
        let sink: LogFileSink
        let inbox: PipeInbox
        do {
            try rotator.createMissingLog()
        } catch {
            reporter.error("cannot create \(options.log): \(error.message)")
            return .failed
        }
        do {
            sink = try LogFileSink(path: options.log, permissions: rotator.newLogPermissions)
            inbox = try PipeInbox()
        } catch {
            reporter.error("cannot open \(options.log): \(error)")
            return .failed
        }
        let loop = PipeLoop(
            sink: sink,
            schedule: rotator.block.map { PipeSchedule(settings: $0.settings) } ?? PipeSchedule(retryingAfter: 0),
            lineLimit: options.lineLimit,
            inbox: inbox,
            worker: PipeWorker(rotator: rotator, inbox: inbox),
            reporter: RunReporter(verbose: options.verbose)
        )
        let outcome = await run(loop, signals: signals, inbox: inbox)
        withExtendedLifetime(lock) {}
        return outcome
    }

    /// Runs `loop` on a thread of its own, forwarding `signals` (SIGHUP, SIGTERM, SIGINT) to its `inbox` meanwhile.
    private static func run(
        _ loop: PipeLoop,
        signals: UnixSignalsSequence,
        inbox: PipeInbox
    ) async -> PipeOutcome {
        let listener = Task {
            for await signal in signals {
                inbox.post(signal == .sighup ? .reload : .terminate)
            }
        }
        defer { listener.cancel() }
        return await withCheckedContinuation { continuation in
            do {
                try startDetachedThread { continuation.resume(returning: loop.run()) }
            } catch {
                continuation.resume(returning: .failed)
            }
        }
    }

    /// Creates the default state directory (0750) when it is missing; another missing directory is an error later.
    private static func createStateDirectory(for statePath: FilePath) throws(PlatformError) {
        let directory = statePath.removingLastComponent()
        guard directory == PipeStatePath.directory else { return }
        let fileSystem = PosixFileSystem()
        guard try fileSystem.status(of: directory, followSymlinks: true) == nil else { return }
        try fileSystem.createDirectory(directory, permissions: 0o750, owner: nil, group: nil)
    }
}
