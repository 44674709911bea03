/*
 * rename-floor: the least work any tool must do for bench/rotate scenario (b).
 *
 *   rename-floor DIR ROTATE STATEFILE
 *
 * Mirrors the file operations logrotate 3.21 performs for
 *   "DIR/<name>.log" { rotate ROTATE }   run with -f (no compress, no create):
 *   - expand the glob (readdir + sort, as glob(3) does);
 *   - per log, oldest first: rename .R -> .R+1 (ENOENT when absent),
 *     .R-1 -> .R, ..., .1 -> .2; remove .R+1 if it exists; rename log -> .1;
 *   - write the state file once: STATEFILE.tmp, fsync, rename over STATEFILE.
 * It skips everything a real tool also does (config parsing, lstat, ACL
 * look-ups, error reporting), so it is a floor, not a competitor.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void die(const char *what, const char *path) {
    fprintf(stderr, "rename-floor: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: rename-floor DIR ROTATE STATEFILE\n");
        return 2;
    }
    const char *dir = argv[1];
    int rotate = atoi(argv[2]);
    const char *state = argv[3];

    DIR *d = opendir(dir);
    if (!d) die("opendir", dir);
    size_t n = 0, cap = 1024;
    char **names = malloc(cap * sizeof *names);
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 4 || strcmp(e->d_name + len - 4, ".log") != 0) continue;
        if (n == cap) names = realloc(names, (cap *= 2) * sizeof *names);
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp);

    char from[4096], to[4096];
    for (size_t i = 0; i < n; i++) {
        for (int g = rotate; g >= 1; g--) {
            snprintf(from, sizeof from, "%s/%s.%d", dir, names[i], g);
            snprintf(to, sizeof to, "%s/%s.%d", dir, names[i], g + 1);
            if (rename(from, to) != 0 && errno != ENOENT) die("rename", from);
        }
        snprintf(to, sizeof to, "%s/%s.%d", dir, names[i], rotate + 1);
        if (unlink(to) != 0 && errno != ENOENT) die("unlink", to);
        snprintf(from, sizeof from, "%s/%s", dir, names[i]);
        snprintf(to, sizeof to, "%s/%s.1", dir, names[i]);
        if (rename(from, to) != 0) die("rename", from);
    }

    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", state);
    FILE *f = fopen(tmp, "w");
    if (!f) die("open", tmp);
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    fprintf(f, "logrotate state -- version 2\n");
    for (size_t i = 0; i < n; i++)
        fprintf(f, "\"%s/%s\" %d-%d-%d-%d:%d:%d\n", dir, names[i], tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    if (fflush(f) != 0 || fsync(fileno(f)) != 0) die("write", tmp);
    fclose(f);
    if (rename(tmp, state) != 0) die("rename", tmp);
    return 0;
}
