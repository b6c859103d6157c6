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
