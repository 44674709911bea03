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

    @Test(arguments: ["-%Y%m%d", "-%s", "-%V%H%M%S"])
    func plan_dateextWithAbsurdDatesAndMaxage_sortsAndExpiresWithoutTrapping(format: String) throws {
        let fileSystem = try memoryFileSystem([
            "a.log": "", "a.log-99999999": "", "a.log-00000000": "", "a.log-9999999999": "", "a.log-0000000000": "",
        ])
        let extreme = Timestamp(seconds: .min)
        try fileSystem.setTimes("/x/a.log-99999999", access: extreme, modification: extreme)
        let block = makeBlock {
            $0.dateExt = true
            $0.dateFormat = format
            $0.rotate = 1
            $0.maxAge = Int(Int32.max)
        }
        let rotated = plan(block, in: fileSystem).steps.contains { planned in
            if case .rename("/x/a.log", _, .rotate) = planned.step { true } else { false }
        }
        #expect(rotated)
    }

    /// `/x/caf\xe9` followed by `suffix`: a name that is not UTF-8 (Latin-1 é).
    private func latin1(_ suffix: String) -> FilePath {
        FilePath(bytes: Array("/x/caf".utf8) + [0xE9] + Array(suffix.utf8))
    }

    @Test func plan_logNameNotUTF8_shiftsAndCompressesUnderTheSameBytes() throws {
        let fileSystem = try memoryFileSystem([:])
        for suffix in [".log", ".log.1.gz"] {
            try fileSystem.createFile(latin1(suffix), permissions: 0o644, owner: nil, group: nil)
        }
        let block = makeBlock(["/x/*.log"]) {
            $0.rotate = 2
            $0.compress = true
        }
        let result = plan(block, logs: [latin1(".log")], in: fileSystem)
        let effects = result.steps.compactMap { planned -> [FilePath]? in
            switch planned.step {
            case .rename(let from, let to, _): [from, to]
            case .compress(let source, let target, _, _): [source, target]
            default: nil
            }
        }
        #expect(
            effects == [
                [latin1(".log.2.gz"), latin1(".log.3.gz")], [latin1(".log.1.gz"), latin1(".log.2.gz")],
                [latin1(".log"), latin1(".log.1")], [latin1(".log.1"), latin1(".log.1.gz")],
            ]
        )
    }
}
