import Platform

/// logrotate's state file: for each log path, the local wall time of its last rotation.
///
/// Entries keep insertion order: entries read from a file stay where they were, new ones are appended.
/// logrotate itself writes in hash-bucket order, so nothing may depend on the order; insertion order just makes
/// our output deterministic and keeps diffs of a shared state file small.
///
/// Equivalent logrotate code: `logrotate.c` `struct logState`, `findState`, `writeState`.
package struct StateFile: Equatable, Sendable {
    /// One line of the state file.
    package struct Entry: Equatable, Hashable, Sendable {
        /// The log path exactly as configured or matched (not canonicalized).
        package var path: String
        /// The last rotation, in local wall time without zone.
        package var lastRotated: LocalTime

        package init(path: String, lastRotated: LocalTime) {
            self.path = path
            self.lastRotated = lastRotated
        }
    }

    /// Entries not used in a run are dropped once older than this many seconds (a mean tropical year).
    ///
    /// Equivalent logrotate code: `logrotate.c writeState`, `SECONDS_IN_YEAR`.
    package static let staleAge: Int64 = 31_556_926

    /// The entries, one per path, in insertion order.
    package private(set) var entries: [Entry] = []
    private var positions: [String: Int] = [:]

    /// Creates a state; a later entry for an already-present path replaces the earlier one's time in place.
    package init(entries: [Entry] = []) {
        for entry in entries {
            self[entry.path] = entry.lastRotated
        }
    }

    /// The last rotation recorded for `path`; setting `nil` removes the entry.
    package subscript(path: String) -> LocalTime? {
        get { positions[path].map { entries[$0].lastRotated } }
        set {
            if let newValue {
                set(newValue, for: path)
            } else {
                remove(path)
            }
        }
    }

    /// The recorded time for `path`, creating the entry with `now` truncated to the hour if it is missing.
    ///
    /// Returns the time and whether the entry was created (logrotate then prints `Creating new state`).
    /// Equivalent logrotate code: `logrotate.c findState`.
    package mutating func lastRotated(for path: String, creatingAt now: LocalTime) -> (LocalTime, created: Bool) {
        if let existing = self[path] { return (existing, false) }
        let fresh = now.truncatedToHour
        self[path] = fresh
        return (fresh, true)
    }

    /// This state without the entries that were not used in this run and were last rotated more than
    /// ``staleAge`` seconds before `now`.
    ///
    /// `used` holds the paths whose log could be `lstat`ed in this run.
    /// Equivalent logrotate code: `logrotate.c writeState` (`!p->isUsed && difftime(...) > SECONDS_IN_YEAR`).
    package func droppingStale(now: Int64, used: Set<String>) -> StateFile {
        StateFile(
            entries: entries.filter { entry in
                used.contains(entry.path) || now - entry.lastRotated.epochSeconds <= Self.staleAge
            }
        )
    }

    private mutating func set(_ time: LocalTime, for path: String) {
        if let position = positions[path] {
            entries[position].lastRotated = time
        } else {
            positions[path] = entries.count
            entries.append(Entry(path: path, lastRotated: time))
        }
    }

    private mutating func remove(_ path: String) {
        guard let position = positions.removeValue(forKey: path) else { return }
        entries.remove(at: position)
        for index in entries.indices[position...] {
            positions[entries[index].path] = index
        }
    }
}
