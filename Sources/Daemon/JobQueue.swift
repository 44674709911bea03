/// Which jobs run and which wait: at most `limit` at once, each at most once, in the order they became due.
struct JobQueue<Job: Hashable> {
    let limit: Int
    private(set) var running: Set<Job> = []
    private var waiting: [Job] = []

    init(limit: Int) {
        precondition(limit > 0, "at least one rotation must be allowed to run")
        self.limit = limit
    }

    /// Queues the jobs that neither run nor wait already.
    mutating func enqueue(_ jobs: [Job]) {
        for job in jobs where !running.contains(job) && !waiting.contains(job) {
            waiting.append(job)
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

    /// Marks a job finished.
    mutating func finish(_ job: Job) {
        running.remove(job)
    }

    /// Jobs waiting for a free slot.
    var waitingCount: Int { waiting.count }
}
