import SystemPackage

/// A process holding a `flock` lock on a file, as `/proc/locks` tells (best effort: nothing is found without `/proc`).
package struct LockHolder: Equatable, Sendable, CustomStringConvertible {
    /// The process that took the lock.
    package var pid: Int32
    /// Its command name (`/proc/PID/comm`), `nil` when it cannot be read.
    package var command: String?

    /// A holder with `pid` and `command`.
    package init(pid: Int32, command: String?) {
        self.pid = pid
        self.command = command
    }

    /// `pid 1234 (logrotate)`, or `pid 1234` when the command is unknown.
    package var description: String {
        command.map { "pid \(pid) (\($0))" } ?? "pid \(pid)"
    }

    /// The processes holding a `flock` lock on the file at `path` (read-only: nothing is locked to find out); empty
    /// when there is none or `/proc/locks` cannot be read.
    package static func holders(of path: FilePath, processes: ProcessTable = .live) -> [LockHolder] {
        guard case .success(let file) = system_lstat(path, followSymlinks: true),
            case .success(let bytes) = system_readSmallFile(processes.root.appending("locks"), limit: 1 << 22)
        else { return [] }
        let status = FileStatus(file)
        let text = String(decoding: bytes, as: UTF8.self)
        return pids(inLocks: text, device: status.device, inode: status.inode).map {
            LockHolder(pid: $0, command: processes.command(of: $0))
        }
    }

    /// The pids of the `FLOCK` lines (not the `->` lines of waiters) of `/proc/locks` text on a device and inode.
    ///
    /// A line reads `1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF`: the device is `MAJOR:MINOR` in hex.
    static func pids(inLocks text: String, device: UInt64, inode: UInt64) -> [Int32] {
        let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~0xfff)
        let minor = (device & 0xff) | ((device >> 12) & ~0xff)
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "FLOCK" else { return nil }
            let file = fields[5].split(separator: ":").map(String.init)
            guard file.count == 3, UInt64(file[2]) == inode, UInt64(file[0], radix: 16) == major,
                UInt64(file[1], radix: 16) == minor
            else { return nil }
            return Int32(fields[4])
        }
    }
}
