/// The directive table: every keyword logrotate 3.21 reads, with the man page's sentence and the logrotate code.
///
/// Order matters for printing: an entry's `render` line is emitted in table order, and later lines must not undo
/// earlier ones (`compresscmd` comes before `compressext`, which it would otherwise overwrite).
extension Directive {
    /// All directives of logrotate 3.21, plus `minutes` (logrotate's development branch) and logrotated's `signal`,
    /// `nosignal`, `at`, `spread` and `maxtotalsize`.
    package static let all: [Directive] =
        frequency + schedules + counts + files + compression + naming + mail + scripts + other + budget

    // MARK: Frequency and size

    static let frequency: [Directive] = [
        /// "Log files are rotated every hour." Equivalent logrotate code: `config.c readConfigFile`, `hourly`.
        Directive(
            "hourly",
            render: { $0.criterion == .time(.hourly) ? "hourly" : nil },
            apply: { _, target in
                target.settings.criterion = .time(.hourly)
            }
        ),
        /// "Log files are rotated every day." Equivalent logrotate code: `config.c readConfigFile`, `daily`.
        Directive(
            "daily",
            render: { $0.criterion == .time(.daily) ? "daily" : nil },
            apply: { _, target in
                target.settings.criterion = .time(.daily)
            }
        ),
        /// "Log files are rotated once each weekday, or if the date is advanced by at least 7 days since the last
        /// rotation … 0 means Sunday … the special value 7 means each 7 days". A bad value abandons the file (3.21).
        /// Equivalent logrotate code: `config.c readConfigFile`, `weekly`.
        Directive(
            "weekly",
            .optional,
            expects: "an optional weekday 0-7",
            render: renderWeekly,
            apply: { value, target in
                guard value.isEmpty || value.allSatisfy(\.isASCII), let day = value.isEmpty ? 0 : Int(value), day <= 7,
                    day >= 0
                else { throw DirectiveFailure(message: "bad weekly directive '\(value)'", abandonsFile: true) }
                target.settings.criterion = .time(.weekly(weekday: day))
            }
        ),
        /// "Log files are rotated the first time logrotate is run in a month". Equivalent logrotate code:
        /// `config.c readConfigFile`, `monthly`.
        Directive(
            "monthly",
            render: { $0.criterion == .time(.monthly) ? "monthly" : nil },
            apply: { _, target in
                target.settings.criterion = .time(.monthly)
            }
        ),
        /// "Log files are rotated if the current year is not the same as the last rotation." Equivalent logrotate
        /// code: `config.c readConfigFile`, `yearly`.
        Directive(
            "yearly",
            render: { $0.criterion == .time(.yearly) ? "yearly" : nil },
            apply: { _, target in
                target.settings.criterion = .time(.yearly)
            }
        ),
        /// "Log files are rotated only if they grow bigger than size bytes … k … M … G". Equivalent logrotate code:
        /// `config.c readConfigFile`, `size`.
        Directive(
            "size",
            .required,
            expects: sizeText,
            render: renderSize,
            apply: { value, target in
                target.settings.criterion = .size(try DirectiveArguments.size(value))
            }
        ),
        /// "Log files are rotated when they grow bigger than size bytes, but not before the additionally specified
        /// time interval". Equivalent logrotate code: `config.c readConfigFile`, `minsize`.
        Directive(
            "minsize",
            .required,
            expects: sizeText,
            render: { $0.minSize > 0 ? "minsize \($0.minSize)" : nil },
            apply: {
                value,
                target in
                target.settings.minSize = try DirectiveArguments.size(value)
            }
        ),
        /// "Log files are rotated when they grow bigger than size bytes even before the additionally specified time
        /// interval". Equivalent logrotate code: `config.c readConfigFile`, `maxsize`.
        Directive(
            "maxsize",
            .required,
            expects: sizeText,
            render: { $0.maxSize > 0 ? "maxsize \($0.maxSize)" : nil },
            apply: {
                value,
                target in
                target.settings.maxSize = try DirectiveArguments.size(value)
            }
        ),
    ]

    static let sizeText = "a byte count with an optional k, K, M or G unit"

    private static func renderWeekly(_ settings: LogSettings) -> String? {
        guard case .time(.weekly(let day)) = settings.criterion else { return nil }
        return "weekly \(day)"
    }

    private static func renderSize(_ settings: LogSettings) -> String? {
        guard case .size(let bytes) = settings.criterion, settings.criterion != .defaultCriterion else { return nil }
        return "size \(bytes)"
    }

    // MARK: Counts and ages

    static let counts: [Directive] = [
        /// "Log files are rotated count times before being removed … If count is 0, old versions are removed rather
        /// than rotated. If count is -1, old logs are not removed at all". Equivalent logrotate code:
        /// `config.c readConfigFile`, `rotate`.
        Directive(
            "rotate",
            .required,
            expects: "an integer >= -1",
            render: { $0.rotate != 0 ? "rotate \($0.rotate)" : nil },
            apply: {
                value,
                target in
                target.settings.rotate = try DirectiveArguments.count(value, minimum: -1, what: "rotation count")
            }
        ),
        /// "This is the number to use as the base for rotation." Equivalent logrotate code: `config.c`, `start`.
        Directive(
            "start",
            .required,
            expects: "an integer >= 0",
            render: { $0.start != 1 ? "start \($0.start)" : nil },
            apply: { value, target in
                target.settings.start = try DirectiveArguments.count(value, minimum: 0, what: "start count")
            }
        ),
        /// "Remove rotated logs older than <count> days." Equivalent logrotate code: `config.c`, `maxage`.
        Directive(
            "maxage",
            .required,
            expects: "a number of days >= 0",
            render: { $0.maxAge > 0 ? "maxage \($0.maxAge)" : nil },
            apply: {
                value,
                target in
                target.settings.maxAge = try DirectiveArguments.count(value, minimum: 0, what: "maximum age")
            }
        ),
        /// "Do not rotate logs which are less than <count> days old." Equivalent logrotate code: `config.c`, `minage`.
        Directive(
            "minage",
            .required,
            expects: "a number of days >= 0",
            render: { $0.minAge > 0 ? "minage \($0.minAge)" : nil },
            apply: {
                value,
                target in
                target.settings.minAge = try DirectiveArguments.count(value, minimum: 0, what: "minimum age")
            }
        ),
        /// "Asks GNU shred(1) to overwrite log files count times before deletion." Equivalent logrotate code:
        /// `config.c readConfigFile`, `shredcycles`.
        Directive(
            "shredcycles",
            .required,
            expects: "an integer >= 0",
            render: { $0.shredCycles.map { "shredcycles \($0)" } },
            apply: {
                value,
                target in
                target.settings.shredCycles = try DirectiveArguments.count(value, minimum: 0, what: "shred cycles")
            }
        ),
    ]
}
