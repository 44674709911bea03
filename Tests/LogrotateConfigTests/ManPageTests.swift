import LogrotateConfig
import Testing

/// Every directive documented in logrotate.conf(5) of 3.21 (man 5 logrotate.conf, CONFIGURATION FILE DIRECTIVES).
let manPageDirectives = [
    "rotate", "olddir", "noolddir", "su", "hourly", "daily", "weekly", "monthly", "yearly", "size", "missingok",
    "nomissingok", "ignoreduplicates", "ifempty", "notifempty", "minage", "maxage", "minsize", "maxsize", "tabooext",
    "taboopat", "create", "nocreate", "createolddir", "nocreateolddir", "copy", "nocopy", "copytruncate",
    "nocopytruncate", "renamecopy", "norenamecopy", "shred", "noshred", "shredcycles", "allowhardlink",
    "noallowhardlink", "compress", "nocompress", "compresscmd", "uncompresscmd", "compressext", "compressoptions",
    "delaycompress", "nodelaycompress", "extension", "addextension", "start", "dateext", "nodateext", "dateformat",
    "dateyesterday", "datehourago", "mail", "nomail", "mailfirst", "maillast", "include", "sharedscripts",
    "nosharedscripts", "firstaction", "lastaction", "prerotate", "postrotate", "preremove",
]

/// A valid example argument for directives that need one.
let exampleArguments = [
    "rotate": "3", "olddir": "old", "su": "root root", "size": "1k", "minage": "1", "maxage": "1", "minsize": "1",
    "maxsize": "1", "tabooext": ".x", "taboopat": "*.x", "shredcycles": "2", "compresscmd": "/bin/gzip",
    "uncompresscmd": "/bin/gunzip", "compressext": ".gz", "compressoptions": "-9", "extension": ".log",
    "addextension": ".log", "start": "1", "dateformat": "-%Y", "mail": "root", "include": "/dev/null",
]

@Test func manPage_everyDirectiveHasATableEntry() {
    #expect(Set(manPageDirectives).subtracting(Directive.byKeyword.keys).isEmpty)
    #expect(
        Set(Directive.byKeyword.keys).subtracting(manPageDirectives) == [
            "errors", "signal", "nosignal", "maxtotalsize", "minutes", "at", "spread",
        ]
    )
}

@Test(arguments: manPageDirectives)
func manPage_directiveIsAccepted(_ keyword: String) {
    let line = keyword + (exampleArguments[keyword].map { " " + $0 } ?? "")
    let body =
        ["firstaction", "lastaction", "prerotate", "postrotate", "preremove"].contains(keyword)
        ? line + "\necho\nendscript" : line
    let text = ["tabooext", "taboopat"].contains(keyword) ? body + "\n/l.log {\n}\n" : "/l.log {\n\(body)\n}\n"
    let state = parse(text)
    #expect(state.diagnostics.filter { !$0.message.contains("not followed") }.isEmpty, "\(state.diagnostics)")
    #expect(state.blocks.count == 1)
}
