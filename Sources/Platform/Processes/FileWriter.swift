/// One descriptor that a process holds on a file, as `/proc` shows it.
package struct FileWriter: Hashable, Sendable, CustomStringConvertible {
    /// The process id.
    package var pid: Int32
    /// The command name (`/proc/PID/comm`), empty if the process vanished before it was read.
    package var command: String
    /// The descriptor number in that process.
    package var descriptor: Int32
    /// Whether the descriptor was opened `O_WRONLY` or `O_RDWR`; `false` for a reader such as `tail -f`.
    package var opensForWriting: Bool
    /// Whether the descriptor has `O_APPEND`: such a writer always writes at the current end of the file.
    package var appendMode: Bool

    package init(pid: Int32, command: String, descriptor: Int32, opensForWriting: Bool, appendMode: Bool) {
        self.pid = pid
        self.command = command
        self.descriptor = descriptor
        self.opensForWriting = opensForWriting
        self.appendMode = appendMode
    }

    /// Whether this descriptor writes at its own offset: after the file shrinks it writes past the end, leaving zeros.
    package var writesAtOwnOffset: Bool { opensForWriting && !appendMode }

    /// "1234 (zope) fd 3 write append"
    package var description: String {
        "\(pid) (\(command)) fd \(descriptor) \(opensForWriting ? "write" : "read")\(appendMode ? " append" : "")"
    }
}
