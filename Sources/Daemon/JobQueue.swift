/// Which jobs run and which wait: at most `limit` at once, each at most once, in the order they became due, but jobs
/// for an event (a log past its size limit, a new file) before those of a calendar check: a wave of thousands of due
/// logs after downtime is a hundred jobs, and a size event queued behind them waited for the whole wave. A job found
/// due again while it runs (its log grew past its limit again during a long compression) runs once more after it:
/// however often it was found due meanwhile, once.
struct JobQueue<Job: Hashable> {
    let limit: Int
    private(set) var running: Set<Job> = []
    /// Jobs for events, waiting.
    private var urgent: [Job] = []
    private var waiting: [Job] = []
    /// Running jobs found due again meanwhile, and whether for an event.
    private var again: [Job: Bool] = [:]

    init(limit: Int) {
        precondition(limit > 0, "at least one rotation must be allowed to run")
        self.limit = limit
    }

    /// Queues the jobs that neither run nor wait already (before the calendar's jobs when `urgent`); a running one is
    /// queued again when it finishes.
    mutating func enqueue(_ jobs: [Job], urgent isUrgent: Bool = false) {
        for job in jobs where !waiting.contains(job) && !urgent.contains(job) {
            if running.contains(job) {
                again[job] = again[job] == true || isUrgent
            } else if isUrgent {
                urgent.append(job)
            } else {
                waiting.append(job)
            }
        }
    }

    /// Removes and returns the jobs that may start now, marking them running.
    mutating func startable() -> [Job] {
        var started: [Job] = []
        while running.count < limit, !urgent.isEmpty || !waiting.isEmpty {
            let job = urgent.isEmpty ? waiting.removeFirst() : urgent.removeFirst()
            running.insert(job)
            started.append(job)
        }
        return started
    }

    /// Marks a job finished; it waits again when it was found due while it ran.
    mutating func finish(_ job: Job) {
        running.remove(job)
        switch again.removeValue(forKey: job) {
        case true?: urgent.append(job)
        case false?: waiting.append(job)
        case nil: break
        }
    }

    /// Jobs waiting for a free slot.
    var waitingCount: Int { urgent.count + waiting.count }
}
