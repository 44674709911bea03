import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// The one way we open an existing file whose content we read or change (copy, compress, truncate, mail, shred,
/// times): `O_NOFOLLOW | O_NONBLOCK | O_NOCTTY`, then `fstat` on the descriptor, which must be a regular file.
///
/// A symlink, FIFO, device, socket or directory planted at the name is refused with `notRegularFile`, never followed
/// and never waited on; the caller then uses only the descriptor, so a name swapped after the check changes nothing.
/// `O_NONBLOCK` is cleared again once the file is known to be regular (it means nothing for regular files).
///
/// Equivalent logrotate code: `logrotate.c open_logfile`.
enum RegularFile {
    /// Opens `path` with `flags` (an access mode, maybe `O_TRUNC`) and returns the descriptor and its status.
    /// - Throws: `notRegularFile` for anything but a regular file, else the `open`/`fstat` error.
    static func open(_ path: FilePath, _ flags: Int32) throws(PlatformError) -> (fd: Int32, status: FileStatus) {
        let fd: Int32
        switch system_open(path, flags | OpenFlags.noFollow | OpenFlags.nonBlocking | O_NOCTTY) {
        case .success(let opened): fd = opened
        case .failure(.tooManySymbolicLinkLevels): throw .notRegularFile(path, kind: .symlink)
        case .failure(let errno): throw .syscall("open", path, errno)
        }
        do throws(PlatformError) {
            let status = FileStatus(try system_fstat(fd).orThrow("stat", path))
            guard status.kind == .regular else { throw PlatformError.notRegularFile(path, kind: status.kind) }
            try system_setNonBlocking(fd, false).orThrow("fcntl", path)
            return (fd, status)
        } catch {
            system_close(fd)
            throw error
        }
    }

    /// `lstat` of a name we are about to unlink or shred: a symlink or other non-regular file there is refused.
    /// Returns `nil` when nothing is at the name.
    static func check(_ path: FilePath) throws(PlatformError) -> FileStatus? {
        switch system_lstat(path, followSymlinks: false) {
        case .success(let s):
            let status = FileStatus(s)
            guard status.kind == .regular else { throw .notRegularFile(path, kind: status.kind) }
            return status
        case .failure(.noSuchFileOrDirectory): return nil
        case .failure(let errno): throw .syscall("stat", path, errno)
        }
    }
}
