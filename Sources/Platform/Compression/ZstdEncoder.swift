import CZstd
import SystemPackage

/// Writes one zstd frame with libzstd's streaming API (`ZSTD_compressStream2`), with a checksum as the `zstd` tool
/// writes by default, and with `ZSTD_c_nbWorkers` set to the number of cores for large inputs.
internal struct ZstdEncoder {
    var level: Int32
    /// Inputs at least this large are compressed by libzstd's worker threads.
    var parallelThreshold: UInt64 = 4 << 20
    var workers = onlineProcessorCount()

    /// Compresses everything readable from `input` (about `size` bytes) into `output`.
    /// - Throws: `PlatformError` for a failed read of `source`, write of `target`, or a libzstd error.
    func encode(
        from input: Int32,
        to output: Int32,
        size: UInt64,
        source: FilePath,
        target: FilePath
    ) throws(PlatformError) {
        guard let context = ZSTD_createCCtx() else { preconditionFailure("ZSTD_createCCtx failed: out of memory") }
        defer { ZSTD_freeCCtx(context) }
        try check(ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level), target)
        try check(ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1), target)
        if size >= parallelThreshold && workers > 1 {
            // Fails harmlessly when libzstd was built without threads: it then compresses on this thread.
            _ = ZSTD_CCtx_setParameter(context, ZSTD_c_nbWorkers, Int32(workers))
        }
        let inBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { inBuffer.deallocate() }
        let outBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: ZSTD_CStreamOutSize(), alignment: 16)
        defer { outBuffer.deallocate() }
        var finished = false
        while !finished {
            let count = try DescriptorIO.fill(input, inBuffer, source)
            finished = count < inBuffer.count
            var pending = ZSTD_inBuffer(src: inBuffer.baseAddress, size: count, pos: 0)
            var remaining = 1
            while finished ? remaining != 0 : pending.pos < pending.size {
                var produced = ZSTD_outBuffer(dst: outBuffer.baseAddress, size: outBuffer.count, pos: 0)
                remaining = try check(
                    ZSTD_compressStream2(context, &produced, &pending, finished ? ZSTD_e_end : ZSTD_e_continue),
                    target
                )
                try DescriptorIO.writeAll(output, UnsafeRawBufferPointer(rebasing: outBuffer[0..<produced.pos]), target)
            }
        }
    }

    @discardableResult
    private func check(_ code: Int, _ target: FilePath) throws(PlatformError) -> Int {
        guard ZSTD_isError(code) != 0 else { return code }
        let reason = String(cString: ZSTD_getErrorName(code))
        throw PlatformError(.other, "zstd compression into \(target) failed: \(reason)")
    }
}
