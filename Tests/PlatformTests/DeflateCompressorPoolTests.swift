import Testing

@testable import Platform

@Suite struct DeflateCompressorPoolTests {
    @Test func givenBackCompressor_isTakenAgainAtItsLevel() {
        let pool = DeflateCompressorPool(capacity: 2)
        let first = pool.take(level: 6)
        pool.giveBack(first)
        #expect(pool.idleCount == 1)
        let again = pool.take(level: 6)
        #expect(again.pointer == first.pointer)
        #expect(pool.idleCount == 0)
        pool.giveBack(again)
    }

    @Test func otherLevel_getsItsOwnCompressor() {
        let pool = DeflateCompressorPool(capacity: 2)
        let six = pool.take(level: 6)
        pool.giveBack(six)
        let nine = pool.take(level: 9)
        #expect(nine.level == 9)
        #expect(nine.pointer != six.pointer)
        #expect(pool.idleCount == 1)
        pool.giveBack(nine)
    }

    @Test func fullPool_keepsAtMostItsCapacity_preferringTheLevelGivenBack() {
        let pool = DeflateCompressorPool(capacity: 2)
        let old = pool.take(level: 1)
        pool.giveBack(old)
        let taken = (0..<3).map { _ in pool.take(level: 6) }
        taken.forEach(pool.giveBack)
        #expect(pool.idleCount == 2)
        // The level-1 compressor was freed first: both kept are level 6.
        #expect(pool.take(level: 6).level == 6)
        #expect(pool.take(level: 6).level == 6)
        #expect(pool.idleCount == 0)
    }

    @Test func concurrentTakersAndGivers_leaveAtMostCapacityIdle() async {
        let pool = DeflateCompressorPool(capacity: 4)
        let pointers = await withTaskGroup(of: [OpaquePointerBox].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    (0..<50).map { _ in
                        let compressor = pool.take(level: 6)
                        defer { pool.giveBack(compressor) }
                        return OpaquePointerBox(compressor.pointer)
                    }
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(pointers.count == 200)
        #expect(pool.idleCount <= 4)
    }
}

/// A compressor's address, comparable across tasks.
private struct OpaquePointerBox: Sendable, Equatable {
    let address: Int
    init(_ pointer: OpaquePointer) { address = Int(bitPattern: UnsafeRawPointer(pointer)) }
}
