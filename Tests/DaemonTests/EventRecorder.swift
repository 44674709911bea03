/// Collects values from a stream and lets a test wait, with a generous timeout, until they satisfy a condition.
actor EventRecorder<Element: Sendable> {
    private(set) var events: [Element] = []
    private var waiters:
        [(id: Int, condition: @Sendable ([Element]) -> Bool, resume: CheckedContinuation<Bool, Never>)] =
            []
    private var nextID = 0

    /// Starts recording every element of `stream` in a background task.
    init<S: AsyncSequence & Sendable>(_ stream: S) where S.Element == Element {
        Task { [stream] in
            for try await element in stream { await self.append(element) }
        }
    }

    init() {}

    func append(_ element: Element) {
        events.append(element)
        let ready = waiters.filter { $0.condition(events) }
        waiters.removeAll { $0.condition(events) }
        for waiter in ready { waiter.resume.resume(returning: true) }
    }

    /// Waits until `condition` holds for the recorded events; false after `timeout` (a failure, never a measurement).
    ///
    /// The timeout is long because it is wall-clock time: in a full test run, the tests that block a thread (most
    /// end-to-end ones) can hold Swift's cooperative pool, two threads on a two-core machine, for minutes, and the
    /// service under test progresses only when it gets one back. A test that passes returns as soon as it can.
    func wait(timeout: Duration = .seconds(900), until condition: @escaping @Sendable ([Element]) -> Bool) async -> Bool
    {
        if condition(events) { return true }
        let id = nextID
        nextID += 1
        return await withCheckedContinuation { continuation in
            waiters.append((id, condition, continuation))
            Task {
                try? await Task.sleep(for: timeout)
                self.expire(id)
            }
        }
    }

    private func expire(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).resume.resume(returning: false)
    }
}
