import CDeflate
import Dispatch
import SystemPackage

/// Writes gzip with libdeflate on all cores: the input is cut into chunks, each compressed in parallel into a
/// complete gzip member, and the members are written in order (RFC 1952 allows several members; `gunzip` and
/// `zcat` output their concatenation).
///
/// Memory stays bounded: the calling thread reads a chunk only when fewer than two chunks per worker are in flight,
/// and it writes finished members in order while the workers compress. An empty input still gets one (empty) member.
internal struct ParallelGzipEncoder {
    /// The libdeflate level, 0…12 (1…9 match gzip's levels closely).
    var level: Int32
    /// Bytes per gzip member; restarting deflate's 32 KiB window every few MiB costs a negligible share of the ratio.
    var chunkSize = 4 << 20
    /// Chunks compressed at the same time.
    var workers = system_onlineProcessorCount()

    /// Compresses everything readable from `input` into `output`.
    /// - Throws: `PlatformError` for a failed read of `source` or write of `target`.
    func encode(from input: Int32, to output: Int32, source: FilePath, target: FilePath) throws(PlatformError) {
        var pending: [GzipChunk] = []
        var reachedEnd = false
        while !reachedEnd {
            while pending.count >= 2 * workers {
                try pending.removeFirst().write(to: output, target)
            }
            let chunk = GzipChunk(capacity: chunkSize)
            chunk.inputCount = try DescriptorIO.fill(input, chunk.input, source)
            reachedEnd = chunk.inputCount < chunkSize
            if chunk.inputCount == 0 && !pending.isEmpty { break }
            let level = level
            DispatchQueue.global().async { chunk.compress(level: level) }
            pending.append(chunk)
        }
        for chunk in pending {
            try chunk.write(to: output, target)
        }
    }
}

/// One chunk of input and, once a worker is done, its gzip member.
private final class GzipChunk: @unchecked Sendable {
    // Safety: `input` and `inputCount` are written before the chunk is handed to a worker; `output` and
    // `outputCount` are written by that worker before it signals `done`, and read only after waiting on it.
    let input: UnsafeMutableRawBufferPointer
    var inputCount = 0
    private var output = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    private var outputCount = 0
    private let done = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        input = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        input.deallocate()
        output.deallocate()
    }

    /// Compresses the input into one gzip member (on a worker thread).
    func compress(level: Int32) {
        guard let compressor = libdeflate_alloc_compressor(level) else {
            preconditionFailure("libdeflate_alloc_compressor(\(level)) failed: out of memory")
        }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_gzip_compress_bound(compressor, inputCount)
        output = .allocate(byteCount: bound, alignment: 16)
        outputCount = libdeflate_gzip_compress(compressor, input.baseAddress, inputCount, output.baseAddress, bound)
        precondition(outputCount > 0, "libdeflate_gzip_compress overflowed its own bound")
        done.signal()
    }

    /// Waits for the worker, then writes the member.
    func write(to fd: Int32, _ path: FilePath) throws(PlatformError) {
        done.wait()
        try DescriptorIO.writeAll(fd, UnsafeRawBufferPointer(rebasing: output[0..<outputCount]), path)
    }
}
