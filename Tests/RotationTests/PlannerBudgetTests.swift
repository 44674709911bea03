import LogrotateConfig
import Platform
import PlatformTesting
import Rotation
import SystemPackage
import Testing

/// `maxtotalsize`: the oldest archives go, after the rotation, until the archives fit the budget.
@Suite struct PlannerBudgetTests {
    private func overBudget(_ path: FilePath, _ budget: UInt64, preremove: String? = nil) -> RotationStep {
        .remove(path, purpose: .overBudget(log: "/x/a.log", budget: budget), preremove: preremove, erasure: .unlink)
    }

    /// The steps after the log's last rename (its completion), as the planner put them.
    private func completion(_ result: RotationPlan) -> [RotationStep] {
        let steps = result.steps(of: .log("/x/a.log"))
        guard let rotate = steps.lastIndex(where: { if case .rename(_, _, .rotate) = $0 { true } else { false } })
        else { return [] }
        return Array(steps[(rotate + 1)...])
    }

    @Test func plan_numberedOverBudget_removesOldestUntilItFits() throws {
        // After the shift: .1 = 4 bytes (the log), .2 = 3, .3 = 4, .4 = 5: 16 > 10.
        let fileSystem = try memoryFileSystem([
            "a.log": "LLLL", "a.log.1": "111", "a.log.2": "2222", "a.log.3": "33333",
        ])
        let result = plan(
            makeBlock {
                $0.rotate = 5
                $0.maxTotalSize = 10
            },
            in: fileSystem
        )
        #expect(completion(result) == [overBudget("/x/a.log.4", 10), overBudget("/x/a.log.3", 10)])
    }

    @Test func plan_withinBudgetOrWithoutOne_removesNothing() throws {
        let tree: FileTree = ["a.log": "LLLL", "a.log.1": "111", "a.log.2": "2222"]
        for budget: UInt64 in [0, 11, 1 << 30] {
            let result = plan(
                makeBlock {
                    $0.rotate = 5
                    $0.maxTotalSize = budget
                },
                in: try memoryFileSystem(tree)
            )
            #expect(completion(result).isEmpty, "budget \(budget)")
        }
    }

    @Test func plan_newArchiveAloneOverBudget_isKept() throws {
        let fileSystem = try memoryFileSystem(["a.log": "LLLL", "a.log.1": "1"])
        let result = plan(
            makeBlock {
                $0.rotate = -1
                $0.maxTotalSize = 2
            },
            in: fileSystem
        )
        #expect(completion(result) == [overBudget("/x/a.log.2", 2)])
    }

