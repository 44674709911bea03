import Foundation
import Testing

extension HostileTree {
    /// FIFOs that a process of the owner keeps writing into without end: reading one never reaches end of file, so
    /// nothing may read one (copy, compress or mail it). FIFOs without a writer are planted at every touched name by
    /// ``PlantedNames``.
    @Suite struct FifoWriter {
        @Test(arguments: [
            "rotate 3\ncopytruncate", "rotate 3\ncopy", "rotate 3\ncompress",
            "rotate 3\nmailfirst\nmail admin@example.org",
        ])
        func rotate_whenLogIsFifoWithEndlessWriter_endsWithoutReadingIt(_ directives: String) async throws {
            let fixture = try await HostileFixture()
            try await fixture.plant("rm app.log; mkfifo app.log")
            let writer = try OwnerProcess(fixture, seconds: 40, "exec yes hostile > app.log")
            defer { writer.stop() }
            try await fixture.expectSafeRotation(directives, planted: [fixture.log, fixture.log + ".1"])
            expectNothingLarge(in: fixture)
        }

        @Test func delaycompress_whenGenerationIsFifoWithEndlessWriter_endsWithoutReadingIt() async throws {
            let fixture = try await HostileFixture()
            try await fixture.plant("rm app.log.1; mkfifo app.log.1")
            let writer = try OwnerProcess(fixture, seconds: 40, "exec yes hostile > app.log.1")
            defer { writer.stop() }
            try await fixture.expectSafeRotation(
                "rotate 3\ncompress\ndelaycompress",
                planted: [fixture.log + ".1", fixture.log + ".2"]
            )
            expectNothingLarge(in: fixture)
        }

        /// No file in `logs/` and no mail reached 1 MB (the mail script stops reading there): the writer's endless
        /// stream was not read.
        private func expectNothingLarge(in fixture: HostileFixture, sourceLocation: SourceLocation = #_sourceLocation) {
            let fm = FileManager.default
            let sizes = ((try? fm.contentsOfDirectory(atPath: fixture.logs)) ?? []).map { name in
                (name, (try? fm.attributesOfItem(atPath: fixture.logs + "/" + name)[.size] as? Int) ?? 0)
            }
            #expect(sizes.filter { $0.1 >= 1_000_000 }.map(\.0) == [], sourceLocation: sourceLocation)
            #expect(fixture.mailed.utf8.count < 1_000_000, "the FIFO was mailed", sourceLocation: sourceLocation)
        }
    }
}
