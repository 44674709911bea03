import Foundation
import Testing

extension HostileFixture {
    /// Rotates with `directives` and checks what must hold whatever was planted at `planted` (paths): the run ends
    /// before the timeout, nothing outside `logs/` changes, the victim's content is not copied into `logs/` nor mailed,
    /// and a run fails exactly when it names a planted path on standard error other than in a warning (a refusal;
    /// runs killed at the timeout print nothing).
    @discardableResult
    func expectSafeRotation(
        _ directives: String,
        planted: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> CommandResult {
        let before = OutsideSnapshot(of: self)
        let result = try await rotate(directives)
        #expect(!result.timedOut, "the run was killed at the timeout", sourceLocation: sourceLocation)
        #expect(OutsideSnapshot(of: self).changes(since: before) == [], sourceLocation: sourceLocation)
        #expect(victimCopies == [], "the victim was copied into logs/", sourceLocation: sourceLocation)
        #expect(!mailed.contains(secret), "the victim was mailed", sourceLocation: sourceLocation)
        // Warnings (say, about a process still writing a rotated log) may name a planted path and keep status 0.
        let complaints = result.standardError.split(separator: "\n").filter { !$0.hasPrefix("warning:") }
        #expect(
            result.status != 0 || !complaints.contains { line in planted.contains { line.contains($0) } },
            "a refusal that does not fail the run: \(result.standardError)",
            sourceLocation: sourceLocation
        )
        if result.status != 0 && !result.timedOut {
            // A refusal names the planted path, or a directory of `logs/` it lies in that was refused as a whole (an
            // olddir someone else could redirect).
            #expect(
                planted.flatMap(namedCandidates).contains { result.standardError.contains($0) },
                "the refusal does not name \(planted): \(result.standardError)",
                sourceLocation: sourceLocation
            )
        }
        return result
    }

    /// `path` and the directories below `logs/` that contain it.
    private func namedCandidates(_ path: String) -> [String] {
        var candidates = [path]
        var directory = (path as NSString).deletingLastPathComponent
        while directory.hasPrefix(logs + "/") {
            candidates.append(directory)
            directory = (directory as NSString).deletingLastPathComponent
        }
        return candidates
    }

    /// ``expectSafeRotation(_:planted:sourceLocation:)``, and the run must refuse: a non-zero status with `planted`
    /// named on standard error.
    func expectRefusal(
        _ directives: String,
        planted: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let result = try await expectSafeRotation(directives, planted: [planted], sourceLocation: sourceLocation)
        #expect(result.status != 0, "no refusal of \(planted)", sourceLocation: sourceLocation)
        #expect(result.standardError.contains(planted), "\(result.standardError)", sourceLocation: sourceLocation)
    }
}
