import LogrotateConfig
import Platform
import Scheduling
import SystemPackage

/// One complete logrotate pass: read the configuration, lock and read the state, decide, plan and execute each
/// block, write the state.
///
/// A dry run stops at the plan: it prints it and never reaches the executor, the lock or the state writer.
/// A rotation that failed is not recorded in the state, so the next pass retries it (logrotate 3.21 records it,
/// #422).
///
/// Equivalent logrotate code: `logrotate.c main`.
package struct RotationRun: Sendable {
    package var fileSystem: any FileSystem
    package var processRunner: any ProcessRunner
    package var compressor: any Compressor
    package var accounts: any AccountDirectory
    /// The processes that write logs (stale writers, `signal`, `copytruncate` under writers).
    package var processes: any ProcessInspector
    /// `getuid()`: 0 enables the config-permission and parent-directory rules, as in logrotate.
    package var realUserID: UInt32
    /// `geteuid()`: as root, the file operations of an `su` block run with that user's rights.
    package var effectiveUserID: UInt32
    package var homeDirectory: String?
    /// What identifies this machine for `spread` (`MachineIdentity.current()`).
    package var hostIdentity: String

    /// A pass on the real machine.
    package init(
        fileSystem: any FileSystem = PosixFileSystem(),
        processRunner: any ProcessRunner = PosixProcessRunner(),
        compressor: any Compressor = InProcessCompressor(),
        accounts: any AccountDirectory = SystemAccountDirectory(),
        processes: any ProcessInspector = LiveProcessInspector(),
        realUserID: UInt32 = ProcessIdentity.realUserID(),
        effectiveUserID: UInt32 = ProcessIdentity.currentEffectiveUserID(),
        homeDirectory: String? = ProcessIdentity.homeDirectory(),
        hostIdentity: String = MachineIdentity.current()
    ) {
        self.fileSystem = fileSystem
        self.processRunner = processRunner
        self.compressor = compressor
        self.accounts = accounts
        self.processes = processes
        self.realUserID = realUserID
        self.effectiveUserID = effectiveUserID
        self.homeDirectory = homeDirectory
        self.hostIdentity = hostIdentity
    }

    /// Runs the pass and tells how it ended; every message goes to `reporter`.
    package func run(_ options: RunOptions, reporter: RunReporter) -> RunStatus {
        if options.dryRun {
            reporter.debug("dry run: printing what would be done; no file, state, script or mail is touched")
        }
        let configuration = loadConfiguration(options.configPaths, reporter: reporter)
        if options.dryRun {
            var state = StateStore(path: options.statePath, fileSystem: fileSystem).read(reporter: reporter)
            let journal = readJournal(beside: options.statePath)
            rotateAll(configuration, state: &state, journal: journal, options: options, reporter: reporter)
            return reporter.errorCount == 0 ? .success : .failure
        }
        let lock: StateLock
        do {
            lock = try StateLock(path: options.statePath, skip: options.skipStateLock, wait: options.waitForStateLock)
        } catch {
            reporter.error(error.description)
            return .stateLocked
        }
        for line in lock.debugMessages { reporter.debug(line) }
        if let warning = lock.warning { reporter.warning(warning) }
        let store = StateStore(path: options.statePath, fileSystem: fileSystem)
        var state = store.read(reporter: reporter)
        let journal = openJournal(beside: options.statePath, reporter: reporter)
        let used = rotateAll(configuration, state: &state, journal: journal, options: options, reporter: reporter)
        let saved = store.write(state.droppingStale(now: options.now, used: used), reporter: reporter)
        settle(journal, stateSaved: saved, reporter: reporter)
        lock.release()
        return reporter.errorCount == 0 ? .success : .failure
    }

    /// Reads the configuration paths as `rotate` does, reporting each diagnostic as an error or a warning.
    package func loadConfiguration(_ paths: [String], reporter: RunReporter) -> Configuration {
        let loader = ConfigLoader(
            fileSystem: fileSystem,
            accounts: accounts,
            homeDirectory: homeDirectory,
            hostIdentity: hostIdentity,
            checksPermissions: realUserID == 0
        )
        for path in paths { reporter.debug("reading config file \(path)") }
        let configuration = loader.load(paths)
        for diagnostic in configuration.diagnostics where !diagnostic.isAdvice {
            let text = diagnostic.locatedMessage
            switch diagnostic.severity {
            case .error: reporter.error(text)
            case .warning: reporter.warning(text)
            case .note: reporter.debug("note: \(diagnostic.message)")
            }
            if let patterns = diagnostic.droppedBlock { reporter.error("found error in \(patterns), skipping") }
        }
        return configuration
    }

    /// Processes every block in order; returns the paths that could be `lstat`ed (their state entries are kept).
    @discardableResult
    private func rotateAll(
        _ configuration: Configuration,
        state: inout StateFile,
        journal: RotationJournal?,
        options: RunOptions,
        reporter: RunReporter
    ) -> Set<String> {
        reporter.debug("\nHandling \(configuration.blocks.count) logs")
        // Every pattern is expanded before anything is rotated, as logrotate globs while reading the configuration:
        // a later block must not miss a log that an earlier block renamed.
        var discovery = LogDiscovery()
        let logs = configuration.blocks.map { discovery.logs(of: $0, fileSystem: fileSystem, reporter: reporter) }
        var used: Set<String> = []
        for (block, logs) in zip(configuration.blocks, logs) {
            var pass = BlockPass(run: self, block: block, options: options, reporter: reporter)
            pass.journal = journal
            used.formUnion(pass.rotate(logs, state: &state)?.decided.used ?? [])
        }
        return used
    }

    /// The journal beside the state file, opened for this pass; an error when it cannot be (the pass then rotates
    /// without one, as logrotate always does).
    private func openJournal(beside statePath: FilePath, reporter: RunReporter) -> RotationJournal? {
        switch RotationJournal.beside(statePath: statePath) {
        case .success(let journal): return journal
        case .failure(let error):
            reporter.error("cannot open the rotation journal: \(error.message); rotating without it")
            return nil
        case nil: return nil
        }
    }

    /// A dry run's view of the journal: what it holds, without creating or changing it.
    private func readJournal(beside statePath: FilePath) -> RotationJournal? {
        guard statePath != "/dev/null" else { return nil }
        let bytes = (try? fileSystem.readFile(statePath.appendingToName(".journal"))) ?? []
        return RotationJournal(inMemory: bytes)
    }

    /// After the pass: reports rotations still unfinished (their log is in no block, or could not be finished) and,
    /// once the state file records the finished ones, empties the journal of them (else they stay, for the next run
    /// to record).
    private func settle(_ journal: RotationJournal?, stateSaved: Bool, reporter: RunReporter) {
        guard let journal else { return }
        for unfinished in journal.allUnfinished {
            reporter.warning(
                "the rotation of \(unfinished.intent.log) begun at \(LocalTime(epochSeconds: unfinished.intent.epochSeconds)) "
                    + "is not finished; the next run tries again"
            )
        }
        guard stateSaved else { return }
        do {
            try journal.stateRecordedForAll()
            try journal.compact()
        } catch {
            reporter.warning("cannot rewrite the rotation journal: \(error.message)")
        }
    }
}
