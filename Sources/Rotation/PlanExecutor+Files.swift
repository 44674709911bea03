import Platform
import SystemPackage

extension PlatformError {
    /// The `strerror` text logrotate appends to its messages, or our own sentence when there is no errno.
    var reason: String { errno?.description ?? message }
}

extension PlanExecutor {
    func createDirectory(_ path: FilePath, _ attributes: FileAttributes, step: RotationStep) throws(StepFailure) {
        do {
            try fileSystem.createDirectory(
                path,
                permissions: attributes.permissions,
                owner: attributes.owner,
                group: attributes.group
            )
        } catch {
            throw StepFailure(step: step, message: "error creating \(path): \(error.reason)")
        }
    }

    /// Renames without ever replacing: an old generation that is missing is only a debug line, and a file already
    /// at the target (say a stray `app.log.1` while `compress` names old logs `.1.gz`, or a file `preremove` would
    /// not let go) is kept as `TARGET-YYYYMMDDHH.backup` instead of being overwritten as logrotate 3.21 does.
    ///
    /// Returns whether a file was moved (`false` for a missing old version).
    ///
    /// Equivalent logrotate code: `logrotate.c prerotateSingleLog` (shift loop), `rotateSingleLog` (the rename).
    func rename(
        _ source: FilePath,
        _ target: FilePath,
        _ purpose: RenamePurpose,
        context: StepContext
    ) throws(StepFailure) -> Bool {
        let step = RotationStep.rename(from: source, to: target, purpose: purpose)
        switch purpose {
        case .shift:
            return try withBackup(of: target, step: step, context: context) { () throws(PlatformError) in
                do throws(PlatformError) {
                    // An old generation is ours: a symlink, FIFO or directory planted at its name is refused, not moved.
                    // The same look-up finds a missing one, which is then not renamed at all (one system call less).
                    guard let status = try fileSystem.status(of: source, followSymlinks: false) else {
                        throw .syscall("rename", source, .noSuchFileOrDirectory)
                    }
                    guard status.kind == .regular else { throw .notRegularFile(source, kind: status.kind) }
                    try fileSystem.rename(source, to: target, replace: false)
                    return true
                } catch  where error.code == .notFound {
                    context.onEvent(.info("old log \(source) does not exist"))
                    return false
                }
            } failure: {
                "error renaming \(source) to \(target): \($0.reason)"
            }
        case .rotate:
            try withBackup(of: target, step: step, context: context) { () throws(PlatformError) in
                try fileSystem.rename(source, to: target, replace: false)
            } failure: {
                "failed to rename \(source) to \(target): \($0.reason)"
            }
            return true
        case .restore:
            do throws(PlatformError) {
                // As for a shift: a symlink, FIFO or directory planted at the name is refused, not moved.
                if let status = try fileSystem.status(of: source, followSymlinks: false), status.kind != .regular {
                    throw .notRegularFile(source, kind: status.kind)
                }
                try fileSystem.rename(source, to: target, replace: false)
            } catch {
                throw StepFailure(step: step, message: "could not move \(source) back to \(target): \(error.reason)")
            }
            return true
        }
    }

    /// `create`: an existing file at the path is first renamed to `PATH-YYYYMMDDHH.backup`.
    ///
    /// Equivalent logrotate code: `logrotate.c createOutputFile`.
    func create(_ path: FilePath, _ attributes: FileAttributes, context: StepContext) throws(StepFailure) {
        let step = RotationStep.create(path, attributes)
        try withBackup(of: path, step: step, context: context) { () throws(PlatformError) in
            let (permissions, owner, group) = (attributes.permissions, attributes.owner, attributes.group)
            if let source = attributes.accessControlSource {
                try fileSystem.createFile(
                    path,
                    permissions: permissions,
                    owner: owner,
                    group: group,
                    accessControlFrom: source
                )
            } else {
                try fileSystem.createFile(path, permissions: permissions, owner: owner, group: group)
            }
        } failure: {
            "error creating output file \(path): \($0.reason)"
        }
    }

    /// Runs `body`; if its target exists, renames the existing file to `TARGET` + the plan's backup suffix once and
    /// runs `body` again. Returns what `body` returned.
    @discardableResult
    func withBackup<Result>(
        of target: FilePath,
        step: RotationStep,
        context: StepContext,
        _ body: () throws(PlatformError) -> Result,
        failure message: (PlatformError) -> String
    ) throws(StepFailure) -> Result {
        do {
            return try body()
        } catch  where error.code == .alreadyExists {
            let backup = target.appendingToName(context.plan.backupSuffix)
            context.onEvent(.info("destination \(target) already exists, renaming to \(backup)"))
            do {
                try moveAside(target, to: backup)
            } catch {
                let aside = "\(target) exists and cannot be moved aside to \(backup): \(error.reason)"
                throw StepFailure(step: step, message: "\(message(error)) (\(aside))")
            }
            do {
                return try body()
            } catch {
                throw StepFailure(step: step, message: message(error))
            }
        } catch {
            throw StepFailure(step: step, message: message(error))
        }
    }

