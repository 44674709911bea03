import SystemPackage

/// Compresses files without forking a compressor: gzip with libdeflate on all cores, zstd with libzstd.
///
/// The source is opened with `O_NOFOLLOW|O_NONBLOCK` (a FIFO cannot hang us) and must be a regular file. The target
/// is created with `O_EXCL|O_NOFOLLOW` at `0600 & permissions`, then gets its owner and group (when given) and its
/// mode; after the data it gets the source's access and modification times (nanoseconds), and is fsync'd last so
/// the times are durable too. On failure the partial target is removed. The source is never modified.
///
/// Equivalent logrotate code: `compressLogFile` (which forks `compresscmd` instead).
public struct InProcessCompressor: Compressor {
    /// Bytes per gzip member; `nil` sizes members from the file (see `ParallelGzipEncoder.chunkSize`).
    var gzipChunkSize: Int?

    public init() {}

    /// Compresses `source` into the new file `target`.
    /// - Throws: `PlatformError`: `alreadyExists` when `target` exists, `notSupported` when `source` is not a regular
    ///   file (or is a symlink), and the read, write or fsync error otherwise.
    public func compress(
        _ source: FilePath,
        to target: FilePath,
        format: CompressionFormat,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) {
        let input = try openSource(source)
        defer { system_close(input) }
        let status = FileStatus(try system_fstat(input).orThrow("stat", source))
        guard status.kind == .regular else { throw .notRegularFile(source) }
        let output = try PosixFileSystem().openNew(target, permissions: permissions, owner: owner, group: group)
        do {
            try encode(format, from: input, to: output, size: status.size, source: source, target: target)
            try system_futimens(output, access: status.accessTime, modification: status.modificationTime)
                .orThrow("setting times", target)
            try system_fsync(output).orThrow("fsync", target)
            system_close(output)
        } catch {
            system_close(output)
            _ = system_unlink(target)
            throw error
        }
    }

    private func openSource(_ source: FilePath) throws(PlatformError) -> Int32 {
        switch system_open(source, OpenFlags.readOnly | OpenFlags.noFollow | OpenFlags.nonBlocking) {
        case .success(let fd): return fd
        case .failure(.tooManySymbolicLinkLevels): throw .notRegularFile(source)
        case .failure(let errno): throw .syscall("open", source, errno)
        }
    }

    private func encode(
        _ format: CompressionFormat,
        from input: Int32,
        to output: Int32,
        size: UInt64,
        source: FilePath,
        target: FilePath
    ) throws(PlatformError) {
        switch format {
        case .gzip(let level):
            var encoder = ParallelGzipEncoder(level: Int32(clamping: min(max(level, 0), 12)))
            encoder.chunkSize =
                gzipChunkSize ?? ParallelGzipEncoder.chunkSize(forFileSize: size, workers: encoder.workers)
            try encoder.encode(from: input, to: output, source: source, target: target)
        case .zstd(let level):
            let encoder = ZstdEncoder(level: Int32(clamping: level))
            try encoder.encode(from: input, to: output, size: size, source: source, target: target)
        }
    }
}
