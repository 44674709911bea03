/// Which jobs run and which wait: at most `limit` at once, each at most once, in the order they became due. A job
/// found due again while it runs (its log grew past its limit again during a long compression) runs once more after
/// it: however often it was found due meanwhile, once.
struct JobQueue<Job: Hashable> {
    let limit: Int
    private(set) var running: Set<Job> = []
    private var waiting: [Job] = []
    /// Running jobs found due again meanwhile.
    private var again: Set<Job> = []

    init(limit: Int) {
        precondition(limit > 0, "at least one rotation must be allowed to run")
        self.limit = limit
    }

    /// Queues the jobs that neither run nor wait already; a running one is queued again when it finishes.
    mutating func enqueue(_ jobs: [Job]) {
        for job in jobs where !waiting.contains(job) {
            if running.contains(job) {
                again.insert(job)
            } else {
                waiting.append(job)
            }
        }
    }

    /// Removes and returns the jobs that may start now, marking them running.
    mutating func startable() -> [Job] {
        var started: [Job] = []
        while running.count < limit, !waiting.isEmpty {
            let job = waiting.removeFirst()
            running.insert(job)
            started.append(job)
        }
        return started
    }

    /// Marks a job finished; it waits again when it was found due while it ran.
    mutating func finish(_ job: Job) {
        running.remove(job)
        if again.remove(job) != nil { waiting.append(job) }
    }

    /// Jobs waiting for a free slot.
    var waitingCount: Int { waiting.count }
}
