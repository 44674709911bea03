import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// `FileSystem` on the real disk, through the `system_*` wrappers.
package struct PosixFileSystem: FileSystem {
    package init() {}

    package func status(of path: FilePath, followSymlinks: Bool) throws(PlatformError) -> FileStatus? {
        switch system_lstat(path, followSymlinks: followSymlinks) {
        case .success(let s): return FileStatus(s)
        case .failure(.noSuchFileOrDirectory), .failure(.notDirectory): return nil
        case .failure(let errno): throw .syscall("stat", path, errno)
        }
    }

    package func glob(_ pattern: String) throws(PlatformError) -> [FilePath] {
        try Glob.expand(pattern)
    }

    package func contentsOfDirectory(_ path: FilePath) throws(PlatformError) -> [FilePath.Component] {
        try system_listDirectory(path).orThrow("reading directory", path)
    }

    package func namesInDirectory(_ path: FilePath) throws(PlatformError) -> [[UInt8]] {
        try system_listDirectoryNames(path).orThrow("reading directory", path)
    }

    package func rename(_ source: FilePath, to target: FilePath, replace: Bool) throws(PlatformError) {
        if case .failure(let errno) = system_rename(source, target, replace: replace) {
            throw .rename(source, target, errno)
        }
    }

    package func createFile(
        _ path: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) {
        let fd = try openNew(path, permissions: permissions, owner: owner, group: group)
        system_close(fd)
    }

    package func createFile(
        _ path: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?,
        accessControlFrom source: FilePath
    ) throws(PlatformError) {
        let input: Int32
        do {
            input = try openExisting(source, OpenFlags.readOnly)
        } catch  where error.code == .notSupported || error.code == .notFound {
            // Gone, or not a regular file (a FIFO rotated as a log): nothing to take an ACL from.
            return try createFile(path, permissions: permissions, owner: owner, group: group)
        }
        defer { system_close(input) }
        let output = try openNew(path, permissions: permissions, owner: owner, group: group)
        defer { system_close(output) }
        do {
            try AccessControlList.copy(from: input, to: output, source: source, target: path)
        } catch {
            _ = system_unlink(path)
            throw error
        }
    }

    package func createDirectory(
        _ path: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) {
        try system_mkdir(path, 0o700 & mode_t(permissions)).orThrow("mkdir", path)
        let fd = try system_open(path, OpenFlags.readOnly | OpenFlags.directory | OpenFlags.noFollow)
            .orThrow("open", path)
        defer { system_close(fd) }
        try applyOwnership(fd, path, permissions: permissions, owner: owner, group: group)
    }

    package func remove(_ path: FilePath, expecting identity: FileIdentity?) throws(PlatformError) {
        guard let status = try RegularFile.check(path) else { throw .syscall("unlink", path, .noSuchFileOrDirectory) }
        if let identity, status.identity != identity { throw .replaced(path) }
        try system_unlink(path).orThrow("unlink", path)
    }

    package func sync(_ path: FilePath) throws(PlatformError) {
        let fd = try openExisting(path, OpenFlags.readOnly)
        defer { system_close(fd) }
        try system_fsync(fd).orThrow("fsync", path)
    }

    @discardableResult
    package func copyFile(
        _ source: FilePath,
        to target: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) -> UInt64 {
        let input = try openExisting(source, OpenFlags.readOnly)
        defer { system_close(input) }
        let output = try PendingFile.create(for: target, permissions: permissions, owner: owner, group: group)
        let copied: UInt64
        do {
            copied = try FileCopier.copy(from: input, to: output.descriptor, source: source, target: target)
            try AccessControlList.copy(from: input, to: output.descriptor, source: source, target: target)
        } catch {
            output.discard()
            throw error
        }
        try output.publish()
        return copied
    }

    package func truncate(_ path: FilePath, to length: UInt64) throws(PlatformError) {
        let fd = try openExisting(path, OpenFlags.writeOnly)
        defer { system_close(fd) }
        try system_ftruncate(fd, Int64(length)).orThrow("truncate", path)
    }

    package func setTimes(_ path: FilePath, access: Timestamp, modification: Timestamp) throws(PlatformError) {
        let fd = try openExisting(path, OpenFlags.readOnly)
        defer { system_close(fd) }
        try system_futimens(fd, access: access, modification: modification).orThrow("setting times", path)
    }

    package func readFile(_ path: FilePath) throws(PlatformError) -> [UInt8] {
        let fd = try openExisting(path, OpenFlags.readOnly)
        defer { system_close(fd) }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = try chunk.withUnsafeMutableBytes { system_read(fd, into: $0) }.orThrow("read", path)
            if count == 0 { return contents }
            contents.append(contentsOf: chunk[0..<count])
        }
    }

    /// The temporary name is unique to this write (`PATH.tmp-PID-RANDOM`), so two writers never take each other's
    /// file, whoever holds which lock.
    package func writeFileAtomically(_ path: FilePath, contents: [UInt8], permissions: UInt32) throws(PlatformError) {
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let temporary = FilePath(path.string + ".tmp-\(ProcessIdentity.processID())-\(suffix)")
        let fd = try openNew(temporary, permissions: permissions, owner: nil, group: nil)
        do {
            defer { system_close(fd) }
            try keepAccessControlList(of: path, on: fd, temporary, permissions: permissions)
            try writeAll(fd, contents, temporary)
            try system_fsync(fd).orThrow("fsync", temporary)
        } catch {
            _ = system_unlink(temporary)
            throw error
        }
        try rename(temporary, to: path, replace: true)
        try syncDirectory(of: path)
        removeTemporariesOfDeadWriters(of: path)
    }

    /// Gives the new file `fd` the POSIX access ACL of the file it replaces, if any (as logrotate keeps one on its state
    /// file), then `permissions` again: the mode's group bits become the ACL's mask, so entries the mode does not
    /// allow stay listed but grant nothing.
    private func keepAccessControlList(
        of path: FilePath,
        on fd: Int32,
        _ temporary: FilePath,
        permissions: UInt32
    ) throws(PlatformError) {
        guard let (existing, _) = try? RegularFile.open(path, OpenFlags.readOnly) else { return }
        defer { system_close(existing) }
        try AccessControlList.copy(from: existing, to: fd, source: path, target: temporary)
        try system_fchmod(fd, mode_t(permissions)).orThrow("chmod", temporary)
    }

    /// Unlinks `PATH.tmp-PID-…` files whose writer is gone (killed between creating and renaming its temporary), so
    /// a crash leaves nothing behind for long; a live writer's temporary is left alone.
    private func removeTemporariesOfDeadWriters(of path: FilePath) {
        guard let name = path.lastComponent?.string,
            let names = try? system_listDirectory(path.removingLastComponent()).get()
        else { return }
        let prefix = name + ".tmp-"
        for entry in names.map(\.string) where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count).prefix { $0 != "-" }),
                case .failure(.noSuchProcess) = system_sendSignal(pid, 0)
            else { continue }
            _ = system_unlink(path.removingLastComponent().appending(entry))
        }
    }

    // MARK: - Helpers

    /// Opens an existing regular file (see `RegularFile.open`).
    private func openExisting(_ path: FilePath, _ flags: Int32) throws(PlatformError) -> Int32 {
        try RegularFile.open(path, flags).fd
    }

    /// Creates a file with O_EXCL|O_NOFOLLOW, at most 0600 & permissions until mode and owner are set.
    internal func openNew(
        _ path: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) -> Int32 {
        let flags = OpenFlags.writeOnly | OpenFlags.create | OpenFlags.exclusive | OpenFlags.noFollow
        let fd = try system_open(path, flags, 0o600 & mode_t(permissions)).orThrow("creating", path)
        do {
            try applyOwnership(fd, path, permissions: permissions, owner: owner, group: group)
        } catch {
            system_close(fd)
            _ = system_unlink(path)
            throw error
        }
        return fd
    }

    func applyOwnership(
        _ fd: Int32,
        _ path: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) {
        if owner != nil || group != nil {
            let uid = owner.map { uid_t($0) } ?? uid_t.max
            let gid = group.map { gid_t($0) } ?? gid_t.max
            try system_fchown(fd, uid, gid).orThrow("chown", path)
        }
        try system_fchmod(fd, mode_t(permissions)).orThrow("chmod", path)
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8], _ path: FilePath) throws(PlatformError) {
        var offset = 0
        while offset < bytes.count {
            let written = try bytes.withUnsafeBytes {
                system_write(fd, UnsafeRawBufferPointer(rebasing: $0[offset...]))
            }.orThrow("write", path)
            offset += written
        }
    }

    private func syncDirectory(of path: FilePath) throws(PlatformError) {
        let parent = path.removingLastComponent()
        let directory = parent.isEmpty ? FilePath(".") : parent
        let fd = try system_open(directory, OpenFlags.readOnly | OpenFlags.directory).orThrow("open", directory)
        defer { system_close(fd) }
        try system_fsync(fd).orThrow("fsync", directory)
    }
}
