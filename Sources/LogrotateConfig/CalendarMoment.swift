/// `at [DAY] [HH:MM]`: when in its period a calendar rule fires, instead of at midnight (a logrotated extension).
///
/// newsyslog's `@T03`, `$W6D3` and `$ML` in one directive: `at 03:30` (daily at 03:30), `at saturday 03:30` (with
/// `weekly`), `at last 23:00` or `at 15` (with `monthly`). A day the rule cannot use is reported when the block ends
/// (see `CalendarMoment.mismatch(with:)`).
package struct CalendarMoment: Equatable, Hashable, Sendable {
    /// Which day of the period.
    package enum Day: Equatable, Hashable, Sendable {
        /// With `weekly`: 0 = Sunday … 6 = Saturday (replaces the number of `weekly N`).
        case weekday(Int)
        /// With `monthly`: 1…31; months without that day use their last day.
        case monthDay(Int)
        /// With `monthly`: the last day of each month.
        case lastOfMonth
    }

    /// The day; `nil` keeps the rule's own (every day, `weekly N`'s weekday, the 1st, 1 January).
    package var day: Day?
    /// 0…23
    package var hour: Int
    /// 0…59
    package var minute: Int

    package init(day: Day? = nil, hour: Int = 0, minute: Int = 0) {
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// Weekday names as `at` accepts them, full or three letters, any case; index = weekday number.
    static let weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    /// What `at` expects, quoted in its diagnostics.
    static let expectation = "[a weekday, a day of the month 1-31 or 'last'] [HH:MM]"

    /// Reads `[DAY] [HH:MM]`.
    /// - Throws: `DirectiveFailure` naming the part that is not a day or a time.
    static func parse(_ value: String) throws(DirectiveFailure) -> CalendarMoment {
        var words = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.count <= 2 else { throw DirectiveFailure(message: "extra arguments for at '\(value)'") }
        var moment = CalendarMoment()
        if let last = words.last, last.contains(":") {
            (moment.hour, moment.minute) = try time(last)
            words.removeLast()
        }
        if words.count == 2, words[0].contains(":") {
            throw DirectiveFailure(message: "at takes the day before the time: 'at \(words[1]) \(words[0])'")
        }
        guard words.count <= 1 else { throw DirectiveFailure(message: "bad at time '\(words[1])'") }
        if let first = words.first { moment.day = try day(first) }
        return moment
    }

    /// `H:MM` or `HH:MM`.
    private static func time(_ word: String) throws(DirectiveFailure) -> (Int, Int) {
        let parts = word.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }), let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...23).contains(hour), (0...59).contains(minute)
        else { throw DirectiveFailure(message: "bad at time '\(word)'") }
        return (hour, minute)
    }

    /// A weekday name, `last`, or a day of the month.
    private static func day(_ word: String) throws(DirectiveFailure) -> Day {
        let lower = word.lowercased()
        if lower == "last" { return .lastOfMonth }
        if let index = weekdayNames.firstIndex(where: { $0 == lower || ($0.prefix(3) == lower) }) {
            return .weekday(index)
        }
        guard word.allSatisfy(\.isASCII), let number = Int(word), (1...31).contains(number) else {
            throw DirectiveFailure(message: "bad at day '\(word)'")
        }
        return .monthDay(number)
    }

    /// The directive's argument that reads back as this moment: `saturday 03:30`, `last 23:00`, `15 00:00`.
    package var text: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let clock = "\(two(hour)):\(two(minute))"
        switch day {
        case nil: return clock
        case .weekday(let index): return "\(Self.weekdayNames[index]) \(clock)"
        case .monthDay(let number): return "\(number) \(clock)"
        case .lastOfMonth: return "last \(clock)"
        }
    }

    /// Why this moment does not fit `criterion` (a warning; the part that does not fit is ignored), or `nil`.
    package func mismatch(with criterion: RotationCriterion) -> String? {
        switch (criterion, day) {
        case (.size, _), (.time(.minutes), _):
            return "'at \(text)' has no effect with '\(criterion.keyword)'"
        case (.time(.weekly), .weekday?), (.time(.monthly), .monthDay?), (.time(.monthly), .lastOfMonth?), (_, nil):
            return nil
        case (.time, .some):
            return "the day of 'at \(text)' has no effect with '\(criterion.keyword)'"
        }
    }
}
