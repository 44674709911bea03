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
struct FileView {
    private let fileSystem: any FileSystem
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

    /// The names of one directory; a class, so that a name is added or removed in place, without copying the set.
    private final class Listing {
        var names: Set<[UInt8]>

        init(_ names: Set<[UInt8]>) {
            self.names = names
        }
    }

    init(_ fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    /// The names in `directory`, in byte order (empty when it cannot be read).
    mutating func names(in directory: FilePath) -> [[UInt8]] {
        listing(of: directory.bytes[...]).names.sorted { $0.lexicographicallyPrecedes($1) }
    }

    mutating func exists(_ path: FilePath) -> Bool {
        guard let (listing, name) = entry(path) else { return false }
        return listing.names.contains(name)
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
        if listings[path.bytes] == nil { listings[path.bytes] = Listing([]) }
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
        listing.names.insert(name)
    }

    private mutating func erase(_ path: FilePath) {
        guard let (listing, name) = entry(path) else { return }
        listing.names.remove(name)
    }

    /// The listing of the path's directory and its name there, split at the last `/` of the path's bytes (a
    /// `FilePath` has no trailing or doubled separators): `FilePath`'s component parsing was the largest part of
    /// planning in profiles.
    private mutating func entry(_ path: FilePath) -> (Listing, [UInt8])? {
        let bytes = path.bytes
        let slash = bytes.lastIndex(of: UInt8(ascii: "/"))
        let nameStart = slash.map { $0 + 1 } ?? 0
        guard nameStart < bytes.count else { return nil }
        let directory = slash.map { $0 == 0 ? bytes[...$0] : bytes[..<$0] } ?? []
        return (listing(of: directory), Array(bytes[nameStart...]))
    }

    /// The listing of `directory` (the path's bytes), read from disk the first time.
    private mutating func listing(of directory: ArraySlice<UInt8>) -> Listing {
        if let recent, recent.directory.elementsEqual(directory) { return recent.listing }
        let key = Array(directory)
        let listing =
            listings[key]
            ?? {
                let names = (try? fileSystem.contentsOfDirectory(FilePath(bytes: key))) ?? []
                let loaded = Listing(Set(names.map(\.bytes)))
                listings[key] = loaded
                return loaded
            }()
        recent = (key, listing)
        return listing
    }
}
