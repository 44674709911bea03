import LogrotateConfig
import Platform
import SystemPackage

/// Prints a block's header and a plan's steps in logrotate's `-d`/`-v` wording, so `logrotated rotate -d` reads
/// like `logrotate -d`.
///
/// Differences: the plan simulates earlier steps, so where `logrotate -d` (which renames nothing) says
/// `log X doesn't exist -- won't try to dispose of it` for a generation its own shift would create, this prints the
/// removal that will happen; `prerotate` comes before the shift (see `Planner`); mail sends print nothing, as in
/// logrotate.
///
/// Equivalent logrotate code: the `message(MESS_DEBUG, …)` calls of `logrotate.c`.
package struct PlanRenderer: Sendable {
    /// `-d` also prints each script with its arguments; `-v` prints what happens on the machine (shred).
    package enum Mode: Sendable {
        case debug
        case verbose
    }

    package var mode: Mode
    /// `-f`: the header says `forced from command line`.
    package var force: Bool
    /// Finds the process of a `signal` step (read-only), so the dry run can say what would happen to it; without it
    /// only the intent is printed.
    package var signalPreview: (@Sendable (SignalDelivery) -> SignalRecipient)?

    package init(
        mode: Mode = .debug,
        force: Bool = false,
        signalPreview: (@Sendable (SignalDelivery) -> SignalRecipient)? = nil
    ) {
        self.mode = mode
        self.force = force
        self.signalPreview = signalPreview
    }

    /// `rotating pattern: …` and the line of settings that follows it.
    ///
    /// Equivalent logrotate code: `logrotate.c rotateLogSet` (the opening debug messages).
    package func header(for block: LogBlock) -> [String] {
        let settings = block.settings
        let count = settings.rotate == 0 ? "(no old logs will be kept)" : "(\(settings.rotate) rotations)"
        var second = settings.oldDir.map { "olddir is \($0), " } ?? ""
        second += "empty log files are \(settings.ifEmpty ? "" : "not ")rotated, "
        if settings.minSize > 0 { second += "only log files >= \(settings.minSize) bytes are rotated, " }
        if settings.maxSize > 0 { second += "log files >= \(settings.maxSize) are rotated earlier, " }
        second += settings.mail.map { "old logs mailed to \($0)" } ?? "old logs are removed"
        return ["rotating pattern: \(block.patternText) \(reason(settings.criterion))\(count)", second]
    }

    private func reason(_ criterion: RotationCriterion) -> String {
        if force { return "forced from command line " }
        switch criterion {
        case .size(let bytes): return "\(bytes) bytes "
        case .time(.hourly): return "hourly "
        case .time(.daily): return "after 1 days "
        case .time(.weekly): return "weekly "
        case .time(.monthly): return "monthly "
        case .time(.yearly): return "yearly "
        case .time(.minutes(let minutes)): return "after \(minutes) minutes "
        }
    }

    /// The lines of every step of a plan, in order; `-d` also says which compressions finish in the background and
    /// where a step waits for them (the plan's `StepSchedule`).
    package func lines(for plan: RotationPlan) -> [String] {
        plan.steps.indices.flatMap { index in
            guard mode == .debug else { return lines(forStepAt: index, in: plan) }
            return waitLines(forStepAt: index, in: plan) + lines(forStepAt: index, in: plan)
                + backgroundLines(forStepAt: index, in: plan)
        }
    }

    /// Where a step of another log (or a shared script) waits for a compression still in the background.
    private func waitLines(forStepAt index: Int, in plan: RotationPlan) -> [String] {
        plan.schedule[index].awaits.compactMap { awaited in
            guard plan.steps[awaited].scope != plan.steps[index].scope,
                case .compress(let source, _, _, _) = plan.steps[awaited].step
            else { return nil }
            return "waiting for the compression of \(source) to finish"
        }
    }

    /// A note for a compression that steps of other logs run beside (one that nothing overlaps prints none).
    private func backgroundLines(forStepAt index: Int, in plan: RotationPlan) -> [String] {
        guard plan.schedule[index].inBackground, case .compress = plan.steps[index].step else { return [] }
        let scope = plan.steps[index].scope
        let overlapped = plan.steps.indices.dropFirst(index + 1)
            .prefix { !plan.schedule[$0].awaits.contains(index) }
            .contains { plan.steps[$0].scope != scope }
        return overlapped ? ["(the compression finishes in the background while the next logs rotate)"] : []
    }

    /// The lines of one step (for `-v` while executing).
    package func lines(forStepAt index: Int, in plan: RotationPlan) -> [String] {
        let step = plan.steps[index].step
        switch step {
        case .notice(let notice): return lines(for: notice, in: plan)
        case .runScript(let kind, let script, let arguments): return scriptLines(kind, script, arguments)
        case .createDirectory: return []
        case .rename(let source, let target, .shift(let count, let start, let position)):
            return ["renaming \(source) to \(target) (rotatecount \(count), logstart \(start), i \(position)), "]
        case .rename(let source, let target, .rotate): return ["renaming \(source) to \(target)"]
        case .rename(let source, let target, .restore):
            return ["moving \(source) back to \(target): the interrupted rotation did not rotate its log"]
        case .create(let path, let attributes): return [creating(path, attributes)]
        case .copy(let source, let target, _): return ["copying \(source) to \(target)", "Not truncating \(source)"]
        case .copyTruncate(let source, let target, _):
            return ["copying \(source) to \(target)", "truncating \(source)"]
        case .truncate(let path): return ["truncating \(path)"]
        case .signal(let delivery): return signalLines(delivery)
        case .compress(_, _, let method, _): return ["compressing log with: \(method.command)"]
        case .mail: return []
        case .remove(let path, let purpose, let preremove, let erasure):
            return removalLines(path, purpose) + preremoveLines(path, preremove) + shredLines(path, erasure)
        }
    }

    private func lines(for notice: PlanNotice, in plan: RotationPlan) -> [String] {
        switch notice {
        case .rotatingLog(let log, let count, let suffix, let pattern):
            let problems = plan.problems.filter { $0.log == log }.map { "error: \($0.message)" }
            return [
                "rotating log \(log), log->rotateCount is \(count)", "dateext suffix '\(suffix)'",
                "glob pattern '\(pattern)'",
            ] + problems
        case .previousLogMissing(let path): return ["previous log \(path) does not exist"]
        case .oldLogMissing(let path): return ["old log \(path) does not exist"]
        case .nothingToDispose(let path): return ["log \(path) doesn't exist -- won't try to dispose of it"]
        case .disposeName(let path): return ["disposeName will be \(path)"]
        }
    }

    private func scriptLines(_ kind: ScriptKind, _ script: String, _ arguments: [String]) -> [String] {
        let name =
            switch kind {
            case .firstaction: "first action"
            case .lastaction: "last action"
            default: kind.rawValue
            }
        guard mode == .debug else { return ["running \(name) script"] }
        let first = arguments.first ?? ""
        let second = arguments.dropFirst().first ?? ""
        return ["running \(name) script", "running script with args \(first) \(second): \"\(script)\""]
    }

    /// `would send SIGUSR2 to pid 1234 (zope) from /run/app.pid`, the refusal, or the intent when not previewing.
    private func signalLines(_ delivery: SignalDelivery) -> [String] {
        let signal = delivery.signal
        let target = delivery.target.phrase
        guard let preview = signalPreview else { return ["sending \(signal) to the process \(target)"] }
        switch preview(delivery) {
        case .none(let reason): return ["would not send \(signal) to the process \(target): \(reason)"]
        case .process(let pid, let command, let verdict) where verdict.isSafe:
            return ["would send \(signal) to \(WriterAdvice.process(pid, command)) \(target)"]
        case .process(let pid, let command, let verdict):
            let archives = delivery.archives
            return [WriterAdvice.refusal(signal, pid: pid, command: command, verdict: verdict, archives: archives)]
        }
    }

    private func creating(_ path: FilePath, _ attributes: FileAttributes) -> String {
        let mode = String(attributes.permissions, radix: 8)
        let padded = String(repeating: "0", count: max(0, 3 - mode.count)) + mode
        let owner = attributes.owner.map { String($0) } ?? "-1"
        let group = attributes.group.map { String($0) } ?? "-1"
        return "creating new \(path) mode = 0\(padded) uid = \(owner) gid = \(group)"
    }

    private func removalLines(_ path: FilePath, _ purpose: RemovalPurpose) -> [String] {
        switch purpose {
        case .oldLog: ["removing old log \(path)"]
        case .expiredDated: ["removing \(path)", "removing old log \(path)"]
        case .compressedSource: []
        case .temporaryCopy: ["removing tmp log \(path)"]
        case .partialArchive: ["removing \(path): a partial archive left by an interrupted run"]
        case .unfinishedCopy: ["removing \(path): the log still holds its lines (copy interrupted before the truncate)"]
        case .overBudget(let log, let budget):
            ["removing \(path): archives of \(log) exceed maxtotalsize \(Self.sizeText(budget))"]
        }
    }

    /// A byte count as a size directive writes it: `10M` when a whole number of k, M or G, else bytes.
    static func sizeText(_ bytes: UInt64) -> String {
        let units: [(UInt64, String)] = [(1 << 30, "G"), (1 << 20, "M"), (1 << 10, "k")]
        guard let (unit, suffix) = units.first(where: { bytes >= $0.0 && bytes % $0.0 == 0 }) else { return "\(bytes)" }
        return "\(bytes / unit)\(suffix)"
    }

    private func preremoveLines(_ path: FilePath, _ preremove: String?) -> [String] {
        preremove.map { scriptLines(.preremove, $0, [path.string]) } ?? []
    }

    private func shredLines(_ path: FilePath, _ erasure: Erasure) -> [String] {
        guard mode == .verbose, erasure != .unlink else { return [] }
        return ["Using shred to remove the file \(path)"]
    }
}
