import Platform
import SystemPackage

/// The log file the pipe writes: opened for appending (created when missing), its size counted as it is written so
/// that size rules are checked without a `stat` per write, and reopened by path once a rotation renamed it.
final class LogFileSink {
    let path: FilePath
    private var descriptor: FileDescriptor
    /// The size of the file open now: its size when opened plus every byte written since.
    private(set) var size: UInt64
    /// The mode a file the pipe creates itself gets (when the block has no `create`): the previous file's.
    private var permissions: FilePermissions

    /// Opens (or creates, with `permissions`) the log at `path` for appending.
    /// - Throws: `Errno` when it cannot be opened.
    init(path: FilePath, permissions: FilePermissions) throws(Errno) {
        self.path = path
        self.permissions = permissions
        (descriptor, size) = try Self.open(path, permissions)
    }

    /// Appends all of `bytes`; returns how many were written and, when not all, the error that stopped it (e.g.
    /// `ENOSPC`). The bytes written are counted in `size`.
    func write(_ bytes: UnsafeRawBufferPointer) -> (written: Int, error: Errno?) {
        var offset = 0
        defer { size += UInt64(offset) }
        while offset < bytes.count {
            do {
                offset += try descriptor.write(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
            } catch {
                return (offset, error as? Errno ?? .ioError)
            }
        }
        return (offset, nil)
    }

    /// Closes the file open now and opens whatever is at the path now (the new log a rotation created, or a new
    /// file with the old one's mode). Keeps the old file open when the path cannot be opened.
    /// - Throws: `Errno` when the path cannot be opened.
    func reopen() throws(Errno) {
        if let mode = try? descriptor.stat().permissions { permissions = mode }
        let (newDescriptor, newSize) = try Self.open(path, permissions)
        try? descriptor.close()
        (descriptor, size) = (newDescriptor, newSize)
    }

    /// Closes the file.
    func close() {
        try? descriptor.close()
    }

    private static func open(_ path: FilePath, _ permissions: FilePermissions) throws(Errno) -> (FileDescriptor, UInt64)
    {
        do {
            let fd = try FileDescriptor.open(
                path,
                .writeOnly,
                options: [.append, .create, .closeOnExec, .noFollow, .nonBlocking],
                permissions: permissions
            )
            // Never through a symlink, never a FIFO or device someone planted at the log's name after a rename.
            guard let status = try? fd.stat(), status.type == .regular else {
                try? fd.close()
                throw Errno.notSupported
            }
            let size = UInt64(max(0, status.size))
            return (fd, size)
        } catch let error as Errno {
            throw error
        } catch {
            throw .ioError
        }
    }
}
