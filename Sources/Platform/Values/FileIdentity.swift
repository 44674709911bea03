/// Which file an inode is: the device and inode numbers that `stat` reports, whatever its name is now.
package struct FileIdentity: Hashable, Sendable, CustomStringConvertible {
    package var device: UInt64
    package var inode: UInt64

    package init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    package var description: String { "\(device):\(inode)" }
}

extension FileStatus {
    /// The device and inode of the file this status describes.
    package var identity: FileIdentity { FileIdentity(device: device, inode: inode) }
}
