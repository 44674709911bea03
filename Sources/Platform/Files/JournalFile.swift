import Synchronization
import SystemPackage

/// An append-only file of records, each added with one `write(2)` (`O_APPEND`), so that a killed writer leaves at
/// most its last record cut short: the intent journal of rotations.
///
/// The file is created 0600 and never followed through a symlink. Appends are not synced one by one: a record
/// survives the writer being killed (it is in the page cache), and `sync()` makes those so far durable.
package final class JournalFile: Sendable {
    package let path: FilePath
    /// Open for appending; replaced by `replace(with:)` when it renames a new file over the journal.
    private let descriptor: Mutex<Int32>

    /// Opens (or creates) the journal at `path` for appending.
    package init(path: FilePath) throws(PlatformError) {
        self.path = path
        descriptor = Mutex(try Self.open(path))
    }

    deinit {
        system_close(descriptor.withLock { $0 })
    }

    private static func open(_ path: FilePath) throws(PlatformError) -> Int32 {
        let flags = OpenFlags.writeOnly | OpenFlags.create | OpenFlags.append | OpenFlags.noFollow
        return try system_open(path, flags, 0o600).orThrow("opening", path)
    }

    /// Appends `bytes` with one write.
    package func append(_ bytes: [UInt8]) throws(PlatformError) {
        try descriptor.withLock { descriptor throws(PlatformError) in
            var offset = 0
            while offset < bytes.count {
                offset += try bytes.withUnsafeBytes {
                    system_write(descriptor, UnsafeRawBufferPointer(rebasing: $0[offset...]))
                }.orThrow("write", path)
            }
        }
    }

    /// Makes every record appended so far durable.
    package func sync() throws(PlatformError) {
        try descriptor.withLock { descriptor throws(PlatformError) in
            try system_fsync(descriptor).orThrow("fsync", path)
        }
    }

    /// Everything in the journal.
    package func contents() throws(PlatformError) -> [UInt8] {
        try PosixFileSystem().readFile(path)
    }

    /// Replaces the content with `bytes`: emptied in place when nothing is left (usually, once every record is
    /// settled); else a new file, synced, is renamed over the journal, so that a kill during the replacement leaves the
    /// old records or the new ones, never an empty journal with rotations still unfinished.
    package func replace(with bytes: [UInt8]) throws(PlatformError) {
        guard !bytes.isEmpty else {
            try descriptor.withLock { descriptor throws(PlatformError) in
                try system_ftruncate(descriptor, 0).orThrow("truncate", path)
                try system_fsync(descriptor).orThrow("fsync", path)
            }
            return
        }
        try PosixFileSystem().writeFileAtomically(path, contents: bytes, permissions: 0o600)
        let reopened = try Self.open(path)
        descriptor.withLock { current in
            system_close(current)
            current = reopened
        }
    }
}
