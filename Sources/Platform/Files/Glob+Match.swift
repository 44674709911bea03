extension Glob {
    /// Whether `name` matches `pattern` (`fnmatch(3)`).
    package static func matches(_ pattern: String, _ name: String, options: MatchOptions = []) -> Bool {
        system_fnmatch(pattern, name, options.flags)
    }

    /// `fnmatch` flags.
    package struct MatchOptions: OptionSet, Sendable {
        package let rawValue: Int
        package init(rawValue: Int) { self.rawValue = rawValue }

        /// `FNM_PATHNAME`: `/` is matched only by `/`.
        package static let pathname = MatchOptions(rawValue: 1 << 0)
        /// `FNM_PERIOD`: a leading `.` is matched only by `.`.
        package static let period = MatchOptions(rawValue: 1 << 1)
        /// `FNM_NOESCAPE`: `\` is an ordinary character.
        package static let noEscape = MatchOptions(rawValue: 1 << 2)

        var flags: Int32 {
            (contains(.pathname) ? fnmatchPathname : 0) | (contains(.period) ? fnmatchPeriod : 0)
                | (contains(.noEscape) ? fnmatchNoEscape : 0)
        }
    }
}
