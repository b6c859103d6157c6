#include "spreiding/date.h"

#include <assert.h>
#include <stdbool.h>

#include "spreiding/diag.h"
#include "util.h"

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

int sw_parse_date(sw_date *out, const char *s, size_t len, const char **why)
{
    assert(out && why && (s || len == 0));
    sw_trim(&s, &len);
    *why = "is not a date (YYYY-MM-DD)";
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return SW_EDATA;
    int v[3] = {0, 0, 0};
    static const int pos[3][2] = {{0, 4}, {5, 2}, {8, 2}};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < pos[k][1]; i++) {
            char c = s[pos[k][0] + i];
            if (c < '0' || c > '9')
                return SW_EDATA;
            v[k] = v[k] * 10 + (c - '0');
        }
    if (v[0] < 1000 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > days_in_month(v[0], v[1])) {
        *why = "is not a date that exists";
        return SW_EDATA;
    }
    out->y = v[0];
    out->m = v[1];
    out->d = v[2];
    return 0;
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
