import LogrotateConfig
import Platform
import Rotation
import SystemPackage

/// How much disk a log's archives take now, against its `maxtotalsize`: the ARCHIVES column of `logrotated status`.
package struct ArchiveUsage: Equatable, Sendable {
    /// The archives' total size (`st_size`), as the planner finds them (see `ArchiveNaming.archives`).
    package var bytes: UInt64
    /// How many archives there are.
    package var count: Int
    /// `maxtotalsize`; 0 when the log has no budget.
    package var budget: UInt64

    package init(bytes: UInt64, count: Int, budget: UInt64) {
        self.bytes = bytes
        self.count = count
        self.budget = budget
    }

    /// Reads the archives of `log` from disk, its directory's names through `listings` (shared by the logs of a
    /// report, so that a directory of many logs is listed once, not once per log).
    package init(
        log: FilePath,
        settings: LogSettings,
        fileSystem: any FileSystem,
        listings: SharedListings = SharedListings()
    ) {
        let naming = ArchiveNaming(log: log, settings: settings)
        let total = naming.archiveTotal(settings: settings, fileSystem: fileSystem, listings: listings)
        self.init(bytes: total.bytes, count: total.count, budget: settings.maxTotalSize)
    }

    /// `12.3M`, `12.3M of 50M` with a budget (`, over` past it: the next rotation brings it back under), `-` when
    /// there is neither an archive nor a budget.
    package var text: String {
        guard budget > 0 else { return count == 0 ? "-" : ByteCount.text(bytes) }
        let over = bytes > budget ? ", over" : ""
        return "\(ByteCount.text(bytes)) of \(ByteCount.text(budget))\(over)"
    }
}
