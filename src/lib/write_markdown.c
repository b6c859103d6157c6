/* The Markdown form, for pasting into a report or an issue. */
#include <assert.h>

#include "report_build.h"

static void cell(sw_buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            sw_buf_puts(b, "\\|");
        else if (*s == '\n' || *s == '\r')
            sw_buf_puts(b, " ");
        else
            sw_buf_append(b, s, 1);
    }
}

static void row(sw_buf *b, const sw_table *t, const sw_cell *cells)
{
    sw_buf_puts(b, "|");
    for (size_t c = 0; c < t->ncols; c++) {
        if (!rb_col_visible(&t->col[c]))
            continue;
        char tmp[64];
        sw_buf_puts(b, " ");
        cell(b, cells ? rb_cell_text(&cells[c], '.', tmp) : t->col[c].name);
        sw_buf_puts(b, " |");
    }
    sw_buf_puts(b, "\n");
}

int sw_write_markdown(sw_buf *out, const sw_report *r)
{
    assert(out && r);
    sw_buf_puts(out, "# ");
    cell(out, r->title);
    sw_buf_puts(out, "\n\n| parameter | waarde |\n|---|---|\n");
    for (size_t i = 0; i < r->nmeta; i++) {
        char tmp[64];
        sw_buf_puts(out, "| ");
        cell(out, r->meta[i].label);
        sw_buf_puts(out, " | ");
        cell(out, rb_cell_text(&r->meta[i].value, '.', tmp));
        sw_buf_puts(out, " |\n");
    }
    if (r->nnotes) {
        sw_buf_puts(out, "\n**Let op:**\n\n");
        for (size_t i = 0; i < r->nnotes; i++) {
            sw_buf_puts(out, "- ");
            cell(out, r->notes[i]);
            sw_buf_puts(out, "\n");
        }
    }
    for (size_t i = 0; i < r->ntables; i++) {
        const sw_table *t = &r->table[i];
        sw_buf_puts(out, "\n## ");
        cell(out, t->title);
        sw_buf_puts(out, "\n\n");
        row(out, t, NULL);
        sw_buf_puts(out, "|");
        const sw_cell *probe = t->nrows ? t->cell : t->total;
        for (size_t c = 0; c < t->ncols; c++)
            if (rb_col_visible(&t->col[c]))
                sw_buf_puts(out, probe && rb_cell_numeric(&probe[c]) ? "---:|" : "---|");
        sw_buf_puts(out, "\n");
        for (size_t k = 0; k < t->nrows; k++)
            row(out, t, &t->cell[k * t->ncols]);
        if (t->total)
            row(out, t, t->total);
    }
    return out->err;
}
