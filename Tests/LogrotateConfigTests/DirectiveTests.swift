import LogrotateConfig
import Testing

/// One case per directive: the text inside a block and the settings it must produce.
struct DirectiveCase: CustomTestStringConvertible, Sendable {
    var text: String
    var expected: LogSettings
    var testDescription: String { text }

    init(_ text: String, _ change: (inout LogSettings) -> Void) {
        self.text = text
        self.expected = defaults(change)
    }
}

let root = Account(name: "root", id: 0)
let adm = Account(name: "adm", id: 4)

let directiveCases: [DirectiveCase] = [
    .init("hourly") { $0.criterion = .time(.hourly) },
    .init("daily") { $0.criterion = .time(.daily) },
    .init("weekly") { $0.criterion = .time(.weekly(weekday: 0)) },
    .init("weekly 3") { $0.criterion = .time(.weekly(weekday: 3)) },
    .init("weekly 7") { $0.criterion = .time(.weekly(weekday: 7)) },
    .init("monthly") { $0.criterion = .time(.monthly) },
    .init("yearly") { $0.criterion = .time(.yearly) },
    .init("size 100") { $0.criterion = .size(100) },
    .init("size 100k") { $0.criterion = .size(102_400) },
    .init("size 100K") { $0.criterion = .size(102_400) },
    .init("size 2M") { $0.criterion = .size(2_097_152) },
    .init("size 1G") { $0.criterion = .size(1_073_741_824) },
    .init("size = 0x10k") { $0.criterion = .size(16_384) },
    .init("daily\nsize 5") { $0.criterion = .size(5) },
    .init("size 5\nweekly") { $0.criterion = .time(.weekly(weekday: 0)) },
    .init("minsize 010") { $0.minSize = 8 },
    .init("maxsize 1M") { $0.maxSize = 1_048_576 },
    .init("rotate 5") { $0.rotate = 5 },
    .init("rotate 0") { $0.rotate = 0 },
    .init("rotate -1") { $0.rotate = -1 },
    .init("rotate 0x10") { $0.rotate = 16 },
    .init("rotate 010") { $0.rotate = 8 },
    .init("start 0") { $0.start = 0 },
    .init("start 9") { $0.start = 9 },
    .init("maxage 30") { $0.maxAge = 30 },
    .init("minage 2") { $0.minAge = 2 },
    .init("create") { $0.create = Ownership() },
    .init("create 0640") { $0.create = Ownership(mode: 0o640) },
    .init("create 640 root") { $0.create = Ownership(mode: 0o640, owner: root) },
    .init("create 0640 root adm") { $0.create = Ownership(mode: 0o640, owner: root, group: adm) },
    .init("create root adm") { $0.create = Ownership(owner: root, group: adm) },
    .init("create root") { $0.create = Ownership(owner: root) },
    .init("create 0 4") {
        $0.create = Ownership(owner: Account(name: "0", id: 0), group: Account(name: "4", id: 4))
    },
    .init("create\nnocreate") { $0.create = nil },
    .init("copy") { $0.copy = true },
    .init("copy\nnocopy") { $0.copy = false },
    .init("copytruncate") { $0.copyTruncate = true },
    .init("renamecopy\ncopytruncate") { $0.copyTruncate = true },
    .init("copytruncate\nrenamecopy") { $0.renameCopy = true },
    .init("copytruncate\nnocopytruncate") { $0.copyTruncate = false },
    .init("renamecopy\nnorenamecopy") { $0.renameCopy = false },
    .init("compress") { $0.compress = true },
    .init("compress\nnocompress") { $0.compress = false },
    .init("delaycompress") { $0.delayCompress = true },
    .init("delaycompress\nnodelaycompress") { $0.delayCompress = false },
    .init("compresscmd /usr/bin/bzip2") {
        $0.compressCommand = "/usr/bin/bzip2"
        $0.compressExtension = ".bz2"
    },
    .init("compresscmd xz") {
        $0.compressCommand = "xz"
        $0.compressExtension = ".xz"
    },
    .init("compresscmd /usr/bin/zstd") {
        $0.compressCommand = "/usr/bin/zstd"
        $0.compressExtension = ".zst"
    },
    .init("compresscmd ./compress") {
        $0.compressCommand = "./compress"
        $0.compressExtension = ".Z"
    },
    .init("compresscmd /usr/bin/zip") {
        $0.compressCommand = "/usr/bin/zip"
        $0.compressExtension = ".zip"
    },
    .init("compresscmd /usr/bin/pigz") { $0.compressCommand = "/usr/bin/pigz" },
    .init("uncompresscmd /usr/bin/bunzip2") { $0.uncompressCommand = "/usr/bin/bunzip2" },
    .init("compressext .bz2") { $0.compressExtension = ".bz2" },
    .init("compressoptions -9") { $0.compressOptions = ["-9"] },
    .init("compressoptions \"-T 0\" --long") { $0.compressOptions = ["-T 0", "--long"] },
    .init("dateext") { $0.dateExt = true },
    .init("dateext\nnodateext") { $0.dateExt = false },
    .init("dateformat -%Y-%m-%d") { $0.dateFormat = "-%Y-%m-%d" },
    .init("dateyesterday") { $0.dateYesterday = true },
    .init("datehourago") { $0.dateHourAgo = true },
    .init("extension .log") { $0.extension = ".log" },
    .init("addextension .gz") { $0.addExtension = ".gz" },
    .init("olddir /var/log/old") { $0.oldDir = "/var/log/old" },
    .init("olddir old") { $0.oldDir = "old" },
    .init("olddir ~/old") { $0.oldDir = "/home/u/old" },
    .init("olddir old\nnoolddir") { $0.oldDir = nil },
    .init("createolddir") { $0.createOldDir = Ownership() },
    .init("createolddir 0750 root adm") { $0.createOldDir = Ownership(mode: 0o750, owner: root, group: adm) },
    .init("createolddir\nnocreateolddir") { $0.createOldDir = nil },
    .init("missingok") { $0.missingOK = true },
    .init("missingok\nnomissingok") { $0.missingOK = false },
    .init("notifempty") { $0.ifEmpty = false },
    .init("notifempty\nifempty") { $0.ifEmpty = true },
    .init("sharedscripts") { $0.sharedScripts = true },
    .init("sharedscripts\nnosharedscripts") { $0.sharedScripts = false },
    .init("su root adm") { $0.su = SwitchUser(user: root, group: adm) },
    .init("su 104 33") {
        $0.su = SwitchUser(user: Account(name: "104", id: 104), group: Account(name: "33", id: 33))
    },
    .init("mail admin@example.org") { $0.mail = "admin@example.org" },
    .init("mail a@b\nnomail") { $0.mail = nil },
    .init("mailfirst") { $0.mailWhich = .first },
    .init("mailfirst\nmaillast") { $0.mailWhich = .last },
    .init("shred") { $0.shred = true },
    .init("shred\nnoshred") { $0.shred = false },
    .init("shredcycles 3") { $0.shredCycles = 3 },
    .init("allowhardlink") { $0.allowHardlink = true },
    .init("allowhardlink\nnoallowhardlink") { $0.allowHardlink = false },
    .init("ignoreduplicates") { $0.ignoreDuplicates = true },
    .init("daily weekly") { $0.criterion = .time(.weekly(weekday: 0)) },
    .init("compress # trailing comment") { $0.compress = true },
    .init("postrotate\n  kill -HUP 1 }\nendscript") { $0.scripts[.postrotate] = "\n  kill -HUP 1 }\n" },
    .init("prerotate echo one\nendscript") { $0.scripts[.prerotate] = " echo one\n" },
    .init("firstaction\nx\n  endscript") { $0.scripts[.firstaction] = "\nx\n" },
    .init("lastaction\ny\nendscript\nlastaction\nz\nendscript") { $0.scripts[.lastaction] = "\nz\n" },
    .init("preremove\nrm\nendscript") { $0.scripts[.preremove] = "\nrm\n" },
    .init("errors root") { _ in },
]

