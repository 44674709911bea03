import Platform

/// The `Y-M-D[-H:M:S]` word of a state file line, scanned like `sscanf("%d-%d-%d-%d:%d:%d")`.
///
/// Equivalent logrotate code: `logrotate.c readState` (the `sscanf` call and the range checks after it).
struct DateFields: Equatable {
    var year = 0
    var month = 0
    var day = 0
    var hour = 0
    var minute = 0
    var second = 0

    /// Scans the fields; `nil` when fewer than three numbers convert (logrotate's `bad line`).
    ///
    /// Like `sscanf`, anything after the last converted number is ignored (`2020-1-3junk` is fine), numbers may
    /// carry a sign, and missing time fields stay 0. Values too large for `Int` saturate (and fail the range check).
    static func scan(_ word: [UInt8]) -> DateFields? {
        var scanner = NumberScanner(bytes: word)
        var numbers: [Int] = []
        let separators: [UInt8] = Array("---::".utf8)
        while numbers.count < 6 {
            if numbers.count > 0, !scanner.consume(separators[numbers.count - 1]) { break }
            guard let number = scanner.integer() else { break }
            numbers.append(number)
        }
        guard numbers.count >= 3 else { return nil }
        numbers += Array(repeating: 0, count: 6 - numbers.count)
        return DateFields(
            year: numbers[0],
            month: numbers[1],
            day: numbers[2],
            hour: numbers[3],
            minute: numbers[4],
            second: numbers[5]
        )
    }

    /// The first out-of-range field as logrotate names it (`year 1800`), or `nil` when all are valid.
    ///
    /// Year 1900 is accepted ("hack to hide earlier bug"), and day 0 too.
    var rangeProblem: String? {
        if year != 1900 && !(1970...2100).contains(year) { return "year \(year)" }
        if !(1...12).contains(month) { return "month \(month)" }
        if !(0...31).contains(day) { return "day \(day)" }
        if !(0...23).contains(hour) { return "hour \(hour)" }
        if !(0...59).contains(minute) { return "minute \(minute)" }
        if !(0...59).contains(second) { return "second \(second)" }
        return nil
    }

    /// The fields as a wall time (not yet normalized).
    var localTime: LocalTime {
        LocalTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }
}

/// A cursor over bytes with `%d`-style integer conversion.
private struct NumberScanner {
    let bytes: [UInt8]
    var index = 0

    mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// `%d`: optional whitespace, optional sign, at least one digit.
    mutating func integer() -> Int? {
        while index < bytes.count, PoptWords.isSpace(bytes[index]) { index += 1 }
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < bytes.count, isDigit(bytes[index]) else { return nil }
        var value = 0
        while index < bytes.count, isDigit(bytes[index]) {
            let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times.addingReportingOverflow(Int(bytes[index] - UInt8(ascii: "0")))
            value = overflowA || overflowB ? Int.max : sum
            index += 1
        }
        return negative ? -value : value
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