    /// Renames `target` to `backup`, or to `backup.1`, `backup.2`… when that name is taken already (a second leftover
    /// within the same hour), never replacing anything.
    private func moveAside(_ target: FilePath, to backup: FilePath) throws(PlatformError) {
        var candidate = backup
        for number in 1...Self.backupNames {
            do {
                return try fileSystem.rename(target, to: candidate, replace: false)
            } catch  where error.code == .alreadyExists && number < Self.backupNames {
                candidate = backup.appendingToName(".\(number)")
            }
        }
    }

    /// How many `.backup` names are tried for one target.
    static let backupNames = 100

    /// `copy`, `copytruncate`'s copy and `renamecopy`'s: a file already at the target (a stray `app.log.1` while
    /// `compress` names old logs `.1.gz`) is first renamed to `TARGET-YYYYMMDDHH.backup`, as for a rename target.
    ///
    /// Equivalent logrotate code: `logrotate.c copyTruncate` (`createOutputFile` moves a leftover aside).
    func copy(
        _ source: FilePath,
        _ target: FilePath,
        _ attributes: FileAttributes,
        step: RotationStep,
        context: StepContext
    )
        throws(StepFailure)
    {
        try withBackup(of: target, step: step, context: context) { () throws(PlatformError) in
            try fileSystem.copyFile(
                source,
                to: target,
                permissions: attributes.permissions,
                owner: attributes.owner,
                group: attributes.group
            )
        } failure: {
            "error copying \(source) to \(target): \($0.reason)"
        }
    }

    func truncate(_ path: FilePath, step: RotationStep) throws(StepFailure) {
        do {
            try fileSystem.truncate(path, to: 0)
        } catch {
            throw StepFailure(step: step, message: "error truncating \(path): \(error.reason)")
        }
    }

    /// Runs `preremove`, shreds when asked, then unlinks; a file already gone is only reported. A symlink or other
    /// non-regular file at the name is refused, never followed (the log's error names it). A failing `preremove`
    /// keeps the file, with an error, and the log's rotation goes on.
    ///
    /// Equivalent logrotate code: `logrotate.c removeLogFile`, `shred_file`.
    func remove(
        _ path: FilePath,
        _ purpose: RemovalPurpose,
        _ preremove: String?,
        _ erasure: Erasure,
        context: StepContext
    ) throws(StepFailure) {
        let step = RotationStep.remove(path, purpose: purpose, preremove: preremove, erasure: erasure)
        if let preremove, !runs(.script(preremove, arguments: [path.string], timeout: commandTimeout)) {
            let message = "error running preremove script for \(path) of '\(context.plan.patternText)'. "
            throw StepFailure(step: step, message: message + "Not removing this file.", stopsLog: false)
        }
        do {
            if case .shred(let cycles, let allowHardLinks) = erasure {
                try shred(path, cycles: cycles, allowHardLinks: allowHardLinks, context: context)
            }
            let checked = purpose == .compressedSource || purpose == .unfinishedCopy
            let expected = checked ? context.compressed.identity(of: path) : nil
            try fileSystem.remove(path, expecting: expected)
        } catch  where error.code == .notFound {
            context.onEvent(.harmlessError("error unlinking log file \(path): \(error.reason)"))
        } catch {
            throw StepFailure(step: step, message: "Failed to remove old log \(path): \(error.reason)")
        }
    }

    /// Overwrites the file before its unlink: a refusal (not a regular file, other hard links) keeps the file; an
    /// I/O error while overwriting falls back to the unlink, as logrotate does when `shred` fails.
    private func shred(
        _ path: FilePath,
        cycles: Int?,
        allowHardLinks: Bool,
        context: StepContext
    ) throws(PlatformError) {
        do {
            try fileSystem.shred(
                path,
                passes: cycles.flatMap { $0 > 0 ? $0 : nil } ?? 3,
                allowHardLinks: allowHardLinks
            )
        } catch  where error.code == .notSupported || error.code == .notFound {
            throw error
        } catch {
            context.onEvent(.info("Failed to shred \(path), trying unlink"))
        }
    }

    /// Whether a request could be started and exited 0.
    func runs(_ request: ProcessRequest) -> Bool {
        (try? processRunner.run(request))?.status.isSuccess ?? false
    }
}
