import Foundation
import LogrotateConfig
import Platform
import PlatformTesting
import Rotation
import SystemPackage
import Testing

/// `%z` in `dateformat` (logrotate 3.22): the UTC offset as `+HHMM`/`-HHMM` in names, `[-+]` and four digits in the
/// glob that finds earlier archives.
@Suite struct DateFormatOffsetTests {
    @Test func utcOffset_isSignedHoursAndMinutes_asStrftime() async {
        // In a zone of its own: other tests change TZ for the process while they run.
        await withTimeZone("Asia/Kolkata") {
            let moment: Int64 = 1_795_919_640
            let time = LocalTime(epochSeconds: moment)
            #expect(DateFormat("_%Y%z").string(for: time, epochSeconds: moment) == "_\(time.year)+0530")
        }
        #expect(DateFormat("_%Y%z").globPattern == "_[0-9][0-9][0-9][0-9][-+][0-9][0-9][0-9][0-9]")
    }

    @Test func plan_archivesWithAnyOffset_areCountedAndTheOldestRemoved() throws {
        let fileSystem = try memoryFileSystem([
            "a.log": "x", "a.log@2019-03-04+0530": "", "a.log@2023-07-08-0800": "", "a.log@2024-01-01Z": "",
        ])
        let result = plan(
            makeBlock {
                $0.rotate = 2
                $0.dateExt = true
                $0.dateFormat = "@%Y-%m-%d%z"
            },
            in: fileSystem
        )
        let removed = result.steps.compactMap { step -> FilePath? in
            if case .remove(let path, _, _, _) = step.step { path } else { nil }
        }
        #expect(removed == ["/x/a.log@2019-03-04+0530"])
    }
}
