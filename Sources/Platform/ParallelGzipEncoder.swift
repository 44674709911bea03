import CDeflate
import Dispatch
import SystemPackage

/// Writes gzip with libdeflate on all cores: the input is cut into chunks, each compressed in parallel into a
/// complete gzip member, and the members are written in order (RFC 1952 allows several members; `gunzip` and
/// `zcat` output their concatenation).
///
/// Work is split in two so that a caller can go on while a file compresses: `start` reads and hands out the first
/// chunks, `finish` (on the same or another thread) reads the rest and writes every member in order.
///
/// Memory stays bounded: one file has at most `workers` MiB of input in chunks (`workers` chunks of 1 MiB, twice as
/// many of 512 KiB), and the whole process at most `2 × workers` chunks, however many files are being compressed: a
/// chunk holds one of the process's slots from before its input is read until its member is written. Two files
/// compressing at once keep every worker busy while one file's last members are written and the next file is opened.
/// A thread waits for a slot only while it holds none itself, so the holders can always go on and free theirs.
/// An empty input still gets one (empty) member.
internal final class ParallelGzipEncoder: @unchecked Sendable {
    // Safety: one thread at a time uses an encoder: `start`, then `finish` (possibly on another thread, ordered
    // after `start` by the dispatch that moved the work there), then `abandon` on failure.

    /// Bytes per gzip member.
    let chunkSize: Int
    /// Chunks this file may have at once.
    private let maxPending: Int
    private let level: Int32
    private let input: Int32
    private let output: Int32
    private let source: FilePath
    private let target: FilePath
    /// Chunks handed out and not yet written, oldest first.
    private var pending: [GzipChunk] = []
    private var reachedEnd = false
    private var dealt = 0

    /// Measured on generated logs at level 6: 1 MiB members come out 0.7 % smaller than `gzip -6`, 512 KiB members
    /// 0.5 % larger (deflate's 32 KiB window restarts with each member), 256 KiB members 2.9 % larger.
    static let largestChunk = 1 << 20
    static let smallestChunk = 512 << 10
    /// Chunks compressing at the same time.
    static let workers = system_onlineProcessorCount()

    /// One serial queue per worker, chunks dealt round-robin. Not `DispatchQueue.global()` nor a concurrent queue:
    /// on Linux those share the global pool, as wide as the machine has cores, and the caller (often a Swift
    /// concurrency thread of that same pool) blocks while it waits for members, so one core would stay idle
    /// (measured: 99 % CPU on 2 cores). Serial queues target the overcommit pool and always get a thread.
    private static let workQueues = (0..<workers).map { DispatchQueue(label: "logrotated.gzip.\($0)") }
    /// The process-wide chunk slots.
    private static let slots = DispatchSemaphore(value: workers * 2)
    /// Input bytes one file may have in chunks.
    private static let inputBudget = workers * largestChunk
    /// Each work queue's compressor, allocated on first use and kept: allocating one per chunk cost a fresh
    /// megabyte of page faults each time. Touched only on its own queue.
    nonisolated(unsafe) private static var compressors = [(level: Int32, pointer: OpaquePointer)?](
        repeating: nil,
        count: workers
    )

    /// Members small enough that a file of `size` bytes keeps every worker busy, but never below the size at which
    /// the output would grow past 1 % over `gzip -6`.
    static func chunkSize(forFileSize size: UInt64, workers: Int = workers) -> Int {
        let share = Int(clamping: size) / max(workers, 1) + 1
        return min(max(share, smallestChunk), largestChunk)
    }

    /// An encoder from `input` (read to its end) to `output`, at libdeflate `level` (0…12; 1…9 match gzip's).
    init(level: Int32, chunkSize: Int, from input: Int32, to output: Int32, source: FilePath, target: FilePath) {
        self.level = level
        self.chunkSize = chunkSize
        maxPending = max(1, Self.inputBudget / max(chunkSize, 1))
        self.input = input
        self.output = output
        self.source = source
        self.target = target
    }

    /// Reads and hands out chunks while slots are free (at least one chunk, waiting for a slot if need be).
    /// - Throws: `PlatformError` for a failed read of `source`; then call `abandon`.
    func start() throws(PlatformError) {
        while !reachedEnd {
            if pending.isEmpty {
                Self.slots.wait()
            } else if !takeSlot() {
                return
            }
            try readAndDispatch()
        }
    }

    /// Reads the rest of the input as slots free up and writes every member in order.
    /// - Throws: `PlatformError` for a failed read of `source` or write of `target`; then call `abandon`.
    func finish() throws(PlatformError) {
        while true {
            if !reachedEnd, takeSlot() {
                try readAndDispatch()
            } else if !pending.isEmpty {
                try writeOldest()
            } else if reachedEnd {
                return
            } else {
                Self.slots.wait()
                try readAndDispatch()
            }
        }
    }

    /// `start` then `finish` on this thread.
    func encode() throws(PlatformError) {
        try start()
        try finish()
    }

    /// After a failure: waits for the chunks still compressing and frees their slots.
    func abandon() {
        for chunk in pending {
            chunk.waitUntilCompressed()
            Self.slots.signal()
        }
        pending = []
    }

    /// Takes a slot for one more chunk of this file, without waiting.
    private func takeSlot() -> Bool {
        pending.count < maxPending && Self.slots.wait(timeout: .now()) == .success
    }

    /// Reads one chunk into the slot just taken and hands it to a worker (an empty read after other chunks gives
    /// the slot back: the previous member already ends the file).
    private func readAndDispatch() throws(PlatformError) {
        let chunk = GzipChunk(capacity: chunkSize)
        do {
            chunk.inputCount = try DescriptorIO.fill(input, chunk.input, source)
        } catch {
            Self.slots.signal()
            throw error
        }
        reachedEnd = chunk.inputCount < chunkSize
        if chunk.inputCount == 0 && !pending.isEmpty {
            Self.slots.signal()
            return
        }
        let (level, index) = (level, dealt % Self.workQueues.count)
        Self.workQueues[index].async { chunk.compress(with: Self.compressor(index, level: level)) }
        dealt += 1
        pending.append(chunk)
    }

    /// Waits for the oldest chunk, writes its member and frees its slot.
    private func writeOldest() throws(PlatformError) {
        let chunk = pending.removeFirst()
        chunk.waitUntilCompressed()
        defer { Self.slots.signal() }
        try chunk.write(to: output, target)
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
        output.deallocate()
    }

    /// Compresses the input into one gzip member (on a worker thread).
    func compress(with compressor: OpaquePointer) {
        let bound = libdeflate_gzip_compress_bound(compressor, inputCount)
        output = .allocate(byteCount: bound, alignment: 16)
        outputCount = libdeflate_gzip_compress(compressor, input.baseAddress, inputCount, output.baseAddress, bound)
        precondition(outputCount > 0, "libdeflate_gzip_compress overflowed its own bound")
        input.deallocate()
        input = UnsafeMutableRawBufferPointer(start: nil, count: 0)
        done.signal()
    }

    /// Waits for the worker (at most once: the signal is consumed).
    func waitUntilCompressed() {
        done.wait()
    }

    /// Writes the member (after `waitUntilCompressed`).
    func write(to fd: Int32, _ path: FilePath) throws(PlatformError) {
        try DescriptorIO.writeAll(fd, UnsafeRawBufferPointer(rebasing: output[0..<outputCount]), path)
    }
}
