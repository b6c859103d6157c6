/* The report document: storage, lookup and the cell constructors. */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_build.h"

struct sw_report_doc {
    void **owned;
    size_t nowned, capowned;
    size_t capmeta, capnotes, captables;
    int err;
};

sw_report *rb_new(const char *title)
{
    sw_report *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->doc = calloc(1, sizeof *r->doc);
    if (!r->doc) {
        free(r);
        return NULL;
    }
    r->title = rb_str(r, title);
    return r;
}

int rb_failed(const sw_report *r) { return r->doc->err; }

/* Takes ownership of p (frees it when it cannot be recorded). */
static void *own(sw_report *r, void *p)
{
    sw_report_doc *d = r->doc;
    if (!p) {
        d->err = SW_ENOMEM;
        return NULL;
    }
    if (d->nowned == d->capowned) {
        size_t cap = d->capowned ? d->capowned * 2 : 64;
        void **o = realloc(d->owned, cap * sizeof *o);
        if (!o) {
            free(p);
            d->err = SW_ENOMEM;
            return NULL;
        }
        d->owned = o;
        d->capowned = cap;
    }
    d->owned[d->nowned++] = p;
    return p;
}

/* Grows *arr (of elements of size sz) so that one more fits. */
static bool grow(sw_report *r, void **arr, size_t n, size_t *cap, size_t sz)
{
    if (r->doc->err)
        return false;
    if (n < *cap)
        return true;
    size_t c = *cap ? *cap * 2 : 16;
    void *p = realloc(*arr, c * sz);
    if (!p) {
        r->doc->err = SW_ENOMEM;
        return false;
    }
    *arr = p;
    *cap = c;
    return true;
}

const char *rb_str(sw_report *r, const char *s)
{
    size_t n = strlen(s);
    char *p = own(r, malloc(n + 1));
    if (!p)
        return "";
    memcpy(p, s, n + 1);
    return p;
}

const char *rb_printf(sw_report *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = n < 0 ? NULL : own(r, malloc((size_t)n + 1));
    if (!p)
        return "";
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void rb_meta(sw_report *r, const char *key, const char *label, sw_cell value)
{
    if (!grow(r, (void **)&r->meta, r->nmeta, &r->doc->capmeta, sizeof *r->meta))
        return;
    r->meta[r->nmeta++] = (sw_meta){key, label, value};
}

void rb_note(sw_report *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = n < 0 ? NULL : own(r, malloc((size_t)n + 1));
    if (!p || !grow(r, (void **)&r->notes, r->nnotes, &r->doc->capnotes, sizeof *r->notes))
        return;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    r->notes[r->nnotes++] = p;
}

sw_table *rb_table(sw_report *r, const char *key, const char *title, const sw_column *cols,
                   size_t ncols, size_t nrows)
{
    if (!grow(r, (void **)&r->table, r->ntables, &r->doc->captables, sizeof *r->table))
        return NULL;
    sw_cell *cells = own(r, calloc(nrows * ncols + 1, sizeof *cells));
    if (!cells)
        return NULL;
    sw_table *t = &r->table[r->ntables++];
    *t = (sw_table){key, title, ncols, cols, nrows, cells, NULL};
    return t;
}

sw_column *rb_columns(sw_report *r, size_t n)
{
    return own(r, calloc(n ? n : 1, sizeof(sw_column)));
}

sw_cell *rb_total(sw_report *r, sw_table *t)
{
    t->total = own(r, calloc(t->ncols, sizeof *t->total));
    return t->total;
}

sw_cell rb_text(sw_report *r, const char *s) { return (sw_cell){SW_CELL_TEXT, 0, rb_str(r, s)}; }
sw_cell rb_int(int64_t v) { return (sw_cell){SW_CELL_INT, v, NULL}; }
sw_cell rb_bool(bool v) { return (sw_cell){SW_CELL_BOOL, v, NULL}; }
sw_cell rb_empty(void) { return (sw_cell){SW_CELL_EMPTY, 0, NULL}; }
sw_cell rb_money(int64_t cents) { return (sw_cell){SW_CELL_MONEY, cents, NULL}; }

sw_cell rb_micro(sw_report *r, sw_i128 micro)
{
    char buf[64];
    sw_format_micro(buf, sizeof buf, micro, 6);
    char *dot = strchr(buf, '.');
    if (dot) {
        char *end = buf + strlen(buf);
        while (end > dot + 1 && end[-1] == '0')
            *--end = '\0';
        if (end == dot + 1)
            *dot = '\0';
    }
    return (sw_cell){SW_CELL_DECIMAL, 0, rb_str(r, buf)};
}

sw_cell rb_fraction(sw_report *r, sw_i128 num, sw_i128 den, int places)
{
    char buf[64];
    sw_format_fraction(buf, sizeof buf, num, den, places);
    return (sw_cell){SW_CELL_DECIMAL, 0, rb_str(r, buf)};
}

sw_cell rb_ratio(sw_report *r, sw_i128 num, sw_i128 den)
{
    char buf[100];
    sw_format_ratio(buf, sizeof buf, num, den);
    return (sw_cell){SW_CELL_RATIO, 0, rb_str(r, buf)};
}

void sw_report_free(sw_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->doc->nowned; i++)
        free(r->doc->owned[i]);
    free(r->doc->owned);
    free(r->doc);
    free(r->meta);
    free(r->notes);
    free(r->table);
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

const char *rb_cell_text(const sw_cell *c, char decimal, char tmp[64])
{
    switch (c->type) {
    case SW_CELL_EMPTY:
        return "";
    case SW_CELL_INT:
        snprintf(tmp, 64, "%lld", (long long)c->i);
        return tmp;
    case SW_CELL_BOOL:
        return c->i ? "ja" : "nee";
    case SW_CELL_DECIMAL:
        if (decimal != '.' && strlen(c->text) < 64) {
            strcpy(tmp, c->text);
            char *dot = strchr(tmp, '.');
            if (dot)
                *dot = decimal;
            return tmp;
        }
        return c->text;
    case SW_CELL_MONEY:
        sw_format_cents(tmp, 64, c->i, decimal);
        return tmp;
    case SW_CELL_TEXT:
    case SW_CELL_RATIO:
        return c->text;
    }
    return "";
}

bool rb_cell_numeric(const sw_cell *c)
{
    return c->type == SW_CELL_INT || c->type == SW_CELL_DECIMAL || c->type == SW_CELL_RATIO ||
           c->type == SW_CELL_MONEY;
}

bool rb_col_visible(const sw_column *col) { return !(col->flags & SW_COL_JSON_ONLY); }
