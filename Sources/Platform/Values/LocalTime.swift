#if canImport(Glibc)
import Glibc
#endif

/// A wall-clock time broken down in the machine's local time zone (`struct tm`), as logrotate compares them.
package struct LocalTime: Equatable, Hashable, Sendable, CustomStringConvertible {
    package var year: Int
    /// 1…12
    package var month: Int
    /// 1…31
    package var day: Int
    package var hour: Int
    package var minute: Int
    package var second: Int
    /// 0 = Sunday … 6 = Saturday (filled in by `init(epochSeconds:)` and `normalized()`).
    package var weekday: Int

    package init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, weekday: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.weekday = weekday
    }

    /// Breaks down a Unix time in local time (`localtime_r`).
    package init(epochSeconds: Int64) {
        let tm = Self.brokenDown(epochSeconds)
        self.init(
            year: Int(tm.tm_year) + 1900,
            month: Int(tm.tm_mon) + 1,
            day: Int(tm.tm_mday),
            hour: Int(tm.tm_hour),
            minute: Int(tm.tm_min),
            second: Int(tm.tm_sec),
            weekday: Int(tm.tm_wday)
        )
    }

    /// The Unix time of this local time (`mktime` with DST decided by the system); out-of-range fields normalize.
    ///
    /// A wall time that occurs twice (the hour repeated when DST ends) is its first occurrence. glibc's `mktime`
    /// picks either one by an offset it caches from its previous call in the process, so its answer alone would
    /// depend on what any thread converted before.
    ///
    /// Conversions are remembered while the time zone stays the same (see `WallTimeMemo`).
    package var epochSeconds: Int64 {
        let key = WallTimeMemo.Key(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return WallTimeMemo.epochSeconds(of: key) {
            var fields = cStruct
            let guess = Int64(mktime(&fields))
            return Self.firstOccurrence(of: fields, near: guess)
        }
    }

    /// The earliest instant whose local time shows `wall` (fields already normalized by `mktime`), given `guess`,
    /// one instant that shows it. An earlier one exists only when clocks went back within the day before `guess`:
    /// it is the wall time read with the (larger) UTC offset in force a day earlier.
    private static func firstOccurrence(of wall: tm, near guess: Int64) -> Int64 {
        var utcFields = wall
        let earlier = Int64(timegm(&utcFields)).subtractingClamped(utcOffset(at: guess.subtractingClamped(86_400)))
        return earlier < guess && shows(wall, at: earlier) ? earlier : guess
    }

    /// Seconds east of UTC in force at `epochSeconds` (`tm_gmtoff`; `strftime`'s `%z`).
    package static func utcOffset(at epochSeconds: Int64) -> Int64 {
        Int64(brokenDown(epochSeconds).tm_gmtoff)
    }

    /// Whether the local time at `epochSeconds` has the date and clock fields of `wall`.
    private static func shows(_ wall: tm, at epochSeconds: Int64) -> Bool {
        let broken = brokenDown(epochSeconds)
        return broken.tm_year == wall.tm_year && broken.tm_mon == wall.tm_mon && broken.tm_mday == wall.tm_mday
            && broken.tm_hour == wall.tm_hour && broken.tm_min == wall.tm_min && broken.tm_sec == wall.tm_sec
    }

    /// The same instant with out-of-range fields carried over (e.g. day 0 becomes the last day of the month before).
    package func normalized() -> LocalTime {
        LocalTime(epochSeconds: epochSeconds)
    }

    /// `localtime_r` of a Unix time.
    private static func brokenDown(_ epochSeconds: Int64) -> tm {
        var t = time_t(epochSeconds)
        var broken = tm()
        localtime_r(&t, &broken)
        return broken
    }

    private var cStruct: tm {
        var tm = tm()
        tm.tm_year = Int32(clamping: year.subtractingClamped(1900))
        tm.tm_mon = Int32(clamping: month.subtractingClamped(1))
        tm.tm_mday = Int32(clamping: day)
        tm.tm_hour = Int32(clamping: hour)
        tm.tm_min = Int32(clamping: minute)
        tm.tm_sec = Int32(clamping: second)
        tm.tm_isdst = -1
        return tm
    }

    /// `YYYY-MM-DD HH:MM`, as logrotate prints `Now:` and `Last rotated at`.
    package var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(hour)):\(two(minute))"
    }
}
