import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

// The locks of `logrotated pipe`: the pipe holds an exclusive `flock`; other processes test for it with a shared one.

/// `flock(LOCK_SH | LOCK_NB)`: fails with `EWOULDBLOCK` while another open file description holds an exclusive lock.
internal func system_flockSharedNoWait(_ fd: Int32) -> Result<Void, Errno> {
    valueOrErrno { flock(fd, LOCK_SH | LOCK_NB) }.map { _ in () }
}
