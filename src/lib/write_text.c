/* The terminal form: parameters, notes, then every table aligned in columns.
 * Widths count characters (UTF-8 code points), so Fryslân lines up. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "report_build.h"

static size_t width(const char *s)
{
    size_t w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        w += (*p & 0xC0) != 0x80;
    return w;
}

static void pad(sw_buf *b, size_t n)
{
    static const char spaces[] = "                                ";
    while (n > 0) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        sw_buf_append(b, spaces, k);
        n -= k;
    }
}

/* Word-wraps `s` at 78 columns, continuation lines indented by `indent`. */
static void wrapped(sw_buf *b, const char *s, size_t indent)
{
    size_t col = indent;
    while (*s) {
        const char *sp = strchr(s, ' ');
        size_t n = sp ? (size_t)(sp - s) : strlen(s);
        char word[512];
        size_t k = n < sizeof word - 1 ? n : sizeof word - 1;
        memcpy(word, s, k);
        word[k] = '\0';
        size_t w = width(word);
        if (col > indent && col + 1 + w > 78) {
            sw_buf_puts(b, "\n");
            pad(b, indent);
            col = indent;
        } else if (col > indent) {
            sw_buf_puts(b, " ");
            col++;
        }
        sw_buf_append(b, s, n);
        col += w;
        s += n;
        while (*s == ' ')
            s++;
    }
    sw_buf_puts(b, "\n");
}

static void row(sw_buf *b, const sw_table *t, const sw_cell *cells, const size_t *w,
                bool header)
{
    bool first = true;
    for (size_t c = 0; c < t->ncols; c++) {
        if (!rb_col_visible(&t->col[c]))
            continue;
        char tmp[64];
        const char *s = header ? t->col[c].name : rb_cell_text(&cells[c], '.', tmp);
        bool right = !header && rb_cell_numeric(&cells[c]);
        if (!first)
            sw_buf_puts(b, "  ");
        size_t sw = width(s);
        if (right)
            pad(b, w[c] - sw);
        sw_buf_puts(b, s);
        bool last = true;
        for (size_t k = c + 1; k < t->ncols; k++)
            last = last && !rb_col_visible(&t->col[k]);
        if (!right && !last)
            pad(b, w[c] - sw);
        first = false;
    }
    sw_buf_puts(b, "\n");
}

static void table(sw_buf *b, const sw_table *t)
{
    size_t *w = calloc(t->ncols ? t->ncols : 1, sizeof *w);
    if (!w) {
        b->err = SW_ENOMEM;
        return;
    }
    for (size_t c = 0; c < t->ncols; c++) {
        w[c] = width(t->col[c].name);
        for (size_t i = 0; i <= t->nrows; i++) {
            const sw_cell *cell = i < t->nrows ? &t->cell[i * t->ncols + c]
                                               : (t->total ? &t->total[c] : NULL);
            char tmp[64];
            size_t cw = cell ? width(rb_cell_text(cell, '.', tmp)) : 0;
            if (cw > w[c])
                w[c] = cw;
        }
    }
    sw_buf_printf(b, "%s\n\n", t->title);
    row(b, t, NULL, w, true);
    bool first = true;
    for (size_t c = 0; c < t->ncols; c++) {
        if (!rb_col_visible(&t->col[c]))
            continue;
        if (!first)
            sw_buf_puts(b, "  ");
        for (size_t k = 0; k < w[c]; k++)
            sw_buf_puts(b, "-");
        first = false;
    }
    sw_buf_puts(b, "\n");
    for (size_t i = 0; i < t->nrows; i++)
        row(b, t, &t->cell[i * t->ncols], w, false);
    if (t->total)
        row(b, t, t->total, w, false);
    free(w);
}

int sw_write_text(sw_buf *out, const sw_report *r)
{
    assert(out && r);
    sw_buf_printf(out, "%s\n", r->title);
    for (size_t k = width(r->title); k > 0; k--)
        sw_buf_puts(out, "=");
    sw_buf_puts(out, "\n\n");
    size_t lw = 0;
    for (size_t i = 0; i < r->nmeta; i++)
        if (width(r->meta[i].label) > lw)
            lw = width(r->meta[i].label);
    for (size_t i = 0; i < r->nmeta; i++) {
        char tmp[64];
        sw_buf_printf(out, "%s:", r->meta[i].label);
        pad(out, lw - width(r->meta[i].label) + 1);
        wrapped(out, rb_cell_text(&r->meta[i].value, '.', tmp), lw + 2);
    }
    if (r->nnotes) {
        sw_buf_puts(out, "\nLet op:\n");
        for (size_t i = 0; i < r->nnotes; i++) {
            sw_buf_puts(out, "- ");
            wrapped(out, r->notes[i], 2);
        }
    }
    for (size_t i = 0; i < r->ntables; i++) {
        sw_buf_puts(out, "\n");
        table(out, &r->table[i]);
    }
    return out->err;
}
