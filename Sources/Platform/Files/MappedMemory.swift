import Glibc

/// Anonymous memory straight from `mmap`, given back with `munmap`: only the pages written become resident, and all
/// of them leave the process when it is freed. For large buffers of which a small, varying part is used (a gzip
/// member's worst-case bound): from `malloc`, such a buffer reuses pages other buffers already touched, and keeps
/// them resident in its arena after `free`.
enum MappedMemory {
    /// `count` bytes of zeroed, page-aligned memory (traps when the process is out of address space, as
    /// `allocate` does).
    static func allocate(byteCount count: Int) -> UnsafeMutableRawBufferPointer {
        let start = mmap(nil, max(count, 1), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        precondition(start != MAP_FAILED, "mmap of \(count) bytes failed: out of memory")
        return UnsafeMutableRawBufferPointer(start: start, count: count)
    }

    /// Frees memory from `allocate` (nothing for an empty buffer).
    static func deallocate(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let start = buffer.baseAddress else { return }
        munmap(start, max(buffer.count, 1))
    }
}
