import CShims
import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// Copies file contents between descriptors, keeping holes (sparse files stay sparse), as logrotate's
/// `sparse_copy` does, and using `copy_file_range` for the data extents.
internal enum FileCopier {
    /// Copies everything from `input` (from its start) to `output`; returns the number of bytes of the source.
    static func copy(
        from input: Int32,
        to output: Int32,
        source: FilePath,
        target: FilePath
    ) throws(PlatformError)
        -> UInt64
    {
        let size = UInt64(max(0, try system_fstat(input).orThrow("stat", source).st_size))
        var offset: Int64 = 0
        while UInt64(offset) < size {
            guard let dataStart = try seek(input, offset, cshims_seek_data(), source), UInt64(dataStart) < size else {
                break
            }
            let holeStart = try seek(input, dataStart, cshims_seek_hole(), source) ?? Int64(size)
            _ = try system_lseek(input, dataStart, SEEK_SET).orThrow("seek", source)
            _ = try system_lseek(output, dataStart, SEEK_SET).orThrow("seek", target)
            try copyRange(input, output, length: UInt64(holeStart - dataStart), source: source, target: target)
            offset = holeStart
        }
        // Extend to the full size so a trailing hole is kept.
        try system_ftruncate(output, Int64(size)).orThrow("truncate", target)
        return size
    }

    /// `lseek` with cshims_seek_data()/cshims_seek_hole(); `nil` when there is no more data (ENXIO).
    private static func seek(
        _ fd: Int32,
        _ offset: Int64,
        _ whence: Int32,
        _ path: FilePath
    ) throws(PlatformError)
        -> Int64?
    {
        switch system_lseek(fd, offset, whence) {
        case .success(let position): return position
        case .failure(.noSuchAddressOrDevice): return nil
        case .failure(let errno): throw .syscall("seek", path, errno)
        }
    }

    private static func copyRange(
        _ input: Int32,
        _ output: Int32,
        length: UInt64,
        source: FilePath,
        target: FilePath
    ) throws(PlatformError) {
        var remaining = length
        while remaining > 0 {
            switch system_copy_file_range(input, output, remaining) {
            case .success(0):
                return  // the source shrank meanwhile
            case .success(let copied):
                remaining -= UInt64(copied)
            case .failure(.invalidArgument), .failure(.notSupported), .failure(.improperLink):
                try copyWithReadWrite(input, output, length: remaining, source: source, target: target)
                return
            case .failure(let errno):
                throw .syscall("copy", target, errno)
            }
        }
    }

    private static func copyWithReadWrite(
        _ input: Int32,
        _ output: Int32,
        length: UInt64,
        source: FilePath,
        target: FilePath
    ) throws(PlatformError) {
        var remaining = length
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while remaining > 0 {
            let want = Int(min(remaining, UInt64(buffer.count)))
            let got = try buffer.withUnsafeMutableBytes { raw in
                system_read(input, into: UnsafeMutableRawBufferPointer(rebasing: raw[..<want]))
            }.orThrow("read", source)
            if got == 0 { return }
            var written = 0
            while written < got {
                written += try buffer.withUnsafeBytes { raw in
                    system_write(output, UnsafeRawBufferPointer(rebasing: raw[written..<got]))
                }.orThrow("write", target)
            }
            remaining -= UInt64(got)
        }
    }
}
