import Dispatch

/// The thread that rotates while the write loop goes on reading: checks and reloads run there one at a time, and
/// each tells the loop it is done with the schedule it found.
final class PipeWorker: Sendable {
    private let queue = DispatchQueue(label: "logrotated.pipe.rotation")
    private let rotator: PipeRotator
    private let inbox: PipeInbox

    init(rotator: PipeRotator, inbox: PipeInbox) {
        self.rotator = rotator
        self.inbox = inbox
    }

    /// Checks the log (rotating it when due), then posts `.workerDone`.
    func check() {
        queue.async { [rotator, inbox] in
            inbox.post(.workerDone(rotator.check(inbox: inbox)))
        }
    }

    /// Reloads the configuration (keeping the old one when the new one is rejected), checks the log with it, then
    /// posts `.workerDone`.
    func reload() {
        queue.async { [rotator, inbox] in
            _ = rotator.load()
            inbox.post(.workerDone(rotator.check(inbox: inbox)))
        }
    }
}
