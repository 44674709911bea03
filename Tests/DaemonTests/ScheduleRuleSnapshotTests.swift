import LogrotateConfig
import Platform
import PlatformTesting
import Scheduling
import SystemPackage
import Testing

@testable import Daemon

/// The daemon's calendar triggers for `minutes`, `at` and `spread`, from configuration text to `nextDeadline`, with a
/// fake clock (the `now` passed in) and DST days in Europe/Berlin.
@Suite struct ScheduleRuleSnapshotTests {
    private func blocks(_ text: String, host: String = "host-a") -> [LogBlock] {
        ConfigParser(hostIdentity: host).parse(text, file: "/etc/t.conf").blocks
    }

    private func time(_ text: String) -> Int64 {
        let n = text.split { $0 == "-" || $0 == " " || $0 == ":" }.map { Int($0)! }
        return LocalTime(year: n[0], month: n[1], day: n[2], hour: n[3], minute: n[4]).epochSeconds
    }

    /// A snapshot of one block with one log, `/l/a.log`, last rotated at `last`.
    private func snapshot(_ text: String, last: String, now: Int64, host: String = "host-a") -> Snapshot {
        Snapshot(
            blocks: blocks(text, host: host),
            logsOfBlock: [["/l/a.log"]],
            state: StateFile(entries: [.init(path: "/l/a.log", lastRotated: LocalTime(epochSeconds: time(last)))]),
            now: now
        )
    }

    /// Pops the due log at `now`, records a rotation at `now`, and returns the next deadline.
    private func rotate(_ snapshot: inout Snapshot, at now: Int64) -> Int64? {
        #expect(snapshot.takeDue(at: now) == ["/l/a.log"])
        var recorded = snapshot.entries(of: ["/l/a.log"])
        recorded["/l/a.log"] = LocalTime(epochSeconds: now)
        snapshot.settle(["/l/a.log"], recorded: recorded, now: now)
        return snapshot.nextDeadline()?.time.seconds
    }

    @Test func minutes_triggersAtLastPlusN_thenEveryNMinutes() async {
        await withTimeZone("Europe/Berlin") {
            var snapshot = snapshot(
                "/l/a.log {\nminutes 10\n}\n",
                last: "2026-03-29 01:45",
                now: time("2026-03-29 01:50")
            )
            let first = time("2026-03-29 01:55")
            #expect(snapshot.nextDeadline()?.time.seconds == first)
            #expect(snapshot.nextDeadline()?.label == "/l/a.log minutes 10")
            #expect(snapshot.takeDue(at: first - 1).isEmpty)
            #expect(rotate(&snapshot, at: first) == first + 600, "03:05 CEST, ten minutes later across the gap")
        }
    }

    @Test func dailyAt_onTheSpringForwardDay_firesAfterTheGap_thenAtTheWallTime() async {
        await withTimeZone("Europe/Berlin") {
            var snapshot = snapshot(
                "/l/a.log {\ndaily\nat 02:30\n}\n",
                last: "2026-03-28 02:30",
                now: time("2026-03-28 12:00")
            )
            let skipped = time("2026-03-29 03:30")
            #expect(snapshot.nextDeadline()?.time.seconds == skipped)
            #expect(rotate(&snapshot, at: skipped) == time("2026-03-30 02:30"))
        }
    }

    @Test func dailyAt_onTheFallBackDay_firesOnce() async {
        await withTimeZone("Europe/Berlin") {
            var snapshot = snapshot(
                "/l/a.log {\ndaily\nat 02:30\n}\n",
                last: "2026-10-24 02:30",
                now: time("2026-10-24 12:00")
            )
            let firstTwoThirty = time("2026-10-25 02:30")
            #expect(snapshot.nextDeadline()?.time.seconds == firstTwoThirty)
            #expect(rotate(&snapshot, at: firstTwoThirty) == time("2026-10-26 02:30"))
        }
    }

    @Test func weeklyAndMonthlyAt_triggerOnTheirDay() async {
        await withTimeZone("UTC") {
            var weekly = snapshot(
                "/l/a.log {\nweekly\nat saturday 23:00\n}\n",
                last: "2026-11-21 23:00",
                now: time("2026-11-24 12:00")
            )
            #expect(weekly.nextDeadline()?.time.seconds == time("2026-11-28 23:00"))
            var monthly = snapshot(
                "/l/a.log {\nmonthly\nat last 22:00\n}\n",
                last: "2028-01-31 22:00",
                now: time("2028-02-01 00:00")
            )
            #expect(monthly.nextDeadline()?.time.seconds == time("2028-02-29 22:00"))
        }
    }

    @Test func spread_movesMidnightByTheHostsStableDelay_withinTheWindow() async {
        await withTimeZone("Europe/Berlin") {
            let text = "/l/a.log {\ndaily\nspread 3h\n}\n"
            let now = time("2026-03-28 12:00")
            let midnight = time("2026-03-29 00:00")
            var deadlines: [Int64] = []
            for host in ["host-a", "host-b", "host-c", "host-d"] {
                var snapshot = snapshot(text, last: "2026-03-28 03:00", now: now, host: host)
                let delay = blocks(text, host: host)[0].settings.spreadDelay
                #expect(delay == SpreadDelay.seconds(window: 10_800, key: "/l/a.log", host: host))
                let deadline = snapshot.nextDeadline()!.time.seconds
                #expect(deadline == midnight + delay)
                #expect((midnight..<midnight + 10_800).contains(deadline))
                deadlines.append(deadline)
            }
            #expect(Set(deadlines).count > 1, "hosts of a fleet do not all rotate at one moment")
            var again = snapshot(text, last: "2026-03-28 03:00", now: now, host: "host-a")
            #expect(again.nextDeadline()?.time.seconds == deadlines[0], "the same host keeps its moment")
        }
    }

    @Test func spreadWithoutRotation_waitsForTheNextMoment() async {
        await withTimeZone("UTC") {
            let text = "/l/a.log {\ndaily\nat 03:00\nspread 1h\n}\n"
            let delay = blocks(text)[0].settings.spreadDelay
            let moment = time("2026-11-29 03:00") + delay
            var snapshot = snapshot(text, last: "2026-11-28 04:00", now: time("2026-11-29 00:00"))
            #expect(snapshot.nextDeadline()?.time.seconds == moment)
            #expect(snapshot.takeDue(at: moment) == ["/l/a.log"])
            snapshot.settle(["/l/a.log"], recorded: snapshot.entries(of: ["/l/a.log"]), now: moment)
            #expect(snapshot.nextDeadline()?.time.seconds == moment + 86_400)
        }
    }

    @Test func outlook_namesTheRuleWithItsMomentAndSpread() async {
        await withTimeZone("UTC") {
            let settings = blocks("/l/a.log {\nweekly 6\nat 03:30\nspread 2h\n}\n")[0].settings
            let outlook = LogOutlook(
                path: "/l/a.log",
                settings: settings,
                size: 10,
                lastRotated: LocalTime(epochSeconds: time("2026-11-28 06:00")),
                now: time("2026-11-29 10:00")
            )
            let delay = DurationWords.text(settings.spreadDelay / 60 * 60)
            #expect(outlook.rule == "weekly 6 at 03:30, spread 2h (+\(delay) here)")
            #expect(outlook.next == .at(time("2026-12-05 03:30") + settings.spreadDelay))
        }
    }
}
