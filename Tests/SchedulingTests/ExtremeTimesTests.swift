import LogrotateConfig
import Platform
import Testing

@testable import Scheduling

/// Times an unprivileged user sets on a log (`touch -d @-9223372036854775808`), or a state file holds, must be
/// decided on, never trap.
@Suite struct ExtremeTimesTests {
    private let now: Int64 = 1_795_919_640

    private func decide(modified: Int64, lastRotated: LocalTime?, minAge: Int) -> Decision {
        Dueness.decide(
            path: "/l/t.log",
            pattern: "/l/t.log ",
            settings: settings(.time(.daily), minAge: minAge),
            status: .success(regularFile(size: 5, modified: modified)),
            lastRotated: lastRotated,
            now: now,
            force: false
        )
    }

    @Test(arguments: [(Int64.min, true), (Int64.max, false)])
    func decide_minageWithExtremeModificationTime_comparesClampedAges(modified: Int64, oldEnough: Bool) {
        let lastRotated = LocalTime(epochSeconds: now - 3 * 86_400)
        let decision = decide(modified: modified, lastRotated: lastRotated, minAge: Int(Int32.max))
        #expect(decision.isDue == oldEnough)
    }

    @Test(arguments: [Int.max, Int.min])
    func decide_absurdLastRotatedDate_decidesWithoutTrapping(field: Int) {
        let absurd = LocalTime(year: field, month: field, day: field, hour: field, minute: field, second: field)
        let decision = decide(modified: now, lastRotated: absurd, minAge: 0)
        #expect(!decision.reasons.isEmpty)
    }

    @Test(arguments: [Int.max, Int.min])
    func nextDeadline_absurdLastRotatedDate_isAnInstantAtOrAfterNow(field: Int) {
        let absurd = LocalTime(year: field, month: field, day: field)
        let deadline = Schedule.nextDeadline(
            after: LocalTime(epochSeconds: now),
            frequency: .weekly(weekday: 0),
            lastRotated: absurd
        )
        #expect(deadline >= now)
    }
}
