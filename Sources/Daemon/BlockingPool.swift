import Dispatch
import Platform
import Synchronization

/// The daemon's threads for blocking work (surveys, checks that may wait for the state lock, rotations with their
/// file I/O, compression and scripts): a fixed set, started on first use and then kept, so the cooperative pool stays
/// free for the loop, the watchdog and signals even when every core is compressing, and no thread is created per
/// job. An idle worker sleeps on a semaphore and never wakes.
///
/// `size` covers what can run at once: one job per core, one check and one survey (a reload), plus one spare.
final class BlockingPool: Sendable {
    /// The pool behind `onOwnThread`.
    static let shared = BlockingPool(size: onlineProcessorCount() + 3)

    private let size: Int
    private let pending = Mutex<(work: [@Sendable () -> Void], started: Int)>(([], 0))
    private let ready = DispatchSemaphore(value: 0)

    init(size: Int) {
        precondition(size > 0, "a pool needs a thread")
        self.size = size
    }

    /// Queues `work` for the next free worker, starting one when fewer than `size` exist.
    func submit(_ work: @escaping @Sendable () -> Void) {
        let startWorker = pending.withLock { pending in
            pending.work.append(work)
            guard pending.started < size else { return false }
            pending.started += 1
            return true
        }
        ready.signal()
        guard startWorker else { return }
        do {
            try startDetachedThread { [self] in runWorker() }
        } catch {
            // No thread could be had (EAGAIN): with no worker at all, the caller runs what waits.
            let orphaned = pending.withLock { pending in
                pending.started -= 1
                defer { if pending.started == 0 { pending.work = [] } }
                return pending.started == 0 ? pending.work : []
            }
            for work in orphaned { work() }
        }
    }

    private func runWorker() {
        while true {
            ready.wait()
            guard let work = pending.withLock({ $0.work.isEmpty ? nil : $0.work.removeFirst() }) else { continue }
            work()
        }
    }
}

/// Runs blocking work on the daemon's `BlockingPool` and returns its result.
func onOwnThread<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
    await withCheckedContinuation { continuation in
        BlockingPool.shared.submit { continuation.resume(returning: work()) }
    }
}
