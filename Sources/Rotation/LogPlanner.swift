import LogrotateConfig
import Platform
import SystemPackage

/// Plans one log: the three phases of logrotate's `prerotateSingleLog`, `rotateSingleLog`, `postrotateSingleLog`.
struct LogPlanner {
    let log: DueLog
    let settings: LogSettings
    let now: RotationTime
    let options: PlanningOptions
    let naming: ArchiveNaming
    let format: DateFormat
    /// The dateext suffix for this rotation (computed, and printed by `-v`, in numbered mode too).
    let dateSuffix: String
    /// Steps of the phase being planned.
    var output: [RotationStep] = []
    /// The old version removed at the end (logrotate's `disposeName`).
    var dispose: FilePath?
    /// What the operator should know about this log's old versions (`warning: …`), e.g. a name left alone.
    var warnings: [String] = []
    /// The shifts of old versions that exist, in the order they are done (journaled, to be undone by a later run
    /// when this one is interrupted before the log is rotated).
    var shifts: [Shift] = []

    init(block: LogBlock, log: DueLog, now: RotationTime, options: PlanningOptions) {
        self.log = log
        self.settings = block.settings
        self.now = now
        self.options = options
        self.naming = ArchiveNaming(log: log.path, settings: block.settings)
        self.format = DateFormat(block.settings.effectiveDateFormat)
        let date = LogPlanner.dateTime(settings: block.settings, now: now)
        self.dateSuffix = format.string(for: date.local, epochSeconds: date.epochSeconds)
    }

    /// The moment the dateext suffix names: now, yesterday at noon with the current minutes and seconds
    /// (`dateyesterday`, as logrotate sets only the day and hour) or an hour ago (`datehourago`).
    private static func dateTime(settings: LogSettings, now: RotationTime) -> RotationTime {
        var local = now.local
        if settings.dateYesterday {
            local.day -= 1
            local.hour = 12
        } else if settings.dateHourAgo {
            local.hour -= 1
        } else {
            return now
        }
        let normalized = local.normalized()
        return RotationTime(epochSeconds: normalized.epochSeconds, local: normalized)
    }

    var header: RotationStep {
        .notice(
            .rotatingLog(
                log.path,
                rotateCount: settings.rotate,
                dateSuffix: dateSuffix,
                globPattern: format.globPattern
            )
        )
    }

    /// The rotated file before compression: `.START EXT` or `DATE EXT`.
    var finalName: FilePath {
        settings.dateExt
            ? naming.dated(dateSuffix, compressed: false) : naming.numbered(settings.start, compressed: false)
    }

    /// The newest rotated version as it will finally be named (compressed unless delaycompress).
    var firstRotated: FilePath {
        let compressed = !settings.delayCompress
        return settings.dateExt
            ? naming.dated(dateSuffix, compressed: compressed) : naming.numbered(settings.start, compressed: compressed)
    }

    /// Plans the whole log against `view`, updating it with the planned effects.
    mutating func plan(view: inout FileView) -> LogPlan {
        var plan = LogPlan(path: log.path, header: header, finalName: finalName)
        createOldDirectory(view: &view)
        if settings.dateExt {
            prepareDated(view: &view)
            if let problem = datedCollision(view: &view) {
                plan.problem = problem
                return plan
            }
        } else {
            prepareNumbered(view: &view)
        }
        plan.preparation = take()
        plan.warnings = warnings
        let rotated = rotate(view: &view)
        plan.rotation = take()
        if rotated { complete(view: &view) } else { removeDisposal(view: &view) }
        enforceBudget(rotated: rotated, view: &view)
        plan.completion = take()
        plan.intent = intent(rotated: rotated)
        return plan
    }

    /// What the journal records before the log's first step.
    private func intent(rotated: Bool) -> LogIntent {
        let compressesNow = rotated && settings.compress && !settings.delayCompress && !naming.compressExtension.isEmpty
        return LogIntent(
            log: log.path,
            identity: log.status.identity,
            finalName: finalName,
            compressedName: compressesNow ? finalName.appendingToName(naming.compressExtension) : nil,
            epochSeconds: now.epochSeconds,
            shifts: shifts
        )
    }

    /// Returns the steps planned so far and starts a new phase.
    mutating func take() -> [RotationStep] {
        defer { output = [] }
        return output
    }

    /// `createolddir`: the missing components of `olddir`, outermost first (logrotate's `mkpath`).
    private mutating func createOldDirectory(view: inout FileView) {
        guard settings.oldDir != nil, let ownership = settings.createOldDir else { return }
        var missing: [FilePath] = []
        var directory = naming.directory
        while !directory.components.isEmpty, !view.directoryExists(directory) {
            missing.append(directory)
            directory = directory.removingLastComponent()
        }
        let attributes = FileAttributes(
            permissions: ownership.mode ?? 0o755,
            owner: ownership.owner?.id,
            group: ownership.group?.id
        )
        for path in missing.reversed() {
            output.append(.createDirectory(path, attributes))
            view.addDirectory(path)
        }
    }

    /// Whether an old version is older than `maxage` days, counted in whole days of age as 3.22 does (`maxage 1`
    /// removes files 48 hours old and older; 3.21 compared fractional days, removing them after 24 hours).
    func isExpired(_ status: FileStatus?) -> Bool {
        guard settings.maxAge > 0, let status else { return false }
        let age = now.epochSeconds.subtractingClamped(status.modificationTime.seconds)
        return age / 86_400 > Int64(settings.maxAge)
    }
}
