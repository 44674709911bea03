import Dispatch
import Rotation
import SystemPackage

/// Where, in a rotation plan, the pipe stops writing its log and where it opens the new one: it stops right before
/// the first step that moves, copies, truncates or creates the log, and reopens right before the first step after the
/// last of them (or when the plan ends). Shifting old versions, `prerotate`, `postrotate`, compression, mail and
/// removals run while the pipe writes the new file.
final class FileSwitch: @unchecked Sendable {
    // Safety: used only on the rotation worker's thread, where the executor calls it.
    private let first: Int?
    private let last: Int?
    private let inbox: PipeInbox
    private var paused = false
    private var reopened = false

    /// The switch for `log` in `plan`; pausing and reopening go through `inbox` to the write loop.
    init(plan: RotationPlan, log: FilePath, inbox: PipeInbox) {
        let touching = plan.steps.indices.filter { Self.touches(plan.steps[$0].step, log) }
        first = touching.first
        last = touching.last
        self.inbox = inbox
    }

    /// Called before step `index` runs: pauses the writer (waiting until it stopped writing) before the first step
    /// on the log, reopens it before the first step after the last one.
    func willRun(_ index: Int) {
        if let first, index == first, !paused {
            let stopped = DispatchSemaphore(value: 0)
            inbox.post(.pause(stopped))
            stopped.wait()
            paused = true
        }
        if let last, index > last { finish() }
    }

    /// Reopens the writer if it was paused and not reopened yet (the plan ended, or its log's steps stopped).
    func finish() {
        guard paused, !reopened else { return }
        reopened = true
        inbox.post(.reopen)
    }

    /// Whether `step` moves, copies, truncates or creates the file at `log`.
    static func touches(_ step: RotationStep, _ log: FilePath) -> Bool {
        switch step {
        case .rename(let source, _, _), .copy(let source, _, _), .copyTruncate(let source, _, _):
            return source == log
        case .truncate(let path), .create(let path, _):
            return path == log
        case .notice, .runScript, .createDirectory, .signal, .compress, .mail, .remove:
            return false
        }
    }
}
