import Synchronization
import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// The Unix times of wall times converted lately, so that a wave of 100,000 logs sharing a few calendar boundaries
/// calls `mktime` (which `stat`s `/etc/localtime` at every call and searches the zone's transitions) once per
/// boundary instead of several times per log.
///
/// The times are kept only while the time zone stays the one they were converted in: `TZ` as it is at each look-up
/// and, when `TZ` names no zone of its own, the identity and change time of `/etc/localtime`, looked at again at most
/// once a second, so a new zone file is noticed as `mktime` notices it.
enum WallTimeMemo {
    /// A wall time's fields as given (before normalization).
    struct Key: Hashable {
        let year: Int
        let month: Int
        let day: Int
        let hour: Int
        let minute: Int
        let second: Int
    }

    /// Conversions kept at most; the memo starts again empty when it is full.
    static let capacity = 4_096

    private struct Zone: Equatable {
        var variable: String?
        var file: FileIdentity?
        var changed: Int64
        var changedNanoseconds: Int
    }

    private struct Memo {
        var zone: Zone?
        var zoneCheckedAt = -Double.infinity
        var times: [Key: Int64] = [:]
    }

    private static let memo = Mutex(Memo())
    private static let zoneFile = FilePath("/etc/localtime")

    /// The Unix time of `key`, from the memo or from `convert` (then kept).
    static func epochSeconds(of key: Key, convert: () -> Int64) -> Int64 {
        let (known, zone) = memo.withLock { memo in
            refreshZone(&memo)
            return (memo.times[key], memo.zone)
        }
        if let known { return known }
        let converted = convert()
        memo.withLock { memo in
            // Converted in another zone if `TZ` changed meanwhile: not kept.
            guard memo.zone == zone else { return }
            if memo.times.count >= capacity { memo.times.removeAll(keepingCapacity: true) }
            memo.times[key] = converted
        }
        return converted
    }

    /// Empties the memo when `TZ` or, at most once a second, the zone file changed.
    private static func refreshZone(_ memo: inout Memo) {
        let variable = getenv("TZ").map { String(cString: $0) }
        let now = system_monotonicSeconds()
        let readsZoneFile = variable == nil || variable == "" || variable?.first == ":"
        guard variable != memo.zone?.variable || (readsZoneFile && now - memo.zoneCheckedAt >= 1) else { return }
        memo.zoneCheckedAt = now
        var zone = Zone(variable: variable, file: nil, changed: 0, changedNanoseconds: 0)
        if readsZoneFile, case .success(let status) = system_lstat(zoneFile, followSymlinks: true) {
            zone.file = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
            (zone.changed, zone.changedNanoseconds) = (Int64(status.st_ctim.tv_sec), Int(status.st_ctim.tv_nsec))
        }
        if zone != memo.zone {
            memo.zone = zone
            memo.times.removeAll(keepingCapacity: true)
        }
    }
}
