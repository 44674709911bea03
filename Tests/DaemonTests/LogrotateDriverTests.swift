import Daemon
import Glibc
import Platform
import PlatformTesting
import SystemPackage
import Testing

/// The real driver on real files, with `now` passed in (the service's clock is a `ManualClock`). Each test sets `TZ`
/// with `withTimeZone`, which runs one override at a time across the process.
@Suite struct LogrotateDriverTests {
    /// (directive, last rotation, now, next deadline), local times in UTC.
    static let boundaries: [(String, String, String, String)] = [
        ("hourly", "2026-11-25 10:00", "2026-11-25 10:30", "2026-11-25 11:00"),
        ("daily", "2026-11-25 03:00", "2026-11-25 10:30", "2026-11-26 00:00"),
        ("weekly", "2026-11-22 05:00", "2026-11-25 10:30", "2026-11-29 00:00"),
        ("weekly 3", "2026-11-25 05:00", "2026-11-25 10:30", "2026-12-02 00:00"),
        ("monthly", "2026-11-03 05:00", "2026-11-25 10:30", "2026-12-01 00:00"),
        ("yearly", "2026-02-01 00:00", "2026-11-25 10:30", "2027-01-01 00:00"),
        // Due but not rotated (empty, notifempty): checked again when the next period ends, not every second.
        ("daily\n notifempty", "2026-11-24 03:00", "2026-11-25 10:30", "2026-11-26 00:00"),
    ]

    @Test(arguments: boundaries)
    func nextDeadline_isTheNextCalendarBoundary(
        directive: String,
        last: String,
        now: String,
        expected: String
    )
        async throws
    {
        try await withFixtureInUTC(
            config: "@DIR@/a.log {\n \(directive)\n}\n",
            state: ["a.log": last],
            files: ["a.log": ""]
        ) { fixture throws in
            #expect(try await fixture.nextDeadline(after: now) == expected)
        }
    }

    /// Europe/Berlin: 2026-03-29 02:00 CET → 03:00 CEST; 2026-10-25 03:00 CEST → 02:00 CET.
    @Test func nextDeadline_followsDaylightSavingTimeInBerlin() async throws {
        try await withTimeZone("Europe/Berlin") {
            let fixture = try DriverFixture(
                config: "@DIR@/h.log {\n hourly\n}\n@DIR@/d.log {\n daily\n}\n",
                state: ["h.log": "2026-03-29 01:10", "d.log": "2026-03-29 01:00"],
                files: ["h.log": "", "d.log": ""]
            )
            defer { fixture.directory.remove() }
            let springNow = Timestamp(seconds: epoch("2026-03-29 01:30"))
            let configuration = try await fixture.driver.loadConfiguration(at: springNow)
            // 02:00 does not exist: the top of the next hour is 03:00 CEST, one real hour after 01:00 CET … 02:00.
            let spring = fixture.driver.nextDeadline(after: springNow, in: configuration)
            #expect(spring?.time.seconds == epoch("2026-03-29 03:00"))
            #expect(spring?.label == fixture.path("h.log") + " hourly")

            let daily = try DriverFixture(
                config: "@DIR@/h.log {\n hourly\n}\n",
                state: ["h.log": "2026-10-25 02:10"],
                files: ["h.log": ""]
            )
            defer { daily.directory.remove() }
            // 02:30 CEST (00:30 UTC): 02:xx CET is the same clock hour as the last rotation, so 03:00 CET is next.
            let fallNow = Timestamp(seconds: 1_792_888_200)
            let fall = daily.driver.nextDeadline(
                after: fallNow,
                in: try await daily.driver.loadConfiguration(at: fallNow)
            )
            #expect(fall?.time.seconds == 1_792_893_600)
        }
    }

