import SystemPackage
import Testing

@testable import Daemon

@Suite struct TriggerQueueTests {
    @Test func popDue_givesEarliestFirst_andSkipsRescheduledEntries() {
        var queue = TriggerQueue()
        queue.schedule("c", at: 30)
        queue.schedule("a", at: 10)
        queue.schedule("b", at: 20)
        queue.schedule("a", at: 40)
        queue.remove("b")
        #expect(queue.first()?.log == "c")
        #expect(queue.popDue(atOrBefore: 35) == ["c"])
        #expect(queue.popDue(atOrBefore: 100) == ["a"])
        #expect(queue.first() == nil)
    }

    @Test func manyReschedules_keepTheHeapBounded_andTheOrderRight() {
        var queue = TriggerQueue()
        for round in 0..<50 {
            for log in 0..<100 { queue.schedule(FilePath("\(log)"), at: Int64(round * 1000 + (log * 7919) % 100)) }
        }
        let popped = queue.popDue(atOrBefore: .max)
        #expect(popped.count == 100)
        #expect(Set(popped).count == 100)
    }
}
