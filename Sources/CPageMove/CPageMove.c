#define _GNU_SOURCE
#include "CPageMove.h"
#include <errno.h>
#if defined(__linux__)
#include <sys/mman.h>
#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif
#endif

int cohort_move_pages(void *from, size_t length, void *to) {
#if defined(__linux__)
    void *moved = mremap(from, length, length, MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP, to);
    return moved == MAP_FAILED ? -1 : 0;
#else
    (void)from; (void)length; (void)to;
    errno = ENOSYS;
    return -1;
#endif
}
