#include "spreiding/date.h"

#include <assert.h>
#include <stdbool.h>
#include <string.h>

#include "spreiding/diag.h"
#include "util.h"

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Reads 1..maxd digits at s[*i]; false when there are none or too many. */
static bool digits(const char *s, size_t len, size_t *i, int mind, int maxd, int *v)
{
    int n = 0;
    *v = 0;
    while (*i < len && s[*i] >= '0' && s[*i] <= '9') {
        if (++n > maxd)
            return false;
        *v = *v * 10 + (s[*i] - '0');
        (*i)++;
    }
    return n >= mind;
}

/* Whether s[0..n) are all digits. */
static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int check(sw_date *out, int y, int m, int d, const char **why)
{
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
        *why = "is not a date that exists";
        return SW_EDATA;
    }
    out->y = y;
    out->m = m;
    out->d = d;
    return 0;
}

int sw_parse_date(sw_date *out, const char *s, size_t len, const char **why)
{
    assert(out && why && (s || len == 0));
    sw__trim(&s, &len);
    /* The form of nearly every date in a file, read at once: YYYY-MM-DD in
     * digits. The general way below reads it the same. */
    if (len == 10 && s[4] == '-' && s[7] == '-' && all_digits(s, 4) && all_digits(s + 5, 2) &&
        all_digits(s + 8, 2))
        return check(out,
                     (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0'),
                     (s[5] - '0') * 10 + (s[6] - '0'), (s[8] - '0') * 10 + (s[9] - '0'), why);
    static const char *const forms = "is not a date (write 2025-07-01 or 1-7-2025)";
    *why = forms;
    if (memchr(s, '/', len)) {
        /* 9/1/2023 is 1 September in an English spreadsheet and 9 January in
         * others: never guess. */
        *why = "is a date with '/', which spreadsheets in different languages read as "
               "different days; write 2025-07-01 or 1-7-2025 (in Excel or LibreOffice: "
               "cell format d-m-jjjj)";
        return SW_EDATA;
    }
    int y, m, d;
    size_t i = 0;
    if (len == 10 && s[4] == '-') { /* ISO: YYYY-MM-DD */
        if (!digits(s, len, &i, 4, 4, &y) || i != 4 || s[i++] != '-' ||
            !digits(s, len, &i, 2, 2, &m) || s[i++] != '-' || !digits(s, len, &i, 2, 2, &d) ||
            i != len)
            return SW_EDATA;
    } else { /* Dutch spreadsheets: D-M-YYYY, one or two digits for day and month */
        if (!digits(s, len, &i, 1, 2, &d) || i >= len || s[i++] != '-' ||
            !digits(s, len, &i, 1, 2, &m) || i >= len || s[i++] != '-' ||
            !digits(s, len, &i, 4, 4, &y) || i != len)
            return SW_EDATA;
    }
    return check(out, y, m, d, why);
}

int sw_date_cmp(sw_date a, sw_date b)
{
    if (a.y != b.y)
        return a.y < b.y ? -1 : 1;
    if (a.m != b.m)
        return a.m < b.m ? -1 : 1;
    return (a.d > b.d) - (a.d < b.d);
}

sw_date sw_date_add_years(sw_date d, int years)
{
    sw_date r = {d.y + years, d.m, d.d};
    if (r.m == 2 && r.d == 29 && !leap(r.y))
        r.d = 28;
    return r;
}

sw_date sw_date_add_months(sw_date d, int months)
{
    /* Months since year 0, floored, so that negative steps work too. */
    long total = (long)d.y * 12 + (d.m - 1) + months;
    long y = total >= 0 ? total / 12 : -((-total + 11) / 12);
    sw_date r = {(int)y, (int)(total - y * 12) + 1, d.d};
    if (r.d > days_in_month(r.y, r.m))
        r.d = days_in_month(r.y, r.m);
    return r;
}

/* Days from 1970-01-01 and back, in the proleptic Gregorian calendar: the
 * civil-from-days algorithms of Howard Hinnant ("chrono-Compatible Low-Level
 * Date Algorithms"), which count in 400-year eras of 146 097 days. */
long sw_date_days(sw_date d)
{
    long y = d.y - (d.m <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;                                        /* 0..399 */
    long doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1; /* 0..365 */
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                /* 0..146096 */
    return era * 146097 + doe - 719468;
}

sw_date sw_date_add_days(sw_date d, long days)
{
    long z = sw_date_days(d) + days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int)(doy - (153 * mp + 2) / 5 + 1);
    int month = (int)(mp < 10 ? mp + 3 : mp - 9);
    return (sw_date){(int)(yoe + era * 400 + (month <= 2)), month, day};
}

void sw_format_date(char out[11], sw_date d)
{
    /* Digit by digit: valid dates only, so every field fits its width. */
    int v[3] = {d.y, d.m, d.d}, w[3] = {4, 2, 2}, o = 0;
    for (int k = 0; k < 3; k++) {
        for (int i = w[k] - 1; i >= 0; i--) {
            out[o + i] = (char)('0' + v[k] % 10);
            v[k] /= 10;
        }
        o += w[k];
        if (k < 2)
            out[o++] = '-';
    }
    out[o] = '\0';
}
