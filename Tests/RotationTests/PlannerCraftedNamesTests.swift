import LogrotateConfig
import Platform
import PlatformTesting
import Rotation
import SystemPackage
import Testing

/// Names and times chosen by whoever owns the log's directory must cost neither a trap nor unbounded memory.
@Suite struct PlannerCraftedNamesTests {
    /// The renames of a plan as `old>new` file names.
    private func renames(_ result: RotationPlan) -> [String] {
        result.steps.compactMap { step -> String? in
            guard case .rename(let from, let to, _) = step.step else { return nil }
            return "\(from.lastComponent!)>\(to.lastComponent!)"
        }
    }

    @Test func plan_rotateMinus1WithMaximalIndex_ignoresItWithAWarning() throws {
        let fileSystem = try memoryFileSystem(["a.log": "", "a.log.1": "", "a.log.9223372036854775807": ""])
        let result = plan(makeBlock { $0.rotate = -1 }, in: fileSystem)
        #expect(renames(result) == ["a.log.1>a.log.2", "a.log>a.log.1"])
        #expect(
            result.warnings == [
                "ignoring /x/a.log.9223372036854775807: its index is beyond any logrotated gives (2147483647)"
            ]
        )
    }

    @Test func plan_rotateMinus1WithFarIndex_plansOnlyTheExistingGenerations() throws {
        let fileSystem = try memoryFileSystem(["a.log": "", "a.log.1": "", "a.log.2000000": ""])
        let result = plan(makeBlock { $0.rotate = -1 }, in: fileSystem)
        #expect(renames(result) == ["a.log.2000000>a.log.2000001", "a.log.1>a.log.2", "a.log>a.log.1"])
        #expect(result.steps.count == 4)
        #expect(result.warnings.isEmpty)
    }

    @Test func plan_hugeRotateAndStart_staysBoundedByTheExistingFiles() throws {
        let fileSystem = try memoryFileSystem(["a.log": "", "a.log.2147483646": ""])
        let block = makeBlock {
            $0.rotate = Int(Int32.max)
            $0.start = Int(Int32.max) - 1
        }
        let result = plan(block, in: fileSystem)
        #expect(renames(result) == ["a.log.2147483646>a.log.2147483647", "a.log>a.log.2147483646"])
    }

    @Test(arguments: [(Int64.min, true), (Int64.max, false)])
    func plan_maxageWithExtremeModificationTime_decidesWithoutOverflow(time: Int64, expired: Bool) throws {
        let fileSystem = try memoryFileSystem(["a.log": "", "a.log.1": ""])
        let extreme = Timestamp(seconds: time)
        try fileSystem.setTimes("/x/a.log.1", access: extreme, modification: extreme)
        let block = makeBlock {
            $0.rotate = 2
            $0.maxAge = Int(Int32.max)
        }
        let result = plan(block, in: fileSystem)
        let removal = RotationStep.remove("/x/a.log.1", purpose: .oldLog, preremove: nil, erasure: .unlink)
        #expect(result.steps.contains { $0.step == removal } == expired)
    }
}
