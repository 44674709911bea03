import LogrotateConfig
import Platform
import PlatformTesting
import Rotation
import SystemPackage
import Testing

@Suite struct PlannerModesTests {
    let attributes = FileAttributes(of: logStatus)

    @Test func plan_copytruncate_copiesAndTruncatesInOneStep() throws {
        let fileSystem = try memoryFileSystem(["a.log": "x"])
        let steps = plan(
            makeBlock {
                $0.rotate = 1
                $0.copyTruncate = true
                $0.create = Ownership()
            },
            in: fileSystem
        )
        .steps.map(\.step)
        #expect(steps.last == .copyTruncate(from: "/x/a.log", to: "/x/a.log.1", attributes))
    }

    @Test func plan_copy_copiesWithoutTruncating() throws {
        let fileSystem = try memoryFileSystem(["a.log": "x"])
        let steps = plan(
            makeBlock {
                $0.rotate = 1
                $0.copy = true
            },
            in: fileSystem
        ).steps.map(\.step)
        #expect(steps.last == .copy(from: "/x/a.log", to: "/x/a.log.1", attributes))
    }

    @Test func plan_rotate0CopytruncateCompress_onlyTruncates() throws {
        let fileSystem = try memoryFileSystem(["a.log": "x"])
        let block = makeBlock {
            $0.rotate = 0
            $0.copyTruncate = true
            $0.compress = true
        }
        let steps = plan(block, in: fileSystem).steps.map(\.step)
        #expect(steps.last == .truncate("/x/a.log"))
        #expect(!steps.contains { if case .compress = $0 { true } else { false } })
    }

