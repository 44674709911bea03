import Platform

/// Writes logrotate's state file format, version 2, byte for byte as logrotate 3.21 does.
///
/// Equivalent logrotate code: `logrotate.c writeState` (the loop that quotes paths and `fprintf`s dates).
package enum StateFileWriter {
    /// The file content: the version 2 header, then one `"PATH" Y-M-D-H:M:S` line per entry, in the state's order.
    ///
    /// Paths are quoted, with `"` → `\"`, `\` → `\\` and newline → `\n`; date fields are not zero-padded.
    /// The times are written as stored (``StateFileParser`` and `LocalTime(epochSeconds:)` give normalized ones).
    package static func serialize(_ state: StateFile) -> [UInt8] {
        var output = Array(StateFileParser.versionTwoHeader.utf8)
        for entry in state.entries {
            output += line(for: entry)
        }
        return output
    }

    /// ``serialize(_:)`` as text (lossless: paths are `String`s).
    package static func text(_ state: StateFile) -> String {
        String(decoding: serialize(state), as: UTF8.self)
    }

    static func line(for entry: StateFile.Entry) -> [UInt8] {
        quoted(entry.path) + rendered(entry.lastRotated)
    }

    /// The path between double quotes, with `"` → `\"`, `\` → `\\` and newline → `\n`.
    static func quoted(_ path: String) -> [UInt8] {
        var output: [UInt8] = [UInt8(ascii: "\"")]
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\n"): output += Array("\\n".utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
        return output
    }

    /// ` Y-M-D-H:M:S` and the newline that ends the line.
    static func rendered(_ time: LocalTime) -> [UInt8] {
        Array(" \(time.year)-\(time.month)-\(time.day)-\(time.hour):\(time.minute):\(time.second)\n".utf8)
    }
}
