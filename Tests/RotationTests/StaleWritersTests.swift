import Platform
import PlatformTesting
import Rotation
import SystemPackage
import Testing

@Suite struct StaleWritersTests {
    let writer = FileWriter(pid: 42, command: "app", descriptor: 3, opensForWriting: true, appendMode: true)

    /// `/x/a.log` and `/x/b.log`, each with the identity it had before rotation; `a.log` renamed and recreated,
    /// `b.log` left in place (its rename failed).
    private func rotatedTree() throws -> (InMemoryFileSystem, a: RotatedFile, b: RotatedFile) {
        let fileSystem = try memoryFileSystem(["a.log": "a", "b.log": "b"])
        let identityA = try #require(try fileSystem.status(of: "/x/a.log", followSymlinks: false)).identity
        let identityB = try #require(try fileSystem.status(of: "/x/b.log", followSymlinks: false)).identity
        try fileSystem.rename("/x/a.log", to: "/x/a.log.1", replace: false)
        try fileSystem.createFile("/x/a.log", permissions: 0o644, owner: nil, group: nil)
        return (
            fileSystem,
            RotatedFile(log: "/x/a.log", archive: "/x/a.log.1", identity: identityA),
            RotatedFile(log: "/x/b.log", archive: "/x/b.log.1", identity: identityB)
        )
    }

    @Test func writerOfARenamedLog_isReported() throws {
        let (fileSystem, a, b) = try rotatedTree()
        let processes = FakeProcessInspector()
        processes.setWriters([writer], of: a.identity)

        let found = StaleWriters.find([a, b], processes: processes, fileSystem: fileSystem)

        #expect(found == [StaleWriter(file: a, writer: writer)])
    }

    @Test func writerOfALogThatWasNotRenamed_isNotReported() throws {
        let (fileSystem, a, b) = try rotatedTree()
        let processes = FakeProcessInspector()
        processes.setWriters([writer], of: b.identity)

        #expect(StaleWriters.find([a, b], processes: processes, fileSystem: fileSystem).isEmpty)
    }

    @Test(arguments: ["/x/a.log.1", "/x/a.log.1 (deleted)"])
    func writerStillOnTheArchive_isReported(target: String) throws {
        let (fileSystem, a, _) = try rotatedTree()
        let processes = FakeProcessInspector()
        processes.setWriters([writer], of: a.identity)
        processes.setTarget(FilePath(target), ofDescriptorsOf: writer.pid)

        #expect(
            StaleWriters.find([a], processes: processes, fileSystem: fileSystem) == [
                StaleWriter(file: a, writer: writer)
            ]
        )
    }

    /// The archive was compressed and removed, and a new file (here another log) got its inode: its writer does not
    /// write the rotated file.
    @Test func writerOfANewFileThatReusedTheInode_isNotReported() throws {
        let (fileSystem, a, _) = try rotatedTree()
        let processes = FakeProcessInspector()
        processes.setWriters([writer], of: a.identity)
        processes.setTarget("/x/other.log", ofDescriptorsOf: writer.pid)

        #expect(StaleWriters.find([a], processes: processes, fileSystem: fileSystem).isEmpty)
    }
}
