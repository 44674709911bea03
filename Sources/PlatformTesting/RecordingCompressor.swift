import Platform
import Synchronization
import SystemPackage

/// A `Compressor` that writes `FileTree.compressed(format, content)` through a `FileSystem` and records each call;
/// it fails, leaving no target, for sources listed in `failing`.
package final class RecordingCompressor: Compressor {
    /// One `compress` call.
    package struct Call: Equatable, Sendable {
        package var source: FilePath
        package var target: FilePath
        package var format: CompressionFormat
        package var permissions: UInt32
    }

    private let fileSystem: any FileSystem
    private let failing: Set<FilePath>
    private let recorded = Mutex<[Call]>([])

    package init(fileSystem: any FileSystem, failing: Set<FilePath> = []) {
        self.fileSystem = fileSystem
        self.failing = failing
    }

    /// Every call so far, in order.
    package var calls: [Call] { recorded.withLock { $0 } }

    package func compress(
        _ source: FilePath,
        to target: FilePath,
        format: CompressionFormat,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) {
        recorded.withLock { $0.append(Call(source: source, target: target, format: format, permissions: permissions)) }
        if failing.contains(source) {
            throw PlatformError(.noSpace, "write to \(target) failed: No space left on device")
        }
        let contents = try fileSystem.readFile(source)
        try fileSystem.createFile(target, permissions: permissions, owner: owner, group: group)
        try fileSystem.writeFileAtomically(
            target,
            contents: FileTree.compressedBytes(format, contents),
            permissions: permissions
        )
        if let status = try fileSystem.status(of: source, followSymlinks: false) {
            try fileSystem.setTimes(target, access: status.accessTime, modification: status.modificationTime)
        }
    }
}
