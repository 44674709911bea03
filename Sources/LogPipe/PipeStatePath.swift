import SystemPackage

/// The default state file of `logrotated pipe`: one per log, `/var/lib/logrotated/pipe-ESCAPED.state`, so that a pipe
/// never waits for the state lock the daemon or a `rotate` run holds while it rotates other logs.
package enum PipeStatePath {
    /// The directory of the default state files.
    package static let directory: FilePath = "/var/lib/logrotated"

    /// `/var/lib/logrotated/pipe-var-log-app-app.log.state` for `/var/log/app/app.log`.
    package static func defaultPath(for log: FilePath) -> FilePath {
        directory.appending("pipe-\(escaped(log)).state")
    }

    /// The path escaped as `systemd-escape --path` does: no leading or trailing `/`, each `/` becomes `-`, and every
    /// byte other than ASCII letters, digits, `:`, `_` and `.` (and a leading `.`) becomes `\xNN`, so that two logs
    /// never share a state file.
    package static func escaped(_ log: FilePath) -> String {
        let components = log.lexicallyNormalized().components.map { Array($0.string.utf8) }
        var text = ""
        for (index, component) in components.enumerated() {
            if index > 0 { text += "-" }
            for (position, byte) in component.enumerated() {
                let plain =
                    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)
                    || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_")
                    || (byte == UInt8(ascii: ".") && !(index == 0 && position == 0))
                if plain {
                    text.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    text += "\\x" + String(byte >> 4, radix: 16) + String(byte & 0xf, radix: 16)
                }
            }
        }
        return text.isEmpty ? "-" : text
    }
}
