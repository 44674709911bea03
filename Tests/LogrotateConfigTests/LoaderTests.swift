import Foundation
import LogrotateConfig
import Platform
import Testing

/// A unique temporary directory, removed when the test ends.
final class TempDir {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("cfgtest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` (directories created) and returns the full path.
    @discardableResult
    func write(_ name: String, _ text: String, mode: Int = 0o644) throws -> String {
        let full = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        try text.write(toFile: full, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: full)
        return full
    }
}

func load(_ paths: [String], home: String? = nil, permissions: Bool = false) -> Configuration {
    ConfigLoader(
        fileSystem: PosixFileSystem(),
        accounts: FakeAccounts(),
        homeDirectory: home,
        checksPermissions: permissions
    ).load(paths)
}

@Test func loader_directory_readsSortedNonTabooRegularFiles() throws {
    let dir = try TempDir()
    try dir.write("d/b.conf", "/b.log {\n}\n")
    try dir.write("d/a.conf", "/a.log {\n}\n")
    try dir.write("d/c.dpkg-old", "/c.log {\n}\n")
    try dir.write("d/d~", "/d.log {\n}\n")
    try FileManager.default.createDirectory(atPath: dir.path + "/d/sub", withIntermediateDirectories: true)
    let config = load([dir.path + "/d"])
    #expect(config.blocks.map(\.patterns) == [["/a.log"], ["/b.log"]])
    #expect(config.blocks[0].location == SourceLocation(file: dir.path + "/d/a.conf", line: 1))
    #expect(config.diagnostics.isEmpty)
}

@Test func loader_tabooextAndTaboopat_applyToLaterIncludes() throws {
    let dir = try TempDir()
    try dir.write("d/a.conf", "/a.log {\n}\n")
    try dir.write("d/b.foo", "/b.log {\n}\n")
    try dir.write("d/skip-me", "/c.log {\n}\n")
    let main = try dir.write("main.conf", "tabooext + .foo\ntaboopat skip-*\ninclude d\n")
    let config = load([main])
    #expect(config.blocks.map(\.patterns) == [["/a.log"]])
}

@Test func loader_hiddenFiles_areReadLike321() throws {
    let dir = try TempDir()
    try dir.write("d/.x.swp", "/x.log {\n}\n")
    #expect(load([dir.path + "/d"]).blocks.count == 1)
}

@Test func loader_relativeInclude_fromIncludingFileDirectory_andGlobalsCarry() throws {
    let dir = try TempDir()
    try dir.write("conf/inc/one.conf", "rotate 7\n")
    let main = try dir.write("conf/main.conf", "compress\ninclude inc/one.conf\n/a.log {\n}\n")
    let second = try dir.write("second.conf", "/b.log {\n}\n")
    let config = load([main, second])
    #expect(config.blocks.map(\.settings.rotate) == [7, 7])
    #expect(config.blocks.allSatisfy { $0.settings.compress })
}

@Test func loader_includeInsideBlock_changesThatBlock() throws {
    let dir = try TempDir()
    try dir.write("inc", "rotate 6\n")
    let main = try dir.write("main.conf", "/a.log {\ninclude \(dir.path)/inc\n}\n/b.log {\n}\n")
    let config = load([main])
    #expect(config.blocks.map(\.settings.rotate) == [6, 0])
}

@Test func loader_tildeInclude_usesHome() throws {
    let dir = try TempDir()
    try dir.write("home/x.conf", "/x.log {\n}\n")
    let main = try dir.write("main.conf", "include ~/x.conf\n")
    #expect(load([main], home: dir.path + "/home").blocks.count == 1)
}

@Test func loader_missingPaths_areErrors() throws {
    let dir = try TempDir()
    let main = try dir.write("main.conf", "include nothere\n/a.log {\n}\n")
    let config = load([main, dir.path + "/absent.conf"])
    #expect(
        config.diagnostics.map(\.description) == [
            "\(main):1: error: cannot stat \(dir.path)/nothere: No such file or directory",
            "\(dir.path)/absent.conf: error: cannot stat \(dir.path)/absent.conf: No such file or directory",
        ]
    )
    #expect(config.blocks.count == 1)
}

@Test func loader_includeCycle_isErrorAtIncludeLine() throws {
    let dir = try TempDir()
    let a = try dir.write("a.conf", "include b.conf\n/a.log {\n}\n")
    try dir.write("b.conf", "rotate 2\ninclude ./a.conf\n")
    let config = load([a])
    #expect(
        config.diagnostics.map(\.description) == [
            "\(dir.path)/b.conf:2: error: include cycle: \(a) is already being read (\(a) -> \(dir.path)/b.conf -> \(a))"
        ]
    )
    #expect(config.blocks.count == 1)
}

@Test func loader_nestingDeeperThan16_isError() throws {
    let dir = try TempDir()
    for level in 0..<20 { try dir.write("n\(level).conf", "include n\(level + 1).conf\n") }
    try dir.write("n20.conf", "/deep.log {\n}\n")
    let config = load([dir.path + "/n0.conf"])
    #expect(config.diagnostics.map(\.description) == ["\(dir.path)/n16.conf:1: error: include nesting too deep"])
    #expect(config.blocks.isEmpty)
}

@Test func loader_permissionPolicy_whenRoot() throws {
    let dir = try TempDir()
    let writable = try dir.write("w.conf", "/w.log {\n}\n", mode: 0o664)
    let executable = try dir.write("x.conf", "/x.log {\n}\n", mode: 0o755)
    let config = load([writable, executable], permissions: true)
    #expect(config.blocks.map(\.patterns) == [["/x.log"]])
    let messages = config.diagnostics.map(\.description)
    #expect(messages.contains("\(writable): error: Ignoring \(writable) because it is writable by group or others."))
    #expect(messages.contains("\(executable): warning: Potentially dangerous mode on \(executable): 0755"))
    if getuid() != 0 {
        #expect(messages.contains { $0.contains("because the file owner is wrong") })
    }
}

@Test func loader_errorInIncludedFile_restoresDefaultsOfThatFileOnly() throws {
    let dir = try TempDir()
    try dir.write("bad.conf", "compress\n/x.log {\nrotate x\n}\n")
    let main = try dir.write("main.conf", "rotate 3\ninclude bad.conf\n/a.log {\n}\n")
    let config = load([main])
    #expect(config.blocks.first?.settings == defaults { $0.rotate = 3 })
}

@Test func loader_duplicateCheck_firstOwnerIsTheBlockThatIncludedTheOthers() throws {
    let dir = try TempDir()
    try dir.write("inc.conf", "/b.log {\nignoreduplicates\n}\n/a.log {\nignoreduplicates\n}\n")
    let main = try dir.write("main.conf", "/a.log {\ninclude \(dir.path)/inc.conf\n}\n/b.log {\n}\n/a.log {\n}\n")
    let config = load([main])
    #expect(config.blocks.map(\.patterns) == [["/a.log"], ["/b.log"], ["/a.log"]])
    #expect(config.diagnostics.map(\.description) == ["\(main):6: error: duplicate log entry for /a.log"])
}
