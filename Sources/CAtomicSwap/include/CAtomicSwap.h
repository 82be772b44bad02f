#ifndef COHORT_ATOMIC_SWAP_H
#define COHORT_ATOMIC_SWAP_H

/// Exchanges two paths (files or folders) in one step: readers see either the old or the
/// new one, never neither. Linux renameat2(RENAME_EXCHANGE); returns 0, or -1 with errno
/// set (ENOSYS or EINVAL where the system or file system cannot do it).
int cohort_exchange_paths(const char *first, const char *second);

#endif
