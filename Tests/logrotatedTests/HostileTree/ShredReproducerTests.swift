import Foundation
import Testing

extension HostileTree {
    /// The reproducer: `shred` disposing of a generation that is a symlink overwrote the link's target.
    @Suite struct ShredReproducer {
        @Test func shred_whenDisposedGenerationIsSymlinkToVictim_leavesVictimAndNamesPath() async throws {
            let fixture = try await HostileFixture()
            try await fixture.plant("ln -s \"$V\" app.log.4")
            try await fixture.expectRefusal("  rotate 3\n  shred", planted: fixture.log + ".4")
        }
    }
}
