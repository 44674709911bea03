#ifndef CSHIMS_H
#define CSHIMS_H

#include <stdint.h>
#include <sys/types.h>

/// renameat2(2) with RENAME_NOREPLACE: fails with EEXIST instead of replacing `to`.
int cshims_rename_noreplace(const char *from, const char *to);

/// open(2) of an unnamed regular file in `directory` (O_TMPFILE | O_WRONLY | O_CLOEXEC), never wider than `mode`.
int cshims_open_tmpfile(const char *directory, mode_t mode);

/// linkat(2) of an open descriptor's file to `path` (through /proc/self/fd, so no capability is needed); fails with
/// EEXIST instead of replacing `path`.
int cshims_link_descriptor(int fd, const char *path);

/// fallocate(2) with FALLOC_FL_COLLAPSE_RANGE.
int cshims_collapse_range(int fd, int64_t offset, int64_t length);

/// statfs(2)'s f_type for path (the file system's magic number), or -1 with errno set.
int64_t cshims_fs_magic(const char *path);

/// fgetxattr(2) of the "system.posix_acl_access" attribute (a file's POSIX access ACL) into `buffer`; with
/// `capacity` 0, the size it needs.
int64_t cshims_get_access_acl(int fd, void *buffer, uint64_t capacity);

/// fsetxattr(2) of the "system.posix_acl_access" attribute.
int cshims_set_access_acl(int fd, const void *value, uint64_t length);

/// copy_file_range(2) between two descriptors at their current offsets.
int64_t cshims_copy_file_range(int fd_in, int fd_out, uint64_t length);

/// O_PATH | O_NOFOLLOW | O_CLOEXEC open, for checking a path without following a final symlink.
int cshims_o_nofollow(void);
int cshims_o_directory(void);
int cshims_o_cloexec(void);

/// lseek whence values for sparse files.
int cshims_seek_data(void);
int cshims_seek_hole(void);

/// pipe2(O_CLOEXEC): fds[0] reads, fds[1] writes.
int cshims_pipe_cloexec(int fds[2]);

/// socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC): used to feed a child's stdin, because `send` with
/// MSG_NOSIGNAL reports EPIPE instead of raising SIGPIPE in the whole process.
int cshims_socketpair_cloexec(int fds[2]);

/// send(2) with MSG_NOSIGNAL | MSG_DONTWAIT.
int64_t cshims_send_nosignal(int fd, const void *buffer, uint64_t length);

/// pidfd_open(2): a descriptor that becomes readable when the process exits.
int cshims_pidfd_open(pid_t pid);

/// The process environment (`environ`), NULL-terminated.
char *const *cshims_environ(void);

/// Forks a child that drops to `gid` (with `gid` as only supplementary group) and `uid` permanently, verifies that
/// it cannot regain root, changes to `/`, moves `fds[i]` (when >= 0) to descriptor i, resets every signal to its
/// default and unblocks them, optionally starts a new process group, and executes `file` (searched in `PATH` when it
/// has no slash; the search happens before `fork`, so only async-signal-safe calls run in the child).
/// Returns the child's pid, or -1 with `*error` set when the program could not be started.
pid_t cshims_spawn_as_user(
    const char *file, char *const argv[], char *const envp[], const int fds[3],
    int set_uid, uid_t uid, int set_gid, gid_t gid, int new_process_group, int *error);

#include <glob.h>

/// glob(3) with GLOB_NOCHECK | GLOB_TILDE (GNU), aborting on a directory that cannot be read (except ENOTDIR), as
/// logrotate's `globerr` does; `*error` is that directory's errno when the result is GLOB_ABORTED.
int cshims_glob(const char *pattern, glob_t *result, int *error);

/// getrandom(2): fills `buffer` with random bytes; returns how many, or -1 with errno set.
int64_t cshims_getrandom(void *buffer, uint64_t length);

/// Sets the calling thread's file-system uid (setfsuid(2) as a raw system call: glibc's credential wrappers change
/// every thread of the process, this changes only the caller). Returns 0 when the thread's fsuid is now `uid`.
int cshims_thread_setfsuid(uid_t uid);

/// The calling thread's file-system gid, as `cshims_thread_setfsuid`.
int cshims_thread_setfsgid(gid_t gid);

/// setgroups(2) for the calling thread only (raw system call). Returns 0, or -1 with errno set.
int cshims_thread_setgroups(uint64_t count, const gid_t *groups);

/// syslog(3) with a fixed "%s" format (syslog is variadic, not callable from Swift).
void cshims_syslog(int priority, const char *message);

/// mallopt(M_ARENA_MAX, count): at most `count` malloc arenas. Returns 1 on success.
int cshims_malloc_arena_max(int count);

/// malloc_trim(0): gives the free pages of every malloc arena back to the system. Returns 1 when some were.
int cshims_malloc_trim(void);

/// memmem(3) (GNU): the offset of the first occurrence of `needle` in `haystack`, or -1.
int64_t cshims_memmem(const void *haystack, uint64_t haystack_length, const void *needle, uint64_t needle_length);

#endif
