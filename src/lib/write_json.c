/* The JSON form: everything, with the exact values (integers, cents,
 * fractions as "num/den") beside the rounded ones. It is written as it goes
 * (a sweep's million rows never become one tree), laid out as jansson's
 * JSON_INDENT(2) would, and every string and real goes through jansson, so
 * escaping and number syntax are jansson's. Rounded decimals are JSON numbers
 * with at most 15 significant digits, which every IEEE double carries
 * exactly through a parse and a print. */
#include <assert.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/diag.h"
#include "spreiding/write.h"
#include "out.h"
#include "util.h"

static void scalar(sw_out *o, json_t *v)
{
    if (!v) {
        o->err = SW_ENOMEM;
        return;
    }
    char small[256];
    size_t n = json_dumpb(v, small, sizeof small, JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
    /* Every JSON text has at least one character: 0 is jansson failing to
     * allocate inside the dump. */
    if (n == 0) {
        o->err = SW_ENOMEM;
    } else if (n <= sizeof small) {
        sw__out_put(o, small, n);
    } else {
        char *big = json_dumps(v, JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
        if (big)
            sw__out_puts(o, big);
        else
            o->err = SW_ENOMEM;
        free(big);
    }
    json_decref(v);
}

/* jansson refuses text that is not UTF-8 (and says so only by NULL, as it
 * does for a failed allocation): every string a report holds is UTF-8, but
 * should one not be, its stray bytes become U+FFFD rather than the run an
 * "out of memory". */
static json_t *utf8_string(const char *s)
{
    json_t *v = json_string(s);
    if (v)
        return v;
    size_t n = strlen(s);
    char *fixed = malloc(3 * n + 1);
    if (!fixed)
        return NULL;
    size_t o = 0;
    for (size_t i = 0, k; i < n; i += k) {
        uint32_t cp = sw__utf8_next(s + i, n - i, &k);
        if (k == 1 && cp >= 0x80) {
            memcpy(fixed + o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            memcpy(fixed + o, s + i, k);
            o += k;
        }
    }
    fixed[o] = '\0';
    v = json_string(fixed);
    free(fixed);
    return v;
}

static void string(sw_out *o, const char *s)
{
    scalar(o, utf8_string(s ? s : ""));
}

static void key(sw_out *o, int indent, const char *k)
{
    sw__out_printf(o, "%*s", indent, "");
    string(o, k);
    sw__out_puts(o, ": ");
}

/* A value by its kind; money also as NAME_cent (§7.9). */
static void member(sw_out *o, int indent, bool *first, const char *name, const sw_column *c,
                   const sw_value *v)
{
    sw__out_puts(o, *first ? "\n" : ",\n");
    *first = false;
    key(o, indent, name);
    int places;
    sw_rounding rounding;
    sw_kind kind = sw_value_kind(c, v, &places, &rounding);
    char tmp[128];
    if (!v->set) {
        sw__out_puts(o, "null");
    } else if (kind == SW_KIND_COUNT) {
        sw__out_printf(o, "%lld", (long long)v->i);
    } else if (kind == SW_KIND_YESNO) {
        sw__out_puts(o, v->i ? "true" : "false");
    } else if (kind == SW_KIND_MONEY) {
        scalar(o, json_real((double)v->i / 100.0));
    } else if (kind == SW_KIND_PERCENT || kind == SW_KIND_DECIMAL || kind == SW_KIND_SHARE) {
        scalar(o, json_real(strtod(sw_format_machine(tmp, sizeof tmp, c, v, '.'), NULL)));
    } else {
        string(o, sw_format_machine(tmp, sizeof tmp, c, v, '.'));
    }
    if (kind == SW_KIND_MONEY) {
        sw__out_puts(o, ",\n");
        sw__out_printf(o, "%*s", indent, "");
        char cent[160];
        snprintf(cent, sizeof cent, "%s_cent", name);
        string(o, cent);
        if (v->set)
            sw__out_printf(o, ": %lld", (long long)v->i);
        else
            sw__out_puts(o, ": null");
    }
}

static int table(sw_out *o, const sw_table *t)
{
    sw__out_puts(o, ",\n");
    key(o, 2, t->key);
    if (t->nrows == 0) {
        sw__out_puts(o, "[]");
        return 0;
    }
    sw__out_puts(o, "[");
    sw_value *cells = sw__array(t->ncols, sizeof *cells);
    sw_scratch *scratch = malloc(sizeof *scratch);
    int rc = cells && scratch ? 0 : SW_ENOMEM;
    for (size_t k = 0; rc == 0 && k < t->nrows; k++) {
        rc = sw_table_row(t, k, cells, scratch);
        sw__out_puts(o, k ? ",\n    {" : "\n    {");
        bool first = true;
        for (size_t c = 0; rc == 0 && c < t->ncols; c++)
            member(o, 6, &first, t->col[c].name, &t->col[c], &cells[c]);
        sw__out_puts(o, first ? "}" : "\n    }");
        if (rc == 0)
            rc = o->err;
    }
    sw__out_puts(o, "\n  ]");
    free(cells);
    free(scratch);
    return rc;
}

int sw_write_json(const sw_sink *sink, const sw_report *r, const sw_write_options *opt)
{
    assert(sink && r);
    sw_write_options none = SW_WRITE_OPTIONS_INIT;
    const sw_write_options *wo = opt ? opt : &none;
    for (const char *const *t = wo->tables; t && *t; t++)
        if (sw_report_table_index(r, *t) < 0)
            return SW_EUSAGE;
    sw_out *o = sw__out_new(sink);
    if (!o)
        return SW_ENOMEM;
    sw__out_puts(o, "{\n");
    key(o, 2, "titel");
    string(o, r->title);
    sw__out_puts(o, ",\n");
    key(o, 2, "parameters");
    sw__out_puts(o, "{");
    bool first = true;
    for (size_t i = 0; i < r->nmeta; i++) {
        sw_column c = {.name = r->meta[i].key, .kind = r->meta[i].kind, .places = -1};
        member(o, 4, &first, r->meta[i].key, &c, &r->meta[i].value);
    }
    if (r->scenario) {
        sw_column c = {.name = "scenario_beschrijving", .kind = SW_KIND_TEXT};
        sw_value v = {.set = true, .s = r->scenario};
        member(o, 4, &first, c.name, &c, &v);
    }
    sw__out_puts(o, first ? "}" : "\n  }");
    sw__out_puts(o, ",\n");
    key(o, 2, "opmerkingen");
    sw__out_puts(o, r->nnotes ? "[" : "[]");
    for (size_t i = 0; i < r->nnotes; i++) {
        sw__out_puts(o, i ? ",\n    " : "\n    ");
        string(o, r->note[i].text);
    }
    if (r->nnotes)
        sw__out_puts(o, "\n  ]");
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < r->ntables; k++)
        if (sw_write_options_wants(wo, r->table[k].key))
            rc = table(o, &r->table[k]);
    sw__out_puts(o, "\n}\n");
    return sw__out_end(o, rc);
}
