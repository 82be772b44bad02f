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

/// A mask of the 64 bytes at `bytes` (all of which must be readable): bit k is set
/// when bytes[k] equals `a`, `b` or `c`.
static inline uint64_t cohort_match_mask64(const uint8_t *bytes, uint8_t a, uint8_t b, uint8_t c) {
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b), vc = _mm_set1_epi8((char)c);
    uint64_t mask = 0;
    for (int part = 0; part < 4; part++) {
        const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(bytes + 16 * part));
        const __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)), _mm_cmpeq_epi8(v, vc));
        mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(hits) << (16 * part);
    }
    return mask;
#else
    uint64_t mask = 0;
    for (int k = 0; k < 64; k++) {
        const uint8_t byte = bytes[k];
        mask |= (uint64_t)(byte == a || byte == b || byte == c) << k;
    }
    return mask;
#endif
}

/// The delimiters and the line breaks of the 64 bytes at `bytes` (all of which must be
/// readable), for a plain record read from its masks (`CSVTokenizer.plainRecord`).
typedef struct {
    /// Bit k: bytes[k] is the delimiter.
    uint64_t delimiters;
    /// Bit k: bytes[k] is a line feed or a quote.
    uint64_t breaks;
} cohort_record_masks;

static inline cohort_record_masks cohort_record_masks64(const uint8_t *bytes, uint8_t delimiter) {
    cohort_record_masks masks = {0, 0};
#if defined(__SSE2__)
    const __m128i vd = _mm_set1_epi8((char)delimiter), vn = _mm_set1_epi8('\n'), vq = _mm_set1_epi8('"');
    for (int part = 0; part < 4; part++) {
        const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(bytes + 16 * part));
        masks.delimiters |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vd)) << (16 * part);
        const __m128i breaks = _mm_or_si128(_mm_cmpeq_epi8(v, vn), _mm_cmpeq_epi8(v, vq));
        masks.breaks |= (uint64_t)(uint16_t)_mm_movemask_epi8(breaks) << (16 * part);
    }
#else
    for (int k = 0; k < 64; k++) {
        const uint8_t byte = bytes[k];
        masks.delimiters |= (uint64_t)(byte == delimiter) << k;
        masks.breaks |= (uint64_t)(byte == '\n' || byte == '"') << k;
    }
#endif
    return masks;
}

/// Asks for the cache line at `address` ahead of its use (a hint: it never faults, and the
/// program is the same without it). Swift has no way to say this.
static inline void cohort_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
