import LogrotateConfig
import Platform
import SystemPackage

/// The sentences that explain what rotation does to a process writing a log, and how to fix it; shared by `rotate`,
/// the daemon, `status` and `doctor` so that each problem reads the same everywhere.
package enum WriterAdvice {
    /// The three cures, for a process that keeps writing a rotated file.
    package static let remedy =
        "use copytruncate, a signal the process handles, or make the application reopen its log "
        + "(Python: WatchedFileHandler)"

    /// `pid 1234 (zope)`.
    package static func process(_ pid: Int32, _ command: String) -> String {
        "pid \(pid) (\(command))"
    }

    /// Why a signal is not safe: `it has no handler for SIGUSR2, whose default action would terminate it`.
    package static func danger(of signal: Signal, _ verdict: SignalSafety.Verdict) -> String {
        switch verdict {
        case .wouldTerminate(.core):
            return "it has no handler for \(signal), whose default action would terminate it (with a core dump)"
        case .wouldTerminate: return "it has no handler for \(signal), whose default action would terminate it"
        case .wouldStop: return "it has no handler for \(signal), whose default action would stop it"
        case .blocked:
            return "it blocks \(signal) without a handler: the default action (\(signal.defaultAction)) would run "
                + "once it unblocks it"
        case .noSuchProcess: return "the process does not exist"
        case .handled, .ignored, .harmlessDefault: return "it survives \(signal)"
        }
    }

    /// The error logged instead of sending an unsafe signal.
    package static func refusal(
        _ signal: Signal,
        pid: Int32,
        command: String,
        verdict: SignalSafety.Verdict,
        archives: [FilePath]
    ) -> String {
        let files = archives.map(\.string).joined(separator: ", ")
        return "refusing to send \(signal) to \(process(pid, command)): \(danger(of: signal, verdict)); the log was "
            + "rotated but the process keeps writing \(files) — \(remedy)"
    }

    /// The warning about a process that still writes a rotated file.
    package static func staleWriter(
        _ writer: FileWriter,
        archive: FilePath,
        log: FilePath,
        archiveExists: Bool
    ) -> String {
        let file =
            archiveExists
            ? "\(archive) (fd \(writer.descriptor))"
            : "the deleted \(archive) (fd \(writer.descriptor); its lines are lost)"
        return "\(process(writer.pid, writer.command)) still writes \(file) after \(log) was rotated: it will not "
            + "write the new \(log); \(remedy)"
    }

    /// The warning about a writer without `O_APPEND` under `copytruncate`.
    package static func holes(_ writer: FileWriter, log: FilePath) -> String {
        "\(process(writer.pid, writer.command)) writes \(log) without O_APPEND (fd \(writer.descriptor)): after a "
            + "truncate it keeps writing at its old offset, leaving a hole of zeros at the start of the log; make it "
            + "open the log with O_APPEND, or rotate by rename with a signal it handles"
    }
}
