import Foundation
import Testing

extension HostileTree {
    /// The owner keeps swapping names between a plain file or directory and a symlink out of `logs/` while forced
    /// rotations run: whatever name a rotation checked can be swapped before it is used. The planting loop stops by
    /// itself after 200 rounds (or 20 s); the rotations stop with it, or after 10 runs.
    @Suite struct Race {
        @Test func rotate_whileOwnerSwapsGenerationsWithSymlinksToVictim_changesNothingOutside() async throws {
            let fixture = try await HostileFixture(generations: ["app.log.1", "app.log.2.gz", "app.log.3.gz"])
            let names = ["app.log.1", "app.log.3.gz", "app.log.4.gz"]
            let swaps = names.map { "ln -s \"$V\" .link && mv -T .link \($0); echo racer > .file && mv -T .file \($0)" }
            let racer = try OwnerProcess(fixture, seconds: 20, loop(swaps.joined(separator: "\n")))
            defer { racer.stop() }
            // A refusal may name a swapped name before or after the shift of generations.
            let planted = (names + ["app.log.2"]).map { fixture.logs + "/" + $0 }
            try await rotate(
                fixture,
                "rotate 3\ncreate\ncompress\ndelaycompress\nshred",
                planted: planted,
                while: racer
            )
        }

        @Test func rotate_whileOwnerSwapsOlddirWithSymlinkToRootOnly_changesNothingOutside() async throws {
            let fixture = try await HostileFixture()
            try await fixture.plant("mkdir old")
            let swap = """
                mv -T old .real && ln -s "$R" old
                ln -s "$V" .real/app.log.4 2>/dev/null
                rm -f old && mv -T .real old
                """
            let racer = try OwnerProcess(fixture, seconds: 20, loop(swap))
            defer { racer.stop() }
            try await rotate(
                fixture,
                "rotate 3\nolddir old\ncreate\nshred",
                planted: [fixture.logs + "/old"],
                while: racer
            )
        }

        /// `body` 200 times.
        private func loop(_ body: String) -> String {
            "i=0; while [ $i -lt 200 ]; do\n\(body)\ni=$((i + 1)); done"
        }

        /// Forced rotations, each checked, while `racer` runs (at least one, at most 10).
        private func rotate(
            _ fixture: HostileFixture,
            _ directives: String,
            planted: [String],
            while racer: OwnerProcess
        ) async throws {
            for _ in 0..<10 {
                try await fixture.expectSafeRotation(directives, planted: planted)
                if !racer.isRunning { break }
            }
        }
    }
}
