import Foundation
import SystemPackage

/// A fresh empty directory under the temporary directory.
func makeScratchDirectory() throws -> FilePath {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("lr-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return FilePath(path)
}

/// Runs a shell command line and returns its stdout (for checking our output with system tools).
@discardableResult
func shell(_ command: String) throws -> (status: Int32, output: Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, output)
}

/// Bytes of realistic, varied log text (syslog-like lines) of about `size` bytes.
func generatedLogText(size: Int, seed: UInt64 = 42) -> [UInt8] {
    var generator = SplitMix(seed: seed)
    let hosts = ["web01", "web02", "db-primary", "cache7"]
    let programs = ["nginx", "sshd", "postgres", "cron", "kernel", "systemd"]
    let messages = [
        "GET /api/v1/users/%d HTTP/1.1 200 %d \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"",
        "Accepted publickey for deploy from 10.0.%d.%d port %d ssh2",
        "LOG:  duration: %d.%d ms  statement: SELECT * FROM orders WHERE id = %d",
        "(root) CMD (run-parts /etc/cron.hourly) pid=%d",
        "TCP: request_sock_TCP: Possible SYN flooding on port %d. Sending cookies.",
        "Started Session %d of user deploy (uid %d).",
    ]
    var text: [UInt8] = []
    text.reserveCapacity(size + 200)
    var second = 0
    while text.count < size {
        second += Int(generator.next() % 3)
        var message = messages[Int(generator.next() % UInt64(messages.count))]
        while let range = message.range(of: "%d") {
            message.replaceSubrange(range, with: String(generator.next() % 70_000))
        }
        let line =
            "Mar \(1 + second / 86_400 % 28) \(second / 3600 % 24):\(second / 60 % 60):\(second % 60) "
            + "\(hosts[Int(generator.next() % 4)]) \(programs[Int(generator.next() % 6)])"
            + "[\(generator.next() % 32_768)]: \(message)\n"
        text.append(contentsOf: line.utf8)
    }
    return Array(text.prefix(size))
}

/// A small deterministic random generator.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
