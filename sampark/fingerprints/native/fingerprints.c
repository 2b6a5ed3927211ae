/* Fingerprints of chat messages, many at a time: the compiled path of sampark/fingerprints.
 *
 * Python (sampark/fingerprints/native.py) hands over a column of strings as an Arrow C stream
 * (polars exports string views "vu"; "u" and "U" are read too) and numpy arrays for the
 * results; every call works on a range of rows, so two threads can share one column. Each
 * result is defined by the pure-Python reference (sampark/fingerprints/normalise.py and
 * reference.py), and tests/fingerprints compare the two on every code point and on
 * generated text:
 *   - normalise: per grapheme cluster, letters and numbers kept and folded, their marks kept
 *     with them, everything else dropped (tables in unicode_tables.h), markers stripped from
 *     the start; a row holding a character that NFC may change is flagged instead, and Python
 *     sends it again in NFC;
 *   - keyed hash: BLAKE2b (RFC 7693) keyed, 8 bytes, of the normalised UTF-8;
 *   - signature: one-permutation MinHash of 5-code-point shingles, densified, 16-bit lanes,
 *     four lanes a 64-bit word (one LSH band);
 *   - numbers: each run of digits sets two bits of a 64-bit mask.
 * No allocation per row: each call has its own scratch buffers.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unicode_tables.h"

#define FP_ABI 1

#define KIND_KEEP 0
#define KIND_MARK 1
#define KIND_EXTEND 2
#define KIND_DROP 3
#define FLAG_NFC_QC_NOT_YES 4
#define FLAG_HAS_FOLD 8
#define FLAG_HAS_CCC 16

/* Row flags written to `flags`. */
#define ROW_FINGERPRINT 1 /* keyed hash, signature, shingles and numbers were written */
#define ROW_NEEDS_NFC 2   /* holds a character NFC may change: send again in NFC */
#define ROW_NULL 4        /* no text (null) */

#define SHINGLE 5
#define BIN_BITS 6
#define BINS (1 << BIN_BITS)
#define WORDS (BINS / 4)
#define PROBES 64

static const uint64_t GOLDEN = 0x9E3779B97F4A7C15ULL;
static const uint64_t DENSIFY_SALT = 0x5A17E5D1C0FFEE11ULL;
static const uint64_t NUMBER_SALT = 0x6E756D6265727321ULL;

/* ---- Arrow C data interface ------------------------------------------------------------- */

struct ArrowSchema {
    const char *format;
    const char *name;
    const char *metadata;
    int64_t flags;
    int64_t n_children;
    struct ArrowSchema **children;
    struct ArrowSchema *dictionary;
    void (*release)(struct ArrowSchema *);
    void *private_data;
};

struct ArrowArray {
    int64_t length;
    int64_t null_count;
    int64_t offset;
    int64_t n_buffers;
    int64_t n_children;
    const void **buffers;
    struct ArrowArray **children;
    struct ArrowArray *dictionary;
    void (*release)(struct ArrowArray *);
    void *private_data;
};

struct ArrowArrayStream {
    int (*get_schema)(struct ArrowArrayStream *, struct ArrowSchema *);
    int (*get_next)(struct ArrowArrayStream *, struct ArrowArray *);
    const char *(*get_last_error)(struct ArrowArrayStream *);
    void (*release)(struct ArrowArrayStream *);
    void *private_data;
};

#define LAYOUT_VIEW 0
#define LAYOUT_SMALL 1 /* "u": int32 offsets */
#define LAYOUT_LARGE 2 /* "U": int64 offsets */

typedef struct {
    int layout;
    int64_t n_chunks;
    struct ArrowArray *chunks;
    int64_t *starts; /* first row of each chunk; starts[n_chunks] = rows */
    int64_t rows;
} fp_column;

/* ---- the configuration (from the pepper and the marker list) ---------------------------- */

typedef struct {
    uint64_t h0[8]; /* BLAKE2b state after the key block */
    uint64_t seed;  /* of shingle and number hashes */
    uint32_t *markers;
    int64_t *marker_ends; /* marker i is markers[marker_ends[i-1] .. marker_ends[i]) */
    int64_t n_markers;
    int64_t min_chars;
    uint8_t probe[BINS][PROBES];
} fp_config;

/* ---- hashing ------------------------------------------------------------------------------ */

static inline uint64_t fmix64(uint64_t h) {
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}

