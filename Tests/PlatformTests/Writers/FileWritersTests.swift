import Foundation
import Platform
import SystemPackage
import Testing

@Suite struct FileWritersTests {
    let fs = PosixFileSystem()

    private func identity(_ path: FilePath) throws -> FileIdentity {
        try #require(try fs.status(of: path, followSymlinks: false)).identity
    }

    @Test(arguments: [("--append", true), ("--no-append", false)])
    func find_runningWriter_reportsPidCommandAndAppendMode(flag: String, append: Bool) throws {
        let dir = try WritersFixture.newDirectory(in: NSTemporaryDirectory())
        let writer = try RunningLogWriter(log: dir.appending("app.log"), [flag, "--rate", "100"])
        let file = try identity(writer.log)
        let found = try FileWriters.find(device: file.device, inode: file.inode)
        #expect(
            found == [
                FileWriter(
                    pid: writer.pid,
                    command: "logwriter",
                    descriptor: 3,
                    opensForWriting: true,
                    appendMode: append
                )
            ]
        )
        _ = try writer.stop()
    }

    @Test func find_severalFiles_oneScanFindsEachAndReaders() throws {
        let dir = try WritersFixture.newDirectory(in: NSTemporaryDirectory())
        let first = try RunningLogWriter(log: dir.appending("a.log"), ["--rate", "100"])
        let second = try RunningLogWriter(log: dir.appending("b.log"), ["--no-append", "--rate", "100"])
        try fs.writeFileAtomically(dir.appending("idle.log"), contents: [], permissions: 0o644)
        let reader = try FileDescriptor.open(dir.appending("b.log"), .readOnly)
        defer { try? reader.close() }
        let files = try [first.log, second.log, dir.appending("idle.log")].map(identity)

        let found = try FileWriters.find(files: files)

        #expect(found.count == 3)
        #expect(found[files[0]]?.map(\.pid) == [first.pid])
        #expect(found[files[2]] == [])
        let onSecond = try #require(found[files[1]])
        #expect(onSecond.contains { $0.pid == second.pid && $0.writesAtOwnOffset })
        #expect(onSecond.contains { $0.pid == getpid() && $0.descriptor == reader.rawValue && !$0.opensForWriting })
        _ = try first.stop()
        _ = try second.stop()
    }

    @Test func find_afterRename_findsTheWriterOfTheRenamedFile() throws {
        let dir = try WritersFixture.newDirectory(in: NSTemporaryDirectory())
        let writer = try RunningLogWriter(log: dir.appending("app.log"), ["--rate", "100"])
        try fs.rename(writer.log, to: dir.appending("app.log.1"), replace: false)
        let renamed = try identity(dir.appending("app.log.1"))
        #expect(try FileWriters.find(device: renamed.device, inode: renamed.inode).map(\.pid) == [writer.pid])
        _ = try writer.stop()
    }

    @Test func find_noFiles_returnsEmptyWithoutScanning() throws {
        #expect(try FileWriters.find(files: [], in: ProcessTable(root: "/nonexistent")) == [:])
    }
}
