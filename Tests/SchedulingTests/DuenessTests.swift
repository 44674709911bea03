import LogrotateConfig
import Platform
import PlatformTesting
import SystemPackage
import Testing

@testable import Scheduling

/// One row of a due-ness table; times are UTC wall times `"Y-M-D h:m[:s]"` converted inside the test.
struct DuenessCase: Sendable, CustomTestStringConvertible {
    var name: String
    var settings: LogSettings
    var last: String?
    var now = "2026-11-29 02:35"
    var size: UInt64 = 5
    var ageSeconds: Int64 = 100 * 86_400
    var force = false
    var expected: [String]

    var testDescription: String { name }
}

private let daily = RotationCriterion.time(.daily)
private let sizeBelow = "  log does not need rotating (log size is below the 'size' threshold)"
private let already = "  log does not need rotating (log has already been rotated)"
private let empty = "  log does not need rotating (log is empty)"
private let minSizeText =
    "  log does not need rotating ('minsize' directive is used and the log size is smaller than the minsize value)"
private let minAgeText =
    "  log does not need rotating ('minage' directive is used and the log age is smaller than the minage days)"
private let needs = "  log needs rotating"
private let future = "error: log /l/t.log last rotated in the future -- rotation forced"

private func notYet(_ last: String, _ period: String) -> String {
    "  log does not need rotating (log has been rotated at \(last), which is less than \(period) ago)"
}

