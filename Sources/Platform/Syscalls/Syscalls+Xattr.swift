import CShims
import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// The POSIX access ACL of an open file (`fgetxattr` of `system.posix_acl_access`, the bytes libacl reads).
internal func system_getAccessACL(_ fd: Int32) -> Result<[UInt8], Errno> {
    while true {
        let size: Result<Int64, Errno> = valueOrErrno { cshims_get_access_acl(fd, nil, 0) }
        guard case .success(let needed) = size else { return size.map { _ in [] } }
        var bytes = [UInt8](repeating: 0, count: Int(needed))
        let read = bytes.withUnsafeMutableBytes { buffer in
            valueOrErrno { cshims_get_access_acl(fd, buffer.baseAddress, UInt64(buffer.count)) }
        }
        switch read {
        case .success(let count): return .success(Array(bytes[0..<Int(count)]))
        case .failure(.outOfRange): continue  // the ACL grew between the two calls
        case .failure(let errno): return .failure(errno)
        }
    }
}

/// Sets the POSIX access ACL of an open file (`fsetxattr` of `system.posix_acl_access`); it also sets the mode's
/// permission bits.
internal func system_setAccessACL(_ fd: Int32, _ acl: [UInt8]) -> Result<Void, Errno> {
    acl.withUnsafeBytes { buffer in
        valueOrErrno { cshims_set_access_acl(fd, buffer.baseAddress, UInt64(buffer.count)) }.map { _ in () }
    }
}
