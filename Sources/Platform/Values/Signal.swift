/// A POSIX signal number with its Linux name and default action (signal(7)).
///
/// Numbers are Linux's (x86-64 and arm64 share them): 1 `HUP` … 31 `SYS`, 32–64 real-time.
package struct Signal: Hashable, Sendable, CustomStringConvertible {
    /// What the kernel does with a signal that is neither caught nor ignored.
    package enum DefaultAction: Hashable, Sendable {
        case terminate
        case core
        case ignore
        case stop
        case `continue`
    }

    /// The signal number, 1...64.
    package let number: Int32

    package static let hangup = Signal(unchecked: 1)
    package static let interrupt = Signal(unchecked: 2)
    package static let kill = Signal(unchecked: 9)
    package static let user1 = Signal(unchecked: 10)
    package static let user2 = Signal(unchecked: 12)
    package static let terminate = Signal(unchecked: 15)
    package static let child = Signal(unchecked: 17)
    package static let `continue` = Signal(unchecked: 18)
    package static let stop = Signal(unchecked: 19)
    package static let windowChange = Signal(unchecked: 28)

    private init(unchecked number: Int32) {
        self.number = number
    }

    /// The signal with this number; `nil` outside 1...64.
    package init?(number: Int32) {
        guard (1...64).contains(number) else { return nil }
        self.number = number
    }

    /// Parses `USR2`, `SIGUSR2`, `usr2` or `12` as `kill -s` does; `nil` for anything else.
    package init?(parsing text: String) {
        if let number = Int32(text) {
            self.init(number: number)
            return
        }
        var name = text.uppercased()
        if name.hasPrefix("SIG") { name.removeFirst(3) }
        guard let number = Self.table.firstIndex(where: { $0.names.contains(name) }) else { return nil }
        self.init(unchecked: Int32(number + 1))
    }

    /// `SIGUSR2`, or `SIG34` for a real-time signal.
    package var name: String {
        number <= Int32(Self.table.count) ? "SIG" + Self.table[Int(number) - 1].names[0] : "SIG\(number)"
    }

    /// What happens to a process that neither catches nor ignores this signal; real-time signals terminate.
    package var defaultAction: DefaultAction {
        number <= Int32(Self.table.count) ? Self.table[Int(number) - 1].action : .terminate
    }

    package var description: String { name }

    /// Signals 1...31 in order: names (the first is canonical) and default action, from signal(7).
    private static let table: [(names: [String], action: DefaultAction)] = [
        (["HUP"], .terminate), (["INT"], .terminate), (["QUIT"], .core), (["ILL"], .core),
        (["TRAP"], .core), (["ABRT", "IOT"], .core), (["BUS"], .core), (["FPE"], .core),
        (["KILL"], .terminate), (["USR1"], .terminate), (["SEGV"], .core), (["USR2"], .terminate),
        (["PIPE"], .terminate), (["ALRM"], .terminate), (["TERM"], .terminate), (["STKFLT"], .terminate),
        (["CHLD", "CLD"], .ignore), (["CONT"], .continue), (["STOP"], .stop), (["TSTP"], .stop),
        (["TTIN"], .stop), (["TTOU"], .stop), (["URG"], .ignore), (["XCPU"], .core),
        (["XFSZ"], .core), (["VTALRM"], .terminate), (["PROF"], .terminate), (["WINCH"], .ignore),
        (["IO", "POLL"], .terminate), (["PWR"], .terminate), (["SYS"], .core),
    ]
}
