import SystemPackage

/// Which file system holds a file, and whether `LosslessTruncation` can collapse there (`FALLOC_FL_COLLAPSE_RANGE`:
/// ext4 and xfs).
package enum CollapseSupport {
    /// The file system's name and whether it supports collapse; `nil` when `path` can't be examined.
    package static func fileSystem(of path: FilePath) -> (name: String, collapses: Bool)? {
        guard case .success(let magic) = system_fileSystemMagic(path) else { return nil }
        let known: [UInt64: (String, Bool)] = [
            0xEF53: ("ext4", true), 0x5846_5342: ("xfs", true), 0x0102_1994: ("tmpfs", false),
            0x9123_683E: ("btrfs", false), 0x6969: ("nfs", false), 0x794C_7630: ("overlayfs", false),
            0x2FC1_2FC1: ("zfs", false), 0x6573_5546: ("fuse", false),
        ]
        guard let (name, collapses) = known[magic] else { return ("0x" + String(magic, radix: 16), false) }
        return (name, collapses)
    }
}
