import Foundation

/// Differences that randomized comparison with logrotate 3.21 found (issue 11), each now either identical or a
/// documented difference.
extension DifferentialCases {
    static let randomized = renamingAndAges + copies + scriptsAndMail

    /// A preremove script that appends its argument to `script.out`, then exits with `status`.
    static func preremove(exiting status: Int) -> String {
        "preremove\n  echo \"preremove $1\" >> @DIR@/script.out\n  exit \(status)\nendscript"
    }

    /// `mailer`'s record of one mail of `content` with `subject` (both programs use the same mailer).
    static func mailRecord(subject: String, content: String) -> String {
        "mail -s \(subject) ops@example.com\n\(content)\n"
    }

    static let renamingAndAges: [DifferentialCase] = [
        .init(
            name: "rotate 0 + maxage keeps the file above the expired generation",
            config: block("rotate 0\nmaxage 3"),
            files: [
                log, SeedFile(name: "logs/app.log.1", content: "one\n", ageHours: 240),
                SeedFile(name: "logs/app.log.2", content: "two\n", ageHours: 240),
            ],
            force: true
        ),
        .init(
            name: "dateyesterday keeps the current minutes",
            config: block("rotate 2\ndateext\ndateyesterday\ndateformat -%Y%m%d-%H%M"),
            files: [log],
            force: true
        ),
        .init(
            name: "maxage judges a file re-created earlier in the run as new",
            config: block(
                "rotate 0\nextension .log\ncreate\nmaxage 30",
                pattern: "@DIR@/logs/a.1.log @DIR@/logs/a.log"
            ),
            files: [
                SeedFile(name: "logs/a.log", content: "current\n"),
                SeedFile(name: "logs/a.1.log", content: "old\n", ageHours: 40 * 24),
            ],
            force: true
        ),
    ]

    static let copies: [DifferentialCase] = [
        .init(
            name: "copytruncate over a stray .1 keeps it as .backup",
            config: block("rotate 2\ncompress\ncopytruncate"),
            files: [log] + olds.prefix(1),
            force: true
        ),
        .init(
            name: "rotate 0 + copytruncate disposes of the previous generation",
            config: block("rotate 0\ncopytruncate"),
            files: [log] + olds.prefix(1),
            force: true
        ),
        .init(
            name: "rotate 0 + copy disposes of the previous generation",
            config: block("rotate 0\ncopy"),
            files: [log] + olds.prefix(1),
            force: true
        ),
        .init(
            name: "rotate 0 + copy + compress with createolddir",
            config: block("rotate 0\ncopy\ncompress\nolddir @DIR@/old\ncreateolddir 0750"),
            files: [log],
            force: true,
            difference: .init(why: "rotate 0 + copy/copytruncate + compress works (3.21 fails to compress)") {
                $0.status = 0
            }
        ),
    ]

    static let scriptsAndMail: [DifferentialCase] = [
        .init(
            name: "mailfirst + compress titles every mail with the log's name",
            config: block("rotate 1\nmail ops@example.com\nmailfirst\ncompress\ndateext"),
            files: [
                log, SeedFile(name: "logs/app.log-20200101.gz", content: "a\n", gzip: true),
                SeedFile(name: "logs/app.log-20200102.gz", content: "b\n", gzip: true),
            ],
            force: true
        ),
        .init(
            name: "failing preremove keeps its file and rotates the rest",
            config: block("rotate 1\n" + preremove(exiting: 1)),
            files: [log] + olds.prefix(2),
            force: true,
            difference: .init(why: "the stray at the disposal slot is removed first, else kept as .backup") {
                $0.tree["logs/app.log.2-\(DifferentialCases.hourStamp).backup"] = "644 two\n"
                $0.tree["script.out"]?.append("preremove @DIR@/logs/app.log.2\n")
            }
        ),
        .init(
            name: "failing preremove with sharedscripts rotates the whole block",
            config: block(
                "rotate 1\nsharedscripts\n" + preremove(exiting: 1),
                pattern: "@DIR@/logs/*.log"
            ),
            files: [log] + olds.prefix(2) + [SeedFile(name: "logs/b.log", content: "b\n")],
            force: true,
            difference: .init(why: "the stray at the disposal slot is removed first, else kept as .backup") {
                $0.tree["logs/app.log.2-\(DifferentialCases.hourStamp).backup"] = "644 two\n"
                $0.tree["script.out"]?.append("preremove @DIR@/logs/app.log.2\n")
            }
        ),
        .init(
            name: "a stray at the disposal slot is removed through preremove",
            config: block("rotate 2\n" + preremove(exiting: 0)),
            files: [log] + olds,
            force: true,
            difference: .init(why: "the stray at the disposal slot is removed, not overwritten") {
                $0.tree["script.out"] = "644 preremove @DIR@/logs/app.log.3\npreremove @DIR@/logs/app.log.3\n"
            }
        ),
        .init(
            name: "rotate 0 + copytruncate + mail mails the log",
            config: block("rotate 0\ncopytruncate\nmail ops@example.com"),
            files: [log],
            force: true,
            difference: .init(why: "rotate 0 + copy/copytruncate + mail copies the log to mail it") {
                $0.tree["mail.out"] = "644 " + mailRecord(subject: "@DIR@/logs/app.log.1", content: "current line\n")
            }
        ),
    ]
}
