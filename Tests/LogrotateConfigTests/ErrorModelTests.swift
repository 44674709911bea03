import LogrotateConfig
import Testing

@Test func blockError_dropsBlock_resumesAfterItsBrace() {
    let state = parse("/a.log {\nrotate x\npostrotate\n}\nendscript\n}\n/b.log {\nrotate 2\n}\n")
    #expect(state.blocks.map(\.patterns) == [["/b.log"]])
    #expect(
        state.diagnostics.map(\.description) == [
            "t.conf:2: error: bad rotation count 'x' (rotate expects an integer >= -1)"
        ]
    )
}

@Test func fileError_abandonsRestOfFile_keepsEarlierBlocks() {
    let state = parse("/a.log {\n}\nrotate x\n/b.log {\n}\n")
    #expect(state.blocks.map(\.patterns) == [["/a.log"]])
    #expect(
        state.diagnostics.map(\.description) == [
            "t.conf:3: error: bad rotation count 'x' (rotate expects an integer >= -1)"
        ]
    )
}

@Test func weeklyBadValue_insideBlock_abandonsFile() {
    let state = parse("/a.log {\nweekly 8\n}\n/b.log {\n}\n")
    #expect(state.blocks.isEmpty)
}

@Test func fileWithError_restoresDefaultsBeforeIt() {
    var state = ConfigState()
    let parser = ConfigParser(accounts: FakeAccounts())
    parser.parse("compress\nrotate 3\n/a.log {\n}\n/a.log {\n}\n", file: "one.conf", into: &state)
    #expect(state.defaults == LogSettings())
    #expect(state.blocks.count == 1)
    #expect(state.blocks[0].settings.compress)
    parser.parse("rotate 4\n", file: "two.conf", into: &state)
    #expect(state.defaults.rotate == 4)
}

@Test func missingBrace_atEndOfFile_isFileErrorAtPatternLine() {
    let state = parse("\n# c\n/a.log\n/b.log\n")
    #expect(state.diagnostics.map(\.description) == ["t.conf:3: error: missing '{' after log files definition"])
}

@Test func closingBraceBeforeOpening_isFileError() {
    let state = parse("/a.log\n/b.log }\n{\n}\n")
    #expect(state.diagnostics.map(\.description) == ["t.conf:2: error: unexpected } (missing previous '{')"])
    #expect(state.blocks.isEmpty)
}

@Test func strayClosingBrace_isFileError() {
    let state = parse("}\n/a.log {\n}\n")
    #expect(state.diagnostics.map(\.description) == ["t.conf:1: error: unexpected }"])
    #expect(state.blocks.isEmpty)
}

@Test func textAfterClosingBrace_isWarning_blockKept() {
    let state = parse("/a.log {\n} x\nrotate 2\n")
    #expect(state.diagnostics.map(\.description) == ["t.conf:2: warning: unexpected text after }"])
    #expect(state.blocks.count == 1)
    #expect(state.defaults.rotate == 2)
}

@Test func unterminatedScript_isFileError() {
    let state = parse("/a.log {\npostrotate\necho\n}\n")
    #expect(state.diagnostics.map(\.description) == ["t.conf:2: error: postrotate without endscript"])
    #expect(state.blocks.isEmpty)
}

@Test func blockWithoutClosingBrace_isKeptWithWarning() {
    let state = parse("/a.log {\nrotate 3")
    #expect(state.blocks.first?.settings.rotate == 3)
    #expect(state.diagnostics.map(\.severity) == [.warning])
}

@Test func duplicateEntry_isErrorAtBlockLine_otherPatternsKept() {
    let state = parse("/a.log {\n}\n\n/b.log /a.log {\n}\n/c.log {\n}\n")
    #expect(state.diagnostics.map(\.description) == ["t.conf:4: error: duplicate log entry for /a.log"])
    #expect(state.blocks.map(\.patterns) == [["/a.log"], ["/b.log"], ["/c.log"]])
}

@Test func duplicateEntry_ignoredWhenEarlierBlockHasIgnoreDuplicates() {
    let state = parse("/a.log {\nignoreduplicates\n}\n/a.log /b.log {\n}\n")
    #expect(state.diagnostics.isEmpty)
    #expect(state.blocks.map(\.patterns) == [["/a.log"], ["/b.log"]])
}

@Test func duplicateOfDroppedBlock_isNotDuplicate() {
    let state = parse("/a.log {\nrotate x\n}\n/a.log {\n}\n")
    #expect(state.blocks.map(\.patterns) == [["/a.log"]])
    #expect(state.diagnostics.count == 1)
}

@Test func inheritance_blockCopiesDefaultsAtItsPatterns() {
    let state = parse("compress\n/a.log {\n}\nrotate 9\naddextension .x\n/b.log {\nnocompress\n}\n")
    #expect(state.blocks[0].settings == defaults { $0.compress = true })
    #expect(
        state.blocks[1].settings
            == defaults {
                $0.rotate = 9
                $0.addExtension = ".x"
            }
    )
    #expect(state.defaults.compress)
}

@Test func patterns_quotedAcrossLinesWithComments_andTildeExpanded() {
    let state = parse("\"/var/log/a b.log\"\n  # comment\n  ~/x.log '/c d' /e\\ f {\n}\n")
    #expect(state.blocks.first?.patterns == ["/var/log/a b.log", "/home/u/x.log", "/c d", "/e f"])
    #expect(state.blocks.first?.location == SourceLocation(file: "t.conf", line: 1))
    let withoutTrailingBlank = "\"/var/log/a b.log\"\n  ~/x.log '/c d' /e\\ f"
    #expect(state.blocks.first?.patternText == withoutTrailingBlank)
}

@Test func braceOnItsOwnLine_andEmptyBlockOnOneLine() {
    let state = parse("/a.log\n{\nrotate 1\n}\n/b.log { }\n")
    #expect(state.blocks.map(\.patterns) == [["/a.log"], ["/b.log"]])
    #expect(state.diagnostics.isEmpty)
}

@Test func valueAfterBraceOnSameLine_includesTheClosingBrace() {
    let state = parse("/a.log { rotate 2 }\n")
    #expect(state.diagnostics.first?.message.hasPrefix("bad rotation count '2 }'") == true)
}

@Test func scriptsGlobal_areInherited() {
    let state = parse("postrotate\n/bin/true\nendscript\n/a.log {\n}\n")
    #expect(state.blocks.first?.settings.scripts == [.postrotate: "\n/bin/true\n"])
}

@Test func endscriptFollowedByText_readsRestAsDirectives() {
    let state = parse("/a.log {\nprerotate\nx\nendscript rotate\n}\n")
    #expect(
        state.diagnostics.map(\.description) == [
            "t.conf:4: error: argument expected after rotate (rotate expects an integer >= -1)"
        ]
    )
}

@Test func keywordWithEquals_isAccepted() {
    #expect(settings("rotate = 4")?.rotate == 4)
    #expect(settings("rotate=4")?.rotate == 4)
}

@Test func crlfLineEndings_areAccepted() {
    let state = parse("/a.log {\r\nrotate 4\r\ncompress\r\n}\r\n")
    #expect(
        state.blocks.first?.settings
            == defaults {
                $0.rotate = 4
                $0.compress = true
            }
    )
    #expect(state.diagnostics.isEmpty)
}
