import SystemPackage

/// When one step of a plan runs: the executor's only source of parallelism, stated in the plan.
package struct StepTiming: Equatable, Sendable {
    /// The background steps (plan indices, ascending) that must have finished, and been reported, before this step
    /// starts.
    package var awaits: [Int]
    /// Whether the step finishes on the background lane while the steps after it run.
    package var inBackground: Bool

    package init(awaits: [Int] = [], inBackground: Bool = false) {
        self.awaits = awaits
        self.inBackground = inBackground
    }
}

/// How the steps of a plan may overlap, decided from the plan alone so that `-d` states it and a test checks it
/// without running anything.
///
/// Built-in compressions, and the unlink of each compressed source after its compression, run on one background
/// lane, one after the other, while the executor goes on with the next logs: the fsync of an archive and the unlink
/// of its source wait on the disk there while the next log is renamed and compressed. Only file steps of other
/// logs, on files no background step still uses, run ahead of a background step. Anything else (a script, mail,
/// signal, copy or truncate, any other step of the same log, a step on a file still in flight) first waits for every
/// background step before it, so the files, the messages and the report are those of running the steps one after
/// the other. At most `compressionsInFlight` compressions are outstanding: the next one first waits for the oldest.
/// With `sharedscripts` a failure stops every log, so nothing runs in the background.
package struct StepSchedule: Equatable, Sendable {
    /// Compressions outstanding at once: one finishing while the next one compresses.
    package static let compressionsInFlight = 2

    /// One timing per step of the plan, in the plan's order.
    package let timings: [StepTiming]

    package init(steps: [PlannedStep], sharedScripts: Bool) {
        guard !sharedScripts else {
            timings = Array(repeating: StepTiming(), count: steps.count)
            return
        }
        var outstanding = OutstandingSteps()
        timings = steps.enumerated().map { index, planned in
            outstanding.timing(of: planned, at: index)
        }
    }

    /// The timing of step `index`.
    package subscript(index: Int) -> StepTiming { timings[index] }
}

/// The background steps that may still run at a point of the plan, as the executor will have them.
private struct OutstandingSteps {
    /// A background step: a compression or the unlink of its source.
    struct Entry {
        let index: Int
        let log: FilePath
        /// The compression's source, also the path the unlink removes.
        let source: FilePath
        /// The compression's target; `nil` for an unlink.
        let target: FilePath?
    }

    private var entries: [Entry] = []

    /// The timing of `planned`, and the outstanding steps after it started.
    mutating func timing(of planned: PlannedStep, at index: Int) -> StepTiming {
        if let unlink = unlinkFollowingCompression(planned) {
            entries.append(Entry(index: index, log: unlink.log, source: unlink.path, target: nil))
            return StepTiming(inBackground: true)
        }
        if mustWaitForAll(before: planned) {
            defer { entries = [] }
            return StepTiming(awaits: entries.map(\.index))
        }
        guard case .log(let log) = planned.scope, case .compress(let source, let target, let method, _) = planned.step,
            method.builtIn != nil
        else { return StepTiming() }
        var awaited: [Int] = []
        if entries.count(where: { $0.target != nil }) >= StepSchedule.compressionsInFlight {
            awaited = awaitOldestCompression()
        }
        entries.append(Entry(index: index, log: log, source: source, target: target))
        return StepTiming(awaits: awaited, inBackground: true)
    }

    /// The log and the path when `planned` unlinks the source of that log's compression, still outstanding; `nil`
    /// for any other step.
    private func unlinkFollowingCompression(_ planned: PlannedStep) -> (log: FilePath, path: FilePath)? {
        guard case .remove(let path, .compressedSource, nil, .unlink) = planned.step,
            case .log(let log) = planned.scope,
            entries.last(where: { $0.log == log })?.source == path
        else { return nil }
        return (log, path)
    }

    /// Drops the oldest compression and what the lane runs before it (finished once it is), returning their indices.
    private mutating func awaitOldestCompression() -> [Int] {
        guard let oldest = entries.firstIndex(where: { $0.target != nil }) else { return [] }
        var end = oldest + 1
        // The unlink of its source runs right after it on the lane: awaited with it, as one job.
        if end < entries.count, entries[end].target == nil, entries[end].log == entries[oldest].log { end += 1 }
        defer { entries.removeFirst(end) }
        return entries[..<end].map(\.index)
    }

    private func mustWaitForAll(before planned: PlannedStep) -> Bool {
        guard !entries.isEmpty else { return false }
        switch planned.scope {
        case .block, .allLogs: return true
        case .log(let log): if entries.contains(where: { $0.log == log }) { return true }
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
        entries.contains { $0.source == path || $0.target == path }
    }
}
