import Foundation
import LogrotateConfig
import Platform
import PlatformTesting
import Testing

@testable import Scheduling

extension ZonedTests {
    @Suite(.enabled(if: logrotatePath != nil, "logrotate is not installed"))
    struct LogrotateStateFileTests {
        static let names = ["plain.log", "sp ace.log", "q\"uote.log", "back\\slash.log", "new\nline.log", "ütf8.log"]

        /// Real logrotate writes a state file; we read it without diagnostics and write the same lines.
        @Test func stateWrittenByLogrotate_parsesAndReserializesIdentically() async throws {
            try await withTimeZone("UTC") {
                let directory = try makeScratchDirectory()
                defer { try? FileManager.default.removeItem(at: directory) }
                for name in Self.names {
                    try Data("x\n".utf8).write(to: directory.appendingPathComponent(name))
                }
                let now = LocalTime(epochSeconds: Int64(Date().timeIntervalSince1970) - 10 * 86_400)
                let foreign = [
                    "\"\(directory.path)/gone \\\"old\\\\\" \(now.year)-\(now.month)-\(now.day)-\(now.hour):7:9",
                    "'\(directory.path)/v1 style' \(now.year)-\(now.month)-0",
                ]
                let statePath = directory.path + "/state"
                let initial = "logrotate state -- version 2\n" + foreign.joined(separator: "\n") + "\n"
                try initial.write(toFile: statePath, atomically: true, encoding: .utf8)
                try "\(directory.path)/*.log {\ndaily\nrotate 1\n}\n".write(
                    toFile: directory.path + "/cfg",
                    atomically: true,
                    encoding: .utf8
                )
                let (output, status) = try runProgram(
                    logrotatePath!,
                    ["-s", statePath, directory.path + "/cfg"],
                    environment: ["TZ": "UTC"]
                )
                #expect(status == 0, "\(output)")
                let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: statePath)))
                let parsed = StateFileParser.parse(written, file: statePath)
                #expect(parsed.diagnostics == [])
                let paths = Set(parsed.state.entries.map(\.path))
                #expect(paths.isSuperset(of: Self.names.map { directory.path + "/" + $0 }))
                #expect(paths.contains(directory.path + "/gone \"old\\"))
                #expect(paths.contains(directory.path + "/v1 style"))
                #expect(lines(StateFileWriter.serialize(parsed.state)) == lines(written))
            }
        }

        /// Lines of a state file as a header plus an order-independent set (logrotate writes in hash order).
        private func lines(_ bytes: [UInt8]) -> [String] {
            let all = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
            return Array(all.prefix(1)) + all.dropFirst().sorted()
        }
    }
}
