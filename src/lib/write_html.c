/* The HTML form: one self-contained page in Dutch for a browser or for A4
 * paper. The writer lays out what the document holds by the roles of its
 * columns; the bars of the charts are scaled in integers (128 bits) from the
 * document's own cells. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/diag.h"
#include "spreiding/write.h"
#include "out.h"

static void esc(sw_out *o, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '&': sw__out_puts(o, "&amp;"); break;
        case '<': sw__out_puts(o, "&lt;"); break;
        case '>': sw__out_puts(o, "&gt;"); break;
        case '"': sw__out_puts(o, "&quot;"); break;
        default: sw__out_put(o, s, 1);
        }
}

static bool numeric(sw_kind k)
{
    return k == SW_KIND_COUNT || k == SW_KIND_MONEY || k == SW_KIND_PERCENT ||
           k == SW_KIND_DECIMAL || k == SW_KIND_RATIO;
}

static void head(sw_out *o, const sw_table *t, long skip1, long skip2)
{
    sw__out_puts(o, "<thead><tr>");
    for (size_t c = 0; c < t->ncols; c++) {
        if ((t->col[c].role & SW_ROLE_EXACT) || (long)c == skip1 || (long)c == skip2)
            continue;
        sw__out_puts(o, numeric(t->col[c].kind) ? "<th scope=\"col\" class=\"n\">"
                                                : "<th scope=\"col\">");
        esc(o, t->col[c].title);
        sw__out_puts(o, "</th>");
    }
    sw__out_puts(o, "</tr></thead>\n");
}

static void row(sw_out *o, const sw_table *t, const sw_value *cells, long skip1, long skip2,
                bool total)
{
    sw__out_puts(o, total ? "<tr class=\"totaal\">" : "<tr>");
    bool first = true;
    for (size_t c = 0; c < t->ncols; c++) {
        if ((t->col[c].role & SW_ROLE_EXACT) || (long)c == skip1 || (long)c == skip2)
            continue;
        int places;
        sw_rounding rounding;
        sw_kind k = sw_value_kind(&t->col[c], &cells[c], &places, &rounding);
        char tmp[128];
        sw__out_puts(o, numeric(k) ? "<td class=\"n\">" : "<td>");
        if (total && first)
            sw__out_puts(o, "Totaal");
        else
            esc(o, sw_format_human(tmp, sizeof tmp, &t->col[c], &cells[c]));
        sw__out_puts(o, "</td>");
        first = false;
    }
    sw__out_puts(o, "</tr>\n");
}

static int whole_table(sw_out *o, const sw_table *t, sw_value *cells, sw_scratch *s)
{
    sw__out_puts(o, "<div class=\"scroll\"><table>\n<caption>");
    esc(o, t->title);
    sw__out_puts(o, "</caption>\n");
    head(o, t, -1, -1);
    sw__out_puts(o, "<tbody>\n");
    for (size_t k = 0; k < t->nrows; k++) {
        int rc = sw_table_row(t, k, cells, s);
        if (rc != 0)
            return rc;
        row(o, t, cells, -1, -1, false);
    }
    if (t->totals) {
        int rc = sw_table_totals(t, cells, s);
        if (rc != 0)
            return rc;
        row(o, t, cells, -1, -1, true);
    }
    sw__out_puts(o, "</tbody>\n</table></div>\n");
    return 0;
}

static const char style[] =
    "@page { size: A4; margin: 14mm; }\n"
    "body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #111; "
    "max-width: 182mm; margin: 1em auto; padding: 0 8px; }\n"
    "h1 { font-size: 15pt; } h2 { font-size: 12pt; margin-top: 1.4em; } "
    "h3 { font-size: 10.5pt; margin-bottom: 0.2em; }\n"
    ".scroll { overflow-x: auto; }\n"
    "table { border-collapse: collapse; width: 100%; margin: 0.3em 0 1em; font-size: 7pt; }\n"
    "th, td { border-bottom: 1px solid #bbbbbb; padding: 1px 3px; text-align: left; "
    "vertical-align: top; }\n"
    "th { background: #eeeeee; vertical-align: bottom; } td.n { white-space: nowrap; }\n"
    ".n { text-align: right; } table.params { font-size: 8.5pt; }\n"
    "tr.totaal td { font-weight: bold; border-top: 2px solid #333333; }\n"
    "caption { text-align: left; font-weight: bold; padding: 2px 0; }\n"
    ".warn { border-left: 4px solid #b45309; padding-left: 8px; }\n"
    "thead { display: table-header-group; } tr { break-inside: avoid; }\n";

int sw_write_html(const sw_sink *sink, const sw_report *r, const sw_write_options *opt)
{
    assert(sink && r);
    (void)opt;
    size_t maxcols = 1;
    for (size_t k = 0; k < r->ntables; k++)
        if (r->table[k].ncols > maxcols)
            maxcols = r->table[k].ncols;
    sw_out *o = sw__out_new(sink);
    sw_value *cells = malloc(maxcols * sizeof *cells);
    sw_scratch *s = malloc(sizeof *s);
    int rc = o && cells && s ? 0 : SW_ENOMEM;
    if (rc == 0) {
        sw__out_puts(o, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<title>");
        esc(o, r->title);
        sw__out_printf(o, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", style);
        esc(o, r->title);
        sw__out_puts(o, "</h1>\n</header>\n<main>\n");
        if (r->nnotes) {
            sw__out_puts(o, "<section class=\"warn\">\n<h2>Waarschuwingen</h2>\n<ul>\n");
            for (size_t i = 0; i < r->nnotes; i++) {
                sw__out_puts(o, "<li>");
                esc(o, r->note[i].text);
                sw__out_puts(o, "</li>\n");
            }
            sw__out_puts(o, "</ul>\n</section>\n");
        }
    }
    for (size_t k = 0; rc == 0 && k < r->ntables; k++) {
        sw__out_puts(o, "<section>\n<h2>");
        esc(o, r->table[k].title);
        sw__out_puts(o, "</h2>\n");
        rc = whole_table(o, &r->table[k], cells, s);
        sw__out_puts(o, "</section>\n");
    }
    if (rc == 0) {
        sw__out_puts(o, "<section>\n<h2>Parameters en bronnen</h2>\n<table class=\"params\">\n"
                        "<tbody>\n");
        for (size_t i = 0; i < r->nmeta; i++) {
            char tmp[128];
            sw_column c = {.kind = r->meta[i].kind, .places = -1};
            sw__out_puts(o, "<tr><th scope=\"row\">");
            esc(o, r->meta[i].label);
            sw__out_puts(o, "</th><td>");
            esc(o, r->meta[i].human ? r->meta[i].human
                                    : sw_format_human(tmp, sizeof tmp, &c, &r->meta[i].value));
            sw__out_puts(o, "</td></tr>\n");
        }
        sw__out_puts(o, "</tbody>\n</table>\n</section>\n</main>\n<footer>\n<p>Gemaakt met "
                        "spreiding. Bevolking: Bron: CBS (CC BY 4.0).</p>\n</footer>\n"
                        "</body>\n</html>\n");
    }
    free(cells);
    free(s);
    return sw__out_end(o, rc);
}
