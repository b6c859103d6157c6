/* The Markdown form, for pasting into a memo or an issue: the warnings first,
 * the tables in Dutch notation, then the parameters. Text is escaped so that
 * a name or a note can never become markup (a link, HTML, emphasis). */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "spreiding/diag.h"
#include "spreiding/write.h"
#include "out.h"

static void text(sw_out *o, const char *s)
{
    for (const char *start = s; *s; s++) {
        /* Markdown's own characters, and what GitHub would turn into a link
         * or a mention: '@', the ':' of "https://", the '.' of "www." */
        bool link = *s == '@' || (*s == ':' && s[1] == '/' && s[2] == '/') ||
                    (*s == '.' && s - start >= 3 && strncasecmp(s - 3, "www", 3) == 0);
        if (link || strchr("\\`*_[]<>|&~#!", *s))
            sw__out_put(o, "\\", 1);
        if (*s == '\n' || *s == '\r')
            sw__out_put(o, " ", 1);
        else
            sw__out_put(o, s, 1);
    }
}

static bool numeric(sw_kind k)
{
    return k == SW_KIND_COUNT || k == SW_KIND_MONEY || k == SW_KIND_PERCENT || k == SW_KIND_SHARE ||
           k == SW_KIND_DECIMAL || k == SW_KIND_RATIO;
}

static void row(sw_out *o, const sw_table *t, const sw_value *cells, bool total)
{
    sw__out_puts(o, "|");
    bool first = true;
    for (size_t c = 0; c < t->ncols; c++) {
        if (t->col[c].role & SW_ROLE_EXACT)
            continue;
        char tmp[128];
        sw__out_puts(o, " ");
        if (!cells)
            text(o, t->col[c].title);
        else if (total && first)
            sw__out_puts(o, "**Totaal**");
        else
            text(o, sw_format_human(tmp, sizeof tmp, &t->col[c], &cells[c]));
        sw__out_puts(o, " |");
        first = false;
    }
    sw__out_puts(o, "\n");
}

static int table(sw_out *o, const sw_table *t, sw_value *cells, sw_scratch *s)
{
    sw__out_puts(o, "\n## ");
    text(o, t->title);
    sw__out_puts(o, "\n\n");
    row(o, t, NULL, false);
    sw__out_puts(o, "|");
    for (size_t c = 0; c < t->ncols; c++)
        if (!(t->col[c].role & SW_ROLE_EXACT))
            sw__out_puts(o, numeric(t->col[c].kind) ? "---:|" : "---|");
    sw__out_puts(o, "\n");
    for (size_t k = 0; k < t->nrows; k++) {
        int rc = sw_table_row(t, k, cells, s);
        if (rc != 0)
            return rc;
        row(o, t, cells, false);
        if (o->err)
            return o->err;
    }
    if (t->totals) {
        int rc = sw_table_totals(t, cells, s);
        if (rc != 0)
            return rc;
        row(o, t, cells, true);
    }
    return 0;
}

static void params(sw_out *o, const sw_report *r, bool appendix)
{
    bool any = false;
    for (size_t i = 0; i < r->nmeta; i++) {
        const sw_meta *m = &r->meta[i];
        if (m->appendix != appendix)
            continue;
        if (!any)
            sw__out_puts(o, "\n| parameter | waarde |\n|---|---|\n");
        any = true;
        char tmp[128];
        sw_column c = {.kind = m->kind, .places = -1};
        sw__out_puts(o, "| ");
        text(o, m->label);
        sw__out_puts(o, " | ");
        text(o, m->human ? m->human : sw_format_human(tmp, sizeof tmp, &c, &m->value));
        sw__out_puts(o, " |\n");
    }
}

static void notes(sw_out *o, const sw_report *r, sw_note_kind kind, const char *heading)
{
    bool any = false;
    for (size_t i = 0; i < r->nnotes; i++)
        if (r->note[i].kind == kind) {
            if (!any)
                sw__out_printf(o, "\n**%s**\n\n", heading);
            any = true;
            sw__out_puts(o, "- ");
            text(o, r->note[i].text);
            sw__out_puts(o, "\n");
        }
}

int sw_write_markdown(const sw_sink *sink, const sw_report *r, const sw_write_options *opt)
{
    assert(sink && r);
    sw_write_options none = SW_WRITE_OPTIONS_INIT;
    const sw_write_options *wo = opt ? opt : &none;
    for (const char *const *t = wo->tables; t && *t; t++)
        if (sw_report_table_index(r, *t) < 0)
            return SW_EUSAGE;
    size_t maxcols = 1;
    for (size_t k = 0; k < r->ntables; k++)
        if (r->table[k].ncols > maxcols)
            maxcols = r->table[k].ncols;
    sw_out *o = sw__out_new(sink);
    sw_value *cells = malloc(maxcols * sizeof *cells);
    sw_scratch *s = malloc(sizeof *s);
    int rc = o && cells && s ? 0 : SW_ENOMEM;
    if (rc == 0) {
        sw__out_puts(o, "# ");
        text(o, r->title);
        sw__out_puts(o, "\n");
        if (r->scenario) {
            sw__out_puts(o, "\n**SCENARIO:** ");
            text(o, r->scenario);
            sw__out_puts(o, "\n");
        }
        notes(o, r, SW_NOTE_WARNING, "Let op:");
    }
    /* The answer first; how it was computed after it, as in the HTML
     * page's appendix. */
    for (size_t k = 0; rc == 0 && k < r->ntables; k++)
        if (sw_write_options_wants(wo, r->table[k].key))
            rc = table(o, &r->table[k], cells, s);
    if (rc == 0) {
        sw__out_puts(o, "\n## Parameters, bronnen en invoer\n");
        params(o, r, false);
        notes(o, r, SW_NOTE_INFO, "Verder:");
        params(o, r, true);
    }
    free(cells);
    free(s);
    return sw__out_end(o, rc);
}
