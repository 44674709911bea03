import LogrotateConfig
import Platform
import SystemPackage

/// One thing rotation does (or, for `.notice`, reports), as a value.
///
/// Equivalent logrotate code: the effects of `logrotate.c rotateLogSet`, `prerotateSingleLog`, `rotateSingleLog`,
/// `postrotateSingleLog`, `compressLogFile`, `mailLogWrapper`, `removeLogFile`.
package enum RotationStep: Equatable, Sendable {
    /// Nothing to do, but something `-v`/`-d` reports at this point (a missing old version, the dispose name…).
    case notice(PlanNotice)
    /// `/bin/sh -c SCRIPT logrotate_script ARG…`.
    case runScript(ScriptKind, script: String, arguments: [String])
    /// `mkdir` of one missing `olddir` component (`createolddir`).
    case createDirectory(FilePath, FileAttributes)
    /// A rename that never replaces an existing target.
    case rename(from: FilePath, to: FilePath, purpose: RenamePurpose)
    /// A new empty log (`create`), made with `O_EXCL` and its final attributes.
    case create(FilePath, FileAttributes)
    /// A fsynced copy of a log's content into a new file (`copy`, `copytruncate`, `renamecopy`).
    case copy(from: FilePath, to: FilePath, FileAttributes)
    /// `copytruncate`: a copy of the log into a new file, then the log emptied in place (lossless under writers, see
    /// `PlanExecutor.copyTruncate`).
    case copyTruncate(from: FilePath, to: FilePath, FileAttributes)
    /// Truncation of the log to 0 bytes without a copy (`rotate 0` + `copytruncate`).
    case truncate(FilePath)
    /// After a rename rotation: the signal that makes the process reopen its log (`signal` directive).
    case signal(SignalDelivery)
    /// Compression of `source` into the new file `target`; the source is removed by a following `.remove`.
    case compress(source: FilePath, target: FilePath, method: CompressionMethod, FileAttributes)
    /// Mails a rotated file (`mail`, `mailfirst`, `maillast`).
    case mail(MailMessage)
    /// Unlinks (or shreds) a file, after running `preremove` with the file as `$1` when one is given.
    case remove(FilePath, purpose: RemovalPurpose, preremove: String?, erasure: Erasure)
}

/// A signal to send once the logs of a block are rotated, and the rotated files its process should then stop writing.
package struct SignalDelivery: Equatable, Hashable, Sendable {
    package var signal: Signal
    /// Where the process id comes from.
    package var target: SignalTarget
    /// The rotated files (before compression) that the process had open as its log.
    package var archives: [FilePath]

    package init(signal: Signal, target: SignalTarget, archives: [FilePath]) {
        self.signal = signal
        self.target = target
        self.archives = archives
    }
}

/// Mode, owner and group a created file gets (`nil` owner/group: left as created).
package struct FileAttributes: Equatable, Hashable, Sendable {
    package var permissions: UInt32
    package var owner: UInt32?
    package var group: UInt32?
    /// A file whose POSIX access ACL the new file also gets (`create` without a mode takes the rotated log's);
    /// `nil`: the mode alone.
    package var accessControlSource: FilePath?

    package init(permissions: UInt32, owner: UInt32? = nil, group: UInt32? = nil, accessControlSource: FilePath? = nil)
    {
        self.permissions = permissions
        self.owner = owner
        self.group = group
        self.accessControlSource = accessControlSource
    }

    /// The mode (`& 0777`), owner and group of an existing file, as logrotate copies them.
    package init(of status: FileStatus) {
        self.init(permissions: status.permissions & 0o777, owner: status.owner, group: status.group)
    }
}

/// Why a rename happens: it decides the `-v` text and the error wording.
package enum RenamePurpose: Equatable, Hashable, Sendable {
    /// Shifting an old version `.i` to `.i+1` (`renaming A to B (rotatecount N, logstart S, i I), `).
    case shift(rotateCount: Int, start: Int, index: Int)
    /// The log itself becoming its first old version (or `LOG.tmp` with `renamecopy`).
    case rotate
    /// An old version moved back to the name it had before a rotation that was interrupted before the log itself was
    /// rotated (`moving X back to Y`).
    case restore
}

/// Why a file is removed: it decides the `-v` text.
package enum RemovalPurpose: Equatable, Hashable, Sendable {
    /// An old version beyond the count or older than `maxage` (`removing old log X`).
    case oldLog
    /// A dated old version removed before rotating (`removing X`, then `removing old log X`).
    case expiredDated
    /// The uncompressed file once its compressed version is complete (no message).
    case compressedSource
    /// `renamecopy`'s `LOG.tmp` once copied (`removing tmp log X`).
    case temporaryCopy
    /// A `copytruncate` archive whose lines the log still holds: the run that made it was interrupted before the
    /// truncate (`removing X: the log still holds its lines`).
    case unfinishedCopy
    /// The hidden temporary file of a compression that an interrupted run left (`.NAME.logrotated-tmp`).
    case partialArchive
    /// An old version removed because the archives of `log` exceed `maxtotalsize`
    /// (`removing X: archives of LOG exceed maxtotalsize 10M`).
    case overBudget(log: FilePath, budget: UInt64)
}

/// How a removed file's content is destroyed.
package enum Erasure: Equatable, Hashable, Sendable {
    case unlink
    /// Overwritten in place first (`shred`; `shredcycles` passes, 3 when unset), then unlinked; a file with several
    /// hard links is shredded only with `allowhardlink`.
    case shred(cycles: Int?, allowHardLinks: Bool = false)
}

/// How a file is compressed: always the configured command (what `-v` shows), done in-process when `builtIn` is set.
package struct CompressionMethod: Equatable, Hashable, Sendable {
    /// `compresscmd` as configured.
    package var command: String
    /// `compressoptions`, split.
    package var arguments: [String]
    /// The in-process equivalent of `command arguments…`, when there is one.
    package var builtIn: CompressionFormat?

    package init(command: String, arguments: [String], builtIn: CompressionFormat?) {
        self.command = command
        self.arguments = arguments
        self.builtIn = builtIn
    }
}

/// A file to mail: `MAILCOMMAND -s SUBJECT ADDRESS < FILE`, through `uncompresscmd` first when given.
package struct MailMessage: Equatable, Hashable, Sendable {
    package var file: FilePath
    package var address: String
    package var subject: String
    package var command: String
    package var uncompressCommand: String?

    package init(file: FilePath, address: String, subject: String, command: String, uncompressCommand: String?) {
        self.file = file
        self.address = address
        self.subject = subject
        self.command = command
        self.uncompressCommand = uncompressCommand
    }
}

/// Something `-v`/`-d` reports that is not an action.
package enum PlanNotice: Equatable, Hashable, Sendable {
    /// `rotating log X, log->rotateCount is N`, `dateext suffix 'S'`, `glob pattern 'P'`.
    case rotatingLog(FilePath, rotateCount: Int, dateSuffix: String, globPattern: String)
    /// `previous log X does not exist` (delaycompress found nothing to compress).
    case previousLogMissing(FilePath)
    /// `old log X does not exist` (a generation to shift is missing).
    case oldLogMissing(FilePath)
    /// `log X doesn't exist -- won't try to dispose of it`.
    case nothingToDispose(FilePath)
    /// `disposeName will be X` (`rotate 0`).
    case disposeName(FilePath)
}
