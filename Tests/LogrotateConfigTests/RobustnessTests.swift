import LogrotateConfig
import Testing

/// A deterministic xorshift generator so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}

/// Fragments that make malformed but config-like input.
let fragments: [String] = [
    "/a.log", "{", "}", "\n", " ", "\t", "\"", "'", "\\", "#", "~", "=", "rotate", "size", "weekly", "postrotate",
    "endscript", "include", "create", "su", "0x", "-1", "99999999999999999999999", "k", "M", "\0", "\r\n",
    "compressoptions", "tabooext", "+", ",", "daily", "\u{FFFD}", "é", "olddir", "~/x",
]

func randomInput(_ generator: inout SeededGenerator) -> [UInt8] {
    if Bool.random(using: &generator) {
        return (0..<Int.random(in: 0..<300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator)
        }
    }
    let text = (0..<Int.random(in: 0..<80, using: &generator))
        .map { _ in fragments.randomElement(using: &generator) ?? "" }.joined()
    return Array(text.utf8)
}

@Test func robustness_randomInputs_neverCrash() {
    var generator = SeededGenerator(state: 0x9E37_79B9_7F4A_7C15)
    let parser = ConfigParser(accounts: FakeAccounts(), homeDirectory: "/home/u")
    for _ in 0..<3000 {
        var state = ConfigState()
        parser.parse(randomInput(&generator), file: "fuzz.conf", into: &state) { _, _ in }
        #expect(state.diagnostics.allSatisfy { $0.line >= 0 })
    }
}

@Test func robustness_hugeLinesAndBraces_finishQuickly() {
    let parser = ConfigParser(accounts: FakeAccounts())
    let inputs = [
        String(repeating: "x", count: 1_000_000),
        "/a.log {\nrotate " + String(repeating: "9", count: 100_000) + "\n}\n",
        String(repeating: "/a.log {\n", count: 10_000),
        String(repeating: "}\n", count: 10_000),
        "/a.log {\npostrotate\n" + String(repeating: "echo }\n", count: 50_000),
        String(repeating: "\"", count: 10_001) + " {\n}\n",
    ]
    for text in inputs {
        var state = ConfigState()
        parser.parse(Array(text.utf8), file: "big.conf", into: &state) { _, _ in }
        #expect(state.configuration.hasErrors || !state.diagnostics.isEmpty || state.blocks.count <= 1)
    }
}

@Test func robustness_nulAndInvalidUTF8_inValues() {
    var state = ConfigState()
    let bytes: [UInt8] = Array("/a\0.log {\nrotate 1\0\nmail ".utf8) + [0xFF, 0xFE] + Array("\n}\n".utf8)
    ConfigParser(accounts: FakeAccounts()).parse(bytes, file: "nul.conf", into: &state) { _, _ in }
    #expect(state.diagnostics.map(\.message).first?.hasPrefix("bad rotation count") == true)
}

@Test func robustness_selfIncludingDirectory_terminates() throws {
    let dir = try TempDir()
    try dir.write("d/a.conf", "include \(dir.path)/d\n/a.log {\n}\n")
    try dir.write("d/b.conf", "include \(dir.path)/d/a.conf\n")
    let config = load([dir.path + "/d"])
    #expect(config.hasErrors)
}

/// Parses `text` as `big.conf` with no include handling.
private func parseLarge(_ text: String) -> ConfigState {
    var state = ConfigState()
    ConfigParser(accounts: FakeAccounts(), homeDirectory: "/home/u").parse(
        Array(text.utf8),
        file: "big.conf",
        into: &state
    ) { _, _ in }
    return state
}

// Sizes below are a few MB: enough that a parser quadratic in any of these shapes would not finish in CI.

@Test func robustness_scriptOfManyLines_isReadWhole() {
    let body = String(repeating: "    echo rotated >> /tmp/x\n", count: 100_000)
    let state = parseLarge("/a.log {\n    postrotate\n" + body + "    endscript\n}\n")
    #expect(state.diagnostics.isEmpty)
    #expect(state.blocks.first?.settings.scripts[.postrotate] == "\n" + body)
}

