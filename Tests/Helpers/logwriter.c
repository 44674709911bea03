// logwriter: a stand-in application for rotation tests and benchmarks.
//
// Writes numbered lines "1\n", "2\n", ... into PATH, one write(2) per line, at a given rate, until SIGTERM or
// SIGINT; then prints "written N" on stderr and exits 0.
//
//   logwriter PATH [--rate LINES_PER_SECOND] [--append | --no-append] [--pidfile FILE]
//             [--handle SIG]... [--ignore SIG]... [--block SIG]...
//
// --rate 0 writes as fast as possible (default 1000). --append opens with O_APPEND (default); --no-append opens
// O_WRONLY and seeks to the end once, like an application that keeps its own offset. --handle SIG installs a handler
// that reopens PATH (close, then open again, creating it), as a "reopen logs on SIGUSR2" application does.
// The signal mask and the dispositions of the usual signals are reset first (a test runner's thread may have blocked
// or ignored them, and both survive exec). --ignore SIG sets SIG_IGN; --block SIG blocks SIG with sigprocmask. SIG is a name (USR2, SIGUSR2) or a number.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop_requested = 0;
static volatile sig_atomic_t reopen_requested = 0;

static void on_stop(int sig) { (void)sig; stop_requested = 1; }
static void on_reopen(int sig) { (void)sig; reopen_requested = 1; }

static int parse_signal(const char *name) {
    static const struct { const char *name; int number; } table[] = {
        {"HUP", SIGHUP}, {"INT", SIGINT}, {"QUIT", SIGQUIT}, {"USR1", SIGUSR1}, {"USR2", SIGUSR2},
        {"PIPE", SIGPIPE}, {"ALRM", SIGALRM}, {"TERM", SIGTERM}, {"CHLD", SIGCHLD}, {"CONT", SIGCONT},
        {"TSTP", SIGTSTP}, {"URG", SIGURG}, {"WINCH", SIGWINCH}, {"IO", SIGIO}, {"PWR", SIGPWR},
    };
    if (strncasecmp(name, "SIG", 3) == 0) name += 3;
    char *end = NULL;
    long number = strtol(name, &end, 10);
    if (*name != '\0' && *end == '\0' && number > 0 && number < NSIG) return (int)number;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (strcasecmp(name, table[i].name) == 0) return table[i].number;
    }
    fprintf(stderr, "logwriter: unknown signal %s\n", name);
    exit(2);
}

static void set_action(int sig, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (sigaction(sig, &action, NULL) != 0) { perror("logwriter: sigaction"); exit(2); }
}

static int open_log(const char *path, int append) {
    int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : 0), 0644);
    if (fd < 0) { perror("logwriter: open"); exit(2); }
    if (!append && lseek(fd, 0, SEEK_END) < 0) { perror("logwriter: lseek"); exit(2); }
    return fd;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void write_pidfile(const char *path) {
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *file = fopen(tmp, "w");
    if (file == NULL || fprintf(file, "%d\n", (int)getpid()) < 0 || fclose(file) != 0 || rename(tmp, path) != 0) {
        perror("logwriter: pidfile");
        exit(2);
    }
}

int main(int argc, char **argv) {
    const char *path = NULL, *pidfile = NULL;
    double rate = 1000;
    int append = 1;
    sigset_t blocked;
    sigemptyset(&blocked);
    // Start from defaults whatever the parent had: a thread of a test runner may block or ignore signals, and
    // both survive exec.
    const int reset[] = {SIGHUP, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGWINCH, SIGCHLD, SIGCONT, SIGTSTP};
    for (size_t i = 0; i < sizeof reset / sizeof reset[0]; i++) signal(reset[i], SIG_DFL);
    set_action(SIGTERM, on_stop);
    set_action(SIGINT, on_stop);
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        int has_value = i + 1 < argc;
        if (strcmp(arg, "--append") == 0) append = 1;
        else if (strcmp(arg, "--no-append") == 0) append = 0;
        else if (strcmp(arg, "--rate") == 0 && has_value) rate = atof(argv[++i]);
        else if (strcmp(arg, "--pidfile") == 0 && has_value) pidfile = argv[++i];
        else if (strcmp(arg, "--handle") == 0 && has_value) set_action(parse_signal(argv[++i]), on_reopen);
        else if (strcmp(arg, "--ignore") == 0 && has_value) signal(parse_signal(argv[++i]), SIG_IGN);
        else if (strcmp(arg, "--block") == 0 && has_value) sigaddset(&blocked, parse_signal(argv[++i]));
        else if (arg[0] != '-' && path == NULL) path = arg;
        else { fprintf(stderr, "logwriter: bad argument %s\n", arg); return 2; }
    }
    if (path == NULL) { fprintf(stderr, "usage: logwriter PATH [options]\n"); return 2; }
    sigprocmask(SIG_SETMASK, &blocked, NULL);

    int fd = open_log(path, append);
    if (pidfile != NULL) write_pidfile(pidfile);
    unsigned long long written = 0;
    double start = now_seconds();
    char line[32];
    while (!stop_requested) {
        if (reopen_requested) {
            reopen_requested = 0;
            close(fd);
            fd = open_log(path, append);
        }
        unsigned long long due = rate > 0 ? (unsigned long long)((now_seconds() - start) * rate) : written + 1000;
        if (written >= due) {
            // Sleep until the next line is due, at most 1 ms so that signals are noticed quickly.
            double wait = (double)(written + 1) / rate - (now_seconds() - start);
            struct timespec pause = {0, (long)(wait > 0.001 ? 1000000 : (wait > 0 ? wait * 1e9 : 0))};
            nanosleep(&pause, NULL);
            continue;
        }
        for (int batch = 0; written < due && batch < 1000 && !stop_requested && !reopen_requested; batch++) {
            int length = snprintf(line, sizeof line, "%llu\n", written + 1);
            if (write(fd, line, (size_t)length) != length) { perror("logwriter: write"); return 1; }
            written++;
        }
    }
    fprintf(stderr, "written %llu\n", written);
    return 0;
}
