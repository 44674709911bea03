import Platform

/// Which process a `signal` directive addresses.
package enum SignalTarget: Equatable, Hashable, Sendable {
    /// The process whose id is in this file (absolute path).
    case pidFile(String)
    /// The main process of a systemd unit (`systemctl show --property=MainPID --value UNIT`).
    case unit(String)
}

/// `signal SIG pidfile PATH` / `signal SIG unit NAME.service`: after a rename rotation, send SIG to the process once per
/// block, after `postrotate`, unless its default action would kill a process that does not handle it.
package struct SignalSetting: Equatable, Hashable, Sendable {
    package var signal: Signal
    package var target: SignalTarget

    package init(signal: Signal, target: SignalTarget) {
        self.signal = signal
        self.target = target
    }

    /// `signal SIGUSR2 pidfile /run/app.pid` (real-time signals by number, which `Signal(parsing:)` reads back).
    package var directiveText: String {
        let name = signal.number > 31 ? String(signal.number) : signal.name
        switch target {
        case .pidFile(let path): return "signal \(name) pidfile \(path)"
        case .unit(let unit): return "signal \(name) unit \(unit)"
        }
    }

    /// `signal USR2 pidfile /run/app.pid`: as a person writes it (without `SIG`).
    var shortDirectiveText: String {
        signal.number > 31 ? directiveText : directiveText.replacingFirstSIG()
    }

    /// Reads `SIG pidfile PATH` or `SIG unit UNIT`.
    static func parse(_ value: String) throws(DirectiveFailure) -> SignalSetting {
        let words = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.count == 3 else {
            throw DirectiveFailure(message: "bad signal directive '\(value)'")
        }
        guard let signal = Signal(parsing: words[0]) else {
            throw DirectiveFailure(message: "unknown signal '\(words[0])'")
        }
        let argument = try DirectiveArguments.word(words[2], what: "signal \(words[1])")
        switch words[1] {
        case "pidfile":
            guard argument.hasPrefix("/") else {
                throw DirectiveFailure(message: "pidfile path '\(argument)' is not absolute")
            }
            return SignalSetting(signal: signal, target: .pidFile(argument))
        case "unit":
            return SignalSetting(signal: signal, target: .unit(argument))
        default:
            throw DirectiveFailure(message: "unknown signal target '\(words[1])'")
        }
    }
}

extension String {
    fileprivate func replacingFirstSIG() -> String {
        guard hasPrefix("signal SIG") else { return self }
        return "signal " + dropFirst("signal SIG".count)
    }
}
