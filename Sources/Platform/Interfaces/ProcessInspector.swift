import SystemPackage

/// What rotation asks about, and does to, the processes that write logs: who has a file open, which process a pidfile
/// names, whether a signal would kill it, sending it, and `copytruncate` under live writers.
///
/// `LiveProcessInspector` answers from `/proc` and acts with kill(2) and `LosslessTruncation`; tests use a fake, as
/// for `FileSystem` and `ProcessRunner`.
package protocol ProcessInspector: Sendable {
    /// The descriptors that processes hold open *for writing* on each file (by device and inode); a file nobody
    /// writes maps to an empty list. Processes we may not inspect are not seen.
    func writers(of files: [FileIdentity]) -> [FileIdentity: [FileWriter]]

    /// The path descriptor `fd` of `pid` refers to now (`/proc/PID/fd/FD`; a removed file's ends in ` (deleted)`);
    /// `nil` when unknown.
    func target(ofDescriptor fd: Int32, of pid: Int32) -> FilePath?

    /// The pid a pidfile names (see `PidFile.read`).
    func processID(inPidFile path: FilePath) throws(PlatformError) -> Int32

    /// The command name of a process (`/proc/PID/comm`), `nil` when it is gone.
    func command(of pid: Int32) -> String?

    /// What `signal` would do to `pid` (see `SignalSafety.check`).
    func safety(of signal: Signal, for pid: Int32) throws(PlatformError) -> SignalSafety.Verdict

    /// kill(2).
    func send(_ signal: Signal, to pid: Int32) throws(PlatformError)

    /// Waits `milliseconds` (between two looks at `/proc`).
    func pause(milliseconds: Int)

    /// Copies `live` into the new file `archive` and empties `live` in place, losslessly where the file system and
    /// the writers allow (see `LosslessTruncation.copyAndTruncate`).
    func copyAndTruncate(
        _ live: FilePath,
        to archive: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) -> LosslessTruncation.Outcome
}

extension ProcessInspector {
    /// Unknown unless the inspector can read descriptor links.
    package func target(ofDescriptor fd: Int32, of pid: Int32) -> FilePath? { nil }

    /// The writers of one file.
    package func writers(of file: FileIdentity) -> [FileWriter] {
        writers(of: [file])[file] ?? []
    }
}

/// The machine's processes, through `/proc`.
package struct LiveProcessInspector: ProcessInspector {
    package var table: ProcessTable

    package init(table: ProcessTable = .live) {
        self.table = table
    }

    package func writers(of files: [FileIdentity]) -> [FileIdentity: [FileWriter]] {
        let found = (try? FileWriters.find(files: files, in: table)) ?? [:]
        let me = system_getpid()
        return found.mapValues { $0.filter { $0.opensForWriting && $0.pid != me } }
    }

    package func target(ofDescriptor fd: Int32, of pid: Int32) -> FilePath? {
        try? system_readlink(table.root.appending("\(pid)").appending("fd").appending("\(fd)")).get()
    }

    package func processID(inPidFile path: FilePath) throws(PlatformError) -> Int32 {
        try PidFile.read(path)
    }

    package func command(of pid: Int32) -> String? {
        table.command(of: pid)
    }

    package func safety(of signal: Signal, for pid: Int32) throws(PlatformError) -> SignalSafety.Verdict {
        try SignalSafety.check(signal: signal, pid: pid, in: table)
    }

    package func send(_ signal: Signal, to pid: Int32) throws(PlatformError) {
        try sendSignal(signal, to: pid)
    }

    package func pause(milliseconds: Int) {
        system_sleep(milliseconds: milliseconds)
    }

    package func copyAndTruncate(
        _ live: FilePath,
        to archive: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) -> LosslessTruncation.Outcome {
        let options = LosslessTruncation.Options(
            permissions: permissions,
            owner: owner,
            group: group,
            processTable: table
        )
        return try LosslessTruncation.copyAndTruncate(live, to: archive, options: options)
    }
}
