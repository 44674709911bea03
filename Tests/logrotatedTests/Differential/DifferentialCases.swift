import Foundation

/// The matrix of configurations and trees compared with logrotate 3.21.
enum DifferentialCases {
    static let log = SeedFile(name: "logs/app.log", content: "current line\n")
    static let olds = [
        SeedFile(name: "logs/app.log.1", content: "one\n"),
        SeedFile(name: "logs/app.log.2", content: "two\n"),
        SeedFile(name: "logs/app.log.3", content: "three\n"),
    ]

    /// A block for `@DIR@/logs/app.log` with the given directives.
    static func block(_ directives: String, pattern: String = "@DIR@/logs/app.log") -> String {
        "\(pattern) {\n\(directives)\n}\n"
    }

    static let numbered: [DifferentialCase] = [
        .init(name: "forced rotate 2", config: block("rotate 2"), files: [log], force: true),
        .init(name: "shift existing generations", config: block("rotate 3"), files: [log] + olds, force: true),
        .init(name: "oldest removed by count", config: block("rotate 2"), files: [log] + olds, force: true),
        .init(name: "rotate 0 removes the rotated file", config: block("rotate 0"), files: [log], force: true),
        .init(
            name: "rotate -1 keeps everything",
            config: block("rotate -1"),
            files: [log] + olds + [SeedFile(name: "logs/app.log.7", content: "seven\n")],
            force: true
        ),
        .init(name: "start 0", config: block("rotate 2\nstart 0"), files: [log], force: true),
        .init(
            name: "start 6",
            config: block("rotate 3\nstart 6"),
            files: [log, SeedFile(name: "logs/app.log.6", content: "six\n")],
            force: true
        ),
        .init(
            name: "extension",
            config: block("rotate 2\nextension .log"),
            files: [log, SeedFile(name: "logs/app.1.log", content: "old\n")],
            force: true
        ),
        .init(name: "addextension", config: block("rotate 2\naddextension .old"), files: [log], force: true),
        .init(
            name: "olddir relative",
            config: block("rotate 2\nolddir old"),
            files: [log, SeedFile(name: "logs/old/app.log.1", content: "one\n")],
            force: true,
            directories: ["logs/old"]
        ),
        .init(
            name: "olddir absolute",
            config: block("rotate 2\nolddir @DIR@/archive"),
            files: [log],
            force: true,
            directories: ["archive"]
        ),
        .init(
            name: "createolddir with mode",
            config: block("rotate 2\nolddir @DIR@/made\ncreateolddir 0750"),
            files: [log],
            force: true
        ),
        .init(
            name: "maxage removes old generations",
            config: block("rotate 5\nmaxage 2"),
            files: [
                log, SeedFile(name: "logs/app.log.1", content: "new\n", ageHours: 10),
                SeedFile(name: "logs/app.log.2", content: "old\n", ageHours: 24 * 5),
            ],
            force: true
        ),
    ]

    static let methods: [DifferentialCase] = [
        .init(name: "create with mode", config: block("rotate 1\ncreate 0640"), files: [log], force: true),
        .init(
            name: "create keeps source mode",
            config: block("rotate 1\ncreate"),
            files: [SeedFile(name: "logs/app.log", content: "x\n", mode: 0o600)],
            force: true
        ),
        .init(name: "copy", config: block("rotate 1\ncopy"), files: [log], force: true),
        .init(name: "copytruncate", config: block("rotate 1\ncopytruncate"), files: [log], force: true),
        .init(name: "copytruncate rotate 0", config: block("rotate 0\ncopytruncate"), files: [log], force: true),
        .init(
            name: "renamecopy with create",
            config: block("rotate 1\nrenamecopy\ncreate 0600"),
            files: [log],
            force: true
        ),
    ]

