import SystemPackage

/// Everything rotation does to files, as a small protocol: `PosixFileSystem` does it on disk, tests may use others.
///
/// Paths are absolute. Methods throw `PlatformError` for refusals from the machine (missing file, permission, full disk).
package protocol FileSystem: Sendable {
    /// `lstat` (or `stat` when `followSymlinks`); `nil` when nothing is at the path.
    func status(of path: FilePath, followSymlinks: Bool) throws(PlatformError) -> FileStatus?

    /// The paths matching a log pattern, as logrotate globs them (`glob(3)` with `GLOB_NOCHECK`: the pattern itself
    /// when nothing matches; see `Glob.expand`).
    /// - Throws: `PlatformError` when a directory on the way cannot be read.
    func glob(_ pattern: String) throws(PlatformError) -> [FilePath]

    /// The names in a directory (without `.` and `..`), unsorted, with their bytes (a name need not be UTF-8).
    func contentsOfDirectory(_ path: FilePath) throws(PlatformError) -> [FilePath.Component]

    /// The names in a directory as bytes (without `.` and `..`), unsorted: what `contentsOfDirectory` lists, held in
    /// about half its memory (a directory of 70,000 archives took 6 MiB as components).
    func namesInDirectory(_ path: FilePath) throws(PlatformError) -> [[UInt8]]

    /// Renames; with `replace: false` (renameat2 `RENAME_NOREPLACE`) an existing target is an `alreadyExists` error.
    func rename(_ source: FilePath, to target: FilePath, replace: Bool) throws(PlatformError)

    /// Creates an empty regular file with `O_CREAT|O_EXCL|O_NOFOLLOW`, never wider than `permissions` at any moment,
    /// then sets the mode and (when given) the owner and group.
    func createFile(_ path: FilePath, permissions: UInt32, owner: UInt32?, group: UInt32?) throws(PlatformError)

    /// ``createFile(_:permissions:owner:group:)``, then gives the new file the POSIX access ACL of `source` (a
    /// regular file, opened without following symlinks) when it has one, as logrotate does for `create` without a
    /// mode; the ACL's entries then decide the permission bits. A `source` that is gone or not a regular file gives
    /// no ACL.
    func createFile(
        _ path: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?,
        accessControlFrom source: FilePath
    ) throws(PlatformError)

    /// Creates one directory with the given mode and (when given) owner and group; no symlink is followed.
    func createDirectory(_ path: FilePath, permissions: UInt32, owner: UInt32?, group: UInt32?) throws(PlatformError)

    /// Unlinks a regular file; a symlink or any other kind of file at the name is refused (`notRegularFile`), and so
    /// is a file other than `identity` when one is given (`replaced`: another process put a new file at the name).
    func remove(_ path: FilePath, expecting identity: FileIdentity?) throws(PlatformError)
    /// Flushes a file's data and metadata to the disk (`fsync`).
    func sync(_ path: FilePath) throws(PlatformError)

    /// Overwrites a regular file's content in place with random bytes, `passes` times, syncing after each pass,
    /// through a descriptor opened without following symlinks (see `RegularFile`); the name stays for `remove`.
    /// - Throws: `notRegularFile` for a symlink or other non-regular file, `multipleLinks` when the file has several
    ///   hard links and `allowHardLinks` is off (its other names would lose their content too), else the I/O error.
    func shred(_ path: FilePath, passes: Int, allowHardLinks: Bool) throws(PlatformError)

    /// Copies the content of `source` into a new file `target` (sparse-aware), fsyncs it, and returns how many bytes
    /// were copied. The new file gets `permissions` and, when given, `owner` and `group`, then the POSIX access ACL
    /// of `source` when it has one (as logrotate's `copy` and `copytruncate`).
    @discardableResult
    func copyFile(
        _ source: FilePath,
        to target: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) -> UInt64

    /// Truncates a file to `length` bytes.
    func truncate(_ path: FilePath, to length: UInt64) throws(PlatformError)

    /// Sets access and modification times.
    func setTimes(_ path: FilePath, access: Timestamp, modification: Timestamp) throws(PlatformError)

    /// Whether the regular file `path` begins with the whole content of the regular file `prefix` (neither followed
    /// through a symlink): a copy whose source still holds its lines.
    func begins(_ path: FilePath, withContentOf prefix: FilePath) throws(PlatformError) -> Bool
    /// Reads a whole (small) file, e.g. the state file.
    func readFile(_ path: FilePath) throws(PlatformError) -> [UInt8]

    /// Replaces `path` atomically: writes a temp file beside it with `permissions`, fsyncs it, renames it over `path`,
    /// then fsyncs the directory.
    func writeFileAtomically(_ path: FilePath, contents: [UInt8], permissions: UInt32) throws(PlatformError)
}

extension FileSystem {
    /// The names of `contentsOfDirectory`, as bytes.
    package func namesInDirectory(_ path: FilePath) throws(PlatformError) -> [[UInt8]] {
        try contentsOfDirectory(path).map(\.bytes)
    }

    /// Unlinks a regular file, whichever it is (see `remove(_:expecting:)`).
    package func remove(_ path: FilePath) throws(PlatformError) {
        try remove(path, expecting: nil)
    }
}
