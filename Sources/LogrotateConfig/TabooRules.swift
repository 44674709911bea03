/// Which directory entries `include` and directory config paths skip: `tabooext` and `taboopat`.
///
/// Equivalent logrotate code: `config.c checkFile`, `tabooPatterns`; defaults from 3.21's `readAllConfigPaths`.
package struct TabooRules: Equatable, Sendable {
    /// `tabooext` entries as written (each skips names ending with it, i.e. fnmatch `*EXT`).
    package var extensions: [String]
    /// `taboopat` glob patterns matched against the whole name.
    package var patterns: [String]

    /// logrotate 3.21's initial taboo extensions (3.22 adds `.new .old .orig`).
    package static let defaultExtensions = [
        ",v", ".bak", ".cfsaved", ".disabled", ".dpkg-bak", ".dpkg-del", ".dpkg-dist", ".dpkg-new", ".dpkg-old",
        ".dpkg-tmp", ".rhn-cfg-tmp-*", ".rpmnew", ".rpmorig", ".rpmsave", ".swp", ".ucf-dist", ".ucf-new", ".ucf-old",
        "~",
    ]

    /// The 3.21 defaults: the extension list above and no patterns.
    package init(extensions: [String] = TabooRules.defaultExtensions, patterns: [String] = []) {
        self.extensions = extensions
        self.patterns = patterns
    }

    /// Every rule as an fnmatch pattern for a file name (`*EXT` for extensions).
    package var fnmatchPatterns: [String] { extensions.map { "*" + $0 } + patterns }

    /// Applies a `tabooext`/`taboopat` value: `+ a, b` appends, `a b` replaces; commas and blanks separate items.
    static func updated(_ list: [String], with value: String) -> [String] {
        var rest = Substring(value)
        let append = rest.first == "+"
        if append { rest = rest.dropFirst() }
        let items = rest.split { $0 == "," || $0 == " " || $0 == "\t" }.map(String.init)
        return append ? list + items : items
    }
}

/// Everything reading configuration accumulates: the running defaults, taboo rules, blocks and diagnostics.
///
/// One value is threaded through every file, include and command-line path of a run, as logrotate's `defConfig`
/// and log list are. Equivalent logrotate code: `config.c readAllConfigPaths`, globals `defConfig`, `logs`.
package struct ConfigState: Equatable, Sendable {
    /// The settings a block copies when its first pattern is read (changed by directives outside blocks).
    package var defaults: LogSettings
    /// The current `tabooext`/`taboopat` lists.
    package var taboo: TabooRules
    /// Finished blocks, in the order their patterns were read.
    package var blocks: [LogBlock]
    /// Every diagnostic so far, in reading order.
    package var diagnostics: [Diagnostic]

    /// A state with logrotate's defaults and nothing read yet.
    package init(
        defaults: LogSettings = LogSettings(),
        taboo: TabooRules = TabooRules(),
        blocks: [LogBlock] = [],
        diagnostics: [Diagnostic] = []
    ) {
        self.defaults = defaults
        self.taboo = taboo
        self.blocks = blocks
        self.diagnostics = diagnostics
    }

    /// How many diagnostics are errors.
    package var errorCount: Int { diagnostics.count { $0.severity == .error } }

    /// The blocks and diagnostics as a `Configuration`.
    package var configuration: Configuration { Configuration(blocks: blocks, diagnostics: diagnostics) }
}
