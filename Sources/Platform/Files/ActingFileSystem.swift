import SystemPackage

/// A `FileSystem` whose every operation runs with a `FileSystemIdentity` (an `su` block's user and groups), so the
/// kernel refuses what that user could not do: a symlinked `olddir` into a root-only directory, a file owned by
/// someone else.
package struct ActingFileSystem: FileSystem {
    package let base: any FileSystem
    package let identity: FileSystemIdentity

    package init(_ base: any FileSystem, as identity: FileSystemIdentity) {
        self.base = base
        self.identity = identity
    }

    package func status(of path: FilePath, followSymlinks: Bool) throws(PlatformError) -> FileStatus? {
        try identity.assume { () throws(PlatformError) in try base.status(of: path, followSymlinks: followSymlinks) }
    }

    package func glob(_ pattern: String) throws(PlatformError) -> [FilePath] {
        try identity.assume { () throws(PlatformError) in try base.glob(pattern) }
    }

    package func contentsOfDirectory(_ path: FilePath) throws(PlatformError) -> [FilePath.Component] {
        try identity.assume { () throws(PlatformError) in try base.contentsOfDirectory(path) }
    }

    package func namesInDirectory(_ path: FilePath) throws(PlatformError) -> [[UInt8]] {
        try identity.assume { () throws(PlatformError) in try base.namesInDirectory(path) }
    }

    package func rename(_ source: FilePath, to target: FilePath, replace: Bool) throws(PlatformError) {
        try identity.assume { () throws(PlatformError) in try base.rename(source, to: target, replace: replace) }
    }

    package func createFile(
        _ path: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) {
        try identity.assume { () throws(PlatformError) in
            try base.createFile(path, permissions: permissions, owner: owner, group: group)
        }
    }

    package func createFile(
        _ path: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?,
        accessControlFrom source: FilePath
    ) throws(PlatformError) {
        try identity.assume { () throws(PlatformError) in
            try base.createFile(path, permissions: permissions, owner: owner, group: group, accessControlFrom: source)
        }
    }

    package func createDirectory(
        _ path: FilePath,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) {
        try identity.assume { () throws(PlatformError) in
            try base.createDirectory(path, permissions: permissions, owner: owner, group: group)
        }
    }

    package func remove(_ path: FilePath, expecting file: FileIdentity?) throws(PlatformError) {
        try identity.assume { () throws(PlatformError) in try base.remove(path, expecting: file) }
    }

    package func sync(_ path: FilePath) throws(PlatformError) {
        try identity.assume { () throws(PlatformError) in try base.sync(path) }
    }

    package func shred(_ path: FilePath, passes: Int, allowHardLinks: Bool) throws(PlatformError) {
        try identity.assume { () throws(PlatformError) in
            try base.shred(path, passes: passes, allowHardLinks: allowHardLinks)
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
        try identity.assume { () throws(PlatformError) in
            try base.copyFile(source, to: target, permissions: permissions, owner: owner, group: group)
        }
    }

    package func truncate(_ path: FilePath, to length: UInt64) throws(PlatformError) {
        try identity.assume { () throws(PlatformError) in try base.truncate(path, to: length) }
    }

    package func setTimes(_ path: FilePath, access: Timestamp, modification: Timestamp) throws(PlatformError) {
        try identity.assume { () throws(PlatformError) in
            try base.setTimes(path, access: access, modification: modification)
        }
    }

    package func begins(_ path: FilePath, withContentOf prefix: FilePath) throws(PlatformError) -> Bool {
        try identity.assume { () throws(PlatformError) in try base.begins(path, withContentOf: prefix) }
    }

    package func readFile(_ path: FilePath) throws(PlatformError) -> [UInt8] {
        try identity.assume { () throws(PlatformError) in try base.readFile(path) }
    }

    package func writeFileAtomically(_ path: FilePath, contents: [UInt8], permissions: UInt32) throws(PlatformError) {
        try identity.assume { () throws(PlatformError) in
            try base.writeFileAtomically(path, contents: contents, permissions: permissions)
        }
    }
}

/// A `Compressor` that opens the source and creates the target with a `FileSystemIdentity` (the data is then
/// compressed through those descriptors, on any thread).
package struct ActingCompressor: Compressor {
    package let base: any Compressor
    package let identity: FileSystemIdentity

    package init(_ base: any Compressor, as identity: FileSystemIdentity) {
        self.base = base
        self.identity = identity
    }

    package func compress(
        _ source: FilePath,
        to target: FilePath,
        format: CompressionFormat,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) {
        try identity.assume { () throws(PlatformError) in
            try base.compress(
                source,
                to: target,
                format: format,
                permissions: permissions,
                owner: owner,
                group: group
            )
        }
    }

    package func start(
        _ source: FilePath,
        to target: FilePath,
        format: CompressionFormat,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) -> any CompressionInProgress {
        try identity.assume { () throws(PlatformError) in
            try base.start(source, to: target, format: format, permissions: permissions, owner: owner, group: group)
        }
    }
}
