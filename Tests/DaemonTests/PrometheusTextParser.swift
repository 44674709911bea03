import Foundation

/// A strict reader of the Prometheus text exposition format 0.0.4, written from its specification, for tests: every
/// line is a `# HELP`, a `# TYPE` or a sample; names and label names are valid; each family's `TYPE` comes once,
/// before its samples, and its samples are contiguous; label values use only the allowed escapes; values are floats;
/// no series appears twice; counters are named `…_total`; the file ends with a newline.
struct PrometheusTextParser {
    struct Failure: Error, CustomStringConvertible {
        var line: Int
        var reason: String
        var description: String { "line \(line): \(reason)" }
    }

    /// A sample: metric name, labels, value.
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    /// The samples of `text`, or the first violation.
    static func parse(_ text: String) throws -> [Sample] {
        guard text.isEmpty || text.hasSuffix("\n") else { throw Failure(line: 0, reason: "no final newline") }
        var samples: [Sample] = []
        var types: [String: String] = [:]
        var finished: Set<String> = []
        var current: String?
        var series: Set<String> = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            let number = index + 1
            if line.hasPrefix("# ") {
                let parts = line.dropFirst(2).split(separator: " ", maxSplits: 2).map(String.init)
                guard parts.count >= 2, ["HELP", "TYPE"].contains(parts[0]), isName(parts[1]) else {
                    throw Failure(line: number, reason: "bad comment line")
                }
                if parts[0] == "TYPE" {
                    guard parts.count == 3, ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[2])
                    else { throw Failure(line: number, reason: "bad TYPE") }
                    guard types[parts[1]] == nil else { throw Failure(line: number, reason: "second TYPE") }
                    types[parts[1]] = parts[2]
                    if parts[2] == "counter", !parts[1].hasSuffix("_total") {
                        throw Failure(line: number, reason: "counter not named _total")
                    }
                }
                continue
            }
            guard !line.isEmpty else { throw Failure(line: number, reason: "empty line") }
            let sample = try parseSample(String(line), line: number)
            guard types[sample.name] != nil else { throw Failure(line: number, reason: "sample before its TYPE") }
            if current != sample.name {
                guard !finished.contains(sample.name) else {
                    throw Failure(line: number, reason: "family \(sample.name) not contiguous")
                }
                if let current { finished.insert(current) }
                current = sample.name
            }
            let key = sample.name + sample.labels.sorted { $0.key < $1.key }.description
            guard series.insert(key).inserted else { throw Failure(line: number, reason: "duplicate series") }
            samples.append(sample)
        }
        return samples
    }

    private static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII,
            CharacterSet.letters.contains(first) || first == "_" || first == ":"
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == ":")
        }
    }

    private static func parseSample(_ line: String, line number: Int) throws -> Sample {
        var rest = Substring(line)
        let name = String(rest.prefix { $0 != "{" && $0 != " " })
        guard isName(name) else { throw Failure(line: number, reason: "bad metric name") }
        rest = rest.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                let labelName = String(rest.prefix { $0 != "=" })
                guard isName(labelName), !labelName.contains(":") else {
                    throw Failure(line: number, reason: "bad label name")
                }
                rest = rest.dropFirst(labelName.count)
                guard rest.hasPrefix("=\"") else { throw Failure(line: number, reason: "label without =\"") }
                rest = rest.dropFirst(2)
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    if character == "\\" {
                        guard let escaped = rest.first else { throw Failure(line: number, reason: "cut escape") }
                        rest = rest.dropFirst()
                        switch escaped {
                        case "\\": value.append("\\")
                        case "\"": value.append("\"")
                        case "n": value.append("\n")
                        default: throw Failure(line: number, reason: "bad escape \\\(escaped)")
                        }
                    } else {
                        value.append(character)
                    }
                }
                guard rest.first == "\"" else { throw Failure(line: number, reason: "unterminated label value") }
                rest = rest.dropFirst()
                guard labels.updateValue(value, forKey: labelName) == nil else {
                    throw Failure(line: number, reason: "repeated label")
                }
                if rest.first == "," { rest = rest.dropFirst() }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { throw Failure(line: number, reason: "no space before the value") }
        let fields = rest.dropFirst().split(separator: " ")
        guard (1...2).contains(fields.count), let value = Double(fields[0]) else {
            throw Failure(line: number, reason: "bad value")
        }
        return Sample(name: name, labels: labels, value: value)
    }
}
