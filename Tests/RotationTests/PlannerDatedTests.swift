import LogrotateConfig
import Platform
import PlatformTesting
import Rotation
import SystemPackage
import Testing

@Suite struct PlannerDatedTests {
    @Test func plan_dateextRotate2_removesOldestNowAndDisposesTheNextAfterCompression() throws {
        let fileSystem = try memoryFileSystem([
            "a.log": "x", "a.log-20200101.gz": "", "a.log-20210101.gz": "", "a.log-20220101.gz": "",
            "a.log-20230101.gz": "", "a.log-old.gz": "",
        ])
        let result = plan(
            makeBlock {
                $0.rotate = 2
                $0.dateExt = true
                $0.compress = true
            },
            in: fileSystem
        )
        #expect(
            result.steps.map(\.step) == [
                header(rotate: 2),
                .remove("/x/a.log-20200101.gz", purpose: .expiredDated, preremove: nil, erasure: .unlink),
                .remove("/x/a.log-20210101.gz", purpose: .expiredDated, preremove: nil, erasure: .unlink),
                .rename(from: "/x/a.log", to: "/x/a.log-20261129", purpose: .rotate),
                .compress(
                    source: "/x/a.log-20261129",
                    target: "/x/a.log-20261129.gz",
                    method: gzip6,
                    FileAttributes(of: logStatus)
                ),
                .remove("/x/a.log-20261129", purpose: .compressedSource, preremove: nil, erasure: .unlink),
                .remove("/x/a.log-20220101.gz", purpose: .oldLog, preremove: nil, erasure: .unlink),
            ]
        )
    }

    @Test func plan_dateformatNotLexical_sortsExistingFilesByDate() throws {
        let fileSystem = try memoryFileSystem(["a.log": "", "a.log-31122020": "", "a.log-01012021": ""])
        let block = makeBlock {
            $0.rotate = 1
            $0.dateExt = true
            $0.dateFormat = "-%d%m%Y"
        }
        let removals = plan(block, in: fileSystem).steps.compactMap { step -> FilePath? in
            if case .remove(let path, _, _, _) = step.step { path } else { nil }
        }
        #expect(removals == ["/x/a.log-31122020", "/x/a.log-01012021"])
    }

    @Test func plan_dateextDestinationExists_isAProblemAndPlansNothingForTheLog() throws {
        let fileSystem = try memoryFileSystem(["a.log": "", "a.log-20261129.gz": "", "a.log-20200101.gz": ""])
        let result = plan(
            makeBlock {
                $0.rotate = 1
                $0.dateExt = true
                $0.compress = true
            },
            in: fileSystem
        )
        #expect(
            result.problems == [
                PlanProblem(
                    log: "/x/a.log",
                    message: "destination /x/a.log-20261129.gz already exists, skipping rotation"
                )
            ]
        )
        #expect(result.steps.map(\.step) == [header(rotate: 1)])
    }

    @Test func plan_dateyesterdayAndDatehourago_nameTheEarlierMoment() throws {
        let fileSystem = try memoryFileSystem(["a.log": ""])
        let yesterday = plan(
            makeBlock {
                $0.dateExt = true
                $0.dateYesterday = true
            },
            in: fileSystem
        )
        #expect(
            yesterday.steps.map(\.step).contains(.rename(from: "/x/a.log", to: "/x/a.log-20261128", purpose: .rotate))
        )
        let hourAgo = plan(
            makeBlock {
                $0.dateExt = true
                $0.dateHourAgo = true
                $0.criterion = .time(.hourly)
            },
            in: fileSystem
        )
        #expect(
            hourAgo.steps.map(\.step).contains(.rename(from: "/x/a.log", to: "/x/a.log-2026112901", purpose: .rotate))
        )
    }

    /// logrotate moves only the day and the hour (to noon): the minutes and seconds stay those of now.
    @Test func plan_dateyesterdayWithTimeOfDay_keepsTheCurrentMinutesAndSeconds() async throws {
        // testNow's local fields are UTC's; other tests change TZ for the process while they run.
        try await withTimeZone("UTC") {
            let fileSystem = try memoryFileSystem(["a.log": ""])
            let result = plan(
                makeBlock {
                    $0.dateExt = true
                    $0.dateYesterday = true
                    $0.dateFormat = "-%Y%m%d-%H%M%S-%s"
                },
                in: fileSystem
            )
            let noonYesterday = testNow.epochSeconds - 86_400 + (12 - 2) * 3_600
            let target = FilePath("/x/a.log-20261128-123400-\(noonYesterday)")
            #expect(result.steps.map(\.step).contains(.rename(from: "/x/a.log", to: target, purpose: .rotate)))
        }
    }

    @Test func plan_dateextDelaycompress_compressesEveryUncompressedDatedFile() throws {
        let fileSystem = try memoryFileSystem(["a.log": "", "a.log-20261127": "", "a.log-20261128": ""])
        let block = makeBlock {
            $0.rotate = 5
            $0.dateExt = true
            $0.compress = true
            $0.delayCompress = true
        }
        let compressed = plan(block, in: fileSystem).steps.compactMap { step -> FilePath? in
            if case .compress(_, let target, _, _) = step.step { target } else { nil }
        }
        #expect(compressed == ["/x/a.log-20261127.gz", "/x/a.log-20261128.gz"])
    }

    @Test func dateFormat_supportedConversionsOnly_othersLiteral() {
        let format = DateFormat("-%Y-%m-%d_%H%M%S-w%V-%a-%s")
        let time = LocalTime(year: 2021, month: 1, day: 3, hour: 4, minute: 5, second: 6)
        #expect(format.string(for: time, epochSeconds: 1_609_643_106) == "-2021-01-03_040506-w53-%a-1609643106")
        #expect(DateFormat("-%Y%m%d").globPattern == dayPattern)
    }

    @Test(arguments: [
        ((2026, 11, 29), 48), ((2021, 1, 3), 53), ((2020, 12, 31), 53), ((2024, 12, 30), 1), ((2026, 1, 1), 1),
    ])
    func dateFormat_isoWeek_matchesStrftime(date: (Int, Int, Int), week: Int) {
        let time = LocalTime(year: date.0, month: date.1, day: date.2)
        #expect(DateFormat("%V").string(for: time, epochSeconds: 0) == (week < 10 ? "0\(week)" : "\(week)"))
    }

    @Test func generations_findsTheNumberedArchivesInOrder() {
        var settings = LogSettings()
        settings.compress = true
        let naming = ArchiveNaming(log: "/x/a.log", settings: settings)
        let names = ["a.log.2.gz", "a.log.10.gz", "a.log.11", "a.log.x.gz", "b.log.99.gz", "a.log.1.gz"]
        #expect(naming.generations(among: names.map { Array($0.utf8) }) == NumberedGenerations(indices: [1, 2, 10]))
    }

    @Test func generations_ignoresIndicesBeyondTheLargestCreated() {
        let naming = ArchiveNaming(log: "/x/a.log", settings: LogSettings())
        let names = ["a.log.2147483646", "a.log.2147483647", "a.log.9223372036854775807", "a.log.99999999999999999999"]
        let ignored: [FilePath] = [
            "/x/a.log.2147483647", "/x/a.log.9223372036854775807", "/x/a.log.99999999999999999999",
        ]
        let found = naming.generations(among: names.map { Array($0.utf8) })
        #expect(found == NumberedGenerations(indices: [2_147_483_646], ignored: ignored))
    }
}
