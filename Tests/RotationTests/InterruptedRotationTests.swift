import LogrotateConfig
import Platform
import PlatformTesting
import SystemPackage
import Testing

@testable import Rotation

/// Finishing rotations the journal says were interrupted: which steps, from the record and the files on disk.
@Suite struct InterruptedRotationTests {
    let log: FilePath = "/x/a.log"
    let rotated: FilePath = "/x/a.log.1"
    let compressed: FilePath = "/x/a.log.1.gz"

    private func settings(_ configure: (inout LogSettings) -> Void = { _ in }) -> LogSettings {
        var settings = LogSettings()
        settings.compress = true
        configure(&settings)
        return settings
    }

    /// The rotation of `a.log` (file `identity`) to `a.log.1`, to be compressed to `a.log.1.gz`.
    private func unfinished(identity: FileIdentity, compressedName: FilePath? = "/x/a.log.1.gz") -> UnfinishedRotation {
        UnfinishedRotation(
            intent: LogIntent(
                log: log,
                identity: identity,
                finalName: rotated,
                compressedName: compressedName,
                epochSeconds: testNow.epochSeconds
            )
        )
    }

    private func recovery(
        _ unfinished: UnfinishedRotation,
        in fileSystem: InMemoryFileSystem,
        written: Set<FileIdentity> = []
    ) -> InterruptedRotation.Recovery {
        InterruptedRotation(unfinished, settings: settings()).recovery(
            patternText: "/x/a.log ",
            fileSystem: fileSystem,
            isWritten: { written.contains($0) }
        )
    }

    private func identity(of path: FilePath, in fileSystem: InMemoryFileSystem) throws -> FileIdentity {
        try #require(try fileSystem.status(of: path, followSymlinks: false)).identity
    }

