import Dispatch
import SystemPackage

/// The one queue the background steps of a `StepSchedule` run on, in plan order. It decides nothing: the schedule
/// says which steps run here and what each step waits for; the lane runs them and hands each finished one back.
final class BackgroundLane {
    /// One background step: its failure and messages, kept until the executor reports them.
    final class Work: @unchecked Sendable {
        // Safety: `failure` and `events` are written on the lane, and read only after `done` was waited for (or on
        // the lane by a later work item, which the serial queue runs after this one).
        let index: Int
        let log: FilePath
        var failure: StepFailure?
        var events: [ExecutionEvent] = []
        fileprivate let done = DispatchGroup()

        fileprivate init(index: Int, log: FilePath) {
            self.index = index
            self.log = log
        }
    }

    private let queue = DispatchQueue(label: "logrotated.background-steps")
    /// By plan index, started and not yet reported; touched only by the executing thread.
    private var pending: [Int: Work] = [:]

    /// Runs `body` for step `index` of `log` on the lane, after every step started there before it. `body` gets the
    /// step's record and the latest earlier step of the same log still pending (a compression its unlink follows).
    func start(_ index: Int, of log: FilePath, _ body: @escaping @Sendable (Work, Work?) -> Void) {
        let previous = pending.values.filter { $0.log == log }.max { $0.index < $1.index }
        let work = Work(index: index, log: log)
        pending[index] = work
        work.done.enter()
        queue.async {
            body(work, previous)
            work.done.leave()
        }
    }

    /// Waits for the listed steps (those never started are skipped) and hands each to `report`, in order.
    func finish(_ indices: [Int], report: (Work) -> Void) {
        for index in indices {
            guard let work = pending.removeValue(forKey: index) else { continue }
            work.done.wait()
            report(work)
        }
    }

    /// Waits for every pending step, in plan order.
    func finishAll(report: (Work) -> Void) {
        finish(pending.keys.sorted(), report: report)
    }
}
