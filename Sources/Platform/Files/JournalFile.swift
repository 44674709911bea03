import SystemPackage

/// An append-only file of records, each added with one `write(2)` (`O_APPEND`), so that a killed writer leaves at
/// most its last record cut short: the intent journal of rotations.
///
/// The file is created 0600 and never followed through a symlink. Appends are not synced one by one: a record
/// survives the writer being killed (it is in the page cache), and `sync()` makes those so far durable.
package final class JournalFile: Sendable {
    package let path: FilePath
    private let descriptor: Int32

    /// Opens (or creates) the journal at `path` for appending.
    package init(path: FilePath) throws(PlatformError) {
        self.path = path
        let flags = OpenFlags.writeOnly | OpenFlags.create | OpenFlags.append | OpenFlags.noFollow
        descriptor = try system_open(path, flags, 0o600).orThrow("opening", path)
    }

    deinit {
        system_close(descriptor)
    }

    /// Appends `bytes` with one write.
    package func append(_ bytes: [UInt8]) throws(PlatformError) {
        var offset = 0
        while offset < bytes.count {
            offset += try bytes.withUnsafeBytes {
                system_write(descriptor, UnsafeRawBufferPointer(rebasing: $0[offset...]))
            }.orThrow("write", path)
        }
    }

    /// Makes every record appended so far durable.
    package func sync() throws(PlatformError) {
        try system_fsync(descriptor).orThrow("fsync", path)
    }

    /// Everything in the journal.
    package func contents() throws(PlatformError) -> [UInt8] {
        try PosixFileSystem().readFile(path)
    }

    /// Replaces the content with `bytes` (usually nothing, once every record is settled).
    package func replace(with bytes: [UInt8]) throws(PlatformError) {
        try system_ftruncate(descriptor, 0).orThrow("truncate", path)
        try append(bytes)
        try sync()
    }
}