@Test(arguments: directiveCases)
func directive_inBlock_setsModel(_ testCase: DirectiveCase) {
    let state = parse("/l.log {\n\(testCase.text)\n}\n")
    #expect(state.diagnostics.filter { $0.severity == .error }.isEmpty, "\(state.diagnostics)")
    #expect(state.blocks.first?.settings == testCase.expected)
}

/// Bad values: the exact diagnostic, with file and line (the directive is on line 2 of `t.conf`).
let badValueCases: [(String, String)] = [
    ("rotate five", "t.conf:2: error: bad rotation count 'five' (rotate expects an integer >= -1)"),
    ("rotate -2", "t.conf:2: error: bad rotation count '-2' (rotate expects an integer >= -1)"),
    ("rotate 1 # x", "t.conf:2: error: bad rotation count '1 # x' (rotate expects an integer >= -1)"),
    ("rotate 99999999999", "t.conf:2: error: bad rotation count '99999999999' (rotate expects an integer >= -1)"),
    ("rotate", "t.conf:2: error: argument expected after rotate (rotate expects an integer >= -1)"),
    ("start -1", "t.conf:2: error: bad start count '-1' (start expects an integer >= 0)"),
    ("start 08", "t.conf:2: error: bad start count '08' (start expects an integer >= 0)"),
    ("maxage x", "t.conf:2: error: bad maximum age 'x' (maxage expects a number of days >= 0)"),
    ("minage -1", "t.conf:2: error: bad minimum age '-1' (minage expects a number of days >= 0)"),
    ("shredcycles x", "t.conf:2: error: bad shred cycles 'x' (shredcycles expects an integer >= 0)"),
    ("size 5m", "t.conf:2: error: unknown unit 'm' (size expects a byte count with an optional k, K, M or G unit)"),
    ("size 10MB", "t.conf:2: error: unknown unit 'B' (size expects a byte count with an optional k, K, M or G unit)"),
    ("size 1.5", "t.conf:2: error: bad size '1.5' (size expects a byte count with an optional k, K, M or G unit)"),
    ("minsize -5", "t.conf:2: error: bad size '-5' (minsize expects a byte count with an optional k, K, M or G unit)"),
    (
        "maxsize 99999999999999999999",
        "t.conf:2: error: bad size '99999999999999999999' (maxsize expects a byte count with an optional k, K, M or G unit)"
    ),
    (
        "size",
        "t.conf:2: error: argument expected after size (size expects a byte count with an optional k, K, M or G unit)"
    ),
    ("create 0640 nosuch", "t.conf:2: error: unknown user 'nosuch' (create expects [mode] [owner [group]])"),
    ("create 0640 root nosuch", "t.conf:2: error: unknown group 'nosuch' (create expects [mode] [owner [group]])"),
    ("create 0640 root adm x", "t.conf:2: error: extra arguments (create expects [mode] [owner [group]])"),
    ("create x root adm", "t.conf:2: error: bad mode 'x' (create expects [mode] [owner [group]])"),
    ("createolddir x", "t.conf:2: error: unknown user 'x' (createolddir expects [mode] [owner [group]])"),
    ("su root", "t.conf:2: error: no group for su (su expects a user and a group)"),
    ("su root adm x", "t.conf:2: error: extra arguments for su (su expects a user and a group)"),
    ("su", "t.conf:2: error: argument expected after su (su expects a user and a group)"),
    ("su nosuch adm", "t.conf:2: error: unknown user 'nosuch' (su expects a user and a group)"),
    ("mail a b", "t.conf:2: error: bad mail address 'a b' (mail expects an address without blanks)"),
    ("olddir a b", "t.conf:2: error: bad olddir path 'a b' (olddir expects a directory path without blanks)"),
    (
        "compresscmd gzip -9",
        "t.conf:2: error: bad compress path 'gzip -9' (compresscmd expects a program path without blanks)"
    ),
    (
        "compressext . gz",
        "t.conf:2: error: bad compress-ext path '. gz' (compressext expects an extension without blanks)"
    ),
    (
        "compressoptions \"",
        "t.conf:2: error: bad compress options '\"' (unbalanced quote or trailing backslash) (compressoptions expects options split like a shell)"
    ),
    (
        "compressoptions \"\"",
        "t.conf:2: error: compressoptions without options (compressoptions expects options split like a shell)"
    ),
    (
        "dateformat " + String(repeating: "%Y", count: 65),
        "t.conf:2: error: date format '\(String(repeating: "%Y", count: 65))' is too long (dateformat expects a strftime format of at most 128 characters)"
    ),
    ("extension", "t.conf:2: error: argument expected after extension (extension expects a file name extension)"),
    ("tabooext + .foo", "t.conf:2: error: tabooext may not appear inside of log file definition"),
    ("taboopat *.x", "t.conf:2: error: taboopat may not appear inside of log file definition"),
    ("daily 2", "t.conf:2: error: lines must begin with a keyword or a filename (possibly in double quotes)"),
    ("monthly 31", "t.conf:2: error: lines must begin with a keyword or a filename (possibly in double quotes)"),
    ("rotate5", "t.conf:2: error: keyword 'rotate' not properly separated, found 0x35"),
    ("/other.log", "t.conf:2: error: unexpected log filename"),
    ("weekly 8", "t.conf:2: error: bad weekly directive '8' (weekly expects an optional weekday 0-7)"),
    ("weekly x", "t.conf:2: error: bad weekly directive 'x' (weekly expects an optional weekday 0-7)"),
]

