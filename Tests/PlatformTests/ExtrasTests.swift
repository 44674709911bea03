import Foundation
import Platform
import SystemPackage
import Testing

@Suite struct GlobTests {
    @Test func expand_sortsMatches_andKeepsANonMatchingPattern() throws {
        let dir = try makeScratchDirectory()
        for name in ["b.log", "a.log", "c.txt", "a.log.1"] {
            _ = FileManager.default.createFile(atPath: dir.appending(name).string, contents: nil)
        }
        #expect(try Glob.expand("\(dir)/*.log").map(\.string) == ["\(dir)/a.log", "\(dir)/b.log"])
        #expect(try Glob.expand("\(dir)/*.gz").map(\.string) == ["\(dir)/*.gz"])
        #expect(try Glob.expand("\(dir)/c.txt").map(\.string) == ["\(dir)/c.txt"])
    }

    @Test func expand_nameNotUTF8_keepsItsBytes() throws {
        let dir = try makeScratchDirectory()
        let log = FilePath(bytes: dir.bytes + Array("/caf".utf8) + [0xE9] + Array(".log".utf8))
        try PosixFileSystem().createFile(log, permissions: 0o644, owner: nil, group: nil)
        #expect(try Glob.expand("\(dir)/*.log") == [log])
        #expect(try PosixFileSystem().contentsOfDirectory(dir).map(\.bytes) == [log.lastComponent!.bytes])
        #expect(try PosixFileSystem().namesInDirectory(dir) == [log.lastComponent!.bytes])
    }

    @Test func namesInDirectory_listsWhatContentsOfDirectoryLists() throws {
        let dir = try makeScratchDirectory()
        for name in ["a.log", "a.log.1", ".hidden", "..x"] {
            try PosixFileSystem().createFile(dir.appending(name), permissions: 0o644, owner: nil, group: nil)
        }
        try PosixFileSystem().createDirectory(dir.appending("sub"), permissions: 0o755, owner: nil, group: nil)
        let listed = try PosixFileSystem().contentsOfDirectory(dir).map(\.bytes).sorted {
            $0.lexicographicallyPrecedes($1)
        }
        #expect(listed.count == 5)
        #expect(try PosixFileSystem().namesInDirectory(dir).sorted { $0.lexicographicallyPrecedes($1) } == listed)
    }

    @Test func expand_expandsTilde() throws {
        let home = try #require(ProcessInfo.processInfo.environment["HOME"])
        #expect(try Glob.expand("~") == [FilePath(home)])
    }

    @Test func expand_missingDirectory_isNotFound() throws {
        let dir = try makeScratchDirectory()
        #expect {
            try Glob.expand("\(dir)/missing/*.log")
        } throws: { ($0 as? PlatformError)?.code == .notFound }
    }

    static let cases: [(String, String, Glob.MatchOptions, Bool)] = [
        ("*.gz", "a.log.gz", [], true),
        ("*.gz", "a.log", [], false),
        ("*", ".hidden", [], true),
        ("*", ".hidden", .period, false),
        ("a*", "a/b", .pathname, false),
        ("a*", "a/b", [], true),
        ("\\*", "*", [], true),
        ("\\*", "\\x", .noEscape, true),
    ]

    @Test(arguments: cases)
    func matches_followsFnmatch(pattern: String, name: String, options: Glob.MatchOptions, expected: Bool) {
        #expect(Glob.matches(pattern, name, options: options) == expected)
    }
}

@Suite struct MachineFactsTests {
    @Test func now_isTheRealTimeClock() {
        let before = Date().timeIntervalSince1970
        let now = WallClock.now()
        let after = Date().timeIntervalSince1970
        let seconds = Double(now.seconds) + Double(now.nanoseconds) / 1e9
        #expect(seconds >= before - 0.001 && seconds <= after + 0.001)
        #expect((0..<1_000_000_000).contains(now.nanoseconds))
    }

    @Test func effectiveUserID_matchesGeteuid() {
        #expect(ProcessIdentity.currentEffectiveUserID() == geteuid())
    }

    @Test func hostname_matchesTheKernel() throws {
        let kernel = try String(contentsOfFile: "/proc/sys/kernel/hostname", encoding: .utf8)
        #expect(try Hostname.current() == kernel.trimmingCharacters(in: .newlines))
    }
}
