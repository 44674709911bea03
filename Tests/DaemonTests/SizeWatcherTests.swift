import Daemon
import Foundation
import Platform
import SystemPackage
import Testing

@Suite struct SizeWatcherTests {
    private func started(_ watches: [SizeWatch]) throws -> (SizeWatcher, EventRecorder<SizeEvent>) {
        let watcher = try SizeWatcher(coalescing: .milliseconds(100))
        let recorder = EventRecorder(watcher.events)
        watcher.watch(watches)
        return (watcher, recorder)
    }

    @Test func appendPastLimit_reportsTheFile() async throws {
        let directory = try TempDirectory()
        defer { directory.remove() }
        try directory.write("a.log", bytes: 10)
        let (watcher, recorder) = try started([SizeWatch(path: directory.path("a.log"), limit: 100)])
        defer { watcher.stop() }
        try directory.append("a.log", bytes: 50)
        try directory.append("a.log", bytes: 50)
        let path = directory.path("a.log")
        #expect(await recorder.wait { $0.contains { $0.path == path && $0.size >= 100 } })
    }

    @Test func fileAlreadyPastLimit_isReportedWhenWatched() async throws {
        let directory = try TempDirectory()
        defer { directory.remove() }
        try directory.write("big.log", bytes: 500)
        let (watcher, recorder) = try started([SizeWatch(path: directory.path("big.log"), limit: 100)])
        defer { watcher.stop() }
        #expect(await recorder.wait { $0 == [SizeEvent(path: directory.path("big.log"), size: 500, limit: 100)] })
    }

    @Test func nameAppearingInAPatternDirectory_isReportedAsNewWhenItMatches_butAWatchedFileIsNot() async throws {
        let directory = try TempDirectory()
        defer { directory.remove() }
        try directory.write("known.log", bytes: 200)
        let watcher = try SizeWatcher(coalescing: .milliseconds(100))
        defer { watcher.stop() }
        let sizes = EventRecorder(watcher.events)
        let names = EventRecorder(watcher.newNames)
        watcher.watch(
            [SizeWatch(path: directory.path("known.log"), limit: 100)],
            directories: [FilePath(directory.url.path): ["*.log"]]
        )
        // The known file's event tells that the watcher thread took the request (its directory is watched now).
        #expect(await sizes.wait { !$0.isEmpty })
        try FileManager.default.removeItem(atPath: directory.path("known.log").string)
        try directory.write("known.log", bytes: 1)
        try directory.write("fresh.log.1", bytes: 1)
        try directory.write("fresh.log", bytes: 1)
        #expect(await names.wait { $0.contains(directory.path("fresh.log")) })
        #expect(await !names.events.contains(directory.path("known.log")))
        #expect(await !names.events.contains(directory.path("fresh.log.1")))
    }

    /// A new log joining the watches (a file under a glob) is checked; the others keep their watches and state, so a
    /// file already reported is not reported again.
    @Test func watchingOneMoreFile_checksOnlyIt() async throws {
        let directory = try TempDirectory()
        defer { directory.remove() }
        try directory.write("a.log", bytes: 500)
        try directory.write("b.log", bytes: 500)
        let first = SizeWatch(path: directory.path("a.log"), limit: 100)
        let (watcher, recorder) = try started([first])
        defer { watcher.stop() }
        #expect(await recorder.wait { $0.map(\.path) == [directory.path("a.log")] })
        watcher.watch([first, SizeWatch(path: directory.path("b.log"), limit: 100)])
        await watcher.settled()
        #expect(await recorder.wait { $0.contains { $0.path == directory.path("b.log") } })
        #expect(await recorder.events.filter { $0.path == directory.path("a.log") }.count == 1)
    }

    @Test func missingFile_isFollowedOnceCreated() async throws {
        let directory = try TempDirectory()
        defer { directory.remove() }
        let (watcher, recorder) = try started([SizeWatch(path: directory.path("later.log"), limit: 100)])
        defer { watcher.stop() }
        try directory.write("later.log", bytes: 0)
        try directory.append("later.log", bytes: 150)
        let path = directory.path("later.log")
        #expect(await recorder.wait { $0.contains { $0.path == path } })
    }

    @Test func missingFileNamedNotUTF8_isFollowedOnceCreated() async throws {
        let directory = try TempDirectory()
        defer { directory.remove() }
        let path = FilePath(bytes: directory.path("caf").bytes + [0xE9] + Array(".log".utf8))
        let (watcher, recorder) = try started([SizeWatch(path: path, limit: 100)])
        defer { watcher.stop() }
        let content = [UInt8](repeating: 0x61, count: 150)
        try PosixFileSystem().writeFileAtomically(path, contents: content, permissions: 0o644)
        #expect(await recorder.wait { $0.contains { $0.path == path } })
    }

    @Test func fileReplacedByRotation_isRewatchedOnItsNewInode() async throws {
        let directory = try TempDirectory()
        defer { directory.remove() }
        try directory.write("a.log", bytes: 200)
        let (watcher, recorder) = try started([SizeWatch(path: directory.path("a.log"), limit: 100)])
        defer { watcher.stop() }
        #expect(await recorder.wait { $0.count == 1 })
        try directory.rename("a.log", to: "a.log.1")
        try directory.write("a.log", bytes: 0)
        try directory.append("a.log.1", bytes: 100)
        try directory.append("a.log", bytes: 120)
        let path = directory.path("a.log")
        #expect(await recorder.wait { $0.count == 2 })
        #expect(await recorder.events.last == SizeEvent(path: path, size: 120, limit: 100))
    }

    @Test func writesBelowLimit_reportNothingBeforeALaterCrossing() async throws {
        let directory = try TempDirectory()
        defer { directory.remove() }
        try directory.write("small.log", bytes: 0)
        try directory.write("sentinel.log", bytes: 0)
        let (watcher, recorder) = try started([
            SizeWatch(path: directory.path("small.log"), limit: 1000),
            SizeWatch(path: directory.path("sentinel.log"), limit: 10),
        ])
        defer { watcher.stop() }
        for _ in 0..<20 { try directory.append("small.log", bytes: 10) }
        try directory.append("sentinel.log", bytes: 20)
        let sentinel = directory.path("sentinel.log")
        #expect(await recorder.wait { $0.contains { $0.path == sentinel } })
        #expect(await recorder.events.map(\.path) == [sentinel])
    }

    @Test func stop_finishesTheStream() async throws {
        let watcher = try SizeWatcher()
        watcher.stop()
        // Bounded: a stream that never finished would fail here after the timeout instead of hanging the suite.
        let finished = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await _ in watcher.events {}
                return true
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(30))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        #expect(finished, "the event stream did not finish after stop()")
    }
}
