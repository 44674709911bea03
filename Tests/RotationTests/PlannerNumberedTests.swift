import LogrotateConfig
import Platform
import PlatformTesting
import Rotation
import SystemPackage
import Testing

@Suite struct PlannerNumberedTests {
    @Test func plan_rotate2WithCreateCompressPostrotate_followsLogrotateOrder() throws {
        let fileSystem = try memoryFileSystem(["a.log": "new", "a.log.1.gz": "1", "a.log.2.gz": "2"])
        let block = makeBlock {
            $0.rotate = 2
            $0.create = Ownership(mode: 0o600)
            $0.compress = true
            $0.scripts[.postrotate] = "echo post"
        }
        let result = plan(block, in: fileSystem)
        #expect(
            result.steps(of: .log("/x/a.log")) == [
                header(rotate: 2),
                .rename(
                    from: "/x/a.log.2.gz",
                    to: "/x/a.log.3.gz",
                    purpose: .shift(rotateCount: 2, start: 1, index: 2)
                ),
                .rename(
                    from: "/x/a.log.1.gz",
                    to: "/x/a.log.2.gz",
                    purpose: .shift(rotateCount: 2, start: 1, index: 1)
                ),
                .rename(from: "/x/a.log", to: "/x/a.log.1", purpose: .rotate),
                .create("/x/a.log", FileAttributes(permissions: 0o600, owner: 0, group: 0)),
                .runScript(.postrotate, script: "echo post", arguments: ["/x/a.log", "/x/a.log.1"]),
                .compress(
                    source: "/x/a.log.1",
                    target: "/x/a.log.1.gz",
                    method: gzip6,
                    FileAttributes(permissions: 0o640, owner: 0, group: 0)
                ),
                .remove("/x/a.log.1", purpose: .compressedSource, preremove: nil, erasure: .unlink),
                .remove("/x/a.log.3.gz", purpose: .oldLog, preremove: nil, erasure: .unlink),
            ]
        )
        #expect(result.problems.isEmpty)
        #expect(result.backupSuffix == "-2026112902.backup")
    }

    @Test func plan_withMissingGenerations_noticesThemAndDisposesNothing() throws {
        let fileSystem = try memoryFileSystem(["a.log": "new", "a.log.1": "1"])
        let result = plan(makeBlock { $0.rotate = 3 }, in: fileSystem)
        #expect(
            result.steps.map(\.step) == [
                header(rotate: 3),
                .rename(from: "/x/a.log.3", to: "/x/a.log.4", purpose: .shift(rotateCount: 3, start: 1, index: 3)),
                .rename(from: "/x/a.log.2", to: "/x/a.log.3", purpose: .shift(rotateCount: 3, start: 1, index: 2)),
                .rename(from: "/x/a.log.1", to: "/x/a.log.2", purpose: .shift(rotateCount: 3, start: 1, index: 1)),
                .notice(.nothingToDispose("/x/a.log.4")),
                .rename(from: "/x/a.log", to: "/x/a.log.1", purpose: .rotate),
            ]
        )
    }

    @Test func plan_rotate0_removesTheRotatedFile() throws {
        let fileSystem = try memoryFileSystem(["a.log": "new"])
        let result = plan(makeBlock { $0.rotate = 0 }, in: fileSystem)
        #expect(
            result.steps.map(\.step) == [
                header(rotate: 0),
                .rename(from: "/x/a.log.1", to: "/x/a.log.2", purpose: .shift(rotateCount: 0, start: 1, index: 1)),
                .notice(.nothingToDispose("/x/a.log.2")),
                .rename(from: "/x/a.log", to: "/x/a.log.1", purpose: .rotate),
                .notice(.disposeName("/x/a.log.1")),
                .remove("/x/a.log.1", purpose: .oldLog, preremove: nil, erasure: .unlink),
            ]
        )
    }

    @Test func plan_start6Rotate3_keepsIndices6To8() throws {
        let fileSystem = try memoryFileSystem(["a.log": "", "a.log.6": "", "a.log.8": ""])
        let result = plan(
            makeBlock {
                $0.rotate = 3
                $0.start = 6
            },
            in: fileSystem
        )
        let renames = result.steps.map(\.step).filter { if case .rename = $0 { true } else { false } }
        #expect(
            renames == [
                .rename(from: "/x/a.log.8", to: "/x/a.log.9", purpose: .shift(rotateCount: 3, start: 6, index: 8)),
                .rename(from: "/x/a.log.7", to: "/x/a.log.8", purpose: .shift(rotateCount: 3, start: 6, index: 7)),
                .rename(from: "/x/a.log.6", to: "/x/a.log.7", purpose: .shift(rotateCount: 3, start: 6, index: 6)),
                .rename(from: "/x/a.log", to: "/x/a.log.6", purpose: .rotate),
            ]
        )
        #expect(result.steps.last?.step == .remove("/x/a.log.9", purpose: .oldLog, preremove: nil, erasure: .unlink))
    }

    @Test func plan_rotateMinus1_shiftsFromHighestIndexKeepingHoles() throws {
        let fileSystem = try memoryFileSystem(["a.log": "", "a.log.1": "", "a.log.2": "", "a.log.5": "", "a.log.9": ""])
        let result = plan(makeBlock { $0.rotate = -1 }, in: fileSystem)
        let renames = result.steps.compactMap { step -> String? in
            guard case .rename(let from, let to, _) = step.step else { return nil }
            return "\(from.lastComponent!)>\(to.lastComponent!)"
        }
        let existing = ["a.log.9>a.log.10", "a.log.5>a.log.6", "a.log.2>a.log.3", "a.log.1>a.log.2", "a.log>a.log.1"]
        #expect(renames.count == 10)
        #expect(renames.filter { existing.contains($0) } == existing)
        #expect(!result.steps.contains { if case .remove = $0.step { true } else { false } })
    }

    @Test func plan_maxage_removesExpiredGenerationsInsteadOfShifting() throws {
        let fileSystem = try memoryFileSystem(["a.log": "", "a.log.1": "", "a.log.2": ""])
        let old = Timestamp(seconds: testNow.epochSeconds - 3 * 86_400)
        try fileSystem.setTimes("/x/a.log.2", access: old, modification: old)
        let fresh = Timestamp(seconds: testNow.epochSeconds - 3_600)
        try fileSystem.setTimes("/x/a.log.1", access: fresh, modification: fresh)
        let result = plan(
            makeBlock {
                $0.rotate = 3
                $0.maxAge = 2
            },
            in: fileSystem
        )
        #expect(
            Array(result.steps.map(\.step)[1...4]) == [
                .notice(.oldLogMissing("/x/a.log.3")),
                .remove("/x/a.log.2", purpose: .oldLog, preremove: nil, erasure: .unlink),
                .rename(from: "/x/a.log.1", to: "/x/a.log.2", purpose: .shift(rotateCount: 3, start: 1, index: 1)),
                .notice(.nothingToDispose("/x/a.log.4")),
            ]
        )
    }

    @Test func plan_staleFileAtDisposeName_isRemovedBeforeTheShift() throws {
        let fileSystem = try memoryFileSystem(["a.log": "", "a.log.1": "", "a.log.2": "stale"])
        let result = plan(makeBlock { $0.rotate = 1 }, in: fileSystem)
        #expect(
            Array(result.steps.map(\.step)[1...3]) == [
                .remove("/x/a.log.2", purpose: .oldLog, preremove: nil, erasure: .unlink),
                .rename(from: "/x/a.log.1", to: "/x/a.log.2", purpose: .shift(rotateCount: 1, start: 1, index: 1)),
                .rename(from: "/x/a.log", to: "/x/a.log.1", purpose: .rotate),
            ]
        )
    }

    @Test func plan_delaycompress_compressesPreviousGenerationBeforeShifting() throws {
        let fileSystem = try memoryFileSystem(["a.log": "", "a.log.1": "one", "a.log.2.gz": "two"])
        let result = plan(
            makeBlock {
                $0.rotate = 2
                $0.compress = true
                $0.delayCompress = true
            },
            in: fileSystem
        )
        let previous = try #require(try fileSystem.status(of: "/x/a.log.1", followSymlinks: false))
        #expect(
            result.steps.map(\.step) == [
                header(rotate: 2),
                .compress(source: "/x/a.log.1", target: "/x/a.log.1.gz", method: gzip6, FileAttributes(of: previous)),
                .remove("/x/a.log.1", purpose: .compressedSource, preremove: nil, erasure: .unlink),
                .rename(
                    from: "/x/a.log.2.gz",
                    to: "/x/a.log.3.gz",
                    purpose: .shift(rotateCount: 2, start: 1, index: 2)
                ),
                .rename(
                    from: "/x/a.log.1.gz",
                    to: "/x/a.log.2.gz",
                    purpose: .shift(rotateCount: 2, start: 1, index: 1)
                ),
                .rename(from: "/x/a.log", to: "/x/a.log.1", purpose: .rotate),
                .remove("/x/a.log.3.gz", purpose: .oldLog, preremove: nil, erasure: .unlink),
            ]
        )
    }

    @Test func plan_olddirWithCreateolddir_createsTheDirectoryFirst() throws {
        let fileSystem = try memoryFileSystem(["a.log": ""])
        let block = makeBlock {
            $0.rotate = 1
            $0.oldDir = "old/deep"
            $0.createOldDir = Ownership(mode: 0o750)
        }
        let steps = plan(block, in: fileSystem).steps.map(\.step)
        #expect(steps[1] == .createDirectory("/x/old", FileAttributes(permissions: 0o750)))
        #expect(steps[2] == .createDirectory("/x/old/deep", FileAttributes(permissions: 0o750)))
        #expect(steps.contains(.rename(from: "/x/a.log", to: "/x/old/deep/a.log.1", purpose: .rotate)))
    }

    @Test func plan_extensionAndAddextension_putExtensionAfterIndex() throws {
        let fileSystem = try memoryFileSystem(["a.log": "", "b.txt": ""])
        let withExtension = plan(
            makeBlock {
                $0.extension = ".log"
                $0.compress = true
            },
            in: fileSystem
        )
        #expect(withExtension.steps.map(\.step).contains(.rename(from: "/x/a.log", to: "/x/a.1.log", purpose: .rotate)))
        #expect(
            withExtension.steps.map(\.step).contains { step in
                if case .compress(_, "/x/a.1.log.gz", _, _) = step { true } else { false }
            }
        )
        let added = plan(makeBlock(["/x/b.txt"]) { $0.addExtension = ".new" }, logs: ["/x/b.txt"], in: fileSystem)
        #expect(added.steps.map(\.step).contains(.rename(from: "/x/b.txt", to: "/x/b.txt.1.new", purpose: .rotate)))
    }
}
