#if canImport(Glibc)
import Glibc
#endif

/// Looks up users and groups, as logrotate does when it reads `create`, `su` and `createolddir`.
package protocol AccountDirectory: Sendable {
    /// The uid of a user name, or `nil` when there is no such user.
    func userID(named name: String) -> UInt32?
    /// The gid of a group name, or `nil` when there is no such group.
    func groupID(named name: String) -> UInt32?
    /// Whether a user with this uid exists (logrotate 3.21 accepts numeric ids only when they exist).
    func userExists(id: UInt32) -> Bool
    /// Whether a group with this gid exists.
    func groupExists(id: UInt32) -> Bool
}

/// The system's user database (`getpwnam_r`, `getgrnam_r`, …).
package struct SystemAccountDirectory: AccountDirectory {
    package init() {}

    package func userID(named name: String) -> UInt32? {
        withBuffer { buffer in
            var entry = passwd()
            var result: UnsafeMutablePointer<passwd>?
            let rc = getpwnam_r(name, &entry, buffer.baseAddress!, buffer.count, &result)
            return rc == 0 && result != nil ? entry.pw_uid : nil
        }
    }

    package func groupID(named name: String) -> UInt32? {
        withBuffer { buffer in
            var entry = group()
            var result: UnsafeMutablePointer<group>?
            let rc = getgrnam_r(name, &entry, buffer.baseAddress!, buffer.count, &result)
            return rc == 0 && result != nil ? entry.gr_gid : nil
        }
    }

    package func userExists(id: UInt32) -> Bool {
        withBuffer { buffer in
            var entry = passwd()
            var result: UnsafeMutablePointer<passwd>?
            return getpwuid_r(id, &entry, buffer.baseAddress!, buffer.count, &result) == 0 && result != nil
        }
    }

    package func groupExists(id: UInt32) -> Bool {
        withBuffer { buffer in
            var entry = group()
            var result: UnsafeMutablePointer<group>?
            return getgrgid_r(id, &entry, buffer.baseAddress!, buffer.count, &result) == 0 && result != nil
        }
    }

    private func withBuffer<T>(_ body: (UnsafeMutableBufferPointer<CChar>) -> T) -> T {
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: 16_384)
        defer { buffer.deallocate() }
        return body(buffer)
    }
}
