import SystemPackage

/// A file whose size is watched, and the size at which it needs rotating (`size`, `maxsize`).
public struct SizeWatch: Hashable, Sendable {
    /// The log file; it need not exist yet.
    public var path: FilePath
    /// The size in bytes that triggers an event once the file reaches it.
    public var limit: UInt64

    /// A watch of `path` for sizes of at least `limit` bytes.
    public init(path: FilePath, limit: UInt64) {
        self.path = path
        self.limit = limit
    }
}

/// A watched file has reached its limit.
public struct SizeEvent: Hashable, Sendable {
    /// The file, as given in its `SizeWatch`.
    public var path: FilePath
    /// Its size when it was seen past the limit.
    public var size: UInt64
    /// The limit it passed.
    public var limit: UInt64

    /// An event for `path`, seen at `size` bytes against `limit`.
    public init(path: FilePath, size: UInt64, limit: UInt64) {
        self.path = path
        self.size = size
        self.limit = limit
    }
}
