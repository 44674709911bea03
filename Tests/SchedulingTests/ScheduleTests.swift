import LogrotateConfig
import Platform
import PlatformTesting
import Testing

@testable import Scheduling

extension ZonedTests {
    @Suite struct ScheduleTests {
        /// (frequency, now, last, expected deadline) in UTC wall time.
        static let cases: [(Frequency, String, String, String)] = [
            (.hourly, "2026-11-29 02:35", "2026-11-29 02:00", "2026-11-29 03:00"),
            (.hourly, "2026-12-31 23:10", "2026-12-31 23:00", "2027-01-01 00:00"),
            (.hourly, "2026-11-29 02:35", "2026-11-29 01:00", "2026-11-29 02:35"),
            (.daily, "2026-11-29 02:35", "2026-11-29 00:00", "2026-11-30 00:00"),
            (.daily, "2028-02-28 10:00", "2028-02-28 00:00", "2028-02-29 00:00"),
            (.daily, "2026-11-29 02:35", "2026-11-28 23:00", "2026-11-29 02:35"),
            (.weekly(weekday: 0), "2026-11-24 12:00", "2026-11-23 10:00", "2026-11-29 00:00"),
            (.weekly(weekday: 1), "2026-11-23 12:00", "2026-11-23 10:00", "2026-11-30 00:00"),
            (.weekly(weekday: 3), "2026-11-22 12:00", "2026-11-22 10:00", "2026-11-25 00:00"),
            (.weekly(weekday: 7), "2026-11-24 12:00", "2026-11-23 10:00", "2026-11-30 00:00"),
            (.weekly(weekday: 6), "2026-11-28 00:30", "2026-11-28 00:10", "2026-12-05 00:00"),
            (.monthly, "2026-01-31 10:00", "2026-01-02 00:00", "2026-02-01 00:00"),
            (.monthly, "2026-12-15 10:00", "2026-12-01 00:00", "2027-01-01 00:00"),
            (.monthly, "2028-02-29 10:00", "2028-02-01 00:00", "2028-03-01 00:00"),
            (.yearly, "2026-06-15 10:00", "2026-01-01 00:00", "2027-01-01 00:00"),
            (.yearly, "2026-06-15 10:00", "2026-06-17 12:00", "2026-06-15 10:00"),
            (.daily, "2026-06-15 10:00", "2026-06-17 12:00", "2026-06-15 10:00"),
        ]

        @Test(arguments: cases)
        func nextDeadline_isNextCalendarBoundary(
            frequency: Frequency,
            now: String,
            last: String,
            expected: String
        ) async {
            await withTimeZone("UTC") {
                let deadline = Schedule.nextDeadline(after: t(now), frequency: frequency, lastRotated: t(last))
                #expect(LocalTime(epochSeconds: deadline) == t(expected))
                expectConsistent(deadline: deadline, now: t(now).epochSeconds, frequency: frequency, last: t(last))
            }
        }
    }
}
