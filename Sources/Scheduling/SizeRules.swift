import LogrotateConfig
import Platform

/// The size criteria of a block (`size`, `maxsize`, `minsize`), written once: `Dueness` decides with them, and the
/// daemon's watches and `status` ask when a log becomes due by size.
///
/// Equivalent logrotate code: `logrotate.c findNeedRotating` (the `size`, `maxsize` and `minsize` tests).
package enum SizeRules {
    /// `maxsize N`: a log larger than N bytes is due whatever its time rule says.
    package static func exceedsMaxSize(_ settings: LogSettings, size: UInt64) -> Bool {
        settings.maxSize > 0 && size > settings.maxSize
    }

    /// `size N`: a log of at least N bytes is due.
    package static func reaches(_ threshold: UInt64, size: UInt64) -> Bool {
        size >= threshold
    }

    /// `minsize N` with a time rule: a log smaller than N bytes waits even when its period has ended.
    package static func belowMinSize(_ settings: LogSettings, size: UInt64) -> Bool {
        settings.minSize > 0 && size < settings.minSize
    }

    /// The smallest size at which a log is due by size alone (`size N` at N, `maxsize N` at N+1); `nil` when only
    /// time makes it due.
    package static func dueSize(_ settings: LogSettings) -> UInt64? {
        var sizes: [UInt64] = []
        if settings.maxSize > 0 { sizes.append(settings.maxSize.addingClamped(1)) }
        if case .size(let threshold) = settings.criterion { sizes.append(threshold) }
        return sizes.min()
    }

    /// The size at which a log is worth checking: its `dueSize`, or `minsize` with a time rule (an ended period may
    /// be waiting for it); `nil` when size never matters.
    package static func watchLimit(_ settings: LogSettings) -> UInt64? {
        let minSize: UInt64? = settings.criterion.isTime && settings.minSize > 0 ? settings.minSize : nil
        return [dueSize(settings), minSize].compactMap { $0 }.min()
    }
}

extension RotationCriterion {
    /// Whether this is a calendar rule (`hourly` … `yearly`).
    fileprivate var isTime: Bool {
        if case .time = self { return true }
        return false
    }
}
