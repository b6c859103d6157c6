/* Exact parsing of CSV cells (domain.md §7.5) and exact decimal formatting.
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
    sw_trim(&s, &len);
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
    sw_trim(s, len);
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
    sw_trim(&s, &len);
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

int sw_parse_cents(int64_t *out, const char *s, size_t len, const char **why)
{
    assert(out && why && (s || len == 0));
    int64_t euros = 0;
    size_t used = 0;
    int r = parse_unsigned(&euros, &s, &len, &used, why);
    if (r != 0) {
        if (r == SW_EDATA && len > 0 && !(s[0] == '-' && len > 1 && is_digit(s[1])))
            *why = "is not an amount in euros";
        return r;
    }
    int64_t cents = 0;
    if (used < len) {
        size_t rest = len - used;
        if ((s[used] != ',' && s[used] != '.') || rest < 2 || rest > 3 ||
            !is_digit(s[used + 1]) || (rest == 3 && !is_digit(s[used + 2]))) {
            *why = "is not an amount in euros";
            return SW_EDATA;
        }
        cents = (s[used + 1] - '0') * 10 + (rest == 3 ? s[used + 2] - '0' : 0);
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

size_t sw_format_i128(char *out, size_t cap, sw_i128 v)
{
    char tmp[48];
    size_t n = 0;
    bool neg = v < 0;
    /* Work on the negative side so that the most negative value works too. */
    if (!neg)
        v = -v;
    do {
        tmp[n++] = (char)('0' - (int)(v % 10));
        v /= 10;
    } while (v != 0);
    if (neg)
        tmp[n++] = '-';
    char rev[48];
    for (size_t i = 0; i < n; i++)
        rev[i] = tmp[n - 1 - i];
    return put(out, cap, rev, n);
}

static sw_i128 pow10i(int places)
{
    sw_i128 p = 1;
    while (places-- > 0)
        p *= 10;
    return p;
}

/* Writes q (≥ 0, an integer scaled by 10^places) as a decimal. */
static size_t format_scaled(char *out, size_t cap, sw_i128 q, bool neg, int places)
{
    sw_i128 p = pow10i(places);
    char ip[48], fp[16];
    sw_format_i128(ip, sizeof ip, q / p);
    sw_i128 f = q % p;
    for (int i = places - 1; i >= 0; i--) {
        fp[i] = (char)('0' + (int)(f % 10));
        f /= 10;
    }
    fp[places] = '\0';
    char tmp[72];
    size_t n = 0;
    if (neg && q != 0)
        tmp[n++] = '-';
    size_t il = strlen(ip);
    memcpy(tmp + n, ip, il);
    n += il;
    if (places > 0) {
        tmp[n++] = '.';
        memcpy(tmp + n, fp, (size_t)places);
        n += (size_t)places;
    }
    return put(out, cap, tmp, n);
}

size_t sw_format_fraction(char *out, size_t cap, sw_i128 num, sw_i128 den, int places)
{
    assert(den > 0 && places >= 0 && places <= 9);
    bool neg = num < 0;
    if (neg)
        num = -num;
    /* half-up: floor((2·num·10^p + den) / (2·den)); operands stay far below
     * 2^127 for the magnitudes this library admits (it checks them). */
    sw_i128 q = (2 * num * pow10i(places) + den) / (2 * den);
    return format_scaled(out, cap, q, neg, places);
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
    sw_i128 v = cents;
    bool neg = v < 0;
    if (neg)
        v = -v;
    size_t n = format_scaled(out, cap, v, neg, 2);
    char *dot = strchr(out, '.');
    if (dot)
        *dot = sep;
    return n;
}
