import Foundation
import Glibc

/// A bound `AF_UNIX` datagram socket standing in for systemd's `$NOTIFY_SOCKET`; keeps every message received.
final class NotifyListener {
    let path: String
    private let fd: Int32
    private(set) var messages: [String] = []

    init(in directory: URL) throws {
        path = directory.appendingPathComponent("notify.sock").path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard fd >= 0, bound == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Receives until some message received so far (counting from `from`) satisfies `condition`; false after
    /// `timeout` (a failure, never a measurement).
    func wait(from: Int = 0, timeout: Duration = .seconds(30), until condition: (String) -> Bool) -> Bool {
        let clock = ContinuousClock()
        let end = clock.now + timeout
        while true {
            if messages.dropFirst(from).contains(where: condition) { return true }
            guard clock.now < end else { return false }
            receive()
        }
    }

    /// How many messages satisfy `condition`.
    func count(where condition: (String) -> Bool) -> Int {
        messages.filter(condition).count
    }

    private func receive() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        if count >= 0 { messages.append(String(decoding: buffer[0..<count], as: UTF8.self)) }
    }
}
