import SystemPackage

/// Reads the process id that a daemon wrote into a pidfile, for `kill -USR2 $(cat app.pid)` done safely.
package enum PidFile {
    /// The pid in `path`: decimal digits with optional surrounding whitespace (a trailing newline is usual), greater
    /// than 1, of a process that exists.
    /// - Throws: `PlatformError` `.notFound` when the file or the process is missing, `.other` when the content is not
    ///   a pid; never returns 0, 1 or a negative number, which `kill` would take for a group or all processes.
    package static func read(_ path: FilePath) throws(PlatformError) -> Int32 {
        let bytes = try system_readSmallFile(path, limit: 4096).orThrow("reading", path)
        // Split bytes, not Characters: "\r\n" is one Character.
        let words = bytes.split { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard words.count == 1, words[0].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let pid = Int32(String(decoding: words[0], as: UTF8.self)), pid > 1
        else {
            let text = String(decoding: bytes.prefix(40), as: UTF8.self)
            throw PlatformError(.other, "\(path) does not hold a process id: '\(text)'")
        }
        switch system_sendSignal(pid, 0) {
        case .success, .failure(.notPermitted): return pid
        case .failure(let errno):
            throw PlatformError(.notFound, "process \(pid) from \(path) does not exist", errno: errno)
        }
    }
}
