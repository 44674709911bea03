import LogrotateConfig
import Platform

/// A time criterion with what moves it: the calendar frequency, the `at` moment and the `spread` delay.
///
/// Without `at` and `spread` it is logrotate's rule (calendar fields compared, see `Dueness.periodElapsed`); with
/// either, a calendar rule fires at *moments*: the log is due when a moment has passed since its last rotation
/// (see `TimeRule+Moments.swift`). `minutes N` is neither: due N minutes after the last rotation.
package struct TimeRule: Equatable, Hashable, Sendable {
    package var frequency: Frequency
    /// `at`, if given.
    package var moment: CalendarMoment?
    /// The `spread` delay in seconds added to each moment.
    package var delay: Int64

    /// The rule of `frequency`, at `moment`, delayed by `delay` seconds.
    package init(_ frequency: Frequency, moment: CalendarMoment? = nil, delay: Int64 = 0) {
        self.frequency = frequency
        self.moment = moment
        self.delay = delay
    }

    /// The time rule of a block's settings; `nil` for a size rule.
    package init?(settings: LogSettings) {
        guard case .time(let frequency) = settings.criterion else { return nil }
        self.init(frequency, moment: settings.moment, delay: settings.spreadDelay)
    }

    /// Whether the rule fires at moments (`at` or `spread` on a calendar rule) instead of logrotate's comparison
    /// of calendar fields.
    package var usesMoments: Bool {
        if case .minutes = frequency { return false }
        return moment != nil || delay != 0
    }

    /// The seconds of `minutes N`, or `nil` for calendar rules.
    var intervalSeconds: Int64? {
        guard case .minutes(let minutes) = frequency else { return nil }
        return Int64(minutes).multipliedClamped(by: 60)
    }
}
