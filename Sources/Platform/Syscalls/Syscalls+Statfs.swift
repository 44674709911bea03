import CShims
import SystemPackage

/// statfs(2)'s `f_type`: the magic number of the file system holding `path`.
internal func system_fileSystemMagic(_ path: FilePath) -> Result<UInt64, Errno> {
    valueOrErrno { path.withPlatformString { cshims_fs_magic($0) } }.map { UInt64($0) }
}
