import SystemPackage

/// What standard input delivered, cut at line ends: the writer takes only complete lines, so a file switch (a
/// rotation) never splits a line; the partial last line waits for its end in the next read.
///
/// The buffer's capacity is the longest line kept whole: a line that fills it without an end is handed over as is.
/// Reads go straight into the buffer and complete lines are written straight from it: no copy but the move of the
/// partial tail (shorter than a line) to the front.
package final class LineBuffer {
    private let storage: UnsafeMutableRawBufferPointer
    /// Bytes held: `[0, filled)`.
    private var filled = 0
    /// The end of the complete lines among them: `[0, complete)` ends with a newline (or fills the buffer).
    private var complete = 0

    /// A buffer whose capacity, `lineLimit` bytes (at least 2), is the longest line kept whole.
    package init(lineLimit: Int) {
        precondition(lineLimit >= 2, "a line limit below 2 bytes")
        storage = .allocate(byteCount: lineLimit, alignment: 16)
    }

    deinit { storage.deallocate() }

    /// The complete lines held (they end with a newline), or every byte held when no line end fits in the buffer.
    package var lines: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: storage[0..<complete]) }

    /// Whether a partial line is held (after `drop`): bytes without their line end yet.
    package var hasPartialLine: Bool { filled > complete }

    /// Reads once from `descriptor` into the free space; returns the byte count, 0 at the end of the input.
    /// - Throws: the `Errno` of `read` (never `EINTR`, which is retried).
    package func read(from descriptor: FileDescriptor) throws(Errno) -> Int {
        let free = UnsafeMutableRawBufferPointer(rebasing: storage[filled...])
        let count: Int
        do {
            count = try descriptor.read(into: free)
        } catch let error as Errno {
            throw error
        } catch {
            throw .ioError
        }
        append(count)
        return count
    }

    /// Takes `count` bytes just written into the free space into account (for tests and `read`).
    package func append(_ count: Int) {
        let start = filled
        filled += count
        var index = filled
        while index > start {
            index -= 1
            if storage[index] == UInt8(ascii: "\n") {
                complete = index + 1
                return
            }
        }
        if filled == storage.count { complete = filled }
    }

    /// The free space, for a test writing into it before `append`.
    package var freeSpace: UnsafeMutableRawBufferPointer { UnsafeMutableRawBufferPointer(rebasing: storage[filled...]) }

    /// Drops the complete lines (once written), moving the partial line to the front.
    package func drop() {
        let tail = filled - complete
        if tail > 0 && complete > 0 {
            storage.baseAddress!.copyMemory(from: storage.baseAddress! + complete, byteCount: tail)
        }
        (filled, complete) = (tail, 0)
    }

    /// Counts every byte held as complete, the partial line too: at the end of the input, or when stopping.
    package func flushPartialLine() {
        complete = filled
    }
}
