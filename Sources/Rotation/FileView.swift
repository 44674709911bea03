import Platform
import SystemPackage

/// What the planner believes is on disk: the read view, plus the effects of the steps planned so far.
///
/// Planning against this simulation lets later decisions (the dispose name, a dateext collision, what `rotate -1`
/// shifts) see the results of earlier steps, as logrotate sees them when it re-checks the disk between actions.
struct FileView {
    private let fileSystem: any FileSystem
    private var listings: [FilePath: Set<String>] = [:]
    private var statuses: [FilePath: FileStatus] = [:]
    /// Where a file moved by a planned step still is on disk (its status is read from there when needed).
    private var origins: [FilePath: FilePath] = [:]
    private var directories: Set<FilePath> = []

    init(_ fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    /// The names in `directory`, sorted (empty when it cannot be read).
    mutating func names(in directory: FilePath) -> [String] {
        listing(of: directory).sorted()
    }

    mutating func exists(_ path: FilePath) -> Bool {
        guard let name = path.lastComponent?.string else { return false }
        let directory = path.removingLastComponent()
        loadListing(of: directory)
        return listings[directory]?.contains(name) ?? false
    }

    /// The status of an existing path (moved files keep the status they had).
    mutating func status(of path: FilePath) -> FileStatus? {
        guard exists(path) else { return nil }
        if let known = statuses[path] { return known }
        return (try? fileSystem.status(of: origins[path] ?? path, followSymlinks: false)) ?? nil
    }

    /// Whether a directory exists (on disk or created by an earlier step).
    func directoryExists(_ path: FilePath) -> Bool {
        if directories.contains(path) { return true }
        let status = (try? fileSystem.status(of: path, followSymlinks: true)) ?? nil
        return status?.kind == .directory
    }

    mutating func addDirectory(_ path: FilePath) {
        directories.insert(path)
        listings[path] = listings[path] ?? []
    }

    mutating func add(_ path: FilePath, status: FileStatus?) {
        guard let name = path.lastComponent?.string else { return }
        let directory = path.removingLastComponent()
        loadListing(of: directory)
        listings[directory, default: []].insert(name)  // in place: no copy of a large directory's set
        statuses[path] = status
        origins[path] = nil
    }

    mutating func remove(_ path: FilePath) {
        guard let name = path.lastComponent?.string else { return }
        let directory = path.removingLastComponent()
        loadListing(of: directory)
        listings[directory, default: []].remove(name)
        statuses[path] = nil
        origins[path] = nil
    }

    /// Forgets what it remembered about moved files once the planned steps have been executed: the disk is then
    /// the truth, and a block of tens of thousands of logs keeps only its directory listings in memory.
    mutating func settle() {
        statuses = [:]
        origins = [:]
    }

    /// Records a planned rename; the file's status is not read until someone asks for it.
    mutating func move(_ source: FilePath, to target: FilePath) {
        let known = statuses[source]
        let origin = origins[source] ?? source
        remove(source)
        add(target, status: known)
        if known == nil { origins[target] = origin }
    }

    private mutating func listing(of directory: FilePath) -> Set<String> {
        loadListing(of: directory)
        return listings[directory] ?? []
    }

    private mutating func loadListing(of directory: FilePath) {
        guard listings[directory] == nil else { return }
        listings[directory] = Set((try? fileSystem.contentsOfDirectory(directory)) ?? [])
    }
}
