/// File names (bytes) kept in byte order, so that those starting with a prefix are found without looking at the
/// others: a log's archives all start with its base name, and scanning every name of a directory of 100,000 logs for
/// each log made `maxtotalsize`, dateext and `logrotated status` grow with the square of the logs.
///
/// The names sit in sorted chunks of at most `chunkLimit`, so that an insertion or a removal moves at most a chunk,
/// and a copy shares the chunks it does not change.
struct SortedNames {
    private var chunks: [[[UInt8]]] = []

    /// Names per chunk when built; a chunk is split when it holds twice as many.
    static let chunkLimit = 256

    /// The names of `names`, sorted once.
    init(_ names: some Sequence<[UInt8]>) {
        let sorted = names.sorted(by: Self.precedes)
        chunks = stride(from: 0, to: sorted.count, by: Self.chunkLimit).map {
            Array(sorted[$0..<min($0 + Self.chunkLimit, sorted.count)])
        }
    }

    /// The names that start with `prefix`, in byte order.
    func names(startingWith prefix: [UInt8]) -> [[UInt8]] {
        var found: [[UInt8]] = []
        var chunk = firstChunk(notBefore: prefix)
        var index = chunk < chunks.count ? Self.insertionIndex(of: prefix, in: chunks[chunk]) : 0
        while chunk < chunks.count {
            let names = chunks[chunk]
            while index < names.count {
                guard names[index].starts(with: prefix) else { return found }
                found.append(names[index])
                index += 1
            }
            chunk += 1
            index = 0
        }
        return found
    }

    /// Adds `name` (nothing when it is there already).
    mutating func insert(_ name: [UInt8]) {
        guard !chunks.isEmpty else {
            chunks = [[name]]
            return
        }
        let chunk = min(firstChunk(notBefore: name), chunks.count - 1)
        let index = Self.insertionIndex(of: name, in: chunks[chunk])
        if index < chunks[chunk].count, chunks[chunk][index] == name { return }
        chunks[chunk].insert(name, at: index)
        if chunks[chunk].count >= 2 * Self.chunkLimit {
            let upper = Array(chunks[chunk][Self.chunkLimit...])
            chunks[chunk].removeSubrange(Self.chunkLimit...)
            chunks.insert(upper, at: chunk + 1)
        }
    }

    /// Removes `name` (nothing when it is not there).
    mutating func remove(_ name: [UInt8]) {
        let chunk = firstChunk(notBefore: name)
        guard chunk < chunks.count else { return }
        let index = Self.insertionIndex(of: name, in: chunks[chunk])
        guard index < chunks[chunk].count, chunks[chunk][index] == name else { return }
        chunks[chunk].remove(at: index)
        if chunks[chunk].isEmpty { chunks.remove(at: chunk) }
    }

    /// The first chunk whose last name is not before `name` (`chunks.count` when there is none).
    private func firstChunk(notBefore name: [UInt8]) -> Int {
        var (low, high) = (0, chunks.count)
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(chunks[middle][chunks[middle].count - 1], name) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// The index of the first name of `names` that is not before `name`.
    private static func insertionIndex(of name: [UInt8], in names: [[UInt8]]) -> Int {
        var (low, high) = (0, names.count)
        while low < high {
            let middle = (low + high) / 2
            if precedes(names[middle], name) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// Byte order, a prefix before the longer names it starts.
    static func precedes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in left.lexicographicallyPrecedes(right) }
        }
    }
}
