import Platform

extension Schedule {
    /// The next time after a check at `now` to check a log with the time `rule` (its `at` moment and `spread` delay
    /// included): when its period ends or, when it has ended without the log being rotated (too small, empty,
    /// failed, or rotating right now), when the next period ends, as the next daily run of `logrotate` would.
    ///
    /// What the daemon schedules after each check of a log, and what `logrotated pipe` waits for.
    package static func nextCalendarCheck(_ rule: TimeRule, lastRotated: LocalTime?, now: Int64) -> Int64 {
        let nowTime = LocalTime(epochSeconds: now)
        let end = nextDeadline(after: nowTime, rule: rule, lastRotated: lastRotated ?? nowTime.truncatedToHour)
        return end > now ? end : nextDeadline(after: nowTime, rule: rule, lastRotated: nowTime)
    }
}
