import Daemon
import Platform
import SystemPackage
import Testing

@Suite struct RotationServiceTests {
    @Test func reloadWithErrors_keepsThePreviousConfiguration() async throws {
        let driver = FakeDriver(.init(loads: [1, nil, 3]))
        let harness = ServiceHarness(driver: driver)
        harness.triggers.yield(.reload)
        harness.triggers.yield(.deadline(Timestamp(seconds: 10)))
        #expect(await driver.events.wait { $0.contains(.checked(at: 0, configuration: 1, touched: nil)) })
        harness.triggers.yield(.reload)
        harness.triggers.yield(.deadline(Timestamp(seconds: 20)))
        #expect(await driver.events.wait { $0.contains(.checked(at: 0, configuration: 3, touched: nil)) })
        try await harness.shutDown()
        #expect(
            await driver.events.events.filter { if case .loaded = $0 { true } else { false } } == [
                .loaded(1), .loaded(3),
            ]
        )
        #expect(await harness.log.wait { $0.contains { $0.hasPrefix("<3>") && $0.contains("bad line") } })
        #expect(await harness.log.wait { $0.contains { $0.contains("previous configuration stays in force") } })
    }

    @Test func gracefulShutdown_waitsForTheRotationInProgressAndStartsNoOther() async throws {
        let driver = FakeDriver(.init(dueOnDeadline: ["slow", "next"], gated: ["slow"]))
        let harness = ServiceHarness(driver: driver, maxConcurrentRotations: 1)
        harness.triggers.yield(.deadline(Timestamp(seconds: 1)))
        #expect(await driver.events.wait { $0.contains(.started("slow")) })
        let shutdown = Task { try await harness.shutDown() }
        #expect(await harness.log.wait { $0.contains { $0.contains("Finishing a rotation before exiting") } })
        driver.open("slow")
        try await shutdown.value
        let events = await driver.events.events
        #expect(events.contains(.finished("slow")))
        #expect(!events.contains(.started("next")))
    }

    @Test func deadlines_fireInOrder() async throws {
        let driver = FakeDriver(.init(deadlines: [100, 200, 300]))
        let clock = ManualClock(now: 50)
        let harness = ServiceHarness(driver: driver, clock: clock)
        for (deadline, advanceTo) in [(100, 100), (200, 200), (300, 350)] as [(Int64, Int64)] {
            #expect(await clock.armed.wait { $0.last == Timestamp(seconds: deadline) })
            clock.advance(to: advanceTo)
            #expect(await driver.events.wait { $0.contains(.checked(at: advanceTo, configuration: 1, touched: nil)) })
        }
        try await harness.shutDown()
        let checks = await driver.events.events.compactMap { if case .checked(let at, _, _) = $0 { at } else { nil } }
        // The check at 50 is the one at start-up (a deadline may have passed while the daemon was stopped).
        #expect(checks == [50, 100, 200, 350])
        #expect(await clock.armed.events == [100, 200, 300].map { Timestamp(seconds: $0) })
    }

    @Test func sizeEvents_forARunningJob_coalesceIntoOneMoreRotation() async throws {
        let path = FilePath("/var/log/a.log")
        let driver = FakeDriver(.init(dueOnDeadline: ["b"], dueOnSize: [path: ["a"]], gated: ["a"]))
        let harness = ServiceHarness(driver: driver)
        // The start-up check is done first (size events during it would wait and be checked after it).
        #expect(await driver.events.wait { $0.contains(.finished("b")) })
        for size in 1...5 {
            harness.triggers.yield(.sizeReached(SizeEvent(path: path, size: UInt64(100 + size), limit: 100)))
        }
        // Checks run one at a time: once the deadline's is done (the second full one, after the start-up check),
        // every size event has been handled. Those that came during a check merged into one.
        harness.triggers.yield(.deadline(Timestamp(seconds: 1)))
        #expect(
            await driver.events.wait {
                $0.filter { if case .checked(_, _, let touched) = $0 { touched == nil } else { false } }.count == 2
            }
        )
        driver.open("a")
        // Found due again while it ran: one more run after it (the log may be past its limit again), not five.
        #expect(await driver.events.wait { $0.filter { $0 == .finished("a") }.count == 2 })
        try await harness.shutDown()
        #expect(await driver.events.events.filter { $0 == .started("a") }.count == 2)
    }

    @Test func concurrentRotations_areBoundedByTheLimit() async throws {
        let jobs = ["a", "b", "c", "d"]
        let driver = FakeDriver(.init(dueOnDeadline: jobs, gated: Set(jobs)))
        let harness = ServiceHarness(driver: driver, maxConcurrentRotations: 2)
        harness.triggers.yield(.deadline(Timestamp(seconds: 1)))
        #expect(await driver.events.wait { $0.filter { if case .started = $0 { true } else { false } }.count == 2 })
        for job in jobs { driver.open(job) }
        #expect(await driver.events.wait { $0.filter { if case .finished = $0 { true } else { false } }.count == 4 })
        try await harness.shutDown()
        #expect(driver.maxConcurrentRotations == 2)
    }

    @Test func slowRotation_doesNotDelayAnotherLog() async throws {
        let slowLog = FilePath("/var/log/slow.log")
        let fastLog = FilePath("/var/log/fast.log")
        let driver = FakeDriver(.init(dueOnSize: [slowLog: ["slow"], fastLog: ["fast"]], gated: ["slow"]))
        let harness = ServiceHarness(driver: driver)
        harness.triggers.yield(.sizeReached(SizeEvent(path: slowLog, size: 2, limit: 1)))
        #expect(await driver.events.wait { $0.contains(.started("slow")) })
        harness.triggers.yield(.sizeReached(SizeEvent(path: fastLog, size: 2, limit: 1)))
        #expect(await driver.events.wait { $0.contains(.finished("fast")) })
        #expect(await !driver.events.events.contains(.finished("slow")))
        driver.open("slow")
        try await harness.shutDown()
    }

    @Test func rejectedFirstConfiguration_failsTheService() async throws {
        let driver = FakeDriver(.init(loads: [nil]))
        let harness = ServiceHarness(driver: driver)
        await #expect(throws: (any Error).self) { try await harness.shutDown() }
    }
}
