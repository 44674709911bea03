import LogrotateConfig
import Platform
import SystemPackage

/// The due-ness decision of logrotate 3.21 for one log, as pure functions of the facts and one `now`.
///
/// Equivalent logrotate code: `logrotate.c findNeedRotating`.
package enum Dueness {
    /// logrotate's tolerance for a last rotation in the future ("allows for DST changes as well as geographical
    /// moves"): beyond it, rotation is forced.
    package static let futureTolerance: Int64 = 25 * 3600

    /// Decides whether the log at `path` is rotated now.
    ///
    /// - Parameters:
    ///   - path: The log path as matched.
    ///   - pattern: The block's pattern text (`LogBlock.patternText`), quoted in the hard-link message.
    ///   - settings: The block's settings.
    ///   - status: The `lstat` of the log, or its error.
    ///   - lastRotated: The state entry; `nil` for a log seen first (then `now` truncated to the hour is used).
    ///   - now: The run's single `time(NULL)`.
    ///   - force: `-f`/`--force`.
    /// Call ``checkParentDirectory(of:status:settings:realUserID:)`` first: logrotate does that check before.
    /// Equivalent logrotate code: `logrotate.c findNeedRotating` (after the parent-directory check).
    package static func decide(
        path: String,
        pattern: String,
        settings: LogSettings,
        status: Result<FileStatus, Errno>,
        lastRotated: LocalTime?,
        now: Int64,
        force: Bool
    ) -> Decision {
        let file: FileStatus
        switch status {
        case .failure(let errno):
            let missingOK = errno == .noSuchFileOrDirectory && settings.missingOK
            return Decision(
                verdict: .skip,
                reasons: [missingOK ? .missing(path: path) : .statFailed(path: path, errno)]
            )
        case .success(let success):
            file = success
        }
        if file.kind == .symlink { return Decision(verdict: .skip, reasons: [.symbolicLink(path: path)]) }
        if file.linkCount != 1 && !settings.allowHardlink {
            return Decision(
                verdict: .skip,
                reasons: [.hardLinks(path: path, count: file.linkCount, pattern: pattern)]
            )
        }
        let nowTime = LocalTime(epochSeconds: now)
        let last = lastRotated ?? nowTime.truncatedToHour
        var reasons = initialReasons(path: path, settings: settings, file: file, last: last, now: now, force: force)
        var due = reasons.last.map(isRotateReason) ?? false
        if due && !settings.ifEmpty && file.size == 0 {
            reasons.append(.empty)
            due = false
        }
        return Decision(verdict: due ? .rotate : .skip, reasons: reasons, times: (nowTime, last))
    }

    /// The reasons before the `notifempty` gate; the last one decides.
    private static func initialReasons(
        path: String,
        settings: LogSettings,
        file: FileStatus,
        last: LocalTime,
        now: Int64,
        force: Bool
    ) -> [Reason] {
        if force { return [.forced] }
        if SizeRules.exceedsMaxSize(settings, size: file.size) { return [.maxSizeExceeded] }
        switch settings.criterion {
        case .size(let threshold):
            return [SizeRules.reaches(threshold, size: file.size) ? .sizeReached : .sizeBelowThreshold]
        case .time(let frequency):
            let lastEpoch = last.epochSeconds
            if lastEpoch.subtractingClamped(now) > futureTolerance { return [.rotatedInFuture(path: path)] }
            let rule = TimeRule(settings: settings) ?? TimeRule(frequency)
            guard let period = periodReason(rule, now: now, lastRotated: LocalTime(epochSeconds: lastEpoch)) else {
                return [.alreadyRotated]
            }
            return [period] + sizeAndAgeReasons(settings: settings, file: file, now: now)
        }
    }

    /// The rule's own reason: logrotate's calendar test behind its same-hour gate (`nil`: already rotated this
    /// hour), `minutes N` without that gate, or whether a moment passed (`at`, `spread`).
    static func periodReason(_ rule: TimeRule, now: Int64, lastRotated last: LocalTime) -> Reason? {
        let nowTime = LocalTime(epochSeconds: now)
        if rule.usesMoments {
            guard let next = rule.nextMomentUnlessPassed(at: now, lastRotated: last) else {
                return .periodElapsed(rule.frequency)
            }
            return .momentNotReached(lastRotated: last, next: LocalTime(epochSeconds: next))
        }
        if rule.intervalSeconds == nil, nowTime.isSameClockHour(as: last) { return nil }
        return periodElapsed(rule.frequency, now: nowTime, lastRotated: last)
            ? .periodElapsed(rule.frequency) : .periodNotElapsed(rule.frequency, lastRotated: last)
    }

    /// After the time test: `minsize`, then `minage`, each reporting on its own.
    private static func sizeAndAgeReasons(settings: LogSettings, file: FileStatus, now: Int64) -> [Reason] {
        var reasons: [Reason] = []
        if SizeRules.belowMinSize(settings, size: file.size) { reasons.append(.belowMinSize) }
        let age = now.subtractingClamped(file.modificationTime.seconds)
        if settings.minAge > 0 && Int64(settings.minAge).multipliedClamped(by: 86_400) >= age {
            reasons.append(.youngerThanMinAge)
        }
        return reasons
    }

    private static func isRotateReason(_ reason: Reason) -> Bool {
        switch reason {
        case .forced, .maxSizeExceeded, .sizeReached, .rotatedInFuture, .periodElapsed: true
        default: false
        }
    }
}
