import SystemPackage

/// The processes of the machine as `/proc` shows them; `root` is another directory only in tests.
///
/// Every query answers `nil` (or an empty list) for a process that vanished meanwhile (ENOENT, ESRCH) or that we may not
/// inspect (EACCES, EPERM when not root): a scan of `/proc` races with processes coming and going, and that is normal.
package struct ProcessTable: Sendable {
    /// The `/proc` directory.
    package var root: FilePath

    /// The real process table.
    package static let live = ProcessTable()

    package init(root: FilePath = "/proc") {
        self.root = root
    }

    /// The ids of all processes: the numeric names in `root`.
    /// - Throws: `PlatformError` when `root` itself can't be listed.
    package func processIDs() throws(PlatformError) -> [Int32] {
        try system_listDirectory(root).orThrow("reading directory", root).compactMap(Self.parseID).sorted()
    }

    /// The ids of the threads of `pid` (`/proc/PID/task`); empty if the process is gone.
    package func threadIDs(of pid: Int32) -> [Int32] {
        let directory = root.appending("\(pid)").appending("task")
        return ((try? system_listDirectory(directory).get()) ?? []).compactMap(Self.parseID).sorted()
    }

    /// The command name (`/proc/PID/comm`, at most 15 bytes), or `nil` if the process is gone.
    package func command(of pid: Int32) -> String? {
        guard let text = readText("\(pid)/comm") else { return nil }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    /// The open descriptors of `pid`, or `nil` if the process is gone or not ours to inspect.
    package func descriptors(of pid: Int32) -> [Int32]? {
        let directory = root.appending("\(pid)").appending("fd")
        return (try? system_listDirectory(directory).get())?.compactMap(Self.parseID).sorted()
    }

    /// The device and inode that descriptor `fd` of `pid` refers to (`stat` of `/proc/PID/fd/FD`), or `nil`.
    package func identity(ofDescriptor fd: Int32, of pid: Int32) -> FileIdentity? {
        let link = root.appending("\(pid)").appending("fd").appending("\(fd)")
        guard case .success(let status) = system_lstat(link, followSymlinks: true) else { return nil }
        return FileStatus(status).identity
    }

    /// The `open` flags of descriptor `fd` of `pid` (the octal `flags:` line of `/proc/PID/fdinfo/FD`), or `nil`.
    package func openFlags(ofDescriptor fd: Int32, of pid: Int32) -> UInt32? {
        guard let text = readText("\(pid)/fdinfo/\(fd)") else { return nil }
        return Self.fields(in: text)["flags"].flatMap { UInt32($0, radix: 8) }
    }

    /// The `Name: value` lines of `/proc/PID/status` (or of `/proc/PID/task/TID/status` when `thread` is given).
    /// - Throws: `PlatformError` `.notFound` when the process (or thread) does not exist.
    package func status(of pid: Int32, thread: Int32? = nil) throws(PlatformError) -> [String: String] {
        let relative = thread.map { "\(pid)/task/\($0)/status" } ?? "\(pid)/status"
        let path = root.appending(relative)
        switch system_readSmallFile(path) {
        case .success(let bytes): return Self.fields(in: String(decoding: bytes, as: UTF8.self))
        case .failure(.noSuchProcess): throw .syscall("reading", path, .noSuchFileOrDirectory)
        case .failure(let errno): throw .syscall("reading", path, errno)
        }
    }

    // MARK: - Parsing

    private func readText(_ relative: String) -> String? {
        guard case .success(let bytes) = system_readSmallFile(root.appending(relative)) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A decimal process, thread or descriptor number; `nil` for any other name.
    private static func parseID(_ name: FilePath.Component) -> Int32? {
        let text = name.string
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int32(text)
    }

    /// `Name:<tabs or spaces>value` lines as a dictionary; lines without a colon are skipped.
    private static func fields(in text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].drop(while: { $0 == " " || $0 == "\t" })
            if result[name] == nil { result[name] = String(value) }
        }
        return result
    }
}
