import SystemPackage

/// The machine's name.
public enum Hostname {
    /// `gethostname(2)`.
    /// - Throws: `PlatformError` when the name cannot be read.
    public static func current() throws(PlatformError) -> String {
        try system_gethostname().orThrow("gethostname", "/proc/sys/kernel/hostname")
    }
}
