import SystemPackage

/// A program to run, as a value: what rotation scripts, compressors and mailers are.
package struct ProcessRequest: Equatable, Hashable, Sendable {
    /// Where a child's standard input comes from.
    package enum Input: Equatable, Hashable, Sendable {
        case inherit
        case null
        /// Read from this file (opened read-only, no symlink followed).
        case file(FilePath)
        case bytes([UInt8])
    }

    /// Where a child's standard output goes.
    package enum Output: Equatable, Hashable, Sendable {
        case inherit
        case null
        /// Collected into `ProcessResult.standardOutput`.
        case capture
        /// Written to this existing file (opened write-only, truncated, no symlink followed).
        case file(FilePath)
    }

    /// A path, or a bare name searched in `PATH` (as `execvp` does).
    package var executable: String
    /// `argv[0]`; `nil` uses `executable`.
    package var argv0: String?
    /// `argv[1...]`
    package var arguments: [String]
    /// Variables added to (or replacing in) the inherited environment.
    package var environment: [String: String]
    package var standardInput: Input
    package var standardOutput: Output
    /// Whether standard error is collected (otherwise inherited).
    package var captureStandardError: Bool
    /// Run with these ids (set permanently in the child); `nil` keeps ours.
    package var userID: UInt32?
    package var groupID: UInt32?
    /// Seconds after which the child is sent SIGTERM, then SIGKILL; `nil` waits forever.
    package var timeout: Double?

    package init(
        executable: String,
        argv0: String? = nil,
        arguments: [String] = [],
        environment: [String: String] = [:],
        standardInput: Input = .inherit,
        standardOutput: Output = .inherit,
        captureStandardError: Bool = false,
        userID: UInt32? = nil,
        groupID: UInt32? = nil,
        timeout: Double? = nil
    ) {
        self.executable = executable
        self.argv0 = argv0
        self.arguments = arguments
        self.environment = environment
        self.standardInput = standardInput
        self.standardOutput = standardOutput
        self.captureStandardError = captureStandardError
        self.userID = userID
        self.groupID = groupID
        self.timeout = timeout
    }

    /// A logrotate script: `/bin/sh -c SCRIPT logrotate_script ARG…`.
    package static func script(_ text: String, arguments: [String], timeout: Double? = nil) -> ProcessRequest {
        ProcessRequest(
            executable: "/bin/sh",
            argv0: "sh",
            arguments: ["-c", text, "logrotate_script"] + arguments,
            timeout: timeout
        )
    }
}

/// How a child ended. A non-zero exit is a normal result, not an error.
package enum TerminationStatus: Equatable, Hashable, Sendable {
    case exited(Int32)
    case signaled(Int32)
    /// Killed by us after `ProcessRequest.timeout`.
    case timedOut

    package var isSuccess: Bool { self == .exited(0) }
}

/// What a finished child left.
package struct ProcessResult: Equatable, Sendable {
    package var status: TerminationStatus
    package var standardOutput: [UInt8]
    package var standardError: [UInt8]

    package init(status: TerminationStatus, standardOutput: [UInt8] = [], standardError: [UInt8] = []) {
        self.status = status
        self.standardOutput = standardOutput
        self.standardError = standardError
    }
}

/// Runs child processes.
package protocol ProcessRunner: Sendable {
    /// Runs a child to completion.
    /// - Throws: `PlatformError` only when the child could not be started (e.g. the executable does not exist);
    ///   a child that fails is a `ProcessResult` with a non-success status.
    func run(_ request: ProcessRequest) throws(PlatformError) -> ProcessResult
}
