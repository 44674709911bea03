import CShims
import Synchronization

/// The malloc heap of a long-running process, kept small between bursts of work.
package enum Heap {
    /// Whether this process manages its heap (`manage()` was called): only then are free pages given back.
    private static let managed = Atomic<Bool>(false)

    /// Makes every thread allocate from one malloc arena (`mallopt(M_ARENA_MAX, 1)`) and lets
    /// `releaseFreePages()` work; to be called before other threads start. glibc gives each thread that meets
    /// contention an arena of its own, and memory freed in one arena is never reused by another, so a daemon whose
    /// thread pool takes turns keeps several partly empty heaps.
    package static func manage() {
        _ = cshims_malloc_arena_max(1)
        managed.store(true, ordering: .relaxed)
    }

    /// Gives the heap's free pages back to the system (`malloc_trim(0)`) in a process that manages its heap: after a
    /// survey or a wave of rotations, what they freed stays resident otherwise, scattered between the chunks still in
    /// use. Elsewhere (tests running many services in one process) it does nothing.
    package static func releaseFreePages() {
        guard managed.load(ordering: .relaxed) else { return }
        _ = cshims_malloc_trim()
    }
}
