import LogrotateConfig
import Testing

@Test func fixture_mainConf_setsDefaultsAndIncludes() {
    var state = ConfigState()
    var included: [String] = []
    ConfigParser(accounts: FakeAccounts()).parse(
        Array(Fixtures.mainConf.utf8),
        file: "/etc/logrotate.conf",
        into: &state
    ) {
        request,
        _ in included.append(request.path)
    }
    #expect(included == ["/etc/logrotate.d"])
    #expect(state.diagnostics.isEmpty)
    #expect(
        state.defaults
            == defaults {
                $0.criterion = .time(.weekly(weekday: 0))
                $0.rotate = 4
                $0.create = Ownership()
            }
    )
}

@Test func fixture_webServer_block() throws {
    let state = parse(Fixtures.webServer)
    #expect(state.diagnostics.isEmpty)
    let block = try #require(state.blocks.first)
    #expect(block.patterns == ["/var/log/webserver/*.log"])
    #expect(block.settings.criterion == .time(.daily))
    #expect(block.settings.create == Ownership(mode: 0o640, owner: Account(name: "www-data", id: 33), group: adm))
    #expect(block.settings.scripts[.postrotate] == "\n\t\tinvoke-rc.d webserver rotate >/dev/null 2>&1\n")
    #expect(block.settings.scripts[.prerotate]?.contains("run-parts") == true)
}

@Test func fixture_syslog_multiLinePatterns() throws {
    let block = try #require(parse(Fixtures.syslog).blocks.first)
    #expect(block.patterns == ["/var/log/syslog", "/var/log/mail.info", "/var/log/mail.warn", "/var/log/daemon.log"])
    #expect(block.patternText == "/var/log/syslog\n/var/log/mail.info\n/var/log/mail.warn\n/var/log/daemon.log")
}

@Test func fixture_database_everything() throws {
    let block = try #require(parse(Fixtures.database).blocks.first)
    #expect(block.settings.compressExtension == ".zst")
    #expect(block.settings.compressOptions == ["-T0", "--long"])
    #expect(block.settings.su == SwitchUser(user: Account(name: "syslog", id: 104), group: adm))
    #expect(block.settings.criterion == .size(50 * 1_048_576))
}

@Test func fixture_wtmp_twoBlocks() {
    let state = parse(Fixtures.wtmp)
    #expect(state.blocks.map(\.location.line) == [1, 9])
    #expect(state.blocks.map(\.settings.create?.mode) == [0o664, 0o660])
}

@Test func fixture_mailing_quotedAndHomePatterns() throws {
    let block = try #require(parse(Fixtures.mailing).blocks.first)
    #expect(block.patterns == ["/var/log/app/app one.log", "/home/u/logs/*.log"])
    #expect(block.settings.compress)
    #expect(block.settings.rotate == -1)
}
