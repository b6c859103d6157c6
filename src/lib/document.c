/* The report document: storage, tables (filtered, totalled) and the
 * formatting of values by kind, machine and human. */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docbuild.h"
#include "spreiding/diag.h"
#include "spreiding/register.h"
#include "util.h"

struct sw_report_doc {
    void **owned;
    size_t nowned, capowned;
    size_t capmeta, capnotes, captables, cappictures, capremarks;
    int err;
};

sw_report *sw__report_new(void)
{
    sw_report *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->doc = calloc(1, sizeof *r->doc);
    if (!r->doc) {
        free(r);
        return NULL;
    }
    r->title = "";
    return r;
}

int sw__report_error(const sw_report *r) { return r->doc->err; }

void sw__report_fail(sw_report *r, int code)
{
    if (r->doc->err == 0)
        r->doc->err = code;
}

int sw__report_done(sw_report **out, sw_report *r, sw_diag *diag)
{
    int rc = r->doc->err;
    sw_scratch *s = NULL;
    sw_value *cells = NULL;
    for (size_t k = 0; rc == 0 && k < r->ntables; k++) {
        const sw_table *t = &r->table[k];
        if (!t->totals || t->nrows == 0)
            continue;
        if (!s && !(s = malloc(sizeof *s)))
            rc = SW_ENOMEM;
        free(cells);
        cells = rc == 0 ? sw__array(t->ncols, sizeof *cells) : NULL;
        if (rc == 0 && !cells)
            rc = SW_ENOMEM;
        if (rc == 0 && (rc = sw_table_totals(t, cells, s)) == SW_EOVERFLOW) {
            const char *col = "?";
            for (size_t c = 0; c < t->ncols; c++)
                if (!cells[c].set && cells[c].s)
                    col = cells[c].s;
            rc = sw_diag_add(diag, SW_EOVERFLOW, NULL, 0, 0, NULL,
                             "table '%s': the total of column '%s' is more than 64 bits can hold "
                             "(each row is exact; their sum is not)",
                             t->key, col);
        }
    }
    free(s);
    free(cells);
    if (rc != 0) {
        sw_report_free(r);
        return rc;
    }
    *out = r;
    return 0;
}

/* Takes ownership of p (frees it when it cannot be recorded). */
static void *own(sw_report *r, void *p)
{
    sw_report_doc *d = r->doc;
    if (!p || sw__reserve((void **)&d->owned, &d->capowned, d->nowned + 1, sizeof *d->owned)) {
        free(p);
        d->err = SW_ENOMEM;
        return NULL;
    }
    d->owned[d->nowned++] = p;
    return p;
}

/* Makes room for one more element of the array *arr of n. */
static bool room(sw_report *r, void **arr, size_t n, size_t *cap, size_t size)
{
    if (r->doc->err)
        return false;
    if (sw__reserve(arr, cap, n + 1, size) != 0) {
        r->doc->err = SW_ENOMEM;
        return false;
    }
    return true;
}

void *sw__alloc(sw_report *r, size_t n, size_t size)
{
    if (r->doc->err)
        return NULL;
    return own(r, sw__calloc(n, size));
}

const char *sw__str(sw_report *r, const char *s)
{
    size_t n = strlen(s);
    char *p = sw__alloc(r, n + 1, 1);
    if (!p)
        return "";
    memcpy(p, s, n + 1);
    return p;
}

static const char *vprintf_owned(sw_report *r, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *p = n < 0 ? NULL : sw__alloc(r, (size_t)n + 1, 1);
    if (p)
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p ? p : "";
}

const char *sw__printf(sw_report *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *p = vprintf_owned(r, fmt, ap);
    va_end(ap);
    return p;
}

void sw__meta(sw_report *r, const char *key, const char *label, sw_kind kind, sw_value v,
              const char *human)
{
    if (!room(r, (void **)&r->meta, r->nmeta, &r->doc->capmeta, sizeof *r->meta))
        return;
    r->meta[r->nmeta++] = (sw_meta){key, label, kind, v, human, false};
}

void sw__meta_text(sw_report *r, const char *key, const char *label, const char *text)
{
    sw__meta(r, key, label, SW_KIND_TEXT, text ? sw__text(text) : sw__empty(), NULL);
}

void sw__meta_count(sw_report *r, const char *key, const char *label, int64_t v)
{
    sw__meta(r, key, label, SW_KIND_COUNT, sw__count(v), NULL);
}

void sw__meta_appendix(sw_report *r, size_t from)
{
    for (size_t i = from; i < r->nmeta; i++)
        r->meta[i].appendix = true;
}

void sw__note(sw_report *r, sw_note_kind kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *text = vprintf_owned(r, fmt, ap);
    va_end(ap);
    if (!room(r, (void **)&r->note, r->nnotes, &r->doc->capnotes, sizeof *r->note))
        return;
    r->note[r->nnotes++] = (sw_note){kind, text};
}

