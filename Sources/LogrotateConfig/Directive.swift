import Platform

/// One configuration keyword: what argument it takes, where it may appear, how it changes settings and how it is
/// printed back.
///
/// Every keyword of logrotate 3.21 has one entry in `Directive.all` (see `Directives.swift`).
package struct Directive: Sendable {
    /// What follows the keyword on its line.
    package enum Argument: Equatable, Sendable {
        /// Nothing: scanning goes on after the keyword (logrotate reads `daily weekly` as two directives).
        case none
        /// The rest of the line, trimmed; an empty value is `argument expected after …`.
        case required
        /// The rest of the line, possibly empty (`weekly [weekday]`, `create [mode] …`).
        case optional
        /// The rest of the line, read and ignored (the deprecated `errors`).
        case ignored
        /// Script text up to a line whose first word is `endscript`.
        case script(ScriptKind)
        /// A file or directory to read in place (resolved by `ConfigLoader`).
        case include
    }

    /// Where a directive may appear.
    package enum Scope: Equatable, Sendable {
        /// Outside blocks (changing the defaults) and inside blocks.
        case anywhere
        /// Only outside blocks (`tabooext`, `taboopat`); inside a block it is a block error.
        case globalOnly
    }

    /// The keyword as written in configuration files.
    package let keyword: String
    package let argument: Argument
    package let scope: Scope
    /// What the argument must look like, quoted in diagnostics: `rotate expects an integer >= -1`.
    package let expects: String
    let apply: @Sendable (String, inout DirectiveTarget) throws -> Void
    /// The directive line that reproduces a non-default setting (`nil` when the setting is at its default or the
    /// directive is a negation).
    let render: @Sendable (LogSettings) -> String?

    init(
        _ keyword: String,
        _ argument: Argument = .none,
        scope: Scope = .anywhere,
        expects: String = "no argument",
        render: @escaping @Sendable (LogSettings) -> String? = { _ in nil },
        apply: @escaping @Sendable (String, inout DirectiveTarget) throws -> Void
    ) {
        self.keyword = keyword
        self.argument = argument
        self.scope = scope
        self.expects = expects
        self.render = render
        self.apply = apply
    }

    /// Every directive by keyword.
    package static let byKeyword: [String: Directive] = Dictionary(
        all.map { ($0.keyword, $0) },
        uniquingKeysWith: { first, _ in first }
    )
}

/// What a directive may change, plus what it needs to resolve names.
struct DirectiveTarget {
    var settings: LogSettings
    var taboo: TabooRules
    /// Non-fatal remarks (e.g. `errors` is deprecated).
    var warnings: [String] = []
    /// Suggestions at a line relative to the directive's (see `Diagnostic.isAdvice`).
    var advice: [(lineOffset: Int, message: String)] = []
    let accounts: any AccountDirectory
    let homeDirectory: String?
}

/// Why a directive's value was refused.
struct DirectiveFailure: Error {
    var message: String
    /// logrotate abandons the rest of the file for a few errors even inside a block (`weekly 8`).
    var abandonsFile = false
}
