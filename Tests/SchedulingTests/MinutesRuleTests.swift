import LogrotateConfig
import Platform
import PlatformTesting
import Testing

@testable import Scheduling

extension ZonedTests {
    /// `minutes N` in `rotate` (due-ness) and in the daemon (its deadline is the last rotation + N minutes).
    @Suite struct MinutesRuleTests {
        /// (minutes, last, now, due)
        static let dueness: [(Int, String, String, Bool)] = [
            (5, "2026-11-29 10:00:00", "2026-11-29 10:04:59", false),
            (5, "2026-11-29 10:00:00", "2026-11-29 10:05:00", true),
            (15, "2026-11-29 10:00:00", "2026-11-29 10:30:00", true),
            (90, "2026-11-29 09:45:30", "2026-11-29 11:15:29", false),
            (90, "2026-11-29 09:45:30", "2026-11-29 11:15:30", true),
            (1, "2026-11-29 23:59:30", "2026-11-30 00:00:30", true),
        ]

        @Test(arguments: dueness)
        func decide_minutes_dueWhenNMinutesPassed(minutes: Int, last: String, now: String, due: Bool) async {
            let row = DuenessCase(
                name: "",
                settings: settings(.time(.minutes(minutes))),
                last: last,
                now: now,
                expected: []
            )
            let decision = await withTimeZone("UTC") { decide(row) }
            #expect(decision.isDue == due)
            if !due {
                let lastShort = String(last.prefix(16))
                #expect(
                    reasonLines(decision) == [
                        "  log does not need rotating (log has been rotated at \(lastShort), which is less than"
                            + " \(minutes) minutes ago)"
                    ]
                )
            }
        }

        @Test func decide_minutesWithoutStateEntry_countsFromTheHour() async {
            await withTimeZone("UTC") {
                let row = DuenessCase(
                    name: "",
                    settings: settings(.time(.minutes(30))),
                    last: nil,
                    now: "2026-11-29 02:35",
                    expected: []
                )
                #expect(decide(row).isDue, "02:00 + 30 minutes has passed")
            }
        }

        /// (minutes, now, last, deadline), in Europe/Berlin: elapsed minutes, whatever the wall clock does.
        static let deadlines: [(Int, String, String, String)] = [
            (10, "2026-11-29 10:03", "2026-11-29 10:00", "2026-11-29 10:10"),
            (10, "2026-11-29 10:30", "2026-11-29 10:00", "2026-11-29 10:30"),
            (30, "2026-03-29 01:50", "2026-03-29 01:45", "2026-03-29 03:15"),
            (45, "2026-10-25 02:10", "2026-10-25 01:50", "2026-10-25 02:35"),
        ]

        @Test(arguments: deadlines)
        func nextDeadline_minutes_isLastPlusN(minutes: Int, now: String, last: String, expected: String) async {
            await withTimeZone("Europe/Berlin") {
                let deadline = Schedule.nextDeadline(
                    after: t(now),
                    rule: TimeRule(.minutes(minutes)),
                    lastRotated: t(last)
                )
                #expect(LocalTime(epochSeconds: deadline) == t(expected))
                expectConsistent(
                    deadline: deadline,
                    now: t(now).epochSeconds,
                    frequency: .minutes(minutes),
                    last: t(last)
                )
            }
        }
    }
}
