import Platform
import Rotation
import SystemPackage

/// What `status` tells about the state file itself: who holds its lock now, and whether it is too open.
package struct StateFileCondition: Sendable {
    /// The state file.
    package var path: FilePath
    /// The processes holding its `flock` lock now (from `/proc/locks`; nothing is locked to find out).
    package var lockHolders: [LockHolder]
    /// Its mode and what is too open about it; `nil` when there is no state file (or it is `/dev/null`).
    package var exposure: StateFileExposure?

    /// Looks at the state file at `path`; its owner is checked only when running as root (the daemon's user).
    static func read(path: FilePath, fileSystem: any FileSystem) -> StateFileCondition {
        guard path != "/dev/null" else { return StateFileCondition(path: path, lockHolders: [], exposure: nil) }
        let userID = ProcessIdentity.currentEffectiveUserID()
        let status = (try? fileSystem.status(of: path, followSymlinks: true)) ?? nil
        return StateFileCondition(
            path: path,
            lockHolders: LockHolder.holders(of: path),
            exposure: status.map { StateFileExposure($0, userID: userID == 0 ? 0 : nil) }
        )
    }

    /// One line per finding, for the table; empty when the file is neither locked nor too open.
    var lines: [String] {
        var lines: [String] = []
        if !lockHolders.isEmpty {
            lines.append(
                "state file \(path) is locked by \(lockHolders.map(\.description).joined(separator: ", ")): "
                    + "rotations wait for it (the daemon up to --state-lock-timeout, then it retries)"
            )
        }
        if let summary = exposure?.summary(of: path) {
            lines.append(
                "\(summary): whoever can open it can hold its lock and stop rotation; "
                    + "the next state write as root sets mode 0600, owned by root"
            )
        }
        return lines
    }

    /// `{"path", "mode", "lockedBy": [{"pid", "command"}], "problems": [...]}`; `mode` is `null` without a file.
    var json: String {
        let holders = lockHolders.map { holder in
            JSONText.object([
                ("pid", "\(holder.pid)"), ("command", holder.command.map(JSONText.string) ?? "null"),
            ])
        }
        return JSONText.object([
            ("path", JSONText.string(path.string)),
            ("mode", exposure.map { JSONText.string($0.modeText) } ?? "null"),
            ("lockedBy", "[" + holders.joined(separator: ",") + "]"),
            ("problems", "[" + (exposure?.problems ?? []).map(JSONText.string).joined(separator: ",") + "]"),
        ])
    }
}
