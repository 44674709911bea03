import Foundation

/// The Debian package `scripts/build-deb` makes of the debug binary this test run built, made once per test process.
///
/// It is built from the debug binary (`BIN=`, with `ALLOW_UNPACKAGED_LIBS=1`, since that binary needs the toolchain's
/// Swift runtime) rather than from the static release build `make deb` makes: a release build would add minutes of
/// compilation to every CI run, and could not run inside `swift test` anyway, which holds the build directory's lock.
/// Everything except where the binary comes from goes through the same script: staging, stripping, completions, man
/// pages, control files, Depends from dpkg-shlibdeps and dpkg-deb.
struct BuiltPackage: Sendable {
    /// The repository the tests belong to.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The package, built once per test process by whichever test asks first (the others wait without holding a
    /// thread: a blocked thread of Swift's small cooperative pool would stall every other test meanwhile).
    static func shared() async -> BuiltPackage {
        await Builder.shared.package()
    }

    private actor Builder {
        static let shared = Builder()
        private var building: Task<BuiltPackage, Never>?

        func package() async -> BuiltPackage {
            if let building { return await building.value }
            let task = Task { await BuiltPackage.build() }
            building = task
            return await task.value
        }
    }

    /// Where the package and its staging tree are: one directory per checkout, replaced by each build, so repeated
    /// runs leave one copy behind and two checkouts never share it.
    let directory: URL
    /// The `.deb`, when the script printed its path.
    let deb: URL?
    /// The script's exit status and what it printed on standard error.
    let status: Int32
    let log: String

    private init(directory: URL, deb: URL?, status: Int32, log: String) {
        self.directory = directory
        self.deb = deb
        self.status = status
        self.log = log
    }

    private static func build() async -> BuiltPackage {
        let name = "logrotated-deb-" + Self.packageRoot.path.map { $0.isLetter || $0.isNumber ? $0 : "_" }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(String(name))
        try? FileManager.default.removeItem(at: directory)
        let environment = [
            "BIN": CommandRunner.logrotated.path, "ALLOW_UNPACKAGED_LIBS": "1", "OUT": directory.path,
        ]
        let script = Self.packageRoot.appendingPathComponent("scripts/build-deb")
        let result = try? await CommandRunner.run(
            script,
            [],
            in: Self.packageRoot,
            environment: environment,
            timeout: .seconds(900)
        )
        let status = result?.status ?? -1
        let path = result?.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return BuiltPackage(
            directory: directory,
            deb: status == 0 && path.hasSuffix(".deb") ? URL(fileURLWithPath: path) : nil,
            status: status,
            log: result?.standardError ?? "scripts/build-deb did not start"
        )
    }

    /// A new empty directory inside ``directory``.
    func scratch(_ name: String) throws -> URL {
        let url = directory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
