import Foundation

/// What one program left behind: exit status, files (decompressed), state entries.
struct RunOutcome: Equatable, CustomStringConvertible {
    var status: Int32
    /// Relative path → "mode content" (compressed files are shown decompressed, prefixed with their format).
    var tree: [String: String]
    /// Log path → last rotation truncated to the hour (`Y-M-D-H`).
    var state: [String: String]

    var description: String {
        let files = tree.keys.sorted().map { "  \($0): \(tree[$0]!.debugDescription)" }.joined(separator: "\n")
        let entries = state.keys.sorted().map { "  \($0) \(state[$0]!)" }.joined(separator: "\n")
        return "status \(status)\nfiles:\n\(files)\nstate:\n\(entries)"
    }
}

/// Prepares two identical trees, runs logrotate on one and logrotated on the other, and compares what they left.
struct DifferentialHarness {
    let root: URL
    let now = Date()

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lr-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// Runs both programs on `testCase` and returns (reference, ours) plus both stderr texts.
    func run(_ testCase: DifferentialCase, logrotate: URL) throws -> (RunOutcome, RunOutcome, String, String) {
        let reference = root.appendingPathComponent("ref")
        let ours = root.appendingPathComponent("our")
        try prepare(testCase, in: reference)
        try prepare(testCase, in: ours)
        waitPastAnImminentHour()
        let referenceResult = try CommandRunner.run(logrotate, arguments(testCase, reference), in: root)
        let ourResult = try CommandRunner.run(
            CommandRunner.logrotated,
            ["rotate"] + arguments(testCase, ours),
            in: root
        )
        return (
            try outcome(of: referenceResult, in: reference),
            try outcome(of: ourResult, in: ours),
            referenceResult.standardError,
            ourResult.standardError
        )
    }

    /// Sleeps past the next quarter hour when it is less than 5 s away, so that both programs see the same hour
    /// (state entries and `-%Y%m%d%H` names); every zone's hours start on quarter hours of Unix time.
    private func waitPastAnImminentHour() {
        let seconds = Date().timeIntervalSince1970
        let untilQuarter = 900 - seconds.truncatingRemainder(dividingBy: 900)
        if untilQuarter < 5 { usleep(useconds_t((untilQuarter + 0.1) * 1_000_000)) }
    }

