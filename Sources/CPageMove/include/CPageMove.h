#ifndef COHORT_PAGE_MOVE_H
#define COHORT_PAGE_MOVE_H

// Pages of memory for FileBytes in CohortIngest: mremap takes a variable argument list, and a
// signal handler cannot be written in Swift, so these are in C.

#include <stddef.h>
#include <sys/types.h>

/// Moves the pages of `length` bytes at `from` to `to` (both aligned to pages, the ranges apart),
/// replacing what was mapped there; `from` stays mapped and reads as zeros afterwards
/// (MREMAP_DONTUNMAP, Linux 5.7 and later). Returns 0, or -1 with errno set (nothing moved).
int cohort_move_pages(void *from, size_t length, void *to);

/// Maps `length` bytes of the file `descriptor` from `offset` (aligned to pages) over `address`
/// (aligned to pages, inside a region guarded with `cohort_guard`), read-only, with the pages
/// the file has in memory mapped at once. Returns 0, or -1 with errno set.
int cohort_map_file(void *address, size_t length, int descriptor, off_t offset);

/// Guards the `length` bytes at `base` (aligned to pages), where a file is mapped: when another
/// program truncates the file, reading a page past its new end raises SIGBUS; in this region the
/// handler then maps zeros over the rest of it and notes the region as cut short, and the read
/// goes on. A SIGBUS elsewhere is handled as before (the handler installed before, or the
/// default: the program stops). Returns the guard's number, or -1 when none is free (64 at most)
/// or the handler cannot be installed; then nothing is guarded.
int cohort_guard(void *base, size_t length);

/// Whether SIGBUS hit the region of guard `guard` since it was made.
int cohort_guard_was_hit(int guard);

/// Ends guard `guard` (before the region is unmapped).
void cohort_unguard(int guard);

#endif
