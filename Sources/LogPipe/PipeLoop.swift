import Dispatch
import Platform
import Rotation
import SystemPackage

/// The write loop of `logrotated pipe`, on a thread of its own: it waits (`poll`) on standard input, on its inbox
/// and on the next timed check, writes complete lines to the log as they come, and asks the worker for a check when
/// the file reaches its size limit or a time rule may have fired.
///
/// It never waits for a rotation: while the worker renames and recreates the log, what is read is kept in memory
/// (the backlog) and written to the new file once it is open; compression and scripts run on the worker while the
/// loop writes. When the new file cannot be opened (no inode left, a symlink or FIFO planted at the log's name), the
/// loop stays paused: it never writes the renamed file again (the worker compresses or removes it), keeps what it
/// reads in the backlog, reports the error once and tries again every second. Reading stops only when the backlog
/// passes `maxBacklog` (a full disk, a log that cannot be reopened), which pushes back on the writer through the
/// pipe; nothing read is dropped.
final class PipeLoop: @unchecked Sendable {
    // Safety: used only on the loop's own thread after `run()` starts.
    /// Backlog size at which the loop stops reading standard input until it is written.
    static let maxBacklog = 64 << 20

    private let input = FileDescriptor.standardInput
    private let sink: LogFileSink
    private let buffer: LineBuffer
    private let inbox: PipeInbox
    private let worker: PipeWorker
    private let reporter: RunReporter
    private var schedule: PipeSchedule
    private var writes = BacklogWriter()
    private var paused = false
    /// Set when the worker asked for the new file and it could not be opened yet (see ``reopen()``).
    private var reopening: ReopenRetry?
    private var busy = false
    private var wantsCheck = true
    private var wantsReload = false
    private var inputOpen = true
    private var stopping = false
    /// SIGTERM or SIGINT came: stop even while the new file cannot be opened (the end of the input waits for it).
    private var terminated = false

    init(
        sink: LogFileSink,
        schedule: PipeSchedule,
        lineLimit: Int,
        inbox: PipeInbox,
        worker: PipeWorker,
        reporter: RunReporter
    ) {
        self.sink = sink
        self.schedule = schedule
        buffer = LineBuffer(lineLimit: lineLimit)
        self.inbox = inbox
        self.worker = worker
        self.reporter = reporter
    }

    /// Runs until standard input ends or a terminate message came and the rotation in progress finished; writes
    /// everything read, the last partial line included. At the end of the input a log that cannot be reopened is
    /// waited for; after a terminate message it gets one last try.
    func run() -> PipeOutcome {
        while true {
            handle(inbox.take())
            reopen()
            if stopping && !busy && (reopening == nil || terminated) { break }
            startWork()
            let reading = inputOpen && !stopping && writes.pending < Self.maxBacklog && !overgrown
            let descriptors = reading ? [inbox.wakePipe.readEnd, input.rawValue] : [inbox.wakePipe.readEnd]
            let ready = waitForReadable(descriptors, timeoutMilliseconds: timeout())
            if reading && ready[1] { readInput() }
            writePending()
            noteTime()
        }
        return finish()
    }

    private func handle(_ messages: [PipeMessage]) {
        for message in messages {
            switch message {
            case .pause(let stopped):
                paused = true
                stopped.signal()
            case .reopen:
                paused = false
                reopening = ReopenRetry()
                reopen()
            case .workerDone(let next):
                busy = false
                schedule = next
                noteSize()
            case .reload:
                wantsReload = true
            case .terminate:
                drainInput()
                (stopping, terminated) = (true, true)
            }
        }
    }

    /// Opens the new file when the worker asked for it and a try is due; on success writes what was kept, else
    /// stays paused (reported once) and tries again a second later.
    private func reopen(now: UInt64 = monotonicMicroseconds()) {
        guard var retry = reopening, retry.isDue(at: now) else { return }
        do {
            try sink.reopen()
            reopening = nil
            if retry.reported { reporter.warning("opened \(sink.path) again; writing what was kept") }
            writePending()
        } catch {
            if !retry.reported {
                reporter.error(
                    "cannot open \(sink.path) after its rotation: \(error); keeping what is read in memory (reading "
                        + "stops at \(Self.maxBacklog >> 20) MiB) and trying again every second"
                )
            }
            retry.failed(at: now)
            reopening = retry
        }
    }

