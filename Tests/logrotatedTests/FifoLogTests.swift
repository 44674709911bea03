import Foundation
import Testing

/// A FIFO matched as a log is renamed like any log but never read: its compression is refused with logrotate
/// 3.22's wording, a regular file is created in its place, and the other logs rotate completely.
@Test func fifoMatchedByAGlob_isRenamedButNotCompressed_andTheOtherLogsRotate() async throws {
    let fm = FileManager.default
    let dir = fm.temporaryDirectory.appendingPathComponent("lr-fifo-\(UUID().uuidString)")
    try fm.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: dir) }
    let pipe = dir.appendingPathComponent("events.log").path
    #expect(mkfifo(pipe, 0o640) == 0)
    try Data("kept\n".utf8).write(to: dir.appendingPathComponent("jobs.log"))
    let config = dir.appendingPathComponent("cfg")
    try Data("\(dir.path)/*.log {\n  rotate 3\n  create\n  compress\n}\n".utf8).write(to: config)
    let state = dir.appendingPathComponent("state").path

    let result = try await CommandRunner.run(
        CommandRunner.logrotated,
        ["rotate", "-f", "-s", state, config.path],
        timeout: .seconds(30)
    )

    #expect(!result.timedOut)
    #expect(result.status == 1)
    let refusal = "error: unable to open \(pipe).1 (read-only) for compression: Operation not supported"
    #expect(result.standardError.contains(refusal))
    var info = stat()
    #expect(lstat(pipe + ".1", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO was renamed")
    #expect(lstat(pipe, &info) == 0 && info.st_mode & S_IFMT == S_IFREG, "a regular log was created")
    #expect(fm.fileExists(atPath: dir.appendingPathComponent("jobs.log.1.gz").path))
    #expect(!fm.fileExists(atPath: pipe + ".1.gz"))
}
