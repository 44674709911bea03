import SystemPackage

/// The Prometheus text exposition format (version 0.0.4) of the daemon's metrics, for node_exporter's textfile
/// collector: `# HELP` and `# TYPE` once per family, then its samples; label values escaped (`\\`, `\"`, `\n`).
///
/// Per log: `logrotated_log_size_bytes`, `logrotated_log_archive_bytes`, `logrotated_log_last_rotation_seconds`,
/// `logrotated_log_rotations_total`, `logrotated_log_rotation_failures_total`, `logrotated_log_stale_writers`.
/// Daemon-wide: `logrotated_configured_logs`, `logrotated_next_deadline_seconds`,
/// `logrotated_configuration_loads_total{outcome="applied"|"rejected"}`, `logrotated_start_time_seconds`.
package enum MetricsText {
    /// One log's facts at the time of writing.
    package struct LogSample: Equatable, Sendable {
        package var log: FilePath
        package var size: UInt64?
        package var counters: DaemonMetrics.LogCounters

        package init(log: FilePath, size: UInt64?, counters: DaemonMetrics.LogCounters) {
            self.log = log
            self.size = size
            self.counters = counters
        }
    }

    /// The whole file.
    package static func render(_ counters: DaemonMetrics.Counters, logs: [LogSample], startTime: Int64) -> String {
        var out = ""
        func family(_ name: String, _ type: String, _ help: String, _ samples: [(labels: String, value: String)]) {
            guard !samples.isEmpty else { return }
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for sample in samples { out += "\(name)\(sample.labels) \(sample.value)\n" }
        }
        let label = { (log: FilePath) in "{log=\"\(escape(log.string))\"}" }
        family(
            "logrotated_log_size_bytes",
            "gauge",
            "Current size of the log file.",
            logs.compactMap { sample in sample.size.map { (label(sample.log), String($0)) } }
        )
        family(
            "logrotated_log_archive_bytes",
            "gauge",
            "Total size of the log's archives, measured after its last rotation.",
            logs.compactMap { sample in sample.counters.archiveBytes.map { (label(sample.log), String($0)) } }
        )
        family(
            "logrotated_log_last_rotation_seconds",
            "gauge",
            "When this daemon last rotated the log (Unix time).",
            logs.compactMap { sample in sample.counters.lastRotation.map { (label(sample.log), String($0)) } }
        )
        family(
            "logrotated_log_rotations_total",
            "counter",
            "Rotations of the log since the daemon started.",
            logs.map { (label($0.log), String($0.counters.rotations)) }
        )
        family(
            "logrotated_log_rotation_failures_total",
            "counter",
            "Failed rotations of the log since the daemon started.",
            logs.map { (label($0.log), String($0.counters.failures)) }
        )
        family(
            "logrotated_log_stale_writers",
            "gauge",
            "Processes still writing a rotated file of the log at the last look.",
            logs.map { (label($0.log), String($0.counters.staleWriters)) }
        )
        family(
            "logrotated_configured_logs",
            "gauge",
            "Logs in the configuration in force.",
            [("", String(counters.configuredLogs))]
        )
        family(
            "logrotated_next_deadline_seconds",
            "gauge",
            "When the daemon next wakes for a calendar rule (Unix time).",
            counters.nextDeadline.map { [("", String($0))] } ?? []
        )
        family(
            "logrotated_configuration_loads_total",
            "counter",
            "Configuration loads at start and on SIGHUP, by outcome.",
            [
                ("{outcome=\"applied\"}", String(counters.loadsApplied)),
                ("{outcome=\"rejected\"}", String(counters.loadsRejected)),
            ]
        )
        family(
            "logrotated_start_time_seconds",
            "gauge",
            "When the daemon started (Unix time).",
            [("", String(startTime))]
        )
        return out
    }

    /// A label value with `\`, `"` and newlines escaped.
    static func escape(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
