import LogrotateConfig
import Platform
import SystemPackage

extension PlanExecutor {
    /// How long a signalled process has to stop writing the rotated files, looking every `reopenPollMilliseconds`.
    static let reopenWaitMilliseconds = 5_000
    static let reopenPollMilliseconds = 50

    /// `signal`: resolves the process, refuses a signal that would terminate it (an error: the log stays rotated),
    /// else sends it and checks that the process stops writing the rotated files. A process that is not running is
    /// only a warning: nobody writes the old file.
    func deliver(_ delivery: SignalDelivery, context: StepContext) throws(StepFailure) {
        let signal = delivery.signal
        let rotated = identities(of: delivery.archives)
        guard !rotated.isEmpty else {
            return context.onEvent(.info("not sending \(signal): no log was rotated"))
        }
        let resolver = SignalResolver(processes: processes, processRunner: processRunner)
        switch resolver.recipient(of: signal, delivery.target) {
        case .none(let reason):
            context.onEvent(.warning("not sending \(signal) to the process \(delivery.target.phrase): \(reason)"))
        case .process(let pid, let command, let verdict):
            let step = RotationStep.signal(delivery)
            guard verdict.isSafe else {
                let archives = rotated.map(\.path)
                let message = WriterAdvice.refusal(
                    signal,
                    pid: pid,
                    command: command,
                    verdict: verdict,
                    archives: archives
                )
                throw StepFailure(step: step, message: message)
            }
            do {
                try processes.send(signal, to: pid)
            } catch {
                let message = "error sending \(signal) to \(WriterAdvice.process(pid, command)): \(error.message)"
                throw StepFailure(step: step, message: message)
            }
            context.onEvent(.info("sent \(signal) to \(WriterAdvice.process(pid, command)) \(delivery.target.phrase)"))
            reportWritersThatStay(rotated, after: signal, context: context)
        }
    }

    /// The rotated files that exist, with their identities.
    private func identities(of archives: [FilePath]) -> [(path: FilePath, identity: FileIdentity)] {
        archives.compactMap { path in
            guard let status = try? fileSystem.status(of: path, followSymlinks: false) else { return nil }
            return (path, status.identity)
        }
    }

    /// Waits for the rotated files to lose their writers; warns about those that keep writing.
    private func reportWritersThatStay(
        _ rotated: [(path: FilePath, identity: FileIdentity)],
        after signal: Signal,
        context: StepContext
    ) {
        let files = rotated.map(\.identity)
        var remaining = processes.writers(of: files)
        var waited = 0
        while remaining.values.contains(where: { !$0.isEmpty }) && waited < Self.reopenWaitMilliseconds {
            processes.pause(milliseconds: Self.reopenPollMilliseconds)
            waited += Self.reopenPollMilliseconds
            remaining = processes.writers(of: files)
        }
        for (path, identity) in rotated {
            for writer in remaining[identity] ?? [] {
                let text =
                    "\(WriterAdvice.process(writer.pid, writer.command)) still writes \(path) "
                    + "\(Self.reopenWaitMilliseconds / 1000) s after \(signal): it did not reopen its log; "
                    + WriterAdvice.remedy
                context.onEvent(.warning(text))
            }
        }
    }
}
