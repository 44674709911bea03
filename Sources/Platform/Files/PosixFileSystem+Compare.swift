import SystemPackage

extension PosixFileSystem {
    package func begins(_ path: FilePath, withContentOf prefix: FilePath) throws(PlatformError) -> Bool {
        let (whole, wholeStatus) = try RegularFile.open(path, OpenFlags.readOnly)
        defer { system_close(whole) }
        let (start, startStatus) = try RegularFile.open(prefix, OpenFlags.readOnly)
        defer { system_close(start) }
        guard startStatus.size <= wholeStatus.size else { return false }
        var left = [UInt8](repeating: 0, count: 1 << 16)
        var right = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try left.withUnsafeMutableBytes { system_read(start, into: $0) }.orThrow("read", prefix)
            if count == 0 { return true }
            var filled = 0
            while filled < count {
                let read = try right.withUnsafeMutableBytes {
                    system_read(whole, into: UnsafeMutableRawBufferPointer(rebasing: $0[filled..<count]))
                }.orThrow("read", path)
                if read == 0 { return false }
                filled += read
            }
            if left[..<count] != right[..<count] { return false }
        }
    }
}
