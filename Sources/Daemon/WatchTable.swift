import Platform
import SystemPackage

/// The inotify watches behind a set of `SizeWatch`es: one on each file (its writes, and its leaving the path) and one
/// on each parent directory (a file appearing at a watched name, by creation or rename). Owned by the watcher thread.
struct WatchTable {
    private static let fileMask: InotifyMask = [.modify, .deleteSelf, .moveSelf]
    private static let directoryMask: InotifyMask = [.create, .movedTo, .onlyDirectory]

    private let inotify: Inotify
    private(set) var limits: [FilePath: UInt64] = [:]
    private var fileWatches: [Int32: Set<FilePath>] = [:]
    /// The file watch each path is in (the reverse of `fileWatches`).
    private var watchOfPath: [FilePath: Int32] = [:]
    private var directoryWatches: [Int32: FilePath] = [:]
    private var watchedInodes: [FilePath: UInt64] = [:]
    /// Directories of glob patterns: names appearing there are reported as new.
    private var patternDirectories: Set<FilePath> = []

    init(inotify: Inotify) {
        self.inotify = inotify
    }

    /// Replaces every watch with the directory watches for `watches` and for `patternDirectories`; files are armed
    /// when first checked.
    mutating func replace(with watches: [SizeWatch], patternDirectories: Set<FilePath> = []) {
        for watch in Set(fileWatches.keys).union(directoryWatches.keys) { inotify.removeWatch(watch) }
        fileWatches = [:]
        watchOfPath = [:]
        directoryWatches = [:]
        watchedInodes = [:]
        limits = Dictionary(watches.map { ($0.path, $0.limit) }) { first, second in min(first, second) }
        self.patternDirectories = patternDirectories
        let directories = Set(limits.keys.map { $0.removingLastComponent() }).union(patternDirectories)
        for directory in directories {
            if let watch = try? inotify.addWatch(directory, mask: Self.directoryMask) {
                directoryWatches[watch] = directory
            }
        }
    }

    /// Watches the file now at `path` (a new inode after rotation or re-creation); `inode` is what `stat` saw.
    mutating func arm(_ path: FilePath, inode: UInt64?) {
        guard let watch = try? inotify.addWatch(path, mask: Self.fileMask) else {
            watchedInodes[path] = nil
            return
        }
        if let other = watchOfPath[path], other != watch, var paths = fileWatches[other] {
            paths.remove(path)
            fileWatches[other] = paths.isEmpty ? nil : paths
        }
        fileWatches[watch, default: []].insert(path)
        watchOfPath[path] = watch
        watchedInodes[path] = inode
    }

    /// Whether the file at `path` (with `inode`) is the one watched.
    func isWatching(_ path: FilePath, inode: UInt64) -> Bool {
        watchedInodes[path] == inode
    }

    /// The path of a name that appeared in a pattern directory and is not a watched file yet; `nil` otherwise.
    func newName(for event: InotifyEvent) -> FilePath? {
        guard let directory = directoryWatches[event.watch], patternDirectories.contains(directory) else { return nil }
        let path = directory.appending(FilePath(bytes: event.name).components)
        return limits[path] == nil ? path : nil
    }

    /// The watched paths an event concerns: the written file, a name appearing in a directory, or all after overflow.
    mutating func paths(for event: InotifyEvent) -> Set<FilePath> {
        if event.mask.contains(.queueOverflow) { return Set(limits.keys) }
        if let directory = directoryWatches[event.watch] {
            let path = directory.appending(FilePath(bytes: event.name).components)
            guard limits[path] != nil else { return [] }
            watchedInodes[path] = nil
            return [path]
        }
        let paths = fileWatches[event.watch] ?? []
        if !event.mask.isDisjoint(with: [.ignored, .deleteSelf, .moveSelf]) {
            if event.mask.contains(.moveSelf) { inotify.removeWatch(event.watch) }
            fileWatches[event.watch] = nil
            for path in paths {
                watchedInodes[path] = nil
                if watchOfPath[path] == event.watch { watchOfPath[path] = nil }
            }
        }
        return paths
    }
}