    static let compression: [DifferentialCase] = [
        .init(name: "compress", config: block("rotate 2\ncompress"), files: [log], force: true),
        .init(
            name: "compress over a stray uncompressed .1",
            config: block("rotate 2\ncompress"),
            files: [log] + olds.prefix(1),
            force: true,
            difference: .init(why: "an existing rotation target is kept as .backup, not overwritten") { outcome in
                outcome.tree["logs/app.log.1-\(DifferentialCases.hourStamp).backup"] = "644 one\n"
            }
        ),
        .init(
            name: "compress shifts .gz generations",
            config: block("rotate 3\ncompress"),
            files: [log, SeedFile(name: "logs/app.log.1.gz", content: "one\n", gzip: true)],
            force: true
        ),
        .init(
            name: "delaycompress",
            config: block("rotate 3\ncompress\ndelaycompress"),
            files: [log, SeedFile(name: "logs/app.log.1", content: "one\n")],
            force: true
        ),
        .init(name: "compress rotate 0", config: block("rotate 0\ncompress"), files: [log], force: true),
        .init(
            name: "compresscmd zstd",
            config: block("rotate 2\ncompress\ncompresscmd /usr/bin/zstd\nuncompresscmd /usr/bin/unzstd"),
            files: [log],
            force: true
        ),
        .init(
            name: "compressoptions level",
            config: block("rotate 2\ncompress\ncompressoptions -9"),
            files: [log],
            force: true
        ),
        .init(
            name: "external compresscmd",
            config: block("rotate 2\ncompress\ncompresscmd /bin/bzip2\ncompressext .bz2"),
            files: [log],
            force: true
        ),
    ]

    static let dueness: [DifferentialCase] = [
        .init(name: "first run records, does not rotate", config: block("daily\nrotate 1"), files: [log]),
        .init(
            name: "daily due after a day",
            config: block("daily\nrotate 1"),
            files: [log],
            state: [("@DIR@/logs/app.log", "-1d")]
        ),
        .init(
            name: "daily not due same day",
            config: block("daily\nrotate 1"),
            files: [log],
            state: [("@DIR@/logs/app.log", "-1h")]
        ),
        .init(
            name: "weekly due after 8 days",
            config: block("weekly\nrotate 1"),
            files: [log],
            state: [("@DIR@/logs/app.log", "-8d")]
        ),
        .init(
            name: "monthly due after 40 days",
            config: block("monthly\nrotate 1"),
            files: [log],
            state: [("@DIR@/logs/app.log", "-40d")]
        ),
        .init(
            name: "yearly not due after 2 hours",
            config: block("yearly\nrotate 1"),
            files: [log],
            state: [("@DIR@/logs/app.log", "-2h")]
        ),
        .init(name: "size reached", config: block("size 5\nrotate 1"), files: [log]),
        .init(name: "size not reached", config: block("size 1k\nrotate 1"), files: [log]),
        .init(
            name: "minsize blocks daily",
            config: block("daily\nminsize 1M\nrotate 1"),
            files: [log],
            state: [("@DIR@/logs/app.log", "-2d")]
        ),
        .init(
            name: "maxsize forces before daily",
            config: block("daily\nmaxsize 4\nrotate 1"),
            files: [log],
            state: [("@DIR@/logs/app.log", "-1h")]
        ),
        .init(
            name: "notifempty under force",
            config: block("rotate 1\nnotifempty"),
            files: [SeedFile(name: "logs/app.log", content: "")],
            force: true
        ),
        .init(
            name: "ifempty under force",
            config: block("rotate 1\nifempty"),
            files: [SeedFile(name: "logs/app.log", content: "")],
            force: true
        ),
        .init(name: "missing log is an error", config: block("rotate 1"), force: true),
        .init(name: "missingok", config: block("rotate 1\nmissingok"), force: true),
        .init(
            name: "glob over several logs",
            config: block("rotate 1", pattern: "@DIR@/logs/*.log"),
            files: [log, SeedFile(name: "logs/b.log", content: "b\n")],
            force: true
        ),
        .init(
            name: "old state entries kept",
            config: block("rotate 1"),
            files: [log],
            state: [("/nonexistent/other.log", "2026-1-2-3:4:5"), ("@DIR@/logs/app.log", "-3d")],
            force: true
        ),
    ]

