import Platform

/// A fixed user database: root (0), adm (4), www-data (33), syslog (104), "print spool" (7); groups root (0),
/// adm (4), www-data (33), utmp (43), "log readers" (44).
struct FakeAccounts: AccountDirectory {
    static let users: [String: UInt32] = ["root": 0, "adm": 4, "www-data": 33, "syslog": 104, "print spool": 7]
    static let groups: [String: UInt32] = ["root": 0, "adm": 4, "www-data": 33, "utmp": 43, "log readers": 44]

    func userID(named name: String) -> UInt32? { Self.users[name] }
    func groupID(named name: String) -> UInt32? { Self.groups[name] }
    func userExists(id: UInt32) -> Bool { Self.users.values.contains(id) }
    func groupExists(id: UInt32) -> Bool { Self.groups.values.contains(id) }
}
