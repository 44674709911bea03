#ifndef CSHIMS_H
#define CSHIMS_H

#include <stdint.h>
#include <sys/types.h>

/// renameat2(2) with RENAME_NOREPLACE: fails with EEXIST instead of replacing `to`.
int cshims_rename_noreplace(const char *from, const char *to);

/// fallocate(2) with FALLOC_FL_COLLAPSE_RANGE.
int cshims_collapse_range(int fd, int64_t offset, int64_t length);

/// copy_file_range(2) between two descriptors at their current offsets.
int64_t cshims_copy_file_range(int fd_in, int fd_out, uint64_t length);

/// O_PATH | O_NOFOLLOW | O_CLOEXEC open, for checking a path without following a final symlink.
int cshims_o_nofollow(void);
int cshims_o_directory(void);
int cshims_o_cloexec(void);

/// lseek whence values for sparse files.
int cshims_seek_data(void);
int cshims_seek_hole(void);

#endif
