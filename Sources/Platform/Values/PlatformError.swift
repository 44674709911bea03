import SystemPackage

/// A refusal from the machine: what failed, on which path, and the errno behind it.
package struct PlatformError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A broad category callers can act on.
    package enum Code: Equatable, Sendable {
        case notFound
        case alreadyExists
        case permissionDenied
        case notSupported
        case noSpace
        case wouldBlock
        case io
        case other
    }

    package var code: Code
    /// A sentence for users, e.g. "rename of /var/log/a.log to /var/log/a.log.1 failed: File exists".
    package var message: String
    package var errno: Errno?

    package init(_ code: Code, _ message: String, errno: Errno? = nil) {
        self.code = code
        self.message = message
        self.errno = errno
    }

    package var description: String { message }
}
