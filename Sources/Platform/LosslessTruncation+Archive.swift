import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

extension LosslessTruncation {
    /// Creates the archive `O_WRONLY|O_CREAT|O_EXCL|O_NOFOLLOW`, at most 0600 until mode and owner are set, as
    /// `PosixFileSystem.copyFile` does, but keeps the descriptor: the archive is cut and appended to later, and reopening
    /// it by name would let someone who can write the directory swap in another file.
    internal static func createArchive(_ path: FilePath, options: Options) throws(PlatformError) -> Int32 {
        let flags = OpenFlags.writeOnly | OpenFlags.create | OpenFlags.exclusive | OpenFlags.noFollow
        let fd = try system_open(path, flags, 0o600 & mode_t(options.permissions)).orThrow("creating", path)
        do throws(PlatformError) {
            if options.owner != nil || options.group != nil {
                let uid = options.owner.map { uid_t($0) } ?? uid_t.max
                let gid = options.group.map { gid_t($0) } ?? gid_t.max
                try system_fchown(fd, uid, gid).orThrow("chown", path)
            }
            try system_fchmod(fd, mode_t(options.permissions)).orThrow("chmod", path)
            return fd
        } catch {
            system_close(fd)
            _ = system_unlink(path)
            throw error
        }
    }
}
