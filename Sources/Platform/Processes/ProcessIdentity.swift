/// Who this process runs as.
package enum ProcessIdentity {
    /// `geteuid()`: logrotate does root-only things (chown, the parent-directory check) when this is 0.
    package static func currentEffectiveUserID() -> UInt32 {
        system_geteuid()
    }

    /// `getuid()`: logrotate applies the config-permission and parent-directory rules when this is 0.
    package static func realUserID() -> UInt32 {
        system_getuid()
    }

    /// `getpid()`.
    package static func processID() -> Int32 {
        system_getpid()
    }

    /// `$HOME`, for `~/` in configuration paths.
    package static func homeDirectory() -> String? {
        system_getenv("HOME")
    }
}
