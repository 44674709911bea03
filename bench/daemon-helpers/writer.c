/* bench/daemon-helpers/writer.c: appends fixed-size records to a log at a
 * steady rate, the way an application with a WatchedFileHandler would, for
 * bench/daemon (compiled there with cc -O2 into bench/out/).
 *
 *   writer PATH RATE_BYTES_PER_S RECORD_BYTES LIMIT_BYTES [SECONDS [JITTER_MS]]
 *
 * Every record is its own write(2) on an O_APPEND descriptor. Pacing: every
 * millisecond (absolute CLOCK_MONOTONIC ticks) it writes the records that
 * bring the total up to RATE x elapsed (a late tick catches up, at most
 * 100 ms worth at once). After each tick's batch it compares stat(PATH) with
 * fstat(fd) and reopens PATH (O_CREAT) when the inode differs or PATH is
 * gone, so after a rotation it writes into the new file. With JITTER_MS > 0
 * it then pauses a random 0..JITTER_MS ms (uniform) before writing on, and
 * does not catch up on the pause: without it a constant-rate writer is
 * phase-locked to the daemon's coalescing interval, which starts when the new
 * file appears, and every rotation shows the same delay.
 *
 * It knows each file's size (its size when opened plus what it appended, as
 * it is the only writer) and prints, on stdout, one line per event:
 *   open INODE SIZE REALTIME_NS
 *   cross INODE REALTIME_NS SIZE     first write that took the file past
 *                                    LIMIT_BYTES (size > limit, as logrotate's
 *                                    `size` wants); LIMIT 0: never
 *   done WRITES BYTES SECONDS LATE_TICKS
 *                                    SECONDS leaves out the pauses (below);
 *                                    LATE_TICKS: ticks over 100 ms behind,
 *                                    whose debt was dropped
 * REALTIME_NS is CLOCK_REALTIME taken right after that write returned. It
 * runs for SECONDS (0 or absent: until SIGTERM/SIGINT).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop;
static void on_signal(int sig) { (void)sig; stop = 1; }

static int64_t ns(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static const char *path;
static int fd = -1;
static ino_t ino;
static uint64_t size;
static int crossed;

static void reopen(void) {
    if (fd >= 0) close(fd);
    for (;;) {
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
        if (fd >= 0) break;
        if (errno != EINTR) { perror(path); exit(1); }
    }
    struct stat st;
    if (fstat(fd, &st) != 0) { perror("fstat"); exit(1); }
    ino = st.st_ino;
    size = (uint64_t)st.st_size;
    crossed = 0;
    printf("open %llu %llu %lld\n", (unsigned long long)ino, (unsigned long long)size, (long long)ns(CLOCK_REALTIME));
    fflush(stdout);
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: %s PATH RATE_BYTES_PER_S RECORD_BYTES LIMIT_BYTES [SECONDS [JITTER_MS]]\n", argv[0]);
        return 2;
    }
    path = argv[1];
    double rate = atof(argv[2]);
    size_t record = (size_t)atol(argv[3]);
    uint64_t limit = (uint64_t)atoll(argv[4]);
    double seconds = argc > 5 ? atof(argv[5]) : 0;
    double jitter_ms = argc > 6 ? atof(argv[6]) : 0;
    srand48((long)ns(CLOCK_REALTIME) ^ getpid());
    if (rate <= 0 || record < 2) { fprintf(stderr, "bad rate or record size\n"); return 2; }

    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    /* A log-like record: a fixed text, a newline at the end. */
    char *buf = malloc(record);
    const char *line = "2026-01-01T00:00:00.000Z bench-writer[4242]: level=info msg=\"request completed\" "
                       "method=GET path=/api/v1/orders status=200 duration_ms=12 ";
    for (size_t i = 0; i < record - 1; i++) buf[i] = line[i % strlen(line)];
    buf[record - 1] = '\n';

    reopen();
    if (jitter_ms > 0) { /* the first file too */
        int64_t pause = (int64_t)(drand48() * jitter_ms * 1e6);
        struct timespec p = {pause / 1000000000, pause % 1000000000};
        while (nanosleep(&p, &p) == -1 && errno == EINTR && !stop) {}
    }
    int64_t start = ns(CLOCK_MONOTONIC);
    uint64_t paced = 0, written = 0, writes = 0, late = 0; /* paced: bytes due so far, minus dropped debt */
    struct timespec tick;
    clock_gettime(CLOCK_MONOTONIC, &tick);
    const double max_burst = rate * 0.1;
    while (!stop) {
        int64_t now = ns(CLOCK_MONOTONIC);
        double elapsed = (now - start) / 1e9;
        if (seconds > 0 && elapsed >= seconds) break;
        double target = rate * elapsed;
        if (target - (double)paced > max_burst) {
            /* Far behind (the machine was busy): do not burst, drop the debt. */
            late++;
            paced = (uint64_t)(target - max_burst);
        }
        while ((double)paced + (double)record <= target && !stop) {
            ssize_t n = write(fd, buf, record);
            if (n < 0) {
                if (errno == EINTR) continue;
                perror("write");
                return 1;
            }
            writes++;
            paced += (uint64_t)n;
            written += (uint64_t)n;
            size += (uint64_t)n;
            if (limit && !crossed && size > limit) {
                crossed = 1;
                printf("cross %llu %lld %llu\n", (unsigned long long)ino, (long long)ns(CLOCK_REALTIME),
                       (unsigned long long)size);
                fflush(stdout);
            }
        }
        struct stat st;
        if (stat(path, &st) != 0 || st.st_ino != ino) {
            reopen();
            if (jitter_ms > 0) {
                int64_t pause = (int64_t)(drand48() * jitter_ms * 1e6);
                struct timespec p = {pause / 1000000000, pause % 1000000000};
                while (nanosleep(&p, &p) == -1 && errno == EINTR && !stop) {}
                start += pause;
                clock_gettime(CLOCK_MONOTONIC, &tick);
            }
        }
        tick.tv_nsec += 1000000;
        if (tick.tv_nsec >= 1000000000) { tick.tv_sec++; tick.tv_nsec -= 1000000000; }
        if (now > (int64_t)tick.tv_sec * 1000000000 + tick.tv_nsec) clock_gettime(CLOCK_MONOTONIC, &tick);
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &tick, NULL) == EINTR && !stop) {}
    }
    printf("done %llu %llu %.3f %llu\n", (unsigned long long)writes, (unsigned long long)written,
           (ns(CLOCK_MONOTONIC) - start) / 1e9, (unsigned long long)late);
    fflush(stdout);
    return 0;
}
