import Dispatch
import Platform
import Synchronization
import SystemPackage

/// What the rotation worker and the signal listener tell the write loop.
enum PipeMessage: Sendable {
    /// Stop writing to the file open now and keep what comes in memory; signal the semaphore once stopped.
    case pause(DispatchSemaphore)
    /// The rotation moved the log away: open the file at its path and write what was kept.
    case reopen
    /// The worker finished a check (rotation or not), or a reload.
    case workerDone(PipeSchedule)
    /// SIGHUP: reload the configuration.
    case reload
    /// SIGTERM or SIGINT: write what is read already, finish the rotation in progress, exit.
    case terminate
}

/// The messages waiting for the write loop, and the pipe that wakes its `poll`.
final class PipeInbox: Sendable {
    private let messages = Mutex<[PipeMessage]>([])
    let wakePipe: WakePipe

    /// - Throws: the `Errno` of `pipe`.
    init() throws(Errno) {
        wakePipe = try WakePipe()
    }

    /// Queues `message` and wakes the loop.
    func post(_ message: PipeMessage) {
        messages.withLock { $0.append(message) }
        wakePipe.wake()
    }

    /// Takes every queued message, oldest first.
    func take() -> [PipeMessage] {
        wakePipe.drain()
        return messages.withLock { queued in
            defer { queued = [] }
            return queued
        }
    }
}
