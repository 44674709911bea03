import Platform
import SystemPackage

extension PlanExecutor {
    /// Starts a step the schedule runs in the background: a built-in compression begins here (its journal record,
    /// the backup of an existing target, the open files) and ends on `lane`; the unlink of a compressed source runs
    /// there once its compression succeeded.
    func startInBackground(
        _ planned: PlannedStep,
        at index: Int,
        on lane: BackgroundLane,
        context: StepContext,
        progress: inout Progress
    ) {
        guard case .log(let log) = planned.scope else { preconditionFailure("a background step of no log: \(planned)") }
        let (plan, compressed) = (context.plan, context.compressed)
        switch planned.step {
        case .compress(let source, let target, let method, let attributes):
            guard let format = method.builtIn else { preconditionFailure("an external compression in the background") }
            let compression: any CompressionInProgress
            do throws(StepFailure) {
                compression = try startCompression(
                    source,
                    target,
                    format,
                    attributes,
                    step: planned.step,
                    context: context
                )
            } catch {
                context.onEvent(.error(error.message))
                progress.record(error, scope: planned.scope)
                return
            }
            lane.start(index, of: log) { work, _ in
                do throws(PlatformError) {
                    try compression.finish()
                } catch {
                    work.failure = StepFailure(step: planned.step, message: Self.compressionFailure(source, error))
                }
            }
        case .remove(let path, let purpose, _, _):
            lane.start(index, of: log) { [self] work, compression in
                guard compression?.failure == nil else { return }
                let context = StepContext(plan: plan, scope: planned.scope, compressed: compressed) {
                    work.events.append($0)
                }
                do throws(StepFailure) {
                    try remove(path, purpose, nil, .unlink, context: context)
                } catch {
                    work.failure = error
                }
            }
        default:
            preconditionFailure("a step the schedule never runs in the background: \(planned.step)")
        }
    }
}
