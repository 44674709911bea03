import LogrotateConfig
import Platform
import Rotation
import Scheduling
import SystemPackage

/// What the daemon knows about its logs between surveys: each block's expanded logs, the state entries, and when
/// each log with a time rule is next worth checking.
///
/// A survey builds it (at start, on reload, at the hourly rescan of glob patterns); after that it changes only by
/// what happened (a job's outcome, a state file another program changed), so the cost of an event follows what
/// changed, never the number of logs. Pure: it touches no file.
struct Snapshot: Sendable {
    /// The configuration's blocks, in order.
    let blocks: [LogBlock]
    /// Each block's logs, patterns expanded by the last survey, duplicates dropped as `rotate` drops them.
    private(set) var logsOfBlock: [[FilePath]]
    /// The block (index in `blocks`) each log belongs to.
    private(set) var blockOfLog: [FilePath: Int] = [:]
    /// The state as the daemon knows it: the file's entries as last read, with this daemon's changes applied.
    private(set) var state: StateFile
    /// Logs whose entry changed here and is not yet in the state file.
    private(set) var unsaved: Set<FilePath> = []
    /// The calendar wake-ups of logs with a time rule.
    private var triggers = TriggerQueue()
    /// Seconds until the next attempt at each log whose last rotation failed (doubling, see `settle`).
    private var retryDelays: [FilePath: Int64] = [:]
    /// When glob patterns are next expanded again (files created since match them), if any block has one.
    private(set) var nextRescan: Int64?

    /// The snapshot of `blocks` whose logs are `logsOfBlock`, with `state` as read, at `now`. A log without an entry
    /// gets one at `now`'s hour (logrotate's `findState`), to be saved.
    init(blocks: [LogBlock], logsOfBlock: [[FilePath]], state: StateFile, now: Int64) {
        self.blocks = blocks
        self.logsOfBlock = logsOfBlock
        self.state = state
        adopt(logsOfBlock, now: now)
    }

    /// Takes the logs of a new expansion of the same blocks (the hourly rescan): new logs get their entry and
    /// trigger, known ones keep theirs, vanished ones lose their trigger (their entry stays, as logrotate keeps it).
    mutating func rescanned(_ logs: [[FilePath]], now: Int64) {
        let current = Set(logs.joined())
        for log in blockOfLog.keys where !current.contains(log) { triggers.remove(log) }
        let known = blockOfLog
        logsOfBlock = logs
        blockOfLog = [:]
        adopt(logs, now: now, keepingTriggersOf: known)
    }

    /// Indexes `logs` by block and gives each log not in `known` (under the same block) its entry and trigger.
    private mutating func adopt(_ logs: [[FilePath]], now: Int64, keepingTriggersOf known: [FilePath: Int] = [:]) {
        let hour = LocalTime(epochSeconds: now)
        for (index, logs) in logs.enumerated() {
            for log in logs {
                blockOfLog[log] = index
                guard known[log] != index else { continue }
                if state.lastRotated(for: log.string, creatingAt: hour).created { unsaved.insert(log) }
                schedule(log, now: now, afterPeriodEnd: false)
            }
        }
        let hasGlobs = blocks.contains { $0.patterns.contains(where: Self.hasGlob) }
        nextRescan = hasGlobs ? (now / 3600 + 1) * 3600 : nil
    }

    /// The directories of glob patterns whose directory part has no glob characters, each with the last components
    /// of those patterns: a name appearing there that matches one may be a new log (patterns with glob characters in
    /// a directory wait for the hourly rescan). The names an archive gets (`app.log.1`) match none of `*.log`, so a
    /// wave of rotations does not bring one event per log.
    var patternDirectories: [FilePath: Set<String>] {
        var directories: [FilePath: Set<String>] = [:]
        for pattern in blocks.flatMap(\.patterns) where Self.hasGlob(pattern) {
            let path = FilePath(pattern)
            let directory = path.removingLastComponent()
            guard !Self.hasGlob(directory.string), let name = path.lastComponent else { continue }
            directories[directory, default: []].insert(name.string)
        }
        return directories
    }

    /// Takes `path` as a log of the first block with a glob pattern that matches it, unless a block has it already
    /// (as the survey, in configuration order); true when it was taken.
    mutating func discover(_ path: FilePath, now: Int64) -> Bool {
        guard blockOfLog[path] == nil else { return false }
        let matching = blocks.firstIndex { block in
            block.patterns.contains {
                Self.hasGlob($0) && Glob.matches($0, path.string, options: [.pathname, .period])
            }
        }
        guard let index = matching else { return false }
        logsOfBlock[index].append(path)
        blockOfLog[path] = index
        if state.lastRotated(for: path.string, creatingAt: LocalTime(epochSeconds: now)).created {
            unsaved.insert(path)
        }
        schedule(path, now: now, afterPeriodEnd: false)
        return true
    }

    private static func hasGlob(_ pattern: String) -> Bool {
        pattern.contains { "*?[".contains($0) }
    }

