/// When a log becomes due by time; logrotate compares calendar fields in local time.
public enum Frequency: Equatable, Hashable, Sendable {
    case hourly
    case daily
    /// `weekly [0-7]`: 0 = Sunday … 6 = Saturday; 7 = only "at least 7 days since the last rotation".
    case weekly(weekday: Int)
    case monthly
    case yearly
}

/// What makes a log due: the last of `size`/`hourly`/`daily`/`weekly`/`monthly`/`yearly` in a scope wins.
public enum RotationCriterion: Equatable, Hashable, Sendable {
    /// `size N`: due when the file is at least N bytes, whatever the time.
    case size(UInt64)
    /// A calendar period, checked against the last rotation recorded in the state file.
    case time(Frequency)

    /// logrotate's default when no criterion is given: rotate at 1 MiB.
    public static let defaultCriterion = RotationCriterion.size(1_048_576)
}

/// A user or group named in the configuration, resolved when the configuration is read (as logrotate does).
public struct Account: Equatable, Hashable, Sendable {
    /// The name as written (a name, or digits for a numeric id).
    public var name: String
    public var id: UInt32

    public init(name: String, id: UInt32) {
        self.name = name
        self.id = id
    }
}

/// `create [mode] [owner [group]]` and `createolddir [mode] [owner [group]]`: unset parts come from elsewhere.
public struct Ownership: Equatable, Hashable, Sendable {
    /// Permission bits (e.g. 0o640); `nil` keeps the source's mode (create) or uses 0755 (createolddir).
    public var mode: UInt32?
    public var owner: Account?
    public var group: Account?

    public init(mode: UInt32? = nil, owner: Account? = nil, group: Account? = nil) {
        self.mode = mode
        self.owner = owner
        self.group = group
    }
}

/// The five script hooks, in the order logrotate can run them.
public enum ScriptKind: String, CaseIterable, Comparable, Hashable, Sendable {
    case firstaction
    case prerotate
    case postrotate
    case lastaction
    case preremove

    public static func < (lhs: ScriptKind, rhs: ScriptKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Which rotated file `mail` sends: the newest (`mailfirst`) or the one about to be removed (`maillast`).
public enum MailWhich: String, Equatable, Hashable, Sendable {
    case first
    case last
}

/// Every per-log setting of logrotate 3.21, with logrotate's defaults.
///
/// Equivalent logrotate code: `struct logInfo` in `config.h`, defaults in `config.c readAllConfigPaths`.
public struct LogSettings: Equatable, Hashable, Sendable {
    public var criterion: RotationCriterion = .defaultCriterion
    /// `minsize`: with a time criterion, smaller logs are not rotated. 0 = off.
    public var minSize: UInt64 = 0
    /// `maxsize`: larger logs are rotated whatever the time. 0 = off.
    public var maxSize: UInt64 = 0
    /// `rotate N`: old versions kept; 0 removes the rotated file at once; -1 never removes by count.
    public var rotate: Int = 0
    /// `start N`: the first index of numbered old versions.
    public var start: Int = 1
    /// `maxage N`: old versions older than N days are removed at rotation. 0 = off.
    public var maxAge: Int = 0
    /// `minage N`: logs younger than N days are not rotated by time. 0 = off.
    public var minAge: Int = 0
    /// `create …` (`nil` = `nocreate`).
    public var create: Ownership?
    public var copy = false
    public var copyTruncate = false
    public var renameCopy = false
    public var compress = false
    public var delayCompress = false
    public var compressCommand = "/bin/gzip"
    public var uncompressCommand = "/bin/gunzip"
    public var compressExtension = ".gz"
    /// `compressoptions`, split like a shell would (`nil` = pass none, gzip's own default level).
    public var compressOptions: [String]?
    public var dateExt = false
    /// `dateformat` (`nil` = `-%Y%m%d`, or `-%Y%m%d%H` with `hourly`).
    public var dateFormat: String?
    public var dateYesterday = false
    public var dateHourAgo = false
    public var `extension`: String?
    public var addExtension: String?
    /// `olddir DIR` as written (relative to the log's directory unless absolute; `~/` already expanded).
    public var oldDir: String?
    /// `createolddir …` (`nil` = `nocreateolddir`).
    public var createOldDir: Ownership?
    public var missingOK = false
    public var ifEmpty = true
    public var sharedScripts = false
    public var scripts: [ScriptKind: String] = [:]
    /// `su user group`: the identity used for file operations of the block.
    public var su: SwitchUser?
    /// `mail ADDRESS` (`nil` = `nomail`).
    public var mail: String?
    public var mailWhich: MailWhich = .last
    public var shred = false
    public var shredCycles: Int?
    public var allowHardlink = false
    public var ignoreDuplicates = false
    /// `signal SIG pidfile PATH|unit UNIT` (`nil` = `nosignal`): a logrotated extension.
    public var signal: SignalSetting?

    public init() {}

    /// The dateext suffix format in effect.
    public var effectiveDateFormat: String {
        if let dateFormat { return dateFormat }
        return criterion == .time(.hourly) ? "-%Y%m%d%H" : "-%Y%m%d"
    }
}

/// `su user group`.
public struct SwitchUser: Equatable, Hashable, Sendable {
    public var user: Account
    public var group: Account

    public init(user: Account, group: Account) {
        self.user = user
        self.group = group
    }
}
