/// 64-bit FNV-1a: the hash of stable values, the same in every process and on every machine (Swift's `Hasher` is
/// seeded per process). Not cryptographic.
package struct FNV1a: Sendable {
    /// The hash of what was added so far.
    package private(set) var value: UInt64

    /// An empty hash, its offset basis mixed with `seed` (e.g. a length).
    package init(seed: UInt64 = 0) {
        value = 0xcbf2_9ce4_8422_2325 ^ seed
    }

    /// Adds one unit: a byte, or a word when hashing 8 bytes at a time.
    package mutating func add(_ unit: UInt64) {
        value = (value ^ unit) &* 0x100_0000_01b3
    }

    /// Adds each byte of `bytes`.
    package mutating func add(bytes: some Sequence<UInt8>) {
        for byte in bytes { add(UInt64(byte)) }
    }

    /// Adds `raw` 8 bytes at a time (each word one unit), then the bytes left one by one: eight times fewer steps
    /// than byte by byte, for digests of whole files or of every line of a state file.
    package mutating func add(wordsOf raw: UnsafeRawBufferPointer) {
        let words = raw.count / 8
        for index in 0..<words {
            add(raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
        }
        add(bytes: raw[(words * 8)...])
    }
}
