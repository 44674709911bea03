import Platform

/// Reads logrotate configuration text into blocks, changed defaults and diagnostics; never fails, never does I/O.
///
/// Line-based like logrotate: a keyword (`[A-Za-z]+`) then blanks or `=`; values run to the end of the line; `#` starts
/// a comment only as the first non-blank of a line; a line starting with `/`, `"`, `'` or `~` starts a pattern list that
/// runs to `{`. Errors follow logrotate 3.21 (see `FileReader`). `include` is handed to the caller, which reads the
/// file through the same parser (`ConfigLoader` does).
/// Equivalent logrotate code: `config.c readConfigFile`.
package struct ConfigParser: Sendable {
    /// Resolves `create`, `createolddir` and `su` owners.
    package var accounts: any AccountDirectory
    /// What `~/` expands to in patterns and `olddir` (`nil` leaves `~` as written).
    package var homeDirectory: String?
    /// What identifies this machine for `spread` (`MachineIdentity.current()`; tests pass a fixed text).
    package var hostIdentity: String

    /// Reads the file named by an `include` into the state; `ConfigLoader` provides one.
    package typealias IncludeHandler = (IncludeRequest, inout ConfigState) -> Void

    /// A parser resolving names through `accounts`, expanding `~/` to `homeDirectory`, and deriving `spread`
    /// delays from `hostIdentity`.
    package init(
        accounts: any AccountDirectory = SystemAccountDirectory(),
        homeDirectory: String? = nil,
        hostIdentity: String = ""
    ) {
        self.accounts = accounts
        self.homeDirectory = homeDirectory
        self.hostIdentity = hostIdentity
    }

    /// Parses one file's bytes into `state`: its blocks are appended, its global directives change
    /// `state.defaults`, its problems are added to `state.diagnostics`. When the file had any error, the defaults are
    /// put back to what they were before it (as logrotate does).
    package func parse(
        _ bytes: [UInt8],
        file: String,
        into state: inout ConfigState,
        include: IncludeHandler
    ) {
        withoutActuallyEscaping(include) { include in
            var reader = FileReader(parser: self, file: file, bytes: bytes, include: include)
            swap(&reader.state, &state)
            let defaultsBefore = reader.state.defaults
            let errorsBefore = reader.state.errorCount
            reader.run()
            if reader.state.errorCount > errorsBefore { reader.state.defaults = defaultsBefore }
            swap(&reader.state, &state)
        }
    }

    /// Parses text into `state`; `include` directives are reported as not followed (use `ConfigLoader` for them).
    package func parse(_ text: String, file: String, into state: inout ConfigState) {
        parse(Array(text.utf8), file: file, into: &state) { request, state in
            state.diagnostics.append(
                Diagnostic(
                    .warning,
                    file: request.location.file,
                    line: request.location.line,
                    "include \(request.path) not followed (no loader)"
                )
            )
        }
    }

    /// Parses one text from logrotate's defaults.
    package func parse(_ text: String, file: String) -> ConfigState {
        var state = ConfigState()
        parse(text, file: file, into: &state)
        return state
    }
}

/// An `include` directive met while parsing.
package struct IncludeRequest: Equatable, Sendable {
    /// The value as written (not yet resolved or `~`-expanded).
    package var path: String
    /// Where the directive is.
    package var location: SourceLocation

    /// A request for `path` made at `location`.
    package init(path: String, location: SourceLocation) {
        self.path = path
        self.location = location
    }
}
