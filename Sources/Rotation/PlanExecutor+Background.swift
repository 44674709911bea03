import Platform
import SystemPackage

extension PlanExecutor {
    /// Starts a built-in compression whose end runs on `background`, or queues the unlink of a source being
    /// compressed there; `false` when the step is to run here and now.
    func hand(
        _ planned: PlannedStep,
        to background: BackgroundCompressions,
        context: StepContext
    ) throws(StepFailure) -> Bool {
        let plan = context.plan
        let compressed = context.compressed
        guard background.isEnabled, case .log(let log) = planned.scope else { return false }
        if let job = background.job(removedBy: planned.step, scope: planned.scope) {
            background.enqueue(job) { [self] in
                guard job.failure == nil, case .remove(let path, let purpose, _, _) = planned.step else { return }
                let context = StepContext(plan: plan, scope: planned.scope, compressed: compressed) {
                    job.events.append($0)
                }
                do throws(StepFailure) {
                    try remove(path, purpose, nil, .unlink, context: context)
                } catch {
                    job.failure = error
                }
            }
            return true
        }
        guard case .compress(let source, let target, let method, let attributes) = planned.step,
            let format = method.builtIn
        else { return false }
        let compression = try startCompression(
            source,
            target,
            format,
            attributes,
            step: planned.step,
            context: context
        )
        let job = BackgroundCompressions.Job(log: log, source: source, target: target)
        background.enqueue(job) {
            do throws(PlatformError) {
                try compression.finish()
            } catch {
                job.failure = StepFailure(step: planned.step, message: Self.compressionFailure(source, error))
            }
        }
        return true
    }
}
