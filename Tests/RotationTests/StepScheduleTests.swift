import LogrotateConfig
import Platform
import PlatformTesting
import Rotation
import SystemPackage
import Testing

/// The schedule is computed from the plan alone: these check what may overlap without running anything.
@Suite struct StepScheduleTests {
    /// The plan of one block over `names` in `/x` (each holding a line), with `compress` and `rotate 1`.
    private func schedule(
        _ names: [String],
        _ configure: (inout LogSettings) -> Void = { _ in }
    ) throws -> (steps: [PlannedStep], schedule: StepSchedule, renderer: [String]) {
        let fileSystem = try memoryFileSystem(
            .directory(Dictionary(uniqueKeysWithValues: names.map { ($0, FileTree.file(Array("line\n".utf8))) }))
        )
        let logs = names.map { FilePath("/x").appending($0) }
        let block = makeBlock(logs.map(\.string)) {
            $0.rotate = 1
            $0.compress = true
            configure(&$0)
        }
        let plan = plan(block, logs: logs, in: fileSystem)
        return (plan.steps, plan.schedule, PlanRenderer(mode: .debug).lines(for: plan))
    }

    private func index(of wanted: RotationStep, in steps: [PlannedStep]) throws -> Int {
        try #require(steps.firstIndex { $0.step == wanted })
    }

    private func compression(_ log: String, in steps: [PlannedStep]) throws -> Int {
        try #require(
            steps.firstIndex {
                if case .compress(let source, _, _, _) = $0.step { source == FilePath("/x/\(log).1") } else { false }
            }
        )
    }

    private func unlink(_ log: String, in steps: [PlannedStep]) throws -> Int {
        try #require(
            steps.firstIndex {
                if case .remove(let path, .compressedSource, _, _) = $0.step {
                    path == FilePath("/x/\(log).1")
                } else {
                    false
                }
            }
        )
    }

    @Test func nextLogRotates_besideTheCompressionOfThePrevious() throws {
        let (steps, schedule, _) = try schedule(["a.log", "b.log"])

        let compressA = try compression("a.log", in: steps)
        #expect(schedule[compressA] == StepTiming(inBackground: true))
        #expect(schedule[try unlink("a.log", in: steps)] == StepTiming(inBackground: true))
        let renameB = try index(of: .rename(from: "/x/b.log", to: "/x/b.log.1", purpose: .rotate), in: steps)
        #expect(schedule[renameB] == StepTiming())
        #expect(schedule[try compression("b.log", in: steps)] == StepTiming(inBackground: true))
        #expect(!schedule.timings.contains { !$0.awaits.isEmpty })
    }

    @Test func thirdCompression_waitsForTheOldestAndItsUnlink() throws {
        let (steps, schedule, _) = try schedule(["a.log", "b.log", "c.log"])

        let expected = [try compression("a.log", in: steps), try unlink("a.log", in: steps)]
        #expect(schedule[try compression("c.log", in: steps)] == StepTiming(awaits: expected, inBackground: true))
    }

    @Test func script_waitsForEveryCompressionBeforeIt() throws {
        let (steps, schedule, lines) = try schedule(["a.log", "b.log"]) { $0.scripts[.postrotate] = "true" }

        let postrotateB = try #require(
            steps.firstIndex {
                if case .runScript(.postrotate, _, let arguments) = $0.step {
                    arguments.first == "/x/b.log"
                } else {
                    false
                }
            }
        )
        let expected = [try compression("a.log", in: steps), try unlink("a.log", in: steps)]
        #expect(schedule[postrotateB] == StepTiming(awaits: expected))
        #expect(lines.contains("(the compression finishes in the background while the next logs rotate)"))
        #expect(lines.contains("waiting for the compression of /x/a.log.1 to finish"))
    }

    @Test func stepOnAFileInFlight_waits() {
        let gzip = CompressionMethod(command: "/bin/gzip", arguments: [], builtIn: .gzip(level: 6))
        let attributes = FileAttributes(permissions: 0o644)
        let steps = [
            PlannedStep(
                .log("/x/a.log"),
                .compress(source: "/x/a.log.1", target: "/x/a.log.1.gz", method: gzip, attributes)
            ),
            PlannedStep(
                .log("/x/a.log"),
                .remove("/x/a.log.1", purpose: .compressedSource, preremove: nil, erasure: .unlink)
            ),
            PlannedStep(.log("/x/b.log"), .rename(from: "/x/b.log", to: "/x/b.log.1", purpose: .rotate)),
            PlannedStep(.log("/x/b.log"), .rename(from: "/x/a.log.1.gz", to: "/x/b.log.2", purpose: .rotate)),
        ]
        let schedule = StepSchedule(steps: steps, sharedScripts: false)

        #expect(
            schedule.timings == [
                StepTiming(inBackground: true), StepTiming(inBackground: true), StepTiming(),
                StepTiming(awaits: [0, 1]),
            ]
        )
    }

    @Test func sharedScripts_runEverythingInOrder() throws {
        let (_, schedule, lines) = try schedule(["a.log", "b.log"]) { $0.sharedScripts = true }

        #expect(schedule.timings.allSatisfy { $0 == StepTiming() })
        #expect(!lines.contains { $0.hasPrefix("waiting") || $0.hasPrefix("(the compression") })
    }

    @Test func externalCompressor_runsInOrder() throws {
        let (steps, schedule, _) = try schedule(["a.log", "b.log"]) { $0.compressCommand = "/usr/bin/xz" }

        #expect(schedule[try compression("a.log", in: steps)] == StepTiming())
        #expect(schedule.timings.allSatisfy { !$0.inBackground })
    }

    @Test func oneLog_printsNoBackgroundNote() throws {
        let (_, _, lines) = try schedule(["a.log"])

        #expect(!lines.contains { $0.hasPrefix("waiting") || $0.hasPrefix("(the compression") })
    }
}
