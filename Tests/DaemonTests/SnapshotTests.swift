import LogrotateConfig
import Platform
import PlatformTesting
import Scheduling
import SystemPackage
import Testing

@testable import Daemon

/// The snapshot is pure: (blocks, logs, state, now) in, due logs, deadlines and jobs out, with no file touched.
@Suite struct SnapshotTests {
    private func block(_ pattern: String, _ configure: (inout LogSettings) -> Void) -> LogBlock {
        var settings = LogSettings()
        configure(&settings)
        return LogBlock(
            patterns: [pattern],
            patternText: pattern + " ",
            settings: settings,
            location: SourceLocation(file: "/etc/t.conf", line: 1)
        )
    }

    private func time(_ text: String) -> LocalTime {
        let n = text.split { $0 == "-" || $0 == " " || $0 == ":" }.map { Int($0)! }
        return LocalTime(year: n[0], month: n[1], day: n[2], hour: n[3], minute: n[4])
    }

    @Test func triggers_popOnlyTheDueLogs_andTheNextDeadlineIsTheEarliest() async {
        await withTimeZone("UTC") {
            let daily = block("/l/*.log") { $0.criterion = .time(.daily) }
            let state = StateFile(entries: [
                .init(path: "/l/old.log", lastRotated: time("2026-11-27 05:00")),
                .init(path: "/l/today.log", lastRotated: time("2026-11-29 01:00")),
            ])
            let now = time("2026-11-29 10:00").epochSeconds
            var snapshot = Snapshot(
                blocks: [daily],
                logsOfBlock: [["/l/old.log", "/l/today.log", "/l/new.log"]],
                state: state,
                now: now
            )
            #expect(snapshot.takeDue(at: now) == ["/l/old.log"])
            #expect(snapshot.takeDue(at: now).isEmpty)
            // A log seen first gets an entry at the hour (logrotate's findState), to be saved.
            #expect(snapshot.unsaved == ["/l/new.log"])
            #expect(snapshot.state["/l/new.log"] == time("2026-11-29 10:00"))
            // The glob pattern is expanded again at the top of the hour, before the other logs' midnight.
            #expect(
                snapshot.nextDeadline()
                    == Deadline(
                        time: Timestamp(seconds: time("2026-11-29 11:00").epochSeconds),
                        label: "rescan of glob patterns"
                    )
            )
        }
    }

    @Test func patternDirectories_giveTheNamePatternsOfEachDirectoryWithoutGlobs() {
        let blocks = [
            block("/l/*.log") { _ in }, block("/l/app-?.txt") { _ in }, block("/m/x.log") { _ in },
            block("/n/*/a.log") { _ in }, block("/o/[ab]*") { _ in },
        ]
        let snapshot = Snapshot(blocks: blocks, logsOfBlock: blocks.map { _ in [] }, state: StateFile(), now: 0)
        #expect(snapshot.patternDirectories == ["/l": ["*.log", "app-?.txt"], "/o": ["[ab]*"]])
    }

    @Test func settle_recordsRotations_andReschedulesForTheNextPeriod() async {
        await withTimeZone("UTC") {
            let hourly = block("/l/a.log") { $0.criterion = .time(.hourly) }
            let now = time("2026-11-29 10:00").epochSeconds
            var snapshot = Snapshot(
                blocks: [hourly],
                logsOfBlock: [["/l/a.log"]],
                state: StateFile(entries: [.init(path: "/l/a.log", lastRotated: time("2026-11-29 08:00"))]),
                now: now
            )
            _ = snapshot.takeUnsaved()
            #expect(snapshot.takeDue(at: now) == ["/l/a.log"])
            var recorded = snapshot.entries(of: ["/l/a.log"])
            recorded["/l/a.log"] = LocalTime(epochSeconds: now)
            snapshot.settle(["/l/a.log"], recorded: recorded, now: now)
            #expect(snapshot.unsaved == ["/l/a.log"])
            #expect(snapshot.nextDeadline()?.time.seconds == time("2026-11-29 11:00").epochSeconds)
            #expect(snapshot.takeUnsaved() == [.init(path: "/l/a.log", lastRotated: time("2026-11-29 10:00"))])
        }
    }

    @Test func settle_withoutRotation_waitsForTheNextPeriodInsteadOfEverySecond() async {
        await withTimeZone("UTC") {
            let daily = block("/l/a.log") { $0.criterion = .time(.daily) }
            let now = time("2026-11-29 10:00").epochSeconds
            var snapshot = Snapshot(
                blocks: [daily],
                logsOfBlock: [["/l/a.log"]],
                state: StateFile(entries: [.init(path: "/l/a.log", lastRotated: time("2026-11-27 08:00"))]),
                now: now
            )
            #expect(snapshot.takeDue(at: now) == ["/l/a.log"])
            snapshot.settle(["/l/a.log"], recorded: snapshot.entries(of: ["/l/a.log"]), now: now)
            #expect(snapshot.unsaved.isEmpty)
            #expect(snapshot.nextDeadline()?.time.seconds == time("2026-11-30 00:00").epochSeconds)
        }
    }

    @Test func merge_takesAnotherProgramsRotation_butNotOverUnsavedOrBusyLogs() async {
        await withTimeZone("UTC") {
            let daily = block("/l/*.log") { $0.criterion = .time(.daily) }
            let old = time("2026-11-27 05:00")
            let now = time("2026-11-29 10:00").epochSeconds
            var snapshot = Snapshot(
                blocks: [daily],
                logsOfBlock: [["/l/a.log", "/l/b.log"]],
                state: StateFile(entries: [
                    .init(path: "/l/a.log", lastRotated: old), .init(path: "/l/b.log", lastRotated: old),
                ]),
                now: now
            )
            let manual = time("2026-11-29 09:30")
            let file = StateFile(entries: [
                .init(path: "/l/a.log", lastRotated: manual), .init(path: "/l/b.log", lastRotated: manual),
            ])
            snapshot.merge(file, except: ["/l/b.log"], now: now)
            #expect(snapshot.state["/l/a.log"] == manual)
            #expect(snapshot.state["/l/b.log"] == old)
            #expect(snapshot.takeDue(at: now) == ["/l/b.log"])
        }
    }

    @Test func jobs_groupDueLogsByBlockInChunks_andSharedScriptsTakeTheWholeBlock() {
        let independent = block("/l/*.log") { $0.criterion = .time(.daily) }
        let shared = block("/s/*.log") {
            $0.criterion = .time(.daily)
            $0.sharedScripts = true
        }
        let many = (0..<600).map { FilePath("/l/\($0).log") }
        let snapshot = Snapshot(
            blocks: [independent, shared],
            logsOfBlock: [many, ["/s/a.log", "/s/b.log"]],
            state: StateFile(),
            now: 0
        )
        let jobs = snapshot.jobs(for: many + ["/s/a.log"])
        #expect(jobs.map(\.logs.count) == [256, 256, 88, 2])
        #expect(Set(jobs.flatMap(\.logs)).count == 602)
    }

    @Test(arguments: [(1, 256), (2_048, 256), (4_000, 500), (10_000, 1_024), (100_000, 1_024)])
    func logsPerJob_growsWithTheWave_withinItsBounds(due: Int, size: Int) {
        #expect(RotationJob.logsPerJob(forDueCount: due) == size)
    }

    @Test func rescanned_addsNewLogsAndDropsTheTriggersOfVanishedOnes() async {
        await withTimeZone("UTC") {
            let hourly = block("/l/*.log") { $0.criterion = .time(.hourly) }
            let now = time("2026-11-29 10:20").epochSeconds
            var snapshot = Snapshot(blocks: [hourly], logsOfBlock: [["/l/a.log"]], state: StateFile(), now: now)
            #expect(snapshot.needsRescan(at: time("2026-11-29 11:00").epochSeconds))
            snapshot.rescanned([["/l/b.log"]], now: now)
            #expect(Array(snapshot.blockOfLog.keys) == ["/l/b.log"])
            #expect(snapshot.takeDue(at: time("2026-11-29 11:00").epochSeconds) == ["/l/b.log"])
        }
    }

    @Test func settle_ofAFailedSizeRotation_retriesAfterADelayThatDoubles_andASuccessResetsIt() {
        let size = block("/l/a.log") { $0.criterion = .size(1_024) }
        var snapshot = Snapshot(blocks: [size], logsOfBlock: [["/l/a.log"]], state: StateFile(), now: 1_000)
        #expect(snapshot.nextDeadline() == nil, "a size rule has no calendar check")
        snapshot.settle(["/l/a.log"], recorded: StateFile(), failed: ["/l/a.log"], now: 1_000)
        #expect(snapshot.nextDeadline()?.time.seconds == 1_060)
        #expect(snapshot.takeDue(at: 1_060) == ["/l/a.log"])
        snapshot.settle(["/l/a.log"], recorded: StateFile(), failed: ["/l/a.log"], now: 1_060)
        #expect(snapshot.nextDeadline()?.time.seconds == 1_180)
        _ = snapshot.takeDue(at: 1_180)
        snapshot.settle(["/l/a.log"], recorded: StateFile(), now: 1_180)
        #expect(snapshot.nextDeadline() == nil)
        snapshot.settle(["/l/a.log"], recorded: StateFile(), failed: ["/l/a.log"], now: 2_000)
        #expect(snapshot.nextDeadline()?.time.seconds == 2_060, "the delay starts again after a success")
    }
}