    static let scripts: [DifferentialCase] = [
        .init(
            name: "postrotate arguments",
            config: block("rotate 1\npostrotate\n  echo \"post $0 $1 $2\" >> @DIR@/script.out\nendscript"),
            files: [log],
            force: true
        ),
        .init(
            name: "all scripts, nonshared, two logs",
            config: block(
                """
                rotate 1
                firstaction
                  echo "first $1" >> @DIR@/script.out
                endscript
                prerotate
                  echo "pre $1" >> @DIR@/script.out
                endscript
                postrotate
                  echo "post $1 $2" >> @DIR@/script.out
                endscript
                lastaction
                  echo "last $1" >> @DIR@/script.out
                endscript
                """,
                pattern: "@DIR@/logs/*.log"
            ),
            files: [log, SeedFile(name: "logs/b.log", content: "b\n")],
            force: true,
            difference: patternWithoutTrailingBlank
        ),
        .init(
            name: "sharedscripts",
            config: block(
                "rotate 1\nsharedscripts\npostrotate\n  echo \"post $1 $2\" >> @DIR@/script.out\nendscript",
                pattern: "@DIR@/logs/*.log"
            ),
            files: [log, SeedFile(name: "logs/b.log", content: "b\n")],
            force: true,
            difference: patternWithoutTrailingBlank
        ),
        .init(
            name: "failing prerotate skips the log",
            config: block("rotate 2\nprerotate\n  exit 1\nendscript"),
            files: [log] + olds.prefix(1),
            force: true,
            difference: .init(why: "old generations are shifted only after prerotate succeeded (3.22)") { outcome in
                outcome.tree["logs/app.log.1"] = outcome.tree.removeValue(forKey: "logs/app.log.2")
            }
        ),
        .init(
            name: "failed rotation is not recorded",
            config: block("daily\nrotate 1\nprerotate\n  exit 1\nendscript"),
            files: [log],
            state: [("@DIR@/logs/app.log", "-3d")],
            difference: .init(why: "the state keeps the previous date, so the next run retries") { outcome in
                outcome.state["\"@DIR@/logs/app.log\""] = DifferentialCases.stateHour(daysAgo: 3)
            }
        ),
        .init(
            name: "failing postrotate skips compression",
            config: block("rotate 2\ncompress\npostrotate\n  exit 3\nendscript"),
            files: [log],
            force: true
        ),
        .init(
            name: "failing firstaction aborts the block",
            config: block("rotate 2\nfirstaction\n  exit 1\nendscript"),
            files: [log],
            force: true
        ),
        .init(
            name: "preremove before removal",
            config: block("rotate 1\npreremove\n  echo \"preremove $1\" >> @DIR@/script.out\nendscript"),
            files: [log] + olds.prefix(1),
            force: true
        ),
    ]

