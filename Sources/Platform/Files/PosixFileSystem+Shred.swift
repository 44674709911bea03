import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

extension PosixFileSystem {
    /// Overwrites the file through one descriptor: what `shred -n PASSES -` does on logrotate's descriptor, without
    /// a child process and without ever naming the path to another program.
    ///
    /// Equivalent logrotate code: `logrotate.c shred_file` (the `open_logfile` descriptor given to `shred`).
    package func shred(_ path: FilePath, passes: Int, allowHardLinks: Bool) throws(PlatformError) {
        let (fd, status) = try RegularFile.open(path, OpenFlags.writeOnly)
        defer { system_close(fd) }
        guard status.linkCount == 1 || allowHardLinks else { throw .multipleLinks(path, count: status.linkCount) }
        var noise = [UInt8](repeating: 0, count: 65_536)
        for _ in 0..<max(passes, 1) {
            try noise.withUnsafeMutableBytes { system_getrandom($0) }.orThrow("getrandom", path)
            try overwrite(fd, size: status.size, with: noise, path)
            try system_fsync(fd).orThrow("fsync", path)
        }
    }

    /// Writes `noise` repeatedly over the first `size` bytes of `fd`.
    private func overwrite(_ fd: Int32, size: UInt64, with noise: [UInt8], _ path: FilePath) throws(PlatformError) {
        var offset: UInt64 = 0
        while offset < size {
            let count = Int(min(UInt64(noise.count), size - offset))
            let written = try noise.withUnsafeBytes {
                system_pwrite(fd, UnsafeRawBufferPointer(rebasing: $0[..<count]), at: Int64(offset))
            }.orThrow("write", path)
            offset += UInt64(written)
        }
    }
}
