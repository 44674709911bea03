import SystemPackage

/// The machine's name.
package enum Hostname {
    /// `gethostname(2)`.
    /// - Throws: `PlatformError` when the name cannot be read.
    package static func current() throws(PlatformError) -> String {
        try system_gethostname().orThrow("gethostname", "/proc/sys/kernel/hostname")
    }
}
