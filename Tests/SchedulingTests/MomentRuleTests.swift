import LogrotateConfig
import Platform
import PlatformTesting
import Testing

@testable import Scheduling

/// A table row for a rule with `at` or `spread`: the rule, `now`, the last rotation and the expected deadline.
struct MomentCase: Sendable, CustomTestStringConvertible {
    var rule: TimeRule
    var now: String
    var last: String
    var deadline: String

    var testDescription: String { "\(rule) now \(now) last \(last)" }

    init(
        _ frequency: Frequency,
        at moment: CalendarMoment? = nil,
        delay: Int64 = 0,
        _ now: String,
        _ last: String,
        _ deadline: String
    ) {
        self.rule = TimeRule(frequency, moment: moment, delay: delay)
        self.now = now
        self.last = last
        self.deadline = deadline
    }
}

private func at(_ hour: Int, _ minute: Int = 0, day: CalendarMoment.Day? = nil) -> CalendarMoment {
    CalendarMoment(day: day, hour: hour, minute: minute)
}

extension ZonedTests {
    /// `at` and `spread`: the daemon's deadline and `rotate`'s due-ness, in UTC and across DST in Europe/Berlin.
    @Suite struct MomentRuleTests {
        static let utc: [MomentCase] = [
            .init(.daily, at: at(3, 30), "2026-11-29 02:00", "2026-11-28 03:31", "2026-11-29 03:30"),
            .init(.daily, at: at(3, 30), "2026-11-29 04:00", "2026-11-28 03:31", "2026-11-29 04:00"),
            .init(.daily, at: at(3, 30), "2026-11-29 04:00", "2026-11-29 03:30", "2026-11-30 03:30"),
            .init(
                .weekly(weekday: 0),
                at: at(23, 59, day: .weekday(6)),
                "2026-11-24 12:00",
                "2026-11-23 10:00",
                "2026-11-28 23:59"
            ),
            .init(.weekly(weekday: 6), at: at(3, 30), "2026-11-24 12:00", "2026-11-21 05:00", "2026-11-28 03:30"),
            .init(.weekly(weekday: 7), at: at(3, 30), "2026-11-24 12:00", "2026-11-23 10:00", "2026-11-30 03:30"),
            .init(.monthly, at: at(23, day: .lastOfMonth), "2028-02-10 12:00", "2028-01-31 23:00", "2028-02-29 23:00"),
            .init(.monthly, at: at(23, day: .lastOfMonth), "2026-02-10 12:00", "2026-01-31 23:00", "2026-02-28 23:00"),
            .init(.monthly, at: at(0, day: .monthDay(31)), "2026-04-02 12:00", "2026-03-31 00:00", "2026-04-30 00:00"),
            .init(.monthly, at: at(4, day: .monthDay(15)), "2026-12-20 12:00", "2026-12-15 04:00", "2027-01-15 04:00"),
            .init(.yearly, at: at(6), "2026-06-15 10:00", "2026-01-01 06:00", "2027-01-01 06:00"),
            .init(.hourly, at: at(0, 15), "2026-11-29 10:20", "2026-11-29 10:15", "2026-11-29 11:15"),
            .init(.hourly, at: at(0, 15), "2026-11-29 10:10", "2026-11-29 09:15", "2026-11-29 10:15"),
            .init(.daily, delay: 5_400, "2026-11-29 00:30", "2026-11-28 01:30", "2026-11-29 01:30"),
            .init(.daily, at: at(23), delay: 7_200, "2026-11-28 12:00", "2026-11-28 01:00", "2026-11-29 01:00"),
            .init(.monthly, delay: 3 * 86_400, "2026-12-02 12:00", "2026-11-04 00:00", "2026-12-04 00:00"),
        ]

        @Test(arguments: utc)
        func nextDeadline_momentRule_utc(_ row: MomentCase) async {
            await withTimeZone("UTC") { expectDeadline(row) }
        }

        /// Europe/Berlin: 2026-03-29 02:00 CET → 03:00 CEST, 2026-10-25 03:00 CEST → 02:00 CET. `t` reads a repeated
        /// wall time as its first occurrence.
        static let berlin: [MomentCase] = [
            // 02:30 does not exist on the spring-forward day: the moment is 03:30 CEST (mktime), once.
            .init(.daily, at: at(2, 30), "2026-03-29 00:00", "2026-03-28 02:30", "2026-03-29 03:30"),
            .init(.daily, at: at(2, 30), "2026-03-29 04:00", "2026-03-29 03:30", "2026-03-30 02:30"),
            // 02:30 happens twice on the fall-back day: the first one is the moment, the second is not.
            .init(.daily, at: at(2, 30), "2026-10-25 00:00", "2026-10-24 02:30", "2026-10-25 02:30"),
            .init(.weekly(weekday: 0), at: at(2, 30), "2026-03-25 12:00", "2026-03-22 02:30", "2026-03-29 03:30"),
            .init(.daily, delay: 3_600, "2026-03-28 12:00", "2026-03-28 01:00", "2026-03-29 01:00"),
            .init(.daily, delay: 10_800, "2026-03-28 12:00", "2026-03-28 03:00", "2026-03-29 04:00"),
            .init(
                .monthly,
                at: at(2, 30, day: .lastOfMonth),
                "2026-10-02 12:00",
                "2026-09-30 02:30",
                "2026-10-31 02:30"
            ),
            // Hourly moments are elapsed hours: one in the skipped hour is at the next, the repeated hour has its own.
            .init(.hourly, at: at(0, 30), "2026-03-29 01:40", "2026-03-29 01:30", "2026-03-29 03:30"),
        ]

