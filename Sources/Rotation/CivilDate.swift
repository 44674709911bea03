import Platform

/// Calendar arithmetic on a local date that needs no time zone: weekday, day of year and ISO 8601 week number.
struct CivilDate: Equatable, Sendable {
    var year: Int
    var month: Int
    var day: Int

    init(_ time: LocalTime) {
        self.year = time.year
        self.month = time.month
        self.day = time.day
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    var daysSinceEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// 1 = Monday … 7 = Sunday.
    var isoWeekday: Int {
        let weekday = ((daysSinceEpoch % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday
        return weekday + 1
    }

    /// 1-based day of the year.
    var dayOfYear: Int {
        var january1 = self
        january1.month = 1
        january1.day = 1
        return daysSinceEpoch - january1.daysSinceEpoch + 1
    }

    /// The ISO 8601 week number, as `strftime("%V")`.
    var isoWeek: Int {
        let week = (dayOfYear - isoWeekday + 10) / 7
        if week < 1 { return CivilDate.weeks(in: year - 1) }
        return week > CivilDate.weeks(in: year) ? 1 : week
    }

    private static func weeks(in year: Int) -> Int {
        func p(_ y: Int) -> Int { (y + y / 4 - y / 100 + y / 400) % 7 }
        return p(year) == 4 || p(year - 1) == 3 ? 53 : 52
    }
}
