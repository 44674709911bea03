import SystemPackage

/// Finds the processes that have a file open, by device and inode, as `fuser` and `lsof` do.
///
/// One pass over `/proc/[0-9]*/fd/*` serves any number of files: each descriptor link is `stat`ed (no `readlink`, so
/// renamed and deleted files are found too) and compared with the wanted identities; only matches read
/// `/proc/PID/fdinfo/FD` for the open flags. Processes that vanish during the scan, or that we may not inspect (when not
/// root), are skipped: without root, the answer covers only our own processes.
package enum FileWriters {
    /// The descriptors that processes hold on the file with this device and inode.
    /// - Throws: `PlatformError` only when the process table itself can't be listed.
    package static func find(
        device: UInt64,
        inode: UInt64,
        in table: ProcessTable = .live
    ) throws(PlatformError) -> [FileWriter] {
        let identity = FileIdentity(device: device, inode: inode)
        return try find(files: [identity], in: table)[identity] ?? []
    }

    /// The descriptors held on each of `files`, in one scan; a file nobody has open maps to an empty list.
    /// - Throws: `PlatformError` only when the process table itself can't be listed.
    package static func find(
        files: [FileIdentity],
        in table: ProcessTable = .live
    ) throws(PlatformError) -> [FileIdentity: [FileWriter]] {
        var found = Dictionary(uniqueKeysWithValues: Set(files).map { ($0, [FileWriter]()) })
        guard !found.isEmpty else { return [:] }
        for pid in try table.processIDs() {
            for writer in scan(pid, for: found, in: table) {
                found[writer.identity, default: []].append(writer.writer)
            }
        }
        return found
    }

    /// The descriptors of one process that refer to one of the wanted files.
    private static func scan(
        _ pid: Int32,
        for wanted: [FileIdentity: [FileWriter]],
        in table: ProcessTable
    ) -> [(identity: FileIdentity, writer: FileWriter)] {
        var matches: [(identity: FileIdentity, writer: FileWriter)] = []
        var command: String?
        for fd in table.descriptors(of: pid) ?? [] {
            guard let identity = table.identity(ofDescriptor: fd, of: pid), wanted[identity] != nil,
                let flags = table.openFlags(ofDescriptor: fd, of: pid)
            else { continue }
            if command == nil { command = table.command(of: pid) ?? "" }
            let access = flags & ProcOpenFlags.accessMode
            let writer = FileWriter(
                pid: pid,
                command: command ?? "",
                descriptor: fd,
                opensForWriting: access == ProcOpenFlags.writeOnly || access == ProcOpenFlags.readWrite,
                appendMode: flags & ProcOpenFlags.append != 0
            )
            matches.append((identity, writer))
        }
        return matches
    }
}