        @Test(arguments: berlin)
        func nextDeadline_momentRule_acrossDST(_ row: MomentCase) async {
            await withTimeZone("Europe/Berlin") { expectDeadline(row) }
        }

        @Test func nextDeadline_dailyAt0230_afterTheFirstOfTwo_waitsForTheNextDay() async {
            await withTimeZone("Europe/Berlin") {
                let rule = TimeRule(.daily, moment: at(2, 30))
                let first = t("2026-10-25 02:30").epochSeconds
                let secondTwoForty = LocalTime(epochSeconds: first + 3_600 + 600)
                #expect(secondTwoForty.hour == 2)
                let deadline = Schedule.nextDeadline(
                    after: secondTwoForty,
                    rule: rule,
                    lastRotated: LocalTime(epochSeconds: first)
                )
                #expect(LocalTime(epochSeconds: deadline) == t("2026-10-26 02:30"))
            }
        }

        @Test func nextDeadline_hourlyInRepeatedHour_firesInEachOccurrence() async {
            await withTimeZone("Europe/Berlin") {
                let rule = TimeRule(.hourly, moment: at(0, 30))
                let first = t("2026-10-25 02:30").epochSeconds
                let deadline = Schedule.nextDeadline(
                    after: LocalTime(epochSeconds: first + 900),
                    rule: rule,
                    lastRotated: LocalTime(epochSeconds: first)
                )
                #expect(deadline == first + 3_600, "02:30 CET, the second 02:30")
            }
        }

        @Test func decide_momentNotReached_saysWhenNext() async {
            await withTimeZone("UTC") {
                var rowSettings = settings(.time(.daily))
                rowSettings.moment = at(3, 30)
                let row = DuenessCase(
                    name: "",
                    settings: rowSettings,
                    last: "2026-11-29 03:30",
                    now: "2026-11-29 10:00",
                    expected: []
                )
                let decision = decide(row)
                #expect(!decision.isDue)
                #expect(
                    reasonLines(decision) == [
                        "  log does not need rotating (log has been rotated at 2026-11-29 03:30, after the last"
                            + " scheduled time; next at 2026-11-30 03:30)"
                    ]
                )
            }
        }

        @Test func decide_momentPassedWithinTheSameClockHour_rotates() async {
            await withTimeZone("UTC") {
                var rowSettings = settings(.time(.hourly))
                rowSettings.moment = at(0, 30)
                let row = DuenessCase(
                    name: "",
                    settings: rowSettings,
                    last: "2026-11-29 10:00",
                    now: "2026-11-29 10:45",
                    expected: []
                )
                #expect(decide(row).isDue, "logrotate's same-hour gate does not hold a moment rule back")
            }
        }

        @Test func decide_spreadDelay_shiftsTheDailyMoment() async {
            await withTimeZone("UTC") {
                var rowSettings = settings(.time(.daily))
                rowSettings.spreadDelay = 2 * 3_600
                func due(last: String, now: String) -> Bool {
                    decide(DuenessCase(name: "", settings: rowSettings, last: last, now: now, expected: [])).isDue
                }
                #expect(!due(last: "2026-11-28 02:00", now: "2026-11-29 01:59"))
                #expect(due(last: "2026-11-28 02:00", now: "2026-11-29 02:00"))
                #expect(due(last: "2026-11-28 00:00", now: "2026-11-28 23:00"), "yesterday's 02:00 passed")
            }
        }
    }
}

/// Checks the deadline of a moment row, and that `decide` agrees: due at the deadline, not a second before.
private func expectDeadline(_ row: MomentCase) {
    let deadline = Schedule.nextDeadline(after: t(row.now), rule: row.rule, lastRotated: t(row.last))
    #expect(LocalTime(epochSeconds: deadline) == t(row.deadline))
    var rowSettings = settings(.time(row.rule.frequency))
    rowSettings.moment = row.rule.moment
    rowSettings.spreadDelay = row.rule.delay
    func due(_ instant: Int64) -> Bool {
        Dueness.decide(
            path: "/l/t.log",
            pattern: "/l/t.log ",
            settings: rowSettings,
            status: .success(regularFile(size: 5)),
            lastRotated: t(row.last),
            now: instant,
            force: false
        ).isDue
    }
    #expect(due(deadline))
    if deadline > t(row.now).epochSeconds { #expect(!due(deadline - 1)) }
}
