import Platform

/// The stable per-host delay of a block's calendar moments under `spread`: like systemd's `RandomizedDelaySec` with
/// `FixedRandomDelay=yes`, the same on every run of one machine, different between machines and between blocks.
package enum SpreadDelay {
    /// Seconds in `0..<window`, from a 64-bit FNV-1a hash of `host`, a NUL byte and `key` (Swift's `Hasher` is
    /// seeded per process, so it would move the moment at every start). 0 when `window` is not positive.
    package static func seconds(window: Int64, key: String, host: String) -> Int64 {
        guard window > 0 else { return 0 }
        var hash = FNV1a()
        hash.add(bytes: host.utf8)
        hash.add(0)
        hash.add(bytes: key.utf8)
        return Int64(hash.value % UInt64(window))
    }

    /// The longest delay that keeps a moment inside its period (a delay of a full period would skip one), in seconds:
    /// `nil` for rules that have no calendar moment (`size`, `minutes`).
    package static func longestWindow(for criterion: RotationCriterion) -> Int64? {
        switch criterion {
        case .size, .time(.minutes): nil
        case .time(.hourly): 3_600
        case .time(.daily): 86_400
        case .time(.weekly): 7 * 86_400
        case .time(.monthly): 28 * 86_400
        case .time(.yearly): 365 * 86_400
        }
    }
}