static inline uint64_t absorb(uint64_t h, uint64_t value) {
    h = (h ^ value) * GOLDEN;
    return h ^ (h >> 32);
}

static const uint64_t B2B_IV[8] = {
    0x6A09E667F3BCC908ULL, 0xBB67AE8584CAA73BULL, 0x3C6EF372FE94F82BULL,
    0xA54FF53A5F1D36F1ULL, 0x510E527FADE682D1ULL, 0x9B05688C2B3E6C1FULL,
    0x1F83D9ABFB41BD6BULL, 0x5BE0CD19137E2179ULL,
};

static const uint8_t B2B_SIGMA[12][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
};

static inline uint64_t rotr64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static inline uint64_t load64(const uint8_t *p) {
    uint64_t v;
    memcpy(&v, p, 8); /* little-endian hosts only (x86-64, arm64) */
    return v;
}

#define B2B_G(a, b, c, d, x, y)      \
    do {                             \
        v[a] = v[a] + v[b] + (x);    \
        v[d] = rotr64(v[d] ^ v[a], 32); \
        v[c] = v[c] + v[d];          \
        v[b] = rotr64(v[b] ^ v[c], 24); \
        v[a] = v[a] + v[b] + (y);    \
        v[d] = rotr64(v[d] ^ v[a], 16); \
        v[c] = v[c] + v[d];          \
        v[b] = rotr64(v[b] ^ v[c], 63); \
    } while (0)