    static let mailAndNames: [DifferentialCase] = [
        .init(
            name: "maillast",
            config: block("rotate 1\nmail ops@example.com"),
            files: [log] + olds.prefix(1),
            force: true
        ),
        .init(
            name: "mailfirst",
            config: block("rotate 1\nmail ops@example.com\nmailfirst"),
            files: [log],
            force: true
        ),
        .init(
            name: "mail compressed",
            config: block("rotate 1\ncompress\nmail ops@example.com"),
            files: [log, SeedFile(name: "logs/app.log.1.gz", content: "one\n", gzip: true)],
            force: true
        ),
        .init(name: "dateext", config: block("rotate 2\ndateext"), files: [log], force: true),
        .init(
            name: "dateext cleanup by date",
            config: block("rotate 2\ndateext"),
            files: [
                log, SeedFile(name: "logs/app.log-20200101", content: "a\n"),
                SeedFile(name: "logs/app.log-20210101", content: "b\n"),
                SeedFile(name: "logs/app.log-20190101", content: "c\n"),
            ],
            force: true
        ),
        .init(
            name: "dateformat with seconds",
            config: block("rotate 2\ndateext\ndateformat -%Y%m%d-%s"),
            files: [log],
            force: true
        ),
        .init(name: "dateyesterday", config: block("rotate 2\ndateext\ndateyesterday"), files: [log], force: true),
        .init(
            name: "dateext compress",
            config: block("rotate 2\ndateext\ncompress"),
            files: [log, SeedFile(name: "logs/app.log-20200101.gz", content: "a\n", gzip: true)],
            force: true
        ),
        .init(name: "shred", config: block("rotate 0\nshred"), files: [log], force: true),
    ]

    /// A block's patterns reach scripts without the blank before `{` (3.22; 3.21 passes `PATTERN `).
    static let patternWithoutTrailingBlank = DifferentialCase.Difference(
        why: "shared scripts and first/last actions get the patterns without a trailing blank (3.22)"
    ) { outcome in
        let written = outcome.tree["script.out"]
        outcome.tree["script.out"] = written?.replacingOccurrences(of: "/logs/*.log ", with: "/logs/*.log")
    }

    /// `YYYYMMDDHH` of now, as in logrotate's `.backup` names.
    static var hourStamp: String {
        let c = Calendar.current.dateComponents([.year, .month, .day, .hour], from: Date())
        return String(format: "%04d%02d%02d%02d", c.year!, c.month!, c.day!, c.hour!)
    }

