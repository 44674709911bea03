import SystemPackage

/// What tells this machine from others in a fleet, for `spread`: systemd's machine ID, else the host name.
package enum MachineIdentity {
    /// `/etc/machine-id` without its newline (any whitespace); the host name when that file is missing, empty or unreadable; empty
    /// when neither can be read.
    package static func current(fileSystem: any FileSystem = PosixFileSystem()) -> String {
        if let bytes = try? fileSystem.readFile(FilePath("/etc/machine-id")) {
            let text = String(decoding: bytes, as: UTF8.self).filter { !$0.isWhitespace }
            if !text.isEmpty { return text }
        }
        return (try? Hostname.current()) ?? ""
    }
}
