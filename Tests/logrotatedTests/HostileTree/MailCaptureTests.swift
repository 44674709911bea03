import Foundation
import Testing

extension HostileTree {
    /// The fixture's mail script captures what a rotation mails, so that "the victim was not mailed" means something.
    @Suite struct MailCapture {
        @Test func mail_whenNothingIsPlanted_mailsTheDisposedGeneration() async throws {
            let fixture = try await HostileFixture()
            let result = try await fixture.rotate("rotate 3\nmail admin@example.org")
            #expect(result.status == 0, "\(result.standardError)")
            #expect(fixture.mailed == "app.log.3\n")
        }
    }
}
