/*
 * measure: run a command and report what bench/rotate needs, precisely.
 *
 *   measure RESULTFILE COMMAND [ARG...]
 *
 * Forks and execs COMMAND (stdin/stdout/stderr inherited), waits with
 * wait4(2) and writes one line to RESULTFILE:
 *   wall_seconds user_seconds sys_seconds maxrss_kib exit_status anon_kib
 * wait4's rusage covers COMMAND and every descendant it reaped (logrotate's
 * gzip children), and ru_maxrss is the largest of them. Launching from this
 * small process matters: a child's ru_maxrss starts at the RSS of the
 * process it was forked from, so forking from Python would report Python's
 * ~40 MiB for every command. exit_status is the exit code, or 128+signal.
 *
 * anon_kib is the peak anonymous memory (RssAnon: heap, stacks, mmap'd
 * buffers; not the clean file-backed pages of the binary, which the page
 * cache shares) of the largest single process, COMMAND or one of its
 * children: the kernel keeps no high-water mark of it, so it is sampled from
 * /proc/PID/status every 5 ms while COMMAND runs (a peak shorter than that
 * can be missed; the sampling costs about 0.1 % of a core).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static pid_t child;

/* RssAnon of one process in KiB, 0 when it is gone. */
static long rss_anon(pid_t pid) {
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    long kib = 0;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "RssAnon: %ld", &kib) == 1) break;
    fclose(f);
    return kib;
}

/* The largest RssAnon of pid and its children (every thread's children). */
static long sample_anon(pid_t pid) {
    long best = rss_anon(pid);
    char path[64], children[4096];
    snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
    DIR *tasks = opendir(path);
    if (!tasks) return best;
    struct dirent *t;
    while ((t = readdir(tasks))) {
        if (t->d_name[0] == '.') continue;
        char file[384];
        snprintf(file, sizeof file, "%s/%s/children", path, t->d_name);
        FILE *f = fopen(file, "r");
        if (!f) continue;
        size_t n = fread(children, 1, sizeof children - 1, f);
        fclose(f);
        children[n] = 0;
        for (char *p = strtok(children, " \n"); p; p = strtok(NULL, " \n")) {
            long kib = rss_anon((pid_t)atol(p));
            if (kib > best) best = kib;
        }
    }
    closedir(tasks);
    return best;
}

static void forward(int sig) {
    if (child > 0) kill(child, sig);
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: measure RESULTFILE COMMAND [ARG...]\n");
        return 2;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = forward;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    child = fork();
    if (child < 0) {
        perror("measure: fork");
        return 2;
    }
    if (child == 0) {
        signal(SIGTERM, SIG_DFL);
        signal(SIGINT, SIG_DFL);
        execvp(argv[2], argv + 2);
        fprintf(stderr, "measure: cannot run %s: %s\n", argv[2], strerror(errno));
        _exit(127);
    }
    int status;
    struct rusage ru;
    long anon = 0;
    for (;;) {
        pid_t done = wait4(child, &status, WNOHANG, &ru);
        if (done == child) break;
        if (done < 0 && errno != EINTR) {
            perror("measure: wait4");
            return 2;
        }
        long kib = sample_anon(child);
        if (kib > anon) anon = kib;
        struct timespec tick = {0, 5 * 1000 * 1000};
        nanosleep(&tick, NULL);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    FILE *f = fopen(argv[1], "w");
    if (!f) {
        perror("measure: result file");
        return 2;
    }
    fprintf(f, "%.6f %.6f %.6f %ld %d %ld\n",
            (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
            ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6,
            ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6, ru.ru_maxrss, code, anon);
    return fclose(f) == 0 ? 0 : 2;
}
