import Dispatch
import Glibc
import Synchronization
import Testing

@testable import Daemon

@Suite struct BlockingPoolTests {
    @Test func submittedWork_allRuns_onAtMostSizeThreadsAtOnce() async {
        let pool = BlockingPool(size: 3)
        let counts = Mutex((running: 0, most: 0, done: 0))
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<50 {
            pool.submit {
                counts.withLock {
                    $0.running += 1
                    $0.most = max($0.most, $0.running)
                }
                usleep(1_000)
                counts.withLock {
                    $0.running -= 1
                    $0.done += 1
                }
                finished.signal()
            }
        }
        for _ in 0..<50 { finished.wait() }
        let final = counts.withLock { $0 }
        #expect(final.done == 50)
        #expect(final.most <= 3)
    }

    @Test func onOwnThread_returnsTheResult() async {
        #expect(await onOwnThread { 6 * 7 } == 42)
    }
}
