import ArgumentParser
import LogPipe
import Platform
import Rotation

/// logrotate's exit codes, decided in one place.
enum ExitStatus {
    /// 0: everything done.
    static let success: Int32 = 0
    /// 1: a configuration, rotation or state error.
    static let failure: Int32 = 1
    /// 2: a bad command-line option.
    static let badOption: Int32 = 2
    /// 3: the state file is locked by another run.
    static let stateLocked: Int32 = 3

    /// The exit code for how a rotation pass ended.
    static func code(for status: RunStatus) -> Int32 {
        switch status {
        case .success: return success
        case .failure: return failure
        case .stateLocked: return stateLocked
        }
    }

    /// The exit code for how `pipe` ended.
    static func code(for outcome: PipeOutcome) -> Int32 {
        switch outcome {
        case .finished: return success
        case .configurationRejected, .failed: return failure
        case .alreadyPiped: return stateLocked
        }
    }

    /// The exit code for an error that ended the command.
    static func code(for error: any Error, in command: any ParsableCommand.Type) -> Int32 {
        if let exit = error as? ExitCode { return exit.rawValue }
        let code = command.exitCode(for: error).rawValue
        return code == ExitCode.validationFailure.rawValue ? badOption : code
    }
}

/// Writes a line to standard error.
func printToStandardError(_ message: String) {
    var stream = StandardStream.error
    print(message, to: &stream)
}
