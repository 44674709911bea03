import CShims
import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

// The C library calls for process inspection, signals and in-place truncation, in the style of `Syscalls.swift`:
// each wrapper returns `Result<_, Errno>` and retries on EINTR.

internal func system_sendSignal(_ pid: Int32, _ signal: Int32) -> Result<Void, Errno> {
    valueOrErrno { kill(pid, signal) }.map { _ in () }
}

internal func system_getpid() -> Int32 {
    getpid()
}

internal func system_pread(
    _ fd: Int32,
    into buffer: UnsafeMutableRawBufferPointer,
    at offset: Int64
) -> Result<Int, Errno> {
    valueOrErrno { pread(fd, buffer.baseAddress, buffer.count, off_t(offset)) }
}

internal func system_collapseRange(_ fd: Int32, offset: Int64, length: Int64) -> Result<Void, Errno> {
    valueOrErrno { cshims_collapse_range(fd, offset, length) }.map { _ in () }
}

/// Reads a small file whole (a `/proc` entry, a pidfile), at most `limit` bytes.
internal func system_readSmallFile(_ path: FilePath, limit: Int = 1 << 16) -> Result<[UInt8], Errno> {
    let fd: Int32
    switch system_open(path, O_RDONLY | O_NONBLOCK) {
    case .success(let opened): fd = opened
    case .failure(let errno): return .failure(errno)
    }
    defer { system_close(fd) }
    var contents = [UInt8](repeating: 0, count: limit)
    var filled = 0
    while filled < limit {
        let result = contents.withUnsafeMutableBytes { raw in
            system_read(fd, into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
        }
        switch result {
        case .success(0): return .success(Array(contents[..<filled]))
        case .success(let count): filled += count
        case .failure(let errno): return .failure(errno)
        }
    }
    return .success(contents)
}

/// Reads one byte at `offset`; `nil` at or after the end of the file.
internal func system_readByte(_ fd: Int32, at offset: Int64) -> Result<UInt8?, Errno> {
    var byte: UInt8 = 0
    return withUnsafeMutableBytes(of: &byte) { system_pread(fd, into: $0, at: offset) }.map { $0 == 1 ? byte : nil }
}

/// The preferred I/O block size of an open file (`st_blksize`).
internal func system_blockSize(_ fd: Int32) -> Result<UInt64, Errno> {
    system_fstat(fd).map { UInt64(max(0, $0.st_blksize)) }
}

/// `O_APPEND` and the access-mode bits, as found in `/proc/PID/fdinfo/FD` `flags:`.
internal enum ProcOpenFlags {
    static let accessMode = UInt32(O_ACCMODE)
    static let writeOnly = UInt32(O_WRONLY)
    static let readWrite = UInt32(O_RDWR)
    static let append = UInt32(O_APPEND)
}

/// readlink(2): where a symlink (e.g. `/proc/PID/fd/N`) points, as bytes.
internal func system_readlink(_ path: FilePath) -> Result<FilePath, Errno> {
    var buffer = [CChar](repeating: 0, count: 4096)
    return path.withPlatformString { cPath in
        valueOrErrno { readlink(cPath, &buffer, buffer.count) }.map { count in
            buffer.withUnsafeBufferPointer { bytes in
                FilePath(platformString: Array(bytes[..<count]) + [0])
            }
        }
    }
}
