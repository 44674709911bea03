import LogrotateConfig
import Platform
import Scheduling

/// When one log is next due according to its block's settings, the file's size and its last rotation: what
/// `logrotated status` shows, and what the daemon's timer and size watches are built from.
package struct LogOutlook: Equatable, Sendable {
    /// When the log is next due.
    package enum NextDue: Equatable, Sendable {
        /// A rule holds now: the next check rotates the log (unless `notifempty` or `minage` hold it back).
        case now
        /// When the calendar period ends (Unix seconds).
        case at(Int64)
        /// When the file reaches this many bytes.
        case atSize(UInt64)
    }

    /// The log path.
    package var path: String
    /// The file's size; `nil` when it does not exist.
    package var size: UInt64?
    /// The last rotation recorded in the state; `nil` for a log never seen.
    package var lastRotated: LocalTime?
    /// When the log is next due.
    package var next: NextDue
    /// The rule that fires next: `daily`, `size 10M (now 3.2M)`, `daily or maxsize 100M (now 1.5M)`.
    package var rule: String
    /// Processes still writing the newest rotated version (they did not reopen the log); filled in by `status`.
    package var staleWriters: [StaleWriterOfArchive] = []
    /// The archives' total size against `maxtotalsize`; filled in by `status`.
    package var archives: ArchiveUsage?

    /// The outlook at `now` of the log at `path`, with its block's `settings`.
    package init(path: String, settings: LogSettings, size: UInt64?, lastRotated: LocalTime?, now: Int64) {
        self.path = path
        self.size = size
        self.lastRotated = lastRotated
        let current = size.map { " (now \(ByteCount.text($0)))" } ?? ""
        if let size, SizeRules.exceedsMaxSize(settings, size: size) {
            (next, rule) = (.now, "maxsize \(ByteCount.text(settings.maxSize))\(current)")
            return
        }
        switch settings.criterion {
        case .size(let threshold):
            (next, rule) = Self.sizeRule(threshold, settings: settings, size: size, current: current)
        case .time(let frequency):
            let timeRule = TimeRule(settings: settings) ?? TimeRule(frequency)
            (next, rule) = Self.timeRule(timeRule, settings: settings, lastRotated: lastRotated, now: now)
            if settings.minSize > 0 { rule += ", minsize \(ByteCount.text(settings.minSize))\(current)" }
            if settings.maxSize > 0 { rule += " or maxsize \(ByteCount.text(settings.maxSize))\(current)" }
            if next == .now, SizeRules.belowMinSize(settings, size: size ?? 0) { next = .atSize(settings.minSize) }
        }
    }

    /// A size rule: due at `SizeRules.dueSize`, named by the directive that sets it (`maxsize` below `size`).
    private static func sizeRule(
        _ threshold: UInt64,
        settings: LogSettings,
        size: UInt64?,
        current: String
    ) -> (NextDue, String) {
        let dueSize = SizeRules.dueSize(settings) ?? threshold
        let directive =
            dueSize < threshold ? "maxsize \(ByteCount.text(settings.maxSize))" : "size \(ByteCount.text(threshold))"
        let next: NextDue = SizeRules.reaches(dueSize, size: size ?? 0) ? .now : .atSize(dueSize)
        return (next, directive + current)
    }

    private static func timeRule(
        _ timeRule: TimeRule,
        settings: LogSettings,
        lastRotated: LocalTime?,
        now: Int64
    ) -> (NextDue, String) {
        let nowTime = LocalTime(epochSeconds: now)
        let last = lastRotated ?? nowTime.truncatedToHour
        let end = Schedule.nextDeadline(after: nowTime, rule: timeRule, lastRotated: last)
        return (end <= now ? .now : .at(end), name(of: timeRule, spread: settings.spread))
    }

    /// A rule as written, with this machine's delay: `daily`, `weekly 6 at 03:30`,
    /// `monthly at last 23:00, spread 2h (+87m here)`.
    package static func name(of rule: TimeRule, spread: Int64 = 0) -> String {
        var text = name(of: rule.frequency)
        if let moment = rule.moment, rule.usesMoments { text += " at \(moment.text)" }
        if spread > 0, rule.usesMoments {
            text += ", spread \(DurationWords.text(spread)) (+\(DurationWords.text(rule.delay / 60 * 60)) here)"
        }
        return text
    }

    /// The directive naming a frequency: `minutes 5`, `hourly`, `daily`, `weekly` (Sunday), `weekly 3`, `monthly`,
    /// `yearly`.
    package static func name(of frequency: Frequency) -> String {
        switch frequency {
        case .hourly: "hourly"
        case .daily: "daily"
        case .weekly(let weekday): weekday == 0 ? "weekly" : "weekly \(weekday)"
        case .monthly: "monthly"
        case .yearly: "yearly"
        case .minutes(let minutes): "minutes \(minutes)"
        }
    }
}

/// Sizes as configuration writes them: `512`, `64k`, `10M`, `1.5G`.
package enum ByteCount {
    /// `bytes` in the largest unit it reaches, with one decimal when not whole.
    package static func text(_ bytes: UInt64) -> String {
        let units: [(UInt64, String)] = [(1 << 30, "G"), (1 << 20, "M"), (1 << 10, "k")]
        guard let (unit, suffix) = units.first(where: { bytes >= $0.0 }) else { return "\(bytes)" }
        if bytes % unit == 0 { return "\(bytes / unit)\(suffix)" }
        let tenths = (bytes * 10 + unit / 2) / unit
        return "\(tenths / 10).\(tenths % 10)\(suffix)"
    }
}

/// A process that still writes a rotated version of a log.
package struct StaleWriterOfArchive: Equatable, Sendable {
    /// The rotated file it writes.
    package var archive: String
    package var writer: FileWriter

    package init(archive: String, writer: FileWriter) {
        self.archive = archive
        self.writer = writer
    }
}
