import Foundation
import Testing

extension HostileTree {
    /// Every block variant, with a symlink, a FIFO or a directory planted at each name its rotation touches.
    @Suite struct PlantedNames {
        @Test(arguments: PlantedName.all)
        func rotate_whenTouchedNameIsPlanted_keepsOutsideAndNamesIt(_ planted: PlantedName) async throws {
            let fixture = try await HostileFixture(generations: planted.variant.generations)
            // The plant is old (the link itself, not its target), so maxage removes it whichever of the two it reads.
            try await fixture.plant(
                "\(planted.variant.setup)\n\(planted.kind.script(for: planted.name))\n"
                    + "touch -h -d 2000-01-01 '\(planted.name)'"
            )
            let directives = planted.variant.directives.replacing("{run}", with: fixture.run)
            try await fixture.expectSafeRotation(
                directives,
                planted: planted.namesBeforeAndAfterShift.map { fixture.logs + "/" + $0 }
            )
        }
    }
}
