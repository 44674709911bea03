extension FileView {
    /// What a view knows of one directory's names; a class, so that a name is added or removed in place, without
    /// copying the set.
    ///
    /// Complete (listed from disk, or a directory a planned step creates): `names` are all its names. Otherwise
    /// (a probing view): `names` are the names known to exist and `absent` those known not to, each from a look-up or
    /// a planned step; any other name is unknown.
    final class Listing {
        private(set) var names: Set<[UInt8]>
        private(set) var absent: Set<[UInt8]> = []
        private(set) var isComplete: Bool

        /// A complete listing of `names`.
        init(complete names: Set<[UInt8]>) {
            self.names = names
            self.isComplete = true
        }

        /// An incomplete listing in which `names` are known to exist.
        init(known names: Set<[UInt8]>) {
            self.names = names
            self.isComplete = false
        }

        /// Records that `name` exists.
        func insert(_ name: [UInt8]) {
            names.insert(name)
            if !isComplete { absent.remove(name) }
        }

        /// Records that `name` does not exist.
        func remove(_ name: [UInt8]) {
            names.remove(name)
            if !isComplete { absent.insert(name) }
        }

        /// Completes the listing with the names read from disk, what was known before taking precedence.
        func complete(with listed: [[UInt8]]) {
            guard !isComplete else { return }
            names.reserveCapacity(names.count + listed.count)
            for name in listed where !absent.contains(name) { names.insert(name) }
            absent = []
            isComplete = true
        }
    }
}
