import LogrotateConfig
import Platform
import Rotation
import SystemPackage
import Testing

@Suite struct ArchiveNamingTests {
    @Test func numbered_withOlddirAndCompression_namesArchiveInOlddir() {
        var settings = LogSettings()
        settings.oldDir = "old"
        settings.compress = true
        let naming = ArchiveNaming(log: "/x/a.log", settings: settings)
        #expect(naming.numbered(2, compressed: true) == "/x/old/a.log.2.gz")
        #expect(naming.numbered(1, compressed: false) == "/x/old/a.log.1")
    }
}
