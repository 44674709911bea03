import Dispatch
import Platform
import SystemPackage

/// Built-in compressions that finish on a background queue while the executor goes on with the next logs: their
/// fsync, and the unlink of the compressed source after it, wait on the disk there while the next log is renamed and
/// compressed. The unlink still happens only once the compressed file is complete and synced.
///
/// Only file steps of other logs, on other files, run ahead of a compression. Anything else (a script, mail, signal,
/// copy or truncate, any other step of the same log, a step on a file still in flight) first waits for every
/// compression and reports its outcome, so the files, the messages that matter and the report are those of running
/// the steps one after the other. With `sharedscripts` a failure stops every log, so nothing runs in the background.
final class BackgroundCompressions {
    /// Compressions in flight at once: one finishing while the next one compresses.
    static let limit = 2

    /// One compression and the unlink of its source.
    final class Job: @unchecked Sendable {
        // Safety: `failure` and `events` are written on the queue, and read only after `done` was waited for.
        let log: FilePath
        let source: FilePath
        let target: FilePath
        var failure: StepFailure?
        var events: [ExecutionEvent] = []
        let done = DispatchGroup()

        init(log: FilePath, source: FilePath, target: FilePath) {
            self.log = log
            self.source = source
            self.target = target
        }
    }

    let isEnabled: Bool
    private let queue = DispatchQueue(label: "logrotated.compression")
    /// Oldest first; touched only by the executing thread.
    private var jobs: [Job] = []

    init(plan: RotationPlan) {
        isEnabled = !plan.sharedScripts
    }

    /// Runs `work` for `job` on the queue, after the work queued before it.
    func enqueue(_ job: Job, _ work: @escaping @Sendable () -> Void) {
        if !jobs.contains(where: { $0 === job }) { jobs.append(job) }
        job.done.enter()
        queue.async {
            work()
            job.done.leave()
        }
    }

    /// The job whose source `step` removes by a plain unlink, for the same log: that unlink can follow it.
    func job(removedBy step: RotationStep, scope: StepScope) -> Job? {
        guard case .remove(let path, .compressedSource, nil, .unlink) = step, case .log(let log) = scope else {
            return nil
        }
        return jobs.last { $0.log == log && $0.source == path }
    }

    /// Waits for what must be complete before `planned` runs, and hands each finished job to `report`.
    func settle(before planned: PlannedStep, report: (Job) -> Void) {
        guard !jobs.isEmpty else { return }
        if mustWaitForAll(before: planned) {
            while !jobs.isEmpty { finishOldest(report: report) }
        } else if case .compress = planned.step, jobs.count >= Self.limit {
            finishOldest(report: report)
        }
    }

    /// Waits for every job.
    func finishAll(report: (Job) -> Void) {
        while !jobs.isEmpty { finishOldest(report: report) }
    }

    private func finishOldest(report: (Job) -> Void) {
        let job = jobs.removeFirst()
        job.done.wait()
        report(job)
    }

    private func mustWaitForAll(before planned: PlannedStep) -> Bool {
        switch planned.scope {
        case .block, .allLogs: return true
        case .log(let log):
            if jobs.contains(where: { $0.log == log }) {
                return job(removedBy: planned.step, scope: planned.scope) == nil
            }
        }
        switch planned.step {
        case .notice: return false
        case .rename(let source, let target, _): return inFlight(source) || inFlight(target)
        case .create(let path, _), .createDirectory(let path, _): return inFlight(path)
        case .compress(let source, let target, let method, _):
            return method.builtIn == nil || inFlight(source) || inFlight(target)
        case .remove(let path, _, let preremove, let erasure):
            return preremove != nil || erasure != .unlink || inFlight(path)
        case .runScript, .copy, .copyTruncate, .truncate, .signal, .mail: return true
        }
    }

    private func inFlight(_ path: FilePath) -> Bool {
        jobs.contains { $0.source == path || $0.target == path }
    }
}
