/* The HTML form: one self-contained page in Dutch for a browser or for A4
 * paper. The writer only lays out what the document holds; the bars of the
 * charts are scaled in integers from the document's own cells. */
#include <assert.h>
#include <string.h>

#include "report_build.h"

static void esc(sw_buf *b, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '&': sw_buf_puts(b, "&amp;"); break;
        case '<': sw_buf_puts(b, "&lt;"); break;
        case '>': sw_buf_puts(b, "&gt;"); break;
        case '"': sw_buf_puts(b, "&quot;"); break;
        default: sw_buf_append(b, s, 1);
        }
}

/* A cell as Dutch readers write it: decimal comma; amounts with a euro sign
 * where they stand alone (in tables the column header carries it). */
static void cell_text(sw_buf *b, const sw_cell *c, bool euro)
{
    char tmp[64];
    if (c->type == SW_CELL_MONEY && euro)
        sw_buf_puts(b, "\xE2\x82\xAC\xC2\xA0"); /* "€" and a no-break space */
    esc(b, rb_cell_text(c, ',', tmp));
}

static long col_index(const sw_table *t, const char *name)
{
    for (size_t c = 0; c < t->ncols; c++)
        if (strcmp(t->col[c].name, name) == 0)
            return (long)c;
    return -1;
}

static const sw_cell *meta_value(const sw_report *r, const char *key)
{
    for (size_t i = 0; i < r->nmeta; i++)
        if (strcmp(r->meta[i].key, key) == 0)
            return &r->meta[i].value;
    return NULL;
}

static void table_head(sw_buf *b, const sw_table *t, const sw_cell *probe, long skip1, long skip2)
{
    sw_buf_puts(b, "<thead><tr>");
    for (size_t c = 0; c < t->ncols; c++) {
        if (!rb_col_visible(&t->col[c]) || (long)c == skip1 || (long)c == skip2)
            continue;
        sw_buf_puts(b, probe && rb_cell_numeric(&probe[c]) ? "<th scope=\"col\" class=\"n\">"
                                                           : "<th scope=\"col\">");
        /* "potentieel_lid3" as "potentieel lid3": a header may wrap. */
        for (const char *p = t->col[c].name; *p; p++)
            sw_buf_append(b, *p == '_' ? " " : p, 1);
        if (probe && probe[c].type == SW_CELL_MONEY)
            sw_buf_puts(b, " (\xE2\x82\xAC)");
        sw_buf_puts(b, "</th>");
    }
    sw_buf_puts(b, "</tr></thead>\n");
}

static void table_row(sw_buf *b, const sw_table *t, const sw_cell *row, long skip1, long skip2)
{
    sw_buf_puts(b, "<tr>");
    for (size_t c = 0; c < t->ncols; c++) {
        if (!rb_col_visible(&t->col[c]) || (long)c == skip1 || (long)c == skip2)
            continue;
        sw_buf_puts(b, rb_cell_numeric(&row[c]) ? "<td class=\"n\">" : "<td>");
        cell_text(b, &row[c], false);
        sw_buf_puts(b, "</td>");
    }
    sw_buf_puts(b, "</tr>\n");
}

static void whole_table(sw_buf *b, const sw_table *t)
{
    sw_buf_puts(b, "<table>\n<caption>");
    esc(b, t->title);
    sw_buf_puts(b, "</caption>\n");
    table_head(b, t, t->nrows ? t->cell : NULL, -1, -1);
    sw_buf_puts(b, "<tbody>\n");
    for (size_t i = 0; i < t->nrows; i++)
        table_row(b, t, &t->cell[i * t->ncols], -1, -1);
    sw_buf_puts(b, "</tbody>\n</table>\n");
}

/* A horizontal chart: the opgave as an outlined bar, the counted places as a
 * filled one, the threshold as a dashed line and 100 % as a solid one, each
 * labelled in words so that it reads in black and white too. */
