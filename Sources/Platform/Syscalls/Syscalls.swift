import CShims
import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

// The only file that calls the C library for file operations: each wrapper returns `Result<_, Errno>`,
// retrying on EINTR, and typed APIs above it turn the errno into a `PlatformError`.

/// Calls `body` until it does not fail with EINTR; a result of -1 becomes the current errno.
internal func valueOrErrno<T: FixedWidthInteger>(retryOnInterrupt: Bool = true, _ body: () -> T) -> Result<T, Errno> {
    while true {
        let value = body()
        if value != -1 { return .success(value) }
        let error = Errno(rawValue: Glibc.errno)
        if retryOnInterrupt && error == .interrupted { continue }
        return .failure(error)
    }
}

internal func system_lstat(_ path: FilePath, followSymlinks: Bool) -> Result<stat, Errno> {
    var buffer = stat()
    return path.withPlatformString { cPath in
        valueOrErrno { followSymlinks ? stat(cPath, &buffer) : lstat(cPath, &buffer) }.map { _ in buffer }
    }
}

internal func system_open(_ path: FilePath, _ flags: Int32, _ mode: mode_t = 0) -> Result<Int32, Errno> {
    path.withPlatformString { cPath in valueOrErrno { open(cPath, flags | O_CLOEXEC, mode) } }
}

internal func system_close(_ fd: Int32) {
    _ = close(fd)
}

internal func system_fstat(_ fd: Int32) -> Result<stat, Errno> {
    var buffer = stat()
    return valueOrErrno { fstat(fd, &buffer) }.map { _ in buffer }
}

internal func system_rename(_ source: FilePath, _ target: FilePath, replace: Bool) -> Result<Void, Errno> {
    source.withPlatformString { from in
        target.withPlatformString { to in
            valueOrErrno { replace ? rename(from, to) : cshims_rename_noreplace(from, to) }.map { _ in () }
        }
    }
}

internal func system_unlink(_ path: FilePath) -> Result<Void, Errno> {
    path.withPlatformString { cPath in valueOrErrno { unlink(cPath) }.map { _ in () } }
}

internal func system_mkdir(_ path: FilePath, _ mode: mode_t) -> Result<Void, Errno> {
    path.withPlatformString { cPath in valueOrErrno { mkdir(cPath, mode) }.map { _ in () } }
}

internal func system_fchmod(_ fd: Int32, _ mode: mode_t) -> Result<Void, Errno> {
    valueOrErrno { fchmod(fd, mode) }.map { _ in () }
}

internal func system_fchown(_ fd: Int32, _ owner: uid_t, _ group: gid_t) -> Result<Void, Errno> {
    valueOrErrno { fchown(fd, owner, group) }.map { _ in () }
}

internal func system_fsync(_ fd: Int32) -> Result<Void, Errno> {
    valueOrErrno { fsync(fd) }.map { _ in () }
}

internal func system_ftruncate(_ fd: Int32, _ length: Int64) -> Result<Void, Errno> {
    valueOrErrno { ftruncate(fd, off_t(length)) }.map { _ in () }
}

internal func system_futimens(_ fd: Int32, access: Timestamp, modification: Timestamp) -> Result<Void, Errno> {
    var times = [
        timespec(tv_sec: time_t(access.seconds), tv_nsec: Int(access.nanoseconds)),
        timespec(tv_sec: time_t(modification.seconds), tv_nsec: Int(modification.nanoseconds)),
    ]
    return valueOrErrno { futimens(fd, &times) }.map { _ in () }
}

internal func system_read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, Errno> {
    valueOrErrno { read(fd, buffer.baseAddress, buffer.count) }
}

internal func system_write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Result<Int, Errno> {
    valueOrErrno { write(fd, buffer.baseAddress, buffer.count) }
}

internal func system_pwrite(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, at offset: Int64) -> Result<Int, Errno> {
    valueOrErrno { pwrite(fd, buffer.baseAddress, buffer.count, off_t(offset)) }
}

/// Fills `buffer` from the kernel's random source (`getrandom`, which never blocks once the pool is initialised).
internal func system_getrandom(_ buffer: UnsafeMutableRawBufferPointer) -> Result<Int, Errno> {
    valueOrErrno { Int(cshims_getrandom(buffer.baseAddress, UInt64(buffer.count))) }
}

internal func system_lseek(_ fd: Int32, _ offset: Int64, _ whence: Int32) -> Result<Int64, Errno> {
    valueOrErrno { Int64(lseek(fd, off_t(offset), whence)) }
}

internal func system_copy_file_range(_ input: Int32, _ output: Int32, _ length: UInt64) -> Result<Int64, Errno> {
    valueOrErrno { cshims_copy_file_range(input, output, length) }
}

internal func system_geteuid() -> UInt32 {
    geteuid()
}

internal func system_getuid() -> UInt32 {
    getuid()
}

internal func system_getenv(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

/// Lists a directory with `opendir`/`readdir`, without `.` and `..`.
internal func system_listDirectory(_ path: FilePath) -> Result<[FilePath.Component], Errno> {
    guard let dir = path.withPlatformString({ opendir($0) }) else {
        return .failure(Errno(rawValue: Glibc.errno))
    }
    defer { closedir(dir) }
    var names: [FilePath.Component] = []
    while let entry = readdir(dir) {
        let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
            pointer.withMemoryRebound(to: CChar.self, capacity: 256) { FilePath.Component(platformString: $0) }
        }
        if let name, name.kind == .regular { names.append(name) }
    }
    return .success(names)
}