extension ZonedTests {
    @Suite struct DuenessTableTests {
        static let branches: [DuenessCase] = [
            .init(name: "force", settings: settings(daily), last: "2026-11-29 02:00", force: true, expected: [needs]),
            .init(
                name: "force ignores minsize and minage",
                settings: settings(daily, minSize: 100, minAge: 5),
                last: "2026-11-29 02:00",
                ageSeconds: 60,
                force: true,
                expected: [needs]
            ),
            .init(
                name: "notifempty under force",
                settings: settings(daily, ifEmpty: false),
                last: "2026-11-29 01:00",
                size: 0,
                force: true,
                expected: [empty]
            ),
            .init(
                name: "maxsize strictly exceeded",
                settings: settings(daily, maxSize: 4, minAge: 5),
                last: "2026-11-29 02:00",
                ageSeconds: 60,
                expected: [needs]
            ),
            .init(
                name: "maxsize equal",
                settings: settings(daily, maxSize: 5),
                last: "2026-11-29 02:00",
                expected: [already]
            ),
            .init(
                name: "maxsize beats minsize",
                settings: settings(daily, minSize: 10, maxSize: 4),
                last: "2026-11-29 01:00",
                expected: [needs]
            ),
            .init(name: "size reached (>=)", settings: settings(.size(5)), last: "2026-11-29 02:00", expected: [needs]),
            .init(name: "size below", settings: settings(.size(10)), last: "2026-11-29 01:00", expected: [sizeBelow]),
            .init(
                name: "size ignores minage",
                settings: settings(.size(1), minAge: 2),
                last: "2026-11-28 01:00",
                ageSeconds: 3600,
                expected: [needs]
            ),
            .init(name: "size 0 empty file", settings: settings(.size(0)), last: nil, size: 0, expected: [needs]),
            .init(
                name: "size 0 notifempty",
                settings: settings(.size(0), ifEmpty: false),
                last: nil,
                size: 0,
                expected: [empty]
            ),
            .init(
                name: "future > 25h",
                settings: settings(daily),
                last: "2026-11-30 04:00",
                expected: [future, needs]
            ),
            .init(name: "future exactly 25h", settings: settings(daily), last: "2026-11-30 03:35", expected: [needs]),
            .init(
                name: "future 25h+1s",
                settings: settings(.time(.monthly)),
                last: "2026-11-30 03:35:01",
                expected: [future, needs]
            ),
            .init(
                name: "future within 25h, same month",
                settings: settings(.time(.monthly)),
                last: "2026-11-30 01:00",
                expected: [notYet("2026-11-30 01:00", "a month")]
            ),
            .init(
                name: "future forced then notifempty",
                settings: settings(.time(.weekly(weekday: 0)), ifEmpty: false),
                last: "2026-12-30 04:00",
                size: 0,
                expected: [future, empty]
            ),
            .init(
                name: "same clock hour",
                settings: settings(.time(.hourly)),
                last: "2026-11-29 02:00",
                expected: [already]
            ),
            .init(name: "first seen", settings: settings(.time(.hourly)), last: nil, expected: [already]),
            .init(
                name: "same hour skips minage",
                settings: settings(daily, minAge: 2),
                last: "2026-11-29 02:00",
                ageSeconds: 60,
                expected: [already]
            ),
            .init(
                name: "hourly next hour",
                settings: settings(.time(.hourly)),
                last: "2026-11-29 01:59",
                expected: [needs]
            ),
            .init(
                name: "daily calendar day, not 24h",
                settings: settings(daily),
                last: "2026-11-28 23:59",
                now: "2026-11-29 00:44",
                expected: [needs]
            ),
            .init(
                name: "daily same date",
                settings: settings(daily),
                last: "2026-11-29 01:00",
                expected: [notYet("2026-11-29 01:00", "a day")]
            ),
            .init(
                name: "minsize blocks",
                settings: settings(daily, minSize: 10),
                last: "2026-11-27 01:00",
                expected: [minSizeText]
            ),
            .init(
                name: "minsize equal passes",
                settings: settings(daily, minSize: 5),
                last: "2026-11-27 01:00",
                expected: [needs]
            ),
            .init(
                name: "minage blocks",
                settings: settings(daily, minAge: 2),
                last: "2026-11-27 01:00",
                ageSeconds: 3600,
                expected: [minAgeText]
            ),
            .init(
                name: "minage exactly N days blocks (>=)",
                settings: settings(daily, minAge: 2),
                last: "2026-11-27 01:00",
                ageSeconds: 2 * 86_400,
                expected: [minAgeText]
            ),
            .init(
                name: "minage N days + 1s passes",
                settings: settings(daily, minAge: 2),
                last: "2026-11-27 01:00",
                ageSeconds: 2 * 86_400 + 1,
                expected: [needs]
            ),
            .init(
                name: "not yet, minsize, minage all reported",
                settings: settings(daily, minSize: 10, minAge: 2),
                last: "2026-11-29 01:00",
                ageSeconds: 3600,
                expected: [notYet("2026-11-29 01:00", "a day"), minSizeText, minAgeText]
            ),
            .init(
                name: "minsize reported before notifempty would",
                settings: settings(daily, minSize: 10, ifEmpty: false),
                last: "2026-11-27 01:00",
                size: 0,
                expected: [minSizeText]
            ),
            .init(
                name: "notifempty after period",
                settings: settings(daily, ifEmpty: false),
                last: "2026-11-27 01:00",
                size: 0,
                expected: [empty]
            ),
            .init(
                name: "ifempty empty",
                settings: settings(daily),
                last: "2026-11-27 01:00",
                size: 0,
                expected: [needs]
            ),
        ]

        @Test(arguments: branches)
        func decide_branch(_ row: DuenessCase) async {
            let lines = await withTimeZone("UTC") { reasonLines(decide(row)) }
            #expect(lines == row.expected)
        }

