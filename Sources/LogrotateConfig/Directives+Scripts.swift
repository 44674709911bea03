extension Directive {
    // MARK: Scripts

    static let scripts: [Directive] = [
        /// "Normally, prerotate and postrotate scripts are run for each log which is rotated … If sharedscripts is
        /// specified, the scripts are only run once". Equivalent logrotate code: `config.c`, `sharedscripts`.
        flag("sharedscripts", render: { $0.sharedScripts ? "sharedscripts" : nil }, set: { $0.sharedScripts = true }),
        /// "Run prerotate and postrotate scripts for every log file which is rotated (this is the default)".
        flag("nosharedscripts") { $0.sharedScripts = false },
        /// "The script is executed once before all log files that match the wildcarded pattern are rotated".
        /// Equivalent logrotate code: `config.c readConfigFile`, `firstaction`.
        script(.firstaction),
        /// "The script is executed before the log file is rotated and only if the log will actually be rotated."
        script(.prerotate),
        /// "The script is executed after the log file is rotated."
        script(.postrotate),
        /// "The script is executed once after all log files that match the wildcarded pattern are rotated".
        script(.lastaction),
        /// "The script is executed once just before removal of a log file."
        script(.preremove),
    ]

    /// A script directive: its text runs to the line whose first word is `endscript`.
    private static func script(_ kind: ScriptKind) -> Directive {
        Directive(kind.rawValue, .script(kind), expects: "script lines up to endscript") { value, target in
            target.settings.scripts[kind] = value
            for finding in KillScriptLint.findings(in: value) {
                target.advice.append((finding.lineOffset, KillScriptLint.message(finding, in: kind)))
            }
        }
    }

    // MARK: Others

    static let other: [Directive] = [
        /// "Reads the file given as an argument as if it was included inline where the include directive appears. If
        /// a directory is given, most of the files in that directory are read in alphabetic order". Resolved by
        /// `ConfigLoader`. Equivalent logrotate code: `config.c readConfigFile`, `include`, `readConfigPath`.
        Directive("include", .include, expects: "a file or directory") { _, _ in },
        /// Deprecated and undocumented in 3.21 ("the errors directive is deprecated and no longer used"); its
        /// argument is ignored here (3.21 then parses it as a keyword). Equivalent logrotate code: `errors`.
        Directive("errors", .ignored, expects: "nothing (deprecated)") { _, target in
            target.warnings.append("the errors directive is deprecated and no longer used")
        },
        /// logrotated extension, not in logrotate: "After a rename rotation, send SIG to the process named by a
        /// pidfile or a systemd unit, once per block, after postrotate, unless the process neither handles nor
        /// ignores SIG and its default action would terminate it." The safe form of `kill -USR2 $(cat app.pid)`.
        Directive(
            "signal",
            .required,
            expects: "SIG pidfile /PATH or SIG unit NAME.service",
            render: { $0.signal?.directiveText },
            apply: { value, target in
                target.settings.signal = try SignalSetting.parse(value)
            }
        ),
        /// logrotated extension: "Send no signal after rotation (this overrides the signal option)."
        flag("nosignal") { $0.signal = nil },
    ]
}