static void chart(sw_buf *b, int64_t opgave, int64_t geteld, int64_t drempel, const char *naam)
{
    const int64_t left = 10, width = 560;
    int64_t max = opgave > geteld ? opgave : geteld;
    if (max <= 0)
        max = 1;
    int64_t x_opgave = left + opgave * width / max, x_geteld = left + geteld * width / max;
    int64_t x_drempel = left + opgave * drempel / 100 * width / max;
    sw_buf_printf(b, "<svg class=\"chart\" viewBox=\"0 0 600 80\" width=\"600\" height=\"80\" "
                     "role=\"img\" aria-label=\"");
    esc(b, naam);
    sw_buf_printf(b, ": %lld van %lld plaatsen geteld\">\n", (long long)geteld,
                  (long long)opgave);
    sw_buf_printf(b, "<rect x=\"%lld\" y=\"14\" width=\"%lld\" height=\"18\" fill=\"#ffffff\" "
                     "stroke=\"#333333\"/>\n",
                  (long long)left, (long long)(x_opgave - left));
    sw_buf_printf(b, "<text x=\"%lld\" y=\"11\">opgave %lld</text>\n", (long long)left,
                  (long long)opgave);
    sw_buf_printf(b, "<rect x=\"%lld\" y=\"38\" width=\"%lld\" height=\"18\" fill=\"#1f4e79\"/>\n",
                  (long long)left, (long long)(x_geteld - left));
    sw_buf_printf(b, "<text x=\"%lld\" y=\"70\">geteld %lld</text>\n", (long long)left,
                  (long long)geteld);
    sw_buf_printf(b, "<line x1=\"%lld\" y1=\"8\" x2=\"%lld\" y2=\"60\" stroke=\"#b45309\" "
                     "stroke-width=\"2\" stroke-dasharray=\"4 3\"/>\n",
                  (long long)x_drempel, (long long)x_drempel);
    sw_buf_printf(b, "<text x=\"%lld\" y=\"70\" text-anchor=\"middle\">%lld%%</text>\n",
                  (long long)x_drempel, (long long)drempel);
    sw_buf_printf(b, "<line x1=\"%lld\" y1=\"8\" x2=\"%lld\" y2=\"60\" stroke=\"#000000\" "
                     "stroke-width=\"2\"/>\n",
                  (long long)x_opgave, (long long)x_opgave);
    sw_buf_printf(b, "<text x=\"%lld\" y=\"78\" text-anchor=\"end\">100%%</text>\n</svg>\n",
                  (long long)x_opgave);
}

static const char style[] =
    "@page { size: A4; margin: 14mm; }\n"
    "body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #111; "
    "max-width: 182mm; margin: 1em auto; }\n"
    "h1 { font-size: 15pt; } h2 { font-size: 12pt; margin-top: 1.4em; } "
    "h3 { font-size: 10.5pt; margin-bottom: 0.2em; }\n"
    "table { border-collapse: collapse; width: 100%; margin: 0.3em 0 1em; font-size: 7pt; }\n"
    "th, td { border-bottom: 1px solid #bbbbbb; padding: 1px 3px; text-align: left; "
    "vertical-align: top; }\n"
    "th { background: #eeeeee; vertical-align: bottom; } td.n { white-space: nowrap; }\n"
    ".n { text-align: right; } table.params { font-size: 8.5pt; }\n"
    "caption { text-align: left; font-weight: bold; padding: 2px 0; }\n"
    "table.params th { width: 38%; font-weight: normal; }\n"
    ".warn { border-left: 4px solid #b45309; padding-left: 8px; }\n"
    ".provincie { break-inside: avoid-page; } thead { display: table-header-group; }\n"
    "tr { break-inside: avoid; } svg text { font-size: 9px; font-family: sans-serif; }\n"
    ".chart { display: block; max-width: 100%; height: auto; }\n"
    ".status { font-weight: bold; }\n";

