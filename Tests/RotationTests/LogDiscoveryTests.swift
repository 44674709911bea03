import LogrotateConfig
import Platform
import PlatformTesting
import Rotation
import SystemPackage
import Testing

/// Log patterns expand through the file system, so in-memory trees cover them.
@Suite struct LogDiscoveryTests {
    private let quiet = RunReporter(forwardingTo: { _, _ in })

    @Test func globPattern_expandsOverTheFileSystem_sortedAndWithoutOldVersionsOrDirectories() throws {
        let fileSystem = try memoryFileSystem(["b.log": "", "a.log": "", "a.log.1": "", ".hidden.log": ""])
        try fileSystem.createDirectory("/x/dir.log", permissions: 0o755, owner: nil, group: nil)
        var discovery = LogDiscovery()
        let logs = discovery.logs(of: makeBlock(["/x/*.log"]), fileSystem: fileSystem, reporter: quiet)
        #expect(logs == ["/x/a.log", "/x/b.log"])
    }

    @Test func patternMatchingNothing_isKeptAsWritten_asGlobNoCheckDoes() throws {
        let fileSystem = try memoryFileSystem(["a.log": ""])
        var discovery = LogDiscovery()
        let logs = discovery.logs(of: makeBlock(["/x/*.txt"]), fileSystem: fileSystem, reporter: quiet)
        #expect(logs == ["/x/*.txt"])
    }

    @Test func aPathClaimedByAnEarlierBlock_isADuplicateForTheNextOne() throws {
        let fileSystem = try memoryFileSystem(["a.log": ""])
        var discovery = LogDiscovery()
        #expect(discovery.logs(of: makeBlock(["/x/*.log"]), fileSystem: fileSystem, reporter: quiet) == ["/x/a.log"])
        #expect(discovery.logs(of: makeBlock(["/x/a.log"]), fileSystem: fileSystem, reporter: quiet).isEmpty)
    }
}
