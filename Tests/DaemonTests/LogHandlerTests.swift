import Daemon
import Foundation
import Logging
import PlatformTesting
import Synchronization
import SystemPackage
import Testing

@Suite struct LogHandlerTests {
    @Test func journalFields_carryMessagePriorityIdentifierAndMetadata() {
        let event = LogEvent(
            level: .warning,
            message: "rotated",
            metadata: ["log.path": "/var/log/a.log", "action": "compress"],
            source: "Daemon",
            file: "F.swift",
            function: "f()",
            line: 7
        )
        let fields = JournalFields.assignments(
            of: event,
            handlerMetadata: ["action": "old", "pid": "1"],
            identifier: "x"
        )
        #expect(fields.contains("MESSAGE=rotated"))
        #expect(fields.contains("PRIORITY=4"))
        #expect(fields.contains("SYSLOG_IDENTIFIER=x"))
        #expect(fields.contains("LOG_PATH=/var/log/a.log"))
        #expect(fields.contains("ACTION=compress"))
        #expect(fields.contains("PID=1"))
    }

    @Test(arguments: [("log.path", "LOG_PATH"), ("_secret", "SECRET"), ("9lives", "LIVES"), ("é", "METADATA")])
    func fieldName_isJournaldSafe(key: String, expected: String) {
        #expect(JournalFields.fieldName(key) == expected)
    }

    @Test func textHandler_writesItsStyleWithHandlerAndEventMetadata() {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "t") { _ in
            TextLogHandler(style: .console, clock: { 1_796_218_801 }) { line in lines.withLock { $0.append(line) } }
        }
        logger[metadataKey: "log.path"] = "/var/log/a.log"
        logger.error("rename failed", metadata: ["action": "rename"])
        logger.debug("not shown")
        #expect(
            lines.withLock { $0 } == [
                "2026-12-02T13:40:01Z error rename failed action=rename log.path=/var/log/a.log\n"
            ]
        )
    }

    @Test func journalAvailable_requiresASocket() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let plain = directory.appendingPathComponent("socket")
        _ = FileManager.default.createFile(atPath: plain.path, contents: Data())
        #expect(!DaemonLogging.journalAvailable(at: .init(plain.path)))
        #expect(!DaemonLogging.journalAvailable(at: .init(directory.appendingPathComponent("missing").path)))
        let listener = try NotifySocketListener()
        #expect(DaemonLogging.journalAvailable(at: .init(listener.path)))
    }
}
