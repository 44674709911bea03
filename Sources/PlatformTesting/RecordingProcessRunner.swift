import Platform
import Synchronization

/// A `ProcessRunner` that runs nothing: it records each request and answers with `respond` (exit 0 by default).
package final class RecordingProcessRunner: ProcessRunner {
    private let respond: @Sendable (ProcessRequest) throws(PlatformError) -> ProcessResult
    private let recorded = Mutex<[ProcessRequest]>([])

    /// - Parameter respond: the result for a request; throwing means "could not be started".
    package init(
        respond: @escaping @Sendable (ProcessRequest) throws(PlatformError) -> ProcessResult = { _ in
            ProcessResult(status: .exited(0))
        }
    ) {
        self.respond = respond
    }

    /// Every request run so far, in order.
    package var requests: [ProcessRequest] { recorded.withLock { $0 } }

    package func run(_ request: ProcessRequest) throws(PlatformError) -> ProcessResult {
        recorded.withLock { $0.append(request) }
        return try respond(request)
    }
}
