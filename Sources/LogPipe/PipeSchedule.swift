import LogrotateConfig
import Platform
import Scheduling

/// When the write loop next asks for a rotation check: at a size, at a time, or both.
struct PipeSchedule: Sendable, CustomStringConvertible {
    /// Check when the file reaches this many bytes (`nil`: size does not matter now).
    var sizeLimit: UInt64?
    /// Check at this wall-clock time (Unix seconds; `nil`: no time rule and nothing to retry).
    var nextCheck: Int64?

    /// How long a log over its size limit but not rotated (`minage`, a failed rotation, a locked state file) waits
    /// before it is checked again.
    static let retryDelay: Int64 = 60

    /// The schedule after a check at `now`: the block's size limit, and its time rule's next check (with `at`,
    /// `spread` and `minutes`, the daemon's `Schedule.nextCalendarCheck`); when the check did not rotate a log
    /// already at its size limit, size is ignored until a retry one `retryDelay` later.
    init(settings: LogSettings, lastRotated: LocalTime?, now: Int64, size: UInt64?, rotated: Bool) {
        sizeLimit = SizeRules.watchLimit(settings)
        if let rule = TimeRule(settings: settings) {
            nextCheck = Schedule.nextCalendarCheck(rule, lastRotated: lastRotated, now: now)
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

    /// `at 2026-12-03 04:00 or at 10485760 bytes`, as the pipe's `-v` output says it.
    var description: String {
        let time = nextCheck.map { "at \(LocalTime(epochSeconds: $0))" }
        let size = sizeLimit.map { "at \($0) bytes" }
        let parts = [time, size].compactMap { $0 }
        return parts.isEmpty ? "none" : parts.joined(separator: " or ")
    }
}
