import LogrotateConfig
import Platform
import SystemPackage

/// How a rotation that a kill or a failure left unfinished is finished: from the journal's record and what is on the
/// disk now, the steps that complete it where its data is safe (roll forward) or undo the half that would duplicate
/// lines (roll back), never a `.backup` of our own making.
///
/// - A compression that began (the planned one of the rotated file, or any the journal recorded, `delaycompress`'s
///   included): its source, if still the same file, is removed when the compressed file exists (archives are named
///   only once complete, so it is whole), else compressed now; a source that a process still writes is left, with a
///   note, for the next run.
/// - A `copytruncate` interrupted before the truncate: the archive, whose lines the log still holds, is removed; the
///   log is then rotated as usual.
/// - The log counts as rotated (the state records the rotation's time) when its rotated file exists: the rename
///   happened, or the copy was completed by the truncate. When it was not rotated, the old versions the run shifted
///   are moved back, newest move first, so an interrupted rotation costs no archive.
package struct InterruptedRotation: Sendable {
    package var unfinished: UnfinishedRotation
    package var settings: LogSettings

    package init(_ unfinished: UnfinishedRotation, settings: LogSettings) {
        self.unfinished = unfinished
        self.settings = settings
    }

    /// What finishing the rotation does.
    package struct Recovery: Sendable {
        /// The steps, all of the log's scope.
        package var plan: RotationPlan
        /// Whether the log was rotated by the interrupted run (the state then records `intent.epochSeconds`).
        package var rotated: Bool
        /// What is left for later, and why.
        package var notes: [String]
    }

    /// The recovery, looking at the files through `fileSystem`; `isWritten` tells whether a process has a file open
    /// for writing.
    package func recovery(
        patternText: String,
        fileSystem: any FileSystem,
        isWritten: (FileIdentity) -> Bool
    ) -> Recovery {
        let intent = unfinished.intent
        var steps: [RotationStep] = []
        var expected: [FilePath: FileIdentity] = [:]
        var notes: [String] = []
        let status = { (path: FilePath) in (try? fileSystem.status(of: path, followSymlinks: false)) ?? nil }
        var rotated = status(intent.finalName)?.identity == intent.identity
        var removedCopies: Set<FilePath> = []
        for archive in unfinished.copies {
            guard let copy = status(archive), copy.kind == .regular else { continue }
            if (try? fileSystem.begins(intent.log, withContentOf: archive)) == true {
                steps.append(.remove(archive, purpose: .unfinishedCopy, preremove: nil, erasure: .unlink))
                expected[archive] = copy.identity
                removedCopies.insert(archive)
            } else if archive == intent.finalName {
                rotated = true
            }
        }
        for compression in compressions(status: status) where !removedCopies.contains(compression.source) {
            guard let source = status(compression.source), source.identity == compression.identity else {
                if isRotatedFile(compression), status(compression.target) != nil { rotated = true }
                continue
            }
            if isRotatedFile(compression) { rotated = true }
            expected[compression.source] = compression.identity
            let partial = PendingFile.temporaryName(for: compression.target)
            if status(partial)?.kind == .regular {
                steps.append(.remove(partial, purpose: .partialArchive, preremove: nil, erasure: .unlink))
            }
            if status(compression.target) == nil {
                guard !isWritten(compression.identity) else {
                    notes.append("\(compression.source) is still written by a process: not compressing it yet")
                    continue
                }
                let method = CompressionMethod(settings: settings)
                steps.append(
                    .compress(
                        source: compression.source,
                        target: compression.target,
                        method: method,
                        FileAttributes(of: source)
                    )
                )
            }
            steps.append(.remove(compression.source, purpose: .compressedSource, preremove: nil, erasure: .unlink))
        }
        if !rotated { steps += restoredShifts(status: status, removed: removedCopies) }
        var plan = RotationPlan(
            patternText: patternText,
            sharedScripts: false,
            logs: [intent.log],
            steps: steps.map { PlannedStep(.log(intent.log), $0) },
            backupSuffix: ""
        )
        plan.expectedIdentities = expected
        return Recovery(plan: plan, rotated: rotated, notes: notes)
    }

    /// The old versions the interrupted run shifted, moved back newest move first, when the log itself was not
    /// rotated. The shifts ran in their journaled order, so those done are a prefix; which one is found by comparing
    /// the names involved with what each prefix leaves (every source present before the first shift, every target
    /// that is no source absent). When no prefix, or more than one, matches the disk, nothing is moved.
    private func restoredShifts(status: (FilePath) -> FileStatus?, removed: Set<FilePath>) -> [RotationStep] {
        let shifts = unfinished.intent.shifts
        guard !shifts.isEmpty else { return [] }
        let names = Set(shifts.flatMap { [$0.from, $0.to] })
        let actual = Set(names.filter { !removed.contains($0) && status($0) != nil })
        var expected = Set(shifts.map(\.from))
        var matches: [Int] = expected == actual ? [0] : []
        for (index, shift) in shifts.enumerated() {
            expected.remove(shift.from)
            expected.insert(shift.to)
            if expected == actual { matches.append(index + 1) }
        }
        guard matches.count == 1, let done = matches.first else { return [] }
        return shifts.prefix(done).reversed().map { .rename(from: $0.to, to: $0.from, purpose: .restore) }
    }

    /// Whether a compression is the rotated file's: the log's own file (renamed), or the copy `copytruncate` made
    /// (compressed after it), never the previous version `delaycompress` compresses under the same name.
    private func isRotatedFile(_ compression: BegunCompression) -> Bool {
        compression.identity == unfinished.intent.identity || unfinished.compressedCopies.contains(compression.source)
    }

    /// The compressions to finish: the one planned for the rotated file, then those the journal recorded, each
    /// source once. A `copytruncate` copy is the file this run made at its name, whatever its inode.
    private func compressions(status: (FilePath) -> FileStatus?) -> [BegunCompression] {
        let intent = unfinished.intent
        var all = unfinished.compressions
        if let compressed = intent.compressedName {
            let copied = unfinished.copies.contains(intent.finalName) ? status(intent.finalName)?.identity : nil
            let identity = copied ?? intent.identity
            let planned = BegunCompression(source: intent.finalName, identity: identity, target: compressed)
            if !all.contains(where: { $0.source == planned.source }) { all.insert(planned, at: 0) }
        }
        var seen: Set<FilePath> = []
        return all.filter { seen.insert($0.source).inserted }
    }
}
