#ifndef COHORT_PAGE_MOVE_H
#define COHORT_PAGE_MOVE_H

// Moves pages of private anonymous memory to another place in the same mapping, for FileBytes
// in CohortIngest: mremap takes a variable argument list, which Swift cannot call.

#include <stddef.h>

/// Moves the pages of `length` bytes at `from` to `to` (both aligned to pages, the ranges apart),
/// replacing what was mapped there; `from` stays mapped and reads as zeros afterwards
/// (MREMAP_DONTUNMAP, Linux 5.7 and later). Returns 0, or -1 with errno set (nothing moved).
int cohort_move_pages(void *from, size_t length, void *to);

#endif
