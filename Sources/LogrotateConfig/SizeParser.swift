/// Reads `size`, `minsize` and `maxsize` values the way logrotate 3.21 does.
///
/// The last character selects the unit: `k`/`K` = 1024, `M` = 1024², `G` = 1024³; any other non-digit is an unknown unit
/// (so `5m`, `1g`, `10MB` are errors). The rest is a `strtoul` base-0 number (`0x10k` = 16 KiB; `1.5` is a bad size).
/// Equivalent logrotate code: `config.c readConfigFile`, the `size` branch.
enum SizeParser {
    /// Why a size value was refused.
    enum Failure: Error, Equatable {
        case unknownUnit(Character)
        case badSize
    }

    /// The size in bytes, or why the text is not a size.
    static func parse(_ text: String) -> Result<UInt64, Failure> {
        guard let last = text.last else { return .failure(.badSize) }
        var number = text
        var multiplier: UInt64 = 1
        switch last {
        case "k", "K": multiplier = 1024
        case "M": multiplier = 1024 * 1024
        case "G": multiplier = 1024 * 1024 * 1024
        default:
            if !last.isNumber || !last.isASCII { return .failure(.unknownUnit(last)) }
        }
        if multiplier != 1 { number.removeLast() }
        guard let value = CNumber.unsigned(number) else { return .failure(.badSize) }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: multiplier)
        return overflow ? .failure(.badSize) : .success(bytes)
    }
}