    /// Whether the log has reached twice its size limit while the worker is busy (a compression slower than the
    /// writer, a long script): reading stops until the worker is done, which slows the writer to the compressor's
    /// pace instead of letting the log grow without bound. The next rotation cannot start earlier: it would shift
    /// the archive being compressed.
    private var overgrown: Bool {
        guard busy, let limit = schedule.sizeLimit, limit > 0 else { return false }
        return sink.size / 2 >= limit
    }

    /// Whether lines are kept instead of written: while the worker moves the log, and until its new file is open.
    private var holding: Bool { paused || reopening != nil }

    /// Hands the worker a reload or a check when it is idle (no new check once stopping, nor while the new file
    /// cannot be opened: the path holds no log to rotate).
    private func startWork() {
        guard !busy, reopening == nil else { return }
        if wantsReload {
            (wantsReload, wantsCheck, busy) = (false, false, true)
            worker.reload()
        } else if wantsCheck && !stopping {
            (wantsCheck, busy) = (false, true)
            worker.check()
        }
    }

    /// Reads once; at the end of the input the loop stops (the partial last line is written by `finish`, into the
    /// file that is the log once the rotation in progress is done).
    private func readInput() {
        do {
            if try buffer.read(from: input) == 0 { (inputOpen, stopping) = (false, true) }
        } catch {
            reporter.error("cannot read standard input: \(error); stopping")
            (inputOpen, stopping) = (false, true)
        }
        emitLines()
    }

    /// After SIGTERM: reads what the pipe holds already, without waiting for more (bounded, against a writer
    /// faster than us); `finish` writes the partial last line.
    private func drainInput() {
        var reads = 0
        while inputOpen && reads < 4096 && writes.pending < Self.maxBacklog,
            waitForReadable([input.rawValue], timeoutMilliseconds: 0)[0]
        {
            reads += 1
            guard (try? buffer.read(from: input)) ?? 0 > 0 else {
                inputOpen = false
                break
            }
            emitLines()
        }
    }

    /// Writes the complete lines read (or keeps them while paused, or behind unwritten ones).
    private func emitLines() {
        let lines = buffer.lines
        guard !lines.isEmpty else { return }
        if holding || writes.pending > 0 {
            writes.keep(lines)
        } else {
            writes.write(lines, to: sink, reporter: reporter)
        }
        buffer.drop()
        noteSize()
    }

    private func writePending() {
        guard !holding, writes.pending > 0, writes.retryDue else { return }
        writes.flush(to: sink, reporter: reporter)
        noteSize()
    }

    private func noteSize() {
        if let limit = schedule.sizeLimit, sink.size >= limit { wantsCheck = true }
    }

    private func noteTime() {
        guard let next = schedule.nextCheck, WallClock.now().seconds >= next else { return }
        schedule.nextCheck = nil
        wantsCheck = true
    }

    /// Milliseconds until the next timed check, write retry or reopen retry (at most a minute, against wall-clock
    /// jumps); -1 when stopping waits only for the worker.
    private func timeout() -> Int32 {
        if stopping && reopening == nil { return -1 }
        var seconds: Int64 = 60
        if let next = schedule.nextCheck { seconds = min(seconds, max(0, next - WallClock.now().seconds)) }
        if writes.pending > 0 || reopening != nil { seconds = min(seconds, 1) }
        return Int32(seconds * 1000)
    }

    /// The end: writes what is left (one last try when the disk refused it or the new file could not be opened;
    /// never into the renamed file), closes the file.
    private func finish() -> PipeOutcome {
        buffer.flushPartialLine()
        emitLines()
        if reopening != nil { reopen(now: .max) }
        if writes.pending > 0 && reopening == nil { writes.flush(to: sink, reporter: reporter) }
        sink.close()
        guard writes.pending == 0 else {
            reporter.error("\(writes.pending) bytes read could not be written to \(sink.path)")
            return .failed
        }
        return .finished
    }
}
