import CShims
import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// A `TextOutputStream` into a file truncated when opened: logrotate's `-l FILE`.
package final class LogFileStream: TextOutputStream, @unchecked Sendable {
    private let fd: Int32

    /// Opens (creating or truncating) `path` for writing.
    /// - Throws: `PlatformError` when the file cannot be opened.
    package init(path: FilePath) throws(PlatformError) {
        fd = try system_open(path, OpenFlags.writeOnly | OpenFlags.create | OpenFlags.truncate, 0o644)
            .orThrow("open", path)
    }

    deinit { system_close(fd) }

    package func write(_ string: String) {
        let bytes = Array(string.utf8)
        var offset = 0
        while offset < bytes.count {
            guard
                case .success(let written) = bytes.withUnsafeBytes({
                    system_write(fd, UnsafeRawBufferPointer(rebasing: $0[offset...]))
                }), written > 0
            else { return }
            offset += written
        }
    }
}

/// A `TextOutputStream` into syslog (`-l syslog`), one line per message, as logrotate's `openlog("logrotate", 0,
/// LOG_USER)`; error and warning lines get their priority from their prefix.
package struct SyslogStream: TextOutputStream, Sendable {
    /// Opens the syslog connection with the identifier `logrotated`.
    package init() {
        openlog("logrotated", 0, LOG_USER)
    }

    package mutating func write(_ string: String) {
        for line in string.split(separator: "\n") {
            let priority =
                line.hasPrefix("error: ") ? LOG_ERR : line.hasPrefix("warning: ") ? LOG_WARNING : LOG_INFO
            cshims_syslog(priority, String(line))
        }
    }
}
