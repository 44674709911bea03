import LogrotateConfig
import Platform
import PlatformTesting
import Testing

@testable import Scheduling

extension ZonedTests {
    /// Europe/Berlin: spring forward (the week after 2026-03-29 00:00 lasts 6.96 days) 2026-03-29 02:00 CET → 03:00 CEST, fall back 2026-10-25 03:00 CEST → 02:00 CET.
    @Suite struct DaylightSavingTests {
        static let zone = "Europe/Berlin"

        @Test func daysElapsed_springForwardWeek_truncatesToSix() async {
            await withTimeZone(Self.zone) {
                #expect(Dueness.daysElapsed(from: t("2026-03-29 01:00"), to: t("2026-04-05 01:30")) == 6)
                #expect(Dueness.daysElapsed(from: t("2026-03-22 01:00"), to: t("2026-03-29 05:30")) == 7)
                #expect(Dueness.daysElapsed(from: t("2026-10-25 01:00"), to: t("2026-11-01 01:30")) == 7)
                #expect(Dueness.daysElapsed(from: t("2026-03-29 01:00"), to: t("2026-04-06 00:00")) == 7)
            }
        }

        /// (weekday, last, now, due)
        static let weekly: [(Int, String, String, Bool)] = [
            (7, "2026-03-29 01:00", "2026-04-05 05:00", false),
            (0, "2026-03-29 01:00", "2026-04-05 05:00", true),
            (7, "2026-03-29 01:00", "2026-04-06 00:00", true),
            (7, "2026-10-25 23:00", "2026-11-01 00:00", true),
            (1, "2026-10-26 23:00", "2026-11-01 23:59", false),
        ]

        @Test(arguments: weekly)
        func decide_weeklyAcrossDST(weekday: Int, last: String, now: String, due: Bool) async {
            let row = DuenessCase(
                name: "",
                settings: settings(.time(.weekly(weekday: weekday))),
                last: last,
                now: now,
                expected: []
            )
            #expect(await withTimeZone(Self.zone) { decide(row) }.isDue == due)
        }

        @Test func decide_dailyOverSpringForward_rotates() async {
            let row = DuenessCase(
                name: "",
                settings: settings(.time(.daily)),
                last: "2026-03-28 23:00",
                now: "2026-03-29 03:30",
                expected: []
            )
            #expect(await withTimeZone(Self.zone) { decide(row) }.isDue)
        }

