#if canImport(Glibc)
import Glibc
#endif

/// A bound `AF_UNIX` datagram socket standing in for systemd's `$NOTIFY_SOCKET` (or journald's socket) in tests;
/// keeps every message it received.
package final class NotifySocketListener {
    /// The socket's path, for `NOTIFY_SOCKET`.
    package let path: String
    private let fd: Int32
    private let directory: String?
    /// Every datagram received so far, as text.
    package private(set) var messages: [String] = []
    private var delivered = 0

    /// Binds a socket at `path`.
    package init(path: String) throws(ListenerError) {
        self.path = path
        self.directory = nil
        fd = try Self.bind(path)
    }

    /// Binds `notify.sock` in a new private directory under /tmp.
    package init() throws(ListenerError) {
        var template = Array("/tmp/notify-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw ListenerError(errno: errno) }
        let directory = String(cString: made)
        self.directory = directory
        path = directory + "/notify.sock"
        fd = try Self.bind(path)
    }

    deinit {
        close(fd)
        unlink(path)
        if let directory { rmdir(directory) }
    }

    /// The next message not returned before, waiting up to `timeout`; `nil` when none came.
    package func next(timeout: Duration = .seconds(30)) -> String? {
        guard wait(from: delivered, timeout: timeout, until: { _ in true }) else { return nil }
        delivered += 1
        return messages[delivered - 1]
    }

    /// Receives until a message (counting from `from`) satisfies `condition`; false after `timeout` (a failure,
    /// never a measurement).
    package func wait(from: Int = 0, timeout: Duration = .seconds(30), until condition: (String) -> Bool) -> Bool {
        let clock = ContinuousClock()
        let end = clock.now + timeout
        while true {
            if messages.dropFirst(from).contains(where: condition) { return true }
            guard clock.now < end else { return false }
            receive()
        }
    }

    /// How many messages satisfy `condition`.
    package func count(where condition: (String) -> Bool) -> Int {
        messages.filter(condition).count
    }

    /// Waits at most 200 ms for one datagram.
    private func receive() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        if count >= 0 { messages.append(String(decoding: buffer[0..<count], as: UTF8.self)) }
    }

    private static func bind(_ path: String) throws(ListenerError) -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ListenerError(errno: errno) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else {
            let error = ListenerError(errno: errno)
            close(fd)
            throw error
        }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }
}

/// A socket call of `NotifySocketListener` failed.
package struct ListenerError: Error, Equatable {
    package var errno: Int32
}
