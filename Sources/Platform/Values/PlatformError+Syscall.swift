import SystemPackage

extension PlatformError.Code {
    /// The category of an errno.
    init(_ errno: Errno) {
        switch errno {
        case .noSuchFileOrDirectory: self = .notFound
        case .fileExists: self = .alreadyExists
        case .permissionDenied, .notPermitted, .readOnlyFileSystem: self = .permissionDenied
        case .notSupported, .notSupportedOnSocket: self = .notSupported
        case .noSpace, .diskQuotaExceeded, .fileTooLarge: self = .noSpace
        case .wouldBlock: self = .wouldBlock
        case .ioError: self = .io
        default: self = .other
        }
    }
}

extension PlatformError {
    /// A failed system call on one path: "<operation> of <path> failed: <strerror>", logrotate's wording.
    package static func syscall(_ operation: String, _ path: FilePath, _ errno: Errno) -> PlatformError {
        PlatformError(Code(errno), "\(operation) of \(path) failed: \(errno.description)", errno: errno)
    }

    /// A failed rename: "failed to rename A to B: <strerror>".
    package static func rename(_ source: FilePath, _ target: FilePath, _ errno: Errno) -> PlatformError {
        PlatformError(Code(errno), "failed to rename \(source) to \(target): \(errno.description)", errno: errno)
    }
}

extension Result where Failure == Errno {
    /// Turns an errno into a `PlatformError` for `operation` on `path`.
    func orThrow(_ operation: String, _ path: FilePath) throws(PlatformError) -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let errno): throw .syscall(operation, path, errno)
        }
    }
}

extension PlatformError {
    /// A program that could not be started: "failed to execute X: <strerror>".
    package static func spawn(_ executable: String, _ errno: Errno) -> PlatformError {
        PlatformError(Code(errno), "failed to execute \(executable): \(errno.description)", errno: errno)
    }
}

extension PlatformError {
    /// A path that must be a regular file but is not (a symlink, FIFO, device, socket or directory): refused, never
    /// followed or opened. The message is the reason alone, for callers that name the path ("… /var/log/a.log.2:
    /// a symbolic link, not a regular file (never followed)"); there is no errno.
    package static func notRegularFile(_ path: FilePath, kind: FileStatus.Kind) -> PlatformError {
        PlatformError(.notSupported, kind.refusal)
    }
}

extension FileStatus.Kind {
    /// Why a file of this kind is refused where a regular file is expected.
    var refusal: String {
        switch self {
        case .regular: "a regular file"
        case .directory: "a directory, not a regular file"
        case .symlink: "a symbolic link, not a regular file (never followed)"
        case .other: "not a regular file (a FIFO, socket or device)"
        }
    }
}

extension PlatformError {
    /// A file not shredded because it has other names (hard links) that would lose their content too.
    package static func multipleLinks(_ path: FilePath, count: UInt64) -> PlatformError {
        PlatformError(.notSupported, "\(path) has \(count) hard links: not shredding a file with other names")
    }
}

extension PlatformError {
    /// A file that is no longer the one an operation was planned on: another process renamed a new file to its name
    /// meanwhile (a manual rotation, say). It is left alone.
    package static func replaced(_ path: FilePath) -> PlatformError {
        PlatformError(.other, "\(path) was replaced by another file meanwhile; leaving it alone")
    }
}
