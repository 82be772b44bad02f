#define _GNU_SOURCE
#include "CPageMove.h"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
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

#if defined(__linux__)

int cohort_map_file(void *address, size_t length, int descriptor, off_t offset) {
    void *mapped = mmap(address, length, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_POPULATE, descriptor, offset);
    return mapped == MAP_FAILED ? -1 : 0;
}

enum { guard_count = 64 };

/// The guarded regions: a start of 0 is a free guard, 1 one being set. Read by the handler on any thread.
static struct {
    _Atomic uintptr_t start;
    _Atomic uintptr_t end;
    _Atomic int hit;
} guards[guard_count];

static struct sigaction previous_action;
static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static int installed = 0;
static uintptr_t page_size = 4096;

static void on_bus_error(int signal_number, siginfo_t *info, void *context) {
    uintptr_t address = (uintptr_t)info->si_addr;
    for (int index = 0; index < guard_count; index++) {
        uintptr_t start = atomic_load(&guards[index].start), end = atomic_load(&guards[index].end);
        if (start > 1 && address >= start && address < end) {
            // Zeros from the page that faulted to the region's end: the read goes on, and FileBytes
            // reports the file as changed. (mmap is safe in a signal handler: a system call.)
            uintptr_t page = address & ~(page_size - 1);
            int saved = errno;
            void *zeros = mmap((void *)page, end - page, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, -1, 0);
            errno = saved;
            if (zeros != MAP_FAILED) {
                atomic_store(&guards[index].hit, 1);
                return;
            }
        }
    }
    // Not a guarded region: as without this handler.
    if (previous_action.sa_flags & SA_SIGINFO) {
        previous_action.sa_sigaction(signal_number, info, context);
    } else if (previous_action.sa_handler != SIG_DFL && previous_action.sa_handler != SIG_IGN) {
        previous_action.sa_handler(signal_number);
    } else {
        // The default action: the faulting instruction runs again and stops the program.
        struct sigaction fallback;
        memset(&fallback, 0, sizeof fallback);
        fallback.sa_handler = SIG_DFL;
        sigaction(SIGBUS, &fallback, NULL);
    }
}

static void install(void) {
    long size = sysconf(_SC_PAGESIZE);
    if (size > 0) page_size = (uintptr_t)size;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_bus_error;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    installed = sigaction(SIGBUS, &action, &previous_action) == 0;
}

int cohort_guard(void *base, size_t length) {
    pthread_once(&install_once, install);
    if (!installed || base == NULL || length == 0) return -1;
    for (int index = 0; index < guard_count; index++) {
        // Taken with a start of 1 (a region the handler skips), then set: its end, then its start.
        uintptr_t free_start = 0;
        if (!atomic_compare_exchange_strong(&guards[index].start, &free_start, 1)) continue;
        atomic_store(&guards[index].end, (uintptr_t)base + length);
        atomic_store(&guards[index].hit, 0);
        atomic_store(&guards[index].start, (uintptr_t)base);
        return index;
    }
    return -1;
}

int cohort_guard_was_hit(int guard) {
    return guard >= 0 && guard < guard_count && atomic_load(&guards[guard].hit);
}

void cohort_unguard(int guard) {
    if (guard < 0 || guard >= guard_count) return;
    atomic_store(&guards[guard].start, 0);
}

#else

int cohort_map_file(void *address, size_t length, int descriptor, off_t offset) {
    (void)address; (void)length; (void)descriptor; (void)offset;
    errno = ENOSYS;
    return -1;
}

int cohort_guard(void *base, size_t length) {
    (void)base; (void)length;
    return -1;
}

int cohort_guard_was_hit(int guard) {
    (void)guard;
    return 0;
}

void cohort_unguard(int guard) {
    (void)guard;
}

#endif
