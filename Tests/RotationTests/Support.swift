import Glibc
import LogrotateConfig
import Platform
import PlatformTesting
import Rotation
import SystemPackage

/// 2026-11-29 02:34:00 local, the `now` of every planner test.
let testNow = RotationTime(
    epochSeconds: 1_795_919_640,
    local: LocalTime(year: 2026, month: 11, day: 29, hour: 2, minute: 34, weekday: 0)
)
let dayPattern = "-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]"
let logStatus = FileStatus(kind: .regular, size: 4, permissions: 0o640, owner: 0, group: 0)
let gzip6 = CompressionMethod(command: "/bin/gzip", arguments: [], builtIn: .gzip(level: 6))

/// A block for `/x/a.log` (or the given patterns) with settings changed by `configure`.
func makeBlock(_ patterns: [String] = ["/x/a.log"], _ configure: (inout LogSettings) -> Void = { _ in }) -> LogBlock {
    var settings = LogSettings()
    configure(&settings)
    let text = patterns.joined(separator: " ") + " "
    return LogBlock(
        patterns: patterns,
        patternText: text,
        settings: settings,
        location: SourceLocation(file: "/etc/test.conf", line: 1)
    )
}

/// An in-memory file system holding `tree` under `/x`.
func memoryFileSystem(_ tree: FileTree) throws -> InMemoryFileSystem {
    let fileSystem = InMemoryFileSystem()
    try fileSystem.createDirectory("/x", permissions: 0o755, owner: nil, group: nil)
    try tree.write(to: "/x", in: fileSystem)
    return fileSystem
}

/// Plans `block` for `logs` (default `/x/a.log`) over `fileSystem` at `testNow`.
func plan(
    _ block: LogBlock,
    logs: [FilePath] = ["/x/a.log"],
    in fileSystem: any FileSystem,
    options: PlanningOptions = PlanningOptions()
) -> RotationPlan {
    Planner.plan(
        block: block,
        logs: logs.map { DueLog(path: $0, status: logStatus) },
        fileSystem: fileSystem,
        now: testNow,
        options: options
    )
}

/// The header notice of `/x/a.log` in numbered mode.
func header(_ log: FilePath = "/x/a.log", rotate: Int) -> RotationStep {
    .notice(.rotatingLog(log, rotateCount: rotate, dateSuffix: "-20261129", globPattern: dayPattern))
}

/// A fresh directory under /tmp, removed (with its content) by `removeTree`.
func makeTemporaryDirectory() -> FilePath {
    var template = Array("/tmp/rotation-tests-XXXXXX".utf8CString)
    let path = template.withUnsafeMutableBufferPointer { buffer -> String in
        guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return "/tmp/rotation-tests-failed" }
        return String(cString: made)
    }
    return FilePath(path)
}

func removeTree(_ root: FilePath, in fileSystem: any FileSystem) {
    for name in (try? fileSystem.contentsOfDirectory(root)) ?? [] {
        let path = root.appending(name)
        if (try? fileSystem.status(of: path, followSymlinks: false))??.kind == .directory {
            removeTree(path, in: fileSystem)
        } else {
            try? fileSystem.remove(path)
        }
    }
    _ = rmdir(root.string)
}
