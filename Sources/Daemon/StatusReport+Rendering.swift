import Platform
import Rotation

extension StatusReport {
    /// A table with the columns LOG, SIZE, ARCHIVES, LAST ROTATED, NEXT DUE and RULE.
    package var table: String {
        let header = ["LOG", "SIZE", "ARCHIVES", "LAST ROTATED", "NEXT DUE", "RULE"]
        let rows = logs.map { log in
            [
                log.path, log.size.map(ByteCount.text) ?? "-", log.archives?.text ?? "-",
                log.lastRotated?.description ?? "never", Self.nextText(log.next), log.rule,
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n" + staleWritersText + stateFileText
    }

    /// The state file's lock holder and exposure, after a blank line; empty when there is nothing to tell.
    private var stateFileText: String {
        let lines = stateFile.lines
        return lines.isEmpty ? "" : "\n" + lines.joined(separator: "\n") + "\n"
    }

    /// One line per process that still writes a rotated log, with the advice; empty when there is none.
    private var staleWritersText: String {
        let lines = logs.flatMap { log in
            log.staleWriters.map { stale in
                "stale writer: pid \(stale.writer.pid) (\(stale.writer.command)) still writes \(stale.archive) "
                    + "(fd \(stale.writer.descriptor)), not \(log.path): it did not reopen its log; use copytruncate, a "
                    + "'signal' it handles, or make it reopen (see logrotated doctor)"
            }
        }
        return lines.isEmpty ? "" : "\n" + lines.joined(separator: "\n") + "\n"
    }

    /// JSON with stable keys: `{"logs":[{"path", "size", "archivesSize", "archiveCount", "maxTotalSize",
    /// "lastRotated", "nextDue", "nextDueEpoch", "nextDueSize", "rule", "staleWriters": [{"pid", "command", "fd",
    /// "append", "archive"}]}], "stateFile": {"path", "mode", "lockedBy": [{"pid", "command"}], "problems"}}`; absent
    /// values (`maxTotalSize` without a budget) are `null`; times are local `YYYY-MM-DD HH:MM`.
    package var json: String {
        let entries = logs.map { log in
            let fields: [(String, String)] = [
                ("path", JSONText.string(log.path)),
                ("size", log.size.map { "\($0)" } ?? "null"),
                ("archivesSize", "\(log.archives?.bytes ?? 0)"),
                ("archiveCount", "\(log.archives?.count ?? 0)"),
                ("maxTotalSize", log.archives.flatMap { $0.budget > 0 ? "\($0.budget)" : nil } ?? "null"),
                ("lastRotated", log.lastRotated.map { JSONText.string($0.description) } ?? "null"),
                ("nextDue", JSONText.string(Self.nextText(log.next))),
                ("nextDueEpoch", Self.nextEpoch(log.next).map { "\($0)" } ?? "null"),
                ("nextDueSize", Self.nextSize(log.next).map { "\($0)" } ?? "null"),
                ("rule", JSONText.string(log.rule)),
                ("staleWriters", Self.staleWritersJSON(log.staleWriters)),
            ]
            return JSONText.object(fields)
        }
        return "{\"logs\":[" + entries.joined(separator: ",") + "],\"stateFile\":" + stateFile.json + "}\n"
    }

    private static func staleWritersJSON(_ stale: [StaleWriterOfArchive]) -> String {
        let entries = stale.map { entry in
            "{\"pid\":\(entry.writer.pid),\"command\":\(JSONText.string(entry.writer.command)),\"fd\":\(entry.writer.descriptor),"
                + "\"append\":\(entry.writer.appendMode),\"archive\":\(JSONText.string(entry.archive))}"
        }
        return "[" + entries.joined(separator: ",") + "]"
    }

    private static func nextText(_ next: LogOutlook.NextDue) -> String {
        switch next {
        case .now: "now"
        case .at(let epoch): LocalTime(epochSeconds: epoch).description
        case .atSize(let bytes): "at \(ByteCount.text(bytes))"
        }
    }

    private static func nextEpoch(_ next: LogOutlook.NextDue) -> Int64? {
        if case .at(let epoch) = next { return epoch }
        return nil
    }

    private static func nextSize(_ next: LogOutlook.NextDue) -> UInt64? {
        if case .atSize(let bytes) = next { return bytes }
        return nil
    }
}