    @Test func plan_renamecopy_renamesToTmpThenCopiesAfterPostrotate() throws {
        let fileSystem = try memoryFileSystem(["a.log": "x"])
        let block = makeBlock {
            $0.rotate = 1
            $0.renameCopy = true
            $0.create = Ownership(mode: 0o644)
            $0.scripts[.postrotate] = "post"
        }
        #expect(
            Array(plan(block, in: fileSystem).steps.map(\.step).dropFirst(3)) == [
                .rename(from: "/x/a.log", to: "/x/a.log.tmp", purpose: .rotate),
                .create("/x/a.log", FileAttributes(permissions: 0o644, owner: 0, group: 0)),
                .runScript(.postrotate, script: "post", arguments: ["/x/a.log", "/x/a.log.1"]),
                .copy(from: "/x/a.log.tmp", to: "/x/a.log.1", attributes),
                .remove("/x/a.log.tmp", purpose: .temporaryCopy, preremove: nil, erasure: .unlink),
            ]
        )
    }

    @Test func plan_mailfirstWithCompress_mailsNewestWithLogPathAsSubject() throws {
        let fileSystem = try memoryFileSystem(["a.log": "x"])
        let block = makeBlock {
            $0.rotate = 1
            $0.compress = true
            $0.mail = "ops@x"
            $0.mailWhich = .first
        }
        let mail = MailMessage(
            file: "/x/a.log.1.gz",
            address: "ops@x",
            subject: "/x/a.log",
            command: "/usr/bin/mail",
            uncompressCommand: "/bin/gunzip"
        )
        #expect(plan(block, in: fileSystem).steps.map(\.step).contains(.mail(mail)))
    }

    @Test func plan_maillastWithShredAndPreremove_mailsThenShredsTheDisposedFile() throws {
        let fileSystem = try memoryFileSystem(["a.log": "x", "a.log.1": "old"])
        let block = makeBlock {
            $0.rotate = 1
            $0.mail = "ops@x"
            $0.shred = true
            $0.shredCycles = 3
            $0.scripts[.preremove] = "echo bye"
        }
        let mail = MailMessage(
            file: "/x/a.log.2",
            address: "ops@x",
            subject: "/x/a.log.2",
            command: "/usr/bin/mail",
            uncompressCommand: nil
        )
        #expect(
            Array(plan(block, in: fileSystem).steps.map(\.step).suffix(2)) == [
                .mail(mail), .remove("/x/a.log.2", purpose: .oldLog, preremove: "echo bye", erasure: .shred(cycles: 3)),
            ]
        )
    }

    @Test func plan_nonSharedScripts_runPerLogWithLogArguments() throws {
        let fileSystem = try memoryFileSystem(["a.log": "", "b.log": ""])
        let block = makeBlock(["/x/*.log"]) {
            $0.rotate = 1
            $0.scripts = [.firstaction: "F", .prerotate: "PRE", .postrotate: "POST", .lastaction: "L"]
        }
        let result = plan(block, logs: ["/x/a.log", "/x/b.log"], in: fileSystem)
        let scripts = result.steps.compactMap { step -> PlannedStep? in
            if case .runScript = step.step { step } else { nil }
        }
        #expect(
            scripts == [
                PlannedStep(.block, .runScript(.firstaction, script: "F", arguments: ["/x/*.log "])),
                PlannedStep(.log("/x/a.log"), .runScript(.prerotate, script: "PRE", arguments: ["/x/a.log"])),
                PlannedStep(
                    .log("/x/a.log"),
                    .runScript(.postrotate, script: "POST", arguments: ["/x/a.log", "/x/a.log.1"])
                ),
                PlannedStep(.log("/x/b.log"), .runScript(.prerotate, script: "PRE", arguments: ["/x/b.log"])),
                PlannedStep(
                    .log("/x/b.log"),
                    .runScript(.postrotate, script: "POST", arguments: ["/x/b.log", "/x/b.log.1"])
                ),
                PlannedStep(.block, .runScript(.lastaction, script: "L", arguments: ["/x/*.log "])),
            ]
        )
        #expect(result.steps[1] == PlannedStep(.log("/x/a.log"), header(rotate: 1)))
    }

    @Test func plan_sharedScripts_runOnceAroundAllLogsInPhases() throws {
        let fileSystem = try memoryFileSystem(["a.log": "", "b.log": ""])
        let block = makeBlock(["/x/*.log"]) {
            $0.rotate = 1
            $0.sharedScripts = true
            $0.scripts = [.prerotate: "PRE", .postrotate: "POST"]
        }
        let steps = plan(block, logs: ["/x/a.log", "/x/b.log"], in: fileSystem).steps
        let pre = PlannedStep(.allLogs, .runScript(.prerotate, script: "PRE", arguments: ["/x/*.log "]))
        let post = PlannedStep(.allLogs, .runScript(.postrotate, script: "POST", arguments: ["/x/*.log "]))
        let renameA = PlannedStep(.log("/x/a.log"), .rename(from: "/x/a.log", to: "/x/a.log.1", purpose: .rotate))
        let renameB = PlannedStep(.log("/x/b.log"), .rename(from: "/x/b.log", to: "/x/b.log.1", purpose: .rotate))
        #expect(steps.first == pre)
        let order = [pre, renameA, renameB, post].map { wanted in steps.firstIndex(of: wanted) ?? -1 }
        #expect(order == order.sorted() && !order.contains(-1))
    }

    @Test func plan_sharedScriptsWithBlockErrors_runsOnlyFirstAndLastAction() throws {
        let fileSystem = try memoryFileSystem(["a.log": ""])
        let block = makeBlock {
            $0.sharedScripts = true
            $0.scripts = [.firstaction: "F", .prerotate: "PRE", .lastaction: "L"]
        }
        let steps = plan(block, in: fileSystem, options: PlanningOptions(blockHasErrors: true)).steps.map(\.step)
        #expect(
            steps == [
                .runScript(.firstaction, script: "F", arguments: ["/x/a.log "]),
                .runScript(.lastaction, script: "L", arguments: ["/x/a.log "]),
            ]
        )
    }

    @Test(arguments: [
        ("/bin/gzip", [String]?.none, CompressionFormat?.some(.gzip(level: 6))),
        ("/usr/bin/gzip", ["-9"], .gzip(level: 9)),
        ("zstd", nil, .zstd(level: 3)),
        ("/usr/bin/zstd", ["-19"], .zstd(level: 19)),
        ("/bin/gzip", ["--rsyncable"], nil),
        ("/usr/bin/xz", nil, nil),
    ])
    func compressionMethod_fromSettings_usesBuiltInOnlyForGzipAndZstdLevels(
        command: String,
        options: [String]?,
        expected: CompressionFormat?
    ) {
        var settings = LogSettings()
        settings.compressCommand = command
        settings.compressOptions = options
        #expect(CompressionMethod(settings: settings).builtIn == expected)
    }
}