/// Lists a directory with `opendir`/`readdir`, without `.` and `..`: each name's bytes in an array of its own (no
/// component parsing, no terminating NUL kept).
internal func system_listDirectoryNames(_ path: FilePath) -> Result<[[UInt8]], Errno> {
    guard let dir = path.withPlatformString({ opendir($0) }) else {
        return .failure(Errno(rawValue: Glibc.errno))
    }
    defer { closedir(dir) }
    var names: [[UInt8]] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
            Array(bytes.prefix { $0 != 0 })
        }
        if name != [UInt8(ascii: ".")] && name != [UInt8(ascii: "."), UInt8(ascii: ".")] { names.append(name) }
    }
    return .success(names)
}

/// `O_NOFOLLOW`, `O_DIRECTORY` and friends as Swift values.
internal enum OpenFlags {
    static let readOnly = O_RDONLY
    static let writeOnly = O_WRONLY
    static let readWrite = O_RDWR
    static let create = O_CREAT
    static let exclusive = O_EXCL
    static let truncate = O_TRUNC
    static let noFollow = cshims_o_nofollow()
    static let directory = cshims_o_directory()
    static let nonBlocking = O_NONBLOCK
    static let append = O_APPEND
}

extension FileStatus {
    /// Converts a C `struct stat`.
    internal init(_ s: stat) {
        let kind: Kind
        switch s.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        default: kind = .other
        }
        self.init(
            kind: kind,
            size: UInt64(max(0, s.st_size)),
            permissions: UInt32(s.st_mode & 0o7777),
            owner: s.st_uid,
            group: s.st_gid,
            linkCount: UInt64(s.st_nlink),
            device: UInt64(s.st_dev),
            inode: UInt64(s.st_ino),
            accessTime: Timestamp(seconds: Int64(s.st_atim.tv_sec), nanoseconds: Int64(s.st_atim.tv_nsec)),
            modificationTime: Timestamp(seconds: Int64(s.st_mtim.tv_sec), nanoseconds: Int64(s.st_mtim.tv_nsec))
        )
    }
}

/// `flock(LOCK_EX)`, without blocking (EWOULDBLOCK when held elsewhere) unless `wait`.
internal func system_flockExclusive(_ fd: Int32, wait: Bool) -> Result<Void, Errno> {
    valueOrErrno { flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) }.map { _ in () }
}

/// `glob(GLOB_NOCHECK|GLOB_TILDE)`: the sorted matches, or the pattern itself when nothing matches; the errno of a
/// directory that could not be read.
internal func system_glob(_ pattern: String) -> Result<[FilePath], Errno> {
    var result = glob_t()
    defer { globfree(&result) }
    var error: Int32 = 0
    switch cshims_glob(pattern, &result, &error) {
    case 0:
        return .success(
            (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { FilePath(platformString: $0) } }
        )
    case GLOB_ABORTED:
        return .failure(Errno(rawValue: error))
    case GLOB_NOSPACE:
        return .failure(.noMemory)
    default:
        return .success([FilePath(pattern)])
    }
}

/// `fnmatch(pattern, name, flags) == 0`.
internal func system_fnmatch(_ pattern: String, _ name: String, _ flags: Int32) -> Bool {
    fnmatch(pattern, name, flags) == 0
}

internal let fnmatchPathname = FNM_PATHNAME
internal let fnmatchPeriod = FNM_PERIOD
internal let fnmatchNoEscape = FNM_NOESCAPE

/// `clock_gettime(CLOCK_REALTIME)`.
internal func system_realtimeNow() -> Timestamp {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Timestamp(seconds: Int64(now.tv_sec), nanoseconds: Int64(now.tv_nsec))
}

/// `gethostname`, NUL-terminated even when truncated.
internal func system_gethostname() -> Result<String, Errno> {
    var buffer = [CChar](repeating: 0, count: 256)
    return valueOrErrno { gethostname(&buffer, buffer.count - 1) }.map { _ in
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

internal func system_getegid() -> UInt32 {
    getegid()
}

/// The calling thread's supplementary groups.
internal func system_getgroups() -> [UInt32] {
    let count = getgroups(0, nil)
    guard count > 0 else { return [] }
    var groups = [gid_t](repeating: 0, count: Int(count))
    let got = getgroups(count, &groups)
    return Array(groups.prefix(Int(max(got, 0))))
}

/// `getgrouplist` for the user with `uid` (looked up by id), or only `primary` when the uid has no entry.
internal func system_groupList(of uid: UInt32, primary: UInt32) -> [UInt32] {
    var entry = passwd()
    var result: UnsafeMutablePointer<passwd>?
    var buffer = [CChar](repeating: 0, count: 16_384)
    guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else {
        return [primary]
    }
    var count: Int32 = 64
    var groups = [gid_t](repeating: 0, count: Int(count))
    while getgrouplist(name, primary, &groups, &count) < 0 {
        groups = [gid_t](repeating: 0, count: Int(count))
    }
    return Array(groups.prefix(Int(count)))
}

/// Sets the calling thread's supplementary groups only (see `cshims_thread_setgroups`).
internal func system_setThreadGroups(_ groups: [UInt32]) -> Result<Void, Errno> {
    valueOrErrno { groups.withUnsafeBufferPointer { cshims_thread_setgroups(UInt64($0.count), $0.baseAddress) } }
        .map { _ in () }
}

/// Sets the calling thread's file-system gid, then uid (see `cshims_thread_setfsuid`).
internal func system_setThreadFileSystemIDs(user: UInt32, group: UInt32) -> Result<Void, Errno> {
    guard cshims_thread_setfsgid(group) == 0, cshims_thread_setfsuid(user) == 0 else { return .failure(.notPermitted) }
    return .success(())
}
