/// Number parsing with C's `strtoul(s, &end, 0)` rules, as logrotate reads counts and sizes, but overflow-checked.
///
/// `0x10` is 16, `010` is 8 (octal!), `08` is invalid; the whole string must be consumed.
enum CNumber {
    /// Parses an unsigned number in base 0 (decimal, `0x` hex, `0` octal); `nil` on junk or overflow.
    static func unsigned(_ text: String) -> UInt64? {
        var digits = Substring(text)
        var radix: UInt64 = 10
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            radix = 16
            digits = digits.dropFirst(2)
        } else if digits.hasPrefix("0"), digits.count > 1 {
            radix = 8
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for character in digits {
            guard let digit = character.hexDigitValue, UInt64(digit) < radix else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = shifted.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// Parses an optionally signed (`+`/`-`) number in base 0 that fits in an `Int32`.
    static func signed(_ text: String) -> Int? {
        var body = text
        var negative = false
        if let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body.removeFirst()
        }
        guard let magnitude = unsigned(body), magnitude <= UInt64(Int32.max) else { return nil }
        return negative ? -Int(magnitude) : Int(magnitude)
    }

    /// Parses octal digits only (`sscanf("%o")` on a whole token), as a permission mode up to `07777`.
    static func mode(_ text: String) -> UInt32? {
        guard !text.isEmpty, text.count <= 5 else { return nil }
        var value: UInt32 = 0
        for character in text {
            guard let digit = character.wholeNumberValue, digit < 8 else { return nil }
            value = value * 8 + UInt32(digit)
        }
        return value <= 0o7777 ? value : nil
    }
}
