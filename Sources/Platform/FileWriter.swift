/// One descriptor that a process holds on a file, as `/proc` shows it.
public struct FileWriter: Hashable, Sendable, CustomStringConvertible {
    /// The process id.
    public var pid: Int32
    /// The command name (`/proc/PID/comm`), empty if the process vanished before it was read.
    public var command: String
    /// The descriptor number in that process.
    public var descriptor: Int32
    /// Whether the descriptor was opened `O_WRONLY` or `O_RDWR`; `false` for a reader such as `tail -f`.
    public var opensForWriting: Bool
    /// Whether the descriptor has `O_APPEND`: such a writer always writes at the current end of the file.
    public var appendMode: Bool

    public init(pid: Int32, command: String, descriptor: Int32, opensForWriting: Bool, appendMode: Bool) {
        self.pid = pid
        self.command = command
        self.descriptor = descriptor
        self.opensForWriting = opensForWriting
        self.appendMode = appendMode
    }

    /// Whether this descriptor writes at its own offset: after the file shrinks it writes past the end, leaving zeros.
    public var writesAtOwnOffset: Bool { opensForWriting && !appendMode }

    /// "1234 (zope) fd 3 write append"
    public var description: String {
        "\(pid) (\(command)) fd \(descriptor) \(opensForWriting ? "write" : "read")\(appendMode ? " append" : "")"
    }
}
