/// The real-time clock.
package enum WallClock {
    /// Now, from `clock_gettime(CLOCK_REALTIME)`; read it once per run and pass it on.
    package static func now() -> Timestamp {
        system_realtimeNow()
    }
}
