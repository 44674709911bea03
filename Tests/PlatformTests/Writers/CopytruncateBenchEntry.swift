import Foundation
import Platform
import SystemPackage
import Testing

/// The `--ours-direct` side of `bench/copytruncate`: rotates a live log with `LosslessTruncation` K times.
///
/// Not a test: it only runs when the bench sets `LOGROTATED_BENCH_LIVE` (the log), `LOGROTATED_BENCH_ROTATIONS`,
/// `LOGROTATED_BENCH_INTERVAL_MS` and `LOGROTATED_BENCH_REPORT` (a file that gets one "N outcome" line per rotation).
/// Archives are `LOG.1` (oldest) … `LOG.K`.
@Suite struct CopytruncateBenchEntry {
    static let environment = ProcessInfo.processInfo.environment

    @Test(.enabled(if: environment["LOGROTATED_BENCH_LIVE"] != nil, "run by bench/copytruncate --ours-direct"))
    func rotateRepeatedly() throws {
        let live = FilePath(try #require(Self.environment["LOGROTATED_BENCH_LIVE"]))
        let rotations = Int(Self.environment["LOGROTATED_BENCH_ROTATIONS"] ?? "") ?? 20
        let interval = UInt32(Self.environment["LOGROTATED_BENCH_INTERVAL_MS"] ?? "") ?? 500
        var report = ""
        for generation in 1...rotations {
            usleep(interval * 1000)
            let outcome = try LosslessTruncation.copyAndTruncate(live, to: FilePath("\(live).\(generation)"))
            report += "\(generation) \(outcome)\n"
        }
        let reportPath = try #require(Self.environment["LOGROTATED_BENCH_REPORT"])
        try report.write(toFile: reportPath, atomically: true, encoding: .utf8)
    }
}
