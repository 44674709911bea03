import Platform

/// Parsers for directive values, each throwing logrotate's message for a bad value.
///
/// Equivalent logrotate code: `config.c readConfigFile` branches, `readModeUidGid`, `isolateValue`.
enum DirectiveArguments {
    /// A C integer (`strtoul` base 0, or signed when `minimum < 0`) that is at least `minimum`.
    static func count(_ value: String, minimum: Int, what: String) throws(DirectiveFailure) -> Int {
        let parsed = minimum < 0 ? CNumber.signed(value) : CNumber.unsigned(value).flatMap(Self.fitting)
        guard let parsed, parsed >= minimum else { throw DirectiveFailure(message: "bad \(what) '\(value)'") }
        return parsed
    }

    private static func fitting(_ value: UInt64) -> Int? {
        value <= UInt64(Int32.max) ? Int(value) : nil
    }

    /// A size with an optional `k`/`K`/`M`/`G` unit.
    static func size(_ value: String) throws(DirectiveFailure) -> UInt64 {
        switch SizeParser.parse(value) {
        case .success(let bytes): return bytes
        case .failure(.unknownUnit(let unit)): throw DirectiveFailure(message: "unknown unit '\(unit)'")
        case .failure(.badSize): throw DirectiveFailure(message: "bad size '\(value)'")
        }
    }

    /// A value that must be printable and without blanks (paths, addresses); `what` names it: `olddir path`.
    static func word(_ value: String, what: String) throws(DirectiveFailure) -> String {
        let printable = value.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F }
        guard printable else { throw DirectiveFailure(message: "bad \(what) '\(value)'") }
        return value
    }

    /// `~` or `~/…` replaced by the home directory (when known).
    static func expandingTilde(_ path: String, home: String?) -> String {
        guard let home, path == "~" || path.hasPrefix("~/") else { return path }
        return home + path.dropFirst()
    }

    /// `create`/`createolddir` `[mode] [owner [group]]`: the first token is a mode when it is 3 or 4 octal digits
    /// (or the only token and octal), otherwise owner and group.
    ///
    /// logrotate 3.22's reading; 3.21 took any leading number as a mode (`create 1 2` = mode 01, owner 2).
    /// Names may be quoted (`create 0600 "www data" 'adm'`), and the group is resolved before the owner, as in 3.22.
    static func ownership(
        _ value: String,
        directive: String,
        accounts: any AccountDirectory
    ) throws(DirectiveFailure) -> Ownership {
        var tokens = try AccountWords.split(value, directive: directive)
        var result = Ownership()
        if let first = tokens.first, isModeToken(first, alone: tokens.count == 1) || tokens.count == 3 {
            guard let mode = CNumber.mode(first) else { throw DirectiveFailure(message: "bad mode '\(first)'") }
            result.mode = mode
            tokens.removeFirst()
        }
        guard tokens.count <= 2 else { throw DirectiveFailure(message: "extra arguments") }
        if tokens.count == 2 { result.group = try group(tokens[1], accounts: accounts) }
        if tokens.count >= 1 { result.owner = try user(tokens[0], accounts: accounts) }
        return result
    }

    private static func isModeToken(_ token: String, alone: Bool) -> Bool {
        guard CNumber.mode(token) != nil else { return false }
        return alone || (3...5).contains(token.count)
    }

    /// `su user group`: both are required; they may be quoted, and the group is resolved first (3.22).
    static func switchUser(_ value: String, accounts: any AccountDirectory) throws(DirectiveFailure) -> SwitchUser {
        let tokens = try AccountWords.split(value, directive: "su")
        guard tokens.count <= 2 else { throw DirectiveFailure(message: "extra arguments for su") }
        guard tokens.count == 2 else { throw DirectiveFailure(message: "no group for su") }
        let group = try group(tokens[1], accounts: accounts)
        return SwitchUser(user: try user(tokens[0], accounts: accounts), group: group)
    }

    /// A user by name, else by existing numeric id (logrotate's "textual first, then numeric").
    static func user(_ name: String, accounts: any AccountDirectory) throws(DirectiveFailure) -> Account {
        if let id = accounts.userID(named: name) { return Account(name: name, id: id) }
        if let id = UInt32(name), accounts.userExists(id: id) { return Account(name: name, id: id) }
        throw DirectiveFailure(message: "unknown user '\(name)'")
    }

    /// A group by name, else by existing numeric id.
    static func group(_ name: String, accounts: any AccountDirectory) throws(DirectiveFailure) -> Account {
        if let id = accounts.groupID(named: name) { return Account(name: name, id: id) }
        if let id = UInt32(name), accounts.groupExists(id: id) { return Account(name: name, id: id) }
        throw DirectiveFailure(message: "unknown group '\(name)'")
    }

    /// The extension logrotate switches to when `compresscmd` names a known program (by basename).
    ///
    /// 3.21 uses `zip` without a dot for zip; we use `.zip` like 3.22.
    static func compressExtension(forCommand command: String) -> String? {
        let base = command.split(separator: "/").last.map(String.init) ?? command
        let known = ["gzip": ".gz", "bzip2": ".bz2", "xz": ".xz", "zstd": ".zst", "compress": ".Z", "zip": ".zip"]
        return known[base]
    }

    /// `compressoptions`: split like a shell; nothing left is an error.
    static func options(_ value: String) throws(DirectiveFailure) -> [String] {
        guard case .success(let words) = ShellWords.split(value) else {
            throw DirectiveFailure(message: "bad compress options '\(value)' (unbalanced quote or trailing backslash)")
        }
        guard !words.isEmpty else { throw DirectiveFailure(message: "compressoptions without options") }
        return words
    }

    /// The `create`/`createolddir` argument list that `ownership` reads back.
    static func render(_ ownership: Ownership) -> String {
        var parts: [String] = []
        if let mode = ownership.mode { parts.append("0" + String(mode, radix: 8).leftPadded(to: 3)) }
        if let owner = ownership.owner { parts.append(owner.name) }
        if let group = ownership.group { parts.append(group.name) }
        return parts.joined(separator: " ")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
