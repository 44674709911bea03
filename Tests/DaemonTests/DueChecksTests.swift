import SystemPackage
import Testing

@testable import Daemon

@Suite struct DueChecksTests {
    @Test func sizeEventsDuringAFullCheck_areCheckedAfterIt_notDroppedIntoIt() {
        var checks = DueChecks()
        #expect(checks.request(.all) == .all)
        #expect(checks.request(.files(["/l/a.log"])) == nil)
        #expect(checks.request(.files(["/l/b.log"])) == nil)
        #expect(checks.request(.all) == nil)
        #expect(checks.fullCheckOutstanding)
        #expect(checks.finish() == .all)
        #expect(checks.finish() == .files(["/l/a.log", "/l/b.log"]))
        #expect(checks.finish() == nil)
        #expect(!checks.running)
    }
}
