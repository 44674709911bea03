import Foundation
import SystemPackage

/// A fresh directory under the system temp dir, with helpers to write and append files.
struct TempDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("daemon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> FilePath {
        FilePath(url.appendingPathComponent(name).path)
    }

    func write(_ name: String, bytes: Int) throws {
        try Data(repeating: 0x61, count: bytes).write(to: url.appendingPathComponent(name))
    }

    func append(_ name: String, bytes: Int) throws {
        let handle = try FileHandle(forWritingTo: url.appendingPathComponent(name))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(repeating: 0x62, count: bytes))
    }

    func rename(_ name: String, to newName: String) throws {
        try FileManager.default.moveItem(
            at: url.appendingPathComponent(name),
            to: url.appendingPathComponent(newName)
        )
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
