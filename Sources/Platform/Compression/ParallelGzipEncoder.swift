import CDeflate
import Dispatch
import SystemPackage

/// Writes gzip with libdeflate on all cores: the input is cut into chunks, each compressed in parallel into a
/// complete gzip member, and the members are written in order (RFC 1952 allows several members; `gunzip` and
/// `zcat` output their concatenation).
///
/// Memory stays bounded: the calling thread reads the next chunk only when fewer chunks than workers are in flight,
/// a chunk's input is freed as soon as it is compressed, and finished members are written in order while the
/// workers compress. An empty input still gets one (empty) member.
internal struct ParallelGzipEncoder {
    /// The libdeflate level, 0…12 (1…9 match gzip's levels closely).
    var level: Int32
    /// Bytes per gzip member.
    var chunkSize = ParallelGzipEncoder.largestChunk
    /// Chunks compressed at the same time.
    var workers = onlineProcessorCount()

    /// Measured on generated logs at level 6: 1 MiB members come out 0.7 % smaller than `gzip -6`, 512 KiB members
    /// 0.5 % larger (deflate's 32 KiB window restarts with each member), 256 KiB members 2.9 % larger.
    static let largestChunk = 1 << 20

    /// One serial queue per worker, chunks dealt round-robin. Not `DispatchQueue.global()` nor a concurrent queue:
    /// on Linux those share the global pool, as wide as the machine has cores, and the caller (often a Swift
    /// concurrency thread of that same pool) blocks while it waits for members, so one core would stay idle
    /// (measured: 99 % CPU on 2 cores). Serial queues target the overcommit pool and always get a thread.
    private static let workQueues = (0..<onlineProcessorCount()).map {
        DispatchQueue(label: "logrotated.gzip.\($0)")
    }
    /// Each work queue's compressor, allocated on first use and kept: one allocated per chunk landed in the malloc
    /// arena of whichever pool thread ran the queue at the time, so with a third thread around (the executor's
    /// background queue) three arenas each kept a compressor's worth of memory. Element `i` is touched only on work
    /// queue `i` (a fixed buffer, not an array: no shared copy-on-write storage between the queues).
    nonisolated(unsafe) private static let compressors = {
        let slots = UnsafeMutablePointer<(level: Int32, pointer: OpaquePointer)?>.allocate(capacity: workQueues.count)
        slots.initialize(repeating: nil, count: workQueues.count)
        return slots
    }()
    static let smallestChunk = 512 << 10

    /// Members small enough that a file of `size` bytes keeps every worker busy, but never below the size at which
    /// the output would grow past 1 % over `gzip -6`.
    static func chunkSize(forFileSize size: UInt64, workers: Int) -> Int {
        let share = Int(clamping: size) / max(workers, 1) + 1
        return min(max(share, smallestChunk), largestChunk)
    }

    /// Compresses everything readable from `input` into `output`.
    /// - Throws: `PlatformError` for a failed read of `source` or write of `target`.
    func encode(from input: Int32, to output: Int32, source: FilePath, target: FilePath) throws(PlatformError) {
        var pending: [GzipChunk] = []
        var reachedEnd = false
        var dealt = 0
        while !reachedEnd {
            while pending.count >= workers {
                try pending.removeFirst().write(to: output, target)
            }
            let chunk = GzipChunk(capacity: chunkSize)
            chunk.inputCount = try DescriptorIO.fill(input, chunk.input, source)
            reachedEnd = chunk.inputCount < chunkSize
            if chunk.inputCount == 0 && !pending.isEmpty { break }
            let (level, index) = (level, dealt % Self.workQueues.count)
            Self.workQueues[index].async { chunk.compress(with: Self.compressor(index, level: level)) }
            dealt += 1
            pending.append(chunk)
        }
        for chunk in pending {
            try chunk.write(to: output, target)
        }
    }

    /// The compressor of work queue `index` at `level` (called on that queue only).
    private static func compressor(_ index: Int, level: Int32) -> OpaquePointer {
        if let existing = compressors[index], existing.level == level {
            return existing.pointer
        }
        libdeflate_free_compressor(compressors[index]?.pointer)
        guard let compressor = libdeflate_alloc_compressor(level) else {
            preconditionFailure("libdeflate_alloc_compressor(\(level)) failed: out of memory")
        }
        compressors[index] = (level, compressor)
        return compressor
    }
}

/// One chunk of input and, once a worker is done, its gzip member.
private final class GzipChunk: @unchecked Sendable {
    // Safety: `input` and `inputCount` are written before the chunk is handed to a worker; `output` and
    // `outputCount` are written by that worker before it signals `done`, and read only after waiting on it.
    private(set) var input: UnsafeMutableRawBufferPointer
    var inputCount = 0
    private var output = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    private var outputCount = 0
    private let done = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        input = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        input.deallocate()
        MappedMemory.deallocate(output)
    }

    /// Compresses the input into one gzip member (on a worker thread).
    func compress(with compressor: OpaquePointer) {
        let bound = libdeflate_gzip_compress_bound(compressor, inputCount)
        output = MappedMemory.allocate(byteCount: bound)
        outputCount = libdeflate_gzip_compress(compressor, input.baseAddress, inputCount, output.baseAddress, bound)
        precondition(outputCount > 0, "libdeflate_gzip_compress overflowed its own bound")
        input.deallocate()
        input = UnsafeMutableRawBufferPointer(start: nil, count: 0)
        done.signal()
    }

    /// Waits for the worker, then writes the member.
    func write(to fd: Int32, _ path: FilePath) throws(PlatformError) {
        done.wait()
        try DescriptorIO.writeAll(fd, UnsafeRawBufferPointer(rebasing: output[0..<outputCount]), path)
    }
}