static void b2b_compress(uint64_t h[8], const uint8_t block[128], uint64_t t, int last) {
    uint64_t v[16], m[16];
    for (int i = 0; i < 8; i++) {
        v[i] = h[i];
        v[i + 8] = B2B_IV[i];
    }
    v[12] ^= t;
    if (last) v[14] = ~v[14];
    for (int i = 0; i < 16; i++) m[i] = load64(block + 8 * i);
    for (int r = 0; r < 12; r++) {
        const uint8_t *s = B2B_SIGMA[r];
        B2B_G(0, 4, 8, 12, m[s[0]], m[s[1]]);
        B2B_G(1, 5, 9, 13, m[s[2]], m[s[3]]);
        B2B_G(2, 6, 10, 14, m[s[4]], m[s[5]]);
        B2B_G(3, 7, 11, 15, m[s[6]], m[s[7]]);
        B2B_G(0, 5, 10, 15, m[s[8]], m[s[9]]);
        B2B_G(1, 6, 11, 12, m[s[10]], m[s[11]]);
        B2B_G(2, 7, 8, 13, m[s[12]], m[s[13]]);
        B2B_G(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (int i = 0; i < 8; i++) h[i] ^= v[i] ^ v[i + 8];
}

/* The keyed BLAKE2b of `data` (never empty: a fingerprinted text has 25 characters or
 * more, so the key block is never the last and its compression is done once, in h0). */
static uint64_t keyed_hash(const fp_config *cfg, const uint8_t *data, size_t len) {
    uint64_t h[8];
    uint8_t block[128];
    uint64_t t = 128;
    memcpy(h, cfg->h0, sizeof h);
    while (len > 128) {
        t += 128;
        b2b_compress(h, data, t, 0);
        data += 128;
        len -= 128;
    }
    memset(block, 0, sizeof block);
    memcpy(block, data, len);
    t += len;
    b2b_compress(h, block, t, 1);
    return h[0]; /* the first 8 bytes of the digest, little-endian */
}

/* ---- characters --------------------------------------------------------------------------- */

static inline uint8_t table_byte(uint32_t cp) {
    if (cp > 0x10FFFF) return KIND_DROP;
    return fp_stage2[(size_t)fp_stage1[cp >> 8] * 256 + (cp & 255)];
}

/* Index of `cp` in a sorted array of `n` code points (n when absent). */
static size_t find(const unsigned int *sorted, size_t n, uint32_t cp) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (sorted[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (lo < n && sorted[lo] == cp) ? lo : n;
}

static uint32_t fold(uint32_t cp) {
    size_t i = find(fp_fold_from, FP_FOLDS, cp);
    return i < FP_FOLDS ? fp_fold_to[i] : cp;
}

static int combining_class(uint32_t cp) {
    size_t i = find(fp_class_of, FP_CLASSES, cp);
    return i < FP_CLASSES ? fp_class[i] : 0;
}

/* Next code point of valid UTF-8 (polars strings are valid UTF-8). */
static inline uint32_t next_cp(const uint8_t **p) {
    const uint8_t *s = *p;
    uint32_t c = s[0];
    if (c < 0x80) {
        *p = s + 1;
        return c;
    }
    if (c < 0xE0) {
        *p = s + 2;
        return ((c & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (c < 0xF0) {
        *p = s + 3;
        return ((c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    *p = s + 4;
    return ((c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) | ((uint32_t)(s[2] & 0x3F) << 6) |
           (s[3] & 0x3F);
}

static inline size_t put_utf8(uint8_t *out, uint32_t c) {
    if (c < 0x80) {
        out[0] = (uint8_t)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (uint8_t)(0xC0 | (c >> 6));
        out[1] = (uint8_t)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (uint8_t)(0xE0 | (c >> 12));
        out[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (uint8_t)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (uint8_t)(0xF0 | (c >> 18));
    out[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (uint8_t)(0x80 | (c & 0x3F));
    return 4;
}

/* ---- one row ------------------------------------------------------------------------------ */

typedef struct {
    uint32_t *cps;
    uint64_t *values;
    uint8_t *utf8;
    size_t cap; /* code points the buffers hold (4 bytes of UTF-8 each) */
} fp_scratch;

static int scratch_fit(fp_scratch *s, size_t cps) {
    if (cps <= s->cap) return 0;
    size_t cap = cps < 4096 ? 4096 : cps * 2;
    uint32_t *c = realloc(s->cps, cap * sizeof *c);
    if (!c) return -1;
    s->cps = c;
    uint64_t *v = realloc(s->values, cap * sizeof *v);
    if (!v) return -1;
    s->values = v;
    uint8_t *utf8 = realloc(s->utf8, cap * 4);
    if (!utf8) return -1;
    s->utf8 = utf8;
    s->cap = cap;
    return 0;
}

typedef struct {
    int64_t *keyed;
    int64_t *signature; /* WORDS a row */
    int32_t *shingles;
    int64_t *numbers;
    uint8_t *flags;
    int32_t *chars; /* normalised length in code points, also below the minimum */
} fp_out;

static void number_bits(uint64_t h, uint64_t *mask) {
    h = fmix64(h);
    *mask |= 1ULL << (h & 63);
    *mask |= 1ULL << ((h >> 6) & 63);
}

/* Fingerprint one string into row `r` of `out`; returns -1 when out of memory. */
/* Devanagari's nukta letters, which NFC writes as letter + nukta (क़ → क + ़), and the three
 * letters NFC joins with a following nukta (न + ़ → ऩ): done here, since Hindi text is full of
 * them, instead of sending the row to the full NFC. */
static inline uint32_t nukta_base(uint32_t cp) {
    static const uint16_t base[8] = {0x915, 0x916, 0x917, 0x91C, 0x921, 0x922, 0x92B, 0x92F};
    return base[cp - 0x958];
}

static inline uint32_t nukta_composite(uint32_t cp) {
    return cp == 0x928 ? 0x929 : cp == 0x930 ? 0x931 : cp == 0x933 ? 0x934 : 0;
}

/* Kind and fold of ASCII, without the tables. */
static uint8_t ascii_byte[128];
static uint8_t ascii_fold[128];

static void ascii_init(void) {
    for (uint32_t c = 0; c < 128; c++) {
        ascii_byte[c] = table_byte(c);
        ascii_fold[c] = (uint8_t)((ascii_byte[c] & FLAG_HAS_FOLD) ? fold(c) : c);
    }
}

/* The shingle hash's value of one code point. */
static inline uint64_t code_value(uint64_t seed, uint32_t cp) { return (cp ^ seed) * GOLDEN; }

static inline uint64_t rotl64(uint64_t x, int n) { return (x << n) | (x >> (64 - n)); }

/* Fingerprint one string into row `r` of `out`; returns -1 when out of memory. */
static int fp_row(const fp_config *cfg, const uint8_t *s, size_t len, int assume_nfc,
                  fp_scratch *sc, fp_out *out, int64_t r) {
    if (scratch_fit(sc, 2 * len + 2)) return -1;
    const uint8_t *p = s, *end = s + len;
    uint32_t *cps = sc->cps;
    uint64_t *values = sc->values;
    size_t n = 0;
    int keeping = 0, in_number = 0, last_class = 0;
    uint32_t pending = 0; /* the nukta of a decomposed nukta letter, still to be read */
    uint32_t prev = 0;    /* the code point read before this one (after that decomposition) */
    uint64_t number = 0, numbers = 0;
    while (p < end || pending) {
        uint32_t cp;
        uint8_t byte;
        uint32_t f;
        if (pending) {
            cp = pending;
            pending = 0;
        } else if (*p < 0x80) {
            cp = *p++;
            byte = ascii_byte[cp];
            f = ascii_fold[cp];
            last_class = 0;
            prev = cp;
            goto classified;
        } else {
            cp = next_cp(&p);
            if (cp >= 0x958 && cp <= 0x95F) {
                pending = 0x93C;
                cp = nukta_base(cp);
            }
        }
        byte = table_byte(cp);
        if (cp == 0x93C && nukta_composite(prev)) {
            /* The letter read just before (a kept letter, so the last one written) joins the
             * nukta. */
            cps[n - 1] = nukta_composite(prev);
            values[n - 1] = code_value(cfg->seed, cps[n - 1]);
            prev = cps[n - 1];
            continue;
        }
        prev = cp;
        if (!assume_nfc) {
            /* NFC's quick check: a character NFC may replace or join, a nukta not right after
             * its letter, or marks out of canonical order send the row back for full NFC. */
            int klass = (byte & FLAG_HAS_CCC) ? combining_class(cp) : 0;
            if ((byte & FLAG_NFC_QC_NOT_YES && cp != 0x93C) || (klass && last_class > klass) ||
                (cp == 0x93C && last_class != 0)) {
                out->flags[r] = ROW_NEEDS_NFC;
                return 0;
            }
            last_class = klass;
        }
        f = (byte & FLAG_HAS_FOLD) ? fold(cp) : cp;
    classified:;
        int kind = byte & 3;
        int digit = kind == KIND_KEEP && f >= '0' && f <= '9';
        if (digit) {
            if (!in_number) number = cfg->seed ^ NUMBER_SALT;
            number = absorb(number, f);
            in_number = 1;
        } else if (in_number) {
            number_bits(number, &numbers);
            in_number = 0;
        }
        /* Without branches: spaces and punctuation every few letters would mispredict. */
        int keep = (kind == KIND_KEEP) | ((kind == KIND_MARK) & keeping);
        keeping = (kind == KIND_KEEP) | (keeping & (kind != KIND_DROP));
        cps[n] = f;
        values[n] = code_value(cfg->seed, f);
        n += (size_t)keep;
    }
    if (in_number) number_bits(number, &numbers);
    /* Markers at the start, longest first, as often as they repeat. */
    size_t start = 0;
    for (;;) {
        int found = 0;
        for (int64_t i = 0; i < cfg->n_markers; i++) {
            int64_t from = i ? cfg->marker_ends[i - 1] : 0, mlen = cfg->marker_ends[i] - from;
            if ((size_t)mlen <= n - start && cps[start] == cfg->markers[from] &&
                memcmp(cps + start, cfg->markers + from, (size_t)mlen * 4) == 0) {
                start += (size_t)mlen;
                found = 1;
                break;
            }
        }
        if (!found) break;
    }
    const uint32_t *text = cps + start;
    const uint64_t *value = values + start;
    size_t chars = n - start;
    out->chars[r] = (int32_t)chars;
    if ((int64_t)chars < cfg->min_chars) {
        out->flags[r] = 0;
        return 0;
    }
    size_t bytes = 0;
    for (size_t i = 0; i < chars; i++) bytes += put_utf8(sc->utf8 + bytes, text[i]);
    out->keyed[r] = (int64_t)keyed_hash(cfg, sc->utf8, bytes);

    uint32_t least[BINS];
    uint64_t filled = 0;
    for (int b = 0; b < BINS; b++) least[b] = 0xFFFFFFFFu;
    size_t count = chars - SHINGLE + 1;
    for (size_t i = 0; i < count; i++) {
        /* Independent rotations, not a chain of multiplications: a shingle costs one final
         * mix, and the CPU overlaps the rest. */
        uint64_t h = fmix64(value[i] ^ rotl64(value[i + 1], 13) ^ rotl64(value[i + 2], 26) ^
                            rotl64(value[i + 3], 39) ^ rotl64(value[i + 4], 52));
        unsigned bin = (unsigned)(h >> (64 - BIN_BITS));
        uint32_t value = (uint32_t)h;
        uint32_t held = least[bin];
        least[bin] = value < held ? value : held;
        filled |= 1ULL << bin;
    }
    uint16_t lane[BINS];
    for (int b = 0; b < BINS; b++) {
        int from = b;
        if (!(filled >> b & 1)) {
            from = -1;
            for (int a = 0; a < PROBES; a++) {
                int other = cfg->probe[b][a];
                if (filled >> other & 1) {
                    from = other;
                    break;
                }
            }
            for (int k = 1; from < 0; k++) {
                int other = (b + k) % BINS;
                if (filled >> other & 1) from = other;
            }
        }
        lane[b] = (uint16_t)least[from];
    }
    int64_t *sig = out->signature + r * WORDS;
    for (int w = 0; w < WORDS; w++) {
        uint64_t word = (uint64_t)lane[4 * w] | (uint64_t)lane[4 * w + 1] << 16 |
                        (uint64_t)lane[4 * w + 2] << 32 | (uint64_t)lane[4 * w + 3] << 48;
        sig[w] = (int64_t)word;
    }
    out->shingles[r] = (int32_t)count;
    out->numbers[r] = (int64_t)numbers;
    out->flags[r] = ROW_FINGERPRINT;
    return 0;
}

/* ---- the exported functions --------------------------------------------------------------- */

int32_t fp_abi(void) { return FP_ABI; }

const char *fp_unicode_version(void) { return FP_UNICODE_VERSION; }

/* A configuration: `key` is the 32-byte BLAKE2b key, `markers` the normalised marker
 * phrases (code points, longest first) ending at `marker_ends`. NULL when out of memory. */
fp_config *fp_config_new(const uint8_t *key, uint64_t seed, const uint32_t *markers,
                         const int64_t *marker_ends, int64_t n_markers, int64_t min_chars) {
    fp_config *cfg = calloc(1, sizeof *cfg);
    if (!cfg) return NULL;
    int64_t total = n_markers ? marker_ends[n_markers - 1] : 0;
    cfg->markers = malloc((size_t)(total + 1) * 4);
    cfg->marker_ends = malloc((size_t)(n_markers + 1) * 8);
    if (!cfg->markers || !cfg->marker_ends) {
        free(cfg->markers);
        free(cfg->marker_ends);
        free(cfg);
        return NULL;
    }
    memcpy(cfg->markers, markers, (size_t)total * 4);
    memcpy(cfg->marker_ends, marker_ends, (size_t)n_markers * 8);
    cfg->n_markers = n_markers;
    cfg->min_chars = min_chars;
    cfg->seed = seed;
    ascii_init();
    /* Parameter block: digest 8 bytes, key 32 bytes, fanout 1, depth 1. */
    for (int i = 0; i < 8; i++) cfg->h0[i] = B2B_IV[i];
    cfg->h0[0] ^= 0x01010000ULL ^ (32ULL << 8) ^ 8ULL;
    uint8_t block[128] = {0};
    memcpy(block, key, 32);
    b2b_compress(cfg->h0, block, 128, 0);
    for (int b = 0; b < BINS; b++)
        for (int a = 0; a < PROBES; a++)
            cfg->probe[b][a] =
                (uint8_t)(fmix64((((uint64_t)b << 32) | (uint64_t)(a + 1)) ^ DENSIFY_SALT) >>
                          (64 - BIN_BITS));
    return cfg;
}

void fp_config_free(fp_config *cfg) {
    if (!cfg) return;
    free(cfg->markers);
    free(cfg->marker_ends);
    free(cfg);
}

void fp_column_free(fp_column *col) {
    if (!col) return;
    for (int64_t i = 0; i < col->n_chunks; i++)
        if (col->chunks[i].release) col->chunks[i].release(&col->chunks[i]);
    free(col->chunks);
    free(col->starts);
    free(col);
}

/* Take every chunk of a stream of strings (the stream is released). `*error`: 0, 1 not
 * strings, 2 out of memory, 3 the stream failed. */
fp_column *fp_column_new(struct ArrowArrayStream *stream, int32_t *error) {
    struct ArrowSchema schema;
    *error = 0;
    fp_column *col = calloc(1, sizeof *col);
    if (!col) {
        *error = 2;
        stream->release(stream);
        return NULL;
    }
    if (stream->get_schema(stream, &schema) != 0) {
        *error = 3;
        goto fail;
    }
    if (strcmp(schema.format, "vu") == 0 || strcmp(schema.format, "vz") == 0)
        col->layout = LAYOUT_VIEW;
    else if (strcmp(schema.format, "u") == 0 || strcmp(schema.format, "z") == 0)
        col->layout = LAYOUT_SMALL;
    else if (strcmp(schema.format, "U") == 0 || strcmp(schema.format, "Z") == 0)
        col->layout = LAYOUT_LARGE;
    else
        *error = 1;
    schema.release(&schema);
    if (*error) goto fail;
    int64_t cap = 0;
    for (;;) {
        struct ArrowArray chunk;
        if (stream->get_next(stream, &chunk) != 0) {
            *error = 3;
            goto fail;
        }
        if (!chunk.release) break;
        if (col->n_chunks == cap) {
            cap = cap ? cap * 2 : 8;
            struct ArrowArray *chunks = realloc(col->chunks, (size_t)cap * sizeof *chunks);
            int64_t *starts = realloc(col->starts, (size_t)(cap + 1) * sizeof *starts);
            if (chunks) col->chunks = chunks;
            if (starts) col->starts = starts;
            if (!chunks || !starts) {
                chunk.release(&chunk);
                *error = 2;
                goto fail;
            }
        }
        col->starts[col->n_chunks] = col->rows;
        col->chunks[col->n_chunks++] = chunk;
        col->rows += chunk.length;
    }
    if (!col->starts && !(col->starts = malloc(sizeof *col->starts))) {
        *error = 2;
        goto fail;
    }
    col->starts[col->n_chunks] = col->rows;
    stream->release(stream);
    return col;
fail:
    stream->release(stream);
    fp_column_free(col);
    return NULL;
}

int64_t fp_column_rows(const fp_column *col) { return col->rows; }

/* Fingerprint rows [from, to) of `col` into the output arrays (indexed by row). Returns 0,
 * or -1 when out of memory. `assume_nfc`: the strings are in NFC already (the second pass). */
int32_t fp_run(const fp_config *cfg, const fp_column *col, int64_t from, int64_t to,
               int32_t assume_nfc, int64_t *keyed, int64_t *signature, int32_t *shingles,
               int64_t *numbers, uint8_t *flags, int32_t *chars) {
    fp_scratch sc = {0};
    fp_out out = {keyed, signature, shingles, numbers, flags, chars};
    int rc = 0;
    int64_t c = 0;
    while (c < col->n_chunks && col->starts[c + 1] <= from) c++;
    for (int64_t r = from; r < to && rc == 0; r++) {
        while (col->starts[c + 1] <= r) c++;
        const struct ArrowArray *a = &col->chunks[c];
        int64_t i = r - col->starts[c] + a->offset;
        const uint8_t *valid = a->buffers[0];
        chars[r] = 0;
        if (valid && !(valid[i >> 3] >> (i & 7) & 1)) {
            flags[r] = ROW_NULL;
            continue;
        }
        const uint8_t *s;
        size_t len;
        if (col->layout == LAYOUT_VIEW) {
            const uint8_t *view = (const uint8_t *)a->buffers[1] + 16 * i;
            int32_t n;
            memcpy(&n, view, 4);
            len = (size_t)n;
            if (n <= 12) {
                s = view + 4;
            } else {
                int32_t buffer, offset;
                memcpy(&buffer, view + 8, 4);
                memcpy(&offset, view + 12, 4);
                s = (const uint8_t *)a->buffers[2 + buffer] + offset;
            }
        } else if (col->layout == LAYOUT_SMALL) {
            const int32_t *offsets = a->buffers[1];
            s = (const uint8_t *)a->buffers[2] + offsets[i];
            len = (size_t)(offsets[i + 1] - offsets[i]);
        } else {
            const int64_t *offsets = a->buffers[1];
            s = (const uint8_t *)a->buffers[2] + offsets[i];
            len = (size_t)(offsets[i + 1] - offsets[i]);
        }
        rc = fp_row(cfg, s, len, assume_nfc, &sc, &out, r);
    }
    free(sc.cps);
    free(sc.values);
    free(sc.utf8);
    return rc;
}
