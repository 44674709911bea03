extension Directive {
    /// The longest `dateformat` logrotate accepts.
    static let maximumDateFormatLength = 128

    // MARK: File names

    static let naming: [Directive] = [
        /// "Archive old versions of log files adding a date extension like YYYYMMDD instead of simply adding a
        /// number." Equivalent logrotate code: `config.c readConfigFile`, `dateext`.
        flag("dateext", render: { $0.dateExt ? "dateext" : nil }, set: { $0.dateExt = true }),
        /// "Do not archive old versions of log files with date extension".
        flag("nodateext") { $0.dateExt = false },
        /// "Specify the extension for dateext using the notation similar to strftime(3) function. Only %Y %m %d %H
        /// %M %S %V and %s specifiers are allowed." 3.22 adds %z. At most 128 characters. Equivalent logrotate code:
        /// `dateformat`.
        Directive(
            "dateformat",
            .required,
            expects: "a strftime format of at most 128 characters",
            render: renderDate,
            apply: {
                value,
                target in
                guard value.utf8.count <= maximumDateFormatLength else {
                    throw DirectiveFailure(message: "date format '\(value)' is too long")
                }
                target.settings.dateFormat = value
            }
        ),
        /// "Use yesterday's instead of today's date to create the dateext extension". No negation in 3.21.
        flag("dateyesterday", render: { $0.dateYesterday ? "dateyesterday" : nil }, set: { $0.dateYesterday = true }),
        /// "Use hour ago instead of current date to create the dateext extension". No negation in 3.21.
        flag("datehourago", render: { $0.dateHourAgo ? "datehourago" : nil }, set: { $0.dateHourAgo = true }),
        /// "Log files with ext extension can keep it after the rotation." Equivalent logrotate code: `extension`.
        Directive(
            "extension",
            .required,
            expects: "a file name extension",
            render: { $0.extension.map { "extension \($0)" } },
            apply: {
                value,
                target in
                target.settings.extension = value
            }
        ),
        /// "Log files are given the final extension ext after rotation." Honoured globally too (3.21 ignores a global
        /// `addextension`). Equivalent logrotate code: `config.c readConfigFile`, `addextension`.
        Directive(
            "addextension",
            .required,
            expects: "a file name extension",
            render: renderAddExtension,
            apply: {
                value,
                target in
                target.settings.addExtension = value
            }
        ),
        /// "The current taboo extension list is changed … If a + precedes the list of extensions, the current taboo
        /// extension list is augmented, otherwise it is replaced." Equivalent logrotate code: `tabooext`.
        Directive("tabooext", .required, scope: .globalOnly, expects: "[+] a list of extensions") { value, target in
            target.taboo.extensions = TabooRules.updated(target.taboo.extensions, with: value)
        },
        /// "The current taboo glob pattern list is changed … If a + precedes the list of patterns, the current taboo
        /// pattern list is augmented, otherwise it is replaced." Equivalent logrotate code: `taboopat`.
        Directive("taboopat", .required, scope: .globalOnly, expects: "[+] a list of glob patterns") { value, target in
            target.taboo.patterns = TabooRules.updated(target.taboo.patterns, with: value)
        },
    ]

    private static func renderDate(_ settings: LogSettings) -> String? {
        settings.dateFormat.map { "dateformat \($0)" }
    }

    private static func renderAddExtension(_ settings: LogSettings) -> String? {
        settings.addExtension.map { "addextension \($0)" }
    }

    // MARK: Mail

    static let mail: [Directive] = [
        /// "When a log is rotated out of existence, it is mailed to address." Equivalent logrotate code: `mail`.
        Directive(
            "mail",
            .required,
            expects: "an address without blanks",
            render: { $0.mail.map { "mail \($0)" } },
            apply: {
                value,
                target in
                target.settings.mail = try DirectiveArguments.word(value, what: "mail address")
            }
        ),
        /// "Do not mail old log files to any address."
        flag("nomail") { $0.mail = nil },
        /// "When using the mail command, mail the just-rotated file, instead of the about-to-expire file."
        flag("mailfirst", render: { $0.mailWhich == .first ? "mailfirst" : nil }, set: { $0.mailWhich = .first }),
        /// "When using the mail command, mail the about-to-expire file, instead of the just-rotated file (this is the
        /// default)."
        flag("maillast") { $0.mailWhich = .last },
    ]
}
