import LogrotateConfig
import Testing

/// `maxtotalsize SIZE`: read like `size`, inside blocks and before them.
let maxTotalSizeCases: [(String, UInt64)] = [
    ("maxtotalsize 100", 100),
    ("maxtotalsize 100k", 102_400),
    ("maxtotalsize 100K", 102_400),
    ("maxtotalsize 10M", 10_485_760),
    ("maxtotalsize 1G", 1_073_741_824),
    ("maxtotalsize 0x10k", 16_384),
    ("maxtotalsize 0", 0),
    ("maxtotalsize 5M\nmaxtotalsize 1k", 1024),
]

@Test(arguments: maxTotalSizeCases)
func maxTotalSize_goodValue_setsBudget(_ text: String, _ bytes: UInt64) {
    let state = parse("/l.log {\n\(text)\n}\n")
    #expect(state.diagnostics.isEmpty)
    #expect(state.blocks.first?.settings == defaults { $0.maxTotalSize = bytes })
}

let badMaxTotalSizeCases: [(String, String)] = [
    (
        "maxtotalsize 10m",
        "t.conf:2: error: unknown unit 'm' (maxtotalsize expects a byte count with an optional k, K, M or G unit)"
    ),
    (
        "maxtotalsize 10MB",
        "t.conf:2: error: unknown unit 'B' (maxtotalsize expects a byte count with an optional k, K, M or G unit)"
    ),
    (
        "maxtotalsize 1.5G",
        "t.conf:2: error: bad size '1.5G' (maxtotalsize expects a byte count with an optional k, K, M or G unit)"
    ),
    (
        "maxtotalsize -1",
        "t.conf:2: error: bad size '-1' (maxtotalsize expects a byte count with an optional k, K, M or G unit)"
    ),
    (
        "maxtotalsize 99999999999G",
        "t.conf:2: error: bad size '99999999999G' (maxtotalsize expects a byte count with an optional k, K, M or G unit)"
    ),
    (
        "maxtotalsize",
        "t.conf:2: error: argument expected after maxtotalsize (maxtotalsize expects a byte count with an optional k, K, M or G unit)"
    ),
]

@Test(arguments: badMaxTotalSizeCases)
func maxTotalSize_badValue_reportsFileAndLineAndDropsBlock(_ text: String, _ expected: String) {
    let state = parse("/l.log {\n\(text)\n}\n")
    #expect(state.diagnostics.map(\.description) == [expected])
    #expect(state.blocks.isEmpty)
}

@Test func maxTotalSize_global_isInheritedAndOverridable() {
    let state = parse("maxtotalsize 50M\n/a.log {\n}\n/b.log {\nmaxtotalsize 0\n}\n")
    #expect(state.diagnostics.isEmpty)
    #expect(state.blocks.map(\.settings.maxTotalSize) == [52_428_800, 0])
}

@Test func maxTotalSize_badGlobalValue_reportsItsLine() {
    let state = parse("rotate 2\nmaxtotalsize lots\n/a.log {\n}\n")
    #expect(
        state.diagnostics.map(\.description) == [
            "t.conf:2: error: unknown unit 's' (maxtotalsize expects a byte count with an optional k, K, M or G unit)"
        ]
    )
}

@Test func maxTotalSize_isPrintedAndReadsBack() {
    let original = parse("/a.log {\nmaxtotalsize 10M\n}\n")
    let printed = ConfigPrinter.render(original.configuration)
    #expect(printed.contains("    maxtotalsize 10485760\n"))
    #expect(parse(printed).blocks.map(\.settings) == original.blocks.map(\.settings))
}
