import SystemPackage

/// The formats compressed in-process, without forking a compressor.
public enum CompressionFormat: Equatable, Hashable, Sendable {
    /// gzip (RFC 1952), possibly as several members for parallelism; `gunzip`/`zcat` read it whole.
    case gzip(level: Int)
    case zstd(level: Int)
}

/// Compresses a file into a new file.
public protocol Compressor: Sendable {
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
}
