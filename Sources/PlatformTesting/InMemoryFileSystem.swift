import Platform
import Synchronization
import SystemPackage

/// A `FileSystem` held in memory, for tests: same contract as `PosixFileSystem` (no replace on `rename(replace:
/// false)`, `O_EXCL` creation, `notFound`/`alreadyExists` errors), and failures can be injected per path.
package final class InMemoryFileSystem: FileSystem {
    /// What is stored at a path.
    struct Node: Sendable {
        var status: FileStatus
        var contents: [UInt8] = []
    }

    private struct State: Sendable {
        var nodes: [FilePath: Node] = ["/": Node(status: FileStatus(kind: .directory, permissions: 0o755, inode: 1))]
        var failures: [FilePath: PlatformError] = [:]
        var nextInode: UInt64 = 2
        var listings = 0
    }

    private let state = Mutex(State())

    /// An empty file system with only `/`.
    package init() {}

    /// Makes every later change that involves `path` (as source or target) fail with `error`.
    package func injectFailure(on path: FilePath, _ error: PlatformError) {
        state.withLock { $0.failures[path] = error }
    }

    package func status(of path: FilePath, followSymlinks: Bool) throws(PlatformError) -> FileStatus? {
        state.withLock { $0.nodes[path]?.status }
    }

    /// `fnmatch` with `FNM_PATHNAME | FNM_PERIOD` over every stored path, sorted by bytes; the pattern itself when
    /// nothing matches (`GLOB_NOCHECK`).
    package func glob(_ pattern: String) throws(PlatformError) -> [FilePath] {
        let matches = state.withLock { state in
            state.nodes.keys.filter { Glob.matches(pattern, $0.string, options: [.pathname, .period]) }
        }
        guard !matches.isEmpty else { return [FilePath(pattern)] }
        return matches.sorted { Array($0.string.utf8).lexicographicallyPrecedes(Array($1.string.utf8)) }
    }

    /// How many times a directory was listed (`contentsOfDirectory`).
    package var directoryListings: Int {
        state.withLock { $0.listings }
    }

    package func contentsOfDirectory(_ path: FilePath) throws(PlatformError) -> [FilePath.Component] {
        try state.withLock { state throws(PlatformError) in
            state.listings += 1
            guard state.nodes[path]?.status.kind == .directory else {
                throw PlatformError(.notFound, "cannot open directory \(path): No such file or directory")
            }
            return state.nodes.keys.filter { $0 != path && $0.removingLastComponent() == path }
                .compactMap(\.lastComponent)
        }
    }

    package func rename(_ source: FilePath, to target: FilePath, replace: Bool) throws(PlatformError) {
        try mutate([source, target]) { state throws(PlatformError) in
            guard let node = state.nodes[source] else { throw Self.missing(source) }
            if !replace, state.nodes[target] != nil { throw Self.exists(target) }
            try Self.requireParent(of: target, in: state)
            for (path, moved) in state.nodes where path == source || path.starts(with: source) {
                state.nodes[path] = nil
                let rest = FilePath(root: nil, path.components.dropFirst(source.components.count))
                state.nodes[rest.isEmpty ? target : target.pushing(rest)] = moved
            }
            state.nodes[target] = node
        }
    }

    package func createFile(
        _ path: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) {
        try add(path, kind: .regular, permissions: permissions, owner: owner, group: group)
    }

    /// Files in memory have no ACLs: the same as ``createFile(_:permissions:owner:group:)``.
    package func createFile(
        _ path: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?,
        accessControlFrom source: FilePath
    ) throws(PlatformError) {
        try add(path, kind: .regular, permissions: permissions, owner: owner, group: group)
    }

    package func createDirectory(
        _ path: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) {
        try add(path, kind: .directory, permissions: permissions, owner: owner, group: group)
    }

    package func remove(_ path: FilePath, expecting identity: FileIdentity?) throws(PlatformError) {
        try mutate([path]) { state throws(PlatformError) in
            guard let node = state.nodes[path] else { throw Self.missing(path) }
            guard node.status.kind == .regular else { throw .notRegularFile(path, kind: node.status.kind) }
            if let identity, node.status.identity != identity { throw .replaced(path) }
            state.nodes[path] = nil
        }
    }

    package func sync(_ path: FilePath) throws(PlatformError) {
        guard try status(of: path, followSymlinks: false) != nil else { throw Self.missing(path) }
    }

    package func shred(_ path: FilePath, passes: Int, allowHardLinks: Bool) throws(PlatformError) {
        try mutate([path]) { state throws(PlatformError) in
            guard let node = state.nodes[path] else { throw Self.missing(path) }
            guard node.status.kind == .regular else { throw .notRegularFile(path, kind: node.status.kind) }
            guard node.status.linkCount == 1 || allowHardLinks else {
                throw .multipleLinks(path, count: node.status.linkCount)
            }
            state.nodes[path]?.contents = node.contents.map { _ in UInt8.random(in: 0...255) }
        }
    }

    @discardableResult
    package func copyFile(
        _ source: FilePath,
        to target: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) -> UInt64 {
        let contents = try readFile(source)
        try createFile(target, permissions: permissions, owner: owner, group: group)
        try store(target, contents)
        return UInt64(contents.count)
    }

    package func truncate(_ path: FilePath, to length: UInt64) throws(PlatformError) {
        try mutate([path]) { state throws(PlatformError) in
            guard var node = state.nodes[path] else { throw Self.missing(path) }
            node.contents = Array(node.contents.prefix(Int(length)))
            node.status.size = UInt64(node.contents.count)
            state.nodes[path] = node
        }
    }

    package func setTimes(_ path: FilePath, access: Timestamp, modification: Timestamp) throws(PlatformError) {
        try mutate([path]) { state throws(PlatformError) in
            guard state.nodes[path] != nil else { throw Self.missing(path) }
            state.nodes[path]?.status.accessTime = access
            state.nodes[path]?.status.modificationTime = modification
        }
    }

    package func begins(_ path: FilePath, withContentOf prefix: FilePath) throws(PlatformError) -> Bool {
        let (whole, start) = (try readFile(path), try readFile(prefix))
        return whole.starts(with: start)
    }

    package func readFile(_ path: FilePath) throws(PlatformError) -> [UInt8] {
        try state.withLock { state throws(PlatformError) in
            guard let node = state.nodes[path], node.status.kind == .regular else { throw Self.missing(path) }
            return node.contents
        }
    }

    package func writeFileAtomically(_ path: FilePath, contents: [UInt8], permissions: UInt32) throws(PlatformError) {
        try mutate([path]) { state throws(PlatformError) in
            try Self.requireParent(of: path, in: state)
            var node = state.nodes[path] ?? Node(status: FileStatus(kind: .regular, inode: state.nextInode))
            state.nextInode += 1
            node.status.permissions = permissions
            node.contents = contents
            node.status.size = UInt64(contents.count)
            state.nodes[path] = node
        }
    }

    /// Replaces a regular file's content (keeps its attributes).
    private func store(_ path: FilePath, _ contents: [UInt8]) throws(PlatformError) {
        try mutate([path]) { state throws(PlatformError) in
            guard state.nodes[path] != nil else { throw Self.missing(path) }
            state.nodes[path]?.contents = contents
            state.nodes[path]?.status.size = UInt64(contents.count)
        }
    }

    private func add(
        _ path: FilePath,
        kind: FileStatus.Kind,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) {
        try mutate([path]) { state throws(PlatformError) in
            if state.nodes[path] != nil { throw Self.exists(path) }
            try Self.requireParent(of: path, in: state)
            let status = FileStatus(
                kind: kind,
                permissions: permissions,
                owner: owner ?? 0,
                group: group ?? 0,
                inode: state.nextInode
            )
            state.nextInode += 1
            state.nodes[path] = Node(status: status)
        }
    }

    private func mutate(
        _ paths: [FilePath],
        _ body: (inout State) throws(PlatformError) -> Void
    ) throws(PlatformError) {
        try state.withLock { state throws(PlatformError) in
            for path in paths {
                if let failure = state.failures[path] { throw failure }
            }
            try body(&state)
        }
    }

    private static func requireParent(of path: FilePath, in state: State) throws(PlatformError) {
        guard state.nodes[path.removingLastComponent()]?.status.kind == .directory else { throw missing(path) }
    }

    private static func missing(_ path: FilePath) -> PlatformError {
        PlatformError(.notFound, "\(path): No such file or directory", errno: .noSuchFileOrDirectory)
    }

    private static func exists(_ path: FilePath) -> PlatformError {
        PlatformError(.alreadyExists, "\(path): File exists", errno: .fileExists)
    }
}
