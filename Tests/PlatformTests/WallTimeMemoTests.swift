import Platform
import PlatformTesting
import Testing

/// `LocalTime.epochSeconds` remembers conversions, but never across a change of the time zone.
@Suite struct WallTimeMemoTests {
    private let noon = LocalTime(year: 2026, month: 7, day: 1, hour: 12)

    @Test func sameWallTime_inAnotherZone_isConvertedAgain() async {
        let utc = await withTimeZone("UTC") { (noon.epochSeconds, noon.epochSeconds) }
        let berlin = await withTimeZone("Europe/Berlin") { noon.epochSeconds }
        let utcAgain = await withTimeZone("UTC") { noon.epochSeconds }

        #expect(utc.0 == 1_782_907_200 && utc.1 == utc.0)
        #expect(berlin == utc.0 - 7_200, "CEST is UTC+2")
        #expect(utcAgain == utc.0)
    }

    @Test func repeatedWallTimeSkippedByDST_givesTheSameInstantEveryTime() async {
        // 02:30 does not exist on 2026-03-29 in Berlin; the answer must not depend on what was converted before.
        let skipped = LocalTime(year: 2026, month: 3, day: 29, hour: 2, minute: 30)
        let answers = await withTimeZone("Europe/Berlin") {
            let first = skipped.epochSeconds
            _ = LocalTime(year: 2026, month: 10, day: 25, hour: 2, minute: 30).epochSeconds
            return [first, skipped.epochSeconds]
        }
        #expect(answers[0] == answers[1])
    }
}
