/// When a log becomes due by time; logrotate compares calendar fields in local time.
package enum Frequency: Equatable, Hashable, Sendable {
    case hourly
    case daily
    /// `weekly [0-7]`: 0 = Sunday … 6 = Saturday; 7 = only "at least 7 days since the last rotation".
    case weekly(weekday: Int)
    case monthly
    case yearly
    /// `minutes N` (logrotate's development branch): due when N minutes have passed since the last rotation.
    case minutes(Int)
}

/// What makes a log due: the last of `size`/`minutes`/`hourly`/`daily`/`weekly`/`monthly`/`yearly` in a scope wins.
package enum RotationCriterion: Equatable, Hashable, Sendable {
    /// `size N`: due when the file is at least N bytes, whatever the time.
    case size(UInt64)
    /// A calendar period, checked against the last rotation recorded in the state file.
    case time(Frequency)

    /// logrotate's default when no criterion is given: rotate at 1 MiB.
    package static let defaultCriterion = RotationCriterion.size(1_048_576)
}

/// A user or group named in the configuration, resolved when the configuration is read (as logrotate does).
package struct Account: Equatable, Hashable, Sendable {
    /// The name as written (a name, or digits for a numeric id).
    package var name: String
    package var id: UInt32

    package init(name: String, id: UInt32) {
        self.name = name
        self.id = id
    }
}

/// `create [mode] [owner [group]]` and `createolddir [mode] [owner [group]]`: unset parts come from elsewhere.
package struct Ownership: Equatable, Hashable, Sendable {
    /// Permission bits (e.g. 0o640); `nil` keeps the source's mode (create) or uses 0755 (createolddir).
    package var mode: UInt32?
    package var owner: Account?
    package var group: Account?

    package init(mode: UInt32? = nil, owner: Account? = nil, group: Account? = nil) {
        self.mode = mode
        self.owner = owner
        self.group = group
    }
}

/// The five script hooks, in the order logrotate can run them.
package enum ScriptKind: String, CaseIterable, Comparable, Hashable, Sendable {
    case firstaction
    case prerotate
    case postrotate
    case lastaction
    case preremove

    package static func < (lhs: ScriptKind, rhs: ScriptKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Which rotated file `mail` sends: the newest (`mailfirst`) or the one about to be removed (`maillast`).
package enum MailWhich: String, Equatable, Hashable, Sendable {
    case first
    case last
}

/// Every per-log setting of logrotate 3.21, with logrotate's defaults.
///
/// Equivalent logrotate code: `struct logInfo` in `config.h`, defaults in `config.c readAllConfigPaths`.
package struct LogSettings: Equatable, Hashable, Sendable {
    package var criterion: RotationCriterion = .defaultCriterion
    /// `minsize`: with a time criterion, smaller logs are not rotated. 0 = off.
    package var minSize: UInt64 = 0
    /// `maxsize`: larger logs are rotated whatever the time. 0 = off.
    package var maxSize: UInt64 = 0
    /// `rotate N`: old versions kept; 0 removes the rotated file at once; -1 never removes by count.
    package var rotate: Int = 0
    /// `start N`: the first index of numbered old versions.
    package var start: Int = 1
    /// `maxage N`: old versions older than N days are removed at rotation. 0 = off.
    package var maxAge: Int = 0
    /// `minage N`: logs younger than N days are not rotated by time. 0 = off.
    package var minAge: Int = 0
    /// `create …` (`nil` = `nocreate`).
    package var create: Ownership?
    package var copy = false
    package var copyTruncate = false
    package var renameCopy = false
    package var compress = false
    package var delayCompress = false
    package var compressCommand = "/bin/gzip"
    package var uncompressCommand = "/bin/gunzip"
    package var compressExtension = ".gz"
    /// `compressoptions`, split like a shell would (`nil` = pass none, gzip's own default level).
    package var compressOptions: [String]?
    package var dateExt = false
    /// `dateformat` (`nil` = `-%Y%m%d`, or `-%Y%m%d%H` with `hourly`).
    package var dateFormat: String?
    package var dateYesterday = false
    package var dateHourAgo = false
    package var `extension`: String?
    package var addExtension: String?
    /// `olddir DIR` as written (relative to the log's directory unless absolute; `~/` already expanded).
    package var oldDir: String?
    /// `createolddir …` (`nil` = `nocreateolddir`).
    package var createOldDir: Ownership?
    package var missingOK = false
    package var ifEmpty = true
    package var sharedScripts = false
    package var scripts: [ScriptKind: String] = [:]
    /// `su user group`: the identity used for file operations of the block.
    package var su: SwitchUser?
    /// `mail ADDRESS` (`nil` = `nomail`).
    package var mail: String?
    package var mailWhich: MailWhich = .last
    package var shred = false
    package var shredCycles: Int?
    package var allowHardlink = false
    package var ignoreDuplicates = false
    /// `signal SIG pidfile PATH|unit UNIT` (`nil` = `nosignal`): a logrotated extension.
    package var signal: SignalSetting?
    /// `maxtotalsize N`: after a rotation, the oldest old versions are removed until they total at most N bytes
    /// (a logrotated extension, see `Directives+Budget.swift`). 0 = off.
    package var maxTotalSize: UInt64 = 0
    /// `at [DAY] [HH:MM]`: the moment of a calendar rule (`nil` = logrotate's rules, at midnight): a logrotated
    /// extension.
    package var moment: CalendarMoment?
    /// `spread DURATION`: the window in seconds of the stable per-host delay of calendar moments (0 = off): a
    /// logrotated extension.
    package var spread: Int64 = 0
    /// The delay in seconds this host adds to the block's calendar moments: derived from `spread`, the machine and
    /// the block's patterns when the block ends (see `SpreadDelay`), never written.
    package var spreadDelay: Int64 = 0

    package init() {}

    /// The dateext suffix format in effect.
    package var effectiveDateFormat: String {
        if let dateFormat { return dateFormat }
        switch criterion {
        case .time(.hourly): return "-%Y%m%d%H"
        case .time(.minutes): return "-%Y%m%d%H%M"
        default: return "-%Y%m%d"
        }
    }
}

/// `su user group`.
package struct SwitchUser: Equatable, Hashable, Sendable {
    package var user: Account
    package var group: Account

    package init(user: Account, group: Account) {
        self.user = user
        self.group = group
    }
}
