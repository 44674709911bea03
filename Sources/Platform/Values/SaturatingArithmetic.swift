/// Arithmetic that clamps at the type's bounds instead of trapping, for numbers an unprivileged user can choose:
/// indices in file names, file times, dates in names, sizes and counts. A clamped result is still ordered
/// correctly against every other value, which is all the callers compare it for.
extension FixedWidthInteger {
    /// `self + other`, clamped to `min...max`.
    package func addingClamped(_ other: Self) -> Self {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    /// `self - other`, clamped to `min...max`.
    package func subtractingClamped(_ other: Self) -> Self {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard overflow else { return difference }
        return other > 0 ? .min : .max
    }

    /// `self * other`, clamped to `min...max`.
    package func multipliedClamped(by other: Self) -> Self {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        guard overflow else { return product }
        return (self < 0) == (other < 0) ? .max : .min
    }
}
