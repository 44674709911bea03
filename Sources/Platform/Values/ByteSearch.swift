import CShims

extension [UInt8] {
    /// The first occurrence of `needle` at or after `start` (`memmem`), or `nil`.
    package func firstRange(of needle: [UInt8], from start: Int = 0) -> Range<Int>? {
        guard !needle.isEmpty, start >= 0, start <= count else { return nil }
        let offset = withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { pattern in
                cshims_memmem(
                    haystack.baseAddress.map { $0 + start },
                    UInt64(count - start),
                    pattern.baseAddress,
                    UInt64(pattern.count)
                )
            }
        }
        guard offset >= 0 else { return nil }
        return (start + Int(offset))..<(start + Int(offset) + needle.count)
    }
}

/// A 64-bit digest of some bytes, to tell cheaply whether a file still holds exactly what was written to it
/// (FNV-1a over 8-byte words, seeded with the length: any change of a single word changes it; not cryptographic).
package struct ContentDigest: Equatable, Hashable, Sendable {
    /// The digest.
    package let value: UInt64

    /// The digest of `bytes`.
    package init(_ bytes: [UInt8]) {
        var hash = FNV1a(seed: UInt64(bytes.count))
        bytes.withUnsafeBytes { hash.add(wordsOf: $0) }
        value = hash.value
    }
}
