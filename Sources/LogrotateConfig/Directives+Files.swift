extension Directive {
    /// Creates a directive without argument that sets one flag.
    static func flag(
        _ keyword: String,
        render: @escaping @Sendable (LogSettings) -> String? = { _ in nil },
        set: @escaping @Sendable (inout LogSettings) -> Void
    ) -> Directive {
        Directive(keyword, render: render, apply: { _, target in set(&target.settings) })
    }

    // MARK: Files and folders

    static let files: [Directive] = [
        /// "If the log file is missing, go on to the next one without issuing an error message." Equivalent logrotate
        /// code: `config.c readConfigFile`, `missingok`.
        flag("missingok", render: { $0.missingOK ? "missingok" : nil }, set: { $0.missingOK = true }),
        /// "If a log file does not exist, issue an error. This is the default."
        flag("nomissingok") { $0.missingOK = false },
        /// "Rotate the log file even if it is empty … (ifempty is the default)."
        flag("ifempty") { $0.ifEmpty = true },
        /// "Do not rotate the log if it is empty". Equivalent logrotate code: `config.c`, `notifempty`.
        flag("notifempty", render: { $0.ifEmpty ? nil : "notifempty" }, set: { $0.ifEmpty = false }),
        /// "Ignore any following matches of a log file." Equivalent logrotate code: `config.c`, `ignoreduplicates`.
        flag(
            "ignoreduplicates",
            render: { $0.ignoreDuplicates ? "ignoreduplicates" : nil },
            set: {
                $0.ignoreDuplicates = true
            }
        ),
        /// "Logs are moved into directory for rotation … relative to the directory holding the log file unless an
        /// absolute path name is specified." Equivalent logrotate code: `config.c readConfigFile`, `olddir`.
        Directive(
            "olddir",
            .required,
            expects: "a directory path without blanks",
            render: { $0.oldDir.map { "olddir \($0)" } },
            apply: {
                value,
                target in
                let path = try DirectiveArguments.word(value, what: "olddir path")
                target.settings.oldDir = DirectiveArguments.expandingTilde(path, home: target.homeDirectory)
            }
        ),
        /// "Logs are rotated in the directory they normally reside in (this overrides the olddir option)."
        flag("noolddir") { $0.oldDir = nil },
        /// "If the directory specified by olddir directive does not exist, it is created. mode … owner … group".
        /// Equivalent logrotate code: `config.c readConfigFile`, `createolddir`, `readModeUidGid`.
        Directive(
            "createolddir",
            .optional,
            expects: "[mode] [owner [group]]",
            render: renderCreateOldDir,
            apply: {
                value,
                target in
                target.settings.createOldDir = try DirectiveArguments.ownership(
                    value,
                    directive: "createolddir",
                    accounts: target.accounts
                )
            }
        ),
        /// "olddir directory is not created by logrotate when it does not exist."
        flag("nocreateolddir") { $0.createOldDir = nil },
        /// "Immediately after rotation (before the postrotate script is run) the log file is created … mode …
        /// owner … group". Equivalent logrotate code: `config.c readConfigFile`, `create`, `readModeUidGid`.
        Directive(
            "create",
            .optional,
            expects: "[mode] [owner [group]]",
            render: renderCreate,
            apply: { value, target in
                target.settings.create = try DirectiveArguments.ownership(
                    value,
                    directive: "create",
                    accounts: target.accounts
                )
            }
        ),
        /// "New log files are not created (this overrides the create option)."
        flag("nocreate") { $0.create = nil },
        /// "Make a copy of the log file, but don't change the original at all." Equivalent logrotate code: `copy`.
        flag("copy", render: { $0.copy ? "copy" : nil }, set: { $0.copy = true }),
        /// "Do not copy the original log file and leave it in place."
        flag("nocopy") { $0.copy = false },
        /// "Truncate the original log file to zero size in place after creating a copy … implies norenamecopy."
        /// Equivalent logrotate code: `config.c readConfigFile`, `copytruncate`.
        flag(
            "copytruncate",
            render: { $0.copyTruncate ? "copytruncate" : nil },
            set: {
                $0.copyTruncate = true
                $0.renameCopy = false
            }
        ),
        /// "Do not truncate the original log file in place after creating a copy".
        flag("nocopytruncate") { $0.copyTruncate = false },
        /// "Log file is renamed to temporary filename … The renamecopy option implies nocopytruncate." Equivalent
        /// logrotate code: `config.c readConfigFile`, `renamecopy`.
        flag(
            "renamecopy",
            render: { $0.renameCopy ? "renamecopy" : nil },
            set: {
                $0.renameCopy = true
                $0.copyTruncate = false
            }
        ),
        /// "Do not rename and copy the original log file (this overrides the renamecopy option)."
        flag("norenamecopy") { $0.renameCopy = false },
        /// "Delete log files using shred -u instead of unlink()." Equivalent logrotate code: `config.c`, `shred`.
        flag("shred", render: { $0.shred ? "shred" : nil }, set: { $0.shred = true }),
        /// "Do not use shred when deleting old log files."
        flag("noshred") { $0.shred = false },
        /// "Rotate files with multiple hard links; this is off by default." Equivalent logrotate code:
        /// `config.c readConfigFile`, `allowhardlink`.
        flag("allowhardlink", render: { $0.allowHardlink ? "allowhardlink" : nil }, set: { $0.allowHardlink = true }),
        /// "Do not rotate files with multiple hard links."
        flag("noallowhardlink") { $0.allowHardlink = false },
        /// "Rotate log files set under this user and group instead of using default user/group". Both are required.
        /// Equivalent logrotate code: `config.c readConfigFile`, `su`, `readModeUidGid`.
        Directive(
            "su",
            .required,
            expects: "a user and a group",
            render: renderSwitchUser,
            apply: { value, target in
                target.settings.su = try DirectiveArguments.switchUser(value, accounts: target.accounts)
            }
        ),
    ]

    private static func renderCreate(_ settings: LogSettings) -> String? {
        settings.create.map { ("create " + DirectiveArguments.render($0)).trimmingTrailingBlank() }
    }

    private static func renderCreateOldDir(_ settings: LogSettings) -> String? {
        settings.createOldDir.map { ("createolddir " + DirectiveArguments.render($0)).trimmingTrailingBlank() }
    }

    private static func renderSwitchUser(_ settings: LogSettings) -> String? {
        settings.su.map { "su \($0.user.name) \($0.group.name)" }
    }
}

extension String {
    fileprivate func trimmingTrailingBlank() -> String {
        hasSuffix(" ") ? String(dropLast()) : self
    }
}
