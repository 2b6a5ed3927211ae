/* The per-byte work of the WhatsApp export parser (etl/sources/whatsapp/native/glue.py loads
 * it with ctypes; the polars path in etl/sources/whatsapp/ is the reference it must agree
 * with, line for line).
 *
 * Two calls per block of text:
 *   wa_scan    - validates UTF-8, splits lines (LF, one trailing CR dropped), reads the
 *                header of the file's pinned shape on every line (the numbers, where the text
 *                after it starts), the author cut and the cheap tests that send an entry to
 *                the phrase tables. Needs nothing from other blocks (runs on a worker thread).
 *   wa_settle  - over the unsettled lines (one or more scanned blocks): timestamps,
 *                out-of-order headers, entries with their continuation lines, rejects, and
 *                the columns as Arrow string views into one compact copy of their strings
 *                (wa_export hands them to polars through the Arrow C data interface).
 *
 * The input is untrusted. Every read is bounded by the line's end; sizes are int64_t; every
 * output array is sized from counts taken before it is filled; allocation failure is an
 * error code, never a crash. Where this code cannot decide exactly what the Rust regex in
 * the Python reference decides (a non-ASCII character where `\d` is tested), it marks the line
 * WA_UNSURE and the caller decides it with that regex.
 */

#define _GNU_SOURCE /* mremap */
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#define WA_ABI 3

/* line flags */
#define WA_SHAPE 1u       /* a header of the pinned shape */
#define WA_UNSURE 2u      /* the caller must read this line with the regex */
#define WA_HEADLIKE 4u    /* (not of the shape) may match the general header pattern */
#define WA_FFFD 8u        /* holds U+FFFD */
#define WA_BODY_RAW 16u   /* the whole line may hold a header of the shape somewhere */
#define WA_BODY_REST 32u  /* the text after the header may hold one */
#define WA_ODD 64u        /* the entry needs the phrase tables (cheap tests only) */

/* return codes */
#define WA_OK 0
#define WA_DIRTY 1    /* not valid UTF-8 */
#define WA_NOMEM 2
#define WA_TOO_BIG 3  /* a string or buffer past what an Arrow string view can address */

typedef struct {
    int32_t ob;        /* 1: the header starts with '[' */
    int32_t ds;        /* the date separator byte */
    int32_t year_at;   /* 0: y.., 1: .y., 2: ..y */
    int32_t dt;        /* between date and time: 0 ",\s", 1 ",", 2 "\s+klo\s+", 3 "\s" */
    int32_t tsep;      /* the time separator byte */
    int32_t seconds;   /* 1: seconds present */
    int32_t has_ap;    /* 1: am/pm present */
    int32_t post;      /* after the time: 0 "]", 1 "] ", 2 " - ", 3 ": ", 4 " " */
} wa_shape;

typedef struct {
    const uint8_t *buf;
    int64_t len;
    int64_t first_line;
    int64_t n;
    int64_t *start; /* line start */
    int64_t *end;   /* line end, without LF and one CR */
    int64_t *rest;  /* where the text after the header starts (shape lines) */
    int64_t *cut;   /* the first ": " in the rest, or -1 */
    int32_t *num;   /* 6 per line: year, a, b, hour, minute, second; -1 when null */
    uint8_t *flags;
    uint8_t *kind;  /* 0 text, 1 media, 2 deleted placeholder (set by the caller's regex) */
} wa_scan_t;

typedef struct {
    int64_t prev_kept; /* the last header before the window */
    int32_t has_prev_kept;
    int32_t started;
} wa_state;

typedef struct {
    const wa_scan_t *scan;
    int64_t first; /* the window starts at this line of the scan */
} wa_seg;

/* An Arrow string view column: 16 bytes per row, a validity bitmap. */
typedef struct {
    uint8_t *views;
    uint8_t *valid;
    int64_t nulls;
} wa_views;

typedef struct {
    /* where the next window starts: segment and line; -1 when the whole window is settled
     * (end of file) or when nothing could be settled (cut_seg == 0, cut_line == first) */
    int32_t cut_seg;
    int32_t settled; /* 0: nothing settled, the window waits for more lines */
    int64_t cut_line;
    wa_state state;
    /* entries */
    int64_t n;
    int64_t *ts;
    int64_t *line;
    uint8_t *odd; /* needs the phrase tables */
    wa_views author, text, kind, rest, more;
    /* rejects found here (impossible date, out of order, before the first header) */
    int64_t n_rej;
    int64_t *rej_line;
    int32_t *rej_code; /* 0 bad date, 2 late, 3 before the first header */
    int64_t *rej_ts;
    int64_t *rej_other; /* late: the previous entry's timestamp */
    wa_views rej_raw;
    /* lines whose body may hold a header of the shape: line, raw, body */
    int64_t n_body;
    int64_t *body_line;
    wa_views body_raw, body_text;
    /* every string longer than 12 bytes (what a view holds inline) is copied here: the one
     * data buffer (index 0) of all the string columns above */
    uint8_t *copy;
    int64_t copy_len;
} wa_out;

/* ---- memory ---------------------------------------------------------------------------------
 * Arrays of 128 KiB and more get pages of their own (mmap), given back when freed. From
 * malloc they come from the heap once glibc's mmap threshold has risen past the size of the
 * 4 MB blocks freed before, and the columns kept for the result, placed between blocks freed
 * since, keep those holes resident. Every allocation carries a 16-byte head: the mapped size
 * (0 for the heap) and the size asked for. */
#define WA_PAGES ((size_t)128 * 1024)
#define WA_HEAD ((size_t)16)

static void *mem_head(uint8_t *p, size_t mapped, size_t size) {
    memcpy(p, &mapped, sizeof mapped);
    memcpy(p + sizeof mapped, &size, sizeof size);
    return p + WA_HEAD;
}

static void mem_sizes(const void *q, size_t *mapped, size_t *size) {
    const uint8_t *p = (const uint8_t *)q - WA_HEAD;
    memcpy(mapped, p, sizeof *mapped);
    memcpy(size, p + sizeof *mapped, sizeof *size);
}

static void *mem_zeroed(size_t n, int zero) {
    if (n > SIZE_MAX - WA_HEAD) return NULL;
    size_t total = n + WA_HEAD;
#ifdef __linux__
    if (total >= WA_PAGES) {
        void *p = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        return p == MAP_FAILED ? NULL : mem_head(p, total, n); /* mapped pages are zero */
    }
#endif
    uint8_t *p = zero ? calloc(1, total) : malloc(total);
    return p ? mem_head(p, 0, n) : NULL;
}

static void *mem_alloc(size_t n) { return mem_zeroed(n, 0); }

static void *mem_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) return NULL;
    return mem_zeroed(count * size, 1);
}

static void mem_free(void *q) {
    if (!q) return;
    size_t mapped, size;
    mem_sizes(q, &mapped, &size);
#ifdef __linux__
    if (mapped) {
        munmap((uint8_t *)q - WA_HEAD, mapped);
        return;
    }
#endif
    free((uint8_t *)q - WA_HEAD);
}