@Test func robustness_scriptOfManyKills_givesAdviceAtEachLine() {
    let kill = "    kill -HUP $(cat /run/a.pid)\n"
    let state = parseLarge(
        "/a.log {\n    prerotate\n" + String(repeating: "    true\n" + kill, count: 5_000) + "endscript\n}"
    )
    #expect(state.blocks.count == 1)
    #expect(state.diagnostics.count == 5_000)
    #expect(state.diagnostics.allSatisfy { $0.isAdvice && $0.severity == .warning })
    #expect(state.diagnostics.map(\.line) == (0..<5_000).map { 4 + 2 * $0 })
}

@Test func robustness_longScriptLineOfUnclosedKills_givesOneAdvice() {
    let line = String(repeating: "kill -HUP $(cat /run/a.pid ", count: 12_000) + "pkill -USR1 app"
    let state = parseLarge("/a.log {\n    postrotate\n" + line + "\n    endscript\n}\n")
    #expect(state.blocks.count == 1)
    #expect(state.diagnostics.map(\.line) == [3])
    #expect(state.diagnostics.first?.message.contains("'pkill -USR1 app'") == true)
}

@Test func robustness_singleHugeLines_withoutTrailingNewline() {
    let long = String(repeating: "x", count: 2_000_000)
    #expect(parseLarge("# " + long).diagnostics.isEmpty)
    #expect(
        parseLarge(long).diagnostics.map(\.description) == [
            "big.conf:1: warning: unknown option '\(long)' -- ignoring line"
        ]
    )
    let unclosed = parseLarge("/a.log {\n    postrotate\n" + long)
    #expect(unclosed.diagnostics.map(\.description) == ["big.conf:2: error: postrotate without endscript"])
    #expect(unclosed.blocks.isEmpty)
}

@Test func robustness_megabyteArguments_areKeptWhole() {
    let directory = "/" + String(repeating: "d", count: 1_000_000)
    let address = String(repeating: "m", count: 1_000_000) + "@example.org"
    let state = parseLarge("/a.log {\n    olddir \(directory)\n    mail \(address)   \n}")
    #expect(state.diagnostics.isEmpty)
    #expect(state.blocks.first?.settings.oldDir == directory)
    #expect(state.blocks.first?.settings.mail == address)
}

@Test func robustness_megabytePatternList_keepsEveryPatternOnce() {
    let patterns = (0..<40_000).map { "/var/log/p\($0).log" }
    let state = parseLarge(patterns.joined(separator: " ") + " /var/log/p7.log {\n}\n")
    #expect(state.blocks.first?.patterns == patterns)
    #expect(state.diagnostics.map(\.description) == ["big.conf:1: error: duplicate log entry for /var/log/p7.log"])
}

@Test func robustness_manyBlocks_areAllKept() {
    let blocks = (0..<30_000).map { "/var/log/b\($0).log {\n    rotate 1\n}\n" }.joined()
    let state = parseLarge(blocks + "/var/log/b42.log {\n}\n")
    #expect(state.blocks.count == 30_000)
    #expect(state.blocks.last?.location.line == 89_998)
    #expect(
        state.diagnostics.map(\.description) == ["big.conf:90001: error: duplicate log entry for /var/log/b42.log"]
    )
}

@Test func robustness_manyCommentLines_keepLineNumbers() {
    let comments = String(repeating: "# a comment line\n", count: 100_000)
    let state = parseLarge(comments + "/a.log\n" + comments + "{\n    bogus\n}\n")
    #expect(state.blocks.first?.patterns == ["/a.log"])
    #expect(
        state.diagnostics.map(\.description) == ["big.conf:200003: warning: unknown option 'bogus' -- ignoring line"]
    )
}

@Test func robustness_longQuotedPattern_isOnePattern() {
    let written = "/var/log/" + String(repeating: "q w\\\" ", count: 300_000)
    let state = parseLarge("\"" + written + "\" {\n}\n")
    #expect(state.diagnostics.isEmpty)
    #expect(state.blocks.first?.patterns == ["/var/log/" + String(repeating: "q w\" ", count: 300_000)])
}
