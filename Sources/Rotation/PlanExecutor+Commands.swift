import LogrotateConfig
import Platform
import SystemPackage

extension PlanExecutor {
    /// Runs a script with logrotate's arguments; failure messages name the script as logrotate does.
    ///
    /// Equivalent logrotate code: `logrotate.c runScript` and its callers in `rotateLogSet`.
    func runScript(
        _ kind: ScriptKind,
        _ script: String,
        _ arguments: [String],
        context: StepContext
    )
        throws(StepFailure)
    {
        guard !runs(.script(script, arguments: arguments, timeout: commandTimeout)) else { return }
        let step = RotationStep.runScript(kind, script: script, arguments: arguments)
        throw StepFailure(step: step, message: scriptFailure(kind, context: context))
    }

    private func scriptFailure(_ kind: ScriptKind, context: StepContext) -> String {
        let pattern = context.plan.patternText
        let subject: String
        switch context.scope {
        case .log(let log): subject = "non-shared \(kind.rawValue) script for \(log) of '\(pattern)'"
        case .allLogs: subject = "shared \(kind.rawValue) script for '\(pattern)'"
        case .block: subject = "\(kind == .firstaction ? "first" : "last") action script for \(pattern)"
        }
        return "error running \(subject)"
    }

    /// Compresses in-process when the method has a built-in format, else runs `compresscmd` with stdin = source,
    /// stdout = target and `LOGROTATE_COMPRESSED_FILENAME` set. The source is left for the following `.remove`.
    ///
    /// Equivalent logrotate code: `logrotate.c compressLogFile`.
    func compress(
        _ source: FilePath,
        _ target: FilePath,
        _ method: CompressionMethod,
        _ attributes: FileAttributes,
        context: StepContext
    ) throws(StepFailure) {
        let step = RotationStep.compress(source: source, target: target, method: method, attributes)
        if let format = method.builtIn {
            let started = try startCompression(source, target, format, attributes, step: step, context: context)
            do {
                try started.finish()
            } catch {
                throw StepFailure(step: step, message: Self.compressionFailure(source, error))
            }
            return
        }
        try beginCompression(source, into: target, context: context)
        try withBackup(of: target, step: step, context: context) { () throws(PlatformError) in
            try compressExternally(source, target, method, attributes, context: context)
        } failure: {
            Self.compressionFailure(source, $0)
        }
    }

    /// Starts a built-in compression (an existing target is moved aside first); `finish()` on the result completes
    /// it, here or on the background queue.
    func startCompression(
        _ source: FilePath,
        _ target: FilePath,
        _ format: CompressionFormat,
        _ attributes: FileAttributes,
        step: RotationStep,
        context: StepContext
    ) throws(StepFailure) -> any CompressionInProgress {
        try beginCompression(source, into: target, context: context)
        return try withBackup(of: target, step: step, context: context) { () throws(PlatformError) in
            try compressor.start(
                source,
                to: target,
                format: format,
                permissions: attributes.permissions,
                owner: attributes.owner,
                group: attributes.group
            )
        } failure: {
            Self.compressionFailure(source, $0)
        }
    }

    /// logrotate's message for a failed compression, with the system's reason when there is one (`No space left on
    /// device`). A source refused as not a regular file (a FIFO planted where an old log was) gets logrotate 3.22's
    /// wording, `unable to open X (read-only) for compression: Operation not supported`, followed by what it is.
    static func compressionFailure(_ source: FilePath, _ error: PlatformError? = nil) -> String {
        if let error, error.code == .notSupported, error.errno == nil {
            return "unable to open \(source) (read-only) for compression: Operation not supported: \(error.message)"
        }
        guard let reason = error?.errno?.description else { return "failed to compress log \(source)" }
        return "failed to compress log \(source): \(reason)"
    }

