import Platform

/// Where the daemon's log lines go, and so how they look.
///
/// systemd connects a service's standard error to the journal and says so in `JOURNAL_STREAM=DEVICE:INODE`
/// (systemd.exec(5)): a process whose standard error still is that stream may use journald's native protocol
/// instead, and one that writes to the stream marks each line's priority with a `<N>` prefix (sd-daemon(3)). A
/// `JOURNAL_STREAM` that does not match standard error was inherited by a process whose standard error went
/// elsewhere since (a terminal, a file, a pipe): there, lines are for people.
package enum LogDestination: Equatable, Sendable {
    /// journald's native protocol (`sd_journal_sendv`): structured fields, so `journalctl LOG_PATH=…` works.
    case journal
    /// Standard error, connected to the journal, without journald's socket: `<6>message key=value` lines.
    case journalStream
    /// Standard error to a terminal, file or pipe: `2026-12-02T13:40:01Z info  message key=value` lines.
    case console

    /// The destination for a process whose standard error is `standardError` (its device and inode), given its
    /// `JOURNAL_STREAM` value and whether journald's socket is there.
    package static func choose(
        journalStream: String?,
        standardError: FileIdentity?,
        journalSocketAvailable: Bool
    ) -> LogDestination {
        guard let stream = journalStream.flatMap(parseIdentity), stream == standardError else { return .console }
        return journalSocketAvailable ? .journal : .journalStream
    }

    /// The destination of this process: its `JOURNAL_STREAM`, its descriptor 2, and whether `journalSocket` exists.
    package static func current(journalSocketAvailable: Bool) -> LogDestination {
        choose(
            journalStream: environmentValue("JOURNAL_STREAM"),
            standardError: openFileIdentity(2),
            journalSocketAvailable: journalSocketAvailable
        )
    }

    /// `DEVICE:INODE` in decimal, as systemd writes `JOURNAL_STREAM`.
    static func parseIdentity(_ text: String) -> FileIdentity? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return nil }
        return FileIdentity(device: device, inode: inode)
    }
}
