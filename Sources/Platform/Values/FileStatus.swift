import SystemPackage

/// What `lstat`/`stat` tells about a path, reduced to what rotation needs.
package struct FileStatus: Equatable, Hashable, Sendable {
    /// The kind of file at a path.
    package enum Kind: Equatable, Hashable, Sendable {
        case regular
        case directory
        case symlink
        case other
    }

    package var kind: Kind
    package var size: UInt64
    /// Permission bits including set-id and sticky (`st_mode & 0o7777`).
    package var permissions: UInt32
    package var owner: UInt32
    package var group: UInt32
    package var linkCount: UInt64
    package var device: UInt64
    package var inode: UInt64
    package var accessTime: Timestamp
    package var modificationTime: Timestamp

    package init(
        kind: Kind,
        size: UInt64 = 0,
        permissions: UInt32 = 0o644,
        owner: UInt32 = 0,
        group: UInt32 = 0,
        linkCount: UInt64 = 1,
        device: UInt64 = 1,
        inode: UInt64 = 0,
        accessTime: Timestamp = .init(seconds: 0),
        modificationTime: Timestamp = .init(seconds: 0)
    ) {
        self.kind = kind
        self.size = size
        self.permissions = permissions
        self.owner = owner
        self.group = group
        self.linkCount = linkCount
        self.device = device
        self.inode = inode
        self.accessTime = accessTime
        self.modificationTime = modificationTime
    }
}

/// A point in time as seconds and nanoseconds since the Unix epoch (what `struct timespec` holds).
package struct Timestamp: Equatable, Hashable, Comparable, Sendable {
    package var seconds: Int64
    package var nanoseconds: Int64

    package init(seconds: Int64, nanoseconds: Int64 = 0) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
}
