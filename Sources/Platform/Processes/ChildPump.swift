import SystemPackage

/// Feeds a running child's stdin, collects its stdout and stderr, enforces the timeout and reaps the child.
///
/// One `poll` loop watches every pipe and a pidfd of the child, so no thread is needed and no pipe can fill up
/// while we wait for another. The loop ends when the child exits, even if a grandchild still holds a pipe open.
internal struct ChildPump {
    private enum Phase {
        case running
        /// SIGTERM was sent; SIGKILL follows at this monotonic time.
        case terminating(killAt: Double)
        case killed
    }

    private let pid: Int32
    private let streams: ChildStreams
    private let signalTarget: Int32
    private let deadline: Double?
    private let gracePeriod: Double
    private var phase = Phase.running
    private var input: [UInt8]
    private var inputOffset = 0
    private var output: [UInt8] = []
    private var error: [UInt8] = []

    /// - Parameters:
    ///   - processGroup: whether the child leads its own process group (timeouts then signal the whole group).
    init(pid: Int32, streams: ChildStreams, input: [UInt8], timeout: Double?, gracePeriod: Double, processGroup: Bool) {
        self.pid = pid
        self.streams = streams
        self.signalTarget = processGroup ? -pid : pid
        self.deadline = timeout.map { system_monotonicSeconds() + $0 }
        self.gracePeriod = gracePeriod
        self.input = input
    }

    /// Runs until the child has exited and returns what it left.
    mutating func run() -> ProcessResult {
        let pidfd = system_pidfd_open(pid)
        defer { if pidfd >= 0 { system_close(pidfd) } }
        if input.isEmpty { streams.close(&streams.inputWriter) }
        while true {
            if let status = system_waitpid(pid, wait: false) {
                streams.close(&streams.inputWriter)
                while readOnce(&streams.outputReader, into: &output) {}
                while readOnce(&streams.errorReader, into: &error) {}
                return ProcessResult(status: termination(status), standardOutput: output, standardError: error)
            }
            pollOnce(pidfd: pidfd)
            enforceTimeout()
        }
    }

    private mutating func pollOnce(pidfd: Int32) {
        let revents = system_poll(
            [
                (streams.outputReader, pollReadable), (streams.errorReader, pollReadable),
                (streams.inputWriter, pollWritable), (pidfd, pollReadable),
            ],
            timeoutMilliseconds: pollTimeout(pidfdAvailable: pidfd >= 0)
        )
        if revents[0] != 0 { _ = readOnce(&streams.outputReader, into: &output) }
        if revents[1] != 0 { _ = readOnce(&streams.errorReader, into: &error) }
        if revents[2] != 0 { writeInput() }
    }

    /// Reads what is available; returns whether something was read (false at end-of-file, EAGAIN or error).
    private func readOnce(_ fd: inout Int32, into bytes: inout [UInt8]) -> Bool {
        guard fd >= 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        switch chunk.withUnsafeMutableBytes({ system_read(fd, into: $0) }) {
        case .success(0):
            streams.close(&fd)
            return false
        case .success(let count):
            bytes.append(contentsOf: chunk[0..<count])
            return true
        case .failure(.wouldBlock):
            return false
        case .failure:
            streams.close(&fd)
            return false
        }
    }

    private mutating func writeInput() {
        let end = min(input.count, inputOffset + 65_536)
        let result = input.withUnsafeBytes {
            system_send(streams.inputWriter, UnsafeRawBufferPointer(rebasing: $0[inputOffset..<end]))
        }
        switch result {
        case .success(let count): inputOffset += count
        case .failure(.wouldBlock): return
        case .failure: inputOffset = input.count  // the child closed its stdin: stop feeding it
        }
        if inputOffset == input.count { streams.close(&streams.inputWriter) }
    }

    /// How long `poll` may sleep: until the next timeout step, and in short ticks when there is no pidfd.
    private func pollTimeout(pidfdAvailable: Bool) -> Int32 {
        var limit: Double? = pidfdAvailable ? nil : 0.05
        let now = system_monotonicSeconds()
        switch phase {
        case .running: if let deadline { limit = min(limit ?? .infinity, deadline - now) }
        case .terminating(let killAt): limit = min(limit ?? .infinity, killAt - now)
        case .killed: break
        }
        guard let limit else { return -1 }
        return Int32(min(max(0, (limit * 1000).rounded(.up)), 3_600_000))
    }

    private mutating func enforceTimeout() {
        let now = system_monotonicSeconds()
        switch phase {
        case .running:
            guard let deadline, now >= deadline else { return }
            system_kill(signalTarget, signalTerminate)
            phase = .terminating(killAt: now + gracePeriod)
        case .terminating(let killAt):
            guard now >= killAt else { return }
            system_kill(signalTarget, signalKill)
            phase = .killed
        case .killed:
            break
        }
    }

    private func termination(_ status: Int32) -> TerminationStatus {
        if case .running = phase { return system_decodeWaitStatus(status) }
        return .timedOut
    }
}
