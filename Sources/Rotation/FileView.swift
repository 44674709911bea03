import Platform
import SystemPackage

/// What the planner believes is on disk: the read view, plus the effects of the steps planned so far.
///
/// Planning against this simulation lets later decisions (the dispose name, a dateext collision, what `rotate -1`
/// shifts) see the results of earlier steps, as logrotate sees them when it re-checks the disk between actions.
///
/// It is on the hot path of a glob matching tens of thousands of logs (eight look-ups per log for `rotate 7`), so
/// each directory's names sit in one shared set reached through a one-entry cache, and paths are hashed as bytes.
/// Names are kept as bytes, never as `String`: a name that is not UTF-8 must be found, and shifted, as it is.
///
/// A directory is listed only when that costs less than looking up the names the plan will ask about (`lstat` each,
/// the first time): always for a few logs (`probedLogLimit`), so rotating one log among tens of thousands in a
/// directory costs what its own names cost; for more, when the directory looks larger (by its size) than
/// `listedNamesPerLookup` times the look-ups (a daemon's job of 256 logs probes a directory of 100,000 names and
/// lists one of 10,000; `rotate` over all of them lists).
/// A directory is still listed when a question needs all its names (`names(in:startingWith:)`: dateext, `rotate -1`, `maxtotalsize`), or when a
/// look-up fails for another reason than a missing name; what was learnt about its names until then is kept.
/// A view given `SharedListings` takes every directory's names from them (listed once for all the views that share
/// them), never looking names up.
struct FileView {
    private let fileSystem: any FileSystem
    /// Listings shared with other views, read once for all of them; `nil` when this view reads its own.
    private let shared: SharedListings?
    /// How many names the plan is expected to look up; `nil` to look up every name (a few logs).
    private let lookups: Int?
    /// Keyed by the directory's path bytes.
    private var listings: [[UInt8]: Listing] = [:]
    /// The directory used last, and its listing: consecutive look-ups nearly always fall in the same directory.
    private var recent: (directory: [UInt8], listing: Listing)?
    /// What planned steps made known about files: their status, or where a moved file still is on disk (its status
    /// is read from there when needed).
    private var facts: [PathKey: Fact] = [:]
    private var directories: Set<FilePath> = []

    private enum Fact {
        case status(FileStatus)
        case movedFrom(FilePath)
    }

    /// Up to this many logs, names are looked up, never listed.
    static let probedLogLimit = 8
    /// Listing a directory costs about one look-up per this many names: measured on ext4, a listed name (a
    /// `getdents` entry and a set insertion) took 0.3 µs, an `lstat` of a missing name in a directory of 20,000 names
    /// about 7 µs.
    static let listedNamesPerLookup = 16
    /// A directory's size (`st_size`) per name, to estimate how many names it holds: about what ext4 and xfs take
    /// (tmpfs counts 20 bytes a name, btrfs twice the name's length).
    static let directoryBytesPerName = 32

    /// A view of `fileSystem` for planning `logCount` logs, each expected to look up about `lookupsPerLog` names;
    /// with `shared`, every directory is listed through them instead.
    init(_ fileSystem: any FileSystem, logCount: Int = .max, lookupsPerLog: Int = 8, shared: SharedListings? = nil) {
        self.fileSystem = fileSystem
        self.shared = shared
        self.lookups = logCount <= Self.probedLogLimit ? nil : logCount.multipliedClamped(by: max(lookupsPerLog, 1))
    }

    /// The names in `directory` that start with `prefix`, in byte order (none when it cannot be read): a log's
    /// archives all start with its base name. The directory is listed whole the first time, and its names kept in
    /// order from then on, so each log's question costs what its own names cost, not the directory's.
    mutating func names(in directory: FilePath, startingWith prefix: [UInt8]) -> [[UInt8]] {
        let listing = listing(of: directory.bytes[...])
        if !listing.isComplete { load(listing, directory: directory.bytes) }
        if listing.sorted == nil {
            listing.keepOrder(
                shared: listing.isShared ? shared?.sortedNames(in: directory.bytes, fileSystem: fileSystem) : nil
            )
        }
        return listing.sorted?.names(startingWith: prefix) ?? []
    }

    mutating func exists(_ path: FilePath) -> Bool {
        guard let (listing, name) = entry(path) else { return false }
        if listing.names.contains(name) { return true }
        if listing.isComplete || listing.absent.contains(name) { return false }
        do throws(PlatformError) {
            let found = try fileSystem.status(of: path, followSymlinks: false) != nil
            if found { listing.insert(name) } else { listing.remove(name) }
            return found
        } catch {
            load(listing, directory: path.removingLastComponent().bytes)
            return listing.names.contains(name)
        }
    }

