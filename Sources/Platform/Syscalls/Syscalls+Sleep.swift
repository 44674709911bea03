#if canImport(Glibc)
import Glibc
#endif

/// Sleeps the calling thread (a short wait between two looks at `/proc`).
internal func system_sleep(milliseconds: Int) {
    _ = usleep(useconds_t(max(0, milliseconds) * 1000))
}
