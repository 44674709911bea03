import LogrotateConfig
import Platform
import SystemPackage

/// The process a `signal` directive addresses, as found now.
package enum SignalRecipient: Equatable, Sendable {
    /// A running process, and what the signal would do to it.
    case process(pid: Int32, command: String, verdict: SignalSafety.Verdict)
    /// No process to signal: the pidfile is missing or stale, the unit is not running… (the reason, a sentence).
    case none(String)
}

/// Finds the process of a `signal` directive and tells whether the signal is safe for it; changes nothing, so the
/// dry run, `doctor` and the executor share it.
package struct SignalResolver: Sendable {
    package var processes: any ProcessInspector
    package var processRunner: any ProcessRunner

    package init(processes: any ProcessInspector, processRunner: any ProcessRunner) {
        self.processes = processes
        self.processRunner = processRunner
    }

    /// The recipient of `signal` sent to `target`.
    package func recipient(of signal: Signal, _ target: SignalTarget) -> SignalRecipient {
        let pid: Int32
        switch target {
        case .pidFile(let path):
            do {
                pid = try processes.processID(inPidFile: FilePath(path))
            } catch {
                return .none(error.message)
            }
        case .unit(let unit):
            switch mainProcessID(of: unit) {
            case .success(let found): pid = found
            case .failure(let reason): return .none(reason.message)
            }
        }
        let verdict = (try? processes.safety(of: signal, for: pid)) ?? .noSuchProcess
        if verdict == .noSuchProcess { return .none("process \(pid) does not exist") }
        return .process(pid: pid, command: processes.command(of: pid) ?? "?", verdict: verdict)
    }

    /// `systemctl show --property=MainPID --value UNIT`; 0 means the unit is not running.
    private func mainProcessID(of unit: String) -> Result<Int32, PlatformError> {
        let request = ProcessRequest(
            executable: "systemctl",
            arguments: ["show", "--property=MainPID", "--value", unit],
            standardOutput: .capture,
            captureStandardError: true,
            timeout: 10
        )
        guard let result = try? processRunner.run(request), result.status.isSuccess else {
            return .failure(PlatformError(.other, "systemctl show \(unit) failed"))
        }
        let text = String(decoding: result.standardOutput, as: UTF8.self).filter { !$0.isWhitespace }
        guard let pid = Int32(text) else {
            return .failure(PlatformError(.other, "systemctl show \(unit) gave no main pid: '\(text)'"))
        }
        guard pid > 1 else { return .failure(PlatformError(.notFound, "unit \(unit) is not running")) }
        return .success(pid)
    }
}

extension SignalTarget {
    /// `from /run/app.pid` or `of unit app.service`, for messages.
    package var phrase: String {
        switch self {
        case .pidFile(let path): return "from \(path)"
        case .unit(let unit): return "of unit \(unit)"
        }
    }
}
