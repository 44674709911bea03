import LogrotateConfig
import Platform
import SystemPackage

extension LogPlanner {
    /// Rotates the log itself; returns `false` when nothing was rotated out: `rotate 0` + `copy`/`copytruncate`
    /// without `mail` skips the copy (and only truncates for copytruncate), as logrotate does, so there is nothing to
    /// compress or mail, and the dispose name stays the previous generation's.
    ///
    /// Equivalent logrotate code: `logrotate.c rotateSingleLog`, `copyTruncate` (`skip_copy`).
    mutating func rotate(view: inout FileView) -> Bool {
        let copying = (settings.copy || settings.copyTruncate) && !settings.renameCopy
        if copying {
            let attributes = FileAttributes(of: log.status)
            if settings.rotate == 0, settings.mail == nil {
                if settings.copyTruncate { output.append(.truncate(log.path)) }
                return false
            }
            let step: RotationStep =
                settings.copyTruncate
                ? .copyTruncate(from: log.path, to: finalName, attributes)
                : .copy(from: log.path, to: finalName, attributes)
            output.append(step)
            view.add(finalName, status: madeNow(log.status))
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
        let created = FileStatus(
            kind: .regular,
            permissions: attributes.permissions,
            owner: attributes.owner ?? log.status.owner,
            group: attributes.group ?? log.status.group
        )
        view.add(log.path, status: madeNow(created))
    }

    /// `status` for a file this run makes (a copy, a created log): its times are now, so that `maxage` on a later
    /// log of the block (a glob matching rotated names) judges it as logrotate, which stats it then, does.
    func madeNow(_ status: FileStatus) -> FileStatus {
        var made = status
        made.accessTime = Timestamp(seconds: now.epochSeconds)
        made.modificationTime = Timestamp(seconds: now.epochSeconds)
        return made
    }

    /// After `postrotate`: renamecopy's copy, compression, mail, then removal of the dispose name.
    ///
    /// Equivalent logrotate code: `logrotate.c postrotateSingleLog`.
    mutating func complete(view: inout FileView) {
        if settings.renameCopy {
            output.append(.copy(from: temporaryCopy, to: finalName, FileAttributes(of: log.status)))
            view.add(finalName, status: madeNow(log.status))
            remove(temporaryCopy, purpose: .temporaryCopy, view: &view)
        }
        if settings.compress, !settings.delayCompress, !naming.compressExtension.isEmpty {
            compress(finalName, attributesFrom: log.status, view: &view)
        }
        mailRotated()
        removeDisposal(view: &view)
    }

    /// Removes the dispose name, the last step of a log.
    mutating func removeDisposal(view: inout FileView) {
        if let disposal = dispose { remove(disposal, purpose: .oldLog, view: &view) }
    }

    /// `mailfirst` mails the newest version; `maillast` mails the dispose name.
    private mutating func mailRotated() {
        switch settings.mailWhich {
        case .first: mail(firstRotated)
        case .last: if let disposal = dispose { mail(disposal) }
        }
    }
}