    /// The status of an existing path (moved files keep the status they had).
    mutating func status(of path: FilePath) -> FileStatus? {
        guard exists(path) else { return nil }
        let onDisk: FilePath
        switch facts[PathKey(path)] {
        case .status(let known): return known
        case .movedFrom(let origin): onDisk = origin
        case nil: onDisk = path
        }
        return (try? fileSystem.status(of: onDisk, followSymlinks: false)) ?? nil
    }

    /// Whether a directory exists (on disk or created by an earlier step).
    func directoryExists(_ path: FilePath) -> Bool {
        if directories.contains(path) { return true }
        let status = (try? fileSystem.status(of: path, followSymlinks: true)) ?? nil
        return status?.kind == .directory
    }

    mutating func addDirectory(_ path: FilePath) {
        directories.insert(path)
        if listings[path.bytes] == nil { listings[path.bytes] = Listing(complete: []) }
    }

    mutating func add(_ path: FilePath, status: FileStatus?) {
        insert(path)
        if let status {
            facts[PathKey(path)] = .status(status)
        } else if !facts.isEmpty {
            facts[PathKey(path)] = nil
        }
    }

    mutating func remove(_ path: FilePath) {
        erase(path)
        if !facts.isEmpty { facts[PathKey(path)] = nil }
    }

    /// Forgets what it remembered about moved files once the planned steps have been executed: the disk is then
    /// the truth, and a block of tens of thousands of logs keeps only its directory listings in memory.
    mutating func settle() {
        facts = [:]
    }

    /// Records a planned rename; the file's status is not read until someone asks for it.
    mutating func move(_ source: FilePath, to target: FilePath) {
        let fact = facts.isEmpty ? nil : facts.removeValue(forKey: PathKey(source))
        erase(source)
        insert(target)
        facts[PathKey(target)] = fact ?? .movedFrom(source)
    }

    private mutating func insert(_ path: FilePath) {
        guard let (listing, name) = entry(path) else { return }
        listing.insert(name)
    }

    private mutating func erase(_ path: FilePath) {
        guard let (listing, name) = entry(path) else { return }
        listing.remove(name)
    }

    /// The listing of the path's directory and its name there, split at the last `/` of the path's bytes (a
    /// `FilePath` has no trailing or doubled separators): `FilePath`'s component parsing was the largest part of
    /// planning in profiles.
    private mutating func entry(_ path: FilePath) -> (Listing, NameKey)? {
        let bytes = path.bytes
        let slash = bytes.lastIndex(of: UInt8(ascii: "/"))
        let nameStart = slash.map { $0 + 1 } ?? 0
        guard nameStart < bytes.count else { return nil }
        let directory = slash.map { $0 == 0 ? bytes[...$0] : bytes[..<$0] } ?? []
        return (listing(of: directory), NameKey(Array(bytes[nameStart...])))
    }

    /// The listing of `directory` (the path's bytes): read from disk the first time, unless its names are looked up.
    private mutating func listing(of directory: ArraySlice<UInt8>) -> Listing {
        if let recent, recent.directory.elementsEqual(directory) { return recent.listing }
        let key = Array(directory)
        let listing =
            listings[key]
            ?? {
                if let shared {
                    let created = Listing(shared: shared.names(in: key, fileSystem: fileSystem))
                    listings[key] = created
                    return created
                }
                let created = Listing(known: [])
                if !looksUp(in: key) { load(created, directory: key) }
                listings[key] = created
                return created
            }()
        recent = (key, listing)
        return listing
    }

    /// Whether the names of `directory` are better looked up one by one than listed.
    private func looksUp(in directory: [UInt8]) -> Bool {
        guard let lookups else { return true }
        let status = (try? fileSystem.status(of: FilePath(bytes: directory), followSymlinks: true)) ?? nil
        guard let status, status.kind == .directory else { return false }
        let names = Int(clamping: status.size) / Self.directoryBytesPerName
        return names / Self.listedNamesPerLookup > lookups
    }

    /// Lists `directory` into `listing`, keeping what look-ups and planned steps made known.
    private func load(_ listing: Listing, directory: [UInt8]) {
        listing.complete(with: (try? fileSystem.namesInDirectory(FilePath(bytes: directory))) ?? [])
    }
}
