import LogrotateConfig
import Platform
import SystemPackage

extension WriterDoctor {
    /// Rename: what the signal directive, or a `kill` in a script, does to the process; else who keeps writing.
    func renameVerdicts(_ log: FilePath, settings: LogSettings, writers: [FileWriter]) -> [WriterCheckup.Verdict] {
        if let setting = settings.signal {
            return [signalVerdict(setting.signal, setting.target, code: "signal", directive: setting.directiveText)]
        }
        let kills = [ScriptKind.prerotate, .postrotate].flatMap { kind in
            settings.scripts[kind].map(KillScriptLint.findings) ?? []
        }
        if let kill = kills.first(where: { $0.target != nil }), let target = kill.target {
            var verdict = signalVerdict(kill.signal, target, code: "kill-script", directive: kill.suggestion)
            verdict.message = "postrotate '\(kill.command)': " + verdict.message
            if verdict.suggestion.isEmpty {
                verdict.suggestion = "replace it with '\(kill.suggestion)', which checks first"
            }
            return [verdict]
        }
        let naming = ArchiveNaming(log: log, settings: settings)
        let archive =
            settings.dateExt
            ? "its dated archive" : naming.numbered(settings.start, compressed: false).lastComponent?.string ?? ""
        return writers.map { writer in
            let who = WriterAdvice.process(writer.pid, writer.command)
            if settings.scripts[.postrotate] != nil {
                return .init(
                    "reopen-unverified",
                    problem: false,
                    "\(who) writes \(log); the postrotate script must make it reopen the log (not verifiable here)",
                    suggestion: "prefer 'signal SIG pidfile PATH', which is checked, or copytruncate"
                )
            }
            return .init(
                "stale-after-rename",
                problem: true,
                "\(who) will keep writing \(archive) after rotation",
                suggestion: "add 'copytruncate', or 'signal SIG pidfile PATH' for a signal it handles, or make it "
                    + "reopen its log (Python: logging.handlers.WatchedFileHandler)"
            )
        }
    }

    /// What sending `signal` to `target` would do.
    func signalVerdict(
        _ signal: Signal,
        _ target: SignalTarget,
        code: String,
        directive: String
    ) -> WriterCheckup.Verdict {
        switch resolver.recipient(of: signal, target) {
        case .none(let reason):
            return .init("\(code)-no-process", problem: false, "no process to send \(signal) to: \(reason)")
        case .process(let pid, let command, let verdict) where verdict.isSafe:
            let text =
                "\(WriterAdvice.process(pid, command)) survives \(signal) (\(verdict.phrase)); it should reopen its log"
            return .init("\(code)-handled", problem: false, text)
        case .process(let pid, let command, let verdict):
            return .init(
                "\(code)-would-terminate",
                problem: true,
                "\(signal) would terminate \(WriterAdvice.process(pid, command)): \(WriterAdvice.danger(of: signal, verdict))",
                suggestion: "use copytruncate, a signal the process handles, or make the application reopen its log "
                    + "(Python: WatchedFileHandler)"
            )
        }
    }

    /// copytruncate: holes with a writer without O_APPEND, lossless with collapse, else a small window.
    func copyTruncateVerdicts(_ log: FilePath, writers: [FileWriter]) -> [WriterCheckup.Verdict] {
        let holey = writers.filter(\.writesAtOwnOffset)
        if !holey.isEmpty {
            return holey.map { .init("copytruncate-holes", problem: true, WriterAdvice.holes($0, log: log)) }
        }
        guard !writers.isEmpty else { return [] }
        let fileSystem = CollapseSupport.fileSystem(of: log)
        let name = fileSystem?.name ?? "unknown"
        guard fileSystem?.collapses == true else {
            return [
                .init(
                    "copytruncate-window",
                    problem: false,
                    "every writer uses O_APPEND, but \(name) cannot collapse: copy, catch-up, then truncate; lines "
                        + "written in the last microseconds before the truncate may be lost",
                    suggestion: "keep the log on ext4 or xfs for lossless copytruncate"
                )
            ]
        }
        return [
            .init(
                "copytruncate-lossless",
                problem: false,
                "every writer uses O_APPEND and \(name) supports collapse: copytruncate loses nothing"
            )
        ]
    }
}

extension SignalSafety.Verdict {
    /// `it has a handler`, `it ignores it`, …
    var phrase: String {
        switch self {
        case .handled: return "it has a handler"
        case .ignored: return "it ignores it, so it will not reopen either"
        case .harmlessDefault: return "its default action is harmless"
        default: return "\(self)"
        }
    }
}
