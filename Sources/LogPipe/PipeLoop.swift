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
/// loop writes. Reading stops only when the backlog passes `maxBacklog` (a full disk), which pushes back on the
/// writer through the pipe.
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
    private var busy = false
    private var wantsCheck = true
    private var wantsReload = false
    private var inputOpen = true
    private var stopping = false

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
    /// everything read, the last partial line included.
    func run() -> PipeOutcome {
        while true {
            handle(inbox.take())
            if stopping && !busy { break }
            startWork()
            let reading = inputOpen && !stopping && writes.pending < Self.maxBacklog
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
                do {
                    try sink.reopen()
                } catch {
                    reporter.error("cannot open \(sink.path) after its rotation: \(error); still writing the old file")
                }
                writePending()
            case .workerDone(let next):
                busy = false
                schedule = next
                noteSize()
            case .reload:
                wantsReload = true
            case .terminate:
                drainInput()
                stopping = true
            }
        }
    }

    /// Hands the worker a reload or a check when it is idle (no new check once stopping).
    private func startWork() {
        guard !busy else { return }
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
        if paused || writes.pending > 0 {
            writes.keep(lines)
        } else {
            writes.write(lines, to: sink, reporter: reporter)
        }
        buffer.drop()
        noteSize()
    }

    private func writePending() {
        guard !paused, writes.pending > 0, writes.retryDue else { return }
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

    /// Milliseconds until the next timed check or write retry (at most a minute, against wall-clock jumps); -1 when
    /// stopping waits only for the worker.
    private func timeout() -> Int32 {
        if stopping { return -1 }
        var seconds: Int64 = 60
        if let next = schedule.nextCheck { seconds = min(seconds, max(0, next - WallClock.now().seconds)) }
        if writes.pending > 0 { seconds = min(seconds, 1) }
        return Int32(seconds * 1000)
    }

    /// The end: writes what is left (one last try when the disk refused it), closes the file.
    private func finish() -> PipeOutcome {
        buffer.flushPartialLine()
        emitLines()
        if writes.pending > 0 { writes.flush(to: sink, reporter: reporter) }
        sink.close()
        guard writes.pending == 0 else {
            reporter.error("\(writes.pending) bytes read could not be written to \(sink.path)")
            return .failed
        }
        return .finished
    }
}