int sw_write_html(sw_buf *b, const sw_report *r)
{
    assert(b && r);
    sw_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<title>");
    esc(b, r->title);
    sw_buf_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", style);
    esc(b, r->title);
    sw_buf_puts(b, "</h1>\n</header>\n<main>\n<section>\n<h2>Parameters en bronnen</h2>\n"
                   "<table class=\"params\">\n<tbody>\n");
    for (size_t i = 0; i < r->nmeta; i++) {
        sw_buf_puts(b, "<tr><th scope=\"row\">");
        esc(b, r->meta[i].label);
        sw_buf_puts(b, "</th><td>");
        cell_text(b, &r->meta[i].value, true);
        sw_buf_puts(b, "</td></tr>\n");
    }
    sw_buf_puts(b, "</tbody>\n</table>\n</section>\n");
    if (r->nnotes) {
        sw_buf_puts(b, "<section class=\"warn\">\n<h2>Waarschuwingen</h2>\n<ul>\n");
        for (size_t i = 0; i < r->nnotes; i++) {
            sw_buf_puts(b, "<li>");
            esc(b, r->notes[i]);
            sw_buf_puts(b, "</li>\n");
        }
        sw_buf_puts(b, "</ul>\n</section>\n");
    }
    long pi = sw_report_table_index(r, "provincies"), gi = sw_report_table_index(r, "gemeenten");
    const sw_table *pt = pi >= 0 ? &r->table[pi] : NULL, *gt = gi >= 0 ? &r->table[gi] : NULL;
    long p_code = pt ? col_index(pt, "provinciecode") : -1;
    long p_naam = pt ? col_index(pt, "provincie") : -1;
    long p_opgave = pt ? col_index(pt, "opgave") : -1, p_geteld = pt ? col_index(pt, "geteld") : -1;
    long p_gehaald = pt ? col_index(pt, "drempel_gehaald") : -1;
    long g_code = gt ? col_index(gt, "provinciecode") : -1;
    long g_naam = gt ? col_index(gt, "provincie") : -1;
    const sw_cell *drempel = meta_value(r, "drempel_pct");
    bool charts = pt && p_code >= 0 && p_naam >= 0 && p_opgave >= 0 && p_geteld >= 0;
    if (pt) {
        sw_buf_puts(b, "<section>\n<h2>Landelijk overzicht</h2>\n");
        whole_table(b, pt);
        sw_buf_puts(b, "</section>\n");
    }
    if (charts) {
        sw_buf_puts(b, "<section>\n<h2>Per provincie</h2>\n");
        for (size_t k = 0; k < pt->nrows; k++) {
            const sw_cell *row = &pt->cell[k * pt->ncols];
            const char *code = row[p_code].text, *naam = row[p_naam].text;
            int64_t opgave = row[p_opgave].i, geteld = row[p_geteld].i;
            sw_buf_puts(b, "<section class=\"provincie\">\n<h3>");
            esc(b, code);
            sw_buf_puts(b, " ");
            esc(b, naam);
            sw_buf_puts(b, "</h3>\n");
            chart(b, opgave, geteld, drempel && drempel->type == SW_CELL_INT ? drempel->i : 75,
                  naam);
            sw_buf_printf(b, "<p>Geteld %lld van een opgave van %lld plaatsen.", (long long)geteld,
                          (long long)opgave);
            if (p_gehaald >= 0)
                sw_buf_printf(b, " <span class=\"status\">Drempel %s.</span>",
                              row[p_gehaald].i ? "gehaald" : "niet gehaald");
            sw_buf_puts(b, "</p>\n");
            if (gt && g_code >= 0) {
                size_t n = 0;
                for (size_t i = 0; i < gt->nrows; i++)
                    n += strcmp(gt->cell[i * gt->ncols + g_code].text, code) == 0;
                sw_buf_puts(b, "<table>\n<caption>Gemeenten van ");
                esc(b, naam);
                sw_buf_printf(b, " (%zu)</caption>\n", n);
                table_head(b, gt, gt->nrows ? gt->cell : NULL, g_code, g_naam);
                sw_buf_puts(b, "<tbody>\n");
                for (size_t i = 0; i < gt->nrows; i++)
                    if (strcmp(gt->cell[i * gt->ncols + g_code].text, code) == 0)
                        table_row(b, gt, &gt->cell[i * gt->ncols], g_code, g_naam);
                sw_buf_puts(b, "</tbody>\n</table>\n");
            }
            sw_buf_puts(b, "</section>\n");
        }
        sw_buf_puts(b, "</section>\n");
    }
    for (size_t t = 0; t < r->ntables; t++)
        if ((long)t != pi && !((long)t == gi && charts)) {
            sw_buf_puts(b, "<section>\n<h2>");
            esc(b, r->table[t].title);
            sw_buf_puts(b, "</h2>\n");
            whole_table(b, &r->table[t]);
            sw_buf_puts(b, "</section>\n");
        }
    sw_buf_puts(b, "</main>\n<footer>\n<p>Gemaakt met spreiding. Bevolking: Bron: CBS (CC BY "
                   "4.0).</p>\n</footer>\n</body>\n</html>\n");
    return b->err;
}
