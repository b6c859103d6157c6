/* Exact parsing of CSV cells (rekenregels §7.5) and exact decimal formatting.
 * No floating point, no locale: the same bytes in give the same value on every
 * platform. */
#include "spreiding/number.h"

#include <assert.h>
#include <string.h>

#include "spreiding/diag.h"
#include "util.h"


bool sw_cell_is_empty(const char *s, size_t len)
{
    assert(s || len == 0);
    sw__trim(&s, &len);
    return len == 0;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Length of a grouping separator at s (0 if none): '.', ' ', U+00A0 or
 * U+202F (Excel writes no-break spaces in Dutch locales). */
static size_t group_sep_len(const char *s, size_t len)
{
    if (len >= 1 && (s[0] == '.' || s[0] == ' '))
        return 1;
    if (len >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
        return 2;
    if (len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        (unsigned char)s[2] == 0xAF)
        return 3;
    return 0;
}

static int add_digit(int64_t *v, char c)
{
    int d = c - '0';
    if (*v > (INT64_MAX - d) / 10)
        return SW_EOVERFLOW;
    *v = *v * 10 + d;
    return 0;
}

/* Reads the grouped-integer prefix of s. On success *used is the number of
 * bytes consumed; what follows is for the caller to judge. */
static int parse_grouped(int64_t *out, const char *s, size_t len, size_t *used, const char **why)
{
    int64_t v = 0;
    size_t i = 0;
    while (i < len && is_digit(s[i])) {
        if (add_digit(&v, s[i]) != 0) {
            *why = "is too large";
            return SW_EOVERFLOW;
        }
        i++;
    }
    if (i == 0) {
        *why = "is not a whole number";
        return SW_EDATA;
    }
    size_t first = i;
    const char *sep = NULL;
    size_t seplen = 0;
    while (i < len) {
        size_t sl = group_sep_len(s + i, len - i);
        if (sl == 0)
            break;
        if (sep && (sl != seplen || memcmp(sep, s + i, sl) != 0))
            break; /* a different separator: not part of the grouping */
        size_t j = i + sl, k = 0;
        while (j + k < len && is_digit(s[j + k]))
            k++;
        if (k != 3)
            break;
        if (first > 3 || s[0] == '0') {
            *why = "is not a whole number (digits grouped wrongly)";
            return SW_EDATA;
        }
        sep = s + i;
        seplen = sl;
        for (size_t m = 0; m < 3; m++)
            if (add_digit(&v, s[j + m]) != 0) {
                *why = "is too large";
                return SW_EOVERFLOW;
            }
        i = j + 3;
    }
    *out = v;
    *used = i;
    return 0;
}

/* The non-negative grouped integer a count or an amount starts with: trims
 * the cell, rejects empty and negative ones, and leaves in *used how much of
 * the trimmed cell (*s, *len) it read. */
static int parse_unsigned(int64_t *out, const char **s, size_t *len, size_t *used,
                          const char **why)
{
    sw__trim(s, len);
    if (*len == 0) {
        *why = "is empty";
        return SW_EDATA;
    }
    if ((*s)[0] == '-' && *len > 1 && is_digit((*s)[1])) {
        *why = "is negative";
        return SW_EDATA;
    }
    return parse_grouped(out, *s, *len, used, why);
}

int sw_parse_count(int64_t *out, const char *s, size_t len, const char **why)
{
    assert(out && why && (s || len == 0));
    size_t used = 0;
    int64_t v = 0;
    /* The usual count, read at once: up to 18 plain digits, which cannot
     * overflow. The general way below reads it the same. */
    sw__trim(&s, &len);
    if (len > 0 && len <= 18) {
        size_t i = 0;
        while (i < len && is_digit(s[i]))
            v = v * 10 + (s[i++] - '0');
        if (i == len) {
            *out = v;
            return 0;
        }
        v = 0;
    }
    int r = parse_unsigned(&v, &s, &len, &used, why);
    if (r != 0)
        return r;
    if (used != len) {
        *why = "is not a whole number";
        return SW_EDATA;
    }
    *out = v;
    return 0;
}

int sw_parse_micro(int64_t *out, const char *s, size_t len, const char **why)
{
    assert(out && why && (s || len == 0));
    sw__trim(&s, &len);
    if (len == 0) {
        *why = "is empty";
        return SW_EDATA;
    }
    bool neg = false;
    size_t i = 0;
    if (s[0] == '-' || s[0] == '+') {
        neg = s[0] == '-';
        i++;
    }
    int64_t ip = 0;
    size_t start = i;
    for (; i < len && is_digit(s[i]); i++)
        if (add_digit(&ip, s[i]) != 0 || ip > INT64_MAX / SW_MICRO) {
            *why = "is too large";
            return SW_EOVERFLOW;
        }
    if (i == start) {
        *why = "is not a decimal number";
        return SW_EDATA;
    }
    int64_t frac = 0;
    int places = 0;
    if (i < len && (s[i] == '.' || s[i] == ',')) {
        i++;
        size_t fstart = i;
        for (; i < len && is_digit(s[i]); i++) {
            if (++places > 6) {
                *why = "has more than 6 decimals";
                return SW_EDATA;
            }
            frac = frac * 10 + (s[i] - '0');
        }
        if (i == fstart) {
            *why = "is not a decimal number";
            return SW_EDATA;
        }
    }
    if (i != len) {
        *why = "is not a decimal number";
        return SW_EDATA;
    }
    for (; places < 6; places++)
        frac *= 10;
    if (ip > (INT64_MAX - frac) / SW_MICRO) {
        *why = "is too large";
        return SW_EOVERFLOW;
    }
    int64_t v = ip * SW_MICRO + frac;
    *out = neg ? -v : v;
    return 0;
}

/* A grouping separator of an amount (rekenregels §7.5): the count's ones, and
 * ',' (1,500.50). Returns its length at s, 0 if none. */
static size_t money_sep_len(const char *s, size_t len)
{
    return len >= 1 && s[0] == ',' ? 1 : group_sep_len(s, len);
}

static size_t digits_at(const char *s, size_t len)
{
    size_t k = 0;
    while (k < len && is_digit(s[k]))
        k++;
    return k;
}

int sw_parse_cents(int64_t *out, const char *s, size_t len, const char **why)
{
    assert(out && why && (s || len == 0));
    sw__trim(&s, &len);
    if (len == 0) {
        *why = "is empty";
        return SW_EDATA;
    }
    if (s[0] == '-' && len > 1 && is_digit(s[1])) {
        *why = "is negative";
        return SW_EDATA;
    }
    static const char not_money[] =
        "is not an amount in euros (write 1500, 1.500, 1.500,50 or 1500.50)";
    size_t first = digits_at(s, len), i = first;
    if (first == 0) {
        *why = not_money;
        return SW_EDATA;
    }
    /* Groups: a separator followed by exactly three digits, the same
     * separator throughout; so "1.500" is 1 500 euros, never 1.50. */
    const char *grp = NULL;
    size_t grplen = 0;
    for (;;) {
        size_t sl = money_sep_len(s + i, len - i);
        if (sl == 0 || digits_at(s + i + sl, len - i - sl) != 3)
            break;
        if (grp && (sl != grplen || memcmp(grp, s + i, sl) != 0))
            break;
        if (!grp && (first > 3 || s[0] == '0')) {
            *why = "is not an amount in euros (digits grouped wrongly)";
            return SW_EDATA;
        }
        grp = s + i;
        grplen = sl;
        i += sl + 3;
    }
    int64_t euros = 0;
    for (size_t k = 0; k < i; k++)
        if (is_digit(s[k]) && add_digit(&euros, s[k]) != 0) {
            *why = "is too large";
            return SW_EOVERFLOW;
        }
    int64_t cents = 0;
    if (i < len) {
        /* Exactly two decimals after the separator that is not the grouping
         * one: 1.500,50 and 1,500.50, never 1.5 or 1.234.56. */
        bool sep_ok = (s[i] == ',' || s[i] == '.') && !(grplen == 1 && grp[0] == s[i]);
        if (!sep_ok || len - i != 3 || !is_digit(s[i + 1]) || !is_digit(s[i + 2])) {
            *why = not_money;
            return SW_EDATA;
        }
        cents = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
    }
    if (euros > (INT64_MAX - cents) / 100) {
        *why = "is too large";
        return SW_EOVERFLOW;
    }
    *out = euros * 100 + cents;
    return 0;
}

/* ---- formatting ---- */

static size_t put(char *out, size_t cap, const char *s, size_t n)
{
    assert(cap > 0);
    if (n >= cap)
        n = cap - 1;
    memcpy(out, s, n);
    out[n] = '\0';
    return n;
}

__extension__ typedef unsigned __int128 u128;

/* The digits of v, written backwards from end; returns where they start.
 * Divided in 64 bits when v fits (nearly always): a 128-bit division is a
 * call to a helper, and a report writes thousands of numbers. */
static char *digits_back(char *end, u128 v)
{
    if (v <= UINT64_MAX) {
        uint64_t w = (uint64_t)v;
        do {
            *--end = (char)('0' + (int)(w % 10));
            w /= 10;
        } while (w != 0);
        return end;
    }
    do {
        *--end = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v != 0);
    return end;
}

size_t sw_format_i128(char *out, size_t cap, sw_i128 v)
{
    char tmp[48];
    bool neg = v < 0;
    /* The magnitude as unsigned, so that the most negative value works too. */
    char *p = digits_back(tmp + sizeof tmp, neg ? (u128)0 - (u128)v : (u128)v);
    if (neg)
        *--p = '-';
    return put(out, cap, p, (size_t)(tmp + sizeof tmp - p));
}

static size_t format_u128(char *out, size_t cap, u128 v)
{
    char tmp[48];
    char *p = digits_back(tmp + sizeof tmp, v);
    return put(out, cap, p, (size_t)(tmp + sizeof tmp - p));
}

size_t sw_format_decimal(char *out, size_t cap, sw_i128 num, sw_i128 den, int places,
                         sw_rounding rounding)
{
    assert(den > 0 && places >= 0 && places <= 18);
    assert(rounding == SW_ROUND_DECIMAL_HALF_UP || rounding == SW_ROUND_DECIMAL_DOWN);
    bool neg = num < 0;
    u128 n = neg ? (u128)0 - (u128)num : (u128)num, d = (u128)den;
    u128 q, r;
    if (n <= UINT64_MAX && d <= UINT64_MAX) { /* 64 bits: see digits_back */
        q = (uint64_t)n / (uint64_t)d;
        r = (uint64_t)n % (uint64_t)d;
    } else {
        q = n / d;
        r = n % d;
    }
    /* Long division, one digit at a time: in 64 bits while 10·d fits them
     * (every report's fractions), else without a multiplication, since 10·r
     * may not fit in 128 bits: the digit is found by adding r ten times to a
     * running remainder that never reaches 2·d (< 2^128). */
    char frac[19];
    for (int k = 0; k < places; k++) {
        if (d <= UINT64_MAX / 10) { /* 10·r < 10·d fits 64 bits: divide */
            uint64_t t = (uint64_t)r * 10;
            frac[k] = (char)('0' + (int)(t / (uint64_t)d));
            r = t % (uint64_t)d;
            continue;
        }
        u128 acc = 0;
        int digit = 0;
        for (int t = 0; t < 10; t++) {
            acc += r;
            if (acc >= d) {
                acc -= d;
                digit++;
            }
        }
        frac[k] = (char)('0' + digit);
        r = acc;
    }
    /* Half-up rounds halves away from zero: r / d ≥ ½, i.e. r ≥ d − r. */
    if (rounding == SW_ROUND_DECIMAL_HALF_UP && r >= d - r) {
        int k = places - 1;
        while (k >= 0 && frac[k] == '9')
            frac[k--] = '0';
        if (k >= 0)
            frac[k]++;
        else
            q++;
    }
    bool zero = q == 0;
    for (int k = 0; k < places; k++)
        zero = zero && frac[k] == '0';
    char tmp[80];
    size_t o = 0;
    if (neg && !zero)
        tmp[o++] = '-';
    o += format_u128(tmp + o, sizeof tmp - o, q);
    if (places > 0) {
        tmp[o++] = '.';
        memcpy(tmp + o, frac, (size_t)places);
        o += (size_t)places;
    }
    return put(out, cap, tmp, o);
}

size_t sw_format_fraction(char *out, size_t cap, sw_i128 num, sw_i128 den, int places)
{
    return sw_format_decimal(out, cap, num, den, places, SW_ROUND_DECIMAL_HALF_UP);
}

size_t sw_format_micro(char *out, size_t cap, sw_i128 micro, int places)
{
    assert(places >= 0 && places <= 6);
    return sw_format_fraction(out, cap, micro, SW_MICRO, places);
}

static sw_i128 gcd128(sw_i128 a, sw_i128 b)
{
    if (a < 0)
        a = -a;
    while (b != 0) {
        sw_i128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

size_t sw_format_ratio(char *out, size_t cap, sw_i128 num, sw_i128 den)
{
    assert(den > 0);
    sw_i128 g = gcd128(num, den);
    if (g == 0)
        g = 1;
    char a[48], b[48], tmp[100];
    sw_format_i128(a, sizeof a, num / g);
    sw_format_i128(b, sizeof b, den / g);
    size_t la = strlen(a), lb = strlen(b);
    memcpy(tmp, a, la);
    tmp[la] = '/';
    memcpy(tmp + la + 1, b, lb);
    return put(out, cap, tmp, la + 1 + lb);
}

size_t sw_format_cents(char *out, size_t cap, int64_t cents, char sep)
{
    size_t n = sw_format_decimal(out, cap, cents, 100, 2, SW_ROUND_DECIMAL_HALF_UP);
    char *dot = strchr(out, '.');
    if (dot)
        *dot = sep;
    return n;
}
