import Foundation
import Platform
import SystemPackage
import Testing

/// `ProcessTable` on a hand-made `/proc`: odd, missing and garbled entries are skipped, never a crash.
@Suite struct FakeProcTests {
    let fs = PosixFileSystem()

    /// Writes `files` (relative path → content) under a new root; a content starting with "->" makes a symlink.
    private func makeProc(_ files: [String: String]) throws -> FilePath {
        let root = try WritersFixture.newDirectory(in: NSTemporaryDirectory())
        for (relative, content) in files {
            let url = URL(fileURLWithPath: root.appending(relative).string)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            if content.hasPrefix("->") {
                try FileManager.default.createSymbolicLink(
                    atPath: url.path,
                    withDestinationPath: String(content.dropFirst(2))
                )
            } else {
                try Data(content.utf8).write(to: url)
            }
        }
        return root
    }

    @Test func find_oddEntries_areSkipped() throws {
        let dir = try WritersFixture.newDirectory(in: NSTemporaryDirectory())
        let log = dir.appending("app.log")
        try fs.writeFileAtomically(log, contents: [], permissions: 0o644)
        let root = try makeProc([
            "100/comm": "good\n", "100/fd/4": "->\(log)", "100/fdinfo/4": "pos:\t0\nflags:\t0102001\nmnt_id:\t1\n",
            "100/fd/5": "->\(log)", "100/fdinfo/5": "pos:\t0\nflags:\t0100000\n",
            "200/comm": "garbled\n", "200/fd/3": "->\(log)", "200/fdinfo/3": "flags:\tzz9\n",
            "300/comm": "vanished\n", "300/fd/3": "->\(log)",
            "400/fd/3": "->/nonexistent/target", "400/fdinfo/3": "flags:\t01\n",
            "self/comm": "not a pid\n", "500x/fd/1": "->\(log)", "600/comm": "no fd directory\n",
        ])
        let table = ProcessTable(root: root)
        #expect(try table.processIDs() == [100, 200, 300, 400, 600])
        let identity = try #require(try fs.status(of: log, followSymlinks: false)).identity
        #expect(
            try FileWriters.find(files: [identity], in: table)[identity] == [
                FileWriter(pid: 100, command: "good", descriptor: 4, opensForWriting: true, appendMode: true),
                FileWriter(pid: 100, command: "good", descriptor: 5, opensForWriting: false, appendMode: false),
            ]
        )
    }

    @Test func processIDs_missingRoot_throws() {
        #expect(throws: PlatformError.self) { try ProcessTable(root: "/nonexistent/proc").processIDs() }
    }

    @Test func disposition_blockedIsWhatEveryThreadBlocks() throws {
        let status = { (blocked: String) in
            "State:\tS (sleeping)\nSigBlk:\t\(blocked)\nSigIgn:\t0000000000000004\nSigCgt:\t0000000000000801\n"
        }
        let root = try makeProc([
            "7/status": status("0000000000000a00"),
            "7/task/7/status": status("0000000000000a00"),
            "7/task/8/status": status("0000000000000200"),
        ])
        let disposition = try SignalDisposition.read(pid: 7, in: ProcessTable(root: root))
        #expect(
            disposition
                == SignalDisposition(
                    caught: SignalSet([.hangup, .user2]),
                    ignored: SignalSet(rawValue: 4),
                    blocked: SignalSet([.user1])
                )
        )
    }

    @Test(arguments: [
        "State:\tS\nSigCgt:\tnothex\nSigIgn:\t0\nSigBlk:\t0\n",
        "State:\tS\nSigIgn:\t0\nSigBlk:\t0\n",
        "\u{0}\u{1}garbage without lines",
        "",
    ])
    func disposition_garbledStatus_throwsInsteadOfGuessing(status: String) throws {
        let root = try makeProc(["9/status": status])
        #expect(throws: PlatformError.self) { try SignalDisposition.read(pid: 9, in: ProcessTable(root: root)) }
        #expect(throws: PlatformError.self) {
            try SignalSafety.check(signal: .user2, pid: 9, in: ProcessTable(root: root))
        }
    }

    @Test func check_zombieOrMissingProcess_isNoSuchProcess() throws {
        let root = try makeProc(["9/status": "State:\tZ (zombie)\nSigCgt:\t0\nSigIgn:\t0\nSigBlk:\t0\n"])
        let table = ProcessTable(root: root)
        #expect(try SignalSafety.check(signal: .user2, pid: 9, in: table) == .noSuchProcess)
        #expect(try SignalSafety.check(signal: .user2, pid: 10, in: table) == .noSuchProcess)
    }
}
