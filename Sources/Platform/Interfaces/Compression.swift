import SystemPackage

/// The formats compressed in-process, without forking a compressor.
package enum CompressionFormat: Equatable, Hashable, Sendable {
    /// gzip (RFC 1952), possibly as several members for parallelism; `gunzip`/`zcat` read it whole.
    case gzip(level: Int)
    case zstd(level: Int)
}

/// Compresses a file into a new file.
package protocol Compressor: Sendable {
    /// Reads `source` (no symlink followed) and writes `target`, created with `O_EXCL` and never wider than
    /// `permissions`, then owner/group (when given), fsync, and the source's access and modification times.
    /// On failure the partial target is removed; the source is never touched.
    func compress(
        _ source: FilePath,
        to target: FilePath,
        format: CompressionFormat,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError)

    /// `compress`, split so that the caller can go on while the compression ends: the target exists when this
    /// returns, and is complete once `finish()` on the result returned. Call `finish()` exactly once, from any
    /// thread (until then the compression holds the target open).
    func start(
        _ source: FilePath,
        to target: FilePath,
        format: CompressionFormat,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) -> any CompressionInProgress
}

/// A compression begun by `Compressor.start`.
package protocol CompressionInProgress: Sendable {
    /// Completes the target as `Compressor.compress` would (data, times, fsync); on failure the partial target is
    /// removed and the source is left alone.
    func finish() throws(PlatformError)
}

extension Compressor {
    /// Compresses entirely before returning.
    package func start(
        _ source: FilePath,
        to target: FilePath,
        format: CompressionFormat,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) -> any CompressionInProgress {
        try compress(source, to: target, format: format, permissions: permissions, owner: owner, group: group)
        return CompletedCompression()
    }
}

/// A compression already complete when `start` returned.
private struct CompletedCompression: CompressionInProgress {
    func finish() {}
}