static void *mem_realloc(void *q, size_t n) {
    if (!q) return mem_alloc(n);
    if (n > SIZE_MAX - WA_HEAD) return NULL;
    size_t mapped, size;
    mem_sizes(q, &mapped, &size);
#ifdef __linux__
    if (mapped) {
        void *p = mremap((uint8_t *)q - WA_HEAD, mapped, n + WA_HEAD, MREMAP_MAYMOVE);
        return p == MAP_FAILED ? NULL : mem_head(p, n + WA_HEAD, n);
    }
#endif
    void *p = mem_alloc(n);
    if (!p) return NULL;
    memcpy(p, q, size < n ? size : n);
    mem_free(q);
    return p;
}

int32_t wa_abi(void) { return WA_ABI; }

void wa_free(void *p) { mem_free(p); }

/* ---- UTF-8 ------------------------------------------------------------------------------ */

/* Strict UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF), as Python decodes. */
static int valid_utf8(const uint8_t *s, int64_t n) {
    int64_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        uint8_t c = s[i];
        if (c < 0x80) {
            i++;
        } else if (c >= 0xC2 && c <= 0xDF) {
            if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return 0;
            i += 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            if (i + 2 >= n) return 0;
            uint8_t c1 = s[i + 1], c2 = s[i + 2];
            if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return 0;
            if (c == 0xE0 && c1 < 0xA0) return 0;
            if (c == 0xED && c1 >= 0xA0) return 0;
            i += 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            if (i + 3 >= n) return 0;
            uint8_t c1 = s[i + 1], c2 = s[i + 2], c3 = s[i + 3];
            if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80 || (c3 & 0xC0) != 0x80) return 0;
            if (c == 0xF0 && c1 < 0x90) return 0;
            if (c == 0xF4 && c1 >= 0x90) return 0;
            i += 4;
        } else {
            return 0;
        }
    }
    return 1;
}

