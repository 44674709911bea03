import Platform

extension WriterCheckup {
    /// One section per log: the log and its method, its writers, then each verdict (`OK`/`PROBLEM`) and suggestion.
    package static func text(_ checkups: [WriterCheckup]) -> String {
        guard !checkups.isEmpty else { return "no configured log exists\n" }
        return checkups.map(\.section).joined(separator: "\n")
    }

    private var section: String {
        var lines = ["\(log)  (\(method))"]
        let writerText = writers.map {
            "pid \($0.pid) (\($0.command)) fd \($0.descriptor)\($0.appendMode ? " O_APPEND" : "")"
        }
        lines.append("  writers: " + (writerText.isEmpty ? "none" : writerText.joined(separator: ", ")))
        for verdict in verdicts {
            lines.append("  \(verdict.isProblem ? "PROBLEM" : "OK     ") \(verdict.code): \(verdict.message)")
            if !verdict.suggestion.isEmpty { lines.append("          fix: \(verdict.suggestion)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"logs":[{"log","method","writers":[{"pid","command","fd","append"}],"verdicts":[{"code","problem",
    /// "message","suggestion"}],"problem"}],"problem"}`.
    package static func json(_ checkups: [WriterCheckup]) -> String {
        let logs = checkups.map(\.jsonObject).joined(separator: ",")
        return "{\"logs\":[\(logs)],\"problem\":\(checkups.contains(where: \.hasProblem))}\n"
    }

    private var jsonObject: String {
        let writerObjects = writers.map { writer in
            JSONText.object([
                ("pid", "\(writer.pid)"), ("command", JSONText.string(writer.command)), ("fd", "\(writer.descriptor)"),
                ("append", "\(writer.appendMode)"),
            ])
        }
        let verdictObjects = verdicts.map { verdict in
            JSONText.object([
                ("code", JSONText.string(verdict.code)), ("problem", "\(verdict.isProblem)"),
                ("message", JSONText.string(verdict.message)), ("suggestion", JSONText.string(verdict.suggestion)),
            ])
        }
        return JSONText.object([
            ("log", JSONText.string(log)), ("method", JSONText.string(method)),
            ("writers", "[" + writerObjects.joined(separator: ",") + "]"),
            ("verdicts", "[" + verdictObjects.joined(separator: ",") + "]"), ("problem", "\(hasProblem)"),
        ])
    }
}
