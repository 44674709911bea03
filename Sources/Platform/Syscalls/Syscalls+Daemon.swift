import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

// The system calls the daemon needs besides file operations: inotify, poll, a wake-up pipe, a dedicated thread,
// the clocks, the environment and a datagram to systemd's notification socket.

/// A set of inotify `IN_*` bits.
package struct InotifyMask: OptionSet, Hashable, Sendable {
    package let rawValue: UInt32

    package init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `IN_MODIFY`: the file was written.
    package static let modify = InotifyMask(rawValue: UInt32(IN_MODIFY))
    /// `IN_CREATE`: an entry was created in the watched directory.
    package static let create = InotifyMask(rawValue: UInt32(IN_CREATE))
    /// `IN_MOVED_TO`: an entry was renamed into the watched directory.
    package static let movedTo = InotifyMask(rawValue: UInt32(IN_MOVED_TO))
    /// `IN_DELETE_SELF`: the watched file was deleted.
    package static let deleteSelf = InotifyMask(rawValue: UInt32(IN_DELETE_SELF))
    /// `IN_MOVE_SELF`: the watched file was renamed.
    package static let moveSelf = InotifyMask(rawValue: UInt32(IN_MOVE_SELF))
    /// `IN_Q_OVERFLOW`: the kernel dropped events; everything must be re-checked.
    package static let queueOverflow = InotifyMask(rawValue: UInt32(IN_Q_OVERFLOW))
    /// `IN_IGNORED`: the watch was removed (explicitly, or because its file is gone).
    package static let ignored = InotifyMask(rawValue: UInt32(IN_IGNORED))
    /// `IN_ONLYDIR`: only watch the path if it is a directory.
    package static let onlyDirectory = InotifyMask(rawValue: UInt32(IN_ONLYDIR))
}

/// One inotify event: its watch descriptor, what happened, and the entry name for directory watches.
package struct InotifyEvent: Hashable, Sendable {
    package var watch: Int32
    package var mask: InotifyMask
    /// The entry name's bytes (empty for a file watch): a name need not be UTF-8.
    package var name: [UInt8]
}

/// A non-blocking, close-on-exec inotify instance. The corresponding C function is `inotify_init1`.
package struct Inotify: Sendable {
    /// The descriptor to poll for readability.
    package let descriptor: Int32

    /// Creates the instance.
    /// - Throws: the `Errno` of `inotify_init1` (e.g. `EMFILE` past `max_user_instances`).
    package init() throws(Errno) {
        descriptor = try valueOrErrno { inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC)) }.get()
    }

    /// Adds (or replaces) the watch of `path`; returns its watch descriptor. The C function is `inotify_add_watch`.
    /// - Throws: the `Errno`, e.g. `ENOENT` when the path does not exist.
    package func addWatch(_ path: FilePath, mask: InotifyMask) throws(Errno) -> Int32 {
        try path.withPlatformString { cPath in valueOrErrno { inotify_add_watch(descriptor, cPath, mask.rawValue) } }
            .get()
    }

    /// Removes a watch; a watch already gone is not an error. The C function is `inotify_rm_watch`.
    package func removeWatch(_ watch: Int32) {
        _ = inotify_rm_watch(descriptor, watch)
    }

    /// Reads every queued event without blocking; empty when none is queued.
    package func readEvents() -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { system_read(descriptor, into: $0) }
            guard case .success(let length) = count, length > 0 else { return events }
            buffer.withUnsafeBytes { events += Self.parse($0.prefix(length)) }
        }
    }

    /// Closes the instance, removing every watch.
    package func close() {
        system_close(descriptor)
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer.SubSequence) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = bytes.startIndex
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= bytes.endIndex {
            let header = bytes.base.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
            let nameBytes = bytes.base[(offset + headerSize)..<(offset + headerSize + Int(header.len))]
            let name = Array(nameBytes.prefix { $0 != 0 })
            events.append(InotifyEvent(watch: header.wd, mask: InotifyMask(rawValue: header.mask), name: name))
            offset += headerSize + Int(header.len)
        }
        return events
    }
}

/// Waits until one of `descriptors` is readable or `timeoutMilliseconds` pass (-1: no timeout), and tells which are.
/// An interrupted wait returns no readable descriptor. The corresponding C function is `poll`.
package func waitForReadable(_ descriptors: [Int32], timeoutMilliseconds: Int32) -> [Bool] {
    var entries = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    let result = valueOrErrno(retryOnInterrupt: false) { poll(&entries, nfds_t(entries.count), timeoutMilliseconds) }
    guard case .success = result else { return descriptors.map { _ in false } }
    return entries.map { $0.revents != 0 }
}

