/// Who this process runs as.
public enum ProcessIdentity {
    /// `geteuid()`: logrotate does root-only things (chown, the parent-directory check) when this is 0.
    public static func currentEffectiveUserID() -> UInt32 {
        system_geteuid()
    }

    /// `getuid()`: logrotate applies the config-permission and parent-directory rules when this is 0.
    public static func realUserID() -> UInt32 {
        system_getuid()
    }

    /// `getpid()`.
    public static func processID() -> Int32 {
        system_getpid()
    }

    /// `$HOME`, for `~/` in configuration paths.
    public static func homeDirectory() -> String? {
        system_getenv("HOME")
    }
}