    /// The earliest calendar wake-up: a log's trigger or the glob rescan.
    mutating func nextDeadline() -> Deadline? {
        let log = triggers.first().map { first in
            let frequency = blocks[blockOfLog[first.log] ?? 0].settings.criterion.frequency
            return Deadline(
                time: Timestamp(seconds: first.time),
                label: "\(first.log) \(frequency.map(LogOutlook.name) ?? "")"
            )
        }
        guard let nextRescan, nextRescan < log?.time.seconds ?? .max else { return log }
        return Deadline(time: Timestamp(seconds: nextRescan), label: "rescan of glob patterns")
    }

    /// Removes and returns the logs whose calendar trigger is at or before `now`.
    mutating func takeDue(at now: Int64) -> [FilePath] {
        triggers.popDue(atOrBefore: now)
    }

    /// Whether the glob patterns are due for expanding again at `now`.
    func needsRescan(at now: Int64) -> Bool {
        nextRescan.map { $0 <= now } ?? false
    }

    /// The files whose size can make a log due, with the size that does.
    var sizeWatches: [SizeWatch] {
        zip(blocks, logsOfBlock).flatMap { block, logs in
            SizeRules.watchLimit(block.settings).map { limit in
                logs.map { SizeWatch(path: $0, limit: limit) }
            }
                ?? []
        }
    }

    /// The jobs that rotate `logs` (grouped by block, in configuration order), see `RotationJob.jobs`; a block's jobs
    /// share `wave`'s directory listings.
    func jobs(for logs: some Sequence<FilePath>, wave: WaveListings? = nil) -> [RotationJob] {
        var byBlock: [Int: [FilePath]] = [:]
        for log in logs {
            if let index = blockOfLog[log] { byBlock[index, default: []].append(log) }
        }
        return byBlock.keys.sorted().flatMap { index in
            RotationJob.jobs(block: blocks[index], blockLogs: logsOfBlock[index], due: byBlock[index]!, wave: wave)
        }
    }

    /// The state entries of `logs`, for a job to decide and record on.
    func entries(of logs: [FilePath]) -> StateFile {
        StateFile(
            entries: logs.compactMap { log in
                state[log.string].map { StateFile.Entry(path: log.string, lastRotated: $0) }
            }
        )
    }

    /// Takes what a job recorded for its `logs` (rotations, new entries) and schedules their next check after `now`.
    /// A log whose rotation `failed` is tried again after a delay that doubles from a minute up to an hour (a size
    /// rule's watch fires only once per crossing, and a time rule would wait for the next period), or at its
    /// calendar check when that comes first; a success resets the delay.
    mutating func settle(_ logs: [FilePath], recorded: StateFile, failed: Set<FilePath> = [], now: Int64) {
        for log in logs {
            if let time = recorded[log.string], time != state[log.string] {
                state[log.string] = time
                unsaved.insert(log)
            }
            schedule(log, now: now, afterPeriodEnd: true)
            guard failed.contains(log) else {
                retryDelays[log] = nil
                continue
            }
            let delay = retryDelays[log].map { min($0 * 2, Self.longestRetryDelay) } ?? Self.firstRetryDelay
            retryDelays[log] = delay
            let retry = now.addingClamped(delay)
            triggers.schedule(log, at: min(triggers.time(of: log) ?? retry, retry))
        }
    }

    /// The first and the longest wait before trying a failed rotation again.
    static let firstRetryDelay: Int64 = 60
    static let longestRetryDelay: Int64 = 3_600

    /// Takes entries another program wrote to the state file (a manual `rotate`) for logs this daemon has no
    /// unsaved change for and is not rotating, and reschedules them.
    mutating func merge(_ file: StateFile, except busy: Set<FilePath>, now: Int64) {
        for entry in file.entries {
            let log = FilePath(entry.path)
            guard !unsaved.contains(log), !busy.contains(log), blockOfLog[log] != nil else { continue }
            guard state[entry.path] != entry.lastRotated else { continue }
            state[entry.path] = entry.lastRotated
            schedule(log, now: now, afterPeriodEnd: false)
        }
    }

    /// The unsaved entries, now considered saved.
    mutating func takeUnsaved() -> [StateFile.Entry] {
        defer { unsaved = [] }
        return unsaved.compactMap { log in state[log.string].map { StateFile.Entry(path: log.string, lastRotated: $0) }
        }
    }

    /// Puts back entries whose save failed.
    mutating func markUnsaved(_ entries: [StateFile.Entry]) {
        unsaved.formUnion(entries.map { FilePath($0.path) })
    }

    /// Schedules the next calendar check of `log` (logs without a time rule have none): the end of its period, or,
    /// `afterPeriodEnd` (it was just checked), the end of the next period when the current one has ended.
    private mutating func schedule(_ log: FilePath, now: Int64, afterPeriodEnd: Bool) {
        guard let index = blockOfLog[log], let rule = TimeRule(settings: blocks[index].settings) else {
            return triggers.remove(log)
        }
        let last = state[log.string]
        let time =
            afterPeriodEnd
            ? Schedule.nextCalendarCheck(rule, lastRotated: last, now: now)
            : Schedule.nextDeadline(
                after: LocalTime(epochSeconds: now),
                rule: rule,
                lastRotated: last ?? LocalTime(epochSeconds: now).truncatedToHour
            )
        triggers.schedule(log, at: time)
    }
}

extension RotationCriterion {
    /// The calendar frequency of a time rule; `nil` for a size rule.
    var frequency: Frequency? {
        if case .time(let frequency) = self { return frequency }
        return nil
    }
}
