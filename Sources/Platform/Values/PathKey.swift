import Glibc
import SystemPackage

/// A path as a dictionary or set key, hashed as one run of bytes: `FilePath` feeds its hasher one byte at a time,
/// which shows in profiles of planning tens of thousands of logs.
package struct PathKey: Hashable, Sendable {
    package let path: FilePath

    package init(_ path: FilePath) {
        self.path = path
    }

    package func hash(into hasher: inout Hasher) {
        path.withPlatformString { hasher.combine(bytes: UnsafeRawBufferPointer(start: $0, count: strlen($0))) }
    }
}
