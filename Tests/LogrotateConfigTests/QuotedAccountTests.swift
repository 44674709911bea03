import LogrotateConfig
import Testing

/// `create`, `createolddir` and `su` read quoted user and group names as logrotate 3.22 does, so names with blanks
/// can be written; the group is looked up before the user.
@Test(arguments: [
    (
        "create 0640 \"print spool\" 'log readers'",
        Ownership(mode: 0o640, owner: .init(name: "print spool", id: 7), group: .init(name: "log readers", id: 44))
    ),
    ("create \"syslog\" \"adm\"", Ownership(owner: .init(name: "syslog", id: 104), group: .init(name: "adm", id: 4))),
    ("create 'www-data'", Ownership(owner: .init(name: "www-data", id: 33))),
    (
        "create 600   \"root\"\t'utmp'",
        Ownership(mode: 0o600, owner: .init(name: "root", id: 0), group: .init(name: "utmp", id: 43))
    ),
])
func create_quotedNames_areReadWithoutTheirQuotes(line: String, expected: Ownership) {
    #expect(settings(line)?.create == expected)
}

@Test func createolddir_quotedNames_areReadWithoutTheirQuotes() {
    let expected = Ownership(mode: 0o750, owner: .init(name: "print spool", id: 7), group: .init(name: "adm", id: 4))
    #expect(settings("olddir /o\ncreateolddir 750 'print spool' adm")?.createOldDir == expected)
}

@Test func su_quotedNames_areReadWithoutTheirQuotes() {
    let su = settings("su \"print spool\" \"log readers\"")?.su
    #expect(su?.user.id == 7)
    #expect(su?.group.id == 44)
}

@Test(arguments: [
    (
        "create 0640 \"print spool adm",
        "t.conf:2: error: invalid arguments for create (create expects [mode] [owner [group]])"
    ),
    ("su 'nobody here' 'nor here'", "t.conf:2: error: unknown group 'nor here' (su expects a user and a group)"),
    ("create \"root\" \"no such\"", "t.conf:2: error: unknown group 'no such' (create expects [mode] [owner [group]])"),
])
func quotedNames_badOrUnknown_areBlockErrors(line: String, expected: String) {
    #expect(diagnostics(line) == [expected])
    #expect(settings(line) == nil)
}
