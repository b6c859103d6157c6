/* A bare CSV table with minimal quoting (libcsv's writer quotes every field,
 * which is valid but hard to read and to diff). */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/diag.h"
#include "spreiding/write.h"
#include "out.h"
#include "util.h"

static void field(sw_out *o, const char *s, char delim, bool formula_guard)
{
    /* A spreadsheet runs a text cell that starts like a formula: a leading '
     * makes it text again (only text cells get here: numbers never do). */
    bool guard = formula_guard && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
                                   s[0] == '\t' || s[0] == '\r');
    bool quote = s[0] == ' ' || (s[0] && s[strlen(s) - 1] == ' ');
    for (const char *p = s; *p && !quote; p++)
        quote = *p == delim || *p == '"' || *p == '\n' || *p == '\r';
    if (!quote && !guard) {
        sw__out_puts(o, s);
        return;
    }
    if (quote)
        sw__out_put(o, "\"", 1);
    if (guard)
        sw__out_put(o, "'", 1);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            sw__out_put(o, "\"", 1);
        sw__out_put(o, p, 1);
    }
    if (quote)
        sw__out_put(o, "\"", 1);
}

static bool is_text(const sw_column *c, const sw_value *v)
{
    int places;
    sw_rounding rounding;
    sw_kind k = sw_value_kind(c, v, &places, &rounding);
    return k == SW_KIND_TEXT || k == SW_KIND_CODE || k == SW_KIND_NAME;
}

int sw_write_csv(const sw_sink *sink, const sw_report *r, const sw_write_options *opt)
{
    assert(sink && r);
    sw_write_options none = SW_WRITE_OPTIONS_INIT;
    const sw_write_options *o = opt ? opt : &none;
    long ti = o->tables && o->tables[0] ? sw_report_table_index(r, o->tables[0]) : 0;
    if (ti < 0 || (size_t)ti >= r->ntables)
        return SW_EUSAGE;
    const sw_table *t = &r->table[ti];
    char delim = o->delimiter ? o->delimiter : ',';
    char decimal = o->decimal ? o->decimal : '.';
    sw_out *out = sw__out_new(sink);
    sw_value *cells = sw__array(t->ncols, sizeof *cells);
    sw_scratch *scratch = malloc(sizeof *scratch);
    int rc = out && cells && scratch ? 0 : SW_ENOMEM;
    if (rc == 0 && o->spreadsheet)
        sw__out_puts(out, "\xEF\xBB\xBF");
    bool first = true;
    for (size_t c = 0; rc == 0 && c < t->ncols; c++) {
        if (t->col[c].role & SW_ROLE_EXACT)
            continue;
        if (!first)
            sw__out_put(out, &delim, 1);
        field(out, t->col[c].name, delim, false);
        first = false;
    }
    if (rc == 0 && r->scenario) { /* §7.15 */
        sw__out_put(out, &delim, 1);
        sw__out_puts(out, "scenario");
    }
    if (rc == 0)
        sw__out_puts(out, "\n");
    for (size_t k = 0; rc == 0 && k < t->nrows; k++) {
        rc = sw_table_row(t, k, cells, scratch);
        first = true;
        for (size_t c = 0; rc == 0 && c < t->ncols; c++) {
            if (t->col[c].role & SW_ROLE_EXACT)
                continue;
            char tmp[128];
            if (!first)
                sw__out_put(out, &delim, 1);
            field(out, sw_format_machine(tmp, sizeof tmp, &t->col[c], &cells[c], decimal), delim,
                  o->spreadsheet && is_text(&t->col[c], &cells[c]));
            first = false;
        }
        if (rc == 0 && r->scenario) {
            sw__out_put(out, &delim, 1);
            field(out, r->scenario, delim, o->spreadsheet);
        }
        if (rc == 0 && out->err)
            rc = out->err;
        sw__out_puts(out, "\n");
    }
    free(cells);
    free(scratch);
    return sw__out_end(out, rc);
}