    @Test func killedAfterTheRename_compressesTheRotatedFileAndCountsTheLogAsRotated() throws {
        let fileSystem = try memoryFileSystem(["a.log": "new", "a.log.1": "rotated"])
        let recovery = recovery(unfinished(identity: try identity(of: rotated, in: fileSystem)), in: fileSystem)
        #expect(recovery.rotated)
        #expect(
            recovery.plan.steps.map(\.step) == [
                .compress(
                    source: rotated,
                    target: compressed,
                    method: gzip6,
                    FileAttributes(permissions: 0o644, owner: 0, group: 0)
                ),
                .remove(rotated, purpose: .compressedSource, preremove: nil, erasure: .unlink),
            ]
        )
    }

    @Test func killedBeforeTheSourceWasRemoved_removesOnlyTheSource() throws {
        let fileSystem = try memoryFileSystem(["a.log": "new", "a.log.1": "rotated", "a.log.1.gz": "whole"])
        let source = try identity(of: rotated, in: fileSystem)
        let recovery = recovery(unfinished(identity: source), in: fileSystem)
        #expect(recovery.rotated)
        #expect(
            recovery.plan.steps.map(\.step) == [
                .remove(rotated, purpose: .compressedSource, preremove: nil, erasure: .unlink)
            ]
        )
        #expect(recovery.plan.expectedIdentities == [rotated: source])
    }

    @Test func killedBeforeTheRename_doesNothingAndTheLogIsNotRotated() throws {
        let fileSystem = try memoryFileSystem(["a.log": "new", "a.log.2.gz": "shifted"])
        let recovery = recovery(unfinished(identity: try identity(of: log, in: fileSystem)), in: fileSystem)
        #expect(!recovery.rotated)
        #expect(recovery.plan.steps.isEmpty)
    }

    @Test func anotherFileAtTheRotatedName_isLeftAlone() throws {
        // A manual rotation renamed a fresh log to a.log.1 after the interrupted run: not the file we rotated.
        let fileSystem = try memoryFileSystem(["a.log": "new", "a.log.1": "someone else's"])
        let recovery = recovery(unfinished(identity: FileIdentity(device: 9, inode: 9)), in: fileSystem)
        #expect(!recovery.rotated)
        #expect(recovery.plan.steps.isEmpty)
    }

    @Test func rotatedFileStillWritten_isNotCompressedYet() throws {
        let fileSystem = try memoryFileSystem(["a.log": "new", "a.log.1": "rotated"])
        let source = try identity(of: rotated, in: fileSystem)
        let recovery = recovery(unfinished(identity: source), in: fileSystem, written: [source])
        #expect(recovery.plan.steps.isEmpty)
        #expect(recovery.notes == ["\(rotated) is still written by a process: not compressing it yet"])
    }

    @Test func partialArchiveOfAnExternalCompressor_isRemovedFirst() throws {
        let fileSystem = try memoryFileSystem(["a.log.1": "rotated", ".a.log.1.gz.logrotated-tmp": "cut"])
        let recovery = recovery(unfinished(identity: try identity(of: rotated, in: fileSystem)), in: fileSystem)
        #expect(
            recovery.plan.steps.first?.step
                == .remove(
                    "/x/.a.log.1.gz.logrotated-tmp",
                    purpose: .partialArchive,
                    preremove: nil,
                    erasure: .unlink
                )
        )
        #expect(recovery.plan.steps.count == 3)
    }

    @Test func delaycompressCompressionRecordedByTheJournal_isFinished() throws {
        let fileSystem = try memoryFileSystem(["a.log": "new", "a.log.1": "previous", "a.log.1.gz": "whole"])
        var entry = unfinished(identity: FileIdentity(device: 9, inode: 9), compressedName: nil)
        let previous = try identity(of: rotated, in: fileSystem)
        entry.compressions = [BegunCompression(source: rotated, identity: previous, target: compressed)]
        let recovery = recovery(entry, in: fileSystem)
        #expect(
            recovery.plan.steps.map(\.step) == [
                .remove(rotated, purpose: .compressedSource, preremove: nil, erasure: .unlink)
            ]
        )
    }

    @Test func copyInterruptedBeforeTheTruncate_isRemovedAndTheLogIsNotRotated() throws {
        let fileSystem = try memoryFileSystem(["a.log": "line 1\nline 2\nline 3\n", "a.log.1": "line 1\nline 2\n"])
        var entry = unfinished(identity: try identity(of: log, in: fileSystem), compressedName: nil)
        entry.copies = [rotated]
        let recovery = recovery(entry, in: fileSystem)
        #expect(!recovery.rotated)
        #expect(
            recovery.plan.steps.map(\.step) == [
                .remove(rotated, purpose: .unfinishedCopy, preremove: nil, erasure: .unlink)
            ]
        )
    }

    @Test func copyCompletedByTheTruncate_isKeptAndTheLogCountsAsRotated() throws {
        let fileSystem = try memoryFileSystem(["a.log": "line 4\n", "a.log.1": "line 1\nline 2\n"])
        var entry = unfinished(identity: try identity(of: log, in: fileSystem), compressedName: nil)
        entry.copies = [rotated]
        let recovery = recovery(entry, in: fileSystem)
        #expect(recovery.rotated)
        #expect(recovery.plan.steps.isEmpty)
    }

    @Test func killedAfterTheShiftsBeforeTheRotation_movesTheShiftedVersionsBack() throws {
        let fileSystem = try memoryFileSystem(["a.log": "live", "a.log.2.gz": "was 1", "a.log.3.gz": "was 2"])
        var entry = unfinished(identity: try identity(of: log, in: fileSystem), compressedName: nil)
        entry.intent.shifts = [
            Shift(from: "/x/a.log.2.gz", to: "/x/a.log.3.gz"), Shift(from: "/x/a.log.1.gz", to: "/x/a.log.2.gz"),
        ]
        let recovery = recovery(entry, in: fileSystem)
        #expect(!recovery.rotated)
        #expect(
            recovery.plan.steps.map(\.step) == [
                .rename(from: "/x/a.log.2.gz", to: "/x/a.log.1.gz", purpose: .restore),
                .rename(from: "/x/a.log.3.gz", to: "/x/a.log.2.gz", purpose: .restore),
            ]
        )
    }

    @Test func killedAfterTheFirstShift_movesOnlyThatOneBack() throws {
        let fileSystem = try memoryFileSystem(["a.log": "live", "a.log.1.gz": "one", "a.log.3.gz": "was 2"])
        var entry = unfinished(identity: try identity(of: log, in: fileSystem), compressedName: nil)
        entry.intent.shifts = [
            Shift(from: "/x/a.log.2.gz", to: "/x/a.log.3.gz"), Shift(from: "/x/a.log.1.gz", to: "/x/a.log.2.gz"),
        ]
        #expect(
            recovery(entry, in: fileSystem).plan.steps.map(\.step) == [
                .rename(from: "/x/a.log.3.gz", to: "/x/a.log.2.gz", purpose: .restore)
            ]
        )
    }

    @Test func killedBeforeAnyShift_movesNothing_evenWhenEachTargetIsTaken() throws {
        // delaycompress: the shifts include the .1.gz this run had yet to make; nothing was moved.
        let fileSystem = try memoryFileSystem([
            "a.log": "live", "a.log.1": "previous", "a.log.2.gz": "2", "a.log.3.gz": "3", "a.log.4.gz": "4",
        ])
        var entry = unfinished(identity: try identity(of: log, in: fileSystem), compressedName: nil)
        entry.intent.shifts = [4, 3, 2, 1].map {
            Shift(from: FilePath("/x/a.log.\($0).gz"), to: FilePath("/x/a.log.\($0 + 1).gz"))
        }
        #expect(recovery(entry, in: fileSystem).plan.steps.isEmpty)
    }

    @Test func delaycompressOfThePreviousVersion_doesNotCountAsTheLogsRotation() throws {
        // Killed after the previous a.log.1 was compressed and removed: the log itself was not rotated.
        let fileSystem = try memoryFileSystem(["a.log": "live", "a.log.1.gz": "previous"])
        var entry = unfinished(identity: try identity(of: log, in: fileSystem), compressedName: nil)
        entry.compressions = [
            BegunCompression(source: rotated, identity: FileIdentity(device: 9, inode: 9), target: compressed)
        ]
        #expect(!recovery(entry, in: fileSystem).rotated)
    }

    @Test func copyCompletedButNotCompressed_isCompressedWhateverItsInode() throws {
        let fileSystem = try memoryFileSystem(["a.log": "line 4\n", "a.log.1": "line 1\n", "a.log.2.gz": "old"])
        var entry = unfinished(identity: try identity(of: log, in: fileSystem))
        entry.copies = [rotated]
        entry.intent.shifts = [Shift(from: "/x/a.log.1.gz", to: "/x/a.log.2.gz")]
        let recovery = recovery(entry, in: fileSystem)
        #expect(recovery.rotated)
        #expect(recovery.plan.steps.map(\.step).count == 2, "compress and remove the copy; no shift moved back")
        #expect(recovery.plan.expectedIdentities[rotated] == (try identity(of: rotated, in: fileSystem)))
    }

    @Test func journalRecords_roundTripAnyNameAndSkipACutLastLine() throws {
        let odd = FilePath(bytes: Array("/x/tab\there %41 ".utf8) + [0xE9, 0x0A])
        let intent = LogIntent(
            log: odd,
            identity: FileIdentity(device: 1, inode: 2),
            finalName: odd.appendingToName(".1"),
            compressedName: nil,
            epochSeconds: -5
        )
        let records: [JournalRecord] = [
            .begin(intent), .compress(log: odd, BegunCompression(source: odd, identity: intent.identity, target: "/y")),
            .copy(log: odd, archive: "/z"), .shift(log: odd, Shift(from: "/a b", to: "/c\td")),
        ]
        let bytes = Array(records.map(\.line).joined())
        #expect(JournalRecord.records(in: bytes) == records)
        #expect(JournalRecord.records(in: bytes + JournalRecord.end(log: odd).line.dropLast()) == records)
        let journal = RotationJournal(inMemory: bytes)
        #expect(journal.unfinished(odd)?.copies == ["/z"])
        try journal.end([odd])
        #expect(journal.allUnfinished.isEmpty)
    }
}
