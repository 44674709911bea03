import SystemPackage

/// The descriptors of one child: what it gets as 0, 1 and 2, and our ends of its pipes.
///
/// Every descriptor is close-on-exec; whatever is still open when the value goes away is closed.
internal final class ChildStreams {
    /// The child's stdin, stdout and stderr; -1 inherits ours.
    private(set) var childEnds: [Int32] = [-1, -1, -1]
    /// Our end of the child's stdin when we feed it bytes.
    var inputWriter: Int32 = -1
    /// Our end of the child's stdout when it is captured.
    var outputReader: Int32 = -1
    /// Our end of the child's stderr when it is captured.
    var errorReader: Int32 = -1

    /// Opens the files and pipes `request` asks for.
    /// - Throws: `PlatformError` when a file cannot be opened or a pipe cannot be made.
    init(_ request: ProcessRequest) throws(PlatformError) {
        do {
            try openInput(request.standardInput)
            try openOutput(request.standardOutput)
            if request.captureStandardError {
                (errorReader, childEnds[2]) = try capturePipe()
            }
        } catch {
            closeChildEnds()
            closeParentEnds()
            throw error
        }
    }

    deinit {
        closeChildEnds()
        closeParentEnds()
    }

    /// Closes the child's ends once it has them, so we see end-of-file when it exits.
    func closeChildEnds() {
        for index in childEnds.indices { close(&childEnds[index]) }
    }

    /// Closes one descriptor (when open) and marks it closed.
    func close(_ fd: inout Int32) {
        if fd >= 0 { system_close(fd) }
        fd = -1
    }

    private func closeParentEnds() {
        close(&inputWriter)
        close(&outputReader)
        close(&errorReader)
    }

    private func openInput(_ input: ProcessRequest.Input) throws(PlatformError) {
        switch input {
        case .inherit:
            break
        case .null:
            childEnds[0] = try system_open("/dev/null", OpenFlags.readOnly).orThrow("open", "/dev/null")
        case .file(let path):
            childEnds[0] = try openFile(path, OpenFlags.readOnly)
        case .bytes:
            let (ours, theirs) = try system_socketpair().orThrow("socketpair", "stdin")
            (inputWriter, childEnds[0]) = (ours, theirs)
        }
    }

    private func openOutput(_ output: ProcessRequest.Output) throws(PlatformError) {
        switch output {
        case .inherit:
            break
        case .null:
            childEnds[1] = try system_open("/dev/null", OpenFlags.writeOnly).orThrow("open", "/dev/null")
        case .capture:
            (outputReader, childEnds[1]) = try capturePipe()
        case .file(let path):
            childEnds[1] = try openFile(path, OpenFlags.writeOnly | OpenFlags.truncate)
        }
    }

    /// Opens a regular file only (no symlink followed, no FIFO waited on), so a child can never hang on its input.
    private func openFile(_ path: FilePath, _ flags: Int32) throws(PlatformError) -> Int32 {
        try RegularFile.open(path, flags).fd
    }

    /// A pipe whose read end (ours) does not block: `(ours, theirs)`.
    private func capturePipe() throws(PlatformError) -> (Int32, Int32) {
        let (readEnd, writeEnd) = try system_pipe().orThrow("pipe", "output")
        _ = system_setNonBlocking(readEnd, true)
        return (readEnd, writeEnd)
    }
}
