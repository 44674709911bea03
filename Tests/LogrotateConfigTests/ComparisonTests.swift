import Foundation
import LogrotateConfig
import Platform
import Testing

/// Small configurations (good and bad) whose verdict must match logrotate 3.21's. `@D` is replaced by a temp dir
/// holding `a.log`, `b.log`, `c.log` and `inc/` (`inc/one.conf` sets `rotate 2`).
let comparisonConfigs: [String] = [
    "@D/a.log {\n}\n",
    "compress\n@D/a.log {\n daily\n rotate 3\n}\n",
    "@D/a.log {\n rotate five\n}\n",
    "@D/a.log {\n size 5m\n}\n",
    "@D/a.log {\n size 10k\n}\n",
    "@D/a.log {\n size 1.5\n}\n",
    "@D/a.log {\n weekly 8\n}\n",
    "@D/a.log {\n weekly 7\n}\n",
    "@D/a.log {\n daily 2\n}\n",
    "@D/a.log {\n bogus\n}\n",
    "@D/a.log {\n}\n@D/a.log {\n}\n",
    "@D/a.log {\n ignoreduplicates\n}\n@D/a.log @D/b.log {\n}\n",
    "@D/a.log\n",
    "}\n",
    "@D/a.log @D/b.log }\n{\n}\n",
    "@D/a.log {\n} trailing\n",
    "@D/a.log {\n postrotate\n  echo }\n endscript\n}\n",
    "@D/a.log {\n postrotate\n  echo\n}\n",
    "@D/a.log {\n tabooext + .x\n}\n",
    "tabooext + .x\ntaboopat *.y\n@D/a.log {\n}\n",
    "@D/a.log {\n su root\n}\n",
    "@D/a.log {\n su root root\n}\n",
    "@D/a.log {\n create 0640 root root\n}\n",
    "@D/a.log {\n create 0640 nosuchuser root\n}\n",
    "@D/a.log {\n compressoptions -9\n compresscmd /usr/bin/xz\n}\n",
    "@D/a.log {\n mail a b\n}\n",
    "@D/a.log {\n rotate -1\n start 0\n maxage 010\n}\n",
    "@D/a.log {\n rotate 1 # comment\n}\n",
    "@D/a.log {\n compress # comment\n daily weekly\n}\n",
    "rotate x\n@D/a.log {\n}\n",
    "rotate5\n",
    "@D/a.log {\n start -1\n}\n",
    "include @D/inc\n@D/a.log {\n}\n",
    "include @D/nothere\n",
    "@D/a.log {\n include @D/inc/one.conf\n}\n",
    "\"@D/a.log\" '@D/b.log' {\n rotate = 3\n}\n",
    "@D/a.log\n# comment\n@D/b.log\n{\n missingok\n notifempty\n}\n",
    "@D/a.log {\n olddir a b\n}\n",
    "@D/a.log {\n shredcycles x\n}\n",
    "@D/a.log { }\n@D/b.log {\n}\n",
    "@D/a.log {\n dateext\n dateformat -%Y%m%d-%s\n}\n",
    "@D/a.log {\n maxsize 10MB\n}\n",
]

/// What logrotate thinks: true when it found a configuration error (exit status 1 with the logs present).
func logrotateHasErrors(config: String, in dir: String) throws -> Bool? {
    guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/logrotate") else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/sbin/logrotate")
    process.arguments = ["-d", "-s", dir + "/state", config]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus != 0
}

@Test(
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/logrotate"),
        "logrotate 3.21 is not installed"
    ),
    arguments: comparisonConfigs
)
func comparison_verdictMatchesLogrotate(_ template: String) throws {
    let dir = try TempDir()
    for name in ["a.log", "b.log", "c.log"] { try dir.write(name, "x\n") }
    try dir.write("inc/one.conf", "rotate 2\n")
    let config = try dir.write("test.conf", template.replacingOccurrences(of: "@D", with: dir.path))
    let ours = load([config], permissions: getuid() == 0).hasErrors
    let theirs = try logrotateHasErrors(config: config, in: dir.path)
    #expect(ours == theirs, "config:\n\(template)")
}
