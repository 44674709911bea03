import Foundation

/// One file of a prepared tree: a log or an old generation.
struct SeedFile {
    var name: String
    var content: String
    var mode: Int = 0o644
    /// Age of the modification time in hours (for maxage/minage); `nil` keeps "now".
    var ageHours: Int?
    /// When set, the content is stored gzip-compressed (an old `.gz` generation).
    var gzip = false
    /// When set, the file is a symbolic link to this target instead (relative names are kept as written).
    var symlinkTo: String?
    /// When set, the file is a hard link to this earlier seed file (relative to `@DIR@`).
    var hardLinkTo: String?
}

/// A configuration and a tree on which logrotate 3.21 and `logrotated rotate` must agree.
///
/// `@DIR@` in the config, the state and file contents stands for the scratch directory of each side.
struct DifferentialCase: CustomStringConvertible, Sendable {
    var name: String
    var config: String
    var files: [SeedFile] = []
    /// State entries (path with `@DIR@`, logrotate date `Y-M-D-H:M:S` or a relative `-Nd`/`-Nh` age).
    var state: [(path: String, date: String)] = []
    var force = false
    /// Extra directories to create before the run (relative to `@DIR@`).
    var directories: [String] = []
    /// Directories (relative to `@DIR@`) made world-writable once the files are written: logrotate refuses to
    /// rotate in them as root.
    var worldWritable: [String] = []
    /// A deliberate difference from logrotate 3.21 (listed in README): what logrotate left, changed into what
    /// logrotated must leave. `nil` means the outcomes must be identical.
    var difference: Difference?

    /// A deliberate, documented difference and how it changes logrotate's outcome.
    struct Difference: Sendable {
        var why: String
        var adjust: @Sendable (inout RunOutcome) -> Void
    }

    var description: String { name }
}

extension SeedFile: @unchecked Sendable {}
