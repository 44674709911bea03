import Daemon
import Foundation
import Platform
import SystemPackage
import Testing

/// `logrotated status` totals each log's archives from one listing of their directory shared by all its logs.
@Suite struct StatusArchivesTests {
    @Test(arguments: ["", "dateext\n"])
    func status_manyLogsInOneDirectory_eachTotalsItsOwnArchives(naming: String) throws {
        let directory = try TempDirectory()
        defer { directory.remove() }
        let logs = (0..<60).map { "app-\($0).log" } + ["app-1.log.2.log"]
        for (index, log) in logs.enumerated() {
            try directory.write(log, bytes: 1)
            let first = naming.isEmpty ? ".1" : "-20261126"
            let second = naming.isEmpty ? ".2.gz" : "-20261127.gz"
            try directory.write(log + first, bytes: index + 1)
            try directory.write(log + second, bytes: 100)
        }
        let config = "\(directory.path("*.log")) {\n rotate 5\n compress\n \(naming) maxtotalsize 1M\n}\n"
        try config.write(toFile: directory.path("conf").string, atomically: true, encoding: .utf8)
        let report = StatusReport.read(
            configPaths: [directory.path("conf").string],
            statePath: directory.path("status"),
            now: 1_796_218_801
        )
        #expect(report.logs.count == logs.count)
        for (index, log) in logs.enumerated() {
            let outlook = report.logs.first { $0.path == directory.path(log).string }
            #expect(outlook?.archives?.count == 2, "\(log)")
            #expect(outlook?.archives?.bytes == UInt64(index + 101), "\(log)")
        }
    }
}
