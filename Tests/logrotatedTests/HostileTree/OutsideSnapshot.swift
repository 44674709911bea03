import Foundation

/// Everything under a fixture's root except `logs/` and `run/`: each entry's type, mode, owner, modification time
/// and (for files) a hash of the content (seeded per process: compare snapshots of one run only), found without
/// following links.
struct OutsideSnapshot {
    private var entries: [String: String] = [:]

    init(of fixture: HostileFixture) {
        add(fixture.root, skipping: [fixture.logs, fixture.run])
    }

    private mutating func add(_ path: String, skipping: Set<String>) {
        guard !skipping.contains(path), let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        else { return }
        let type = attributes[.type] as? FileAttributeType
        let description = [
            type?.rawValue, attributes[.posixPermissions], attributes[.ownerAccountID],
            attributes[.groupOwnerAccountID],
            attributes[.modificationDate],
        ]
        .map { "\($0 ?? "?")" }
        entries[path] = description.joined(separator: " ")
        if type == .typeRegular {
            let content = try? Data(contentsOf: URL(fileURLWithPath: path))
            entries[path, default: ""] += " content \(content.map { "\($0.hashValue)" } ?? "unreadable")"
        }
        guard type == .typeDirectory else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            add(path + "/" + name, skipping: skipping)
        }
    }

    /// The paths made, removed or changed since `earlier`, sorted.
    func changes(since earlier: OutsideSnapshot) -> [String] {
        Set(entries.keys).union(earlier.entries.keys).filter { entries[$0] != earlier.entries[$0] }.sorted()
    }
}

extension HostileFixture {
    /// The regular files under `logs/` holding the victim's (or `rootonly/keep`'s) content (`.gz` files
    /// decompressed), other than planted hard links to them: what a rotation that followed a planted name copied
    /// where the hostile user can read it.
    var victimCopies: [String] {
        let originals = Set([victim, rootOnly + "/keep"].map { inode(of: attributes(of: $0)) })
        let enumerator = FileManager.default.enumerator(atPath: logs)
        var found: [String] = []
        while let name = enumerator?.nextObject() as? String, let attributes = enumerator?.fileAttributes {
            let path = logs + "/" + name
            guard attributes[.type] as? FileAttributeType == .typeRegular, !originals.contains(inode(of: attributes))
            else { continue }
            if contents(of: path).contains(secret) { found.append(path) }
        }
        return found
    }

    private func attributes(of path: String) -> [FileAttributeKey: Any] {
        (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
    }

    private func inode(of attributes: [FileAttributeKey: Any]) -> String {
        "\(attributes[.systemNumber] ?? "?") \(attributes[.systemFileNumber] ?? "?")"
    }

    private func contents(of path: String) -> String {
        guard path.hasSuffix(".gz") else { return (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        let result = try? CommandRunner.run(URL(fileURLWithPath: "/bin/gzip"), ["-dc", path])
        return result?.standardOutput ?? ""
    }
}
