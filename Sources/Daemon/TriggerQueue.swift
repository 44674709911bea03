import SystemPackage

/// The daemon's calendar wake-ups: for each log with a time rule, the instant it should next be checked, in a
/// binary min-heap. Rescheduling a log pushes a new entry; the old one is dropped lazily when it reaches the top, so
/// every operation costs O(log n) whatever the number of logs.
struct TriggerQueue: Sendable {
    private struct Entry: Sendable {
        var time: Int64
        var log: FilePath
    }

    private var heap: [Entry] = []
    /// The instant each log is scheduled at now: heap entries that disagree are stale.
    private var scheduled: [FilePath: Int64] = [:]

    /// Schedules `log` at `time`, replacing its previous instant.
    mutating func schedule(_ log: FilePath, at time: Int64) {
        guard scheduled[log] != time else { return }
        scheduled[log] = time
        push(Entry(time: time, log: log))
        if heap.count > 2 * scheduled.count + 64 { compact() }
    }

    /// The instant `log` is scheduled at, if any.
    func time(of log: FilePath) -> Int64? {
        scheduled[log]
    }

    /// Forgets `log` (it no longer matches its block, or lost its time rule).
    mutating func remove(_ log: FilePath) {
        scheduled[log] = nil
    }

    /// The earliest scheduled instant and its log.
    mutating func first() -> (time: Int64, log: FilePath)? {
        dropStaleTop()
        return heap.first.map { ($0.time, $0.log) }
    }

    /// Removes and returns every log scheduled at or before `time`, earliest first.
    mutating func popDue(atOrBefore time: Int64) -> [FilePath] {
        var due: [FilePath] = []
        while let top = first(), top.time <= time {
            popTop()
            scheduled[top.log] = nil
            due.append(top.log)
        }
        return due
    }

    private mutating func dropStaleTop() {
        while let top = heap.first, scheduled[top.log] != top.time { popTop() }
    }

    /// Rebuilds the heap from the live entries (stale ones piled up).
    private mutating func compact() {
        let live = scheduled.map { Entry(time: $0.value, log: $0.key) }
        heap = []
        for entry in live { push(entry) }
    }

    private mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].time < heap[parent].time else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func popTop() {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].time < heap[smallest].time { smallest = left }
            if right < heap.count && heap[right].time < heap[smallest].time { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
