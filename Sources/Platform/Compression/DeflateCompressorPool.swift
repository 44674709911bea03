import CDeflate
import Synchronization

/// A libdeflate compressor at one level. Used by one thread at a time: whoever took it from the pool.
struct DeflateCompressor: @unchecked Sendable {
    // Safety: libdeflate compressors have no thread affinity; the pool hands each to one taker at a time.
    let level: Int32
    let pointer: OpaquePointer
}

/// The libdeflate compressors not in use, by level: a worker takes one for a member and gives it back after, so
/// a run allocates about one per worker thread once, not one per member.
///
/// Allocating one per member put each in the malloc arena of whichever thread ran the work at the time, so with a
/// third thread around (the executor's background queue) three arenas each kept a compressor's worth of memory.
/// At most `capacity` compressors are kept idle (one per worker), whatever levels were asked for: giving one back
/// to a full pool frees a compressor of another level first, else the one given back.
final class DeflateCompressorPool: Sendable {
    /// The pool every encoder shares, sized for one compressor per core.
    static let shared = DeflateCompressorPool(capacity: onlineProcessorCount())

    private let capacity: Int
    private let idle = Mutex<[Int32: [DeflateCompressor]]>([:])

    /// A pool keeping at most `capacity` idle compressors.
    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    deinit {
        for compressor in idle.withLock({ $0.values.joined() }) {
            libdeflate_free_compressor(compressor.pointer)
        }
    }

    /// An idle compressor at `level`, or a new one; give it back with `giveBack` when done.
    func take(level: Int32) -> DeflateCompressor {
        if let reused = idle.withLock({ $0[level]?.popLast() }) { return reused }
        guard let pointer = libdeflate_alloc_compressor(level) else {
            preconditionFailure("libdeflate_alloc_compressor(\(level)) failed: out of memory")
        }
        return DeflateCompressor(level: level, pointer: pointer)
    }

    /// Returns a compressor from `take` to the pool, or frees one when the pool is full.
    func giveBack(_ compressor: DeflateCompressor) {
        let surplus = idle.withLock { idle -> DeflateCompressor? in
            idle[compressor.level, default: []].append(compressor)
            guard idle.values.reduce(0, { $0 + $1.count }) > capacity else { return nil }
            let level = idle.first { $0.key != compressor.level && !$0.value.isEmpty }?.key ?? compressor.level
            return idle[level]?.popLast()
        }
        if let surplus { libdeflate_free_compressor(surplus.pointer) }
    }

    /// How many compressors are idle (for tests).
    var idleCount: Int {
        idle.withLock { $0.values.reduce(0) { $0 + $1.count } }
    }
}
