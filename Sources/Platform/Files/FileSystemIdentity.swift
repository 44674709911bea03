import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// The user, group and supplementary groups that the file operations of an `su USER GROUP` block run with.
///
/// Root switches only the calling thread's file-system ids (`setfsuid`, `setfsgid` and `setgroups` as raw system
/// calls), for the duration of one operation: the kernel then checks every open, create, rename and unlink against
/// that user's rights, exactly as for the user, while the rest of the process (other blocks rotating on other
/// threads, the daemon's own files) stays root. logrotate switches the effective ids of the whole process with
/// `seteuid`, which a multi-threaded daemon cannot do.
///
/// Equivalent logrotate code: `logrotate.c switch_user`, `switch_user_back`.
package struct FileSystemIdentity: Equatable, Hashable, Sendable {
    package var userID: UInt32
    package var groupID: UInt32
    /// The user's groups (`getgrouplist`), `groupID` included.
    package var groups: [UInt32]

    package init(userID: UInt32, groupID: UInt32, groups: [UInt32]) {
        self.userID = userID
        self.groupID = groupID
        self.groups = groups
    }

    /// The identity of `su USER GROUP`: the user's groups from the user database (only `groupID` when the uid has
    /// no entry there).
    package static func forUser(_ userID: UInt32, group groupID: UInt32) -> FileSystemIdentity {
        FileSystemIdentity(userID: userID, groupID: groupID, groups: system_groupList(of: userID, primary: groupID))
    }

    /// Runs `body` on the calling thread with this identity's file-system rights, then restores root's.
    ///
    /// `body` must not suspend or hand work to other threads: the identity belongs to this thread only.
    /// - Throws: `PlatformError` when the ids cannot be switched (then `body` does not run), or what `body` threw.
    package func assume<Result>(_ body: () throws(PlatformError) -> Result) throws(PlatformError) -> Result {
        let saved = ThreadCredentials.current()
        if case .failure(let errno) = ThreadCredentials(self).apply() {
            restore(saved)
            throw PlatformError(
                .permissionDenied,
                "error switching file-system uid to \(userID) and gid to \(groupID): \(errno.description)",
                errno: errno
            )
        }
        defer { restore(saved) }
        return try body()
    }

    /// Going back to root's own ids cannot fail for root; if it did, every later operation would run with the wrong
    /// rights, so it is a bug that stops the process.
    private func restore(_ saved: ThreadCredentials) {
        if case .failure(let errno) = saved.apply() {
            preconditionFailure("cannot restore the file-system ids after acting as uid \(userID): \(errno)")
        }
    }
}

/// A thread's file-system credentials, as the kernel holds them.
private struct ThreadCredentials {
    var fileSystemUserID: UInt32
    var fileSystemGroupID: UInt32
    var groups: [UInt32]

    init(_ identity: FileSystemIdentity) {
        fileSystemUserID = identity.userID
        fileSystemGroupID = identity.groupID
        groups = identity.groups
    }

    private init(fileSystemUserID: UInt32, fileSystemGroupID: UInt32, groups: [UInt32]) {
        self.fileSystemUserID = fileSystemUserID
        self.fileSystemGroupID = fileSystemGroupID
        self.groups = groups
    }

    /// The calling thread's: its file-system ids follow the effective ids outside `assume`.
    static func current() -> ThreadCredentials {
        ThreadCredentials(
            fileSystemUserID: system_geteuid(),
            fileSystemGroupID: system_getegid(),
            groups: system_getgroups()
        )
    }

    /// Groups first (needs root's fsuid for the capability), then the gid, then the uid.
    func apply() -> Result<Void, Errno> {
        system_setThreadGroups(groups).flatMap {
            system_setThreadFileSystemIDs(user: fileSystemUserID, group: fileSystemGroupID)
        }
    }
}
