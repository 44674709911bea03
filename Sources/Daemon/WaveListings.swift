import Rotation
import Synchronization
import SystemPackage

/// The directory listings the jobs of one wave share (see `SharedListings`): a wave of 100,000 due logs in one
/// directory is about a hundred jobs, and each listing (or probing) the directory again made the wave cost twice what
/// one `rotate` pass costs.
///
/// A listing stays right for a log as long as nobody else renamed the log's files after it was read. The jobs of one
/// wave rotate different logs, and a log is in one job at a time; but a job outside the wave (a size event, a retry)
/// may rotate a log of the wave before the wave's job for it runs. Those logs are noted here and planned without the
/// shared listings.
final class WaveListings: Sendable {
    /// The listings, read once for the wave's jobs.
    let listings = SharedListings()
    /// Logs other jobs rotated since the wave began.
    private let rotatedElsewhere = Mutex<Set<FilePath>>([])
    /// The wave's jobs not done yet: the listings are dropped when the last one is (before the heap is trimmed).
    private let unfinishedJobs = Mutex(0)

    /// Counts `count` more jobs sharing the listings.
    func add(jobs count: Int) {
        unfinishedJobs.withLock { $0 += count }
    }

    /// Counts one job done; the last one drops the listings.
    func jobFinished() {
        let last = unfinishedJobs.withLock { count in
            count -= 1
            return count == 0
        }
        if last { listings.removeAll() }
    }

    /// Notes logs another job rotated (or tried to).
    func noteRotatedElsewhere(_ logs: some Sequence<FilePath>) {
        rotatedElsewhere.withLock { $0.formUnion(logs) }
    }

    /// `logs` split into those a job of the wave plans with the shared listings and those another job rotated since
    /// the wave began, each in their order.
    func partition(_ logs: [FilePath]) -> (shared: [FilePath], elsewhere: [FilePath]) {
        rotatedElsewhere.withLock { rotated in
            guard !rotated.isEmpty else { return (logs, []) }
            return (logs.filter { !rotated.contains($0) }, logs.filter { rotated.contains($0) })
        }
    }
}

/// The waves whose jobs may still run, held weakly: a wave's listings go away with its last job.
struct LiveWaves: Sendable {
    private struct Entry: Sendable {
        weak var wave: WaveListings?
    }
    private var entries: [Entry] = []

    /// Adds a new wave.
    mutating func add(_ wave: WaveListings) {
        entries.removeAll { $0.wave == nil }
        entries.append(Entry(wave: wave))
    }

    /// The waves still alive, but `excluded`.
    mutating func live(excluding excluded: WaveListings?) -> [WaveListings] {
        entries.removeAll { $0.wave == nil }
        return entries.compactMap(\.wave).filter { $0 !== excluded }
    }
}