    @Test func machineOffOverABoundary_rotatesOnceOnStart_notTwice() async throws {
        try await withFixtureInUTC(
            config: "@DIR@/a.log {\n daily\n rotate 2\n create\n}\n",
            state: ["a.log": "2026-11-28 05:00"],
            files: ["a.log": "yesterday\n"]
        ) { fixture throws in
            let clock = ManualClock(now: epoch("2026-11-29 10:00"))
            let harness = ServiceHarness(driver: fixture.driver, clock: clock, log: fixture.log)
            #expect(await fixture.log.wait { $0.contains { $0.contains("Rotated \(fixture.path("a.log"))") } })
            #expect(await clock.armed.wait { $0.contains(Timestamp(seconds: epoch("2026-11-30 00:00"))) })
            clock.advance(to: epoch("2026-11-29 11:30"))
            harness.triggers.yield(.deadline(Timestamp(seconds: epoch("2026-11-29 11:30"))))
            #expect(
                await fixture.log.wait { $0.contains { $0.contains("calendar check at 2026-11-29 11:30: 0 logs due") } }
            )
            try await harness.shutDown()
            #expect(await fixture.log.lines.filter { $0.contains("Rotated") }.count == 1)
            #expect(fixture.names == ["a.log", "a.log.1", "status"])
            #expect(fixture.stateText?.contains("\"\(fixture.path("a.log"))\" 2026-11-29-10:0:0") == true)
        }
    }

    @Test func clockSetBackWithinTheDay_rotatesNothingAndWaitsForMidnight() async throws {
        try await withFixtureInUTC(
            config: "@DIR@/a.log {\n daily\n}\n",
            state: ["a.log": "2026-11-29 10:00"],
            files: ["a.log": "x\n"]
        ) { fixture throws in
            #expect(try await fixture.due(at: "2026-11-29 08:00").isEmpty)
            #expect(try await fixture.nextDeadline(after: "2026-11-29 08:00") == "2026-11-30 00:00")
        }
    }

    @Test func clockSetBackBeyond25Hours_rotatesAsRotateWould() async throws {
        try await withFixtureInUTC(
            config: "@DIR@/a.log {\n daily\n}\n",
            state: ["a.log": "2026-11-29 10:00"],
            files: ["a.log": "x\n"]
        ) { fixture throws in
            try await fixture.rotateDue(at: "2026-11-28 08:00")
            #expect(await fixture.log.wait { $0.contains { $0.contains("last rotated in the future") } })
            #expect(fixture.names == ["status"], "rotated with rotate 0: nothing kept")
        }
    }

    @Test func logSeenFirst_isRecordedAndNotRotated() async throws {
        try await withFixtureInUTC(
            config: "@DIR@/new.log {\n hourly\n}\n",
            files: ["new.log": "x\n"]
        ) { fixture throws in
            #expect(try await fixture.due(at: "2026-11-29 10:20").isEmpty)
            #expect(fixture.stateText?.contains("\"\(fixture.path("new.log"))\" 2026-11-29-10:0:0") == true)
            #expect(try await fixture.due(at: "2026-11-29 11:00") == [fixture.path("new.log")])
        }
    }

    @Test func globWithSizeRulesOnly_isRescannedHourly() async throws {
        try await withFixtureInUTC(config: "@DIR@/*.log {\n size 1M\n}\n") { fixture throws in
            let now = Timestamp(seconds: epoch("2026-11-29 10:20"))
            let next = fixture.driver.nextDeadline(after: now, in: try await fixture.driver.loadConfiguration(at: now))
            #expect(
                next == Deadline(time: Timestamp(seconds: epoch("2026-11-29 11:00")), label: "rescan of glob patterns")
            )
        }
    }

    @Test func sizeWatches_coverSizeMaxsizeAndMinsize() async throws {
        let fixture = try DriverFixture(
            config: """
                @DIR@/size.log {
                 size 10k
                }
                @DIR@/max.log {
                 daily
                 maxsize 1k
                }
                @DIR@/min.log {
                 weekly
                 minsize 2k
                }
                @DIR@/time.log {
                 monthly
                }

                """
        )
        defer { fixture.directory.remove() }
        let watches = fixture.driver.sizeWatches(
            in: try await fixture.driver.loadConfiguration(at: Timestamp(seconds: 0))
        )
        #expect(
            watches == [
                SizeWatch(path: fixture.directory.path("size.log"), limit: 10_240),
                SizeWatch(path: fixture.directory.path("max.log"), limit: 1_025),
                SizeWatch(path: fixture.directory.path("min.log"), limit: 2_048),
            ]
        )
    }

    @Test func dryRun_logsThePlanAndChangesNothing() async throws {
        try await withFixtureInUTC(
            config: "@DIR@/a.log {\n daily\n rotate 1\n}\n",
            state: ["a.log": "2026-11-28 05:00"],
            files: ["a.log": "x\n"],
            dryRun: true
        ) { fixture throws in
            let before = fixture.stateText
            try await fixture.rotateDue(at: "2026-11-29 10:00")
            #expect(
                await fixture.log.wait { $0.contains { $0.hasPrefix("<6>renaming \(fixture.path("a.log"))") } }
            )
            #expect(await fixture.log.wait { $0.contains { $0.contains("Would rotate \(fixture.path("a.log"))") } })
            #expect(fixture.names == ["a.log", "status"])
            #expect(fixture.stateText == before)
            // The planned rotation counts as done in memory: not planned again before the next period.
            #expect(try await fixture.due(at: "2026-11-29 10:30").isEmpty)
            #expect(try await fixture.nextDeadline(after: "2026-11-29 10:30") == "2026-11-30 00:00")
        }
    }

    @Test func stateLockedWhenAJobRuns_skipsItWithAWarning_retriesSoon_andRotatesOnceReleased() async throws {
        try await withFixtureInUTC(
            config: "@DIR@/a.log {\n daily\n rotate 1\n}\n",
            state: ["a.log": "2026-11-28 05:00"],
            files: ["a.log": "x\n"],
            lockTimeout: .milliseconds(100)
        ) { fixture throws in
            chmod(fixture.path("status"), 0o600)  // a world-readable state file is not locked at all
            _ = try await fixture.configuration(at: Timestamp(seconds: epoch("2026-11-29 10:00")))
            let holder = try FlockHolder(file: fixture.path("status"))
            try await fixture.rotateDue(at: "2026-11-29 10:00")
            let warning =
                "state file \(fixture.path("status")) is still locked after 0.1 seconds (by pid \(holder.pid) (flock))"
            #expect(await fixture.log.wait { $0.contains { $0.contains(warning) } })
            #expect(fixture.names == ["a.log", "status"], "no rotation while another pass holds the state file")
            // The decision is not lost: the next deadline is a check one lock timeout (at least 1 s) later.
            #expect(try await fixture.nextDeadline(after: "2026-11-29 10:00") == "2026-11-29 10:00")
            holder.release()
            try await fixture.rotateDue(at: "2026-11-29 10:00")
            #expect(fixture.names == ["a.log.1", "status"])
            #expect(try await fixture.nextDeadline(after: "2026-11-29 10:00") == "2026-11-30 00:00")
            #expect(fixture.stateText?.contains(stateStamp("2026-11-29 10:00")) == true)
        }
    }

    @Test func failedRotation_keepsThePreviousStateEntry() async throws {
        try await withFixtureInUTC(
            config: "@DIR@/a.log {\n daily\n prerotate\n  exit 1\n endscript\n}\n",
            state: ["a.log": "2026-11-28 05:00"],
            files: ["a.log": "x\n"]
        ) { fixture throws in
            try await fixture.rotateDue(at: "2026-11-29 10:00")
            #expect(
                await fixture.log.wait { $0.contains { $0.contains("Rotation of \(fixture.path("a.log")) failed") } }
            )
            #expect(fixture.stateText?.contains(stateStamp("2026-11-28 05:00")) == true)
            #expect(fixture.names == ["a.log", "status"])
        }
    }

    @Test func configurationWithErrors_isRejected() async throws {
        let fixture = try DriverFixture(config: "@DIR@/a.log {\n rotate five\n}\n")
        defer { fixture.directory.remove() }
        await #expect(throws: ConfigurationRejected.self) {
            try await fixture.driver.loadConfiguration(at: Timestamp(seconds: 0))
        }
    }
}