void sw__picture(sw_report *r, const char *where, const char *svg)
{
    if (!room(r, (void **)&r->picture, r->npictures, &r->doc->cappictures, sizeof *r->picture))
        return;
    r->picture[r->npictures++] = (sw_picture){sw__str(r, where), svg};
}

void sw__remark(sw_report *r, const char *where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *text = vprintf_owned(r, fmt, ap);
    va_end(ap);
    if (!room(r, (void **)&r->remark, r->nremarks, &r->doc->capremarks, sizeof *r->remark))
        return;
    r->remark[r->nremarks++] = (sw_remark){sw__str(r, where), text};
}

sw_table *sw__table(sw_report *r, const char *key, const char *title, const sw_column *cols,
                    size_t ncols, size_t nrows, sw_fill_fn fill, const void *src)
{
    if (!room(r, (void **)&r->table, r->ntables, &r->doc->captables, sizeof *r->table))
        return NULL;
    sw_table *t = &r->table[r->ntables++];
    *t = (sw_table){.key = key, .title = title, .col = cols, .ncols = ncols, .nrows = nrows,
                    .fill = fill, .src = src};
    return t;
}

/* A held table is its cells, row-major. */
typedef struct held {
    const sw_value *cells;
    size_t ncols;
} held;

static int fill_held(const void *src, size_t row, sw_value *cells, sw_scratch *s)
{
    (void)s;
    const held *h = src;
    memcpy(cells, h->cells + row * h->ncols, h->ncols * sizeof *cells);
    return 0;
}

sw_value *sw__table_cells(sw_report *r, const char *key, const char *title,
                          const sw_column *cols, size_t ncols, size_t nrows)
{
    held *h = sw__alloc(r, 1, sizeof *h);
    sw_value *cells = sw__alloc(r, nrows * ncols, sizeof *cells);
    if (!h || !cells || !sw__table(r, key, title, cols, ncols, nrows, fill_held, h))
        return NULL;
    h->cells = cells;
    h->ncols = ncols;
    return cells;
}

int sw__table_filter(sw_report *r, sw_table *t, int code)
{
    if (code == 0 || r->doc->err)
        return r->doc->err;
    long pc = -1;
    for (size_t c = 0; c < t->ncols; c++)
        if (t->col[c].role & SW_ROLE_PROVINCE)
            pc = (long)c;
    assert(pc >= 0 && !t->sequential);
    size_t *index = sw__alloc(r, t->nrows, sizeof *index);
    sw_value *cells = malloc(t->ncols * sizeof *cells);
    sw_scratch *s = malloc(sizeof *s);
    int rc = index && cells && s ? 0 : SW_ENOMEM;
    char want[8];
    snprintf(want, sizeof want, "PV%02d", code % SW_PROVINCIE_CODES);
    size_t n = 0;
    for (size_t k = 0; rc == 0 && k < t->nrows; k++) {
        rc = sw_table_row(t, k, cells, s);
        if (rc == 0 && cells[pc].set && strcmp(cells[pc].s, want) == 0)
            index[n++] = t->index ? t->index[k] : k;
    }
    free(cells);
    free(s);
    if (rc != 0)
        return r->doc->err = rc;
    t->index = index;
    t->nrows = n;
    return 0;
}

/* ---- reading a document ---- */

void sw_report_free(sw_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->doc->nowned; i++)
        free(r->doc->owned[i]);
    free(r->doc->owned);
    free(r->doc);
    free(r->meta);
    free(r->note);
    free(r->table);
    free(r->picture);
    free(r->remark);
    free(r);
}

long sw_report_table_index(const sw_report *r, const char *key)
{
    assert(r && key);
    for (size_t i = 0; i < r->ntables; i++)
        if (strcmp(r->table[i].key, key) == 0)
            return (long)i;
    return -1;
}

long sw_table_column(const sw_table *t, const char *name)
{
    assert(t && name);
    for (size_t c = 0; c < t->ncols; c++)
        if (strcmp(t->col[c].name, name) == 0)
            return (long)c;
    return -1;
}

int sw_table_row(const sw_table *t, size_t k, sw_value *cells, sw_scratch *scratch)
{
    assert(t && cells && scratch && k < t->nrows);
    scratch->used = 0;
    for (size_t c = 0; c < t->ncols; c++)
        cells[c] = (sw_value){.set = false};
    return t->fill(t->src, t->index ? t->index[k] : k, cells, scratch);
}

int sw_table_totals(const sw_table *t, sw_value *cells, sw_scratch *scratch)
{
    return sw_table_totals_in(t, NULL, cells, scratch);
}

