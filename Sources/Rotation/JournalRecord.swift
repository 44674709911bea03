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
        var line: [UInt8] = []
        append(to: &line)
        return line
    }

    /// Appends the record's line, newline included, to `bytes`: a batch of thousands of records is built in one
    /// buffer, without an array per field.
    func append(to bytes: inout [UInt8]) {
        let tab = UInt8(ascii: "\t")
        switch self {
        case .begin(let intent):
            bytes.append(UInt8(ascii: "B"))
            bytes.append(tab)
            Self.escape(intent.log, into: &bytes)
            bytes.append(tab)
            bytes += intent.identity.description.utf8
            bytes.append(tab)
            Self.escape(intent.finalName, into: &bytes)
            bytes.append(tab)
            if let compressed = intent.compressedName { Self.escape(compressed, into: &bytes) }
            bytes.append(tab)
            bytes += String(intent.epochSeconds).utf8
        case .shift(let log, let shift):
            bytes.append(UInt8(ascii: "S"))
            for path in [log, shift.from, shift.to] {
                bytes.append(tab)
                Self.escape(path, into: &bytes)
            }
        case .compress(let log, let compression):
            bytes.append(UInt8(ascii: "C"))
            for path in [log, compression.source] {
                bytes.append(tab)
                Self.escape(path, into: &bytes)
            }
            bytes.append(tab)
            bytes += compression.identity.description.utf8
            bytes.append(tab)
            Self.escape(compression.target, into: &bytes)
        case .copy(let log, let archive):
            bytes.append(UInt8(ascii: "K"))
            for path in [log, archive] {
                bytes.append(tab)
                Self.escape(path, into: &bytes)
            }
        case .end(let log):
            bytes.append(UInt8(ascii: "E"))
            bytes.append(tab)
            Self.escape(log, into: &bytes)
        }
        bytes.append(UInt8(ascii: "\n"))
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

    private static func escape(_ path: FilePath, into escaped: inout [UInt8]) {
        path.withPlatformString { name in
            var cursor = name
            while cursor.pointee != 0 {
                let byte = UInt8(bitPattern: cursor.pointee)
                if byte > 0x20, byte < 0x7f, byte != UInt8(ascii: "%") {
                    escaped.append(byte)
                } else {
                    escaped += [UInt8(ascii: "%"), hex(byte >> 4), hex(byte & 0xf)]
                }
                cursor += 1
            }
        }
    }

    private static func hex(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
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
