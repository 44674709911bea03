import LogrotateConfig
import Platform

extension CompressionMethod {
    /// The method for a block: in-process when `compresscmd` is gzip or zstd and `compressoptions` only sets a level.
    ///
    /// `gzip` ⇒ `.gzip(level:)` (default 6, gzip's own), `zstd` ⇒ `.zstd(level:)` (default 3); options other than a
    /// single `-N` (e.g. `--rsyncable`, `-T0`) keep the external command so their meaning is not lost.
    package init(settings: LogSettings) {
        let command = settings.compressCommand
        let arguments = settings.compressOptions ?? []
        let name = command.split(separator: "/").last.map(String.init) ?? command
        let level = CompressionMethod.level(in: arguments)
        let builtIn: CompressionFormat? =
            switch (name, level) {
            case ("gzip", .some(let level)): .gzip(level: level ?? 6)
            case ("zstd", .some(let level)): .zstd(level: level ?? 3)
            default: nil
            }
        self.init(command: command, arguments: arguments, builtIn: builtIn)
    }

    /// `.some(nil)` for no options, `.some(N)` for exactly `-N`, `nil` for anything else.
    private static func level(in arguments: [String]) -> Int?? {
        guard let only = arguments.first else { return .some(nil) }
        guard arguments.count == 1, only.hasPrefix("-"), let level = Int(only.dropFirst()), level > 0 else {
            return nil
        }
        return .some(level)
    }
}
