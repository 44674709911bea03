import CShims

/// The malloc heap of a long-running process, kept small between bursts of work.
package enum Heap {
    /// Makes every thread allocate from one malloc arena (`mallopt(M_ARENA_MAX, 1)`), to be called before other
    /// threads start: glibc gives each thread that meets contention an arena of its own, and memory freed in one
    /// arena is never reused by another, so a daemon whose thread pool takes turns keeps several partly empty heaps.
    package static func useOneArena() {
        _ = cshims_malloc_arena_max(1)
    }

    /// Gives the heap's free pages back to the system (`malloc_trim(0)`): after a survey or a wave of rotations,
    /// what they freed stays resident otherwise, scattered between the chunks still in use.
    package static func releaseFreePages() {
        _ = cshims_malloc_trim()
    }
}
