import Platform
import Rotation
import Scheduling
import Synchronization
import SystemPackage
import Testing

/// The state file's mode on the real disk: created 0600; as root, a too-open one is rewritten 0600 with a warning.
@Suite struct StateStoreTests {
    private let fileSystem = PosixFileSystem()

    /// Writes an empty state through a store for `userID`; returns the warnings and the file's status after.
    private func write(_ state: FilePath, userID: UInt32) throws -> (warnings: [String], after: FileStatus?) {
        let warnings = Mutex<[String]>([])
        let reporter = RunReporter(forwardingTo: { level, text in
            if level == .warning { warnings.withLock { $0.append(text) } }
        })
        StateStore(path: state, fileSystem: fileSystem, userID: userID).write(StateFile(), reporter: reporter)
        return (warnings.withLock { $0 }, try fileSystem.status(of: state, followSymlinks: false))
    }

    @Test func write_newStateFile_is0600() throws {
        let directory = makeTemporaryDirectory()
        defer { removeTree(directory, in: fileSystem) }
        let state = directory.appending("status")
        let (warnings, after) = try write(state, userID: 0)
        #expect(warnings.isEmpty)
        #expect(after?.permissions == 0o600)
    }

    @Test(arguments: [
        (0o640 as UInt32, "readable by group (mode 0640)"),
        (0o666, "readable by group, writable by group, readable by others, writable by others (mode 0666)"),
    ])
    func write_asRoot_tightensATooOpenStateFileWithAWarning(mode: UInt32, what: String) throws {
        let directory = makeTemporaryDirectory()
        defer { removeTree(directory, in: fileSystem) }
        let state = directory.appending("status")
        try fileSystem.writeFileAtomically(state, contents: [], permissions: mode)
        let (warnings, after) = try write(state, userID: 0)
        #expect(
            warnings == [
                "state file \(state) is \(what): whoever can open it can hold its lock and stop rotation; "
                    + "rewriting it with mode 0600, owned by root"
            ]
        )
        #expect(after?.permissions == 0o600)
    }

    @Test func write_notAsRoot_keepsLogrotatesRule_dropsOnlyWorldReadable() throws {
        let directory = makeTemporaryDirectory()
        defer { removeTree(directory, in: fileSystem) }
        let state = directory.appending("status")
        try fileSystem.writeFileAtomically(state, contents: [], permissions: 0o644)
        let (warnings, after) = try write(state, userID: 1000)
        #expect(warnings.isEmpty)
        #expect(after?.permissions == 0o640)
    }

    @Test func exposure_ofAFileOwnedByAnotherUser_saysSo() {
        let status = FileStatus(kind: .regular, permissions: 0o600, owner: 1000)
        #expect(
            StateFileExposure(status, userID: 0).summary(of: "/s")
                == "state file /s is owned by uid 1000, not 0 (mode 0600)"
        )
        #expect(StateFileExposure(status, userID: nil).summary(of: "/s") == nil)
    }
}