int sw_table_totals_in(const sw_table *t, const char *provincie, sw_value *cells,
                       sw_scratch *scratch)
{
    assert(t && cells && scratch);
    long pc = -1;
    for (size_t c = 0; provincie && c < t->ncols && pc < 0; c++)
        if (t->col[c].role & SW_ROLE_PROVINCE)
            pc = (long)c;
    sw_i128 *sum = calloc(t->ncols ? t->ncols : 1, sizeof *sum);
    bool *any = calloc(t->ncols ? t->ncols : 1, sizeof *any);
    sw_value *row = sw__array(t->ncols, sizeof *row);
    int rc = sum && any && row ? 0 : SW_ENOMEM;
    for (size_t k = 0; rc == 0 && k < t->nrows; k++) {
        rc = sw_table_row(t, k, row, scratch);
        if (rc == 0 && provincie && (pc < 0 || !row[pc].set || strcmp(row[pc].s, provincie) != 0))
            continue;
        for (size_t c = 0; rc == 0 && c < t->ncols; c++)
            if ((t->col[c].role & SW_ROLE_TOTAL) && row[c].set) {
                sum[c] += row[c].i; /* at most 2^63 rows of 2^63: fits 128 bits */
                any[c] = true;
            }
    }
    /* Every cell is set, even after an overflow stops the sums: the caller
     * looks through all of them for the column that overflowed. */
    for (size_t c = 0; c < t->ncols; c++)
        cells[c] = (sw_value){.set = false};
    for (size_t c = 0; rc == 0 && c < t->ncols; c++) {
        /* A column with no value in any row (amv where the cycle has no amv
         * part) has no total either: an empty total, not a 0. */
        if (!(t->col[c].role & SW_ROLE_TOTAL) || !any[c])
            continue;
        if (sum[c] > INT64_MAX || sum[c] < INT64_MIN) {
            cells[c].s = t->col[c].name; /* unset, and named: the column that overflowed */
            rc = SW_EOVERFLOW;
        } else
            cells[c] = (sw_value){.set = true, .i = (int64_t)sum[c]};
    }
    free(sum);
    free(any);
    free(row);
    return rc;
}

/* ---- row strings ---- */

const char *sw__scratch_printf(sw_scratch *s, const char *fmt, ...)
{
    size_t room_left = sizeof s->text - s->used;
    char *p = s->text + s->used;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(p, room_left, fmt, ap);
    va_end(ap);
    /* A row's strings are short by construction (codes, a sentence);
     * anything longer is cut rather than overrun. */
    if (n < 0)
        n = 0;
    if ((size_t)n >= room_left)
        n = (int)room_left - 1;
    s->used += (size_t)n + 1;
    return p;
}

/* A code as prefix and `width` digits, written by hand: two of them in
 * every row of most tables, where printf costs more than the rest of the
 * row. A code too wide, or no room, goes the general way. */
static const char *code_text(sw_scratch *s, const char *fmt, char a, char b, int width, int code)
{
    size_t n = 2 + (size_t)width + 1;
    if (code < 0 || code >= (width == 4 ? 10000 : 100) || sizeof s->text - s->used < n)
        return sw__scratch_printf(s, fmt, code);
    char *p = s->text + s->used;
    p[0] = a;
    p[1] = b;
    for (int k = width - 1, v = code; k >= 0; k--, v /= 10)
        p[2 + k] = (char)('0' + v % 10);
    p[n - 1] = '\0';
    s->used += n;
    return p;
}

const char *sw__gm(sw_scratch *s, int code) { return code_text(s, "GM%04d", 'G', 'M', 4, code); }
const char *sw__pv(sw_scratch *s, int code) { return code_text(s, "PV%02d", 'P', 'V', 2, code); }

/* ---- formatting ---- */

sw_kind sw_value_kind(const sw_column *c, const sw_value *v, int *places, sw_rounding *rounding)
{
    if (c->kind == SW_KIND_ANY) {
        *places = v->places;
        *rounding = v->rounding ? v->rounding : SW_ROUND_DECIMAL_HALF_UP;
        return v->kind;
    }
    *places = c->places;
    *rounding = c->rounding ? c->rounding : SW_ROUND_DECIMAL_HALF_UP;
    return c->kind;
}

/* An exact decimal of a fraction whose denominator divides 10^6, trailing
 * zeros dropped ("0.17", "450"). */
static void exact_decimal(char *out, size_t cap, sw_i128 num, sw_i128 den)
{
    sw_format_decimal(out, cap, num, den, 6, SW_ROUND_DECIMAL_HALF_UP);
    char *dot = strchr(out, '.');
    if (dot) {
        char *end = out + strlen(out);
        while (end > dot + 1 && end[-1] == '0')
            *--end = '\0';
        if (end == dot + 1)
            *dot = '\0';
    }
}

