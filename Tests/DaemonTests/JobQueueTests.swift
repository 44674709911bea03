import Testing

@testable import Daemon

/// The order in which queued jobs start.
@Suite struct JobQueueTests {
    @Test func eventJobs_startBeforeTheCalendarsWaitingJobs() {
        var queue = JobQueue<String>(limit: 1)
        queue.enqueue(["wave 1", "wave 2", "wave 3"])
        #expect(queue.startable() == ["wave 1"])
        queue.enqueue(["size a"], urgent: true)
        queue.enqueue(["size b"], urgent: true)
        queue.finish("wave 1")
        #expect(queue.startable() == ["size a"])
        queue.finish("size a")
        #expect(queue.startable() == ["size b"])
        queue.finish("size b")
        #expect(queue.startable() == ["wave 2"])
        #expect(queue.waitingCount == 1)
    }

    @Test func jobFoundDueWhileRunning_runsOnceMoreAfter_withItsUrgency() {
        var queue = JobQueue<String>(limit: 1)
        queue.enqueue(["a"], urgent: true)
        #expect(queue.startable() == ["a"])
        queue.enqueue(["wave"])
        queue.enqueue(["a"], urgent: true)
        queue.enqueue(["a"])
        queue.finish("a")
        #expect(queue.startable() == ["a"])
        queue.finish("a")
        #expect(queue.startable() == ["wave"])
        queue.finish("wave")
        #expect(queue.startable().isEmpty)
    }
}
