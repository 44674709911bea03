import LogrotateConfig
import Platform
import SystemPackage

/// The logs of one block: its patterns expanded as logrotate's `glob(GLOB_NOCHECK|GLOB_TILDE)` does, without
/// directories, and without paths an earlier block already owns.
///
/// Equivalent logrotate code: `config.c readConfigFile` (the glob loop at a block's `{`).
package struct LogDiscovery {
    /// Paths already claimed, with whether their block allows later duplicates (`ignoreduplicates`).
    private var owners: [FilePath: Bool] = [:]

    package init() {}

    /// Expands the block's patterns; reports duplicates (an error unless the owner has `ignoreduplicates`) and
    /// glob failures (an error unless `missingok`). The paths keep their bytes (a name need not be UTF-8).
    package mutating func logs(
        of block: LogBlock,
        fileSystem: any FileSystem,
        reporter: RunReporter
    ) -> [FilePath] {
        var logs: [FilePath] = []
        for pattern in block.patterns {
            let matches: [FilePath]
            do {
                matches = try fileSystem.glob(pattern)
            } catch {
                if !block.settings.missingOK { reporter.error("glob failed for \(pattern): \(error.message)") }
                continue
            }
            for path in matches where !isDirectory(path, fileSystem) {
                if let ignoresDuplicates = owners[path] {
                    if ignoresDuplicates { continue }
                    // logrotate drops the rest of this pattern's matches too.
                    reporter.error("\(block.location.file):\(block.location.line) duplicate log entry for \(path)")
                    break
                }
                owners[path] = block.settings.ignoreDuplicates
                logs.append(path)
            }
        }
        return logs
    }

    private func isDirectory(_ path: FilePath, _ fileSystem: any FileSystem) -> Bool {
        (try? fileSystem.status(of: path, followSymlinks: true))??.kind == .directory
    }
}
