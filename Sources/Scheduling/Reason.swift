import LogrotateConfig
import Platform
import SystemPackage

/// Why a log is or is not rotated, one case per message of logrotate's `findNeedRotating`.
package enum Reason: Equatable, Hashable, Sendable {
    /// The parent directory does not exist and `missingok` is set: skipped silently.
    case parentDirectoryMissing
    /// `stat` of the parent directory failed (an error).
    case parentDirectoryStatFailed(directory: String, Errno)
    /// The parent directory is world-writable or group-writable by a non-root group (an error).
    case insecureParentDirectory(path: String)
    /// The log does not exist and `missingok` is set.
    case missing(path: String)
    /// `lstat` of the log failed (an error).
    case statFailed(path: String, Errno)
    /// The log is a symbolic link.
    case symbolicLink(path: String)
    /// The log has several hard links and `allowhardlink` is off; `pattern` is the block's pattern text.
    case hardLinks(path: String, count: UInt64, pattern: String)
    /// `-f`/`--force`.
    case forced
    /// `maxsize` exceeded (strictly).
    case maxSizeExceeded
    /// `size` threshold reached.
    case sizeReached
    /// `size` threshold not reached.
    case sizeBelowThreshold
    /// The state says the log was rotated more than 25 hours in the future: rotated, with an error message that
    /// does not change the exit code.
    case rotatedInFuture(path: String)
    /// The calendar period changed since the last rotation.
    case periodElapsed(Frequency)
    /// The calendar period has not changed since `lastRotated`.
    case periodNotElapsed(Frequency, lastRotated: LocalTime)
    /// No moment of an `at`/`spread` rule passed since `lastRotated`; the next is at `next`.
    case momentNotReached(lastRotated: LocalTime, next: LocalTime)
    /// Last rotated within the current clock hour.
    case alreadyRotated
    /// `minsize` not reached.
    case belowMinSize
    /// `minage` not reached.
    case youngerThanMinAge
    /// `notifempty` and the log is empty.
    case empty

    /// Whether this reason makes logrotate's exit code 1.
    package var affectsExitCode: Bool {
        switch self {
        case .parentDirectoryStatFailed, .insecureParentDirectory, .statFailed: true
        default: false
        }
    }

    /// logrotate's line for this reason, if it prints one.
    ///
    /// Equivalent logrotate code: the `message()` calls of `logrotate.c findNeedRotating`.
    package var message: Message? {
        switch self {
        case .parentDirectoryMissing, .forced, .maxSizeExceeded, .sizeReached, .periodElapsed: nil
        case .parentDirectoryStatFailed(let directory, let errno):
            Message(.error, "stat of \(directory) failed: \(errno)")
        case .insecureParentDirectory(let path): Message(.error, Self.insecureText(path))
        case .missing(let path): Message(.debug, "  log \(path) does not exist -- skipping")
        case .statFailed(let path, let errno): Message(.error, "stat of \(path) failed: \(errno)")
        case .symbolicLink(let path):
            Message(
                .debug,
                "  log \(path) is symbolic link. Rotation of symbolic links is not allowed to avoid security issues"
                    + " -- skipping."
            )
        case .hardLinks(let path, let count, let pattern):
            Message(
                .debug,
                "  log \(path) has multiple (\(count)) hard links. Rotation of files with multiple hard links is"
                    + " not allowed for \(pattern) -- skipping."
            )
        case .rotatedInFuture(let path): Message(.error, "log \(path) last rotated in the future -- rotation forced")
        default: notNeededMessage.map { Message(.debug, "  log does not need rotating (\($0))") }
        }
    }

    private var notNeededMessage: String? {
        switch self {
        case .sizeBelowThreshold: "log size is below the 'size' threshold"
        case .alreadyRotated: "log has already been rotated"
        case .belowMinSize: "'minsize' directive is used and the log size is smaller than the minsize value"
        case .youngerThanMinAge: "'minage' directive is used and the log age is smaller than the minage days"
        case .empty: "log is empty"
        case .periodNotElapsed(let frequency, let last):
            "log has been rotated at \(last), which is less than \(Self.periodName(frequency)) ago"
        case .momentNotReached(let last, let next):
            "log has been rotated at \(last), after the last scheduled time; next at \(next)"
        default: nil
        }
    }

    private static func periodName(_ frequency: Frequency) -> String {
        switch frequency {
        case .hourly: "an hour"
        case .daily: "a day"
        case .weekly: "a week"
        case .monthly: "a month"
        case .yearly: "a year"
        case .minutes(let minutes): minutes == 1 ? "a minute" : "\(minutes) minutes"
        }
    }

    private static func insecureText(_ path: String) -> String {
        "skipping \"\(path)\" because parent directory has insecure permissions (It's world writable or writable"
            + " by group which is not \"root\") Set \"su\" directive in config file to tell logrotate which"
            + " user/group should be used for rotation."
    }
}
