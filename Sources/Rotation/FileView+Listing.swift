extension FileView {
    /// What a view knows of one directory's names; a class, so that a name is added or removed in place, without
    /// copying the set.
    ///
    /// Complete (listed from disk, or a directory a planned step creates): `names` are all its names. Otherwise
    /// (a probing view): `names` are the names known to exist and `absent` those known not to, each from a look-up or
    /// a planned step; any other name is unknown.
    ///
    /// Once someone asked for names in order, `sorted` keeps the same names in order.
    final class Listing {
        private(set) var names: Set<NameKey>
        private(set) var absent: Set<NameKey> = []
        private(set) var isComplete: Bool
        /// Whether the listing was read through `SharedListings` and changed only by this view's planned steps
        /// since: its names in order can then be taken from there (with those steps applied on top).
        private(set) var isShared = false
        /// `names` in order, once asked for (`keepOrder`); kept up to date from then on.
        private(set) var sorted: SortedNames?
        /// What this view changed in a shared listing, until its names are taken in order: `true` for a name added.
        private var changes: [(name: [UInt8], added: Bool)] = []

        /// A complete listing of `names`.
        init(complete names: Set<NameKey>) {
            self.names = names
            self.isComplete = true
        }

        /// A complete listing of `names`, read through `SharedListings`.
        init(shared names: Set<NameKey>) {
            self.names = names
            self.isComplete = true
            self.isShared = true
        }

        /// An incomplete listing in which `names` are known to exist.
        init(known names: Set<NameKey>) {
            self.names = names
            self.isComplete = false
        }

        /// Records that `name` exists.
        func insert(_ name: NameKey) {
            names.insert(name)
            if !isComplete { absent.remove(name) }
            sorted?.insert(name.bytes)
            if isShared, sorted == nil { changes.append((name.bytes, true)) }
        }

        /// Records that `name` does not exist.
        func remove(_ name: NameKey) {
            names.remove(name)
            if !isComplete { absent.insert(name) }
            sorted?.remove(name.bytes)
            if isShared, sorted == nil { changes.append((name.bytes, false)) }
        }

        /// Keeps the names in order from now on: `shared`, the shared listing's names in order with this view's
        /// changes applied, or this listing's own names sorted.
        func keepOrder(shared: SortedNames?) {
            guard sorted == nil else { return }
            guard isShared, var ordered = shared else {
                sorted = SortedNames(names.lazy.map(\.bytes))
                return
            }
            for change in changes {
                if change.added { ordered.insert(change.name) } else { ordered.remove(change.name) }
            }
            changes = []
            sorted = ordered
        }

        /// Completes the listing with the names read from disk, what was known before taking precedence.
        func complete(with listed: [[UInt8]]) {
            guard !isComplete else { return }
            names.reserveCapacity(names.count + listed.count)
            for name in listed.lazy.map(NameKey.init) where !absent.contains(name) { names.insert(name) }
            absent = []
            isComplete = true
        }
    }
}
