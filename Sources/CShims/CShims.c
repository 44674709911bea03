#define _GNU_SOURCE
#include "CShims.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>

int cshims_rename_noreplace(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}

int cshims_collapse_range(int fd, int64_t offset, int64_t length) {
    return fallocate(fd, FALLOC_FL_COLLAPSE_RANGE, (off_t)offset, (off_t)length);
}

int64_t cshims_copy_file_range(int fd_in, int fd_out, uint64_t length) {
    return (int64_t)copy_file_range(fd_in, NULL, fd_out, NULL, (size_t)length, 0);
}

int cshims_o_nofollow(void) { return O_NOFOLLOW; }
int cshims_o_directory(void) { return O_DIRECTORY; }
int cshims_o_cloexec(void) { return O_CLOEXEC; }
int cshims_seek_data(void) { return SEEK_DATA; }
int cshims_seek_hole(void) { return SEEK_HOLE; }
