import LogrotateConfig
import Testing

/// A criterion replacing one of another kind in the same scope gets logrotate's debug-level note; the last one wins.
@Test(arguments: [
    ("maxsize 40k\nsize 3M\nweekly", ["t.conf:4: note: 'weekly' overrides previously specified 'size'"]),
    ("monthly\nsize 100", ["t.conf:3: note: 'size' overrides previously specified 'monthly'"]),
    (
        "hourly\nyearly\ndaily",
        [
            "t.conf:3: note: 'yearly' overrides previously specified 'hourly'",
            "t.conf:4: note: 'daily' overrides previously specified 'yearly'",
        ]
    ),
    ("weekly 2\nweekly 5\nsize 1\nsize 9", ["t.conf:4: note: 'size' overrides previously specified 'weekly'"]),
    ("minsize 5\ndaily", []),
])
func criterionReplaced_inTheSameBlock_isNoted(body: String, expected: [String]) {
    #expect(diagnostics(body) == expected)
}

@Test func criterionInBlock_afterAGlobalOne_isNotNoted() {
    let state = parse("daily\n/l.log {\n    size 10k\n}\n/m.log {\n    monthly\n}\nsize 5\n")
    #expect(state.diagnostics.isEmpty)
    #expect(state.blocks.map(\.settings.criterion) == [.size(10_240), .time(.monthly)])
}
