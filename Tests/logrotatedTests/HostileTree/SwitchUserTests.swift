import Foundation
import Testing

extension HostileTree {
    /// `su lrhostile lrhostile`: every file operation of the rotation runs with the owner's rights, so what the owner
    /// cannot reach (the 0700 root directory, the root-owned victim) stays out of reach whatever was planted.
    @Suite struct SwitchUser {
        private let su = "su \(HostileUser.name) \(HostileUser.name)\n"

        /// logrotate 3.21 fails with "Permission denied".
        @Test func su_whenOlddirIsSymlinkToRootOnlyDirectory_createsNothingThereAndRefuses() async throws {
            let fixture = try await HostileFixture()
            try await fixture.plant("ln -s \"$R\" old")
            try await fixture.expectRefusal(su + "rotate 3\nolddir old", planted: fixture.logs + "/old")
        }

        @Test func su_whenDisposedGenerationIsSymlinkToVictim_leavesVictim() async throws {
            let fixture = try await HostileFixture()
            try await fixture.plant("ln -s \"$V\" app.log.4")
            try await fixture.expectSafeRotation(su + "rotate 3\nshred", planted: [fixture.log + ".4"])
        }

        @Test func su_whenParentOfCreatedOlddirIsSymlinkToRootOnlyDirectory_createsNothingThereAndRefuses()
            async throws
        {
            let fixture = try await HostileFixture()
            try await fixture.plant("ln -s \"$R\" parent")
            try await fixture.expectRefusal(
                su + "rotate 3\nolddir parent/old\ncreateolddir 0755",
                planted: fixture.logs + "/parent"
            )
        }

        @Test func su_whenOwnerCannotWriteTheLogDirectory_refusesAndNamesIt() async throws {
            let fixture = try await HostileFixture()
            chown(fixture.logs, 0, 0)
            try await fixture.expectRefusal(su + "rotate 3", planted: fixture.logs)
        }
    }
}
