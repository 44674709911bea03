import Platform

extension LocalTime {
    /// The same wall time with minutes and seconds cleared (what logrotate records for a log seen first).
    ///
    /// Equivalent logrotate code: `logrotate.c findState` (`tm_min = tm_sec = 0`).
    package var truncatedToHour: LocalTime {
        var copy = self
        copy.minute = 0
        copy.second = 0
        return copy
    }

    /// The wall time of the start of this day (00:00:00).
    var startOfDay: LocalTime {
        LocalTime(year: year, month: month, day: day)
    }

    /// Whether both times fall into the same clock hour of the same day (logrotate's "already rotated" gate).
    func isSameClockHour(as other: LocalTime) -> Bool {
        (year, month, day, hour) == (other.year, other.month, other.day, other.hour)
    }

    /// Whether both times fall on the same calendar date.
    func isSameDate(as other: LocalTime) -> Bool {
        (year, month, day) == (other.year, other.month, other.day)
    }
}
