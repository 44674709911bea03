import Foundation

/// A child process holding the `flock` lock of a file (util-linux `flock`, as an admin or a stuck job would), until
/// `release()`: a real competing holder for the state-lock tests.
package final class FlockHolder {
    /// The holder's pid (the `flock` process, which took the lock).
    package let pid: Int32
    private let process = Process()
    private let directory: URL

    /// Starts `flock FILE sh -c …` and returns once it holds the lock (the file must exist with the mode wanted:
    /// `flock` would create it world-readable).
    /// - Throws: when the process cannot start or does not take the lock within 30 s.
    package init(file: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("flock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let held = directory.appendingPathComponent("held").path
        let releaseFile = directory.appendingPathComponent("release").path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        process.arguments = [
            "-w", "30", file, "sh", "-c", "touch '\(held)'; while [ ! -e '\(releaseFile)' ]; do sleep 0.02; done",
        ]
        try process.run()
        pid = process.processIdentifier
        for _ in 0..<3000 where !FileManager.default.fileExists(atPath: held) { usleep(10_000) }
        guard FileManager.default.fileExists(atPath: held) else {
            release()
            throw CocoaError(.fileLocking)
        }
    }

    deinit {
        release()
    }

    /// Lets the holder go and waits until it has exited (and so released the lock).
    package func release() {
        _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("release").path, contents: nil)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }
}
