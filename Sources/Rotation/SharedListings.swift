import Platform
import Synchronization
import SystemPackage

/// Directory listings read once and shared by several readers: the daemon's jobs of one wave each plan a slice of a
/// glob's due logs, all in the same directory, and each job listing (or probing) a directory of 100,000 logs made a
/// wave cost more than one `rotate` pass over the same logs; `logrotated status` lists each directory once for all
/// its logs, instead of once per log.
///
/// A listing is the directory's names when it was first asked for. A view that takes it (`FileView`) applies its own
/// plan's steps on top, so it stays right for the names of the logs that view plans as long as nobody else renamed
/// them since: the daemon plans a log without the wave's listings when another job rotated it meanwhile.
package final class SharedListings: Sendable {
    private let listings = Mutex<[[UInt8]: Listing]>([:])

    /// One directory's names, and the same names in order once someone asked for them so.
    private struct Listing {
        var names: Set<NameKey>
        var sorted: SortedNames?
    }

    /// No directory read yet.
    package init() {}

    /// The names in `directory` (its path's bytes), read from `fileSystem` the first time (none when it cannot be
    /// read); a second caller waits for the first one's listing rather than reading it again.
    func names(in directory: [UInt8], fileSystem: any FileSystem) -> Set<NameKey> {
        listings.withLock { listings in Self.listing(of: directory, in: &listings, fileSystem: fileSystem).names }
    }

    /// The names of `names(in:fileSystem:)`, in byte order (sorted once for all callers).
    func sortedNames(in directory: [UInt8], fileSystem: any FileSystem) -> SortedNames {
        listings.withLock { listings in
            var listing = Self.listing(of: directory, in: &listings, fileSystem: fileSystem)
            if let sorted = listing.sorted { return sorted }
            let sorted = SortedNames(listing.names.lazy.map(\.bytes))
            listing.sorted = sorted
            listings[directory] = listing
            return sorted
        }
    }

    /// Forgets every listing (read again if asked for): once its last reader is done, so that the memory goes back
    /// while the daemon gives the heap's free pages back, not whenever the last reference happens to go.
    package func removeAll() {
        listings.withLock { $0 = [:] }
    }

    /// The names in `directory` that start with `prefix`, in byte order.
    package func names(in directory: FilePath, startingWith prefix: [UInt8], fileSystem: any FileSystem) -> [[UInt8]] {
        sortedNames(in: directory.bytes, fileSystem: fileSystem).names(startingWith: prefix)
    }

    private static func listing(
        of directory: [UInt8],
        in listings: inout [[UInt8]: Listing],
        fileSystem: any FileSystem
    ) -> Listing {
        if let known = listings[directory] { return known }
        let read = (try? fileSystem.contentsOfDirectory(FilePath(bytes: directory))) ?? []
        let listing = Listing(names: Set(read.lazy.map { NameKey($0.bytes) }))
        listings[directory] = listing
        return listing
    }
}
