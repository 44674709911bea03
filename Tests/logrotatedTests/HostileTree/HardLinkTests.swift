import Foundation
import Testing

extension HostileTree {
    /// Hard links to the victim in `logs/`: the same file under a name the owner controls, so following no symlink
    /// still reaches it. With `fs.protected_hardlinks=1` the kernel refuses the owner such a link; the test then makes
    /// it as root, as the owner could on a kernel with `fs.protected_hardlinks=0` (the kernel's own default).
    @Suite struct HardLinks {
        @Test func shred_whenDisposedGenerationIsHardLinkToVictim_leavesVictim() async throws {
            let fixture = try await HostileFixture()
            try await plantHardLinkToVictim(at: "app.log.4", in: fixture)
            try await fixture.expectSafeRotation("rotate 3\nshred", planted: [fixture.log + ".4"])
        }

        @Test func copytruncate_whenLogIsHardLinkToVictim_leavesVictim() async throws {
            let fixture = try await HostileFixture()
            try await plantHardLinkToVictim(at: "app.log", in: fixture)
            try await fixture.expectSafeRotation("rotate 3\ncopytruncate", planted: [fixture.log])
        }

        private func plantHardLinkToVictim(at name: String, in fixture: HostileFixture) async throws {
            let path = fixture.logs + "/" + name
            unlink(path)
            let byOwner = try await fixture.user.shell(
                "ln \"$V\" '\(name)'",
                in: fixture.logs,
                environment: ["V": fixture.victim]
            )
            if byOwner.status != 0 {
                #expect(link(fixture.victim, path) == 0, "link \(path): errno \(errno)")
            }
        }
    }
}
