import LogrotateConfig
import Platform
import PlatformTesting
import SystemPackage
import Testing

@testable import Rotation

/// A plan for a few logs looks their names up instead of listing their directory, and is the same plan.
@Suite struct PlannerProbingTests {
    /// A tree of `/x/a.log` and its generations, with other logs and their archives around it.
    static let crowded: FileTree = {
        var entries: [String: FileTree] = ["a.log": "now", "a.log.1": "one", "a.log.2": "two"]
        for index in 0..<40 {
            entries["other-\(index).log"] = ""
            entries["other-\(index).log.1"] = ""
        }
        return .directory(entries)
    }()

    /// The names of the settings the equivalence is checked under.
    static let variants = [
        "rotate 3", "rotate 0", "rotate -1", "rotate 1, start 0", "rotate 5000", "compress, delaycompress", "maxage",
        "dateext", "olddir, createolddir",
    ]

    /// The block of `/x/*.log` with the settings named `variant`.
    static func block(_ variant: String) -> LogBlock {
        makeBlock(["/x/*.log"]) { settings in
            switch variant {
            case "rotate 0": settings.rotate = 0
            case "rotate -1": settings.rotate = -1
            case "rotate 1, start 0":
                settings.rotate = 1
                settings.start = 0
            case "rotate 5000": settings.rotate = 5000
            case "compress, delaycompress":
                settings.rotate = 3
                settings.compress = true
                settings.delayCompress = true
            case "maxage":
                settings.rotate = 3
                settings.maxAge = 1
            case "dateext":
                settings.rotate = 2
                settings.dateExt = true
            case "olddir, createolddir":
                settings.rotate = 2
                settings.oldDir = "old/deeper"
                settings.createOldDir = Ownership(mode: 0o700)
            default: settings.rotate = 3
            }
        }
    }

    /// Plans `block` for `logs` with a probing view or a listing one.
    private func planned(
        _ block: LogBlock,
        logs: [FilePath],
        in fileSystem: any FileSystem,
        probing: Bool
    )
        -> RotationPlan
    {
        var view = FileView(fileSystem, logCount: probing ? 1 : .max)
        return Planner.plan(
            block: block,
            logs: logs.map { DueLog(path: $0, status: logStatus) },
            view: &view,
            now: testNow,
            options: PlanningOptions()
        )
    }

    @Test func plan_oneLogAmongMany_listsNoDirectory() throws {
        let fileSystem = try memoryFileSystem(Self.crowded)
        let result = plan(makeBlock { $0.rotate = 3 }, in: fileSystem)
        let renames = result.steps.compactMap { planned -> String? in
            guard case .rename(let from, let to, _) = planned.step,
                ((try? fileSystem.status(of: from, followSymlinks: false)) ?? nil) != nil
            else { return nil }
            return "\(from.lastComponent!)>\(to.lastComponent!)"
        }
        #expect(renames == ["a.log.2>a.log.3", "a.log.1>a.log.2", "a.log>a.log.1"])
        #expect(fileSystem.directoryListings == 0)
    }

    @Test(arguments: ["rotate -1", "dateext"])
    func plan_settingsThatNeedEveryName_listTheDirectoryOnce(variant: String) throws {
        let fileSystem = try memoryFileSystem(Self.crowded)
        _ = plan(Self.block(variant), in: fileSystem)
        #expect(fileSystem.directoryListings == 1)
    }

    @Test(arguments: variants)
    func plan_probingOrListing_givesTheSamePlan(variant: String) throws {
        var tree = Self.crowded
        if case .directory(var entries) = tree {
            entries["a.log.3"] = "three"
            entries["a.log.4"] = "stale"
            entries["a.log.2147483648"] = "crafted"
            entries["a.log-20261120"] = "dated"
            entries["a.log-20261125.gz"] = "dated"
            entries["b.log"] = "b"
            entries["b.log.1"] = "b1"
            tree = .directory(entries)
        }
        let fileSystem = try memoryFileSystem(tree)
        try fileSystem.setTimes("/x/a.log.2", access: Timestamp(seconds: 0), modification: Timestamp(seconds: 0))
        let block = Self.block(variant)
        let logs: [FilePath] = ["/x/a.log", "/x/b.log"]
        let probed = planned(block, logs: logs, in: fileSystem, probing: true)
        #expect(probed == planned(block, logs: logs, in: fileSystem, probing: false))
    }

    @Test func view_listedAfterProbing_keepsWhatPlannedStepsChanged() throws {
        let fileSystem = try memoryFileSystem(["a.log": "", "a.log.1": "", "z.log": ""])
        var view = FileView(fileSystem, logCount: 1)
        let (first, second) = (view.exists("/x/a.log.1"), view.exists("/x/a.log.2"))
        #expect(first && !second)
        view.move("/x/a.log.1", to: "/x/a.log.2")
        view.move("/x/a.log", to: "/x/a.log.1")
        view.add("/x/a.log", status: logStatus)
        view.remove("/x/z.log")
        #expect(fileSystem.directoryListings == 0)
        let names = view.names(in: "/x", startingWith: []).map { String(decoding: $0, as: UTF8.self) }
        #expect(names == ["a.log", "a.log.1", "a.log.2"])
        let (moved, removed) = (view.exists("/x/a.log.2"), view.exists("/x/z.log"))
        #expect(moved && !removed)
        #expect(fileSystem.directoryListings == 1)
    }

    @Test func views_sharingListings_listOnce_andEachSeesItsOwnPlannedSteps() throws {
        let fileSystem = try memoryFileSystem(["a.log": "", "a.log.1": "", "b.log": "", "b.log.1": ""])
        let shared = SharedListings()
        var first = FileView(fileSystem, logCount: 1, shared: shared)
        var second = FileView(fileSystem, logCount: 1, shared: shared)
        first.move("/x/a.log.1", to: "/x/a.log.2")
        second.remove("/x/b.log.1")
        let text = { (names: [[UInt8]]) in names.map { String(decoding: $0, as: UTF8.self) } }
        #expect(text(first.names(in: "/x", startingWith: Array("a.log".utf8))) == ["a.log", "a.log.2"])
        #expect(text(first.names(in: "/x", startingWith: Array("b.log".utf8))) == ["b.log", "b.log.1"])
        first.add("/x/a.log.1", status: logStatus)
        #expect(text(first.names(in: "/x", startingWith: Array("a.log.".utf8))) == ["a.log.1", "a.log.2"])
        #expect(text(second.names(in: "/x", startingWith: Array("b.log".utf8))) == ["b.log"])
        #expect(second.exists("/x/a.log.1") && !second.exists("/x/a.log.2"))
        #expect(fileSystem.directoryListings == 1)
    }
}
