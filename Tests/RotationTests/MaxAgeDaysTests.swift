import LogrotateConfig
import Platform
import PlatformTesting
import Rotation
import SystemPackage
import Testing

/// `maxage N` counts whole days of age, as logrotate 3.22: a generation goes once it is N+1 full days old.
/// (maxage, age of `a.log.1` in seconds, removed)
private let maxAgeCases: [(Int, Int64, Bool)] = [
    (1, 23 * 3_600, false),
    (1, 36 * 3_600, false),
    (1, 48 * 3_600 - 1, false),
    (1, 48 * 3_600, true),
    (1, 49 * 3_600, true),
    (3, 95 * 3_600, false),
    (3, 96 * 3_600 + 60, true),
    (2, -86_400 * 30, false),
]

@Test(arguments: maxAgeCases)
func maxage_removesAGenerationOnlyAfterWholeDays(maxAge: Int, ageSeconds: Int64, removed: Bool) throws {
    let fileSystem = try memoryFileSystem(["a.log": "", "a.log.1": ""])
    let modified = Timestamp(seconds: testNow.epochSeconds - ageSeconds)
    try fileSystem.setTimes("/x/a.log.1", access: modified, modification: modified)
    let result = plan(
        makeBlock {
            $0.rotate = 5
            $0.maxAge = maxAge
        },
        in: fileSystem
    )
    let removal = RotationStep.remove("/x/a.log.1", purpose: .oldLog, preremove: nil, erasure: .unlink)
    #expect(result.steps.map(\.step).contains(removal) == removed)
}
