import Platform
import SystemPackage

/// The journal records of one plan's execution: every log's intent, written (and synced) at once before the plan's
/// first change, and the end of each log that succeeded, written once the plan is done.
struct Journaling {
    let journal: RotationJournal?
    private var begun: Set<PathKey> = []
    private var started = false

    init(journal: RotationJournal?) {
        self.journal = journal
    }

    /// Before the first step that changes anything: records the intents of the plan's logs.
    /// - Throws: a failure of that step when the journal cannot be written (nothing is changed without it).
    mutating func prepare(for planned: PlannedStep, in plan: RotationPlan) throws(StepFailure) {
        guard let journal, !started, !planned.step.isNotice else { return }
        started = true
        let intents = plan.logs.compactMap { plan.intents[$0] }
        do {
            try journal.begin(intents)
            if plan.transformsData { try journal.sync() }
        } catch {
            let path = journal.path?.string ?? "the journal"
            throw StepFailure(
                step: planned.step,
                message: "cannot record the rotation in \(path): \(error.reason); rotating nothing"
            )
        }
        begun = Set(intents.lazy.map { PathKey($0.log) })
    }

    /// Ends, in the journal, the rotation of every log that failed without changing anything, and of every log that
    /// succeeded once the state file records it; the others stay for the next run to finish.
    func end(_ report: ExecutionReport, changed: Set<PathKey>, onEvent: (ExecutionEvent) -> Void) {
        guard let journal else { return }
        let begunOutcomes = report.logs.filter { begun.contains(PathKey($0.log)) }
        journal.endOnceRecorded(begunOutcomes.filter { $0.result == .succeeded }.map(\.log))
        do {
            try journal.end(
                begunOutcomes.filter { $0.result != .succeeded && !changed.contains(PathKey($0.log)) }.map(\.log)
            )
        } catch {
            onEvent(.warning("cannot record the end of rotations in the journal: \(error.reason)"))
        }
    }
}

extension RotationPlan {
    /// Whether the plan compresses or copies: then its intents are synced before it starts, so that even a power cut
    /// leaves the next run what it needs to finish them. A plan of renames and removals alone is journaled without a
    /// sync (its records survive a killed process; its renames are not synced one by one either).
    var transformsData: Bool {
        steps.contains { planned in
            switch planned.step {
            case .compress, .copy, .copyTruncate: true
            default: false
            }
        }
    }
}

extension RotationStep {
    /// Whether the step only reports something.
    var isNotice: Bool {
        if case .notice = self { true } else { false }
    }
}

extension PlanExecutor {
    /// Records, before a compression, which file it compresses (so that only that file is removed afterwards) and,
    /// in the journal, that it begins.
    func beginCompression(_ source: FilePath, into target: FilePath, context: StepContext) throws(StepFailure) {
        let status = try? fileSystem.status(of: source, followSymlinks: false)
        context.compressed.note(source, status?.identity)
        guard let journal, let identity = status?.identity, case .log(let log) = context.scope else { return }
        do {
            try journal.compress(BegunCompression(source: source, identity: identity, target: target), of: log)
        } catch {
            throw StepFailure(step: nil, message: "cannot record the compression of \(source): \(error.reason)")
        }
    }

    /// Records, before a `copytruncate`, that the archive about to be named may hold what the log still holds.
    func beginCopy(to archive: FilePath, context: StepContext) throws(StepFailure) {
        guard let journal, case .log(let log) = context.scope else { return }
        do {
            try journal.copy(to: archive, of: log)
        } catch {
            throw StepFailure(step: nil, message: "cannot record the copy of \(log): \(error.reason)")
        }
    }

    /// Moves back the old versions shifted for each log that failed before it was rotated, newest move first, so
    /// that a failing rotation leaves its archives where they were.
    func undoShifts(_ progress: inout Progress, onEvent: (ExecutionEvent) -> Void) {
        for (key, moves) in progress.shifted where !progress.shouldRun(.log(key.path)) {
            let log = key.path
            progress.shifted[key] = nil
            var undone = 0
            for move in moves.reversed() {
                do {
                    try fileSystem.rename(move.to, to: move.from, replace: false)
                    onEvent(.info("moved \(move.to) back to \(move.from): the rotation of \(log) did not happen"))
                    undone += 1
                } catch {
                    onEvent(.error("could not move \(move.to) back to \(move.from): \(error.reason)"))
                    break
                }
            }
            if undone == moves.count, !progress.unshiftedChanges.contains(key) { progress.changed.remove(key) }
        }
    }
}
