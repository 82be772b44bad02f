#ifndef COHORT_BYTE_SCAN_H
#define COHORT_BYTE_SCAN_H

// Finds bytes of interest 64 at a time, for the CSV tokenizer of CohortIngest, and asks
// for memory ahead of its use. Swift's SIMD types have no way to turn a comparison into a
// bit mask in one instruction (x86's pmovmskb), nor Swift a way to prefetch, so these two
// small functions are written in C.

#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// A mask of the 64 bytes at `bytes` (all of which must be readable): bit k is set when
/// bytes[k] is the delimiter, a newline or a quote; and in `breaks` the mask of the newlines
/// and quotes alone, where a record may end or a quoted field begin.
static inline uint64_t cohort_record_masks64(const uint8_t *bytes, uint8_t delimiter, uint8_t newline, uint8_t quote, uint64_t *breaks) {
#if defined(__SSE2__)
    const __m128i vd = _mm_set1_epi8((char)delimiter), vn = _mm_set1_epi8((char)newline), vq = _mm_set1_epi8((char)quote);
    uint64_t mask = 0, lines = 0;
    for (int part = 0; part < 4; part++) {
        const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(bytes + 16 * part));
        const __m128i ends = _mm_or_si128(_mm_cmpeq_epi8(v, vn), _mm_cmpeq_epi8(v, vq));
        mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_or_si128(ends, _mm_cmpeq_epi8(v, vd))) << (16 * part);
        lines |= (uint64_t)(uint16_t)_mm_movemask_epi8(ends) << (16 * part);
    }
    *breaks = lines;
    return mask;
#else
    uint64_t mask = 0, lines = 0;
    for (int k = 0; k < 64; k++) {
        const uint8_t byte = bytes[k];
        lines |= (uint64_t)(byte == newline || byte == quote) << k;
        mask |= (uint64_t)(byte == delimiter || byte == newline || byte == quote) << k;
    }
    *breaks = lines;
    return mask;
#endif
}

/// Asks for the cache line at `address` ahead of its use (a hint: it never faults, and the
/// program is the same without it). Swift has no way to say this.
static inline void cohort_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
