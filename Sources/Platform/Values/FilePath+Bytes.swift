import Glibc
import SystemPackage

/// A path's exact bytes. A file name need not be UTF-8, and `String` repairs what is not (`FilePath.string`,
/// `String(decoding:)`), so whatever names a file operated on goes through these instead; strings are for messages.
extension FilePath {
    /// The path's bytes, without the terminating NUL.
    package var bytes: [UInt8] {
        withPlatformString { Array(UnsafeRawBufferPointer(start: $0, count: strlen($0))) }
    }

    /// The path made of exactly `bytes` (which hold no NUL).
    ///
    /// The bytes are copied as a block: a byte-by-byte copy (unspecialized across modules) took a fifth of planning's
    /// time in profiles of 10,000 logs, which build a path for every archive name.
    package init(bytes: some Sequence<UInt8>) {
        var terminated = Array(bytes)
        terminated.append(0)
        self = terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { FilePath(platformString: $0.baseAddress!) }
        }
    }

    /// The path with `suffix` added to its last component (`a.log` to `a.log.gz`), its bytes kept.
    package func appendingToName(_ suffix: String) -> FilePath {
        FilePath(bytes: bytes + suffix.utf8)
    }
}

extension FilePath.Component {
    /// The name's bytes, without the terminating NUL.
    package var bytes: [UInt8] {
        withPlatformString { Array(UnsafeRawBufferPointer(start: $0, count: strlen($0))) }
    }
}
