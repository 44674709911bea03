import Platform
import SystemPackage

/// What makes a state file too open: anyone who can open it can `flock` it and so stop every rotation.
///
/// A state file should be mode 0600 (or tighter) and owned by the user that rotates. logrotate 3.21 and 3.22 create it
/// 0640 and, when rewriting it, keep its mode minus the world-readable bit (`logrotate.c lockState`, `writeState`);
/// logrotated, running as root, rewrites it 0600 and owned by root, which logrotate then keeps.
package struct StateFileExposure: Equatable, Sendable {
    /// The permission bits found.
    package var permissions: UInt32
    /// What is wrong, e.g. `["readable by group", "owned by uid 1000"]`; empty when nothing is.
    package var problems: [String]

    /// The exposure of a state file with `status`, for a process running as `userID` (`nil`: the owner is not
    /// checked).
    package init(_ status: FileStatus, userID: UInt32?) {
        permissions = status.permissions
        let bits: [(UInt32, String)] = [
            (0o040, "readable by group"), (0o020, "writable by group"),
            (0o004, "readable by others"), (0o002, "writable by others"),
        ]
        problems = bits.filter { status.permissions & $0.0 != 0 }.map(\.1)
        if let userID, status.owner != userID { problems.append("owned by uid \(status.owner), not \(userID)") }
    }

    /// The mode as four octal digits, e.g. `0640`.
    package var modeText: String {
        let octal = String(permissions & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - octal.count)) + octal
    }

    /// `state file X is readable by group, owned by uid 1000, not 0 (mode 0640)`; `nil` when nothing is wrong.
    package func summary(of path: FilePath) -> String? {
        guard !problems.isEmpty else { return nil }
        return "state file \(path) is \(problems.joined(separator: ", ")) (mode \(modeText))"
    }
}
