import CShims
import SystemPackage

/// A new file written under no final name until it is complete: an archive, a copy or a compressed log.
///
/// The file is created unnamed in the target's directory (`O_TMPFILE`) and gets its name by `linkat` once its data is
/// written and synced, so a kill or a full disk at any moment leaves either no file or the whole file under the final
/// name, and nothing for anyone to clean up. Where the file system has no `O_TMPFILE` it is written as
/// `.NAME.logrotated-tmp` beside the target (hidden, so log globs such as `*` do not match it) and renamed; a
/// leftover of that name, from a writer that was killed, is replaced. Publishing never replaces a file already at the
/// target: that is an `alreadyExists` error, and the data stays unnamed (then discarded).
package struct PendingFile: Sendable {
    /// The name the file gets when published.
    package let target: FilePath
    /// The open descriptor (write-only), owned until `publish` or `discard`.
    package let descriptor: Int32
    /// The hidden name the data is written under when the file system has no `O_TMPFILE`; `nil`: unnamed.
    package let temporaryName: FilePath?

    /// Creates the pending file for `target`, never wider than `permissions`, then gives it `owner`, `group` and
    /// `permissions`.
    /// - Throws: `alreadyExists` when `target` exists already (checked first, as an `O_EXCL` create would), else the
    ///   error of creating the file.
    package static func create(
        for target: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) -> PendingFile {
        if case .success = system_lstat(target, followSymlinks: false) {
            throw .syscall("creating", target, .fileExists)
        }
        let pending = try open(for: target, permissions: permissions)
        do {
            try PosixFileSystem().applyOwnership(
                pending.descriptor,
                target,
                permissions: permissions,
                owner: owner,
                group: group
            )
        } catch {
            pending.discard()
            throw error
        }
        return pending
    }

    private static func open(for target: FilePath, permissions: UInt32) throws(PlatformError) -> PendingFile {
        let directory = target.removingLastComponent()
        let mode = 0o600 & mode_t(permissions)
        let unnamed = directory.withPlatformString { path in valueOrErrno { cshims_open_tmpfile(path, mode) } }
        switch unnamed {
        case .success(let fd):
            return PendingFile(target: target, descriptor: fd, temporaryName: nil)
        case .failure(let errno) where errno == .notSupported || errno == .isDirectory || errno == .invalidArgument:
            break
        case .failure(let errno):
            throw .syscall("creating", target, errno)
        }
        let temporary = temporaryName(for: target)
        let flags = OpenFlags.writeOnly | OpenFlags.create | OpenFlags.exclusive | OpenFlags.noFollow
        var opened = system_open(temporary, flags, mode)
        if case .failure(.fileExists) = opened, case .success = system_unlink(temporary) {
            opened = system_open(temporary, flags, mode)
        }
        let fd = try opened.orThrow("creating", temporary)
        return PendingFile(target: target, descriptor: fd, temporaryName: temporary)
    }

    /// `.NAME.logrotated-tmp` beside `target`.
    package static func temporaryName(for target: FilePath) -> FilePath {
        guard let name = target.lastComponent else { return target }
        let directory = target.removingLastComponent().bytes
        let separator: [UInt8] = directory.isEmpty || directory.last == UInt8(ascii: "/") ? [] : Array("/".utf8)
        return FilePath(bytes: directory + separator + Array(".".utf8) + name.bytes + Array(".logrotated-tmp".utf8))
    }

    /// Syncs the data and gives the file its final name (never replacing), then closes it.
    /// - Throws: `alreadyExists` when a file appeared at the target meanwhile, else the error of syncing or linking;
    ///   the data is then discarded.
    package func publish() throws(PlatformError) {
        try name()
        system_close(descriptor)
    }

    /// Syncs the data and gives the file its final name (never replacing), keeping the descriptor open for more
    /// writes (a copy catching up with its live log); `close()` ends it.
    /// - Throws: as `publish`; the data is then discarded.
    package func name() throws(PlatformError) {
        do {
            try system_fsync(descriptor).orThrow("fsync", target)
            if let temporaryName {
                try system_rename(temporaryName, target, replace: false).orThrow("renaming", target)
            } else {
                try target.withPlatformString { path in
                    valueOrErrno { cshims_link_descriptor(descriptor, path) }
                }.map { _ in () }.orThrow("linking", target)
            }
        } catch {
            discard()
            throw error
        }
    }

    /// Closes a named file.
    package func close() {
        system_close(descriptor)
    }

    /// Closes the file and forgets its data (removing the hidden name when there is one).
    package func discard() {
        system_close(descriptor)
        if let temporaryName { _ = system_unlink(temporaryName) }
    }
}
