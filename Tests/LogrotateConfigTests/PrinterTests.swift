import LogrotateConfig
import Testing

/// Configurations whose printed form must read back to the same patterns and settings.
let roundTripConfigs: [String] =
    Fixtures.all.map(\.1) + directiveCases.map { "/l.log {\n\($0.text)\n}\n" } + [
        "compress\nrotate 3\n/a.log {\n}\nnocompress\n/b.log {\ncompresscmd /usr/bin/pigz\ncompressext .gz\n}\n",
        "/a.log {\ncompresscmd /usr/bin/bzip2\ncompressext .gz\n}\n",
        "/a.log {\ncompressext .bz2\ncompresscmd /usr/bin/bzip2\n}\n",
        "\"/odd name/#x.log\" '/q\"uote' /back\\\\slash {\nsize 0\n}\n",
        "/a.log {\ncompressoptions \"a b\" 'c\\'d' e\\\\f\n}\n",
        "/a.log {\ncreate 04755 root adm\ncreateolddir 0700\n}\n",
        "/a.log {\npostrotate\nendscript\n}\n",
    ]

@Test(arguments: roundTripConfigs)
func printer_output_readsBackToSameSettings(_ text: String) {
    let original = parse(text)
    let printed = ConfigPrinter.render(original.configuration)
    let reread = parse(printed, file: "printed.conf")
    #expect(reread.diagnostics.isEmpty, "\(reread.diagnostics)\n\(printed)")
    #expect(reread.blocks.map(\.patterns) == original.blocks.map(\.patterns), "\(printed)")
    #expect(reread.blocks.map(\.settings) == original.blocks.map(\.settings), "\(printed)")
}

@Test func printer_format() {
    let printed = ConfigPrinter.render(
        parse("compress\n/a.log /b\\ c {\n daily\n postrotate\n  x\n endscript\n}\n").configuration
    )
    #expect(
        printed == """
            # t.conf:2
            /a.log /b\\ c {
                daily
                compress
                postrotate
              x
                endscript
            }

            """
    )
}
