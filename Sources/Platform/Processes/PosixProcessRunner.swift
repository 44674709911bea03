/// Runs children with `posix_spawnp` (or, to switch user and group, a fork/exec helper in CShims).
///
/// Standard output and error are collected concurrently, stdin bytes are fed as the child reads them, and a child
/// that outlives `ProcessRequest.timeout` gets SIGTERM, then SIGKILL after `terminationGracePeriod` seconds. With a
/// timeout the child leads its own process group, so the signals also reach what a script started.
/// Every signal is reset to its default disposition and unblocked in the child.
///
/// Why not swift-subprocess (1.0.2, in the package set): its `run` is `async`, while every child here is started by
/// the synchronous executor on a thread of its own (a rotation must not hop threads: an `su` block's file-system
/// identity belongs to its thread); its input and output files are opened by path inside the library, where ours
/// must be the descriptors `RegularFile` opened and checked (never a FIFO, never through a symlink); and dropping to
/// the `su` user needs the fork-time check that root cannot be regained (`cshims_spawn_as_user`). Its teardown
/// sequences and process groups would fit; the rest would need a fork of its platform layer.
///
/// Equivalent logrotate code: `runScript` (scripts) and `compressLogFile` (compressor children).
package struct PosixProcessRunner: ProcessRunner {
    /// Seconds between SIGTERM and SIGKILL when a child times out.
    package var terminationGracePeriod: Double

    /// A runner that waits `terminationGracePeriod` seconds after SIGTERM before sending SIGKILL.
    package init(terminationGracePeriod: Double = 5) {
        self.terminationGracePeriod = terminationGracePeriod
    }

    /// Runs a child to completion.
    /// - Throws: `PlatformError` when a file for stdin/stdout cannot be opened or the program cannot be started
    ///   (e.g. `notFound` for a missing executable); a child that fails is a `ProcessResult`.
    package func run(_ request: ProcessRequest) throws(PlatformError) -> ProcessResult {
        let streams = try ChildStreams(request)
        let spec = SpawnSpec(
            file: request.executable,
            argv: [request.argv0 ?? request.executable] + request.arguments,
            environment: Self.environment(adding: request.environment),
            descriptors: streams.childEnds,
            userID: request.userID,
            groupID: request.groupID,
            newProcessGroup: request.timeout != nil
        )
        let pid: Int32
        switch system_spawn(spec) {
        case .success(let child): pid = child
        case .failure(let errno): throw .spawn(request.executable, errno)
        }
        streams.closeChildEnds()
        var input: [UInt8] = []
        if case .bytes(let bytes) = request.standardInput { input = bytes }
        var pump = ChildPump(
            pid: pid,
            streams: streams,
            input: input,
            timeout: request.timeout,
            gracePeriod: terminationGracePeriod,
            processGroup: spec.newProcessGroup
        )
        return pump.run()
    }

    /// Our environment with `additions` replacing variables of the same name and the others appended, sorted.
    static func environment(adding additions: [String: String]) -> [String] {
        var remaining = additions
        var entries: [String] = []
        for entry in system_environment() {
            let name = String(entry.prefix { $0 != "=" })
            if let value = remaining.removeValue(forKey: name) {
                entries.append("\(name)=\(value)")
            } else {
                entries.append(entry)
            }
        }
        entries += remaining.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return entries
    }
}