    /// Links, olddir problems, dateext collisions and other refusals.
    static let refusals: [DifferentialCase] = [
        .init(
            name: "symlinked log is skipped",
            config: block("rotate 1"),
            files: [
                SeedFile(name: "logs/real.txt", content: "x\n"),
                SeedFile(name: "logs/app.log", content: "", symlinkTo: "real.txt"),
            ],
            force: true
        ),
        .init(
            name: "hard-linked log is skipped",
            config: block("rotate 1"),
            files: [log, SeedFile(name: "logs/other", content: "", hardLinkTo: "logs/app.log")],
            force: true
        ),
        .init(
            name: "allowhardlink rotates a hard-linked log",
            config: block("rotate 1\nallowhardlink"),
            files: [log, SeedFile(name: "logs/other", content: "", hardLinkTo: "logs/app.log")],
            force: true
        ),
        .init(name: "olddir missing", config: block("rotate 1\nolddir @DIR@/nowhere"), files: [log], force: true),
        .init(
            name: "logs in a world-writable directory are refused, the others rotate",
            config: block("rotate 1", pattern: "@DIR@/logs/a.log @DIR@/open/b.log @DIR@/logs/c.log"),
            files: ["logs/a.log", "open/b.log", "logs/c.log"].map { SeedFile(name: $0, content: "\($0)\n") },
            force: true,
            worldWritable: ["open"]
        ),
        .init(
            name: "dateext destination exists",
            config: block("rotate 2\ndateext\ndateformat -%Y"),
            files: [
                log, SeedFile(name: "logs/app.log-\(Calendar.current.component(.year, from: Date()))", content: "x\n"),
            ],
            force: true
        ),
        .init(
            name: "glob matching nothing is an error",
            config: block("rotate 1", pattern: "@DIR@/logs/*.nothing")
        ),
        .init(
            name: "glob matching nothing with missingok",
            config: block("rotate 1\nmissingok", pattern: "@DIR@/logs/*.nothing")
        ),
        .init(
            name: "bad config value skips only that block",
            config: block("rotate five") + block("rotate 1", pattern: "@DIR@/logs/b.log"),
            files: [log, SeedFile(name: "logs/b.log", content: "b\n")],
            force: true
        ),
        .init(
            name: "duplicate entry",
            config: block("rotate 1") + block("rotate 2", pattern: "@DIR@/logs/*.log"),
            files: [log, SeedFile(name: "logs/b.log", content: "b\n")],
            force: true
        ),
        .init(
            name: "ignoreduplicates on the earlier block",
            config: block("rotate 1\nignoreduplicates") + block("rotate 2", pattern: "@DIR@/logs/*.log"),
            files: [log, SeedFile(name: "logs/b.log", content: "b\n")],
            force: true
        ),
        .init(
            name: "hourly due in a later hour",
            config: block("hourly\nrotate 2"),
            files: [log],
            state: [("@DIR@/logs/app.log", "-2h")]
        ),
        .init(
            name: "minage keeps a young log",
            config: block("daily\nminage 3\nrotate 1"),
            files: [log],
            state: [("@DIR@/logs/app.log", "-2d")]
        ),
        .init(
            name: "delaycompress compresses the previous generation",
            config: block("rotate 3\ncompress\ndelaycompress"),
            files: [
                log, SeedFile(name: "logs/app.log.1", content: "one\n"),
                SeedFile(name: "logs/app.log.2.gz", content: "two\n", gzip: true),
            ],
            force: true
        ),
        .init(
            name: "delaycompress rotate 0",
            config: block("rotate 0\ncompress\ndelaycompress"),
            files: [log],
            force: true
        ),
        .init(
            name: "mailfirst compressed",
            config: block("rotate 2\ncompress\nmail ops@example.com\nmailfirst"),
            files: [log],
            force: true
        ),
        .init(
            name: "maxage with dateext",
            config: block("rotate 5\ndateext\nmaxage 1"),
            files: [
                log, SeedFile(name: "logs/app.log-20200101", content: "old\n", ageHours: 24 * 30),
                SeedFile(name: "logs/app.log-20200102", content: "recent\n", ageHours: 2),
            ],
            force: true
        ),
        .init(
            name: "global settings carry into blocks",
            config: "compress\nrotate 3\n" + block("create 0600"),
            files: [log],
            force: true
        ),
        .init(
            name: "include a directory with taboo names",
            config: "include @DIR@/conf.d\n",
            files: [
                log,
                SeedFile(name: "conf.d/app", content: "@DIR@/logs/app.log {\n rotate 1\n}\n"),
                SeedFile(name: "conf.d/app.dpkg-old", content: "@DIR@/logs/app.log {\n rotate 4\n}\n"),
            ],
            force: true
        ),
    ]

    /// A state date `Y-M-D-H` (not zero-padded, as logrotate writes it) `days` before now.
    static func stateHour(daysAgo days: Int) -> String {
        let date = Date().addingTimeInterval(-Double(days) * 86_400)
        let c = Calendar.current.dateComponents([.year, .month, .day, .hour], from: date)
        return "\(c.year!)-\(c.month!)-\(c.day!)-\(c.hour!)"
    }

    /// More logs than one planning batch (`BlockPass.batchSize`): block scripts still run once, each log once.
    static let manyLogs = DifferentialCase(
        name: "600 logs with first and last action",
        config: block(
            """
            rotate 2
            firstaction
              echo "first" >> @DIR@/script.out
            endscript
            postrotate
              echo "post $1" >> @DIR@/post.out
            endscript
            lastaction
              echo "last" >> @DIR@/script.out
            endscript
            """,
            pattern: "@DIR@/logs/*.log"
        ),
        files: (0..<600).flatMap { index in
            [
                SeedFile(name: "logs/l\(index).log", content: "\(index)\n"),
                SeedFile(name: "logs/l\(index).log.1", content: "old \(index)\n"),
            ]
        },
        force: true
    )

    static let all =
        [manyLogs] + refusals + numbered + methods + compression + dueness + scripts + mailAndNames + randomized
}
