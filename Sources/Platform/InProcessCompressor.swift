import SystemPackage

/// Compresses files without forking a compressor: gzip with libdeflate on all cores, zstd with libzstd.
///
/// The source is opened with `O_NOFOLLOW|O_NONBLOCK` (a FIFO cannot hang us) and must be a regular file. The target
/// is created with `O_EXCL|O_NOFOLLOW` at `0600 & permissions`, then gets its owner and group (when given) and its
/// mode; after the data it gets the source's access and modification times (nanoseconds), and is fsync'd last so
/// the times are durable too. On failure the partial target is removed. The source is never modified.
///
/// `start` returns once gzip's first chunks are handed to the workers (zstd does all its work in `finish`).
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
        try start(source, to: target, format: format, permissions: permissions, owner: owner, group: group).finish()
    }

    /// Opens both files and starts the encoder; `finish()` completes the target.
    /// - Throws: as `compress`, for what can go wrong before the data is compressed.
    public func start(
        _ source: FilePath,
        to target: FilePath,
        format: CompressionFormat,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) -> any CompressionInProgress {
        let input = try openSource(source)
        let output: Int32
        let status: FileStatus
        do throws(PlatformError) {
            status = FileStatus(try system_fstat(input).orThrow("stat", source))
            guard status.kind == .regular else { throw PlatformError.notRegularFile(source) }
            output = try PosixFileSystem().openNew(target, permissions: permissions, owner: owner, group: group)
        } catch {
            system_close(input)
            throw error
        }
        let compression = InProcessCompression(
            files: CompressionFiles(input: input, output: output, source: source, target: target, status: status),
            encoding: encoding(format, size: status.size, from: input, to: output, source: source, target: target)
        )
        try compression.start()
        return compression
    }

    private func openSource(_ source: FilePath) throws(PlatformError) -> Int32 {
        switch system_open(source, OpenFlags.readOnly | OpenFlags.noFollow | OpenFlags.nonBlocking) {
        case .success(let fd): return fd
        case .failure(.tooManySymbolicLinkLevels): throw .notRegularFile(source)
        case .failure(let errno): throw .syscall("open", source, errno)
        }
    }

    private func encoding(
        _ format: CompressionFormat,
        size: UInt64,
        from input: Int32,
        to output: Int32,
        source: FilePath,
        target: FilePath
    ) -> InProcessCompression.Encoding {
        switch format {
        case .gzip(let level):
            let encoder = ParallelGzipEncoder(
                level: Int32(clamping: min(max(level, 0), 12)),
                chunkSize: gzipChunkSize ?? ParallelGzipEncoder.chunkSize(forFileSize: size),
                from: input,
                to: output,
                source: source,
                target: target
            )
            return .gzip(encoder)
        case .zstd(let level):
            return .zstd(ZstdEncoder(level: Int32(clamping: level)), size: size)
        }
    }
}

/// The open descriptors of one compression and what they name.
private struct CompressionFiles {
    let input: Int32
    let output: Int32
    let source: FilePath
    let target: FilePath
    /// The source's status when it was opened: its times go to the target.
    let status: FileStatus
}

/// One compression between `start` and `finish`: owns both descriptors and closes them once it ends.
private final class InProcessCompression: CompressionInProgress, @unchecked Sendable {
    // Safety: `start` runs before the object is shared, `finish` once afterwards, on one thread at a time.

    enum Encoding {
        case gzip(ParallelGzipEncoder)
        case zstd(ZstdEncoder, size: UInt64)
    }

    private let files: CompressionFiles
    private let encoding: Encoding

    init(files: CompressionFiles, encoding: Encoding) {
        self.files = files
        self.encoding = encoding
    }

    /// Hands out gzip's first chunks; on failure ends the compression.
    func start() throws(PlatformError) {
        guard case .gzip(let encoder) = encoding else { return }
        do {
            try encoder.start()
        } catch {
            fail()
            throw error
        }
    }

    func finish() throws(PlatformError) {
        do {
            switch encoding {
            case .gzip(let encoder): try encoder.finish()
            case .zstd(let encoder, let size):
                try encoder.encode(
                    from: files.input,
                    to: files.output,
                    size: size,
                    source: files.source,
                    target: files.target
                )
            }
            try system_futimens(
                files.output,
                access: files.status.accessTime,
                modification: files.status.modificationTime
            )
            .orThrow("setting times", files.target)
            try system_fsync(files.output).orThrow("fsync", files.target)
        } catch {
            fail()
            throw error
        }
        system_close(files.output)
        system_close(files.input)
    }

    /// Frees the encoder's slots, closes both files and removes the partial target.
    private func fail() {
        if case .gzip(let encoder) = encoding { encoder.abandon() }
        system_close(files.output)
        system_close(files.input)
        _ = system_unlink(files.target)
    }
}
