/// Which file an inode is: the device and inode numbers that `stat` reports, whatever its name is now.
public struct FileIdentity: Hashable, Sendable, CustomStringConvertible {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    public var description: String { "\(device):\(inode)" }
}

extension FileStatus {
    /// The device and inode of the file this status describes.
    public var identity: FileIdentity { FileIdentity(device: device, inode: inode) }
}
