/// Writes blocks back as logrotate configuration: one block per `LogBlock`, every non-default setting spelled out.
///
/// Reading the printed text from logrotate's defaults gives blocks with the same patterns and settings, so the output
/// shows exactly what inheritance produced and can be used as a flattened configuration.
package enum ConfigPrinter {
    /// All blocks, separated by blank lines.
    package static func render(_ configuration: Configuration) -> String {
        configuration.blocks.map(render).joined(separator: "\n")
    }

    /// One block with a comment naming where it was written.
    package static func render(_ block: LogBlock) -> String {
        var lines = ["# \(block.location.file):\(block.location.line)"]
        lines.append(block.patterns.map(quote).joined(separator: " ") + " {")
        for directive in Directive.all {
            if let line = directive.render(block.settings) { lines.append("    " + line) }
        }
        var text = lines.joined(separator: "\n") + "\n"
        for (kind, script) in block.settings.scripts.sorted(by: { $0.key < $1.key }) {
            text += "    \(kind.rawValue)\(script)    endscript\n"
        }
        return text + "}\n"
    }

    /// A pattern written so that the block-start rule (`/`, `"`, `'` or `~` first) and shell splitting give it back.
    static func quote(_ pattern: String) -> String {
        guard let first = pattern.first, first == "/" || first == "~" else { return "''" + ShellWords.escape(pattern) }
        return String(first) + ShellWords.escape(String(pattern.dropFirst()))
    }
}
