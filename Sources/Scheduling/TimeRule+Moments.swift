import LogrotateConfig
import Platform

extension TimeRule {
    /// Whether a moment passed after `lastRotated`, up to `epoch` (`nil`), else the first moment after both `epoch`
    /// and `lastRotated` (a day after them when there is none: a `weekly 7` moment already passed, which makes the
    /// log due anyway). The moments around `epoch` (a `mktime` each) are computed once for both questions, which
    /// every `at` and `spread` rule asks at each check of its log.
    func nextMomentUnlessPassed(at epoch: Int64, lastRotated: LocalTime) -> Int64? {
        let around = moments(around: epoch, lastRotated: lastRotated)
        if let latest = around.filter({ $0 <= epoch }).max(), latest > lastRotated.epochSeconds { return nil }
        let after = max(epoch, lastRotated.epochSeconds)
        let candidates = after == epoch ? around : moments(around: after, lastRotated: lastRotated)
        return candidates.filter { $0 > after }.min() ?? after.addingClamped(86_400)
    }

    /// The moments of the period holding `epoch`, the one before and the one after (at least one is at or before
    /// `epoch` and one after, the delay being shorter than a period).
    private func moments(around epoch: Int64, lastRotated last: LocalTime) -> [Int64] {
        let wall = LocalTime(epochSeconds: epoch.subtractingClamped(delay))
        let hour = moment?.hour ?? 0
        let minute = moment?.minute ?? 0
        let bases: [Int64]
        switch frequency {
        case .minutes:
            bases = []
        case .hourly:
            let thisHour = epoch.subtractingClamped(delay) - Int64((wall.minute - minute) * 60 + wall.second)
            bases = [-3_600, 0, 3_600].map { thisHour + $0 }
        case .daily:
            bases = (-1...1).map { wall.shifted(days: $0, hour: hour, minute: minute) }
        case .weekly(let number):
            bases = weeklyBases(wall: wall, weekday: weekday(default: number), last: last, hour: hour, minute: minute)
        case .monthly:
            bases = (-1...1).map { monthlyBase(year: wall.year, month: wall.month + $0, hour: hour, minute: minute) }
        case .yearly:
            bases = (-1...1).map { LocalTime(year: wall.year + $0, month: 1, day: 1, hour: hour, minute: minute) }
                .map(\.epochSeconds)
        }
        return bases.map { $0.addingClamped(delay) }
    }

    /// The weekday of a weekly rule: `at`'s, else `weekly N`'s (7: every 7 days from the last rotation).
    private func weekday(default number: Int) -> Int {
        if case .weekday(let day)? = moment?.day { return day }
        return number
    }

    private func weeklyBases(wall: LocalTime, weekday: Int, last: LocalTime, hour: Int, minute: Int) -> [Int64] {
        guard weekday < 7 else { return [last.shifted(days: 7, hour: hour, minute: minute)] }
        let back = (wall.weekday - weekday + 7) % 7
        return [-7, 0, 7].map { wall.shifted(days: $0 - back, hour: hour, minute: minute) }
    }

    /// The moment in `month` (1-based, may overflow into other years): `at`'s day, clamped to the month's length,
    /// or its last day, else the 1st.
    private func monthlyBase(year: Int, month: Int, hour: Int, minute: Int) -> Int64 {
        let length = LocalTime(year: year, month: month + 1, day: 0, hour: 12).normalized().day
        let day: Int
        switch moment?.day {
        case .monthDay(let number)?: day = min(number, length)
        case .lastOfMonth?: day = length
        default: day = 1
        }
        return LocalTime(year: year, month: month, day: day, hour: hour, minute: minute).epochSeconds
    }
}

extension LocalTime {
    /// The instant of `hour:minute` on the date `days` after this one.
    fileprivate func shifted(days: Int, hour: Int, minute: Int) -> Int64 {
        LocalTime(year: year, month: month, day: day + days, hour: hour, minute: minute).epochSeconds
    }
}
