import LogrotateConfig
import Platform
import SystemPackage

extension LogPlanner {
    /// Rotates the log itself; returns `false` when nothing was rotated out (rotate 0 + copytruncate without mail
    /// only truncates), so there is nothing to compress, mail or remove.
    ///
    /// Equivalent logrotate code: `logrotate.c rotateSingleLog`, `copyTruncate`.
    mutating func rotate(view: inout FileView) -> Bool {
        let copying = (settings.copy || settings.copyTruncate) && !settings.renameCopy
        if copying {
            let skipCopy = settings.copyTruncate && settings.rotate == 0 && settings.mail == nil
            let attributes = FileAttributes(of: log.status)
            if skipCopy {
                output.append(.truncate(log.path))
                return false
            }
            let step: RotationStep =
                settings.copyTruncate
                ? .copyTruncate(from: log.path, to: finalName, attributes)
                : .copy(from: log.path, to: finalName, attributes)
            output.append(step)
            view.add(finalName, status: log.status)
        } else {
            let target = settings.renameCopy ? temporaryCopy : finalName
            output.append(.rename(from: log.path, to: target, purpose: .rotate))
            view.move(log.path, to: target)
            createLog(rotatedTo: target, view: &view)
        }
        if settings.rotate == 0 {
            let disposal = settings.delayCompress ? finalName : finalName.appendingToName(naming.compressExtension)
            output.append(.notice(.disposeName(disposal)))
            dispose = disposal
        }
        return true
    }

    /// `renamecopy`'s intermediate name, beside the log.
    var temporaryCopy: FilePath { log.path.appendingToName(".tmp") }

    /// `create`: attributes not given come from the log's pre-rotation `lstat`; without a mode, the new log also
    /// gets the ACL of the rotated one (now at `rotated`).
    ///
    /// Equivalent logrotate code: `logrotate.c createOutputFile` as called from `rotateSingleLog`.
    private mutating func createLog(rotatedTo rotated: FilePath, view: inout FileView) {
        guard let create = settings.create else { return }
        let attributes = FileAttributes(
            permissions: create.mode ?? (log.status.permissions & 0o777),
            owner: create.owner?.id ?? log.status.owner,
            group: create.group?.id ?? log.status.group,
            accessControlSource: create.mode == nil ? rotated : nil
        )
        output.append(.create(log.path, attributes))
        view.add(log.path, status: nil)
    }

    /// After `postrotate`: renamecopy's copy, compression, mail, then removal of the dispose name.
    ///
    /// Equivalent logrotate code: `logrotate.c postrotateSingleLog`.
    mutating func complete(view: inout FileView) {
        if settings.renameCopy {
            output.append(.copy(from: temporaryCopy, to: finalName, FileAttributes(of: log.status)))
            view.add(finalName, status: log.status)
            remove(temporaryCopy, purpose: .temporaryCopy, view: &view)
        }
        if settings.compress, !settings.delayCompress, !naming.compressExtension.isEmpty {
            compress(finalName, attributesFrom: log.status, view: &view)
        }
        mailRotated()
        if let disposal = dispose { remove(disposal, purpose: .oldLog, view: &view) }
    }

    /// `mailfirst` mails the newest version (subject: the log's path when it was just compressed); `maillast`
    /// mails the dispose name.
    private mutating func mailRotated() {
        switch settings.mailWhich {
        case .first:
            let justCompressed = settings.compress && !settings.delayCompress
            mail(firstRotated, subject: justCompressed ? log.path.string : firstRotated.string)
        case .last:
            if let disposal = dispose { mail(disposal, subject: disposal.string) }
        }
    }
}
