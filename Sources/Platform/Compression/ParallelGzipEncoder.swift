import CDeflate
import Dispatch
import SystemPackage

/// Writes gzip with libdeflate on all cores: the input is cut into chunks, each compressed in parallel into a
/// complete gzip member, and the members are written in order (RFC 1952 allows several members; `gunzip` and
/// `zcat` output their concatenation).
///
/// Memory stays bounded: the calling thread reads the next chunk only when fewer chunks than workers are in flight,
/// and finished members are written in order while the workers compress. A chunk whose member was written takes
/// the next input: one file allocates at most `workers` chunks' buffers, whatever its size, and frees them at the
/// end (fresh buffers per member cost a page fault per page touched, about 4 % of the CPU of 1 MiB logs). An empty
/// input still gets one (empty) member.
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
        var written: GzipChunk?
        var reachedEnd = false
        var dealt = 0
        while !reachedEnd {
            while pending.count >= workers {
                written = pending.removeFirst()
                try written?.write(to: output, target)
            }
            let chunk = written.take() ?? GzipChunk(capacity: chunkSize)
            chunk.inputCount = try DescriptorIO.fill(input, chunk.input, source)
            reachedEnd = chunk.inputCount < chunkSize
            if chunk.inputCount == 0 && !pending.isEmpty { break }
            let level = level
            Self.workQueues[dealt % Self.workQueues.count].async {
                let compressor = DeflateCompressorPool.shared.take(level: level)
                chunk.compress(with: compressor.pointer)
                DeflateCompressorPool.shared.giveBack(compressor)
            }
            dealt += 1
            pending.append(chunk)
        }
        for chunk in pending {
            try chunk.write(to: output, target)
        }
    }
}

/// A chunk of input and, once a worker is done, its gzip member; reused for the next chunk once its member is
/// written. Both buffers are mapped memory: freed, they leave the process at once.
private final class GzipChunk: @unchecked Sendable {
    // Safety: `inputCount` and the input bytes are written before the chunk is handed to a worker; the output and
    // `outputCount` are written by that worker before it signals `done`, and read only after waiting on it; the
    // chunk is handed out again only after that wait.
    let input: UnsafeMutableRawBufferPointer
    var inputCount = 0
    private var output = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    private var outputCount = 0
    private let done = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        input = MappedMemory.allocate(byteCount: capacity)
    }

    deinit {
        MappedMemory.deallocate(input)
        MappedMemory.deallocate(output)
    }

    /// Compresses the input into one gzip member (on a worker thread).
    func compress(with compressor: OpaquePointer) {
        let bound = libdeflate_gzip_compress_bound(compressor, inputCount)
        if output.count < bound {
            MappedMemory.deallocate(output)
            output = MappedMemory.allocate(byteCount: bound)
        }
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
