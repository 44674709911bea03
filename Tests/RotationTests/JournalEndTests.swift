import LogrotateConfig
import Platform
import PlatformTesting
import Rotation
import SystemPackage
import Testing

/// A rotation's end reaches the journal file only once the state file records it: a run killed between the
/// rotation and the state save leaves it unfinished on disk, for the next run to record instead of rotating again.
@Suite struct JournalEndTests {
    /// Rotates `/x/a.log` (in memory) with a journal file beside `dir/state`; `prerotate` as given.
    private func rotate(journalIn directory: FilePath, prerotate: String? = nil) throws -> (RotationJournal, Bool) {
        let fileSystem = try memoryFileSystem(["a.log": "line\n"])
        let journal = try #require(try RotationJournal.beside(statePath: directory.appending("state"))?.get())
        let block = makeBlock {
            $0.rotate = 1
            $0.scripts[.prerotate] = prerotate
        }
        var executor = PlanExecutor(
            fileSystem: fileSystem,
            processRunner: RecordingProcessRunner { _ in ProcessResult(status: .exited(prerotate == nil ? 0 : 1)) },
            compressor: RecordingCompressor(fileSystem: fileSystem)
        )
        executor.journal = journal
        let report = executor.execute(plan(block, in: fileSystem))
        return (journal, report.succeeded)
    }

    /// What a new run would read from the journal file beside `dir/state`.
    private func unfinishedOnDisk(in directory: FilePath) throws -> [FilePath] {
        let journal = try #require(try RotationJournal.beside(statePath: directory.appending("state"))?.get())
        return journal.allUnfinished.map(\.intent.log)
    }

    @Test func succeededRotation_staysUnfinishedOnDiskUntilTheStateRecordsIt() throws {
        let directory = makeTemporaryDirectory()
        defer { removeTree(directory, in: PosixFileSystem()) }
        let (journal, succeeded) = try rotate(journalIn: directory)

        #expect(succeeded)
        #expect(journal.unfinished("/x/a.log") == nil, "over for this run")
        #expect(try unfinishedOnDisk(in: directory) == ["/x/a.log"], "a kill now: the next run records it")
        try journal.stateRecorded(["/x/a.log"])
        #expect(try unfinishedOnDisk(in: directory).isEmpty)
    }

    @Test func compaction_keepsARotationTheStateDoesNotRecordYet() throws {
        let directory = makeTemporaryDirectory()
        defer { removeTree(directory, in: PosixFileSystem()) }
        let (journal, _) = try rotate(journalIn: directory)

        try journal.compact()
        #expect(try unfinishedOnDisk(in: directory) == ["/x/a.log"])
        try journal.stateRecordedForAll()
        try journal.compact()
        #expect(try unfinishedOnDisk(in: directory).isEmpty)
    }

    @Test func failureThatChangedNothing_endsAtOnce() throws {
        let directory = makeTemporaryDirectory()
        defer { removeTree(directory, in: PosixFileSystem()) }
        let (_, succeeded) = try rotate(journalIn: directory, prerotate: "exit 1")

        #expect(!succeeded)
        #expect(try unfinishedOnDisk(in: directory).isEmpty)
    }
}