/// A non-blocking pipe another thread writes to, to end a `waitForReadable` early.
package struct WakePipe: Sendable {
    /// The end to poll.
    package let readEnd: Int32
    private let writeEnd: Int32

    /// Creates the pipe, both ends non-blocking and close-on-exec.
    /// - Throws: the `Errno` of `pipe` (e.g. `EMFILE`).
    package init() throws(Errno) {
        var ends: [Int32] = [-1, -1]
        _ = try valueOrErrno { pipe(&ends) }.get()
        for end in ends {
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    /// Makes the read end readable (a full pipe is already readable, so a failed write is fine).
    package func wake() {
        let byte: [UInt8] = [1]
        _ = byte.withUnsafeBytes { system_write(writeEnd, $0) }
    }

    /// Empties the pipe.
    package func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while case .success(let count) = buffer.withUnsafeMutableBytes({ system_read(readEnd, into: $0) }), count > 0 {}
    }

    /// Closes both ends.
    package func close() {
        system_close(readEnd)
        system_close(writeEnd)
    }
}

private final class ThreadBody {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

/// Runs `body` on a new detached thread of its own, outside Swift's cooperative pool (for blocking waits).
/// - Throws: the `Errno` of `pthread_create` (e.g. `EAGAIN`).
package func startDetachedThread(_ body: @escaping @Sendable () -> Void) throws(Errno) {
    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var thread = pthread_t()
    let result = pthread_create(
        &thread,
        nil,
        { raw in
            Unmanaged<ThreadBody>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        },
        context
    )
    guard result == 0 else {
        Unmanaged<ThreadBody>.fromOpaque(context).release()
        throw Errno(rawValue: result)
    }
    pthread_detach(thread)
}

/// `CLOCK_MONOTONIC` in microseconds, as systemd's `MONOTONIC_USEC=` wants it.
package func monotonicMicroseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
}

/// `CLOCK_REALTIME`: the wall-clock time that calendar deadlines are expressed in.
package func currentWallTime() -> Timestamp {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Timestamp(seconds: Int64(now.tv_sec), nanoseconds: Int64(now.tv_nsec))
}

/// The device and inode of the file open as descriptor `fd` (2 for standard error), or `nil` when `fd` is not open.
/// The corresponding C function is `fstat`.
package func openFileIdentity(_ fd: Int32) -> FileIdentity? {
    guard case .success(let status) = system_fstat(fd) else { return nil }
    return FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
}

/// The value of an environment variable, or `nil` when it is unset. The corresponding C function is `getenv`.
package func environmentValue(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

/// Sends one datagram to an `AF_UNIX` socket; a path starting with `@` names an abstract socket (as systemd does).
///
/// Never blocks (`MSG_DONTWAIT`): a listener that stops reading must not stall the daemon's rotations or its
/// shutdown; a full socket is `EAGAIN` and the notification is dropped.
/// - Throws: the `Errno` of `socket` or `sendto` (e.g. `ENOENT`, `ECONNREFUSED`, `EAGAIN`).
package func sendDatagram(_ bytes: [UInt8], toUnixSocket path: String) throws(Errno) {
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    var pathBytes = Array(path.utf8)
    if pathBytes.first == UInt8(ascii: "@") { pathBytes[0] = 0 }
    let capacity = MemoryLayout.size(ofValue: address.sun_path)
    guard pathBytes.count < capacity else { throw Errno.fileNameTooLong }
    withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: pathBytes) }
    let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count + (pathBytes.first == 0 ? 0 : 1))
    let socketFD = try valueOrErrno { socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue | SOCK_CLOEXEC.rawValue), 0) }.get()
    defer { system_close(socketFD) }
    _ = try withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
            bytes.withUnsafeBytes { buffer in
                valueOrErrno {
                    let flags = Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)
                    return sendto(socketFD, buffer.baseAddress, buffer.count, flags, socketAddress, length)
                }
            }
        }
    }.get()
}

/// Calls `body` with an `iovec` array over `chunks` (for `sd_journal_sendv` and `writev`-style calls).
package func withIOVectors<R>(_ chunks: [[UInt8]], _ body: (UnsafePointer<iovec>, Int32) -> R) -> R {
    let flat = Array(chunks.joined()) + [0]
    return flat.withUnsafeBytes { buffer in
        var offset = 0
        let vectors = chunks.map { chunk in
            defer { offset += chunk.count }
            return iovec(
                iov_base: UnsafeMutableRawPointer(mutating: buffer.baseAddress! + offset),
                iov_len: chunk.count
            )
        }
        return vectors.withUnsafeBufferPointer { body($0.baseAddress!, Int32($0.count)) }
    }
}

/// The number of processors online (`sysconf(_SC_NPROCESSORS_ONLN)`), at least 1, read once per process: glibc's
/// `sysconf` opens and reads `/sys/devices/system/cpu/online` on every call, which compressing a thousand small
/// files did a thousand times.
package func onlineProcessorCount() -> Int {
    onlineProcessors
}

private let onlineProcessors = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

/// Ignores SIGHUP until a handler is installed, so a reload request that comes before the daemon listens for it
/// (say `systemctl reload` right after start) cannot kill it by the signal's default action.
package func ignoreHangupsUntilHandled() {
    _ = signal(SIGHUP, SIG_IGN)
}
