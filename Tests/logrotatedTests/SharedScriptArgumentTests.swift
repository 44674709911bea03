import Foundation
import Testing

/// Shared scripts and first/last actions get the block's patterns as `$1` without the blanks before `{`, as
/// logrotate 3.22 passes them (3.21 passes `PATTERN ` with a trailing blank).
@Test func sharedScripts_getThePatternsWithoutTrailingBlanks() throws {
    let fm = FileManager.default
    let dir = fm.temporaryDirectory.appendingPathComponent("lr-shared-arg-\(UUID().uuidString)")
    try fm.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: dir) }
    for name in ["in.log", "out.log"] { try Data("x\n".utf8).write(to: dir.appendingPathComponent(name)) }
    let out = dir.appendingPathComponent("args").path
    let config = dir.appendingPathComponent("cfg")
    let text = """
        \(dir.path)/in.log   \(dir.path)/out.log  \t {
            rotate 1
            sharedscripts
            firstaction
                printf '[%s]\\n' "$1" >> \(out)
            endscript
            postrotate
                printf '[%s]\\n' "$1" >> \(out)
            endscript
        }

        """
    try Data(text.utf8).write(to: config)
    let state = dir.appendingPathComponent("state").path

    let result = try CommandRunner.run(CommandRunner.logrotated, ["rotate", "-f", "-s", state, config.path])

    #expect(result.status == 0)
    let patterns = "[\(dir.path)/in.log   \(dir.path)/out.log]"
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "\(patterns)\n\(patterns)\n")
}
