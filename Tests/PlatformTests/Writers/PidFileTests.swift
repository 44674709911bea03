import Foundation
import Platform
import SystemPackage
import Testing

@Suite struct PidFileTests {
    let fs = PosixFileSystem()

    private func pidFile(_ content: String) throws -> FilePath {
        let path = try WritersFixture.newDirectory(in: NSTemporaryDirectory()).appending("app.pid")
        try fs.writeFileAtomically(path, contents: Array(content.utf8), permissions: 0o644)
        return path
    }

    @Test(arguments: ["\(getpid())", "\(getpid())\n", "  \(getpid()) \r\n", "\t\(getpid())\n\n"])
    func read_toleratesWhitespace(content: String) throws {
        #expect(try PidFile.read(try pidFile(content)) == getpid())
    }

    @Test(arguments: ["", "\n", "abc", "12 34", "0", "1", "-5", "+42", "0x10", "99999999999", "42abc"])
    func read_garbage_throws(content: String) throws {
        let path = try pidFile(content)
        #expect(throws: PlatformError.self) { try PidFile.read(path) }
    }

    @Test func read_missingFileOrProcess_isNotFound() throws {
        let missing = FilePath("/nonexistent/app.pid")
        #expect(throws: PlatformError.self) { try PidFile.read(missing) }
        let dead = try pidFile("\(Int32.max)\n")
        let error = try #require(throws: PlatformError.self) { try PidFile.read(dead) }
        #expect(error.code == .notFound)
    }

    @Test(arguments: [Int32(0), 1, -1, -42])
    func sendSignal_refusesGroupsAndInit(pid: Int32) {
        #expect(throws: PlatformError.self) { try sendSignal(.user2, to: pid) }
    }

    @Test func sendSignal_missingProcess_isNotFound() throws {
        let error = try #require(throws: PlatformError.self) { try sendSignal(.user2, to: Int32.max) }
        #expect(error.code == .notFound)
    }
}
