import Platform
import Testing

@Suite struct SignalTests {
    @Test(arguments: [
        ("USR2", 12), ("SIGUSR2", 12), ("usr2", 12), ("sigusr2", 12), ("12", 12), ("HUP", 1), ("SIGHUP", 1),
        ("IOT", 6), ("CLD", 17), ("POLL", 29), ("64", 64), ("SIGSYS", 31),
    ])
    func parsing_namesAndNumbers(text: String, number: Int32) {
        #expect(Signal(parsing: text)?.number == number)
    }

    @Test(arguments: ["", "SIG", "USR3", "0", "65", "-1", " USR2", "12abc", "SIGSIGUSR2"])
    func parsing_garbage_isNil(text: String) {
        #expect(Signal(parsing: text) == nil)
    }

    @Test(arguments: [
        (Signal.hangup, Signal.DefaultAction.terminate), (.user1, .terminate), (.user2, .terminate),
        (.terminate, .terminate), (.interrupt, .terminate), (.child, .ignore), (.windowChange, .ignore),
        (Signal(parsing: "URG")!, .ignore), (.stop, .stop), (Signal(parsing: "TSTP")!, .stop), (.continue, .continue),
        (Signal(parsing: "SEGV")!, .core), (Signal(parsing: "QUIT")!, .core), (Signal(number: 40)!, .terminate),
    ])
    func defaultAction_followsSignal7(signal: Signal, action: Signal.DefaultAction) {
        #expect(signal.defaultAction == action)
    }

    @Test func names_areCanonical() {
        #expect(Signal.user2.name == "SIGUSR2")
        #expect(Signal(parsing: "IOT")?.name == "SIGABRT")
        #expect(Signal(number: 34)?.name == "SIG34")
    }

    @Test func signalSet_usesBitSignoMinusOne() throws {
        let set = try #require(SignalSet(hexMask: "0000000000000801"))
        #expect(set.contains(.user2) && set.contains(.hangup) && !set.contains(.user1))
        #expect(set == SignalSet([.hangup, .user2]))
        #expect(SignalSet([.user2]).rawValue == 0x800)
        #expect(set.description == "SIGHUP SIGUSR2")
        #expect(SignalSet(hexMask: "fffffffffffffffff") == nil)
        #expect(SignalSet(hexMask: "") == nil)
        #expect(SignalSet(hexMask: "xyz") == nil)
    }

    @Test(arguments: [
        (
            SignalDisposition(caught: SignalSet([.user2]), ignored: SignalSet([]), blocked: SignalSet([.user2])),
            SignalSafety.Verdict.handled
        ),
        (SignalDisposition(caught: SignalSet([]), ignored: SignalSet([.user2]), blocked: SignalSet([])), .ignored),
        (SignalDisposition(caught: SignalSet([]), ignored: SignalSet([]), blocked: SignalSet([.user2])), .blocked),
        (
            SignalDisposition(caught: SignalSet([.user1]), ignored: SignalSet([]), blocked: SignalSet([])),
            .wouldTerminate(.terminate)
        ),
        (
            SignalDisposition(
                caught: SignalSet([.user2]),
                ignored: SignalSet([]),
                blocked: SignalSet([]),
                hasExited: true
            ), .noSuchProcess
        ),
    ])
    func verdict_forUser2(disposition: SignalDisposition, expected: SignalSafety.Verdict) {
        #expect(SignalSafety.verdict(for: .user2, disposition) == expected)
    }

    @Test func verdict_defaultsOtherThanTerminate() {
        let none = SignalDisposition(caught: SignalSet([]), ignored: SignalSet([]), blocked: SignalSet([]))
        #expect(SignalSafety.verdict(for: .child, none) == .harmlessDefault(.ignore))
        #expect(SignalSafety.verdict(for: .continue, none) == .harmlessDefault(.continue))
        #expect(SignalSafety.verdict(for: .stop, none) == .wouldStop)
        #expect(SignalSafety.verdict(for: Signal(parsing: "QUIT")!, none) == .wouldTerminate(.core))
        #expect(!SignalSafety.Verdict.blocked.isSafe && SignalSafety.Verdict.handled.isSafe)
    }
}
