import LogrotateConfig
import Platform
import Rotation
import SystemPackage

/// The configuration the daemon runs with: the blocks of configuration paths read without errors.
public struct DaemonConfiguration: Sendable {
    /// Blocks in configuration order.
    public var blocks: [LogBlock]

    /// The configuration made of `blocks`.
    public init(blocks: [LogBlock]) {
        self.blocks = blocks
    }

    /// Each block with its logs, its patterns expanded now (a file created since the last check is found), every
    /// block's before any is rotated, duplicates dropped as `rotate` drops them. The paths keep their bytes.
    public func logsByBlock(fileSystem: any FileSystem, reporter: RunReporter) -> [(block: LogBlock, logs: [FilePath])]
    {
        var discovery = LogDiscovery()
        return blocks.map { block in (block, discovery.logs(of: block, fileSystem: fileSystem, reporter: reporter)) }
    }

    /// Whether a pattern has glob characters: files created later may match it, so the daemon re-expands the
    /// patterns (and re-arms its size watches) at least hourly.
    public var hasGlobPatterns: Bool {
        blocks.contains { block in block.patterns.contains { $0.contains { "*?[".contains($0) } } }
    }
}
