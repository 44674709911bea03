/// Who this process runs as.
public enum ProcessIdentity {
    /// `geteuid()`: logrotate does root-only things (chown, the parent-directory check) when this is 0.
    public static func currentEffectiveUserID() -> UInt32 {
        system_geteuid()
    }
}
