import Platform

/// A `dateformat` string as logrotate understands it: only `%Y %m %d %H %M %S %V %s` (3.21) and `%z` (3.22, the UTC
/// offset `+HHMM`/`-HHMM`) are conversions; any other `%X` is kept literally (so `-%a` names files `log-%a`).
///
/// Equivalent logrotate code: `logrotate.c prerotateSingleLog` (the `dext_str`/`dext_pattern` conversion loop).
package struct DateFormat: Equatable, Hashable, Sendable {
    /// One piece of a format: literal text or a numeric field of fixed width.
    enum Token: Equatable, Hashable, Sendable {
        case literal(Character)
        case field(Field)
    }

    /// The conversions logrotate honours, with the number of digits its glob pattern allows for each (`%z`: a sign,
    /// then four digits).
    enum Field: Character, Equatable, Hashable, Sendable {
        case year = "Y"
        case month = "m"
        case day = "d"
        case hour = "H"
        case minute = "M"
        case second = "S"
        case isoWeek = "V"
        case epoch = "s"
        case utcOffset = "z"

        var width: Int {
            switch self {
            case .year, .utcOffset: 4
            case .epoch: 10
            default: 2
            }
        }

        /// The sign that starts a `%z` field, which its glob allows (`[-+]`); other fields are digits only.
        var hasSign: Bool { self == .utcOffset }
    }

    /// The format as written.
    package let text: String
    let tokens: [Token]

    /// Parses a format; it never fails, unknown conversions become literal text.
    package init(_ text: String) {
        self.text = text
        self.tokens = DateFormat.tokenize(text)
    }

    private static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            guard character == "%" else {
                tokens.append(.literal(character))
                continue
            }
            guard let next = iterator.next() else {
                tokens.append(.literal("%"))
                break
            }
            if let field = Field(rawValue: next) {
                tokens.append(.field(field))
            } else {
                tokens.append(contentsOf: [.literal("%"), .literal(next)])
            }
        }
        return tokens
    }

    /// The suffix for a moment: `strftime` restricted to the supported conversions.
    package func string(for time: LocalTime, epochSeconds: Int64) -> String {
        var result = ""
        for token in tokens {
            switch token {
            case .literal(let character): result.append(character)
            case .field(let field): result += DateFormat.format(field, time: time, epochSeconds: epochSeconds)
            }
        }
        return result
    }

    private static func format(_ field: Field, time: LocalTime, epochSeconds: Int64) -> String {
        switch field {
        case .year: return padded(time.year, 4)
        case .month: return padded(time.month, 2)
        case .day: return padded(time.day, 2)
        case .hour: return padded(time.hour, 2)
        case .minute: return padded(time.minute, 2)
        case .second: return padded(time.second, 2)
        case .isoWeek: return padded(CivilDate(time).isoWeek, 2)
        case .epoch: return String(epochSeconds)
        case .utcOffset:
            let offset = LocalTime.utcOffset(at: epochSeconds)
            let minutes = Int(offset.magnitude / 60)
            return (offset < 0 ? "-" : "+") + padded(minutes / 60, 2) + padded(minutes % 60, 2)
        }
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The shell glob logrotate builds to find dated archives: each field becomes as many `[0-9]` as its width.
    package var globPattern: String {
        tokens.map { token in
            switch token {
            case .literal(let character): String(character)
            case .field(let field): (field.hasSign ? "[-+]" : "") + String(repeating: "[0-9]", count: field.width)
            }
        }.joined()
    }

    /// The field values of `suffix` when it matches the glob pattern exactly, else `nil`.
    func match(_ suffix: Substring) -> [Field: Int]? {
        var rest = suffix
        var values: [Field: Int] = [:]
        for token in tokens {
            switch token {
            case .literal(let character):
                guard rest.first == character else { return nil }
                rest = rest.dropFirst()
            case .field(let field):
                if field.hasSign {
                    guard rest.first == "+" || rest.first == "-" else { return nil }
                    rest = rest.dropFirst()
                }
                let digits = rest.prefix(field.width)
                guard digits.count == field.width, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) else {
                    return nil
                }
                values[field] = value
                rest = rest.dropFirst(field.width)
            }
        }
        return rest.isEmpty ? values : nil
    }

    /// A key that orders matched suffixes by the moment they name (what logrotate's `strptime`+`mktime` sort does);
    /// a `%z` offset is not part of it (all names of one log come from the same zone).
    func sortKey(_ values: [Field: Int]) -> [Int] {
        if let epoch = values[.epoch] { return [epoch] }
        let order: [Field] = [.year, .month, .isoWeek, .day, .hour, .minute, .second]
        return order.map { values[$0] ?? 0 }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
