import LogrotateConfig
import Platform
import Testing

@testable import Scheduling

@Suite struct StateFileParserTests {
    static let header = "logrotate state -- version 2\n"

    /// (file content, expected entries as "path=Y-M-D-h:m:s", expected diagnostic message or nil)
    static let cases: [(String, [String], String?)] = [
        ("", [], nil),
        ("\n", [], "bad top line in state file S"),
        ("logrotate state -- version 2", [], "bad top line in state file S"),
        (header, [], nil),
        ("logrotate state -- version 3\n", [], "bad top line in state file S"),
        ("logrotate state -- version 2\r\n", [], "bad top line in state file S"),
        ("logrotate state -- version 1\n/var/log/a 2020-3-4\n", ["/var/log/a=2020-3-4-0:0:0"], nil),
        (header + "\"/a\" 2020-3-4", [], "line 2 too long in state file S"),
        (header + "\n\"/x\" 1800-3-4\n\"/a\" 2020-3-4\n", [], "bad year 1800 for file /x in state file S"),
        (header + "\"/x\" 2101-1-4\n", [], "bad year 2101 for file /x in state file S"),
        (header + "\"/x\" 2020-13-4\n", [], "bad month 13 for file /x in state file S"),
        (header + "\"/x\" 2020-0-4\n", [], "bad month 0 for file /x in state file S"),
        (header + "\"/x\" 2020-1-32\n", [], "bad day 32 for file /x in state file S"),
        (header + "\"/x\" 2020-1-3-24:0:0\n", [], "bad hour 24 for file /x in state file S"),
        (header + "\"/x\" 2020-1-3-1:60:0\n", [], "bad minute 60 for file /x in state file S"),
        (header + "\"/x\" 2020-1-3-1:1:60\n", [], "bad second 60 for file /x in state file S"),
        (header + "\"/a\" 2020-1-3-1:1:6 x\n", [], "bad line 2 in state file S"),
        (header + "\"/a\" 2020-1\n", [], "bad line 2 in state file S"),
        (header + "\"/a\" 2020-1-3junk\n", ["/a=2020-1-3-0:0:0"], nil),
        (header + "\"/a\" +2020-1-3-4\n", ["/a=2020-1-3-4:0:0"], nil),
        (header + "\"/a\" 2020--1-3\n", [], "bad month -1 for file /a in state file S"),
        (header + "   \n", [], "bad line 2 in state file S"),
        (header + "\"/a\" 2020-1-3\r\n", ["/a=2020-1-3-0:0:0"], nil),
        (header + "\"/a\" 1900-1-3\n", ["/a=1900-1-3-0:0:0"], nil),
        (header + "\"/a 2020-1-3\n", [], "bad line 2 in state file S"),
        (header + "\"/a\" 2020-1-3\n\"\" 2020-1-1\n", ["/a=2020-1-3-0:0:0"], "bad line 3 in state file S"),
        (header + "\"/a\\\" 2020-1-3\n", [], "bad line 2 in state file S"),
        (header + "/a\\ b 2020-1-3\n", ["/a b=2020-1-3-0:0:0"], nil),
        (header + "'/a\"b' 2020-1-3\n", ["/a\"b=2020-1-3-0:0:0"], nil),
        (header + "\"/a\\qb\" 2020-1-3\n", ["/a\\qb=2020-1-3-0:0:0"], nil),
        (header + "/a\\\n", [], "bad line 2 in state file S"),
        (header + "\"/a\u{0}\" 2020-1-3\n", [], "line 2 too long in state file S"),
        (header + "\"/a\" 2020-1-3\n\n\"/b\" 2021-2-3-4:5:6\n", ["/a=2020-1-3-0:0:0", "/b=2021-2-3-4:5:6"], nil),
        (header + "\"/a\" 2020-1-3\n\"/a\" 2021-1-3\n", ["/a=2021-1-3-0:0:0"], nil),
        (header + "\"/x\" 99999999999999999999999-1-1\n", [], "bad year \(Int.max) for file /x in state file S"),
    ]

    @Test(arguments: cases)
    func parse_matchesLogrotate(content: String, entries: [String], message: String?) {
        let result = StateFileParser.parse(content, file: "S")
        #expect(result.state.entries.map(render) == entries)
        #expect(result.diagnostics.map(\.message) == (message.map { [$0] } ?? []))
        #expect(result.diagnostics.allSatisfy { $0.severity == .error && $0.file == "S" })
    }

    @Test func parse_badLine_reportsLineNumberInDiagnostic() {
        let result = StateFileParser.parse(Self.header + "\n\"/a\" 2020-1-3\nbad\n", file: "/var/lib/logrotate/status")
        #expect(result.diagnostics.map(\.line) == [4])
        #expect(result.diagnostics.map(\.message) == ["bad line 4 in state file /var/lib/logrotate/status"])
        #expect(result.state.entries.count == 1)
    }

    @Test func parse_quotedEscapes_unescapeNewlineAndBackslash() {
        let text =
            Self.header + #""/l/q\"uote" 2020-1-3"# + "\n" + #""/l/back\\slash" 2020-1-3"# + "\n"
            + #""/l/new\nline" 2020-1-3"# + "\n" + #""/l/sp ace ütf" 2020-1-3"# + "\n"
        let paths = StateFileParser.parse(text, file: "S").state.entries.map(\.path)
        #expect(paths == ["/l/q\"uote", "/l/back\\slash", "/l/new\nline", "/l/sp ace ütf"])
    }

    @Test func parse_lineLongerThanLogrotateBuffer_isTooLong() {
        let okPath = String(repeating: "a", count: 8206 - " 2020-1-3\n".utf8.count)
        let ok = StateFileParser.parse(Self.header + "\(okPath) 2020-1-3\n", file: "S")
        #expect(ok.diagnostics.isEmpty && ok.state.entries.count == 1)
        let long = StateFileParser.parse(Self.header + "a\(okPath) 2020-1-3\n", file: "S")
        #expect(long.diagnostics.map(\.message) == ["line 2 too long in state file S"])
    }

    @Test func parse_randomAndMalformedInputs_neverTrap() {
        var generator = SplitMix64(seed: 0x5EED)
        let alphabet = Array("\"'\\ \t\n-:0123456789/ab\u{0}é".utf8) + [0xFF]
        let header = Array(Self.header.utf8)
        for round in 0..<400 {
            let length = Int(generator.next() % 120)
            var bytes = round % 2 == 0 ? header : []
            for _ in 0..<length { bytes.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            let result = StateFileParser.parse(bytes, file: "S")
            #expect(result.diagnostics.count <= 1)
            let reparsed = StateFileParser.parse(StateFileWriter.serialize(result.state), file: "S")
            #expect(reparsed.diagnostics.isEmpty)
        }
    }

    private func render(_ entry: StateFile.Entry) -> String {
        let time = entry.lastRotated
        return "\(entry.path)=\(time.year)-\(time.month)-\(time.day)-\(time.hour):\(time.minute):\(time.second)"
    }
}

/// A small deterministic generator for the malformed-input test.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D4_9B2F_1330_11EB
        return z ^ (z >> 31)
    }
}
