import Platform
import Testing

@testable import Scheduling

/// Editing entries into a state file's bytes gives what rendering the whole state gives.
@Suite struct StateFileEditingTests {
    private func time(_ day: Int, hour: Int = 0) -> LocalTime {
        LocalTime(year: 2026, month: 11, day: day, hour: hour)
    }

    private func state(_ paths: [String]) -> StateFile {
        StateFile(entries: paths.enumerated().map { .init(path: $1, lastRotated: time(1 + $0 % 28)) })
    }

    /// Edits `changes` into the serialized `initial` and checks the result against serializing `initial` changed.
    private func expectEditMatchesSerializing(_ initial: StateFile, _ changes: [StateFile.Entry]) {
        var expected = initial
        for change in changes { expected[change.path] = change.lastRotated }
        let edit = StateFileWriter.setting(changes, in: StateFileWriter.serialize(initial))
        #expect(edit?.contents == StateFileWriter.serialize(expected))
        #expect(edit?.changed == (expected != initial))
    }

    @Test func setting_existingPath_replacesItsLineInPlace() {
        let initial = state(["/l/a.log", "/l/b.log", "/l/c.log"])
        expectEditMatchesSerializing(initial, [.init(path: "/l/b.log", lastRotated: time(29, hour: 13))])
    }

    @Test func setting_newPaths_appendsThemInOrder() {
        let initial = state(["/l/a.log"])
        let changes: [StateFile.Entry] = [
            .init(path: "/l/z.log", lastRotated: time(3)), .init(path: "/l/y", lastRotated: time(4)),
        ]
        expectEditMatchesSerializing(initial, changes)
        expectEditMatchesSerializing(StateFile(), changes)
    }

    @Test func setting_theRecordedTime_changesNothing() {
        let initial = state(["/l/a.log", "/l/b.log"])
        let edit = StateFileWriter.setting(
            [.init(path: "/l/b.log", lastRotated: time(2))],
            in: StateFileWriter.serialize(initial)
        )
        #expect(edit == StateFileWriter.Edit(contents: StateFileWriter.serialize(initial), changed: false))
    }

    @Test func setting_pathsThatArePrefixesOfOthers_editsOnlyTheirOwnLine() {
        let initial = state(["/l/a.log.1", "/l/a.log 2", "/l/a.log\"", "x/l/a.log", "/l/a.log", "/l/a"])
        for path in ["/l/a.log", "/l/a", "/l/a.log.1", "/l/a.lo"] {
            expectEditMatchesSerializing(initial, [.init(path: path, lastRotated: time(20, hour: 5))])
        }
    }

    @Test func setting_samePathTwice_keepsTheLastTime() {
        let initial = state(["/l/a.log"])
        let changes: [StateFile.Entry] = [
            .init(path: "/l/n.log", lastRotated: time(5)), .init(path: "/l/n.log", lastRotated: time(6)),
            .init(path: "/l/a.log", lastRotated: time(7)), .init(path: "/l/a.log", lastRotated: time(8)),
        ]
        expectEditMatchesSerializing(initial, changes)
    }

    @Test(arguments: StateFileWriterTests.weirdPaths)
    func setting_quotedPaths_matchesSerializing(path: String) {
        let initial = state(StateFileWriterTests.weirdPaths)
        expectEditMatchesSerializing(initial, [.init(path: path, lastRotated: time(27, hour: 23))])
        expectEditMatchesSerializing(state(["/l/a.log"]), [.init(path: path, lastRotated: time(27))])
    }

    @Test func setting_manyEntries_matchesSerializing() {
        let initial = state((0..<50).map { "/l/app-\($0).log" })
        var changes: [StateFile.Entry] = []
        for index in stride(from: 0, to: 70, by: 3) {
            changes.append(.init(path: "/l/app-\(index).log", lastRotated: time(1 + index % 28, hour: 7)))
        }
        changes.append(.init(path: "/l/app-3.log", lastRotated: time(2, hour: 9)))
        changes.append(.init(path: "/l/app-69.log", lastRotated: time(3, hour: 9)))
        expectEditMatchesSerializing(initial, changes)
        expectEditMatchesSerializing(initial, initial.entries)
        expectEditMatchesSerializing(
            state(StateFileWriterTests.weirdPaths),
            state(StateFileWriterTests.weirdPaths.reversed()).entries
        )
    }

    @Test func setting_otherThanTheVersionTwoForm_isNil() {
        let entry = StateFile.Entry(path: "/l/a.log", lastRotated: time(3))
        #expect(StateFileWriter.setting([entry], in: []) == nil)
        #expect(StateFileWriter.setting([entry], in: Array("logrotate state -- version 1\n".utf8)) == nil)
    }
}
