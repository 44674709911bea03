#define _GNU_SOURCE
#include "CShims.h"

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <grp.h>
#include <limits.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/vfs.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <syslog.h>
#include <sys/wait.h>
#include <sys/random.h>
#include <sys/fsuid.h>
#include <sys/xattr.h>

int cshims_rename_noreplace(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}

int cshims_open_tmpfile(const char *directory, mode_t mode) {
    return open(directory, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
}

int cshims_link_descriptor(int fd, const char *path) {
    char procPath[64];
    snprintf(procPath, sizeof procPath, "/proc/self/fd/%d", fd);
    return linkat(AT_FDCWD, procPath, AT_FDCWD, path, AT_SYMLINK_FOLLOW);
}

int cshims_collapse_range(int fd, int64_t offset, int64_t length) {
    return fallocate(fd, FALLOC_FL_COLLAPSE_RANGE, (off_t)offset, (off_t)length);
}

int64_t cshims_fs_magic(const char *path) {
    struct statfs buffer;
    if (statfs(path, &buffer) != 0) return -1;
    return (int64_t)(uint32_t)buffer.f_type;
}

int64_t cshims_get_access_acl(int fd, void *buffer, uint64_t capacity) {
    return (int64_t)fgetxattr(fd, "system.posix_acl_access", buffer, (size_t)capacity);
}

int cshims_set_access_acl(int fd, const void *value, uint64_t length) {
    return fsetxattr(fd, "system.posix_acl_access", value, (size_t)length, 0);
}

int64_t cshims_copy_file_range(int fd_in, int fd_out, uint64_t length) {
    return (int64_t)copy_file_range(fd_in, NULL, fd_out, NULL, (size_t)length, 0);
}

int cshims_o_nofollow(void) { return O_NOFOLLOW; }
int cshims_o_directory(void) { return O_DIRECTORY; }
int cshims_o_cloexec(void) { return O_CLOEXEC; }
int cshims_seek_data(void) { return SEEK_DATA; }
int cshims_seek_hole(void) { return SEEK_HOLE; }

extern char **environ;

int cshims_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int cshims_socketpair_cloexec(int fds[2]) { return socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds); }

int64_t cshims_send_nosignal(int fd, const void *buffer, uint64_t length) {
    return (int64_t)send(fd, buffer, (size_t)length, MSG_NOSIGNAL | MSG_DONTWAIT);
}

int cshims_pidfd_open(pid_t pid) { return (int)syscall(SYS_pidfd_open, pid, 0); }

char *const *cshims_environ(void) { return environ; }

static __thread int glob_error;

static int record_glob_error(const char *path, int error) {
    (void)path;
    if (error == ENOTDIR) return 0;
    glob_error = error;
    return 1;
}

int cshims_glob(const char *pattern, glob_t *result, int *error) {
    glob_error = 0;
    int rc = glob(pattern, GLOB_NOCHECK | GLOB_TILDE, record_glob_error, result);
    *error = glob_error;
    return rc;
}

/// Finds `file` as execvp would (PATH from our environment, "/bin:/usr/bin" when unset); 0 or an errno.
static int resolve_executable(const char *file, char *out, size_t size) {
    if (*file == '\0') return ENOENT;
    if (strchr(file, '/') != NULL) {
        if (strlen(file) >= size) return ENAMETOOLONG;
        strcpy(out, file);
        return 0;
    }
    const char *path = getenv("PATH");
    if (path == NULL) path = "/bin:/usr/bin";
    int result = ENOENT;
    for (const char *start = path;; ) {
        const char *end = strchrnul(start, ':');
        int length = (int)(end - start);
        if (length == 0) {
            snprintf(out, size, "./%s", file);
        } else {
            snprintf(out, size, "%.*s/%s", length, start, file);
        }
        struct stat st;
        if (access(out, X_OK) == 0 && stat(out, &st) == 0 && S_ISREG(st.st_mode)) return 0;
        if (errno == EACCES) result = EACCES;
        if (*end == '\0') return result;
        start = end + 1;
    }
}

/// Runs in the child between fork and exec: async-signal-safe calls only. Never returns.
static void exec_child(
    const char *path, char *const argv[], char *const envp[], const int fds[3],
    int set_uid, uid_t uid, int set_gid, gid_t gid, int new_process_group, int report) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    for (int sig = 1; sig < NSIG; sig++) (void)sigaction(sig, &action, NULL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    if (new_process_group && setpgid(0, 0) != 0) goto fail;
    for (int i = 0; i < 3; i++) {
        if (fds[i] < 0) continue;
        if (fds[i] == i ? fcntl(i, F_SETFD, 0) != 0 : dup2(fds[i], i) != i) goto fail;
    }
    if (geteuid() == 0 && (set_uid || set_gid) && setgroups(set_gid ? 1 : 0, &gid) != 0) goto fail;
    if (set_gid && setgid(gid) != 0) goto fail;
    if (set_uid && setuid(uid) != 0) goto fail;
    if (set_uid && uid != 0 && setuid(0) == 0) {
        errno = EPERM;
        goto fail;
    }
    if (set_uid || set_gid) (void)chdir("/");
    execve(path, argv, envp);
fail:;
    int saved = errno;
    (void)write(report, &saved, sizeof saved);
    _exit(127);
}

pid_t cshims_spawn_as_user(
    const char *file, char *const argv[], char *const envp[], const int fds[3],
    int set_uid, uid_t uid, int set_gid, gid_t gid, int new_process_group, int *error) {
    char path[PATH_MAX];
    int report[2];
    if ((*error = resolve_executable(file, path, sizeof path)) != 0) return -1;
    if (pipe2(report, O_CLOEXEC) != 0) {
        *error = errno;
        return -1;
    }
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    pid_t pid = fork();
    if (pid == 0) exec_child(path, argv, envp, fds, set_uid, uid, set_gid, gid, new_process_group, report[1]);
    int fork_error = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    close(report[1]);
    if (pid < 0) {
        close(report[0]);
        *error = fork_error;
        return -1;
    }
    int child_error = 0;
    ssize_t got;
    do {
        got = read(report[0], &child_error, sizeof child_error);
    } while (got < 0 && errno == EINTR);
    close(report[0]);
    if (got == sizeof child_error) {
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {}
        *error = child_error;
        return -1;
    }
    return pid;
}

void cshims_syslog(int priority, const char *message) { syslog(priority, "%s", message); }

int64_t cshims_getrandom(void *buffer, uint64_t length) { return getrandom(buffer, (size_t)length, 0); }

int cshims_thread_setfsuid(uid_t uid) {
    (void)syscall(SYS_setfsuid, uid);
    return (uid_t)syscall(SYS_setfsuid, (uid_t)-1) == uid ? 0 : -1;
}

int cshims_thread_setfsgid(gid_t gid) {
    (void)syscall(SYS_setfsgid, gid);
    return (gid_t)syscall(SYS_setfsgid, (gid_t)-1) == gid ? 0 : -1;
}

int cshims_thread_setgroups(uint64_t count, const gid_t *groups) {
    return (int)syscall(SYS_setgroups, (size_t)count, groups);
}

int64_t cshims_memmem(const void *haystack, uint64_t haystack_length, const void *needle, uint64_t needle_length) {
    const char *found = memmem(haystack, (size_t)haystack_length, needle, (size_t)needle_length);
    return found ? (int64_t)(found - (const char *)haystack) : -1;
}

int cshims_malloc_arena_max(int count) { return mallopt(M_ARENA_MAX, count); }

int cshims_malloc_trim(void) { return malloc_trim(0); }
