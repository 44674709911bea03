import LogrotateConfig
import Platform
import PlatformTesting
import Rotation
import SystemPackage
import Testing

private let usr2 = SignalSetting(signal: .user2, target: .pidFile("/run/app.pid"))
private let delivery = SignalDelivery(signal: .user2, target: .pidFile("/run/app.pid"), archives: ["/x/a.log.1"])

@Suite struct SignalStepTests {
    @Test func plan_renameWithSignal_signalsOnceAfterPostrotateBeforeCompression() throws {
        let fileSystem = try memoryFileSystem(["a.log": "x", "b.log": "y"])
        let block = makeBlock(["/x/a.log", "/x/b.log"]) {
            $0.rotate = 1
            $0.compress = true
            $0.signal = usr2
            $0.scripts[.postrotate] = "echo"
        }
        let steps = plan(block, logs: ["/x/a.log", "/x/b.log"], in: fileSystem).steps
        let signals = steps.filter { if case .signal = $0.step { true } else { false } }
        let both = SignalDelivery(
            signal: .user2,
            target: .pidFile("/run/app.pid"),
            archives: ["/x/a.log.1", "/x/b.log.1"]
        )
        #expect(signals == [PlannedStep(.block, .signal(both))])
        let signalIndex = try #require(steps.firstIndex { $0.step == .signal(both) })
        let lastPostrotate = try #require(
            steps.lastIndex { if case .runScript(.postrotate, _, _) = $0.step { true } else { false } }
        )
        let firstCompress = try #require(steps.firstIndex { if case .compress = $0.step { true } else { false } })
        #expect(lastPostrotate < signalIndex && signalIndex < firstCompress)
    }

    @Test(arguments: [true, false])
    func plan_copyModes_haveNoSignal(copyTruncate: Bool) throws {
        let fileSystem = try memoryFileSystem(["a.log": "x"])
        let block = makeBlock {
            $0.rotate = 1
            $0.signal = usr2
            if copyTruncate { $0.copyTruncate = true } else { $0.copy = true }
        }
        let steps = plan(block, in: fileSystem).steps
        #expect(!steps.contains { if case .signal = $0.step { true } else { false } })
    }

    @Test func render_dryRun_saysWhatWouldHappen() throws {
        let fileSystem = try memoryFileSystem(["a.log": "x"])
        let planned = plan(
            makeBlock {
                $0.rotate = 1
                $0.signal = usr2
            },
            in: fileSystem
        )
        let safe = PlanRenderer(mode: .debug) { _ in .process(pid: 1234, command: "zope", verdict: .handled) }
        #expect(safe.lines(for: planned).last == "would send SIGUSR2 to pid 1234 (zope) from /run/app.pid")
        let deadly = PlanRenderer(mode: .debug) { _ in
            .process(pid: 1234, command: "zope", verdict: .wouldTerminate(.terminate))
        }
        let refusal = try #require(deadly.lines(for: planned).last)
        #expect(refusal.hasPrefix("refusing to send SIGUSR2 to pid 1234 (zope): it has no handler for SIGUSR2"))
        #expect(refusal.contains("keeps writing /x/a.log.1"))
        #expect(
            PlanRenderer(mode: .verbose).lines(for: planned).last == "sending SIGUSR2 to the process from /run/app.pid"
        )
    }

    /// Runs one `.signal` step for a rotated `/x/a.log.1` with `inspector`; returns the report and the events.
    private func execute(_ inspector: FakeProcessInspector) throws -> (ExecutionReport, [ExecutionEvent]) {
        let fileSystem = try memoryFileSystem(["a.log.1": "old"])
        let plan = RotationPlan(
            patternText: "/x/a.log ",
            sharedScripts: false,
            logs: ["/x/a.log"],
            steps: [PlannedStep(.block, .signal(delivery))],
            backupSuffix: ".backup"
        )
        let executor = PlanExecutor(
            fileSystem: fileSystem,
            processRunner: RecordingProcessRunner(),
            compressor: RecordingCompressor(fileSystem: fileSystem),
            processes: inspector
        )
        var events: [ExecutionEvent] = []
        let report = executor.execute(plan) { events.append($0) }
        return (report, events.filter { if case .willRun = $0 { false } else { true } })
    }

    @Test func execute_unhandledSignal_refusesWithAnErrorAndSendsNothing() throws {
        let inspector = FakeProcessInspector()
        inspector.addProcess(pid: 1234, command: "zope", pidFile: "/run/app.pid", verdict: .wouldTerminate(.terminate))
        let (report, events) = try execute(inspector)
        #expect(inspector.sentSignals.isEmpty)
        #expect(!report.succeeded)
        guard case .error(let text)? = events.first else {
            Issue.record("\(events)")
            return
        }
        #expect(
            text.hasPrefix(
                "refusing to send SIGUSR2 to pid 1234 (zope): it has no handler for SIGUSR2, whose default action would terminate it; the log was rotated but the process keeps writing /x/a.log.1"
            )
        )
    }

    @Test func execute_handledSignal_sendsAndChecksTheProcessLetGo() throws {
        let inspector = FakeProcessInspector()
        inspector.addProcess(pid: 1234, command: "app", pidFile: "/run/app.pid", verdict: .handled)
        let (report, events) = try execute(inspector)
        #expect(inspector.sentSignals.map(\.pid) == [1234])
        #expect(report.succeeded)
        #expect(events == [.info("sent SIGUSR2 to pid 1234 (app) from /run/app.pid")])
    }

    @Test func execute_handledSignalButNoReopen_warnsAboutTheWriterThatStays() throws {
        let inspector = FakeProcessInspector()
        inspector.addProcess(pid: 1234, command: "app", pidFile: "/run/app.pid", verdict: .handled)
        let fileSystem = try memoryFileSystem(["a.log.1": "old"])
        let identity = try #require(try fileSystem.status(of: "/x/a.log.1", followSymlinks: false)).identity
        let writer = FileWriter(pid: 1234, command: "app", descriptor: 3, opensForWriting: true, appendMode: true)
        inspector.setWriters([writer], of: identity)
        let (report, events) = try execute(inspector)
        #expect(report.succeeded)
        #expect(
            events.contains {
                if case .warning(let text) = $0 {
                    text.hasPrefix("pid 1234 (app) still writes /x/a.log.1")
                } else {
                    false
                }
            }
        )
    }

    @Test func execute_unitTarget_asksSystemctlForTheMainPidAndSignalsIt() throws {
        let inspector = FakeProcessInspector()
        inspector.addProcess(pid: 4321, command: "nginx", verdict: .handled)
        let runner = RecordingProcessRunner { _ in
            ProcessResult(status: .exited(0), standardOutput: Array("4321\n".utf8))
        }
        let fileSystem = try memoryFileSystem(["a.log.1": "old"])
        let unitDelivery = SignalDelivery(signal: .hangup, target: .unit("nginx.service"), archives: ["/x/a.log.1"])
        let plan = RotationPlan(
            patternText: "/x/a.log ",
            sharedScripts: false,
            logs: ["/x/a.log"],
            steps: [PlannedStep(.block, .signal(unitDelivery))],
            backupSuffix: ".backup"
        )
        let executor = PlanExecutor(
            fileSystem: fileSystem,
            processRunner: runner,
            compressor: RecordingCompressor(fileSystem: fileSystem),
            processes: inspector
        )
        let report = executor.execute(plan)
        #expect(report.succeeded)
        #expect(runner.requests.map(\.executable) == ["systemctl"])
        #expect(runner.requests.first?.arguments == ["show", "--property=MainPID", "--value", "nginx.service"])
        #expect(inspector.sentSignals.map(\.pid) == [4321])
    }

    @Test func execute_missingPidFile_onlyWarns() throws {
        let (report, events) = try execute(FakeProcessInspector())
        #expect(report.succeeded)
        guard case .warning(let text)? = events.first else {
            Issue.record("\(events)")
            return
        }
        #expect(text.hasPrefix("not sending SIGUSR2 to the process from /run/app.pid"))
    }
}
