/// Which block first owns each pattern, kept in step with `ConfigState.blocks` so that the duplicate check of
/// `FileReader` costs one lookup per pattern instead of a scan of every block.
///
/// Blocks are only ever added: included files append theirs, and a block that contained an `include` is inserted
/// before the blocks that include added (its patterns were checked against every block before it when it opened).
struct PatternOwners {
    /// Whether the first block owning a pattern has `ignoreduplicates`.
    private var ignoresDuplicates: [String: Bool] = [:]
    /// How many of the state's blocks are indexed.
    private var indexedCount = 0

    /// Indexes the blocks appended since the last call, in order, so that the first owner of a pattern wins.
    mutating func catchUp(with blocks: [LogBlock]) {
        guard indexedCount < blocks.count else { return }
        for block in blocks[indexedCount...] {
            for pattern in block.patterns where ignoresDuplicates[pattern] == nil {
                ignoresDuplicates[pattern] = block.settings.ignoreDuplicates
            }
        }
        indexedCount = blocks.count
    }

    /// The `ignoreduplicates` setting of the first block owning `pattern`, `nil` when no block owns it.
    func ownerIgnoresDuplicates(_ pattern: String) -> Bool? {
        ignoresDuplicates[pattern]
    }

    /// Inserts `block` at `index`, before any block added since it was opened, which makes it the first owner of its
    /// patterns.
    mutating func insert(_ block: LogBlock, into blocks: inout [LogBlock], at index: Int) {
        catchUp(with: blocks)
        blocks.insert(block, at: index)
        for pattern in block.patterns { ignoresDuplicates[pattern] = block.settings.ignoreDuplicates }
        indexedCount += 1
    }
}
