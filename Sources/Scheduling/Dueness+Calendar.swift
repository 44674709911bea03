import LogrotateConfig
import Platform

extension Dueness {
    /// The calendar test of a time criterion, for a `now` outside the clock hour of `lastRotated`.
    ///
    /// hourly: always; daily: the date differs; weekly N: at least 7 days, or at least 1 day and today is
    /// weekday N (7 never matches); monthly: year or month differs; yearly: year differs; minutes N: at least N
    /// minutes passed (logrotate's development branch wants more than N whole minutes, so a timer every minute
    /// rotates every N+1 minutes).
    /// Equivalent logrotate code: `logrotate.c findNeedRotating`, the `switch (log->criterium)`.
    package static func periodElapsed(_ frequency: Frequency, now: LocalTime, lastRotated last: LocalTime) -> Bool {
        switch frequency {
        case .hourly:
            return true
        case .daily:
            return !now.isSameDate(as: last)
        case .weekly(let weekday):
            let days = daysElapsed(from: last, to: now)
            return days >= 7 || (days >= 1 && now.weekday == weekday)
        case .monthly:
            return (now.year, now.month) != (last.year, last.month)
        case .yearly:
            return now.year != last.year
        case .minutes(let minutes):
            return now.epochSeconds.subtractingClamped(last.epochSeconds) >= Int64(minutes).multipliedClamped(by: 60)
        }
    }

    /// Whole days between the two dates at 00:00, by `mktime`, truncated toward zero: a week spanning the
    /// spring-forward night is 6.96 days, so 6.
    ///
    /// Equivalent logrotate code: `logrotate.c daysElapsed`.
    package static func daysElapsed(from last: LocalTime, to now: LocalTime) -> Int64 {
        now.startOfDay.epochSeconds.subtractingClamped(last.startOfDay.epochSeconds) / 86_400
    }
}
