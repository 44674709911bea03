/*
 * deflate-ceiling: how fast one core compresses the workload's bytes with
 * libdeflate, for bench/rotate's compress ceiling.
 *
 *   deflate-ceiling LEVEL MAX_BYTES FILE...
 *
 * Reads the files in order, 1 MiB at a time (the member size logrotated
 * uses), until MAX_BYTES are read (0: everything), and gzip-compresses each
 * 1 MiB with one libdeflate compressor at LEVEL on this one thread. Only the
 * compress calls are timed, on the thread's CPU clock
 * (CLOCK_THREAD_CPUTIME_ID), so reading and other programs' load do not
 * count. Prints one line:
 *   input_bytes output_bytes cpu_seconds
 * bench/rotate turns it into MiB/s per core; times the cores, it is the
 * ceiling of a gzip-compatible pass on this machine and data.
 * Build: cc -O2 -o deflate-ceiling deflate-ceiling.c -ldeflate
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CHUNK (1 << 20)

static double thread_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: deflate-ceiling LEVEL MAX_BYTES FILE...\n");
        return 2;
    }
    int level = atoi(argv[1]);
    long long max = atoll(argv[2]);
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(level);
    if (!c) {
        fprintf(stderr, "deflate-ceiling: no compressor for level %d\n", level);
        return 2;
    }
    size_t bound = libdeflate_gzip_compress_bound(c, CHUNK);
    char *in = malloc(CHUNK), *out = malloc(bound);
    long long total_in = 0, total_out = 0;
    double cpu = 0;
    for (int i = 3; i < argc && (max == 0 || total_in < max); i++) {
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "deflate-ceiling: %s: %s\n", argv[i], strerror(errno));
            return 1;
        }
        for (;;) {
            size_t have = 0;
            ssize_t n;
            while (have < CHUNK && (n = read(fd, in + have, CHUNK - have)) > 0) have += n;
            if (have == 0) break;
            double t0 = thread_seconds();
            size_t written = libdeflate_gzip_compress(c, in, have, out, bound);
            cpu += thread_seconds() - t0;
            total_in += have;
            total_out += written;
            if (have < CHUNK || (max && total_in >= max)) break;
        }
        close(fd);
    }
    printf("%lld %lld %.6f\n", total_in, total_out, cpu);
    return 0;
}
