import Platform
import SystemPackage

/// A directory tree as a literal, to set up and check the files a test works on:
/// `["a.log": "", "a.log.1": "zero", "old": ["a.log.2.gz": .compressed(.gzip(level: 6), "first")]]`.
package enum FileTree: Equatable, Sendable, ExpressibleByStringLiteral, ExpressibleByDictionaryLiteral,
    CustomStringConvertible
{
    case file([UInt8])
    case directory([String: FileTree])

    package init(stringLiteral value: String) {
        self = .file(Array(value.utf8))
    }

    package init(dictionaryLiteral elements: (String, FileTree)...) {
        self = .directory(Dictionary(elements) { _, last in last })
    }

    /// A file as `RecordingCompressor` writes it.
    package static func compressed(_ format: CompressionFormat, _ text: String) -> FileTree {
        .file(compressedBytes(format, Array(text.utf8)))
    }

    /// `RecordingCompressor`'s stand-in for compressed data: a readable header, then the content.
    package static func compressedBytes(_ format: CompressionFormat, _ contents: [UInt8]) -> [UInt8] {
        let header =
            switch format {
            case .gzip(let level): "<gzip -\(level)>"
            case .zstd(let level): "<zstd -\(level)>"
            }
        return Array(header.utf8) + contents
    }

    /// Reads the tree under `root` (files' content, directories recursively; other kinds read as empty files).
    package init(reading root: FilePath, from fileSystem: any FileSystem) throws(PlatformError) {
        guard try fileSystem.status(of: root, followSymlinks: false)?.kind == .directory else {
            self = .file(try fileSystem.readFile(root))
            return
        }
        var entries: [String: FileTree] = [:]
        for name in try fileSystem.contentsOfDirectory(root) {
            let path = root.appending(name)
            let kind = try fileSystem.status(of: path, followSymlinks: false)?.kind
            entries[name.string] =
                kind == .regular || kind == .directory ? try FileTree(reading: path, from: fileSystem) : .file([])
        }
        self = .directory(entries)
    }

    /// Creates the tree under the existing directory `root` (files 0644, directories 0755).
    package func write(to root: FilePath, in fileSystem: any FileSystem) throws(PlatformError) {
        guard case .directory(let entries) = self else { return }
        for (name, entry) in entries.sorted(by: { $0.key < $1.key }) {
            let path = root.appending(name)
            switch entry {
            case .file(let contents):
                try fileSystem.writeFileAtomically(path, contents: contents, permissions: 0o644)
            case .directory:
                try fileSystem.createDirectory(path, permissions: 0o755, owner: nil, group: nil)
                try entry.write(to: path, in: fileSystem)
            }
        }
    }

    package var description: String {
        switch self {
        case .file(let contents): return "\"\(String(decoding: contents, as: UTF8.self))\""
        case .directory(let entries):
            let items = entries.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }
            return "[" + items.joined(separator: ", ") + "]"
        }
    }
}
