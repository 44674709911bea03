import LogrotateConfig
import Platform
import SystemPackage

/// Where and under which names a log's old versions live: `DIR/BASE.N EXT CE` or `DIR/BASE DATE EXT CE`.
///
/// `DIR` is `olddir` (relative to the log's directory unless absolute) or the log's directory; `BASE` is the log's
/// file name without `extension`/`addextension`; `EXT` is that extension; `CE` is `compressext` when compressing.
///
/// Equivalent logrotate code: `logrotate.c prerotateSingleLog` (`rotNames->dirName`, `baseName`, `fileext`,
/// `compext`).
package struct ArchiveNaming: Equatable, Sendable {
    /// The log itself.
    package var log: FilePath
    /// The directory old versions are kept in.
    package var directory: FilePath
    /// The file name old versions start with, as bytes: a log's name need not be UTF-8.
    package var base: [UInt8]
    /// What follows the index or date (`extension`/`addextension`), possibly empty.
    package var fileExtension: String
    /// `compressext` when `compress` is on, else empty.
    package var compressExtension: String

    /// Derives the naming of a log's old versions from its settings.
    package init(log: FilePath, settings: LogSettings) {
        self.log = log
        let logDirectory = log.removingLastComponent()
        if let oldDir = settings.oldDir {
            let oldPath = FilePath(oldDir)
            self.directory = oldPath.isAbsolute ? oldPath : logDirectory.pushing(oldPath)
        } else {
            self.directory = logDirectory
        }
        let name = log.lastComponent?.bytes ?? []
        (self.base, self.fileExtension) = ArchiveNaming.split(name, settings: settings)
        self.compressExtension = settings.compress ? settings.compressExtension : ""
    }

    /// `addextension` always applies (stripped from the name first when present); `extension` only when the name
    /// ends with it.
    private static func split(_ name: [UInt8], settings: LogSettings) -> (base: [UInt8], extension: String) {
        if let added = settings.addExtension {
            return (name.hasSuffix(added) ? Array(name.dropLast(added.utf8.count)) : name, added)
        }
        if let ext = settings.extension, !ext.isEmpty, name.hasSuffix(ext) {
            return (Array(name.dropLast(ext.utf8.count)), ext)
        }
        return (name, "")
    }

    /// `DIR/BASE.N EXT` plus `CE` when `compressed`.
    package func numbered(_ index: Int, compressed: Bool) -> FilePath {
        path(base + ".\(index)\(fileExtension)\(compressed ? compressExtension : "")".utf8)
    }

    /// `DIR/BASE SUFFIX EXT` plus `CE` when `compressed`.
    package func dated(_ suffix: String, compressed: Bool) -> FilePath {
        path(base + "\(suffix)\(fileExtension)\(compressed ? compressExtension : "")".utf8)
    }

    /// The file `name` (bytes) in `directory`, joined as bytes: parsing the name into components and appending them
    /// took a fifth of planning's time in profiles of 10,000 logs.
    private func path(_ name: [UInt8]) -> FilePath {
        var joined = directory.bytes
        guard !joined.isEmpty else { return FilePath(bytes: name) }
        if joined.last != UInt8(ascii: "/") { joined.append(UInt8(ascii: "/")) }
        joined += name
        return FilePath(bytes: joined)
    }

    /// The highest index logrotated gives a generation: 2^31−1.
    ///
    /// The rule for indices read from names: a generation `BASE.N EXT CE` is shifted to `N+1` only when `N+1` is at
    /// most this bound; a name with a higher index (or more digits than `Int` holds) is left alone, with a warning.
    /// logrotate 3.21 keeps indices in a C `int` (`findLastRotated`'s `sscanf("%d")`, the shift loop's `int i`), so
    /// no tree it made holds a higher one, and rotating up to it takes one rotation a second for 68 years: on every
    /// tree logrotate can handle, logrotated shifts what logrotate shifts. Such a name was made by someone else, and
    /// starting the shift from it would plan one step per index up to it.
    package static let maximumIndex = Int(Int32.max)

    /// The generations `BASE.N EXT CE` among `names`: what `rotate -1` shifts, oldest last.
    ///
    /// Equivalent logrotate code: `logrotate.c findLastRotated`.
    package func generations(among names: some Sequence<[UInt8]>) -> NumberedGenerations {
        let prefix = base + ".".utf8
        let suffix = fileExtension + compressExtension
        var found = NumberedGenerations()
        for name in names where name.starts(with: prefix) && name.hasSuffix(suffix) {
            guard name.count > prefix.count + suffix.utf8.count else { continue }
            let digits = name.dropFirst(prefix.count).dropLast(suffix.utf8.count)
            guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { continue }
            if let index = Int(String(decoding: digits, as: UTF8.self)), index < Self.maximumIndex {
                found.indices.append(index)
            } else {
                found.ignored.append(path(name))
            }
        }
        found.indices.sort()
        found.ignored.sort { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        return found
    }

    /// The names `BASE DATE EXT [CE]` whose date matches `format`'s pattern, oldest first.
    ///
    /// Equivalent logrotate code: `logrotate.c prerotateSingleLog` (`glob` + `sortGlobResult`).
    package func datedArchives(
        among names: some Sequence<[UInt8]>,
        format: DateFormat,
        compressed: Bool
    ) -> [FilePath] {
        let matches = datedMatches(among: names, format: format, compressed: compressed)
        return Self.oldestFirst(matches).map { path($0.name) }
    }

    /// A dated name with the sort key of its date.
    typealias DatedMatch = (key: [Int], name: [UInt8])

    /// The names `BASE DATE EXT [CE]` whose date matches `format`'s pattern, with their sort keys, unsorted.
    func datedMatches(among names: some Sequence<[UInt8]>, format: DateFormat, compressed: Bool) -> [DatedMatch] {
        let suffix = fileExtension + (compressed ? compressExtension : "")
        return names.compactMap { name -> DatedMatch? in
            guard name.starts(with: base), name.hasSuffix(suffix), name.count >= base.count + suffix.utf8.count else {
                return nil
            }
            // Invalid bytes decode to U+FFFD, which no date field matches.
            let date = String(decoding: name.dropFirst(base.count).dropLast(suffix.utf8.count), as: UTF8.self)
            return format.match(date[...]).map { (format.sortKey($0), name) }
        }
    }

    /// Dated matches ordered by date, then by name (logrotate's `sortGlobResult`).
    static func oldestFirst(_ matches: [DatedMatch]) -> [DatedMatch] {
        matches.sorted { lhs, rhs in
            lhs.key == rhs.key
                ? lhs.name.lexicographicallyPrecedes(rhs.name) : lhs.key.lexicographicallyPrecedes(rhs.key)
        }
    }

    /// The file `name` (bytes) in `directory`.
    func archivePath(_ name: [UInt8]) -> FilePath {
        path(name)
    }
}

extension [UInt8] {
    /// Whether the bytes end with the UTF-8 of `ending`.
    fileprivate func hasSuffix(_ ending: String) -> Bool {
        count >= ending.utf8.count && suffix(ending.utf8.count).elementsEqual(ending.utf8)
    }
}

/// The numbered generations of a log found in its directory.
package struct NumberedGenerations: Equatable, Sendable {
    /// The indices of the names `BASE.N EXT CE`, ascending.
    package var indices: [Int] = []
    /// The names of that form whose index is beyond `ArchiveNaming.maximumIndex`: never shifted.
    package var ignored: [FilePath] = []

    package init(indices: [Int] = [], ignored: [FilePath] = []) {
        self.indices = indices
        self.ignored = ignored
    }
}
