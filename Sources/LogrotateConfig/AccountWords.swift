/// Splits the arguments of `create`, `createolddir` and `su` as logrotate 3.22 does: words separated by blanks,
/// where a word starting with `'` or `"` runs to the same quote (blanks included, no escapes), so a user or group
/// whose name has a space can be written `"www data"`. Unquoted, `"root"` would be looked up with its quotes.
///
/// Equivalent logrotate code: `config.c readModeUidGid` (3.22).
enum AccountWords {
    /// The words of `value`; an unclosed quote is `invalid arguments for DIRECTIVE`.
    static func split(_ value: String, directive: String) throws(DirectiveFailure) -> [String] {
        var words: [String] = []
        var rest = Substring(value)
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first else { return words }
            if first == "'" || first == "\"" {
                let body = rest.dropFirst()
                guard let end = body.firstIndex(of: first) else {
                    throw DirectiveFailure(message: "invalid arguments for \(directive)")
                }
                words.append(String(body[..<end]))
                rest = body[body.index(after: end)...]
            } else {
                let end = rest.firstIndex { $0 == " " || $0 == "\t" } ?? rest.endIndex
                words.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
    }
}
