import SystemPackage

/// A file whose size is watched, and the size at which it needs rotating (`size`, `maxsize`).
package struct SizeWatch: Hashable, Sendable {
    /// The log file; it need not exist yet.
    package var path: FilePath
    /// The size in bytes that triggers an event once the file reaches it.
    package var limit: UInt64

    /// A watch of `path` for sizes of at least `limit` bytes.
    package init(path: FilePath, limit: UInt64) {
        self.path = path
        self.limit = limit
    }
}

/// A watched file has reached its limit.
package struct SizeEvent: Hashable, Sendable {
    /// The file, as given in its `SizeWatch`.
    package var path: FilePath
    /// Its size when it was seen past the limit.
    package var size: UInt64
    /// The limit it passed.
    package var limit: UInt64

    /// An event for `path`, seen at `size` bytes against `limit`.
    package init(path: FilePath, size: UInt64, limit: UInt64) {
        self.path = path
        self.size = size
        self.limit = limit
    }
}
