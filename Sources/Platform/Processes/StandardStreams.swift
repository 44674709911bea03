#if canImport(Glibc)
import Glibc
#endif

/// A `TextOutputStream` over standard output or standard error, unbuffered per write.
package struct StandardStream: TextOutputStream, Sendable {
    private let fd: Int32

    /// Standard output (fd 1).
    package static var output: StandardStream { StandardStream(fd: 1) }
    /// Standard error (fd 2): diagnostics, as logrotate writes them.
    package static var error: StandardStream { StandardStream(fd: 2) }

    package mutating func write(_ string: String) {
        var bytes = Array(string.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written <= 0 { return }
            offset += written
        }
    }
}
