import LogrotateConfig
import Platform

/// When a time criterion next fires, for a daemon that sleeps until then instead of polling.
package enum Schedule {
    /// The earliest instant at or after `now` at which ``Dueness/decide(path:pattern:settings:status:lastRotated:now:force:)``
    /// would find the calendar test of `frequency` satisfied against `lastRotated` (size gates aside).
    ///
    /// That is `now` itself when already due, else the next boundary: the top of the next hour (hourly), the next
    /// local midnight (daily), the next midnight where the weekly rule holds, 1st of next month 00:00 (monthly),
    /// 1 January 00:00 (yearly). Local wall times go through `mktime`, so DST shifts are respected.
    /// A `lastRotated` more than 25 hours ahead of `now` is due at once, as in logrotate.
    package static func nextDeadline(after now: LocalTime, frequency: Frequency, lastRotated: LocalTime) -> Int64 {
        nextDeadline(after: now, rule: TimeRule(frequency), lastRotated: lastRotated)
    }

    /// The earliest instant at or after `now` at which `rule` is satisfied against `lastRotated`: as
    /// ``nextDeadline(after:frequency:lastRotated:)`` for logrotate's rules, `lastRotated` + N minutes for
    /// `minutes N`, the first moment after both `now` and `lastRotated` for `at`/`spread`.
    package static func nextDeadline(after now: LocalTime, rule: TimeRule, lastRotated: LocalTime) -> Int64 {
        guard rule.usesMoments else {
            return calendarDeadline(after: now, frequency: rule.frequency, last: lastRotated)
        }
        let nowEpoch = now.epochSeconds
        let last = lastRotated.normalized()
        if last.epochSeconds.subtractingClamped(nowEpoch) > Dueness.futureTolerance { return nowEpoch }
        return rule.nextMomentUnlessPassed(at: nowEpoch, lastRotated: last) ?? nowEpoch
    }

    /// logrotate's rules (and `minutes N`): the first instant from the next boundary where the rule holds.
    private static func calendarDeadline(
        after now: LocalTime,
        frequency: Frequency,
        last lastRotated: LocalTime
    )
        -> Int64
    {
        let nowEpoch = now.epochSeconds
        let last = lastRotated.normalized()
        if isDue(at: nowEpoch, frequency: frequency, lastRotated: last) { return nowEpoch }
        let current = LocalTime(epochSeconds: nowEpoch)
        let candidate = nextBoundary(after: current, frequency: frequency, lastRotated: last)
        return firstDue(from: candidate, after: nowEpoch, frequency: frequency, lastRotated: last)
    }

    /// The calendar boundary after `current` at which the rule of `frequency` can next change.
    private static func nextBoundary(
        after current: LocalTime,
        frequency: Frequency,
        lastRotated last: LocalTime
    ) -> Int64 {
        switch frequency {
        case .hourly:
            return boundary(
                LocalTime(year: current.year, month: current.month, day: current.day, hour: current.hour + 1)
            )
        case .daily:
            return boundary(LocalTime(year: current.year, month: current.month, day: current.day + 1))
        case .weekly:
            return nextWeeklyMidnight(after: current, frequency: frequency, lastRotated: last)
        case .monthly:
            return boundary(LocalTime(year: current.year, month: current.month + 1, day: 1))
        case .yearly:
            return boundary(LocalTime(year: current.year + 1, month: 1, day: 1))
        case .minutes(let minutes):
            return last.epochSeconds.addingClamped(Int64(minutes).multipliedClamped(by: 60))
        }
    }

    /// Whether the time rule of `decide` holds at `epoch` (future tolerance, same-hour gate except for `minutes`,
    /// calendar test).
    static func isDue(at epoch: Int64, frequency: Frequency, lastRotated last: LocalTime) -> Bool {
        if last.epochSeconds.subtractingClamped(epoch) > Dueness.futureTolerance { return true }
        let reason = Dueness.periodReason(TimeRule(frequency), now: epoch, lastRotated: last)
        return reason == .periodElapsed(frequency)
    }

    /// The weekly rule only changes at midnights; the 7-days rule guarantees one fires within 10 days.
    private static func nextWeeklyMidnight(after now: LocalTime, frequency: Frequency, lastRotated: LocalTime) -> Int64
    {
        for offset in 1...10 {
            let midnight = boundary(LocalTime(year: now.year, month: now.month, day: now.day + offset))
            if isDue(at: midnight, frequency: frequency, lastRotated: lastRotated) { return midnight }
        }
        return boundary(LocalTime(year: now.year, month: now.month, day: now.day + 10))
    }

    /// The instant a wall time starts (`mktime`).
    ///
    /// For a wall time that DST skips, `mktime` may guess an instant on either side; the caller corrects that
    /// with ``firstDue(from:after:frequency:lastRotated:)``.
    private static func boundary(_ time: LocalTime) -> Int64 {
        time.epochSeconds
    }

    /// The first instant from `candidate` (and after `now`) where the rule holds, stepping over quarter hours.
    ///
    /// Local hours start on quarter-hour epoch boundaries in every current zone, so this repairs a `mktime` guess
    /// around a DST gap within a few steps; for a correct candidate it returns it unchanged.
    static func firstDue(from candidate: Int64, after now: Int64, frequency: Frequency, lastRotated: LocalTime) -> Int64
    {
        var instant = max(candidate, now.addingClamped(1))
        var steps = 0
        while steps < 400 && !isDue(at: instant, frequency: frequency, lastRotated: lastRotated) {
            instant = (instant / 900).addingClamped(1).multipliedClamped(by: 900)
            steps += 1
        }
        return instant
    }
}
