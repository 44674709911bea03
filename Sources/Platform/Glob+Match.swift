extension Glob {
    /// Whether `name` matches `pattern` (`fnmatch(3)`).
    public static func matches(_ pattern: String, _ name: String, options: MatchOptions = []) -> Bool {
        system_fnmatch(pattern, name, options.flags)
    }

    /// `fnmatch` flags.
    public struct MatchOptions: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// `FNM_PATHNAME`: `/` is matched only by `/`.
        public static let pathname = MatchOptions(rawValue: 1 << 0)
        /// `FNM_PERIOD`: a leading `.` is matched only by `.`.
        public static let period = MatchOptions(rawValue: 1 << 1)
        /// `FNM_NOESCAPE`: `\` is an ordinary character.
        public static let noEscape = MatchOptions(rawValue: 1 << 2)

        var flags: Int32 {
            (contains(.pathname) ? fnmatchPathname : 0) | (contains(.period) ? fnmatchPeriod : 0)
                | (contains(.noEscape) ? fnmatchNoEscape : 0)
        }
    }
}