static void decimal_text(char *out, size_t cap, const sw_value *v, int places,
                         sw_rounding rounding)
{
    if (places < 0)
        exact_decimal(out, cap, v->num, v->den);
    else
        sw_format_decimal(out, cap, v->num, v->den, places, rounding);
}

static void date_text(char *out, size_t cap, int64_t ymd, bool human)
{
    int y = (int)(ymd / 10000), m = (int)(ymd / 100 % 100), d = (int)(ymd % 100);
    if (human)
        snprintf(out, cap, "%d-%d-%04d", d, m, y);
    else
        snprintf(out, cap, "%04d-%02d-%02d", y, m, d);
}

const char *sw_format_machine(char *out, size_t cap, const sw_column *c, const sw_value *v,
                              char decimal)
{
    assert(out && cap >= 96 && c && v);
    out[0] = '\0';
    if (!v->set)
        return out;
    int places;
    sw_rounding rounding;
    switch (sw_value_kind(c, v, &places, &rounding)) {
    case SW_KIND_TEXT:
    case SW_KIND_CODE:
    case SW_KIND_NAME:
        return v->s ? v->s : "";
    case SW_KIND_COUNT:
        sw_format_i128(out, cap, v->i); /* as "%lld", without printf's cost */
        return out;
    case SW_KIND_MONEY:
        sw_format_cents(out, cap, v->i, decimal ? decimal : '.');
        return out;
    case SW_KIND_PERCENT:
    case SW_KIND_DECIMAL:
    case SW_KIND_SHARE: decimal_text(out, cap, v, places, rounding); break;
    case SW_KIND_RATIO:
        sw_format_ratio(out, cap, v->num, v->den);
        return out;
    case SW_KIND_DATE:
        date_text(out, cap, v->i, false);
        return out;
    case SW_KIND_YESNO:
        return v->i ? "ja" : "nee";
    case SW_KIND_ANY:
        return out;
    }
    char *dot = strchr(out, '.');
    if (dot && decimal)
        *dot = decimal;
    return out;
}

/* "1234567.5" → "1.234.567,5" (Dutch: '.' between thousands). */
static void dutch_number(char *out, size_t cap, const char *plain)
{
    char tmp[128];
    size_t o = 0, i = 0;
    if (plain[0] == '-')
        tmp[o++] = plain[i++];
    size_t digits = strspn(plain + i, "0123456789");
    for (size_t k = 0; k < digits && o + 2 < sizeof tmp; k++) {
        if (k > 0 && (digits - k) % 3 == 0)
            tmp[o++] = '.';
        tmp[o++] = plain[i + k];
    }
    i += digits;
    if (plain[i] == '.' && o + 1 < sizeof tmp) {
        tmp[o++] = ',';
        i++;
    }
    while (plain[i] && o + 1 < sizeof tmp)
        tmp[o++] = plain[i++];
    tmp[o] = '\0';
    snprintf(out, cap, "%s", tmp);
}

const char *sw_format_human(char *out, size_t cap, const sw_column *c, const sw_value *v)
{
    assert(out && cap >= 96 && c && v);
    out[0] = '\0';
    if (!v->set)
        return out;
    if (v->human)
        return v->human;
    int places;
    sw_rounding rounding;
    char plain[96];
    switch (sw_value_kind(c, v, &places, &rounding)) {
    case SW_KIND_COUNT:
        snprintf(plain, sizeof plain, "%lld", (long long)v->i);
        dutch_number(out, cap, plain);
        return out;
    case SW_KIND_MONEY: {
        char grouped[96];
        sw_format_cents(plain, sizeof plain, v->i, '.');
        dutch_number(grouped, sizeof grouped, plain);
        snprintf(out, cap, "\xE2\x82\xAC\xC2\xA0%s", grouped); /* "€", a no-break space */
        return out;
    }
    case SW_KIND_PERCENT:
        decimal_text(plain, sizeof plain, v, places, rounding);
        dutch_number(out, cap - 4, plain);
        strcat(out, "\xC2\xA0%");
        return out;
    case SW_KIND_DECIMAL:
        decimal_text(plain, sizeof plain, v, places, rounding);
        dutch_number(out, cap, plain);
        return out;
    case SW_KIND_SHARE:
        /* the same figure, as a percentage: the decimal point moves two
         * places, so no digit is added or lost by rounding twice */
        sw_format_decimal(plain, sizeof plain, (sw_i128)v->num * 100, v->den,
                          places > 2 ? places - 2 : 0, rounding);
        dutch_number(out, cap - 4, plain);
        strcat(out, "\xC2\xA0%");
        return out;
    case SW_KIND_DATE:
        date_text(out, cap, v->i, true);
        return out;
    default:
        return sw_format_machine(out, cap, c, v, ',');
    }
}
