import SystemPackage

extension LosslessTruncation {
    /// Cuts the archive (which holds `copied` bytes) to an aligned prefix, makes it durable, then collapses that prefix
    /// out of the live file. A refusal of the file system is `.refused` and leaves the archive holding the prefix.
    internal static func collapse(
        _ files: OpenPair,
        copied: UInt64,
        options: Options
    ) throws(PlatformError) -> CollapseResult {
        let blockSize = try system_blockSize(files.live).orThrow("stat", files.livePath)
        guard blockSize > 0, copied > blockSize else {
            return .refused(.smallerThanBlock(size: copied, blockSize: blockSize))
        }
        let end = try collapseEnd(files, copied: copied, blockSize: blockSize, options: options)
        try system_ftruncate(files.archive, Int64(end)).orThrow("truncate", files.archivePath)
        try files.nameArchive()
        switch system_collapseRange(files.live, offset: 0, length: Int64(end)) {
        case .success: return .collapsed(end)
        case .failure(let errno): return .refused(.collapseFailed(errno))
        }
    }

    /// The largest multiple of `blockSize` below `copied` that ends a line, searching back `lineSearchLimit` bytes;
    /// the largest multiple of `blockSize` below `copied` when none does.
    private static func collapseEnd(
        _ files: OpenPair,
        copied: UInt64,
        blockSize: UInt64,
        options: Options
    ) throws(PlatformError) -> UInt64 {
        let largest = (copied - 1) / blockSize * blockSize
        var candidate = largest
        while candidate > 0 && largest - candidate <= options.lineSearchLimit {
            let byte = try system_readByte(files.live, at: Int64(candidate - 1)).orThrow("read", files.livePath)
            if byte == UInt8(ascii: "\n") { return candidate }
            candidate -= blockSize
        }
        return largest
    }
}

/// Whether a collapse happened (and of how many bytes) or why not.
internal enum CollapseResult {
    case collapsed(UInt64)
    case refused(LosslessTruncation.FallbackReason)
}
