/* A streaming decoder to UTF-8. The encoding of a file without a BOM is
 * decided at its first non-ASCII byte: a valid UTF-8 sequence makes it UTF-8,
 * anything else Windows-1252. A file that then holds the other kind too is
 * rejected rather than guessed, because guessing would silently garble one of
 * the two. */
#include "encoding.h"

#include <assert.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s (avail bytes), 0 if invalid, or
 * SIZE_MAX when it is a valid start cut short by the end of the input.
 * Overlongs, surrogates and values above U+10FFFF are invalid. */
static size_t utf8_seq(const unsigned char *s, size_t avail)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if (i == avail)
            return SIZE_MAX;
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* Windows-1252 bytes 0x80..0x9F as Unicode; 0 marks the five undefined ones. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static size_t put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* What decoding one unit did: bytes consumed (0 when only the state changed),
 * NEED_MORE (the unit is cut short by the end of this block), or FAILED
 * (d->error is set). */
enum { FAILED = -1, NEED_MORE = -2 };

static long fail(sw__decoder *d, enum sw__decode_error e, unsigned char byte)
{
    d->error = e;
    d->byte = byte;
    return FAILED;
}

static long start(sw__decoder *d, const unsigned char *s, size_t avail, bool final)
{
    static const unsigned char bom8[3] = {0xEF, 0xBB, 0xBF};
    if (avail < 3 && !final && memcmp(s, bom8, avail) == 0)
        return NEED_MORE;
    if (avail < 2 && !final)
        return NEED_MORE;
    if (avail >= 3 && memcmp(s, bom8, 3) == 0) {
        d->enc = SW_ENC_UTF8;
        return 3;
    }
    if (avail >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
        d->enc = SW_ENC_UTF16LE;
        return 2;
    }
    if (avail >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
        d->enc = SW_ENC_UTF16BE;
        return 2;
    }
    /* Text without a BOM whose first character has a NUL byte beside it is
     * UTF-16 that lost its BOM; calling it "a NUL byte" would not help. */
    if (avail >= 2 && (s[0] == 0) != (s[1] == 0))
        return fail(d, SW_DEC_UTF16_NO_BOM, 0);
    d->enc = SW_ENC_ASCII;
    return 0; /* nothing consumed: decode the same bytes as text */
}

