import SystemPackage

/// Carries a file's POSIX access ACL to a file made from it, as logrotate built with ACL support does
/// (`acl_get_fd` on the old file, `acl_set_fd` on the new one): named users and groups keep their access to the new
/// log or copy. Both files are used only through descriptors already opened (the new one by its creator, the old
/// one by `RegularFile`), so a name swapped meanwhile changes nothing.
///
/// A file without an extended ACL, or a file system without ACLs, leaves the new file with the mode it was given.
///
/// Equivalent logrotate code: `logrotate.c createOutputFile` (`acl_set_fd`), `is_acl_well_supported`.
enum AccessControlList {
    /// Gives `output` (the new file `target`) the access ACL of `input` (the file `source`), if it has one.
    static func copy(from input: Int32, to output: Int32, source: FilePath, target: FilePath) throws(PlatformError) {
        let acl: [UInt8]
        switch system_getAccessACL(input) {
        case .success(let bytes): acl = bytes
        case .failure(let errno) where isAbsent(errno): return
        case .failure(let errno): throw .syscall("getting ACL of", source, errno)
        }
        switch system_setAccessACL(output, acl) {
        case .success, .failure(.notSupported), .failure(.notSupportedOnSocket): return
        case .failure(let errno): throw .syscall("setting ACL for", target, errno)
        }
    }

    /// No ACL beyond the mode (`ENODATA`), or none possible on this file system (`ENOTSUP`, `ENOSYS`).
    private static func isAbsent(_ errno: Errno) -> Bool {
        errno == .noData || errno == .notSupported || errno == .notSupportedOnSocket || errno == .noFunction
    }
}
