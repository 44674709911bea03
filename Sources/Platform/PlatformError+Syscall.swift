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
    public static func syscall(_ operation: String, _ path: FilePath, _ errno: Errno) -> PlatformError {
        PlatformError(Code(errno), "\(operation) of \(path) failed: \(errno.description)", errno: errno)
    }

    /// A failed rename: "failed to rename A to B: <strerror>".
    public static func rename(_ source: FilePath, _ target: FilePath, _ errno: Errno) -> PlatformError {
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
