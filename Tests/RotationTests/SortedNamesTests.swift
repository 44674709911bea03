import Testing

@testable import Rotation

/// Names kept in byte order answer prefix questions as a scan of every name would.
@Suite struct SortedNamesTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func namesStartingWith_findsExactlyThoseOfThePrefix_acrossChunks() {
        var model: Set<[UInt8]> = []
        for index in 0..<2_000 {
            model.insert(bytes("app-\(index).log"))
            model.insert(bytes("app-\(index).log.1"))
        }
        var sorted = SortedNames(model)
        for index in stride(from: 0, to: 2_000, by: 3) {
            sorted.remove(bytes("app-\(index).log.1"))
            model.remove(bytes("app-\(index).log.1"))
            sorted.insert(bytes("app-\(index).log.2"))
            model.insert(bytes("app-\(index).log.2"))
        }
        sorted.insert(bytes("app-7.log"))
        sorted.remove(bytes("absent"))
        for prefix in ["app-1", "app-1.log", "app-12.log", "app-1999.log.", "b", "", "app-0.log.2"] {
            let expected = model.filter { $0.starts(with: bytes(prefix)) }.sorted(by: SortedNames.precedes)
            #expect(sorted.names(startingWith: bytes(prefix)) == expected, "prefix \(prefix)")
        }
    }

    @Test func removingEveryName_leavesNone_andInsertingIntoEmptyWorks() {
        var sorted = SortedNames([bytes("a"), bytes("b")])
        sorted.remove(bytes("a"))
        sorted.remove(bytes("b"))
        #expect(sorted.names(startingWith: []).isEmpty)
        sorted.insert(bytes("c"))
        #expect(sorted.names(startingWith: []) == [bytes("c")])
    }
}
