import Platform
import SystemPackage

extension PlanExecutor {
    /// `copytruncate`. When no process has the log open for writing, nothing can be lost: plain copy, then truncate,
    /// exactly as logrotate (identical results, even for a file smaller than one block). With writers,
    /// `LosslessTruncation` copies and collapses the copied prefix out of the log (ext4, xfs; every writer with
    /// `O_APPEND`), leaving what was written meanwhile, and at most a block's worth of tail, in the log; elsewhere it
    /// copies, catches up and truncates at once, and the remaining window is reported.
    ///
    /// Equivalent logrotate code: `logrotate.c copyTruncate`.
    func copyTruncate(
        _ source: FilePath,
        _ target: FilePath,
        _ attributes: FileAttributes,
        context: StepContext
    ) throws(StepFailure) {
        let step = RotationStep.copyTruncate(from: source, to: target, attributes)
        try beginCopy(to: target, context: context)
        let writers = currentWriters(of: source)
        guard !writers.isEmpty else {
            try copy(source, target, attributes, step: step, context: context)
            do {
                return try truncate(source, step: step)
            } catch {
                // The log still holds every line of the copy: removing the copy leaves the tree as it was.
                try? fileSystem.remove(target)
                throw error
            }
        }
        for writer in writers where writer.writesAtOwnOffset {
            context.onEvent(.warning(WriterAdvice.holes(writer, log: source)))
        }
        let outcome = try withBackup(of: target, step: step, context: context) { () throws(PlatformError) in
            try asBlockUser { () throws(PlatformError) in
                try processes.copyAndTruncate(
                    source,
                    to: target,
                    permissions: attributes.permissions,
                    owner: attributes.owner,
                    group: attributes.group
                )
            }
        } failure: {
            "error copying \(source) to \(target): \($0.reason)"
        }
        report(outcome, source: source, target: target, context: context)
    }

    /// The descriptors open for writing on the file now at `path`.
    func currentWriters(of path: FilePath) -> [FileWriter] {
        guard let status = try? fileSystem.status(of: path, followSymlinks: false) else { return [] }
        return processes.writers(of: status.identity)
    }

    private func report(
        _ outcome: LosslessTruncation.Outcome,
        source: FilePath,
        target: FilePath,
        context: StepContext
    ) {
        switch outcome {
        case .collapsed(let bytes):
            context.onEvent(
                .info(
                    "copytruncate: collapsed the first \(bytes) bytes of \(source) into \(target) (tail left in the log)"
                )
            )
        case .truncated(let copied, let window, let reason):
            let text =
                "copytruncate: could not collapse \(source) (\(reason.sentence)); copied \(copied) bytes to \(target) "
                + "and truncated: lines written in the last \(window) before the truncate may be lost"
            context.onEvent(.warning(text))
        }
    }
}

extension LosslessTruncation.FallbackReason {
    /// Why the collapse was not used, as a clause.
    var sentence: String {
        switch self {
        case .disabled: return "collapse disabled"
        case .smallerThanBlock(let size, let block): return "\(size) bytes is not more than one \(block)-byte block"
        case .nonAppendWriter(let writer):
            return "pid \(writer.pid) (\(writer.command)) writes without O_APPEND"
        case .collapseFailed(let errno): return "the file system refused FALLOC_FL_COLLAPSE_RANGE: \(errno)"
        }
    }
}
