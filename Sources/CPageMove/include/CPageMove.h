#ifndef COHORT_PAGE_MOVE_H
#define COHORT_PAGE_MOVE_H

#include <stddef.h>

/// Moves the pages of `length` bytes at `from` to `to` (both in private anonymous memory,
/// page-aligned), without copying or zeroing them: `to`'s old pages are dropped, and `from`
/// stays mapped but reads as zeros, as after madvise(MADV_DONTNEED).
/// Linux mremap(MREMAP_FIXED | MREMAP_DONTUNMAP), since Linux 5.7; returns 0, or -1 with
/// errno set (ENOSYS, EINVAL or ENOMEM where the system cannot do it).
int cohort_move_pages(void *from, void *to, size_t length);

#endif
