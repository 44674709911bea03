extension Directive {
    // MARK: Compression

    static let compression: [Directive] = [
        /// "Old versions of log files are compressed with gzip(1) by default." Equivalent logrotate code: `compress`.
        flag("compress", render: { $0.compress ? "compress" : nil }, set: { $0.compress = true }),
        /// "Old versions of log files are not compressed."
        flag("nocompress") { $0.compress = false },
        /// "Postpone compression of the previous log file to the next rotation cycle." Equivalent logrotate code:
        /// `config.c readConfigFile`, `delaycompress`.
        flag("delaycompress", render: { $0.delayCompress ? "delaycompress" : nil }, set: { $0.delayCompress = true }),
        /// "Do not postpone compression of the previous log file to the next rotation cycle".
        flag("nodelaycompress") { $0.delayCompress = false },
        /// "Specifies which command to use to compress log files." A known basename (gzip, bzip2, xz, zstd, compress,
        /// zip) also switches the extension. Equivalent logrotate code: `config.c readConfigFile`, `compresscmd`.
        Directive(
            "compresscmd",
            .required,
            expects: "a program path without blanks",
            render: renderCompressCommand,
            apply: {
                value,
                target in
                target.settings.compressCommand = try DirectiveArguments.word(value, what: "compress path")
                if let ext = DirectiveArguments.compressExtension(forCommand: value) {
                    target.settings.compressExtension = ext
                }
            }
        ),
        /// "Specifies which command to use to uncompress log files." Equivalent logrotate code: `uncompresscmd`.
        Directive(
            "uncompresscmd",
            .required,
            expects: "a program path without blanks",
            render: renderUncompress,
            apply: {
                value,
                target in
                target.settings.uncompressCommand = try DirectiveArguments.word(value, what: "uncompress path")
            }
        ),
        /// "Specifies which extension to use on compressed logfiles, if compression is enabled." Equivalent logrotate
        /// code: `config.c readConfigFile`, `compressext`.
        Directive(
            "compressext",
            .required,
            expects: "an extension without blanks",
            render: renderCompressExtension,
            apply: {
                value,
                target in
                target.settings.compressExtension = try DirectiveArguments.word(value, what: "compress-ext path")
            }
        ),
        /// "Command line options may be passed to the compression program, if one is in use." Split like a shell.
        /// Equivalent logrotate code: `config.c readConfigFile`, `compressoptions` (`poptParseArgvString`).
        Directive(
            "compressoptions",
            .required,
            expects: "options split like a shell",
            render: renderOptions,
            apply: {
                value,
                target in
                target.settings.compressOptions = try DirectiveArguments.options(value)
            }
        ),
    ]

    private static func renderCompressCommand(_ settings: LogSettings) -> String? {
        settings.compressCommand == LogSettings().compressCommand ? nil : "compresscmd \(settings.compressCommand)"
    }

    private static func renderUncompress(_ settings: LogSettings) -> String? {
        settings.uncompressCommand == LogSettings().uncompressCommand
            ? nil : "uncompresscmd \(settings.uncompressCommand)"
    }

    /// Printed whenever it differs from what the (printed) compress command implies.
    private static func renderCompressExtension(_ settings: LogSettings) -> String? {
        let implied =
            DirectiveArguments.compressExtension(forCommand: settings.compressCommand)
            ?? LogSettings().compressExtension
        return settings.compressExtension == implied ? nil : "compressext \(settings.compressExtension)"
    }

    private static func renderOptions(_ settings: LogSettings) -> String? {
        settings.compressOptions.map { "compressoptions " + $0.map(ShellWords.escape).joined(separator: " ") }
    }
}
