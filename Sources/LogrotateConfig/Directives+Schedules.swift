/// Directives that choose when a time rule fires: logrotate's development-branch `minutes`, and logrotated's `at`
/// and `spread`. logrotate 3.21 reports each as `unknown option … -- ignoring line`.
extension Directive {
    static let schedules: [Directive] = [
        /// "Log files are rotated the first time logrotate is run after minutes have expired." (logrotate's
        /// development branch, after 3.22). A value that is not a positive integer is a block error.
        /// Equivalent logrotate code: `config.c readConfigFile`, `minutes` (development branch).
        Directive(
            "minutes",
            .required,
            expects: "an integer >= 1",
            render: renderMinutes,
            apply: { value, target in
                let minutes = try DirectiveArguments.count(value, minimum: 1, what: "minutes")
                target.settings.criterion = .time(.minutes(minutes))
            }
        ),
        /// `at [DAY] [HH:MM]`: the moment of the calendar rule within its period (logrotated).
        Directive(
            "at",
            .required,
            expects: CalendarMoment.expectation,
            render: { $0.moment.map { "at \($0.text)" } },
            apply: { value, target in
                target.settings.moment = try CalendarMoment.parse(value)
            }
        ),
        /// `spread DURATION`: a stable per-host delay within DURATION added to calendar moments (logrotated).
        Directive(
            "spread",
            .required,
            expects: "a duration: 0, or a number with s, m, h or d",
            render: { $0.spread > 0 ? "spread \(DurationWords.text($0.spread))" : nil },
            apply: { value, target in
                target.settings.spread = try DurationWords.seconds(value, what: "spread")
            }
        ),
    ]

    private static func renderMinutes(_ settings: LogSettings) -> String? {
        guard case .time(.minutes(let minutes)) = settings.criterion else { return nil }
        return "minutes \(minutes)"
    }
}

/// Durations as `spread` writes them: `0`, `90s`, `30m`, `2h`, `1d`.
package enum DurationWords {
    private static let units: [(Character, Int64)] = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]

    /// The seconds of a duration; a bare number other than 0 is refused (is `30` seconds or minutes?).
    /// - Throws: `DirectiveFailure` with `bad WHAT 'VALUE'`.
    static func seconds(_ value: String, what: String) throws(DirectiveFailure) -> Int64 {
        if value == "0" { return 0 }
        guard let unit = units.first(where: { value.last == $0.0 }),
            value.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int64(value.dropLast()),
            count <= 400 * 86_400 / unit.1
        else { throw DirectiveFailure(message: "bad \(what) '\(value)'") }
        return count * unit.1
    }

    /// The duration in the largest unit that divides it.
    package static func text(_ seconds: Int64) -> String {
        let (unit, size) = units.first { seconds % $0.1 == 0 } ?? ("s", 1)
        return "\(seconds / size)\(unit)"
    }
}
