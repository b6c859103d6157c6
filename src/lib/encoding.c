#include "encoding.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

/* Length of the valid UTF-8 sequence at s, or 0 (overlongs, surrogates and
 * values above U+10FFFF are invalid). */
static size_t utf8_seq(const unsigned char *s, size_t len)
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
    if (len < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
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

static uint32_t cp1252_to_unicode(unsigned char c)
{
    if (c >= 0x80 && c <= 0x9F)
        return cp1252_high[c - 0x80];
    return c; /* 0xA0..0xFF equal Latin-1 */
}

enum sw_encoding_result sw_encoding_to_utf8(const char *data, size_t len, char **out,
                                            size_t *outlen, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)data;
    size_t first_bad = len;
    bool multibyte = false;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_seq(s + i, len - i);
        if (n == 0) {
            if (first_bad == len)
                first_bad = i;
            i++;
            continue;
        }
        if (n > 1)
            multibyte = true;
        i += n;
    }
    if (first_bad == len)
        return SW_ENC_UTF8;
    if (multibyte) {
        *bad = first_bad;
        return SW_ENC_INVALID;
    }
    for (size_t i = 0; i < len; i++)
        if (s[i] >= 0x80 && cp1252_to_unicode(s[i]) == 0) {
            *bad = i;
            return SW_ENC_INVALID;
        }
    /* Each byte becomes at most 3 UTF-8 bytes. */
    if (len > (SIZE_MAX - 1) / 3)
        return SW_ENC_NOMEM;
    char *buf = malloc(len * 3 + 1);
    if (!buf)
        return SW_ENC_NOMEM;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        uint32_t cp = cp1252_to_unicode(s[i]);
        if (cp < 0x80) {
            buf[o++] = (char)cp;
        } else if (cp < 0x800) {
            buf[o++] = (char)(0xC0 | (cp >> 6));
            buf[o++] = (char)(0x80 | (cp & 0x3F));
        } else {
            buf[o++] = (char)(0xE0 | (cp >> 12));
            buf[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            buf[o++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    buf[o] = '\0';
    *out = buf;
    *outlen = o;
    return SW_ENC_CP1252;
}
