import SystemPackage

/// Compresses files without forking a compressor: gzip with libdeflate on all cores, zstd with libzstd.
///
/// The source is opened with `O_NOFOLLOW|O_NONBLOCK` (a FIFO cannot hang us) and must be a regular file. The target
/// is created with `O_EXCL|O_NOFOLLOW` at `0600 & permissions`, then gets its owner and group (when given) and its
/// mode; after the data it gets the source's access and modification times (nanoseconds), and is fsync'd last so
/// the times are durable too. On failure the partial target is removed. The source is never modified.
///
/// `start` writes all the data; what is left for `finish` (the times, the fsync, closing) waits on the disk rather
/// than on a core, so a caller finishing on another thread compresses the next file meanwhile.
///
/// Equivalent logrotate code: `compressLogFile` (which forks `compresscmd` instead).
package struct InProcessCompressor: Compressor {
    /// Bytes per gzip member; `nil` sizes members from the file (see `ParallelGzipEncoder.chunkSize`).
    var gzipChunkSize: Int?

    package init() {}

    /// Compresses `source` into the new file `target`.
    /// - Throws: `PlatformError`: `alreadyExists` when `target` exists, `notSupported` when `source` is not a regular
    ///   file (or is a symlink), and the read, write or fsync error otherwise.
    package func compress(
        _ source: FilePath,
        to target: FilePath,
        format: CompressionFormat,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) {
        try start(source, to: target, format: format, permissions: permissions, owner: owner, group: group).finish()
    }

    /// Writes the compressed data into the new file `target`; `finish()` gives it the source's times and syncs it.
    /// - Throws: as `compress`, for what can go wrong up to the last byte written.
    package func start(
        _ source: FilePath,
        to target: FilePath,
        format: CompressionFormat,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) -> any CompressionInProgress {
        let (input, status) = try RegularFile.open(source, OpenFlags.readOnly)
        defer { system_close(input) }
        let output = try PendingFile.create(for: target, permissions: permissions, owner: owner, group: group)
        let written = WrittenCompression(output: output, times: status)
        do {
            try AccessControlList.copy(from: input, to: output.descriptor, source: source, target: target)
            try encode(format, from: input, to: output.descriptor, size: status.size, source: source, target: target)
        } catch {
            written.discard()
            throw error
        }
        return written
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

/// A compressed file whose data is written, still unnamed: `finish` sets the source's times, syncs it and gives it
/// its name.
private struct WrittenCompression: CompressionInProgress {
    let output: PendingFile
    /// The source's status when it was opened: its times go to the target.
    let times: FileStatus

    func finish() throws(PlatformError) {
        do {
            try system_futimens(output.descriptor, access: times.accessTime, modification: times.modificationTime)
                .orThrow("setting times", output.target)
        } catch {
            discard()
            throw error
        }
        try output.publish()
    }

    /// Forgets the partial data.
    func discard() {
        output.discard()
    }
}
