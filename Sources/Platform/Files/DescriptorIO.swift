import SystemPackage

/// Whole-buffer reads and writes on descriptors, retrying short transfers.
internal enum DescriptorIO {
    /// Reads until `buffer` is full or the end of the file; returns how many bytes were read.
    /// - Throws: `PlatformError` for a failed read of `path`.
    static func fill(
        _ fd: Int32,
        _ buffer: UnsafeMutableRawBufferPointer,
        _ path: FilePath
    ) throws(PlatformError)
        -> Int
    {
        var count = 0
        while count < buffer.count {
            let got = try system_read(fd, into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
                .orThrow("read", path)
            if got == 0 { break }
            count += got
        }
        return count
    }

    /// Writes all of `buffer`.
    /// - Throws: `PlatformError` for a failed write of `path` (e.g. `noSpace`).
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ path: FilePath) throws(PlatformError) {
        var offset = 0
        while offset < buffer.count {
            offset += try system_write(fd, UnsafeRawBufferPointer(rebasing: buffer[offset...])).orThrow("write", path)
        }
    }
}
