/// A set of signals as the kernel's 64-bit masks hold it: bit (signo − 1), so `SIGUSR2` (12) is `0x800`.
package struct SignalSet: Hashable, Sendable, CustomStringConvertible {
    /// The mask.
    package var rawValue: UInt64

    package init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// The set of the given signals.
    package init(_ signals: [Signal]) {
        rawValue = signals.reduce(0) { $0 | (1 << UInt64($1.number - 1)) }
    }

    /// Parses a hex mask such as `/proc/PID/status` `SigCgt: 0000000000004a02`; `nil` if it is not one.
    package init?(hexMask text: String) {
        guard !text.isEmpty, text.count <= 16, let value = UInt64(text, radix: 16) else { return nil }
        rawValue = value
    }

    /// Whether `signal` is in the set.
    package func contains(_ signal: Signal) -> Bool {
        rawValue & (1 << UInt64(signal.number - 1)) != 0
    }

    /// The signals in the set, in number order.
    package var signals: [Signal] {
        (1...64).compactMap { Signal(number: Int32($0)) }.filter(contains)
    }

    /// "SIGHUP SIGUSR2"
    package var description: String { signals.map(\.name).joined(separator: " ") }
}
