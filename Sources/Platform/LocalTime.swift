#if canImport(Glibc)
import Glibc
#endif

/// A wall-clock time broken down in the machine's local time zone (`struct tm`), as logrotate compares them.
public struct LocalTime: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    /// 1…12
    public var month: Int
    /// 1…31
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// 0 = Sunday … 6 = Saturday (filled in by `init(epochSeconds:)` and `normalized()`).
    public var weekday: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, weekday: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.weekday = weekday
    }

    /// Breaks down a Unix time in local time (`localtime_r`).
    public init(epochSeconds: Int64) {
        var t = time_t(epochSeconds)
        var tm = tm()
        localtime_r(&t, &tm)
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
    public var epochSeconds: Int64 {
        var tm = cStruct
        return Int64(mktime(&tm))
    }

    /// The same instant with out-of-range fields carried over (e.g. day 0 becomes the last day of the month before).
    public func normalized() -> LocalTime {
        LocalTime(epochSeconds: epochSeconds)
    }

    private var cStruct: tm {
        var tm = tm()
        tm.tm_year = Int32(year - 1900)
        tm.tm_mon = Int32(month - 1)
        tm.tm_mday = Int32(day)
        tm.tm_hour = Int32(hour)
        tm.tm_min = Int32(minute)
        tm.tm_sec = Int32(second)
        tm.tm_isdst = -1
        return tm
    }

    /// `YYYY-MM-DD HH:MM`, as logrotate prints `Now:` and `Last rotated at`.
    public var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(hour)):\(two(minute))"
    }
}