    /// Runs `compresscmd` into `.TARGET.logrotated-tmp` (hidden, replaced if a killed run left one), then syncs it
    /// and renames it to `target` without replacing: the final name only ever holds a complete archive.
    private func compressExternally(
        _ source: FilePath,
        _ target: FilePath,
        _ method: CompressionMethod,
        _ attributes: FileAttributes,
        context: StepContext
    ) throws(PlatformError) {
        if try fileSystem.status(of: target, followSymlinks: false) != nil {
            throw .syscall("creating", target, .fileExists)
        }
        let temporary = PendingFile.temporaryName(for: target)
        if try fileSystem.status(of: temporary, followSymlinks: false) != nil { try fileSystem.remove(temporary) }
        try fileSystem.createFile(
            temporary,
            permissions: attributes.permissions,
            owner: attributes.owner,
            group: attributes.group,
            accessControlFrom: source
        )
        do {
            try runCompressor(source, into: temporary, method, context: context)
            try fileSystem.sync(temporary)
            try fileSystem.rename(temporary, to: target, replace: false)
        } catch {
            try? fileSystem.remove(temporary)
            throw error
        }
    }

    private func runCompressor(
        _ source: FilePath,
        into output: FilePath,
        _ method: CompressionMethod,
        context: StepContext
    ) throws(PlatformError) {
        let request = ProcessRequest(
            executable: method.command,
            arguments: method.arguments,
            environment: ["LOGROTATE_COMPRESSED_FILENAME": source.string],
            standardInput: .file(source),
            standardOutput: .file(output),
            captureStandardError: true,
            userID: identity?.userID,
            groupID: identity?.groupID,
            timeout: commandTimeout
        )
        let result = try? runOpeningFilesAsBlockUser(request)
        if let stderr = result?.standardError, !stderr.isEmpty {
            let text = String(decoding: stderr, as: UTF8.self)
            let intro = "Compressing program wrote following message to stderr when compressing log \(source):"
            context.onEvent(.harmlessError(intro + "\n" + text))
        }
        guard result?.status.isSuccess == true else {
            throw PlatformError(.other, Self.compressionFailure(source))
        }
        if let status = try fileSystem.status(of: source, followSymlinks: false) {
            try fileSystem.setTimes(output, access: status.accessTime, modification: status.modificationTime)
        }
    }

    /// `MAIL -s SUBJECT ADDRESS` with the file (uncompressed first when needed) as standard input. The file is
    /// opened with the block's rights (`su`); the uncompressor runs as that user, the mail command as root.
    ///
    /// Equivalent logrotate code: `logrotate.c mailLog`.
    func mail(_ message: MailMessage, step: RotationStep) throws(StepFailure) {
        var input = ProcessRequest.Input.file(message.file)
        if let uncompress = message.uncompressCommand {
            let request = ProcessRequest(
                executable: uncompress,
                standardInput: .file(message.file),
                standardOutput: .capture,
                userID: identity?.userID,
                groupID: identity?.groupID,
                timeout: commandTimeout
            )
            let result = try childResult(request, step: step, failure: "uncompress command failed mailing")
            input = .bytes(result.standardOutput)
        }
        let request = ProcessRequest(
            executable: message.command,
            arguments: ["-s", message.subject, message.address],
            standardInput: input,
            standardOutput: .null,
            timeout: commandTimeout
        )
        _ = try childResult(request, step: step, failure: "mail command failed for")
    }

    /// Runs a child that must exit 0; otherwise the step fails with "FAILURE FILE" and the reason when known.
    private func childResult(
        _ request: ProcessRequest,
        step: RotationStep,
        failure: String
    ) throws(StepFailure) -> ProcessResult {
        guard case .mail(let message) = step else { preconditionFailure("a mail step runs mail children") }
        let result: ProcessResult
        do {
            result = try runOpeningFilesAsBlockUser(request)
        } catch {
            throw StepFailure(step: step, message: "\(failure) \(message.file): \(error.reason)")
        }
        guard result.status.isSuccess else { throw StepFailure(step: step, message: "\(failure) \(message.file)") }
        return result
    }

    /// Runs a child whose standard input and output files are opened with the block's rights (`su`), so a
    /// compressor or mailer never reads or writes through a name that user could not open. (A child spawned here
    /// starts with the user's supplementary groups but root's ids unless the request sets its own ids; root is not
    /// restricted by groups.)
    func runOpeningFilesAsBlockUser(_ request: ProcessRequest) throws(PlatformError) -> ProcessResult {
        try asBlockUser { () throws(PlatformError) in try processRunner.run(request) }
    }
}
