import LogrotateConfig
import Platform
import PlatformTesting
import SystemPackage
import Testing

@testable import Scheduling

extension ZonedTests {
    @Suite struct DuenessSkipTests {
        static let row = DuenessCase(
            name: "",
            settings: settings(.time(.daily)),
            last: "2020-01-01 00:00",
            expected: []
        )

        @Test func decide_missingWithMissingOK_skipsWithoutError() async {
            var row = Self.row
            row.settings.missingOK = true
            let decision = await withTimeZone("UTC") { decide(row, status: .failure(.noSuchFileOrDirectory)) }
            #expect(!decision.isDue && !decision.isError && decision.times == nil)
            #expect(reasonLines(decision) == ["  log /l/t.log does not exist -- skipping"])
        }

        @Test func decide_missingWithoutMissingOK_isError() async {
            let decision = await withTimeZone("UTC") { decide(Self.row, status: .failure(.noSuchFileOrDirectory)) }
            #expect(!decision.isDue && decision.isError)
            #expect(reasonLines(decision) == ["error: stat of /l/t.log failed: No such file or directory"])
        }

        @Test func decide_otherStatErrorEvenWithMissingOK_isError() async {
            var row = Self.row
            row.settings.missingOK = true
            let decision = await withTimeZone("UTC") { decide(row, status: .failure(.permissionDenied)) }
            #expect(decision.isError)
            #expect(reasonLines(decision) == ["error: stat of /l/t.log failed: Permission denied"])
        }

        @Test func decide_symlink_skipsEvenUnderForce() async {
            var row = Self.row
            row.force = true
            let link = FileStatus(kind: .symlink, size: 10)
            let decision = await withTimeZone("UTC") { decide(row, status: .success(link)) }
            #expect(!decision.isDue && !decision.isError && decision.times == nil)
            #expect(
                reasonLines(decision) == [
                    "  log /l/t.log is symbolic link. Rotation of symbolic links is not allowed to avoid security issues"
                        + " -- skipping."
                ]
            )
        }

        @Test func decide_hardLinks_skipsUnlessAllowed() async {
            var row = Self.row
            row.force = true
            let linked = regularFile(size: 10, links: 2)
            let skipped = await withTimeZone("UTC") { decide(row, status: .success(linked)) }
            #expect(!skipped.isDue && !skipped.isError)
            #expect(
                reasonLines(skipped) == [
                    "  log /l/t.log has multiple (2) hard links. Rotation of files with multiple hard links is not"
                        + " allowed for /l/*.log  -- skipping."
                ]
            )
            row.settings.allowHardlink = true
            #expect(await withTimeZone("UTC") { decide(row, status: .success(linked)) }.isDue)
        }

        @Test func checkParentDirectory_whenItDoesNotApply_readsNoStatus() {
            var reads = 0
            func status() -> Result<FileStatus, Errno> {
                reads += 1
                return .success(FileStatus(kind: .directory, permissions: 0o777))
            }
            var su = settings(.time(.daily))
            su.su = SwitchUser(user: Account(name: "a", id: 1), group: Account(name: "a", id: 1))
            #expect(Dueness.checkParentDirectory(of: "/d/x.log", status: status(), settings: su, realUserID: 0) == nil)
            let base = settings(.time(.daily))
            #expect(
                Dueness.checkParentDirectory(of: "/d/x.log", status: status(), settings: base, realUserID: 7) == nil
            )
            #expect(reads == 0)
            #expect(
                Dueness.checkParentDirectory(of: "/d/x.log", status: status(), settings: base, realUserID: 0) != nil
            )
            #expect(reads == 1)
        }

        @Test func checkParentDirectory_cases() {
            let base = settings(.time(.daily))
            var missingOK = base
            missingOK.missingOK = true
            var su = base
            su.su = SwitchUser(user: Account(name: "a", id: 1), group: Account(name: "a", id: 1))
            let open = FileStatus(kind: .directory, permissions: 0o777)
            let groupWritable = FileStatus(kind: .directory, permissions: 0o775, group: 4)
            let rootGroupWritable = FileStatus(kind: .directory, permissions: 0o775, group: 0)
            let check = { (status: Result<FileStatus, Errno>, settings: LogSettings, uid: UInt32) in
                Dueness.checkParentDirectory(of: "/d/x.log", status: status, settings: settings, realUserID: uid)
            }
            let insecure =
                "error: skipping \"/d/x.log\" because parent directory has insecure permissions (It's world writable"
                + " or writable by group which is not \"root\") Set \"su\" directive in config file to tell logrotate"
                + " which user/group should be used for rotation."
            #expect(check(.success(open), base, 0).map(reasonLines) == [insecure])
            #expect(check(.success(open), base, 0)?.isError == true)
            #expect(check(.success(groupWritable), base, 0).map(reasonLines) == [insecure])
            #expect(check(.success(rootGroupWritable), base, 0) == nil)
            #expect(check(.success(open), base, 1000) == nil)
            #expect(check(.success(open), su, 0) == nil)
            let missing = check(.failure(.noSuchFileOrDirectory), missingOK, 0)
            #expect(missing?.isDue == false && missing?.isError == false && missing.map(reasonLines) == [])
            let failed = check(.failure(.noSuchFileOrDirectory), base, 0)
            #expect(failed.map(reasonLines) == ["error: stat of /d failed: No such file or directory"])
            #expect(failed?.isError == true)
        }

        @Test(arguments: [
            ("/var/log/a.log", "/var/log"), ("a.log", "."), ("/a.log", "/"), ("/var//log//a.log", "/var//log"),
            ("/var/log/", "/var"), ("/", "/"),
        ])
        func parentDirectory_matchesDirname(path: String, expected: String) {
            #expect(Dueness.parentDirectory(of: path) == expected)
        }
    }
}
