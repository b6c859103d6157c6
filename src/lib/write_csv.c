/* A bare CSV table with minimal quoting (libcsv's writer quotes every field,
 * which is valid but hard to read and to diff). */
#include <assert.h>
#include <string.h>

#include "report_build.h"

static void field(sw_buf *b, const char *s, char delim)
{
    bool quote = s[0] == ' ' || (s[0] && s[strlen(s) - 1] == ' ');
    for (const char *p = s; *p && !quote; p++)
        quote = *p == delim || *p == '"' || *p == '\n' || *p == '\r';
    if (!quote) {
        sw_buf_puts(b, s);
        return;
    }
    sw_buf_append(b, "\"", 1);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            sw_buf_append(b, "\"", 1);
        sw_buf_append(b, p, 1);
    }
    sw_buf_append(b, "\"", 1);
}

int sw_write_csv(sw_buf *out, const sw_report *r, size_t table, const sw_csv_style *st)
{
    assert(out && r && table < r->ntables);
    char delim = st && st->delimiter ? st->delimiter : ',';
    char decimal = st && st->decimal ? st->decimal : '.';
    const sw_table *t = &r->table[table];
    if (st && st->bom)
        sw_buf_puts(out, "\xEF\xBB\xBF");
    bool first = true;
    for (size_t c = 0; c < t->ncols; c++) {
        if (!rb_col_visible(&t->col[c]))
            continue;
        if (!first)
            sw_buf_append(out, &delim, 1);
        field(out, t->col[c].name, delim);
        first = false;
    }
    sw_buf_puts(out, "\n");
    for (size_t i = 0; i < t->nrows; i++) {
        first = true;
        for (size_t c = 0; c < t->ncols; c++) {
            if (!rb_col_visible(&t->col[c]))
                continue;
            char tmp[64];
            if (!first)
                sw_buf_append(out, &delim, 1);
            field(out, rb_cell_text(&t->cell[i * t->ncols + c], decimal, tmp), delim);
            first = false;
        }
        sw_buf_puts(out, "\n");
    }
    return out->err;
}
