#if canImport(Glibc)
import Glibc
#endif

/// Shell-style file name matching, as logrotate matches taboo patterns.
package enum FileNameMatch {
    /// Whether `name` matches the glob `pattern` (`fnmatch(pattern, name, FNM_PERIOD)`: a leading `.` must be matched
    /// explicitly).
    ///
    /// The corresponding C function is `fnmatch`.
    package static func matches(_ pattern: String, _ name: String) -> Bool {
        fnmatch(pattern, name, FNM_PERIOD) == 0
    }
}