static long utf16(sw__decoder *d, const unsigned char *s, size_t avail, bool final, char *out,
                  size_t *o)
{
    bool le = d->enc == SW_ENC_UTF16LE;
    if (avail < 2)
        return final ? fail(d, SW_DEC_BAD_UTF16, 0) : NEED_MORE;
    uint32_t u = le ? (uint32_t)(s[0] | s[1] << 8) : (uint32_t)(s[0] << 8 | s[1]);
    if (u >= 0xDC00 && u <= 0xDFFF)
        return fail(d, SW_DEC_BAD_UTF16, 0);
    if (u >= 0xD800 && u <= 0xDBFF) {
        if (avail < 4)
            return final ? fail(d, SW_DEC_BAD_UTF16, 0) : NEED_MORE;
        uint32_t v = le ? (uint32_t)(s[2] | s[3] << 8) : (uint32_t)(s[2] << 8 | s[3]);
        if (v < 0xDC00 || v > 0xDFFF)
            return fail(d, SW_DEC_BAD_UTF16, 0);
        *o += put_utf8(out + *o, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
        return 4;
    }
    if (u == 0)
        return fail(d, SW_DEC_NUL, 0);
    *o += put_utf8(out + *o, u);
    return 2;
}

/* One character of UTF-8 or Windows-1252 text at s. */
static long text8(sw__decoder *d, const unsigned char *s, size_t avail, bool final, char *out,
                  size_t *o)
{
    unsigned char b = s[0];
    if (b == 0)
        return fail(d, SW_DEC_NUL, 0);
    if (b < 0x80) {
        out[(*o)++] = (char)b;
        return 1;
    }
    size_t len = utf8_seq(s, avail);
    if (len == SIZE_MAX) {
        if (!final)
            return NEED_MORE;
        len = 0; /* cut short by the end of the file: not UTF-8 */
    }
    if (d->enc == SW_ENC_ASCII)
        d->enc = len > 0 ? SW_ENC_UTF8 : SW_ENC_CP1252;
    if (d->enc == SW_ENC_UTF8) {
        if (len == 0)
            return fail(d, SW_DEC_BAD_BYTE, b);
        memcpy(out + *o, s, len);
        *o += len;
        return (long)len;
    }
    if (len > 1)
        return fail(d, SW_DEC_MIXED, b);
    uint32_t cp = b <= 0x9F ? cp1252_high[b - 0x80] : b; /* 0xA0..0xFF equal Latin-1 */
    if (cp == 0)
        return fail(d, SW_DEC_BAD_BYTE, b);
    *o += put_utf8(out + *o, cp);
    return 1;
}

static long unit(sw__decoder *d, const unsigned char *s, size_t avail, bool final, char *out,
                 size_t *o)
{
    switch (d->enc) {
    case SW_ENC_START:
        return start(d, s, avail, final);
    case SW_ENC_UTF16LE:
    case SW_ENC_UTF16BE:
        return utf16(d, s, avail, final, out, o);
    default:
        return text8(d, s, avail, final, out, o);
    }
}

size_t sw__decode(sw__decoder *d, const unsigned char *in, size_t n, bool final, char *out)
{
    assert(d && (in || n == 0) && out);
    size_t o = 0, i = 0;
    if (d->error)
        return 0;
    /* A unit split between the previous block and this one: join the two
     * halves in pend (a unit is at most 4 bytes). */
    while (d->npend > 0) {
        size_t old = d->npend, take = 4 - old < n - i ? 4 - old : n - i;
        if (take > 0) /* at the end of input there is nothing to join, and in may be NULL */
            memcpy(d->pend + old, in + i, take);
        long r = unit(d, d->pend, old + take, final && i + take == n, out, &o);
        if (r == FAILED)
            return o;
        if (r == NEED_MORE) {
            assert(i + take == n);
            d->npend = old + take;
            return o;
        }
        if ((size_t)r < old) { /* the BOM check consumed nothing, or less */
            memmove(d->pend, d->pend + r, old - (size_t)r);
            d->npend = old - (size_t)r;
            continue;
        }
        i += (size_t)r - old;
        d->npend = 0;
    }
    while (i < n) {
        /* ASCII runs are the common case: copy them whole. */
        if (d->enc == SW_ENC_ASCII || d->enc == SW_ENC_UTF8 || d->enc == SW_ENC_CP1252) {
            size_t k = i;
            while (k < n && in[k] != 0 && in[k] < 0x80)
                k++;
            memcpy(out + o, in + i, k - i);
            o += k - i;
            i = k;
            if (i == n)
                break;
        }
        long r = unit(d, in + i, n - i, final, out, &o);
        if (r == FAILED)
            return o;
        if (r == NEED_MORE) {
            memcpy(d->pend, in + i, n - i);
            d->npend = n - i;
            return o;
        }
        i += (size_t)r;
    }
    if (final && d->enc == SW_ENC_START) /* an empty file */
        d->enc = SW_ENC_ASCII;
    return o;
}

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

size_t sw__decode_same(const sw__decoder *d, const unsigned char *in, size_t n)
{
    assert(d && (in || n == 0));
    bool utf8 = d->enc == SW_ENC_UTF8;
    if (d->error || d->npend > 0 || !(utf8 || d->enc == SW_ENC_ASCII || d->enc == SW_ENC_CP1252))
        return 0;
    size_t i = 0;
    while (i < n) {
        /* Eight ASCII bytes without a NUL at a time: no byte has its high bit
         * set and none is zero (the usual has-zero-byte test). */
        for (; i + 8 <= n; i += 8) {
            uint64_t w;
            memcpy(&w, in + i, 8);
            if (((w & HIGHS) | ((w - ONES) & ~w & HIGHS)) != 0)
                break;
        }
        if (i == n)
            break;
        unsigned char c = in[i];
        if (c != 0 && c < 0x80) {
            i++;
            continue;
        }
        size_t len = c != 0 && utf8 ? utf8_seq(in + i, n - i) : 0;
        if (len == 0 || len == SIZE_MAX)
            break; /* for sw__decode: a NUL, a bad byte, a cut sequence, a choice */
        i += len;
    }
    return i;
}
