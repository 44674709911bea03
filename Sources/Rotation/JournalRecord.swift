import Platform
import SystemPackage

/// One line of the rotation journal: fields separated by tabs, bytes outside printable ASCII (and `%`) as `%XX`, so
/// any file name fits on one line; a line without its final newline was cut by a kill and is ignored.
///
/// ```
/// B  LOG  DEV:INO  FINAL  COMPRESSED-OR-EMPTY  EPOCH   a log's rotation begins
/// S  LOG  FROM  TO                                   an old version the rotation shifts (after its B)
/// C  LOG  SOURCE  DEV:INO  TARGET                     a compression begins
/// K  LOG  ARCHIVE                                     a copytruncate begins
/// E  LOG                                              the log's rotation ended
/// ```
enum JournalRecord: Equatable, Sendable {
    case begin(LogIntent)
    case shift(log: FilePath, Shift)
    case compress(log: FilePath, BegunCompression)
    case copy(log: FilePath, archive: FilePath)
    case end(log: FilePath)

    /// The log the record is about.
    var log: FilePath {
        switch self {
        case .begin(let intent): intent.log
        case .shift(let log, _), .compress(let log, _), .copy(let log, _), .end(let log): log
        }
    }

    /// The record as one line, newline included.
    var line: [UInt8] {
        let fields: [[UInt8]]
        switch self {
        case .begin(let intent):
            fields = [
                Array("B".utf8), Self.escape(intent.log), Array(intent.identity.description.utf8),
                Self.escape(intent.finalName), intent.compressedName.map(Self.escape) ?? [],
                Array(String(intent.epochSeconds).utf8),
            ]
        case .shift(let log, let shift):
            fields = [Array("S".utf8), Self.escape(log), Self.escape(shift.from), Self.escape(shift.to)]
        case .compress(let log, let compression):
            fields = [
                Array("C".utf8), Self.escape(log), Self.escape(compression.source),
                Array(compression.identity.description.utf8), Self.escape(compression.target),
            ]
        case .copy(let log, let archive):
            fields = [Array("K".utf8), Self.escape(log), Self.escape(archive)]
        case .end(let log):
            fields = [Array("E".utf8), Self.escape(log)]
        }
        return Array(fields.joined(separator: [UInt8(ascii: "\t")])) + [UInt8(ascii: "\n")]
    }

    /// Parses one line (without its newline); `nil` for anything malformed.
    init?(line: ArraySlice<UInt8>) {
        let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        guard let kind = fields.first.map({ String(decoding: $0, as: UTF8.self) }) else { return nil }
        switch (kind, fields.count) {
        case ("B", 6):
            guard let log = Self.path(fields[1]), let identity = Self.identity(fields[2]),
                let finalName = Self.path(fields[3]),
                let epoch = Int64(String(decoding: fields[5], as: UTF8.self))
            else { return nil }
            let compressed = fields[4].isEmpty ? nil : Self.path(fields[4])
            self = .begin(
                LogIntent(
                    log: log,
                    identity: identity,
                    finalName: finalName,
                    compressedName: compressed,
                    epochSeconds: epoch
                )
            )
        case ("C", 5):
            guard let log = Self.path(fields[1]), let source = Self.path(fields[2]),
                let identity = Self.identity(fields[3]), let target = Self.path(fields[4])
            else { return nil }
            self = .compress(log: log, BegunCompression(source: source, identity: identity, target: target))
        case ("S", 4):
            guard let log = Self.path(fields[1]), let from = Self.path(fields[2]), let to = Self.path(fields[3])
            else { return nil }
            self = .shift(log: log, Shift(from: from, to: to))
        case ("K", 3):
            guard let log = Self.path(fields[1]), let archive = Self.path(fields[2]) else { return nil }
            self = .copy(log: log, archive: archive)
        case ("E", 2):
            guard let log = Self.path(fields[1]) else { return nil }
            self = .end(log: log)
        default:
            return nil
        }
    }

    /// Every complete record in `bytes`, in order; malformed and cut lines are skipped.
    static func records(in bytes: [UInt8]) -> [JournalRecord] {
        var records: [JournalRecord] = []
        var start = bytes.startIndex
        while let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            if let record = JournalRecord(line: bytes[start..<end]) { records.append(record) }
            start = end + 1
        }
        return records
    }

    private static func escape(_ path: FilePath) -> [UInt8] {
        var escaped: [UInt8] = []
        for byte in path.bytes {
            if byte > 0x20, byte < 0x7f, byte != UInt8(ascii: "%") {
                escaped.append(byte)
            } else {
                escaped += Array("%".utf8) + Self.hex(byte >> 4) + Self.hex(byte & 0xf)
            }
        }
        return escaped
    }

    private static func hex(_ nibble: UInt8) -> [UInt8] {
        [nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10]
    }

    private static func path(_ field: ArraySlice<UInt8>) -> FilePath? {
        var bytes: [UInt8] = []
        var index = field.startIndex
        while index < field.endIndex {
            let byte = field[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < field.endIndex,
                    let value = UInt8(String(decoding: field[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
                index += 3
            } else {
                bytes.append(byte)
                index += 1
            }
        }
        guard !bytes.isEmpty, !bytes.contains(0) else { return nil }
        return FilePath(bytes: bytes)
    }

    private static func identity(_ field: ArraySlice<UInt8>) -> FileIdentity? {
        let parts = field.split(separator: UInt8(ascii: ":"))
        guard parts.count == 2, let device = UInt64(String(decoding: parts[0], as: UTF8.self)),
            let inode = UInt64(String(decoding: parts[1], as: UTF8.self))
        else { return nil }
        return FileIdentity(device: device, inode: inode)
    }
}