    /// Removes the scratch directories.
    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }

    private func arguments(_ testCase: DifferentialCase, _ dir: URL) -> [String] {
        var arguments = ["-v", "-m", dir.appendingPathComponent("mailer").path]
        arguments += ["-s", dir.appendingPathComponent("state").path]
        if testCase.force { arguments.append("-f") }
        arguments.append(dir.appendingPathComponent("cfg").path)
        return arguments
    }

    func prepare(_ testCase: DifferentialCase, in dir: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("logs"), withIntermediateDirectories: true)
        for sub in testCase.directories {
            try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        func expand(_ text: String) -> String { text.replacingOccurrences(of: "@DIR@", with: dir.path) }
        try write(expand(testCase.config), to: dir.appendingPathComponent("cfg"), mode: 0o644)
        let mailer = "#!/bin/sh\n{ echo \"mail $*\"; cat; echo; } >> \(dir.path)/mail.out\n"
        try write(mailer, to: dir.appendingPathComponent("mailer"), mode: 0o755)
        for file in testCase.files {
            let url = dir.appendingPathComponent(expand(file.name))
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if let target = file.symlinkTo {
                try fm.createSymbolicLink(atPath: url.path, withDestinationPath: expand(target))
                continue
            }
            if let original = file.hardLinkTo {
                try fm.linkItem(at: dir.appendingPathComponent(original), to: url)
                continue
            }
            try write(expand(file.content), to: url, mode: file.mode, gzip: file.gzip)
            if let age = file.ageHours {
                let date = now.addingTimeInterval(-Double(age) * 3600)
                try fm.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
            }
        }
        for sub in testCase.worldWritable {
            try fm.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir.appendingPathComponent(sub).path)
        }
        if !testCase.state.isEmpty {
            let lines = testCase.state.map { "\"\(expand($0.path))\" \(stateDate($0.date))\n" }.joined()
            try write("logrotate state -- version 2\n" + lines, to: dir.appendingPathComponent("state"), mode: 0o640)
        }
    }

    /// `-3d` / `-5h` relative to now, or a literal logrotate date.
    private func stateDate(_ spec: String) -> String {
        guard spec.hasPrefix("-"), let unit = spec.last, let amount = Double(spec.dropFirst().dropLast()) else {
            return spec
        }
        let seconds = amount * (unit == "d" ? 86_400 : 3_600)
        let c = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute, .second], from: now - seconds)
        return "\(c.year!)-\(c.month!)-\(c.day!)-\(c.hour!):\(c.minute!):\(c.second!)"
    }

    private func write(_ text: String, to url: URL, mode: Int, gzip: Bool = false) throws {
        var data = Data(text.utf8)
        if gzip {
            let raw = url.deletingPathExtension()
            try data.write(to: raw)
            _ = try CommandRunner.run(URL(fileURLWithPath: "/bin/gzip"), ["-n", "-f", raw.path])
            data = try Data(contentsOf: url)
        }
        try data.write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }

    private func outcome(of result: CommandResult, in dir: URL) throws -> RunOutcome {
        RunOutcome(status: result.status, tree: try snapshot(dir), state: try stateEntries(dir))
    }

    func snapshot(_ dir: URL) throws -> [String: String] {
        let fm = FileManager.default
        var tree: [String: String] = [:]
        // Our lock file and rotation journal are bookkeeping logrotate does not have.
        let skipped: Set<String> = ["cfg", "mailer", "state", "state.lock", "state.journal"]
        guard let walker = fm.enumerator(atPath: dir.path) else { return tree }
        for case let relative as String in walker where !skipped.contains(relative) {
            let path = dir.appendingPathComponent(relative).path
            let relative = maskingEpochSeconds(relative)
            let attributes = try fm.attributesOfItem(atPath: path)
            if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
                tree[relative] = "-> " + normalize(try fm.destinationOfSymbolicLink(atPath: path), dir)
                continue
            }
            let mode = String((attributes[.posixPermissions] as? Int) ?? 0, radix: 8)
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                tree[relative] = "\(mode) <dir>"
                continue
            }
            tree[relative] = "\(mode) " + normalize(try contents(of: path), dir)
        }
        return tree
    }

    private func contents(of path: String) throws -> String {
        for (suffix, tool) in [(".gz", "/bin/gzip"), (".zst", "/usr/bin/zstd")] where path.hasSuffix(suffix) {
            let result = try CommandRunner.run(URL(fileURLWithPath: tool), ["-dc", path])
            return result.status == 0 ? "\(suffix): " + result.standardOutput : "<corrupt \(suffix)>"
        }
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    private func normalize(_ text: String, _ dir: URL) -> String {
        maskingEpochSeconds(text.replacingOccurrences(of: dir.path, with: "@DIR@"))
    }

    /// `text` with Unix times within an hour of the run (`dateformat %s`) written `@EPOCH@`: the two programs run
    /// a moment apart, so their seconds may differ.
    private func maskingEpochSeconds(_ text: String) -> String {
        text.replacing(/\d{10}/) { match in
            guard let seconds = Double(match.output), abs(seconds - now.timeIntervalSince1970) < 3_600 else {
                return String(match.output)
            }
            return "@EPOCH@"
        }
    }

    private func stateEntries(_ dir: URL) throws -> [String: String] {
        let url = dir.appendingPathComponent("state")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var entries: [String: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            guard let split = line.lastIndex(of: " ") else { continue }
            let path = normalize(String(line[..<split]), dir)
            let date = line[line.index(after: split)...]
            entries[path] = String(date.prefix { $0 != ":" })
        }
        return entries
    }
}
