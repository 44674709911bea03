import LogrotateConfig
import Platform
import SystemPackage

extension Dueness {
    /// logrotate's parent-directory check, done first when running as root without `su`.
    ///
    /// Returns `nil` when the check passes or does not apply (`realUserID != 0` or `su` set), otherwise a skip
    /// decision: silent for a missing directory with `missingok`, an error for any other `stat` failure, and an
    /// error for a directory writable by others or by a group other than root.
    /// - Parameter status: `stat` (following links) of `dirname(path)`, or its error; evaluated only when the check
    ///   applies, so callers pay no system call when running unprivileged or with `su`.
    /// Equivalent logrotate code: `logrotate.c findNeedRotating` (the block before `lstat`).
    package static func checkParentDirectory(
        of path: String,
        status: @autoclosure () -> Result<FileStatus, Errno>,
        settings: LogSettings,
        realUserID: UInt32
    ) -> Decision? {
        guard settings.su == nil && realUserID == 0 else { return nil }
        switch status() {
        case .failure(let errno):
            if errno == .noSuchFileOrDirectory && settings.missingOK {
                return Decision(verdict: .skip, reasons: [.parentDirectoryMissing])
            }
            let reason = Reason.parentDirectoryStatFailed(directory: parentDirectory(of: path), errno)
            return Decision(verdict: .skip, reasons: [reason])
        case .success(let directory):
            let groupWritable = directory.group != 0 && directory.permissions & 0o020 != 0
            guard groupWritable || directory.permissions & 0o002 != 0 else { return nil }
            return Decision(verdict: .skip, reasons: [.insecureParentDirectory(path: path)])
        }
    }

    /// `dirname(3)`: the path without its last component (`.` if none, `/` for the root).
    ///
    /// Equivalent logrotate code: the `dirname(logpath)` in `findNeedRotating`.
    package static func parentDirectory(of path: String) -> String {
        var bytes = Array(path.utf8)
        while bytes.count > 1 && bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        bytes.removeSubrange(slash...)
        while bytes.count > 1 && bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
        return bytes.isEmpty ? "/" : String(decoding: bytes, as: UTF8.self)
    }
}
