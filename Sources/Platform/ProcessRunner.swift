import SystemPackage

/// A program to run, as a value: what rotation scripts, compressors and mailers are.
public struct ProcessRequest: Equatable, Hashable, Sendable {
    /// Where a child's standard input comes from.
    public enum Input: Equatable, Hashable, Sendable {
        case inherit
        case null
        /// Read from this file (opened read-only, no symlink followed).
        case file(FilePath)
        case bytes([UInt8])
    }

    /// Where a child's standard output goes.
    public enum Output: Equatable, Hashable, Sendable {
        case inherit
        case null
        /// Collected into `ProcessResult.standardOutput`.
        case capture
        /// Written to this existing file (opened write-only, truncated, no symlink followed).
        case file(FilePath)
    }

    /// A path, or a bare name searched in `PATH` (as `execvp` does).
    public var executable: String
    /// `argv[0]`; `nil` uses `executable`.
    public var argv0: String?
    /// `argv[1...]`
    public var arguments: [String]
    /// Variables added to (or replacing in) the inherited environment.
    public var environment: [String: String]
    public var standardInput: Input
    public var standardOutput: Output
    /// Whether standard error is collected (otherwise inherited).
    public var captureStandardError: Bool
    /// Run with these ids (set permanently in the child); `nil` keeps ours.
    public var userID: UInt32?
    public var groupID: UInt32?
    /// Seconds after which the child is sent SIGTERM, then SIGKILL; `nil` waits forever.
    public var timeout: Double?

    public init(
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
    public static func script(_ text: String, arguments: [String], timeout: Double? = nil) -> ProcessRequest {
        ProcessRequest(
            executable: "/bin/sh",
            argv0: "sh",
            arguments: ["-c", text, "logrotate_script"] + arguments,
            timeout: timeout
        )
    }
}

/// How a child ended. A non-zero exit is a normal result, not an error.
public enum TerminationStatus: Equatable, Hashable, Sendable {
    case exited(Int32)
    case signaled(Int32)
    /// Killed by us after `ProcessRequest.timeout`.
    case timedOut

    public var isSuccess: Bool { self == .exited(0) }
}

/// What a finished child left.
public struct ProcessResult: Equatable, Sendable {
    public var status: TerminationStatus
    public var standardOutput: [UInt8]
    public var standardError: [UInt8]

    public init(status: TerminationStatus, standardOutput: [UInt8] = [], standardError: [UInt8] = []) {
        self.status = status
        self.standardOutput = standardOutput
        self.standardError = standardError
    }
}

/// Runs child processes.
public protocol ProcessRunner: Sendable {
    /// Runs a child to completion.
    /// - Throws: `PlatformError` only when the child could not be started (e.g. the executable does not exist);
    ///   a child that fails is a `ProcessResult` with a non-success status.
    func run(_ request: ProcessRequest) throws(PlatformError) -> ProcessResult
}
