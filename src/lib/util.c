#include "util.h"

#include <stdlib.h>
#include <string.h>

#include "spreiding/diag.h"

char *sw__strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

int sw__grow(void **p, size_t n, size_t size)
{
    if (n > SIZE_MAX / size)
        return SW_ENOMEM;
    void *q = realloc(*p, n * size);
    if (!q)
        return SW_ENOMEM;
    *p = q;
    return 0;
}

int sw__reserve(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap && *p)
        return 0;
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        if (c > SIZE_MAX / 2)
            return SW_ENOMEM;
        c *= 2;
    }
    if (sw__grow(p, c, size) != 0)
        return SW_ENOMEM;
    *cap = c;
    return 0;
}

void *sw__calloc(size_t n, size_t size)
{
    return calloc(n ? n : 1, size);
}

void *sw__array(size_t n, size_t size)
{
    size_t bytes;
    if (__builtin_mul_overflow(n ? n : 1, size, &bytes))
        return NULL;
    return malloc(bytes);
}

uint32_t sw__utf8_next(const char *str, size_t n, size_t *len)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[0];
    size_t k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (k == 0 || k > n) {
        *len = 1;
        return c;
    }
    uint32_t cp = k == 1 ? c : c & (0x7F >> k);
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *len = 1;
            return c;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    *len = k;
    return cp;
}

void sw__sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

typedef struct range {
    uint32_t first, last;
} range;

static bool in_ranges(uint32_t cp, const range *r, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < r[mid].first)
            hi = mid;
        else if (cp > r[mid].last)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

size_t sw__char_width(uint32_t cp)
{
    /* Unicode's nonspacing and enclosing marks of the scripts a Dutch
     * register meets, and the zero-width and format characters. */
    static const range zero[] = {
        {0x0000, 0x001F}, {0x007F, 0x009F}, {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD},
        {0x05BF, 0x05BF}, {0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
        {0x061C, 0x061C}, {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
        {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},
        {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2028, 0x202E}, {0x2060, 0x206F},
        {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
    };
    /* East Asian Wide and Fullwidth, and the emoji blocks. */
    static const range wide[] = {
        {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x2E80, 0x303E},
        {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
        {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE30, 0xFE4F},   {0xFF00, 0xFF60},
        {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD},
        {0x30000, 0x3FFFD},
    };
    if (cp >= 0x20 && cp < 0x7F)
        return 1;
    if (in_ranges(cp, zero, sizeof zero / sizeof zero[0]))
        return 0;
    return in_ranges(cp, wide, sizeof wide / sizeof wide[0]) ? 2 : 1;
}

size_t sw__next_width(const char *s, size_t n, size_t *len)
{
    uint32_t cp = sw__utf8_next(s, n, len);
    return *len == 1 && cp >= 0x80 ? 1 : sw__char_width(cp);
}

bool sw__invisible_char(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD || cp == 0x34F || cp == 0x61C ||
           cp == 0x180E || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
           (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF ||
           (cp >= 0xFFF9 && cp <= 0xFFFB);
}

bool sw__refused_char(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

size_t sw__cut_utf8(char *dst, size_t cap, const char *s, size_t n)
{
    size_t o = 0;
    while (o < n) {
        size_t k;
        sw__utf8_next(s + o, n - o, &k);
        if (o + k + 1 > cap)
            break;
        o += k;
    }
    memcpy(dst, s, o);
    dst[o] = '\0';
    return o;
}

static uint32_t fold(uint32_t cp)
{
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
        return cp + 0x20;
    return cp;
}

bool sw__same_name(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    sw__trim(&a, &la);
    sw__trim(&b, &lb);
    size_t i = 0, j = 0;
    while (i < la && j < lb) {
        size_t ka, kb;
        uint32_t x = sw__utf8_next(a + i, la - i, &ka), y = sw__utf8_next(b + j, lb - j, &kb);
        if (fold(x) != fold(y))
            return false;
        i += ka;
        j += kb;
    }
    return i == la && j == lb;
}
