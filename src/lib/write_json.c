/* The JSON form: exact values (integers, fractions as "num/den") beside the
 * rounded ones. Keys keep the order of the document, so output is stable. */
#include <assert.h>
#include <stdio.h>

#include "report_build.h"

static void string(sw_buf *b, const char *s)
{
    sw_buf_puts(b, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': sw_buf_puts(b, "\\\""); break;
        case '\\': sw_buf_puts(b, "\\\\"); break;
        case '\n': sw_buf_puts(b, "\\n"); break;
        case '\r': sw_buf_puts(b, "\\r"); break;
        case '\t': sw_buf_puts(b, "\\t"); break;
        default:
            if (*p < 0x20)
                sw_buf_printf(b, "\\u%04x", *p);
            else
                sw_buf_append(b, (const char *)p, 1);
        }
    }
    sw_buf_puts(b, "\"");
}

static void value(sw_buf *b, const sw_cell *c)
{
    switch (c->type) {
    case SW_CELL_EMPTY: sw_buf_puts(b, "null"); break;
    case SW_CELL_INT: sw_buf_printf(b, "%lld", (long long)c->i); break;
    case SW_CELL_BOOL: sw_buf_puts(b, c->i ? "true" : "false"); break;
    case SW_CELL_DECIMAL: sw_buf_puts(b, c->text); break;
    case SW_CELL_MONEY: {
        char tmp[64];
        sw_format_cents(tmp, sizeof tmp, c->i, '.');
        sw_buf_puts(b, tmp);
        break;
    }
    case SW_CELL_TEXT:
    case SW_CELL_RATIO: string(b, c->text); break;
    }
}

/* "name": value, and for money also "name_cent": cents (§7.9). */
static void member(sw_buf *b, const char *name, const sw_cell *c)
{
    string(b, name);
    sw_buf_puts(b, ": ");
    value(b, c);
    if (c->type == SW_CELL_MONEY) {
        sw_buf_puts(b, ", ");
        sw_buf_printf(b, "\"%s_cent\": %lld", name, (long long)c->i);
    }
}

int sw_write_json(sw_buf *out, const sw_report *r)
{
    assert(out && r);
    sw_buf_puts(out, "{\n  \"titel\": ");
    string(out, r->title);
    sw_buf_puts(out, ",\n  \"parameters\": {");
    for (size_t i = 0; i < r->nmeta; i++) {
        sw_buf_puts(out, i ? ",\n    " : "\n    ");
        member(out, r->meta[i].key, &r->meta[i].value);
    }
    sw_buf_puts(out, r->nmeta ? "\n  },\n  \"opmerkingen\": [" : "},\n  \"opmerkingen\": [");
    for (size_t i = 0; i < r->nnotes; i++) {
        sw_buf_puts(out, i ? ",\n    " : "\n    ");
        string(out, r->notes[i]);
    }
    sw_buf_puts(out, r->nnotes ? "\n  ]" : "]");
    for (size_t k = 0; k < r->ntables; k++) {
        const sw_table *t = &r->table[k];
        sw_buf_puts(out, ",\n  ");
        string(out, t->key);
        sw_buf_puts(out, ": [");
        for (size_t i = 0; i < t->nrows; i++) {
            sw_buf_puts(out, i ? ",\n    {" : "\n    {");
            for (size_t c = 0; c < t->ncols; c++) {
                if (c)
                    sw_buf_puts(out, ", ");
                member(out, t->col[c].name, &t->cell[i * t->ncols + c]);
            }
            sw_buf_puts(out, "}");
        }
        sw_buf_puts(out, t->nrows ? "\n  ]" : "]");
    }
    sw_buf_puts(out, "\n}\n");
    return out->err;
}
