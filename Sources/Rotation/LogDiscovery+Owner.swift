import LogrotateConfig
import Platform
import SystemPackage

extension LogDiscovery {
    /// The block that owns `log`: the one whose expansion, in configuration order as `rotate` and the daemon expand
    /// every block, holds it (the first block naming a path owns it; a later one naming it again is a duplicate).
    /// A log that does not exist yet (a `logrotated pipe` about to create it) belongs to the first block with a glob
    /// pattern that will match it, as the daemon takes a new file (`glob`'s rules: `*` never crosses a `/` nor
    /// matches a leading `.`). `nil` when no block owns it.
    package static func owner(
        of log: FilePath,
        in blocks: [LogBlock],
        fileSystem: any FileSystem
    ) -> LogBlock? {
        let wanted = log.lexicallyNormalized()
        // The pass's own messages (duplicates, glob failures) are those of the configuration, not of this log.
        let quiet = RunReporter(forwardingTo: { _, _ in })
        var discovery = LogDiscovery()
        for block in blocks {
            let logs = discovery.logs(of: block, fileSystem: fileSystem, reporter: quiet)
            if logs.contains(where: { $0.lexicallyNormalized() == wanted }) { return block }
        }
        let exists = (try? fileSystem.status(of: log, followSymlinks: false)).flatMap { $0 } != nil
        guard !exists else { return nil }
        return blocks.first { block in
            block.patterns.contains { Glob.matches($0, wanted.string, options: [.pathname, .period]) }
        }
    }
}