        /// glibc's `mktime` resolves the repeated hour by the offset of its previous call: convert a summer and
        /// a winter time first, and the answer must not change.
        @Test func epochSeconds_repeatedFallBackHour_isItsFirstOccurrence() async {
            await withTimeZone(Self.zone) {
                let firstTwoThirty: Int64 = 1_792_888_200  // 2026-10-25 00:30 UTC = 02:30 CEST
                for primer in [t("2026-07-01 12:00"), t("2026-12-01 12:00")] {
                    _ = primer.epochSeconds
                    #expect(
                        LocalTime(year: 2026, month: 10, day: 25, hour: 2, minute: 30).epochSeconds == firstTwoThirty
                    )
                }
                #expect(LocalTime(year: 2026, month: 10, day: 25, hour: 3).epochSeconds == firstTwoThirty + 5_400)
                #expect(
                    LocalTime(year: 2026, month: 10, day: 25, hour: 1, minute: 59).epochSeconds == firstTwoThirty
                        - 1_860
                )
            }
        }

        @Test func decide_hourlyInRepeatedFallBackHour_isAlreadyRotated() async {
            await withTimeZone(Self.zone) {
                let firstTwoTen = t("2026-10-25 01:10").epochSeconds + 3600  // 02:10 CEST
                let secondTwoTwenty = firstTwoTen + 3600 + 600  // 02:20 CET
                let decision = Dueness.decide(
                    path: "/l/t.log",
                    pattern: "/l/t.log ",
                    settings: settings(.time(.hourly)),
                    status: .success(regularFile(size: 5)),
                    lastRotated: LocalTime(epochSeconds: firstTwoTen),
                    now: secondTwoTwenty,
                    force: false
                )
                #expect(reasonLines(decision) == ["  log does not need rotating (log has already been rotated)"])
            }
        }

        @Test func decide_futureToleranceOverFallBack_countsRealSeconds() async {
            await withTimeZone(Self.zone) {
                // 2026-10-24 02:30 CEST → 2026-10-25 02:30 CET is 25 h of real time: not more than 25 h.
                let row = DuenessCase(
                    name: "",
                    settings: settings(.time(.daily)),
                    last: "2026-10-25 03:30",
                    now: "2026-10-24 02:29",
                    expected: []
                )
                #expect(reasonLines(decide(row)).first?.hasPrefix("error:") == true)
                var within = row
                within.now = "2026-10-24 03:31"
                #expect(reasonLines(decide(within)) == ["  log needs rotating"])
            }
        }

        /// (frequency, now, last, expected deadline as Berlin wall time)
        static let deadlines: [(Frequency, String, String, String)] = [
            (.hourly, "2026-03-29 01:30", "2026-03-29 01:00", "2026-03-29 03:00"),
            (.daily, "2026-03-29 00:30", "2026-03-29 00:00", "2026-03-30 00:00"),
            (.hourly, "2026-10-25 01:30", "2026-10-25 01:00", "2026-10-25 02:00"),
            (.weekly(weekday: 7), "2026-03-30 12:00", "2026-03-29 01:00", "2026-04-06 00:00"),
            (.monthly, "2026-03-29 05:00", "2026-03-01 00:00", "2026-04-01 00:00"),
        ]

        @Test(arguments: deadlines)
        func nextDeadline_acrossDST(frequency: Frequency, now: String, last: String, expected: String) async {
            await withTimeZone(Self.zone) {
                let deadline = Schedule.nextDeadline(after: t(now), frequency: frequency, lastRotated: t(last))
                #expect(deadline == t(expected).epochSeconds)
                expectConsistent(deadline: deadline, now: t(now).epochSeconds, frequency: frequency, last: t(last))
            }
        }

        @Test func nextDeadline_randomBerlinTimes_agreeWithDecide() async {
            await withTimeZone(Self.zone) {
                var generator = SplitMix64(seed: 42)
                let start = t("2026-01-01 00:00").epochSeconds
                let frequencies: [Frequency] =
                    [.hourly, .daily, .monthly, .yearly] + (0...7).map { .weekly(weekday: $0) }
                for _ in 0..<300 {
                    let now = start + Int64(generator.next() % (366 * 86_400))
                    let last = LocalTime(epochSeconds: now - Int64(generator.next() % (40 * 86_400)) + 86_400)
                    let frequency = frequencies[Int(generator.next() % UInt64(frequencies.count))]
                    let deadline = Schedule.nextDeadline(
                        after: LocalTime(epochSeconds: now),
                        frequency: frequency,
                        lastRotated: last
                    )
                    expectConsistent(deadline: deadline, now: now, frequency: frequency, last: last)
                }
            }
        }
    }
}

/// `decide` is due at `deadline` and, when the deadline lies ahead, not due one second before.
func expectConsistent(deadline: Int64, now: Int64, frequency: Frequency, last: LocalTime) {
    func due(_ instant: Int64) -> Bool {
        Dueness.decide(
            path: "/l/t.log",
            pattern: "/l/t.log ",
            settings: settings(.time(frequency)),
            status: .success(regularFile(size: 5)),
            lastRotated: last,
            now: instant,
            force: false
        ).isDue
    }
    #expect(deadline >= now)
    #expect(due(deadline), "\(frequency) last \(last) now \(LocalTime(epochSeconds: now))")
    if deadline > now {
        #expect(!due(deadline - 1), "\(frequency) last \(last) now \(LocalTime(epochSeconds: now))")
    }
}
