import LogrotateConfig
import Platform
import PlatformTesting
import Rotation
import SystemPackage
import Testing

/// `maxtotalsize` plans executed: the resulting tree, and `preremove` run once per archive removed for the budget.
@Suite struct BudgetExecutionTests {
    @Test(arguments: Backend.allCases)
    func execute_overBudget_leavesTheNewestArchivesThatFit(backend: Backend) throws {
        let tree: FileTree = ["a.log": "LLLL", "a.log.1": "111", "a.log.2": "2222", "a.log.3": "33333"]
        try backend.withTree(tree) { fileSystem, root in
            let runner = RecordingProcessRunner()
            let log = root.appending("a.log")
            let block = makeBlock([log.string]) {
                $0.rotate = 5
                $0.maxTotalSize = 10
                $0.scripts[.preremove] = "echo gone"
            }
            let status = try #require(try fileSystem.status(of: log, followSymlinks: false))
            let plan = Planner.plan(
                block: block,
                logs: [DueLog(path: log, status: status)],
                fileSystem: fileSystem,
                now: testNow
            )
            let executor = PlanExecutor(
                fileSystem: fileSystem,
                processRunner: runner,
                compressor: RecordingCompressor(fileSystem: fileSystem)
            )
            let report = executor.execute(plan)
            #expect(report.succeeded)
            #expect(try FileTree(reading: root, from: fileSystem) == ["a.log.1": "LLLL", "a.log.2": "111"])
            let removed = runner.requests.compactMap { $0.arguments.last }
            #expect(removed == [root.appending("a.log.4").string, root.appending("a.log.3").string])
        }
    }
}
