import Daemon
import LogrotateConfig
import Scheduling
import Testing

@Suite struct LogOutlookTests {
    @Test func watchLimit_largestMaxsize_staysTheLargestSize() {
        var settings = LogSettings()
        settings.criterion = .time(.daily)
        settings.maxSize = .max
        #expect(SizeRules.watchLimit(settings) == .max)
    }
}