/* The code point at s[i] (valid UTF-8, i < n) and its length in bytes. */
static uint32_t cp_at(const uint8_t *s, int64_t i, int64_t n, int *len) {
    uint8_t c = s[i];
    if (c < 0x80 || i + 1 >= n) {
        *len = 1;
        return c;
    }
    if (c < 0xE0) {
        *len = 2;
        return ((uint32_t)(c & 0x1F) << 6) | (s[i + 1] & 0x3F);
    }
    if (c < 0xF0) {
        if (i + 2 >= n) {
            *len = 1;
            return c;
        }
        *len = 3;
        return ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) |
               (s[i + 2] & 0x3F);
    }
    if (i + 3 >= n) {
        *len = 1;
        return c;
    }
    *len = 4;
    return ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[i + 1] & 0x3F) << 12) |
           ((uint32_t)(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
}

/* The start of the code point that ends just before `end` (valid UTF-8, end > from). */
static int64_t cp_back(const uint8_t *s, int64_t from, int64_t end) {
    int64_t i = end - 1;
    while (i > from && (s[i] & 0xC0) == 0x80) i--;
    return i;
}

/* Unicode White_Space, which is what `\s` means in the Rust regex crate. */
static int is_ws(uint32_t c) {
    if (c == 0x20 || (c >= 0x09 && c <= 0x0D)) return 1;
    if (c < 0x85) return 0;
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* `\d` in the Rust regex crate is any Unicode decimal digit (Nd): 1 yes, 0 no, 2 only the
 * regex knows. Only ranges without a digit, all assigned, are answered "no" (Latin, the
 * Devanagari letters, punctuation, the emoji blocks); the caller then sends the line to the
 * regex. */
static int digit_class(uint32_t c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    if (c <= 0x2FF) return 0;
    if (c >= 0x900 && c <= 0x97F) return !(c >= 0x966 && c <= 0x96F) ? 0 : 2;
    if (c >= 0x2000 && c <= 0x2064) return 0;
    if (c >= 0x2066 && c <= 0x206F) return 0;
    if (c >= 0x3000 && c <= 0x303F) return 0;
    if (c >= 0xFE00 && c <= 0xFE0F) return 0;
    if (c == 0xFEFF) return 0;
    return 2;
}

/* ---- one header of the pinned shape ------------------------------------------------------ */

/* `MARKS` in headers.py: the invisible characters a phone, an editor or two exports joined
 * leave before a header's date or just inside its bracket (the bidirectional controls U+061C,
 * U+200E, U+200F, U+202A-U+202E, U+2066-U+2069 and the byte-order mark U+FEFF). A header
 * almost always starts with '[' or a digit: one comparison (a byte below 0xD8) rules them out. */
static int mark_len(const uint8_t *s, int64_t i, int64_t end) {
    uint8_t c = s[i];
    if (c == 0xD8) return i + 1 < end && s[i + 1] == 0x9C ? 2 : 0;
    if (i + 2 >= end) return 0;
    uint8_t b1 = s[i + 1], b2 = s[i + 2];
    if (c == 0xE2 && b1 == 0x80)
        return b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE) ? 3 : 0;
    if (c == 0xE2 && b1 == 0x81) return b2 >= 0xA6 && b2 <= 0xA9 ? 3 : 0;
    return c == 0xEF && b1 == 0xBB && b2 == 0xBF ? 3 : 0;
}

static int64_t skip_marks(const uint8_t *s, int64_t i, int64_t end) {
    int n;
    while (i < end && s[i] >= 0xD8 && (n = mark_len(s, i, end)) > 0) i += n;
    return i;
}

#define M_NO 0
#define M_YES 1
#define M_UNSURE 2

typedef struct {
    const uint8_t *s;
    int64_t end;
    int unsure;
} cursor_t;

static uint32_t peek(const cursor_t *c, int64_t i, int *len) {
    if (i >= c->end) {
        *len = 0;
        return 0xFFFFFFFFu;
    }
    return cp_at(c->s, i, c->end, len);
}

/* Up to `max` digits (at least `min`) from *i, their value and count; 0 when no match. */
static int digits(cursor_t *c, int64_t *i, int min, int max, int32_t *value, int *count) {
    int n = 0;
    int32_t v = 0;
    while (n < max) {
        int len;
        uint32_t cp = peek(c, *i, &len);
        if (len == 0) break;
        int d = digit_class(cp);
        if (d == 2) {
            c->unsure = 1;
            return 0;
        }
        if (!d) break;
        v = v * 10 + (int32_t)(cp - '0');
        *i += 1;
        n++;
    }
    if (n < min) return 0;
    *value = v;
    *count = n;
    return 1;
}

static int ws_at(const cursor_t *c, int64_t i, int *len) {
    uint32_t cp = peek(c, i, len);
    return *len > 0 && is_ws(cp);
}

static int byte_at(const cursor_t *c, int64_t i, uint8_t b) { return i < c->end && c->s[i] == b; }

/* `[ \x{00A0}\x{202F}]` at i: its length, or 0. */
static int ampm_space(const cursor_t *c, int64_t i) {
    if (byte_at(c, i, ' ')) return 1;
    if (i + 1 < c->end && c->s[i] == 0xC2 && c->s[i + 1] == 0xA0) return 2;
    if (i + 2 < c->end && c->s[i] == 0xE2 && c->s[i + 1] == 0x80 && c->s[i + 2] == 0xAF) return 3;
    return 0;
}

/* `(?P<post>\]\s?|\s[-–]\s|:\s|\s)` at i: the end of the match and which branch, or -1. */
static int64_t post_at(const cursor_t *c, int64_t i, int *branch, int *chars) {
    int len, len2;
    if (byte_at(c, i, ']')) {
        *branch = 0;
        if (ws_at(c, i + 1, &len)) {
            *chars = 2;
            return i + 1 + len;
        }
        *chars = 1;
        return i + 1;
    }
    if (ws_at(c, i, &len)) {
        int64_t j = i + len;
        int dash = 0;
        if (byte_at(c, j, '-')) dash = 1;
        else if (j + 2 < c->end && c->s[j] == 0xE2 && c->s[j + 1] == 0x80 && c->s[j + 2] == 0x93)
            dash = 3;
        if (dash && ws_at(c, j + dash, &len2)) {
            *branch = 1;
            *chars = 3;
            return j + dash + len2;
        }
    }
    if (byte_at(c, i, ':') && ws_at(c, i + 1, &len)) {
        *branch = 2;
        *chars = 2;
        return i + 1 + len;
    }
    if (ws_at(c, i, &len)) {
        *branch = 3;
        *chars = 1;
        return i + len;
    }
    return -1;
}

typedef struct {
    int32_t d[3];
    int dn[3];
    int32_t hh, mi, ss;
    int has_ss;
    int ap; /* 0 none, 'a' or 'p' */
    int post_branch, post_chars;
    int64_t head_end;
} header_t;

/* The shape's pattern anchored at the line start (see `Shape.pattern`). */
static int match_header(const wa_shape *sh, cursor_t *c, int64_t i, header_t *h) {
    static const int widths[3][3][2] = {
        {{4, 4}, {1, 4}, {1, 4}}, {{1, 3}, {4, 4}, {1, 4}}, {{1, 3}, {1, 3}, {1, 4}}};
    int len;
    i = skip_marks(c->s, i, c->end);
    if (sh->ob) {
        if (!byte_at(c, i, '[')) return M_NO;
        i = skip_marks(c->s, i + 1, c->end);
    }
    const int(*w)[2] = widths[sh->year_at];
    for (int k = 0; k < 3; k++) {
        if (k == 1) {
            if (!byte_at(c, i, (uint8_t)sh->ds)) return M_NO;
            i++;
        } else if (k == 2) {
            if (!(byte_at(c, i, '.') || byte_at(c, i, '/') || byte_at(c, i, '-'))) return M_NO;
            i++;
        }
        if (k > 0 && ws_at(c, i, &len)) i += len;
        if (!digits(c, &i, w[k][0], w[k][1], &h->d[k], &h->dn[k]))
            return c->unsure ? M_UNSURE : M_NO;
    }
    if (byte_at(c, i, '.')) i++;
    switch (sh->dt) {
    case 0:
        if (!byte_at(c, i, ',') || !ws_at(c, i + 1, &len)) return M_NO;
        i += 1 + len;
        break;
    case 1:
        if (!byte_at(c, i, ',')) return M_NO;
        i++;
        break;
    case 2: {
        int n = 0;
        while (ws_at(c, i, &len)) i += len, n++;
        if (!n || i + 3 > c->end || memcmp(c->s + i, "klo", 3) != 0) return M_NO;
        i += 3;
        n = 0;
        while (ws_at(c, i, &len)) i += len, n++;
        if (!n) return M_NO;
        break;
    }
    default:
        if (!ws_at(c, i, &len)) return M_NO;
        i += len;
    }
    int n;
    if (!digits(c, &i, 1, 2, &h->hh, &n)) return c->unsure ? M_UNSURE : M_NO;
    if (!byte_at(c, i, (uint8_t)sh->tsep)) return M_NO;
    i++;
    if (!digits(c, &i, 2, 2, &h->mi, &n)) return c->unsure ? M_UNSURE : M_NO;
    h->has_ss = 0;
    h->ss = 0;
    if (sh->seconds) {
        if (!(byte_at(c, i, ':') || byte_at(c, i, '.'))) return M_NO;
        i++;
        if (!digits(c, &i, 2, 2, &h->ss, &n)) return c->unsure ? M_UNSURE : M_NO;
        h->has_ss = 1;
    }
    /* am/pm is optional: the longest form first, then without its last '.', then none */
    int64_t ends[2];
    int n_ends = 0, letter = 0;
    {
        int64_t j = i + ampm_space(c, i);
        if (j < c->end && (c->s[j] == 'a' || c->s[j] == 'A' || c->s[j] == 'p' || c->s[j] == 'P')) {
            letter = c->s[j] | 0x20;
            j++;
            if (byte_at(c, j, '.')) j++;
            j += ampm_space(c, j);
            if (byte_at(c, j, 'm') || byte_at(c, j, 'M')) {
                j++;
                if (byte_at(c, j, '.')) ends[n_ends++] = j + 1;
                ends[n_ends++] = j;
            }
        }
    }
    for (int k = 0; k <= n_ends; k++) {
        int64_t at = k < n_ends ? ends[k] : i;
        int64_t e = post_at(c, at, &h->post_branch, &h->post_chars);
        if (e >= 0) {
            h->ap = k < n_ends ? letter : 0;
            h->head_end = e;
            return M_YES;
        }
    }
    return M_NO;
}

/* Whether a matched header has the shape's am/pm and what follows the time (`is_shape`). */
static int same_shape(const wa_shape *sh, const header_t *h) {
    if ((h->ap != 0) != (sh->has_ap != 0)) return 0;
    switch (sh->post) {
    case 0: return h->post_branch == 0 && h->post_chars == 1;
    case 1: return h->post_branch == 0 && h->post_chars == 2;
    case 2: return h->post_chars == 3;
    case 3: return h->post_branch == 2;
    default: return h->post_chars == 1 && h->post_branch != 0;
    }
}

/* ---- the cheap per-line tests ------------------------------------------------------------ */

/* A header of the shape somewhere in s[from, to) needs a digit right before the date
 * separator; the last byte of any Unicode digit is an ASCII digit or a continuation byte. */
static int may_hold_header(const uint8_t *s, int64_t from, int64_t to, uint8_t ds) {
    for (int64_t i = from + 1; i < to; i++) {
        if (s[i] == ds) {
            uint8_t b = s[i - 1];
            if ((b >= '0' && b <= '9') || b >= 0x80) return 1;
        }
    }
    return 0;
}

/* The general header pattern needs, after the marks, an optional '[' and the marks again, a
 * digit. */
static int may_be_head(const uint8_t *s, int64_t i, int64_t end) {
    i = skip_marks(s, i, end);
    if (i < end && s[i] == '[') i = skip_marks(s, i + 1, end);
    if (i >= end) return 0;
    int len;
    return digit_class(cp_at(s, i, end, &len)) != 0;
}

/* U+200E, U+200F and curly quotes: what `normalized` changes inside a text. */
static int has_marks(const uint8_t *s, int64_t from, int64_t to) {
    for (int64_t i = from; i + 2 < to; i++) {
        if (s[i] == 0xE2 && s[i + 1] == 0x80) {
            uint8_t b = s[i + 2];
            if (b == 0x8E || b == 0x8F || b == 0x9C || b == 0x9D || b == 0x98 || b == 0x99)
                return 1;
        }
    }
    return 0;
}

static int has_fffd(const uint8_t *s, int64_t from, int64_t to) {
    for (int64_t i = from; i + 2 < to; i++)
        if (s[i] == 0xEF && s[i + 1] == 0xBF && s[i + 2] == 0xBD) return 1;
    return 0;
}

static int starts_ws(const uint8_t *s, int64_t from, int64_t to) {
    int len;
    return from < to && is_ws(cp_at(s, from, to, &len));
}

static int ends_ws(const uint8_t *s, int64_t from, int64_t to) {
    int len;
    return from < to && is_ws(cp_at(s, cp_back(s, from, to), to, &len));
}

static int64_t find_colon_space(const uint8_t *s, int64_t from, int64_t to) {
    for (int64_t i = from; i + 1 < to; i++) {
        const uint8_t *p = memchr(s + i, ':', (size_t)(to - 1 - i));
        if (!p) return -1;
        i = p - s;
        if (s[i + 1] == ' ') return i;
    }
    return -1;
}

/* The author cut and the cheap "needs the phrase tables" tests for a line whose text after
 * the header starts at `rest` (`plain_messages`). */
static void rest_flags(wa_scan_t *sc, int64_t k, const wa_shape *sh) {
    const uint8_t *s = sc->buf;
    int64_t r = sc->rest[k], e = sc->end[k];
    int64_t cut = find_colon_space(s, r, e);
    sc->cut[k] = cut;
    uint8_t f = sc->flags[k] & (uint8_t)~(WA_ODD | WA_BODY_REST);
    if (cut < 0 || has_marks(s, r, e) || starts_ws(s, r, e) || ends_ws(s, r, e) ||
        starts_ws(s, cut + 2, e))
        f |= WA_ODD;
    if (may_hold_header(s, r, e, (uint8_t)sh->ds)) f |= WA_BODY_REST;
    sc->flags[k] = f;
}

static void set_numbers(wa_scan_t *sc, int64_t k, const wa_shape *sh, const header_t *h) {
    int y = sh->year_at == 0 ? 0 : sh->year_at == 1 ? 1 : 2;
    int a = sh->year_at == 0 ? 1 : 0;
    int b = sh->year_at == 2 ? 1 : 2;
    int32_t *num = sc->num + 6 * k;
    num[0] = h->dn[y] <= 2 ? h->d[y] + 2000 : h->d[y];
    num[1] = h->d[a];
    num[2] = h->d[b];
    num[3] = h->ap == 'p' ? h->hh % 12 + 12 : h->ap == 'a' ? h->hh % 12 : h->hh;
    num[4] = h->mi;
    num[5] = h->ss;
}

void wa_scan_free(wa_scan_t *sc) {
    if (!sc) return;
    mem_free(sc->start);
    mem_free(sc->end);
    mem_free(sc->rest);
    mem_free(sc->cut);
    mem_free(sc->num);
    mem_free(sc->flags);
    mem_free(sc->kind);
    mem_free(sc);
}

/* Scan one block. `*out` is set on WA_OK only; free it with wa_scan_free. */
int32_t wa_scan(const uint8_t *buf, int64_t len, int64_t first_line, const wa_shape *sh,
                int32_t want_fffd, wa_scan_t **out) {
    *out = NULL;
    if (len < 0) return WA_NOMEM;
    if (!valid_utf8(buf, len)) return WA_DIRTY;
    int64_t n = 0;
    for (int64_t i = 0; i < len;) {
        const uint8_t *p = memchr(buf + i, '\n', (size_t)(len - i));
        n++;
        i = p ? (int64_t)(p - buf) + 1 : len;
    }
    wa_scan_t *sc = mem_calloc(1, sizeof *sc);
    if (!sc) return WA_NOMEM;
    sc->buf = buf;
    sc->len = len;
    sc->first_line = first_line;
    sc->n = n;
    size_t m = n ? (size_t)n : 1;
    sc->start = mem_alloc(m * sizeof(int64_t));
    sc->end = mem_alloc(m * sizeof(int64_t));
    sc->rest = mem_alloc(m * sizeof(int64_t));
    sc->cut = mem_alloc(m * sizeof(int64_t));
    sc->num = mem_alloc(m * 6 * sizeof(int32_t));
    sc->flags = mem_calloc(m, 1);
    sc->kind = mem_calloc(m, 1);
    if (!sc->start || !sc->end || !sc->rest || !sc->cut || !sc->num || !sc->flags || !sc->kind) {
        wa_scan_free(sc);
        return WA_NOMEM;
    }
    int64_t k = 0;
    for (int64_t i = 0; i < len; k++) {
        const uint8_t *p = memchr(buf + i, '\n', (size_t)(len - i));
        int64_t e = p ? (int64_t)(p - buf) : len;
        int64_t next = p ? e + 1 : len;
        if (e > i && buf[e - 1] == '\r') e--;
        sc->start[k] = i;
        sc->end[k] = e;
        sc->rest[k] = i;
        sc->cut[k] = -1;
        for (int j = 0; j < 6; j++) sc->num[6 * k + j] = -1;
        uint8_t f = 0;
        cursor_t c = {buf, e, 0};
        header_t h;
        int m_ = match_header(sh, &c, i, &h);
        if (m_ == M_UNSURE) {
            f |= WA_UNSURE | WA_HEADLIKE;
        } else if (m_ == M_YES && same_shape(sh, &h)) {
            f |= WA_SHAPE;
            sc->rest[k] = h.head_end;
            set_numbers(sc, k, sh, &h);
        } else if (may_be_head(buf, i, e)) {
            f |= WA_HEADLIKE;
        }
        if (may_hold_header(buf, i, e, (uint8_t)sh->ds)) f |= WA_BODY_RAW;
        if (want_fffd && has_fffd(buf, i, e)) f |= WA_FFFD;
        sc->flags[k] = f;
        if (f & WA_SHAPE) rest_flags(sc, k, sh);
        i = next;
    }
    *out = sc;
    return WA_OK;
}

/* A line the caller read with the regex: its shape, numbers (-1: null) and where its rest
 * starts (bytes from the line start). */
void wa_scan_fix(wa_scan_t *sc, int64_t k, const wa_shape *sh, int32_t is_shape,
                 const int32_t *numbers, int64_t head_len) {
    if (k < 0 || k >= sc->n) return;
    uint8_t f = (uint8_t)(sc->flags[k] & ~(WA_UNSURE | WA_SHAPE));
    for (int j = 0; j < 6; j++) sc->num[6 * k + j] = -1;
    sc->rest[k] = sc->start[k];
    sc->cut[k] = -1;
    if (is_shape && head_len >= 0 && head_len <= sc->end[k] - sc->start[k]) {
        f |= WA_SHAPE;
        for (int j = 0; j < 6; j++) sc->num[6 * k + j] = numbers[j];
        sc->rest[k] = sc->start[k] + head_len;
        sc->flags[k] = f;
        rest_flags(sc, k, sh);
    } else {
        sc->flags[k] = f;
    }
}

int64_t wa_scan_lines(const wa_scan_t *sc) { return sc->n; }

/* What the caller's regexes found per line (`values`: n bytes, 0 or 1): what = 0 the entry
 * needs the phrase tables, 1 a media placeholder, 2 a deleted one (wins over media). */
void wa_scan_mark(wa_scan_t *sc, const uint8_t *values, int32_t what) {
    for (int64_t k = 0; k < sc->n; k++) {
        if (!values[k]) continue;
        if (what == 0) sc->flags[k] |= WA_ODD;
        else if (what == 1 && sc->kind[k] == 0) sc->kind[k] = 1;
        else if (what == 2) sc->kind[k] = 2;
    }
}

/* How many lines have any of the `mask` flags. */
int64_t wa_scan_count(const wa_scan_t *sc, uint8_t mask) {
    int64_t n = 0;
    for (int64_t k = 0; k < sc->n; k++) n += (sc->flags[k] & mask) != 0;
    return n;
}

/* The first `cap` lines with any of the `mask` flags: index, start and end of each. */
int64_t wa_scan_select(const wa_scan_t *sc, uint8_t mask, int64_t *index, int64_t *start,
                       int64_t *end, int64_t cap) {
    int64_t n = 0;
    for (int64_t k = 0; k < sc->n && n < cap; k++) {
        if (!(sc->flags[k] & mask)) continue;
        index[n] = k;
        start[n] = sc->start[k];
        end[n] = sc->end[k];
        n++;
    }
    return n;
}

/* ---- timestamps ---------------------------------------------------------------------------- */

static int64_t floor_div(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

/* Microseconds since 1970 of a line's numbers, or 0 with *ok = 0 (see `timestamp`). */
static int64_t stamp(const int32_t *num, int day_first, int *ok) {
    int64_t y = num[0], hour = num[3], mi = num[4], ss = num[5];
    int64_t day = day_first ? num[1] : num[2];
    int64_t month = day_first ? num[2] : num[1];
    *ok = 0;
    if (y < 0 || num[1] < 0 || num[2] < 0 || hour < 0 || mi < 0 || ss < 0) return 0;
    if (month < 1 || month > 12 || hour > 23 || mi > 59 || ss > 60 || y > 9999) return 0;
    int leap = (y % 4 == 0) && ((y % 100 != 0) || (y % 400 == 0));
    int64_t mdays = month == 2 ? 28 + leap
                    : (month == 4 || month == 6 || month == 9 || month == 11) ? 30
                                                                              : 31;
    if (day < 1 || day > mdays) return 0;
    int64_t yy = y - (month <= 2);
    int64_t era = floor_div(yy, 400);
    int64_t yoe = yy - era * 400;
    int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int64_t days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
    *ok = 1;
    return (days * 86400 + hour * 3600 + mi * 60 + ss) * 1000000;
}

/* What a block's shape lines say about day/month order (`block_dates`).
 * out: first_big, second_big, back0, back1, has_first0, first0, has_first1, first1,
 *      has_last0, last0, has_last1, last1. */
void wa_block_dates(const wa_scan_t *sc, int32_t count_back, int64_t *out) {
    memset(out, 0, 12 * sizeof(int64_t));
    int64_t seen = 0, prev[2] = {0, 0};
    int prev_ok[2] = {0, 0};
    for (int64_t k = 0; k < sc->n; k++) {
        if (!(sc->flags[k] & WA_SHAPE)) continue;
        const int32_t *num = sc->num + 6 * k;
        if (num[1] > 12) out[0] = 1;
        if (num[2] > 12) out[1] = 1;
        if (!count_back) continue;
        for (int o = 0; o < 2; o++) {
            int ok;
            int64_t t = stamp(num, o == 0, &ok);
            if (seen && ok && prev_ok[o] && t < prev[o]) out[2 + o]++;
            if (!seen) {
                out[4 + 2 * o] = ok;
                out[5 + 2 * o] = t;
            }
            out[8 + 2 * o] = ok;
            out[9 + 2 * o] = t;
            prev[o] = t;
            prev_ok[o] = ok;
        }
        seen = 1;
    }
}

/* ---- settling a window --------------------------------------------------------------------- */

typedef struct {
    const wa_seg *segs;
    int32_t nseg;
    uint8_t *copy;
    int64_t copy_len, copy_cap;
    int error;
    /* 1 (settling): every string longer than a view holds inline is copied into `copy`,
     * which is then the columns' only data buffer (index 0), so that the result pins no
     * block's bytes (header bytes included) and the blocks are freed once settled */
    int compact;
    int32_t copy_buffer; /* the data buffer index of `copy` */
} window_t;

static void view_null(wa_views *v, int64_t row) {
    memset(v->views + 16 * row, 0, 16);
    v->nulls++;
}

static void view_at(window_t *w, wa_views *v, int64_t row, int32_t buffer, const uint8_t *base,
                    int64_t from, int64_t to) {
    uint8_t *dst = v->views + 16 * row;
    int64_t n = to - from;
    memset(dst, 0, 16);
    if (n < 0 || n > INT32_MAX || from > INT32_MAX) {
        w->error = WA_TOO_BIG;
        return;
    }
    int32_t n32 = (int32_t)n, off = (int32_t)from;
    memcpy(dst, &n32, 4);
    if (n <= 12) {
        memcpy(dst + 4, base + from, (size_t)n);
    } else {
        memcpy(dst + 4, base + from, 4);
        memcpy(dst + 8, &buffer, 4);
        memcpy(dst + 12, &off, 4);
    }
    v->valid[row >> 3] |= (uint8_t)(1u << (row & 7));
}

static int views_alloc(wa_views *v, int64_t n) {
    size_t m = n ? (size_t)n : 1;
    v->views = mem_alloc(m * 16);
    v->valid = mem_calloc((m + 7) / 8, 1);
    v->nulls = 0;
    return v->views && v->valid;
}

static int64_t copy_reserve(window_t *w, int64_t more) {
    if (!w->copy || w->copy_len + more > w->copy_cap) { /* never NULL for memcpy, even for 0 */
        int64_t cap = w->copy_cap ? w->copy_cap : 65536;
        while (cap < w->copy_len + more) cap *= 2;
        uint8_t *p = mem_realloc(w->copy, (size_t)cap);
        if (!p) {
            w->error = WA_NOMEM;
            return -1;
        }
        w->copy = p;
        w->copy_cap = cap;
    }
    return w->copy_len;
}

/* A string view of base[from, to) in data buffer `buffer`, or (compacting) of a copy. */
static void view_set(window_t *w, wa_views *v, int64_t row, int32_t buffer, const uint8_t *base,
                     int64_t from, int64_t to) {
    if (!w->compact || to - from <= 12) {
        view_at(w, v, row, buffer, base, from, to);
        return;
    }
    int64_t at = copy_reserve(w, to - from);
    if (at < 0) return;
    memcpy(w->copy + at, base + from, (size_t)(to - from));
    w->copy_len = at + (to - from);
    view_at(w, v, row, w->copy_buffer, w->copy, at, w->copy_len);
}

/* A window line: the scan and the line index in it. */
typedef struct {
    int32_t seg;
    int64_t k;
} wline;

/* Lines a..b (window rows, b inclusive) joined with "\n", after the bytes [lf, lt) of
 * segment `lead_seg` and a "\n" when `has_lead`: one view into a block when the bytes lie
 * there already (LF line ends, one block), else a copy. */
static void joined_view(window_t *w, wa_views *v, int64_t row, const wline *rows, int64_t a,
                        int64_t b, int has_lead, int64_t lf, int64_t lt, int32_t lead_seg) {
    /* contiguous: one segment, each line followed by exactly "\n" */
    int32_t seg = rows[a].seg;
    int contiguous = !w->compact && (!has_lead || lead_seg == seg);
    for (int64_t r = a; contiguous && r <= b; r++) {
        const wa_scan_t *sc = w->segs[seg].scan;
        if (rows[r].seg != seg || (r < b && rows[r + 1].seg != seg)) contiguous = 0;
        else if (r < b && sc->end[rows[r].k] + 1 != sc->start[rows[r + 1].k]) contiguous = 0;
    }
    if (contiguous && has_lead) {
        const wa_scan_t *sc = w->segs[seg].scan;
        if (lt + 1 != sc->start[rows[a].k]) contiguous = 0;
    }
    const wa_scan_t *last = w->segs[rows[b].seg].scan;
    if (contiguous) {
        const wa_scan_t *sc = w->segs[seg].scan;
        int64_t from = has_lead ? lf : sc->start[rows[a].k];
        view_set(w, v, row, seg, sc->buf, from, last->end[rows[b].k]);
        return;
    }
    int64_t size = has_lead ? lt - lf + 1 : 0;
    for (int64_t r = a; r <= b; r++) {
        const wa_scan_t *sc = w->segs[rows[r].seg].scan;
        size += sc->end[rows[r].k] - sc->start[rows[r].k] + (r < b);
    }
    int64_t at = copy_reserve(w, size);
    if (at < 0) return;
    int64_t p = at;
    if (has_lead) {
        const wa_scan_t *sc = w->segs[lead_seg].scan;
        memcpy(w->copy + p, sc->buf + lf, (size_t)(lt - lf));
        p += lt - lf;
        w->copy[p++] = '\n';
    }
    for (int64_t r = a; r <= b; r++) {
        const wa_scan_t *sc = w->segs[rows[r].seg].scan;
        int64_t s0 = sc->start[rows[r].k], e0 = sc->end[rows[r].k];
        memcpy(w->copy + p, sc->buf + s0, (size_t)(e0 - s0));
        p += e0 - s0;
        if (r < b) w->copy[p++] = '\n';
    }
    w->copy_len = p;
    view_at(w, v, row, w->copy_buffer, w->copy, at, p);
}

/* Each line's text after the header and message (null where the line is no header of the
 * shape, or has no author), as string views into the block, for the caller's regexes. */
int32_t wa_scan_views(const wa_scan_t *sc, wa_views *rest, wa_views *msg) {
    if (sc->len > INT32_MAX) return WA_TOO_BIG;
    if (!views_alloc(rest, sc->n) || !views_alloc(msg, sc->n)) return WA_NOMEM;
    window_t w = {.segs = NULL};
    for (int64_t k = 0; k < sc->n; k++) {
        if (!(sc->flags[k] & WA_SHAPE)) {
            view_null(rest, k);
            view_null(msg, k);
            continue;
        }
        view_set(&w, rest, k, 0, sc->buf, sc->rest[k], sc->end[k]);
        if (sc->cut[k] >= 0)
            view_set(&w, msg, k, 0, sc->buf, sc->cut[k] + 2, sc->end[k]);
        else
            view_null(msg, k);
    }
    return w.error;
}

void wa_out_free(wa_out *o) {
    if (!o) return;
    mem_free(o->ts);
    mem_free(o->line);
    mem_free(o->odd);
    wa_views *vs[] = {&o->author,  &o->text,     &o->kind,     &o->rest,
                      &o->more,    &o->rej_raw, &o->body_raw, &o->body_text};
    for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++) {
        mem_free(vs[i]->views);
        mem_free(vs[i]->valid);
    }
    mem_free(o->rej_line);
    mem_free(o->rej_code);
    mem_free(o->rej_ts);
    mem_free(o->rej_other);
    mem_free(o->body_line);
    mem_free(o->copy);
    mem_free(o);
}

/* Settle a window (the segments' lines in order): see `settle`, `entries_of`,
 * `header_rejects` and `plain_messages` in the Python reference. The caller takes the
 * arrays it keeps out of `*out` (setting them to NULL) and frees the rest with wa_out_free. */
int32_t wa_settle(const wa_seg *segs, int32_t nseg, int32_t day_first, const wa_state *st,
                  int32_t eof, wa_out **result) {
    *result = NULL;
    int64_t n = 0;
    for (int32_t s = 0; s < nseg; s++) {
        if (segs[s].scan->len > INT32_MAX) return WA_TOO_BIG;
        n += segs[s].scan->n - segs[s].first;
    }
    wa_out *o = mem_calloc(1, sizeof *o);
    wline *rows = mem_alloc((n ? (size_t)n : 1) * sizeof(wline));
    int64_t *ts = mem_alloc((n ? (size_t)n : 1) * sizeof(int64_t));
    uint8_t *st_row = mem_calloc(n ? (size_t)n : 1, 1); /* bits: 1 ts, 4 header, 8 late,
                                                      16 started */
    int64_t *kept = mem_alloc((n ? (size_t)n : 1) * sizeof(int64_t)); /* header before */
    window_t w = {.segs = segs, .nseg = nseg, .compact = 1, .copy_buffer = 0};
    int32_t rc = WA_OK;
    if (!o || !rows || !ts || !st_row || !kept) {
        rc = WA_NOMEM;
        goto done;
    }
    {
        int64_t r = 0;
        for (int32_t s = 0; s < nseg; s++)
            for (int64_t k = segs[s].first; k < segs[s].scan->n; k++, r++) {
                rows[r].seg = s;
                rows[r].k = k;
            }
    }
    /* timestamps: a line of the shape with a possible date starts an entry; one going back in
     * time is reported (late), never merged into the entry before */
    for (int64_t r = 0; r < n; r++) {
        const wa_scan_t *sc = segs[rows[r].seg].scan;
        int ok = 0;
        ts[r] = 0;
        if (sc->flags[rows[r].k] & WA_SHAPE) ts[r] = stamp(sc->num + 6 * rows[r].k, day_first, &ok);
        if (ok) st_row[r] |= 1 | 4;
    }
    int has_kept = st->has_prev_kept, started = st->started;
    int64_t kept_ts = st->prev_kept;
    int64_t number = 0, cut_row = -1;
    for (int64_t r = 0; r < n; r++) {
        kept[r] = has_kept ? kept_ts : INT64_MIN;
        if (st_row[r] & 4) {
            number++;
            if (has_kept && ts[r] < kept_ts) st_row[r] |= 8;
            if (number >= 2) cut_row = r;
            started = 1;
            kept_ts = ts[r];
            has_kept = 1;
        }
        if (started) st_row[r] |= 16;
    }
    int64_t upto = n;
    if (!eof) {
        if (cut_row < 0) { /* nothing settled yet: the whole window waits for more lines */
            o->settled = 0;
            o->cut_seg = 0;
            o->cut_line = segs[0].first;
            o->state = *st;
            goto done;
        }
        upto = cut_row;
        o->cut_seg = rows[cut_row].seg;
        o->cut_line = rows[cut_row].k;
        o->state.has_prev_kept = kept[cut_row] != INT64_MIN;
        o->state.prev_kept = kept[cut_row];
        o->state.started = 1;
    } else {
        o->cut_seg = -1;
        o->cut_line = -1;
        o->state.started = 1;
    }
    o->settled = 1;
    /* count what goes out, then fill */
    int64_t n_ent = 0, n_rej = 0, n_body = 0;
    for (int64_t r = 0; r < upto; r++) {
        const wa_scan_t *sc = segs[rows[r].seg].scan;
        uint8_t f = sc->flags[rows[r].k], s = st_row[r];
        int shape = f & WA_SHAPE;
        if (s & 4) n_ent++;
        n_rej += (shape && !(s & 1)) + !!(s & 8) + !(s & 16);
        int reported = shape && !(s & 4);
        if ((s & 16) && !reported && (f & ((s & 4) ? WA_BODY_REST : WA_BODY_RAW))) n_body++;
    }
    o->n = n_ent;
    o->n_rej = n_rej;
    o->n_body = n_body;
    size_t me = n_ent ? (size_t)n_ent : 1, mr = n_rej ? (size_t)n_rej : 1,
           mb = n_body ? (size_t)n_body : 1;
    o->ts = mem_alloc(me * 8);
    o->line = mem_alloc(me * 8);
    o->odd = mem_alloc(me);
    o->rej_line = mem_alloc(mr * 8);
    o->rej_code = mem_alloc(mr * 4);
    o->rej_ts = mem_alloc(mr * 8);
    o->rej_other = mem_alloc(mr * 8);
    o->body_line = mem_alloc(mb * 8);
    if (!o->ts || !o->line || !o->odd || !o->rej_line || !o->rej_code || !o->rej_ts ||
        !o->rej_other || !o->body_line || !views_alloc(&o->author, n_ent) ||
        !views_alloc(&o->text, n_ent) || !views_alloc(&o->kind, n_ent) ||
        !views_alloc(&o->rest, n_ent) || !views_alloc(&o->more, n_ent) ||
        !views_alloc(&o->rej_raw, n_rej) || !views_alloc(&o->body_raw, n_body) ||
        !views_alloc(&o->body_text, n_body)) {
        rc = WA_NOMEM;
        goto done;
    }
    int64_t e_i = 0, j = 0, b_i = 0;
    for (int64_t r = 0; r < upto && !w.error; r++) {
        int32_t seg = rows[r].seg;
        const wa_scan_t *sc = segs[seg].scan;
        int64_t k = rows[r].k, line = sc->first_line + k;
        uint8_t f = sc->flags[k], s = st_row[r];
        int shape = f & WA_SHAPE;
        int32_t codes[3];
        int nc = 0;
        if (shape && !(s & 1)) codes[nc++] = 0;
        if (s & 8) codes[nc++] = 2;
        if (!(s & 16)) codes[nc++] = 3;
        for (int c = 0; c < nc; c++, j++) {
            o->rej_line[j] = line;
            o->rej_code[j] = codes[c];
            o->rej_ts[j] = ts[r];
            o->rej_other[j] = codes[c] == 2 ? kept[r] : 0;
            view_set(&w, &o->rej_raw, j, seg, sc->buf, sc->start[k], sc->end[k]);
        }
        int reported = shape && !(s & 4);
        if ((s & 16) && !reported && (f & ((s & 4) ? WA_BODY_REST : WA_BODY_RAW))) {
            o->body_line[b_i] = line;
            view_set(&w, &o->body_raw, b_i, seg, sc->buf, sc->start[k], sc->end[k]);
            view_set(&w, &o->body_text, b_i, seg, sc->buf, (s & 4) ? sc->rest[k] : sc->start[k],
                     sc->end[k]);
            b_i++;
        }
        if (!(s & 4)) continue;
        /* an entry: this header and the lines up to the next header */
        int64_t last = r;
        while (last + 1 < upto && !(st_row[last + 1] & 4)) last++;
        static const char *kinds[] = {"text", "media", "deleted"};
        int64_t cut = sc->cut[k];
        int odd = (f & WA_ODD) != 0;
        const char *kind = kinds[sc->kind[k] < 3 ? sc->kind[k] : 0];
        o->ts[e_i] = ts[r];
        o->line[e_i] = line;
        o->odd[e_i] = (uint8_t)odd;
        view_set(&w, &o->kind, e_i, 0, (const uint8_t *)kind, 0, (int64_t)strlen(kind));
        /* the whole text after the header, for the phrase tables (odd entries only) */
        if (odd)
            view_set(&w, &o->rest, e_i, seg, sc->buf, sc->rest[k], sc->end[k]);
        else
            view_null(&o->rest, e_i);
        if (cut >= 0)
            view_set(&w, &o->author, e_i, seg, sc->buf, sc->rest[k], cut);
        else
            view_null(&o->author, e_i);
        /* an odd entry's text comes from the phrase tables later */
        if (cut < 0 || odd) {
            view_null(&o->text, e_i);
        } else if (last > r) {
            joined_view(&w, &o->text, e_i, rows, r + 1, last, 1, cut + 2, sc->end[k], seg);
        } else {
            view_set(&w, &o->text, e_i, seg, sc->buf, cut + 2, sc->end[k]);
        }
        /* the continuation lines alone, for the phrase tables */
        if (last == r || !odd)
            view_null(&o->more, e_i);
        else
            joined_view(&w, &o->more, e_i, rows, r + 1, last, 0, 0, 0, 0);
        e_i++;
    }
    if (w.error) {
        rc = w.error;
        goto done;
    }
    if (w.copy_len > INT32_MAX) {
        rc = WA_TOO_BIG;
        goto done;
    }
    o->copy = w.copy;
    o->copy_len = w.copy_len;
    w.copy = NULL;
done:
    mem_free(rows);
    mem_free(ts);
    mem_free(st_row);
    mem_free(kept);
    mem_free(w.copy);
    if (rc != WA_OK) {
        wa_out_free(o);
        return rc;
    }
    *result = o;
    return WA_OK;
}

/* ---- columns for polars: the Arrow C data interface ---------------------------------------
 * The caller wraps the two structs in PyCapsules ("arrow_schema", "arrow_array") whose
 * destructors are wa_capsule_schema_free / wa_capsule_array_free, and polars imports them
 * without a copy (pyarrow is not needed). An array owns its C buffers: its release callback,
 * called by whoever holds it last (polars, on any thread), frees them. The string data buffer
 * of one settle is shared by several columns, so it is reference counted. */

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

#define WA_ARROW_NULLABLE 2

/* A data buffer shared by several arrays; freed by the last one released. */
typedef struct {
    _Atomic int64_t refs;
    void *data;
} wa_shared;

typedef struct {
    const void *buffers[5]; /* validity, values (or views), string data (1 or 2), data sizes */
    void *owned[2];         /* validity and values, freed on release */
    wa_shared *shared[2];   /* the string data, when owned */
    int64_t sizes[2];       /* the data buffers' sizes (string views) */
} wa_priv;

static void wa_shared_drop(wa_shared *s) {
    if (s && atomic_fetch_sub(&s->refs, 1) == 1) {
        mem_free(s->data);
        mem_free(s);
    }
}

/* Takes `data` (malloc'ed); the caller holds one reference until wa_shared_release. */
wa_shared *wa_shared_new(void *data) {
    wa_shared *s = mem_alloc(sizeof *s);
    if (!s) return NULL;
    atomic_init(&s->refs, 1);
    s->data = data;
    return s;
}

void wa_shared_release(wa_shared *s) { wa_shared_drop(s); }

void wa_shared_retain(wa_shared *s) { atomic_fetch_add(&s->refs, 1); }

/* A shared copy of `data` (`len` bytes; NULL when out of memory). */
wa_shared *wa_shared_copy(const void *data, int64_t len) {
    void *copy = mem_alloc(len > 0 ? (size_t)len : 1);
    if (!copy) return NULL;
    if (len > 0) memcpy(copy, data, (size_t)len);
    wa_shared *s = wa_shared_new(copy);
    if (!s) mem_free(copy);
    return s;
}

static void schema_release(struct ArrowSchema *schema) { schema->release = NULL; }

static void array_release(struct ArrowArray *array) {
    wa_priv *p = array->private_data;
    mem_free(p->owned[0]);
    mem_free(p->owned[1]);
    wa_shared_drop(p->shared[0]);
    wa_shared_drop(p->shared[1]);
    mem_free(p);
    array->release = NULL;
}

/* column types */
#define WA_COL_INT64 0
#define WA_COL_TIMESTAMP_US 1
#define WA_COL_UINT8 2
#define WA_COL_INT32 3
#define WA_COL_STRING_VIEW 4

/* Fill `schema` and `array` with a column of `n` rows. Takes `values` and `valid` (either may
 * be NULL; both are freed on release, or here on failure). String views read `data` (size
 * `data_len`): owned through `shared` (a reference is taken) or, when `shared` is NULL,
 * borrowed from the caller, who keeps it alive as long as the column; and, when `extra` is
 * given, a second data buffer owned by it (index 1, `extra_len` bytes). */
int32_t wa_export(int32_t type, int64_t n, void *values, void *valid, int64_t nulls,
                  wa_shared *shared, const void *data, int64_t data_len, wa_shared *extra,
                  int64_t extra_len, struct ArrowSchema *schema, struct ArrowArray *array) {
    static const char *formats[] = {"l", "tsu:", "C", "i", "vu"};
    wa_priv *p = mem_calloc(1, sizeof *p);
    if (!p || type < 0 || type > WA_COL_STRING_VIEW) {
        mem_free(p);
        mem_free(values);
        mem_free(valid);
        return WA_NOMEM;
    }
    memset(schema, 0, sizeof *schema);
    schema->format = formats[type];
    schema->name = "";
    schema->flags = WA_ARROW_NULLABLE;
    schema->release = schema_release;
    memset(array, 0, sizeof *array);
    array->length = n;
    array->null_count = valid ? nulls : 0;
    p->owned[0] = valid;
    p->owned[1] = values;
    p->buffers[0] = valid;
    p->buffers[1] = values;
    array->n_buffers = 2;
    if (type == WA_COL_STRING_VIEW) {
        static const uint8_t empty[1];
        if (shared) data = shared->data;
        p->buffers[2] = data ? data : empty;
        p->sizes[0] = data ? data_len : 0;
        p->buffers[3] = p->sizes;
        array->n_buffers = 4;
        if (shared) {
            atomic_fetch_add(&shared->refs, 1);
            p->shared[0] = shared;
        }
        if (extra) {
            atomic_fetch_add(&extra->refs, 1);
            p->shared[1] = extra;
            p->buffers[3] = extra->data;
            p->sizes[1] = extra_len;
            p->buffers[4] = p->sizes;
            array->n_buffers = 5;
        }
    }
    array->buffers = p->buffers;
    array->release = array_release;
    array->private_data = p;
    return WA_OK;
}

/* Set rows `rows[i]` (i < k) of a string view column to the strings blob[offsets[i],
 * offsets[i + 1]), or to null where isnull[i]: those longer than 12 bytes are viewed in
 * data buffer `buffer` at the same offsets (the caller makes it a copy of `blob`). The odd
 * entries' classified author, text and kind, written before polars takes the column. */
int32_t wa_views_fill(wa_views *v, const int64_t *rows, int64_t k, const uint8_t *blob,
                      const int64_t *offsets, const uint8_t *isnull, int32_t buffer) {
    window_t w = {.segs = NULL};
    for (int64_t i = 0; i < k && !w.error; i++) {
        int64_t row = rows[i];
        int was_null = !(v->valid[row >> 3] & (1u << (row & 7)));
        if (isnull[i]) {
            if (!was_null) view_null(v, row);
            v->valid[row >> 3] &= (uint8_t) ~(1u << (row & 7));
            continue;
        }
        if (was_null) v->nulls--;
        view_at(&w, v, row, buffer, blob, offsets[i], offsets[i + 1]);
    }
    return w.error;
}

/* PyCapsule_GetPointer, handed over by the caller (this library does not link Python). */
static void *(*capsule_pointer)(void *capsule, const char *name);

void wa_set_capsule_api(void *get_pointer) {
    capsule_pointer = (void *(*)(void *, const char *))get_pointer;
}

/* Capsule destructors (called by Python with the GIL held): release what was not moved. */
void wa_capsule_schema_free(void *capsule) {
    struct ArrowSchema *s = capsule_pointer(capsule, "arrow_schema");
    if (!s) return;
    if (s->release) s->release(s);
    mem_free(s);
}

void wa_capsule_array_free(void *capsule) {
    struct ArrowArray *a = capsule_pointer(capsule, "arrow_array");
    if (!a) return;
    if (a->release) a->release(a);
    mem_free(a);
}

void *wa_schema_new(void) { return mem_calloc(1, sizeof(struct ArrowSchema)); }
void *wa_array_new(void) { return mem_calloc(1, sizeof(struct ArrowArray)); }

/* `wa_scan_mark` from a stream of boolean arrays (one per line, in order; nulls are false
 * bits already), which this call consumes and releases. */
int32_t wa_scan_mark_stream(wa_scan_t *sc, struct ArrowArrayStream *stream, int32_t what) {
    struct ArrowArray chunk;
    int64_t k = 0;
    int32_t rc = WA_OK;
    uint8_t *values = mem_calloc(sc->n ? (size_t)sc->n : 1, 1);
    if (!values) rc = WA_NOMEM;
    while (rc == WA_OK) {
        memset(&chunk, 0, sizeof chunk);
        if (stream->get_next(stream, &chunk) != 0) {
            rc = WA_NOMEM;
            break;
        }
        if (!chunk.release) break; /* end of stream */
        const uint8_t *bits = chunk.n_buffers >= 2 ? chunk.buffers[1] : NULL;
        if (k + chunk.length > sc->n || !bits) rc = WA_TOO_BIG;
        for (int64_t i = 0; rc == WA_OK && i < chunk.length; i++) {
            int64_t at = chunk.offset + i;
            values[k + i] = (bits[at >> 3] >> (at & 7)) & 1;
        }
        k += chunk.length;
        chunk.release(&chunk);
    }
    stream->release(stream);
    if (rc == WA_OK && k != sc->n) rc = WA_TOO_BIG;
    if (rc == WA_OK) wa_scan_mark(sc, values, what);
    mem_free(values);
    return rc;
}