    /// The archive compressed in this run counts at its uncompressed size (4), an upper bound: .3.gz goes although
    /// the compressed .1.gz may well leave room for it. Removals run preremove and shred like any removal.
    @Test func plan_compressed_countsTheNewArchiveUncompressed_runsPreremoveAndShred() throws {
        let fileSystem = try memoryFileSystem(["a.log": "LLLL", "a.log.1.gz": "gg", "a.log.2.gz": "hh"])
        let result = plan(
            makeBlock {
                $0.rotate = 9
                $0.compress = true
                $0.shred = true
                $0.scripts[.preremove] = "echo gone"
                $0.maxTotalSize = 7
            },
            in: fileSystem
        )
        let budget = RemovalPurpose.overBudget(log: "/x/a.log", budget: 7)
        #expect(
            completion(result).last
                == .remove("/x/a.log.3.gz", purpose: budget, preremove: "echo gone", erasure: .shred(cycles: nil))
        )
        #expect(completion(result).filter { if case .remove(_, budget, _, _) = $0 { true } else { false } }.count == 1)
    }

    /// dateext + delaycompress: plain and compressed dated names are both archives, oldest date first; the previous
    /// plain archive compressed in this run counts at its plain size.
    @Test func plan_datedDelaycompress_removesOldestDatesFirst() throws {
        let fileSystem = try memoryFileSystem([
            "a.log": "LLLL", "a.log-20261126.gz": "aaa", "a.log-20261127.gz": "bbb", "a.log-20261128": "cccc",
        ])
        let result = plan(
            makeBlock {
                $0.rotate = -1
                $0.dateExt = true
                $0.compress = true
                $0.delayCompress = true
                $0.maxTotalSize = 10
            },
            in: fileSystem
        )
        #expect(
            completion(result) == [overBudget("/x/a.log-20261126.gz", 10), overBudget("/x/a.log-20261127.gz", 10)]
        )
    }

    /// delaycompress: the new plain `.1` is kept; the previous `.1`, compressed in this run and shifted to `.2.gz`,
    /// counts at its plain size (4): 4 + 4 + 2 > 8 removes `.3.gz`.
    @Test func plan_numberedDelaycompress_keepsTheNewPlainArchive() throws {
        let fileSystem = try memoryFileSystem(["a.log": "LLLL", "a.log.1": "1111", "a.log.2.gz": "22"])
        let result = plan(
            makeBlock {
                $0.rotate = 9
                $0.compress = true
                $0.delayCompress = true
                $0.maxTotalSize = 8
            },
            in: fileSystem
        )
        #expect(completion(result) == [overBudget("/x/a.log.3.gz", 8)])
    }

    @Test func plan_olddir_countsTheArchivesThere() throws {
        let fileSystem = try memoryFileSystem(["a.log": "LLLL", "old": ["a.log.1": "111", "a.log.2": "22"]])
        let result = plan(
            makeBlock {
                $0.rotate = 5
                $0.oldDir = "old"
                $0.maxTotalSize = 8
            },
            in: fileSystem
        )
        let purpose = RemovalPurpose.overBudget(log: "/x/a.log", budget: 8)
        #expect(completion(result) == [.remove("/x/old/a.log.3", purpose: purpose, preremove: nil, erasure: .unlink)])
    }

    @Test func plan_maillast_mailsEachArchiveBeforeItsBudgetRemoval() throws {
        let fileSystem = try memoryFileSystem(["a.log": "LLLL", "a.log.1": "1111"])
        let result = plan(
            makeBlock {
                $0.rotate = 5
                $0.mail = "root"
                $0.maxTotalSize = 5
            },
            in: fileSystem
        )
        let message = MailMessage(
            file: "/x/a.log.2",
            address: "root",
            subject: "/x/a.log.2",
            command: "/usr/bin/mail",
            uncompressCommand: nil
        )
        #expect(completion(result) == [.mail(message), overBudget("/x/a.log.2", 5)])
    }

    @Test func render_budgetRemoval_namesTheLogAndTheBudget() throws {
        let fileSystem = try memoryFileSystem(["a.log": "LLLL", "a.log.1": "1111"])
        let result = plan(
            makeBlock {
                $0.rotate = 5
                $0.maxTotalSize = 5
                $0.scripts[.preremove] = "echo gone"
            },
            in: fileSystem
        )
        let lines = PlanRenderer(mode: .debug).lines(for: result)
        #expect(
            Array(lines.suffix(3)) == [
                "removing /x/a.log.2: archives of /x/a.log exceed maxtotalsize 5",
                "running preremove script",
                "running script with args /x/a.log.2 : \"echo gone\"",
            ]
        )
    }

    @Test(arguments: [(UInt64(5), "5"), (10_485_760, "10M"), (1_536, "1536"), (2_048, "2k"), (1 << 30, "1G")])
    func render_budget_isWrittenAsASizeDirective(_ bytes: UInt64, _ text: String) {
        let step = RotationStep.remove(
            "/x/a.log.9",
            purpose: .overBudget(log: "/x/a.log", budget: bytes),
            preremove: nil,
            erasure: .unlink
        )
        let plan = RotationPlan(
            patternText: "/x/a.log ",
            sharedScripts: false,
            logs: ["/x/a.log"],
            steps: [PlannedStep(.log("/x/a.log"), step)],
            backupSuffix: ""
        )
        #expect(
            PlanRenderer().lines(for: plan) == ["removing /x/a.log.9: archives of /x/a.log exceed maxtotalsize \(text)"]
        )
    }

    /// Many logs in one directory, whose names start like each other's: each log counts and removes only its own
    /// archives (their names found by prefix in the directory's sorted names, not by a scan of every name per log).
    @Test(arguments: [false, true])
    func plan_manyLogsInOneDirectory_eachCountsItsOwnArchivesOnly(dated: Bool) throws {
        var tree: [String: FileTree] = [:]
        let logs = (0..<40).map { "a-\($0).log" } + ["a-1.log.7.log"]
        for log in logs {
            tree[log] = "LLLL"
            tree[log + (dated ? "-20261126" : ".1")] = "aaa"
            tree[log + (dated ? "-20261127" : ".2")] = "bbb"
        }
        let result = plan(
            makeBlock(["/x/*.log"]) {
                $0.rotate = -1
                $0.dateExt = dated
                $0.maxTotalSize = 6
            },
            logs: logs.map { FilePath("/x/" + $0) },
            in: try memoryFileSystem(.directory(tree))
        )
        for log in logs {
            let path = FilePath("/x/" + log)
            let removed = result.steps(of: .log(path)).compactMap { step -> FilePath? in
                if case .remove(let removed, .overBudget, _, _) = step { removed } else { nil }
            }
            let expected =
                dated
                ? [path.string + "-20261126", path.string + "-20261127"] : [path.string + ".3", path.string + ".2"]
            #expect(removed == expected.map { FilePath($0) }, "\(log)")
        }
    }
}
