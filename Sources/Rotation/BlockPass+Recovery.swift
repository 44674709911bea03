import LogrotateConfig
import Platform
import Scheduling
import SystemPackage

extension BlockPass {
    /// Finishes the log's rotation that the journal says an earlier run began and did not end (see
    /// `InterruptedRotation`), before the log is considered again; a dry run prints what would be done. Returns
    /// whether the log may be rotated now: `false` while part of the earlier rotation is left for later.
    mutating func finishInterrupted(_ log: FilePath, state: inout StateFile) -> Bool {
        guard let journal, let unfinished = journal.unfinished(log) else { return true }
        let processes = run.processes
        let recovery = InterruptedRotation(unfinished, settings: block.settings).recovery(
            patternText: block.patternText,
            fileSystem: run.fileSystem,
            isWritten: { !processes.writers(of: $0).isEmpty }
        )
        let begun = LocalTime(epochSeconds: unfinished.intent.epochSeconds)
        reporter.debug("finishing the rotation of \(log) that was interrupted (begun \(begun))")
        for note in recovery.notes { reporter.warning(note) }
        if options.dryRun {
            show(recovery.plan)
            return recovery.notes.isEmpty
        }
        let report = execute(recovery.plan)
        guard report.logs.allSatisfy({ $0.result == .succeeded }), recovery.notes.isEmpty else { return false }
        guard recovery.rotated else {
            do {
                try journal.end([log])
            } catch {
                reporter.warning(
                    "cannot record in the journal that the rotation of \(log) is finished: \(error.reason)"
                )
            }
            return true
        }
        state[log.string] = begun
        journal.endOnceRecorded([log])
        return true
    }
}
