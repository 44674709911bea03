import Foundation
import Testing

extension HostileTree {
    /// The `olddir` itself planted by the owner of `logs/`: a symlink out of it, a FIFO, a directory.
    @Suite struct Olddir {
        @Test(arguments: PlantKind.allCases)
        func olddir_whenPlanted_putsNothingOutsideAndNamesItWhenRefusing(_ kind: PlantKind) async throws {
            let fixture = try await HostileFixture()
            try await fixture.plant(kind.script(for: "old"))
            try await fixture.expectSafeRotation("rotate 3\nolddir old", planted: [fixture.logs + "/old"])
        }

        @Test func createolddir_whenParentOfOlddirIsSymlinkToRootOnly_createsNothingThere() async throws {
            let fixture = try await HostileFixture()
            try await fixture.plant("ln -s \"$R\" parent")
            try await fixture.expectSafeRotation(
                "rotate 3\nolddir parent/old\ncreateolddir 0755 root root",
                planted: [fixture.logs + "/parent"]
            )
        }
    }
}
