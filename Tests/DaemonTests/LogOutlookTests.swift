import Daemon
import LogrotateConfig
import Testing

@Suite struct LogOutlookTests {
    @Test func watchLimit_largestMaxsize_staysTheLargestSize() {
        var settings = LogSettings()
        settings.criterion = .time(.daily)
        settings.maxSize = .max
        #expect(LogOutlook.watchLimit(settings) == .max)
    }
}
