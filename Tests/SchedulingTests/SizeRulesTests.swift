import LogrotateConfig
import Scheduling
import Testing

/// The size criteria, once, as `Dueness` and the daemon read them.
@Suite struct SizeRulesTests {
    /// (criterion, maxsize, minsize) → (due size, watch limit).
    static let table: [(RotationCriterion, UInt64, UInt64, UInt64?, UInt64?)] = [
        (.size(100), 0, 0, 100, 100),
        (.size(100), 50, 0, 51, 51),
        (.size(100), 500, 0, 100, 100),
        (.time(.daily), 0, 0, nil, nil),
        (.time(.daily), 1_000, 0, 1_001, 1_001),
        (.time(.daily), 0, 10, nil, 10),
        (.time(.daily), 1_000, 10, 1_001, 10),
        (.time(.daily), .max, 0, .max, .max),
    ]

    @Test(arguments: table)
    func dueSizeAndWatchLimit(
        criterion: RotationCriterion,
        maxSize: UInt64,
        minSize: UInt64,
        dueSize: UInt64?,
        watchLimit: UInt64?
    ) {
        var settings = LogSettings()
        settings.criterion = criterion
        settings.maxSize = maxSize
        settings.minSize = minSize
        #expect(SizeRules.dueSize(settings) == dueSize)
        #expect(SizeRules.watchLimit(settings) == watchLimit)
    }

    @Test func maxsizeIsStrict_sizeIsInclusive_minsizeHoldsBelow() {
        var settings = LogSettings()
        settings.maxSize = 100
        settings.minSize = 10
        #expect(!SizeRules.exceedsMaxSize(settings, size: 100))
        #expect(SizeRules.exceedsMaxSize(settings, size: 101))
        #expect(SizeRules.reaches(100, size: 100))
        #expect(SizeRules.belowMinSize(settings, size: 9))
        #expect(!SizeRules.belowMinSize(settings, size: 10))
    }
}
