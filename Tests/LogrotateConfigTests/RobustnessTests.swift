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
