import Daemon
import Rotation
import SystemPackage
import Testing

/// The `--metrics` file: valid Prometheus text, with each counter where it belongs.
@Suite struct MetricsTextTests {
    @Test func render_isValidExpositionFormat_withEveryFamily() throws {
        let metrics = DaemonMetrics()
        metrics.noteLoad(applied: true, logs: 2)
        metrics.noteLoad(applied: false, logs: nil)
        metrics.noteNextDeadline(1_800_000_000)
        let odd: FilePath = "/var/log/a \"quoted\" \\ name\n.log"
        metrics.record(LogOutcome(log: "/var/log/a.log", result: .succeeded), at: 1_700_000_000, archiveBytes: 4096)
        metrics.record(LogOutcome(log: odd, result: .failed(.init(step: nil, message: "x"))), at: 1, archiveBytes: nil)
        metrics.noteStaleWriters(2, of: "/var/log/a.log")
        let counters = metrics.snapshot
        let text = MetricsText.render(
            counters,
            logs: [
                .init(log: "/var/log/a.log", size: 10, counters: counters.logs["/var/log/a.log"]!),
                .init(log: odd, size: nil, counters: counters.logs[odd]!),
            ],
            startTime: 1_600_000_000
        )
        let samples = try PrometheusTextParser.parse(text)
        let value = { (name: String, labels: [String: String]) in
            samples.first { $0.name == name && $0.labels == labels }?.value
        }
        let a = ["log": "/var/log/a.log"]
        let b = ["log": odd.string]
        #expect(value("logrotated_log_rotations_total", a) == 1)
        #expect(value("logrotated_log_rotation_failures_total", b) == 1)
        #expect(value("logrotated_log_size_bytes", a) == 10)
        #expect(value("logrotated_log_size_bytes", b) == nil, "a missing log has no size sample")
        #expect(value("logrotated_log_archive_bytes", a) == 4096)
        #expect(value("logrotated_log_last_rotation_seconds", a) == 1_700_000_000)
        #expect(value("logrotated_log_stale_writers", a) == 2)
        #expect(value("logrotated_configured_logs", [:]) == 2)
        #expect(value("logrotated_next_deadline_seconds", [:]) == 1_800_000_000)
        #expect(value("logrotated_configuration_loads_total", ["outcome": "applied"]) == 1)
        #expect(value("logrotated_configuration_loads_total", ["outcome": "rejected"]) == 1)
        #expect(value("logrotated_start_time_seconds", [:]) == 1_600_000_000)
    }

    @Test func parser_rejectsWhatTheFormatForbids() {
        #expect(throws: PrometheusTextParser.Failure.self) { try PrometheusTextParser.parse("a 1\n") }
        #expect(throws: PrometheusTextParser.Failure.self) {
            try PrometheusTextParser.parse("# TYPE a_total counter\na_total{x=\"\\t\"} 1\n")
        }
        #expect(throws: PrometheusTextParser.Failure.self) {
            try PrometheusTextParser.parse("# TYPE a gauge\na 1\na 2\n")
        }
        #expect(throws: PrometheusTextParser.Failure.self) { try PrometheusTextParser.parse("# TYPE a counter\na 1\n") }
    }
}
