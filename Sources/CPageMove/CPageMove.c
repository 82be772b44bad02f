#define _GNU_SOURCE
#include "CPageMove.h"
#include <errno.h>
#include <sys/mman.h>

int cohort_move_pages(void *from, void *to, size_t length) {
#if defined(__linux__) && defined(MREMAP_DONTUNMAP)
    void *moved = mremap(from, length, length, MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP, to);
    if (moved == MAP_FAILED) return -1;
    return moved == to ? 0 : (errno = EINVAL, -1);
#else
    (void)from;
    (void)to;
    (void)length;
    errno = ENOSYS;
    return -1;
#endif
}
