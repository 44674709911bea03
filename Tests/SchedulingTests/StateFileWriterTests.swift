import Foundation
import LogrotateConfig
import Platform
import PlatformTesting
import Testing

@testable import Scheduling

@Suite struct StateFileWriterTests {
    static let weirdPaths = [
        "/var/log/plain.log", "/tmp/exp/sp/we ird\"q.log", "/l/back\\slash", "/l/new\nline", "/l/ütf8 ✓.log",
        "/l/single'quote", "/l/tab\there", "/l/trailing\\", "/l/\\n-literal", "/l/\"", "relative.log",
    ]

    @Test func serialize_writesLogrotateVersionTwoBytes() {
        let state = StateFile(entries: [
            .init(
                path: "/var/log/syslog",
                lastRotated: LocalTime(year: 2026, month: 11, day: 29, minute: 44, second: 55)
            ),
            .init(path: "/tmp/exp/sp/we ird\"q.log", lastRotated: LocalTime(year: 2026, month: 11, day: 29)),
            .init(
                path: "/a\\b\nc",
                lastRotated: LocalTime(year: 2026, month: 1, day: 2, hour: 3, minute: 4, second: 5)
            ),
        ])
        let expected = """
            logrotate state -- version 2
            "/var/log/syslog" 2026-11-29-0:44:55
            "/tmp/exp/sp/we ird\\"q.log" 2026-11-29-0:0:0
            "/a\\\\b\\nc" 2026-1-2-3:4:5

            """
        #expect(StateFileWriter.text(state) == expected)
        #expect(StateFileWriter.serialize(StateFile()) == Array("logrotate state -- version 2\n".utf8))
    }

    @Test(arguments: weirdPaths)
    func roundTrip_weirdPath_isLossless(path: String) {
        let time = LocalTime(year: 2025, month: 2, day: 28, hour: 23, minute: 59, second: 58, weekday: 5)
        let state = StateFile(entries: [.init(path: path, lastRotated: time), .init(path: "/other", lastRotated: time)])
        let result = StateFileParser.parse(StateFileWriter.serialize(state), file: "S")
        #expect(result.diagnostics.isEmpty)
        #expect(result.state == state)
    }

    @Test func stateFile_keepsInsertionOrderAndReplacesInPlace() {
        var state = StateFile()
        state["/b"] = LocalTime(year: 2020, month: 1, day: 1)
        state["/a"] = LocalTime(year: 2020, month: 1, day: 2)
        state["/b"] = LocalTime(year: 2021, month: 1, day: 1)
        #expect(state.entries.map(\.path) == ["/b", "/a"])
        #expect(state["/b"]?.year == 2021)
        state["/b"] = nil
        state["/c"] = LocalTime(year: 2020, month: 1, day: 3)
        #expect(state.entries.map(\.path) == ["/a", "/c"])
        #expect(state["/c"]?.day == 3 && state["/b"] == nil)
    }

    @Test func lastRotated_firstSeen_createsEntryTruncatedToHour() {
        var state = StateFile()
        let now = LocalTime(year: 2026, month: 11, day: 29, hour: 2, minute: 35, second: 7)
        let (created, wasCreated) = state.lastRotated(for: "/l", creatingAt: now)
        #expect(wasCreated && created == LocalTime(year: 2026, month: 11, day: 29, hour: 2))
        let (again, createdAgain) = state.lastRotated(for: "/l", creatingAt: LocalTime(year: 2030, month: 1, day: 1))
        #expect(!createdAgain && again == created)
    }
}

extension ZonedTests {
    @Suite struct StateAgingTests {
        @Test func droppingStale_dropsOnlyUnusedEntriesOlderThanAYear() async {
            await withTimeZone("UTC") {
                let now = LocalTime(year: 2026, month: 11, day: 29, hour: 2, minute: 38).epochSeconds
                let limit = LocalTime(epochSeconds: now - StateFile.staleAge)
                let justOlder = LocalTime(epochSeconds: now - StateFile.staleAge - 1)
                let state = StateFile(entries: [
                    .init(path: "/limit", lastRotated: limit), .init(path: "/older", lastRotated: justOlder),
                    .init(path: "/usedOld", lastRotated: justOlder),
                    .init(path: "/recent", lastRotated: LocalTime(year: 2025, month: 11, day: 29)),
                ])
                let kept = state.droppingStale(now: now, used: ["/usedOld"]).entries.map(\.path)
                #expect(kept == ["/limit", "/usedOld", "/recent"])
            }
        }
    }
}
