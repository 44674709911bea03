import LogrotateConfig
import Platform
import Scheduling

/// When the write loop next asks for a rotation check: at a size, at a time, or both.
struct PipeSchedule: Sendable {
    /// Check when the file reaches this many bytes (`nil`: size does not matter now).
    var sizeLimit: UInt64?
    /// Check at this wall-clock time (Unix seconds; `nil`: no time rule and nothing to retry).
    var nextCheck: Int64?

    /// How long a log over its size limit but not rotated (`minage`, a failed rotation, a locked state file) waits
    /// before it is checked again.
    static let retryDelay: Int64 = 60

    /// The schedule after a check at `now`: the block's size limit, and its next calendar check; when the check did
    /// not rotate a log already at its size limit, size is ignored until a retry one `retryDelay` later.
    init(settings: LogSettings, lastRotated: LocalTime?, now: Int64, size: UInt64?, rotated: Bool) {
        sizeLimit = SizeRules.watchLimit(settings)
        if case .time(let frequency) = settings.criterion {
            nextCheck = Self.nextCalendarCheck(frequency, lastRotated: lastRotated, now: now)
        }
        if !rotated, let limit = sizeLimit, let size, size >= limit { retry(now: now) }
    }

    /// The schedule before the first check: the block's size limit.
    init(settings: LogSettings) {
        sizeLimit = SizeRules.watchLimit(settings)
    }

    /// A schedule that only retries, `retryDelay` after `now`.
    init(retryingAfter now: Int64) {
        retry(now: now)
    }

    private mutating func retry(now: Int64) {
        sizeLimit = nil
        nextCheck = min(nextCheck ?? .max, now + Self.retryDelay)
    }

    /// When a time rule is next worth checking: when its period ends or, when it has ended without the log being
    /// rotated, when the next one ends (as the daemon's `LogOutlook.nextCalendarCheck`).
    static func nextCalendarCheck(_ frequency: Frequency, lastRotated: LocalTime?, now: Int64) -> Int64 {
        let nowTime = LocalTime(epochSeconds: now)
        let last = lastRotated ?? nowTime.truncatedToHour
        let end = Schedule.nextDeadline(after: nowTime, frequency: frequency, lastRotated: last)
        return end > now ? end : Schedule.nextDeadline(after: nowTime, frequency: frequency, lastRotated: nowTime)
    }
}