@Test(arguments: badValueCases)
func directive_badValue_reportsExactDiagnosticAndDropsBlock(_ text: String, _ expected: String) {
    let state = parse("/l.log {\n\(text)\n}\n")
    #expect(state.diagnostics.map(\.description) == [expected])
    #expect(state.blocks.isEmpty)
}

@Test func unknownOption_isWarningAndLineIgnored() {
    let state = parse("/l.log {\nbogus 1 2\nrotate 3\n}\n")
    #expect(state.diagnostics.map(\.description) == ["t.conf:2: warning: unknown option 'bogus' -- ignoring line"])
    #expect(state.blocks.first?.settings.rotate == 3)
    #expect(!state.configuration.hasErrors)
}

@Test func errorsDirective_isDeprecatedWarning_argumentIgnored() {
    let state = parse("errors root\n/l.log {\n}\n")
    #expect(
        state.diagnostics.map(\.description) == [
            "t.conf:1: warning: the errors directive is deprecated and no longer used"
        ]
    )
    #expect(state.blocks.count == 1)
}

@Test func taboo_globalDirectives_changeLists() {
    let state = parse("tabooext + .foo, .bar\ntaboopat *.x\n")
    #expect(state.taboo.extensions == TabooRules.defaultExtensions + [".foo", ".bar"])
    #expect(state.taboo.patterns == ["*.x"])
    #expect(parse("tabooext .a .b").taboo.extensions == [".a", ".b"])
}
