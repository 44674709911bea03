import Daemon
import Foundation
import Platform
import SystemPackage
import Testing

/// The jobs of one wave share their directory's listing, and still rotate every log as `rotate` would, including a
/// log another job rotated after the listing was read.
@Suite struct WaveListingsTests {
    static let logCount = 300
    static let config = "@DIR@/*.log {\n daily\n maxsize 10\n rotate 3\n create\n}\n"

    /// `l-000.log` … with generations `.1` (`one`) and `.2` (`two`), each last rotated the day before.
    static func tree() -> (files: [String: String], state: [String: String]) {
        var files: [String: String] = [:]
        var state: [String: String] = [:]
        for index in 0..<logCount {
            let name = "l-\(String(format: "%03d", index)).log"
            files[name] = "x\n"
            files[name + ".1"] = "one\n"
            files[name + ".2"] = "two\n"
            state[name] = "2026-11-28 05:00"
        }
        return (files, state)
    }

    @Test func wave_ofSeveralJobs_rotatesEveryLogOnce_evenOneAnotherJobRotatedMeanwhile() async throws {
        let (files, state) = Self.tree()
        try await withFixtureInUTC(config: Self.config, state: state, files: files) { fixture throws in
            let now = Timestamp(seconds: epoch("2026-11-29 10:00"))
            let configuration = try await fixture.configuration(at: now)
            let wave = await fixture.driver.dueJobs(at: now, in: configuration, touched: nil)
            #expect(wave.count > 1)
            await fixture.driver.rotate(wave[0], at: now, in: configuration)

            // A size event rotates a log of the last job before that job runs, then the log passes maxsize again.
            let late = try #require(wave.last?.logs.last)
            let lateName = try #require(late.lastComponent?.string)
            for job in await fixture.driver.dueJobs(at: now, in: configuration, touched: [late]) {
                await fixture.driver.rotate(job, at: now, in: configuration)
            }
            try "grown past maxsize\n".write(toFile: late.string, atomically: false, encoding: .utf8)
            for job in wave.dropFirst() { await fixture.driver.rotate(job, at: now, in: configuration) }

            let names = Set(fixture.names)
            var unlike: [String] = []
            for index in 0..<Self.logCount {
                let name = "l-\(String(format: "%03d", index)).log"
                let generations = [name, name + ".1", name + ".2", name + ".3"]
                if !names.isSuperset(of: generations) || names.contains(name + ".4") { unlike.append(name) }
                if name != lateName, try contents(fixture, name + ".3") != "two\n" { unlike.append(name) }
            }
            #expect(unlike.isEmpty, "logs not rotated once into .1, .2, .3")
            #expect(try contents(fixture, lateName + ".1") == "grown past maxsize\n")
            #expect(try contents(fixture, lateName + ".2") == "x\n")
            #expect(try contents(fixture, lateName + ".3") == "one\n")
            #expect(names.filter { $0.contains("backup") }.isEmpty)
            #expect(names.count == Self.logCount * 4 + 1)
        }
    }

    private func contents(_ fixture: DriverFixture, _ name: String) throws -> String {
        try String(contentsOfFile: fixture.path(name), encoding: .utf8)
    }
}
