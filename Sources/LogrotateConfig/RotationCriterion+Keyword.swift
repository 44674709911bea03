extension RotationCriterion {
    /// The directive that sets this kind of criterion (`size`, `minutes`, `hourly`, `daily`, `weekly`, `monthly`, `yearly`);
    /// logrotate's `crit_to_string`.
    package var keyword: String {
        switch self {
        case .size: "size"
        case .time(.hourly): "hourly"
        case .time(.daily): "daily"
        case .time(.weekly): "weekly"
        case .time(.monthly): "monthly"
        case .time(.yearly): "yearly"
        case .time(.minutes): "minutes"
        }
    }
}
