import Platform
import SystemPackage

/// The inotify watches behind a set of `SizeWatch`es: one on each file (its writes, and its leaving the path) and one
/// on each parent directory (a file appearing at a watched name, by creation or rename). Owned by the watcher thread.
struct WatchTable {
    private static let fileMask: InotifyMask = [.modify, .deleteSelf, .moveSelf]
    private static let directoryMask: InotifyMask = [.create, .movedTo, .onlyDirectory]

    private let inotify: Inotify
    private(set) var limits: [FilePath: UInt64] = [:]
    /// The paths on each file watch (several only for hard links of one file).
    private var fileWatches: [Int32: WatchedPaths] = [:]
    /// The file watch each path is in (the reverse of `fileWatches`).
    private var watchOfPath: [FilePath: Int32] = [:]
    private var directoryWatches: [Int32: FilePath] = [:]
    private var watchedInodes: [FilePath: UInt64] = [:]
    /// Directories of glob patterns, with their name patterns: names appearing there that match one are reported.
    private var patternDirectories: [FilePath: Set<String>] = [:]

    init(inotify: Inotify) {
        self.inotify = inotify
    }

    /// Makes the watches those of `watches` and `patternDirectories`, changing only what differs: files no longer
    /// wanted lose their watch, kept ones stay armed, directories are added or removed. Returns the paths that are
    /// new or got another limit (to check now; new files are armed when first checked), so a new log among 100,000
    /// costs a few system calls, not 100,000.
    mutating func replace(
        with watches: [SizeWatch],
        patternDirectories: [FilePath: Set<String>] = [:]
    ) -> Set<FilePath> {
        let wanted = Dictionary(watches.map { ($0.path, $0.limit) }) { first, second in min(first, second) }
        let changed = Set(wanted.compactMap { path, limit in limits[path] == limit ? nil : path })
        for path in limits.keys where wanted[path] == nil { unwatch(path) }
        limits = wanted
        self.patternDirectories = patternDirectories
        let directories = Set(limits.keys.map { $0.removingLastComponent() }).union(patternDirectories.keys)
        for (watch, directory) in directoryWatches where !directories.contains(directory) {
            inotify.removeWatch(watch)
            directoryWatches[watch] = nil
        }
        let watched = Set(directoryWatches.values)
        for directory in directories where !watched.contains(directory) {
            if let watch = try? inotify.addWatch(directory, mask: Self.directoryMask) {
                directoryWatches[watch] = directory
            }
        }
        return changed
    }

    /// Drops the watch of a file no longer wanted, or written by `logrotated pipe` (the inotify watch goes with the
    /// last path on it); a file still wanted is watched again when `arm` is called.
    mutating func unwatch(_ path: FilePath) {
        watchedInodes[path] = nil
        guard let watch = watchOfPath.removeValue(forKey: path), let paths = fileWatches[watch] else { return }
        fileWatches[watch] = paths.removing(path)
        if fileWatches[watch] == nil { inotify.removeWatch(watch) }
    }

    /// Watches the file now at `path` (a new inode after rotation or re-creation); `inode` is what `stat` saw.
    mutating func arm(_ path: FilePath, inode: UInt64?) {
        guard let watch = try? inotify.addWatch(path, mask: Self.fileMask) else {
            watchedInodes[path] = nil
            return
        }
        if let other = watchOfPath[path], other != watch, let paths = fileWatches[other] {
            fileWatches[other] = paths.removing(path)
        }
        fileWatches[watch] = fileWatches[watch]?.inserting(path) ?? .one(path)
        watchOfPath[path] = watch
        watchedInodes[path] = inode
    }

    /// Whether the file at `path` (with `inode`) is the one watched.
    func isWatching(_ path: FilePath, inode: UInt64) -> Bool {
        watchedInodes[path] == inode
    }

    /// The path of a name that appeared in a pattern directory, matches one of its patterns and is not a watched
    /// file yet; `nil` otherwise.
    func newName(for event: InotifyEvent) -> FilePath? {
        guard let directory = directoryWatches[event.watch], let patterns = patternDirectories[directory] else {
            return nil
        }
        let name = String(decoding: event.name, as: UTF8.self)
        guard patterns.contains(where: { Glob.matches($0, name, options: [.period]) }) else { return nil }
        let path = directory.appending(FilePath(bytes: event.name).components)
        return limits[path] == nil ? path : nil
    }

    /// Adds to `paths` the watched paths an event concerns: the written file, a name appearing in a directory, or all
    /// after overflow. Nothing is allocated for an event on one file (this runs for every write the kernel reports).
    mutating func collectPaths(for event: InotifyEvent, into paths: inout Set<FilePath>) {
        if event.mask.contains(.queueOverflow) {
            paths.formUnion(limits.keys)
            return
        }
        if let directory = directoryWatches[event.watch] {
            let path = directory.appending(FilePath(bytes: event.name).components)
            guard limits[path] != nil else { return }
            watchedInodes[path] = nil
            paths.insert(path)
            return
        }
        let watched = fileWatches[event.watch]
        watched?.visitEach { paths.insert($0) }
        guard !event.mask.isDisjoint(with: [.ignored, .deleteSelf, .moveSelf]) else { return }
        if event.mask.contains(.moveSelf) { inotify.removeWatch(event.watch) }
        fileWatches[event.watch] = nil
        watched?.visitEach { path in
            watchedInodes[path] = nil
            if watchOfPath[path] == event.watch { watchOfPath[path] = nil }
        }
    }
}

/// The paths on one inotify watch: nearly always one, which then takes no allocation of its own (a set per watch was
/// about 100 bytes a log).
private enum WatchedPaths {
    case one(FilePath)
    case many(Set<FilePath>)

    var set: Set<FilePath> {
        switch self {
        case .one(let path): [path]
        case .many(let paths): paths
        }
    }

    /// Calls `body` with each path, without building a set for one.
    func visitEach(_ body: (FilePath) -> Void) {
        switch self {
        case .one(let path): body(path)
        case .many(let paths): for path in paths { body(path) }
        }
    }

    func inserting(_ path: FilePath) -> WatchedPaths {
        switch self {
        case .one(path): self
        case .one(let other): .many([other, path])
        case .many(let paths): .many(paths.union([path]))
        }
    }

    /// The paths without `path`; `nil` when none is left.
    func removing(_ path: FilePath) -> WatchedPaths? {
        var paths = set
        paths.remove(path)
        guard let first = paths.first else { return nil }
        return paths.count == 1 ? .one(first) : .many(paths)
    }
}
