import Foundation
import LogrotateConfig
import Platform
import PlatformTesting
import Testing

@testable import Scheduling

/// Every test that depends on the process time zone lives under this suite, and sets TZ explicitly with
/// `withTimeZone` (which runs one override at a time across the process, whatever the target).
@Suite struct ZonedTests {}

/// A wall time, written `t("2026-11-29 02:35")` or with seconds `t("2026-11-29 02:35:10")`.
func t(_ text: String) -> LocalTime {
    let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).map { Int($0)! }
    let second = parts.count > 5 ? parts[5] : 0
    return LocalTime(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4], second: second)
        .normalized()
}

/// A regular file of `size` bytes modified at `modified` (epoch seconds).
func regularFile(size: UInt64, modified: Int64 = 0, links: UInt64 = 1) -> FileStatus {
    FileStatus(kind: .regular, size: size, linkCount: links, modificationTime: Timestamp(seconds: modified))
}

/// Settings with a criterion and a few knobs.
func settings(
    _ criterion: RotationCriterion,
    minSize: UInt64 = 0,
    maxSize: UInt64 = 0,
    minAge: Int = 0,
    ifEmpty: Bool = true,
    missingOK: Bool = false,
    allowHardlink: Bool = false
) -> LogSettings {
    var result = LogSettings()
    result.criterion = criterion
    result.minSize = minSize
    result.maxSize = maxSize
    result.minAge = minAge
    result.ifEmpty = ifEmpty
    result.missingOK = missingOK
    result.allowHardlink = allowHardlink
    return result
}

/// The decision's lines without `Now:`/`Last rotated at`, as printed (errors with `error: `).
func reasonLines(_ decision: Decision) -> [String] {
    decision.messages.map(\.description).filter { !$0.hasPrefix("  Now: ") && !$0.hasPrefix("  Last rotated at ") }
}

/// Whether `logrotate` 3.x is installed (comparison tests are skipped otherwise).
let logrotatePath: String? = ["/usr/sbin/logrotate", "/usr/bin/logrotate", "/sbin/logrotate"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// Runs a program, returning its combined stdout+stderr and exit status.
func runProgram(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (String, Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
}

/// A fresh scratch directory, removed by the caller.
func makeScratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sched-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