        static let calendar: [DuenessCase] = [
            .init(
                name: "monthly month end",
                settings: settings(.time(.monthly)),
                last: "2026-01-31 23:00",
                now: "2026-02-01 00:10",
                expected: [needs]
            ),
            .init(
                name: "monthly same month",
                settings: settings(.time(.monthly)),
                last: "2026-02-01 00:00",
                now: "2026-02-28 23:59",
                expected: [notYet("2026-02-01 00:00", "a month")]
            ),
            .init(
                name: "monthly year boundary",
                settings: settings(.time(.monthly)),
                last: "2026-12-31 23:00",
                now: "2027-01-01 00:00",
                expected: [needs]
            ),
            .init(
                name: "monthly same month other year",
                settings: settings(.time(.monthly)),
                last: "2025-11-29 02:00",
                expected: [needs]
            ),
            .init(
                name: "yearly new year",
                settings: settings(.time(.yearly)),
                last: "2026-12-31 23:00",
                now: "2027-01-01 00:10",
                expected: [needs]
            ),
            .init(
                name: "yearly same year",
                settings: settings(.time(.yearly)),
                last: "2026-01-01 00:00",
                now: "2026-12-31 23:59",
                expected: [notYet("2026-01-01 00:00", "a year")]
            ),
            .init(
                name: "daily into leap day",
                settings: settings(daily),
                last: "2028-02-28 12:00",
                now: "2028-02-29 00:00",
                expected: [needs]
            ),
            .init(
                name: "daily on leap day",
                settings: settings(daily),
                last: "2028-02-29 00:00",
                now: "2028-02-29 23:00",
                expected: [notYet("2028-02-29 00:00", "a day")]
            ),
            .init(
                name: "monthly leap day to March",
                settings: settings(.time(.monthly)),
                last: "2028-02-29 10:00",
                now: "2028-03-01 00:00",
                expected: [needs]
            ),
            .init(
                name: "weekly 7 across leap day",
                settings: settings(.time(.weekly(weekday: 7))),
                last: "2028-02-23 23:00",
                now: "2028-03-01 00:00",
                expected: [needs]
            ),
            .init(
                name: "weekly 7 six days across leap day",
                settings: settings(.time(.weekly(weekday: 7))),
                last: "2028-02-24 00:00",
                now: "2028-03-01 23:00",
                expected: [notYet("2028-02-24 00:00", "a week")]
            ),
        ]

        @Test(arguments: calendar)
        func decide_calendar(_ row: DuenessCase) async {
            let lines = await withTimeZone("UTC") { reasonLines(decide(row)) }
            #expect(lines == row.expected)
        }

        /// 2026-11-22 is a Sunday. (weekday setting, last, now, due)
        static let weekly: [(Int, String, String, Bool)] =
            (0...7).flatMap { weekday in
                [
                    // 1 day later, Monday 23 → Tuesday 24 (wday 2).
                    (weekday, "2026-11-23 23:00", "2026-11-24 00:30", weekday == 2),
                    // 6 days later, Sunday → Saturday 28 (wday 6).
                    (weekday, "2026-11-22 00:00", "2026-11-28 23:59", weekday == 6),
                    // exactly 7 days by date, at any hour: always.
                    (weekday, "2026-11-22 23:00", "2026-11-29 00:00", true),
                    // same date, other hour: never.
                    (weekday, "2026-11-29 00:00", "2026-11-29 05:00", false),
                    // 3 days later, Sunday 22 → Wednesday 25 (wday 3).
                    (weekday, "2026-11-22 10:00", "2026-11-25 09:00", weekday == 3),
                ]
            }

        @Test(arguments: weekly)
        func decide_weekly(weekday: Int, last: String, now: String, due: Bool) async {
            let row = DuenessCase(
                name: "weekly",
                settings: settings(.time(.weekly(weekday: weekday))),
                last: last,
                now: now,
                expected: []
            )
            let decision = await withTimeZone("UTC") { decide(row) }
            #expect(decision.isDue == due)
            #expect(due || reasonLines(decision).first?.hasPrefix("  log does not need rotating (log has") == true)
        }

        @Test func decide_firstSeen_reportsNowTruncatedAsLastRotated() async {
            await withTimeZone("UTC") {
                let row = DuenessCase(name: "", settings: settings(daily), last: nil, expected: [])
                let decision = decide(row)
                #expect(decision.times?.lastRotated == t("2026-11-29 02:00"))
                #expect(
                    decision.messages.prefix(2).map(\.text) == [
                        "  Now: 2026-11-29 02:35", "  Last rotated at 2026-11-29 02:00",
                    ]
                )
            }
        }
    }
}

/// Runs `decide` for a table row, with the log at `/l/t.log`.
func decide(_ row: DuenessCase, status: Result<FileStatus, Errno>? = nil) -> Decision {
    let now = t(row.now).epochSeconds
    let file = regularFile(size: row.size, modified: now - row.ageSeconds)
    return Dueness.decide(
        path: "/l/t.log",
        pattern: "/l/*.log ",
        settings: row.settings,
        status: status ?? .success(file),
        lastRotated: row.last.map(t),
        now: now,
        force: row.force
    )
}
