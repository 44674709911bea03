import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

extension LosslessTruncation {
    /// Appends to the archive what the live file has beyond it, round after round until a round is small, makes the
    /// archive durable, appends once more and truncates the live file at once. Returns the archive's size and the time
    /// from the last read that reached the end to the truncate.
    internal static func catchUpAndTruncate(
        _ files: OpenPair,
        options: Options
    ) throws(PlatformError) -> (copied: UInt64, window: Duration) {
        var total = UInt64(max(0, try system_fstat(files.archive).orThrow("stat", files.archivePath).st_size))
        for _ in 0..<max(1, options.maximumCatchUpRounds) {
            let appended = try appendRest(files, from: total)
            total += appended
            if appended <= options.catchUpThreshold { break }
        }
        try files.nameArchive()
        total += try appendRest(files, from: total)
        let reachedEnd = ContinuousClock.now
        try system_ftruncate(files.live, 0).orThrow("truncate", files.livePath)
        let window = ContinuousClock.now - reachedEnd
        // Past the point of no return: the archive is the only copy now, so a late fsync error must not remove it.
        _ = system_fsync(files.archive)
        return (total, window)
    }

    /// Copies the live file from `offset` to its current end onto the archive at `offset`; returns the bytes copied.
    private static func appendRest(_ files: OpenPair, from offset: UInt64) throws(PlatformError) -> UInt64 {
        _ = try system_lseek(files.live, Int64(offset), SEEK_SET).orThrow("seek", files.livePath)
        _ = try system_lseek(files.archive, Int64(offset), SEEK_SET).orThrow("seek", files.archivePath)
        var copied: UInt64 = 0
        while true {
            switch system_copy_file_range(files.live, files.archive, 1 << 30) {
            case .success(0):
                return copied
            case .success(let count):
                copied += UInt64(count)
            case .failure(.invalidArgument), .failure(.notSupported), .failure(.improperLink):
                return copied + (try readWriteRest(files))
            case .failure(let errno):
                throw .syscall("copy", files.archivePath, errno)
            }
        }
    }

    /// `appendRest` with read and write, where `copy_file_range` can't be used.
    private static func readWriteRest(_ files: OpenPair) throws(PlatformError) -> UInt64 {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var copied: UInt64 = 0
        while true {
            let count = try buffer.withUnsafeMutableBytes { system_read(files.live, into: $0) }
                .orThrow("read", files.livePath)
            if count == 0 { return copied }
            var written = 0
            while written < count {
                written += try buffer.withUnsafeBytes { raw in
                    system_write(files.archive, UnsafeRawBufferPointer(rebasing: raw[written..<count]))
                }.orThrow("write", files.archivePath)
            }
            copied += UInt64(count)
        }
    }
}
