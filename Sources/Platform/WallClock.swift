/// The real-time clock.
public enum WallClock {
    /// Now, from `clock_gettime(CLOCK_REALTIME)`; read it once per run and pass it on.
    public static func now() -> Timestamp {
        system_realtimeNow()
    }
}
