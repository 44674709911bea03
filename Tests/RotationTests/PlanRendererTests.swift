import LogrotateConfig
import Platform
import PlatformTesting
import Rotation
import SystemPackage
import Testing

/// Golden texts are `logrotate -d -f` output (3.21, 2026-11-29) for the same trees, without the due-ness lines.
@Suite struct PlanRendererTests {
    /// Renders the header and the plan of `block` for `names` in a fresh `/tmp/rotx/x` holding `tree`.
    private func render(_ tree: FileTree, _ names: [String], _ configure: (inout LogSettings) -> Void) throws -> String
    {
        let fileSystem = InMemoryFileSystem()
        for directory in ["/tmp", "/tmp/rotx", "/tmp/rotx/x"] {
            try fileSystem.createDirectory(FilePath(directory), permissions: 0o755, owner: nil, group: nil)
        }
        try tree.write(to: "/tmp/rotx/x", in: fileSystem)
        let logs = names.map { FilePath("/tmp/rotx/x").appending($0) }
        let block = makeBlock(logs.map(\.string), configure)
        let due = try logs.map { log in
            DueLog(path: log, status: try #require(try fileSystem.status(of: log, followSymlinks: false)))
        }
        let plan = Planner.plan(block: block, logs: due, fileSystem: fileSystem, now: testNow)
        let renderer = PlanRenderer(mode: .debug, force: true)
        return (renderer.header(for: block) + renderer.lines(for: plan)).joined(separator: "\n")
    }

    @Test func render_numberedCreateCompressPostrotate_matchesLogrotate() throws {
        let text = try render(["a.log": "new"], ["a.log"]) {
            $0.rotate = 1
            $0.create = Ownership(mode: 0o640, owner: Account(name: "root", id: 0), group: Account(name: "root", id: 0))
            $0.compress = true
            $0.scripts[.postrotate] = "\n    echo post\n"
        }
        #expect(text == golden1)
    }

    @Test func render_sharedCopytruncateWithActions_matchesLogrotate() throws {
        let text = try render(["a.log": "new", "b.log": "new"], ["a.log", "b.log"]) {
            $0.rotate = 2
            $0.copyTruncate = true
            $0.sharedScripts = true
            $0.ifEmpty = false
            $0.scripts = [.firstaction: "\n    echo first\n", .lastaction: "\n    echo last\n"]
        }
        #expect(text == golden2)
    }

    @Test func render_dateextCleanup_matchesLogrotate() throws {
        let tree: FileTree = ["a.log": "x", "a.log-20200101.gz": "", "a.log-20210101.gz": "", "a.log-20220101.gz": ""]
        let text = try render(tree, ["a.log"]) {
            $0.rotate = 2
            $0.dateExt = true
            $0.compress = true
            $0.create = Ownership()
            $0.criterion = .time(.daily)
        }
        #expect(text == golden3)
    }

    @Test func render_verboseRemovalWithPreremoveAndShred_printsLogrotateOrder() {
        let step = RotationStep.remove("/x/a.log.3", purpose: .oldLog, preremove: "p", erasure: .shred(cycles: nil))
        let plan = RotationPlan(
            patternText: "/x/a.log ",
            sharedScripts: false,
            logs: ["/x/a.log"],
            steps: [PlannedStep(.log("/x/a.log"), step)],
            backupSuffix: ""
        )
        #expect(
            PlanRenderer(mode: .verbose).lines(for: plan) == [
                "removing old log /x/a.log.3", "running preremove script", "Using shred to remove the file /x/a.log.3",
            ]
        )
    }

    private let golden1 = """
        rotating pattern: /tmp/rotx/x/a.log  forced from command line (1 rotations)
        empty log files are rotated, old logs are removed
        rotating log /tmp/rotx/x/a.log, log->rotateCount is 1
        dateext suffix '-20261129'
        glob pattern '-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
        renaming /tmp/rotx/x/a.log.1.gz to /tmp/rotx/x/a.log.2.gz (rotatecount 1, logstart 1, i 1),\u{20}
        log /tmp/rotx/x/a.log.2.gz doesn't exist -- won't try to dispose of it
        renaming /tmp/rotx/x/a.log to /tmp/rotx/x/a.log.1
        creating new /tmp/rotx/x/a.log mode = 0640 uid = 0 gid = 0
        running postrotate script
        running script with args /tmp/rotx/x/a.log /tmp/rotx/x/a.log.1: "
            echo post
        "
        compressing log with: /bin/gzip
        """

    private let golden2 = """
        rotating pattern: /tmp/rotx/x/a.log /tmp/rotx/x/b.log  forced from command line (2 rotations)
        empty log files are not rotated, old logs are removed
        running first action script
        running script with args /tmp/rotx/x/a.log /tmp/rotx/x/b.log  : "
            echo first
        "
        rotating log /tmp/rotx/x/a.log, log->rotateCount is 2
        dateext suffix '-20261129'
        glob pattern '-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
        renaming /tmp/rotx/x/a.log.2 to /tmp/rotx/x/a.log.3 (rotatecount 2, logstart 1, i 2),\u{20}
        renaming /tmp/rotx/x/a.log.1 to /tmp/rotx/x/a.log.2 (rotatecount 2, logstart 1, i 1),\u{20}
        log /tmp/rotx/x/a.log.3 doesn't exist -- won't try to dispose of it
        rotating log /tmp/rotx/x/b.log, log->rotateCount is 2
        dateext suffix '-20261129'
        glob pattern '-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
        renaming /tmp/rotx/x/b.log.2 to /tmp/rotx/x/b.log.3 (rotatecount 2, logstart 1, i 2),\u{20}
        renaming /tmp/rotx/x/b.log.1 to /tmp/rotx/x/b.log.2 (rotatecount 2, logstart 1, i 1),\u{20}
        log /tmp/rotx/x/b.log.3 doesn't exist -- won't try to dispose of it
        copying /tmp/rotx/x/a.log to /tmp/rotx/x/a.log.1
        truncating /tmp/rotx/x/a.log
        copying /tmp/rotx/x/b.log to /tmp/rotx/x/b.log.1
        truncating /tmp/rotx/x/b.log
        running last action script
        running script with args /tmp/rotx/x/a.log /tmp/rotx/x/b.log  : "
            echo last
        "
        """

    private let golden3 = """
        rotating pattern: /tmp/rotx/x/a.log  forced from command line (2 rotations)
        empty log files are rotated, old logs are removed
        rotating log /tmp/rotx/x/a.log, log->rotateCount is 2
        dateext suffix '-20261129'
        glob pattern '-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
        removing /tmp/rotx/x/a.log-20200101.gz
        removing old log /tmp/rotx/x/a.log-20200101.gz
        renaming /tmp/rotx/x/a.log to /tmp/rotx/x/a.log-20261129
        creating new /tmp/rotx/x/a.log mode = 0644 uid = 0 gid = 0
        compressing log with: /bin/gzip
        removing old log /tmp/rotx/x/a.log-20210101.gz
        """
}
