import LogrotateConfig

/// Parses `text` as file `t.conf` with the fake accounts and `/home/u` as home directory.
func parse(_ text: String, file: String = "t.conf") -> ConfigState {
    ConfigParser(accounts: FakeAccounts(), homeDirectory: "/home/u").parse(text, file: file)
}

/// The settings of `/l.log { BODY }` (the body starts on line 2), or `nil` when the block was dropped.
func settings(_ body: String) -> LogSettings? {
    parse("/l.log {\n\(body)\n}\n").blocks.first?.settings
}

/// The diagnostics of `/l.log { BODY }` rendered as `file:line: severity: message`.
func diagnostics(_ body: String) -> [String] {
    parse("/l.log {\n\(body)\n}\n").diagnostics.map(\.description)
}

/// Default settings changed by `change`.
func defaults(_ change: (inout LogSettings) -> Void) -> LogSettings {
    var settings = LogSettings()
    change(&settings)
    return settings
}
