import LogrotateConfig
import Platform
import SystemPackage

extension LogPlanner {
    /// The erasure `shred`/`shredcycles` ask for.
    var erasure: Erasure {
        settings.shred ? .shred(cycles: settings.shredCycles, allowHardLinks: settings.allowHardlink) : .unlink
    }

    /// Removes a file the way logrotate's `removeLogFile`/`shred_file` do (preremove first, shred if asked).
    ///
    /// Equivalent logrotate code: `logrotate.c removeLogFile`, `shred_file`.
    mutating func remove(_ path: FilePath, purpose: RemovalPurpose, view: inout FileView) {
        let preremove = purpose == .temporaryCopy ? nil : settings.scripts[.preremove]
        let erasure = purpose == .temporaryCopy ? Erasure.unlink : erasure
        output.append(.remove(path, purpose: purpose, preremove: preremove, erasure: erasure))
        view.remove(path)
    }

    /// Compresses `source` into `source CE` and removes the source, attributes from `attributesFrom`.
    ///
    /// Equivalent logrotate code: `logrotate.c compressLogFile`.
    mutating func compress(_ source: FilePath, attributesFrom status: FileStatus, view: inout FileView) {
        let target = source.appendingToName(naming.compressExtension)
        let method = CompressionMethod(settings: settings)
        output.append(.compress(source: source, target: target, method: method, FileAttributes(of: status)))
        view.add(target, status: status)
        remove(source, purpose: .compressedSource, view: &view)
    }

    /// Mails an old version removed before rotating (dateext count or maxage), with `mailfirst` too, as logrotate's
    /// `mailLogWrapper` calls from `prerotateSingleLog` do.
    mutating func mailBeforeRemoval(_ path: FilePath) {
        mail(path)
    }

    /// `mail`: uncompressed through `uncompresscmd` when the file is a compressed one.
    ///
    /// Equivalent logrotate code: `logrotate.c mailLogWrapper`, `mailLog`.
    mutating func mail(_ path: FilePath) {
        guard let address = settings.mail else { return }
        let compressed =
            settings.compress && !naming.compressExtension.isEmpty
            && path.string.hasSuffix(naming.compressExtension)
        let message = MailMessage(
            file: path,
            address: address,
            subject: mailSubject(for: path),
            command: options.mailCommand,
            uncompressCommand: compressed ? settings.uncompressCommand : nil
        )
        output.append(.mail(message))
    }

    /// The file's own path, except with `mailfirst` + `compress` (without `delaycompress`), where every mail of the
    /// log, old versions removed before rotating included, is titled with the log's path (logrotate's rule).
    ///
    /// Equivalent logrotate code: `logrotate.c mailLogWrapper`.
    private func mailSubject(for path: FilePath) -> String {
        let titledByLog = settings.mailWhich == .first && settings.compress && !settings.delayCompress
        return titledByLog ? log.path.string : path.string
    }
}
