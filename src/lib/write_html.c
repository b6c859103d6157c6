/* The HTML form: one self-contained page in Dutch, for a browser and for A4
 * paper. The first screen is the answer: the warnings that change how to
 * read it, then per province a status against the threshold (colour, icon
 * and word, so that it survives greyscale print and colour blindness), the
 * counted places against the opgave and the money, beside the map. Then a
 * section per province (a chart, its map, its gemeenten); the parameters,
 * sources and input digests last, as an appendix.
 *
 * The writer lays out what the document holds by the roles of its columns:
 * the province table is the one keyed by a province code; its SUMMARY
 * columns make the answer, its STATUS column the verdict, its TARGET and
 * ACHIEVED columns the chart, drawn against the document's threshold. Chart
 * coordinates are integers from 128-bit products. Nothing is computed that
 * the document does not hold, but the number of provinces that meet it. */
#include <assert.h>
#include <stdio.h>
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

static long role_column(const sw_table *t, unsigned role)
{
    for (size_t c = 0; c < t->ncols; c++)
        if ((t->col[c].role & role) == role)
            return (long)c;
    return -1;
}

/* The province table: keyed by a province code. */
static long province_table(const sw_report *r)
{
    for (size_t k = 0; k < r->ntables; k++)
        if (role_column(&r->table[k], SW_ROLE_KEY | SW_ROLE_PROVINCE) >= 0)
            return (long)k;
    return -1;
}

/* A table of gemeenten: it has a province column that is not its key. */
static bool per_gemeente(const sw_table *t)
{
    long pc = role_column(t, SW_ROLE_PROVINCE);
    return pc >= 0 && !(t->col[pc].role & SW_ROLE_KEY);
}

static const sw_picture *picture(const sw_report *r, const char *where)
{
    for (size_t i = 0; i < r->npictures; i++)
        if (strcmp(r->picture[i].where, where) == 0)
            return &r->picture[i];
    return NULL;
}

/* A verdict as people read it in colour and in grey: an icon, a word. */
static void status(sw_out *o, const sw_value *v, bool province)
{
    if (!v->set)
        return;
    if (v->i)
        sw__out_puts(o, province ? "<span class=\"ok\">\xE2\x9C\x94 gehaald</span>"
                                 : "<span class=\"ok\">\xE2\x9C\x94 ja</span>");
    else
        sw__out_puts(o, province ? "<span class=\"no\">\xE2\x9C\x98 niet gehaald</span>"
                                 : "<span class=\"no\">\xE2\x80\x93 nee</span>");
}

typedef struct view {
    bool summary; /* only SUMMARY columns */
    long skip;    /* a column left out (the province of a per-province table) */
} view;

static bool shown(const sw_table *t, size_t c, const view *v)
{
    if ((t->col[c].role & SW_ROLE_EXACT) || (long)c == v->skip)
        return false;
    return !v->summary || (t->col[c].role & SW_ROLE_SUMMARY);
}

static void head(sw_out *o, const sw_table *t, const view *v)
{
    sw__out_puts(o, "<thead><tr>");
    for (size_t c = 0; c < t->ncols; c++) {
        if (!shown(t, c, v))
            continue;
        sw__out_puts(o, numeric(t->col[c].kind) ? "<th scope=\"col\" class=\"n\">"
                                                : "<th scope=\"col\">");
        esc(o, t->col[c].title);
        sw__out_puts(o, "</th>");
    }
    sw__out_puts(o, "</tr></thead>\n");
}

static void row(sw_out *o, const sw_table *t, const sw_value *cells, const view *v,
                const char *total_label, bool province_table_)
{
    sw__out_puts(o, total_label ? "<tr class=\"totaal\">" : "<tr>");
    bool first = true;
    for (size_t c = 0; c < t->ncols; c++) {
        if (!shown(t, c, v))
            continue;
        int places;
        sw_rounding rounding;
        sw_kind k = sw_value_kind(&t->col[c], &cells[c], &places, &rounding);
        char tmp[128];
        sw__out_puts(o, numeric(k) ? "<td class=\"n\">" : "<td>");
        if (total_label && first)
            esc(o, total_label);
        else if (t->col[c].role & SW_ROLE_STATUS)
            status(o, &cells[c], province_table_);
        else
            esc(o, sw_format_human(tmp, sizeof tmp, &t->col[c], &cells[c]));
        sw__out_puts(o, "</td>");
        first = false;
    }
    sw__out_puts(o, "</tr>\n");
}

/* Rows of t (those in province `only`, when given), then its totals. */
static int table(sw_out *o, const sw_table *t, const view *v, const char *caption,
                 const char *only, sw_value *cells, sw_scratch *s, bool totals)
{
    bool prov = role_column(t, SW_ROLE_KEY | SW_ROLE_PROVINCE) >= 0;
    long pc = role_column(t, SW_ROLE_PROVINCE);
    sw__out_puts(o, "<div class=\"scroll\"><table>\n");
    if (caption) {
        sw__out_puts(o, "<caption>");
        esc(o, caption);
        sw__out_puts(o, "</caption>\n");
    }
    head(o, t, v);
    sw__out_puts(o, "<tbody>\n");
    for (size_t k = 0; k < t->nrows; k++) {
        int rc = sw_table_row(t, k, cells, s);
        if (rc != 0)
            return rc;
        if (only && (pc < 0 || !cells[pc].set || strcmp(cells[pc].s, only) != 0))
            continue;
        row(o, t, cells, v, NULL, prov);
    }
    if (totals && t->totals && !only) {
        int rc = sw_table_totals(t, cells, s);
        if (rc != 0)
            return rc;
        row(o, t, cells, v, prov ? "Nederland" : "Totaal", prov);
    }
    sw__out_puts(o, "</tbody>\n</table></div>\n");
    return 0;
}

/* The chart of one province: the opgave as an outlined bar, the counted
 * places as a filled one, the threshold dashed and 100 % solid, each labelled
 * in words. Labels that would overlap are moved to another line. */
static void chart(sw_out *o, int64_t opgave, int64_t geteld, int64_t drempel, const char *naam)
{
    const sw_i128 left = 10, width = 560;
    sw_i128 max = opgave > geteld ? opgave : geteld;
    if (max <= 0)
        max = 1;
    long long x_opgave = (long long)(left + (sw_i128)opgave * width / max);
    long long x_geteld = (long long)(left + (sw_i128)geteld * width / max);
    long long x_drempel = (long long)(left + (sw_i128)opgave * drempel * width / (100 * max));
    /* The marker labels sit under the bars; when the two markers are close
     * (a province far above 100 %), the threshold's goes a line lower. */
    bool apart = x_opgave - x_drempel >= 46;
    sw__out_puts(o, "<svg class=\"chart\" viewBox=\"0 0 600 92\" role=\"img\" aria-label=\"");
    esc(o, naam);
    sw__out_printf(o, ": %lld van %lld plaatsen geteld\">\n", (long long)geteld,
                   (long long)opgave);
    sw__out_printf(o, "<rect x=\"%lld\" y=\"14\" width=\"%lld\" height=\"18\" fill=\"#ffffff\" "
                      "stroke=\"#333333\"/>\n",
                   (long long)left, x_opgave - (long long)left);
    sw__out_printf(o, "<text x=\"%lld\" y=\"11\">opgave %lld</text>\n", (long long)left,
                   (long long)opgave);
    sw__out_printf(o, "<rect x=\"%lld\" y=\"36\" width=\"%lld\" height=\"18\" fill=\"#1f4e79\"/>\n",
                   (long long)left, x_geteld - (long long)left);
    sw__out_printf(o, "<text x=\"%lld\" y=\"68\">geteld %lld</text>\n", (long long)left,
                   (long long)geteld);
    sw__out_printf(o, "<line x1=\"%lld\" y1=\"8\" x2=\"%lld\" y2=\"58\" stroke=\"#b45309\" "
                      "stroke-width=\"2\" stroke-dasharray=\"4 3\"/>\n",
                   x_drempel, x_drempel);
    sw__out_printf(o, "<text x=\"%lld\" y=\"%d\" text-anchor=\"middle\">drempel %lld%%</text>\n",
                   x_drempel, apart ? 68 : 88, (long long)drempel);
    sw__out_printf(o, "<line x1=\"%lld\" y1=\"8\" x2=\"%lld\" y2=\"58\" stroke=\"#000000\" "
                      "stroke-width=\"2\"/>\n",
                   x_opgave, x_opgave);
    sw__out_printf(o, "<text x=\"%lld\" y=\"78\" text-anchor=\"%s\">100%%</text>\n</svg>\n",
                   x_opgave, x_opgave > 560 ? "end" : "middle");
}

static const char style[] =
    "@page { size: A4; margin: 14mm 12mm; }\n"
    "* { box-sizing: border-box; }\n"
    "body { font-family: 'DejaVu Sans', Verdana, sans-serif; font-size: 10pt; color: #111; "
    "max-width: 1200px; margin: 0 auto; padding: 0 12px; line-height: 1.35; }\n"
    "h1 { font-size: 16pt; margin: 0.6em 0 0.2em; } h2 { font-size: 13pt; margin-top: 1.4em; } "
    "h3 { font-size: 11pt; margin: 1em 0 0.3em; }\n"
    ".scenario { background: #7f1d1d; color: #fff; font-weight: bold; padding: 6px 10px; "
    "position: sticky; top: 0; z-index: 2; }\n"
    ".warn { border-left: 5px solid #b45309; background: #fff7ed; padding: 4px 10px 4px 22px; "
    "margin: 0.6em 0; }\n"
    ".warn li { margin: 0.25em 0; }\n"
    ".antwoord { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }\n"
    ".antwoord .status { flex: 1 1 520px; min-width: 0; }\n"
    ".antwoord figure { flex: 0 1 440px; margin: 0; min-width: 0; }\n"
    "figure.kaart svg, svg.chart { width: 100%; height: auto; display: block; }\n"
    "figure.kaart.provincie { max-width: 560px; }\n"
    ".scroll { overflow-x: auto; max-width: 100%; }\n"
    "table { border-collapse: collapse; width: 100%; margin: 0.3em 0 0.8em; font-size: 8.5pt; }\n"
    "th, td { border-bottom: 1px solid #bbb; padding: 2px 5px; text-align: left; "
    "vertical-align: top; }\n"
    "th { background: #eee; vertical-align: bottom; } td.n { white-space: nowrap; }\n"
    ".n { text-align: right; }\n"
    "tr.totaal td { font-weight: bold; border-top: 2px solid #333; }\n"
    "caption { text-align: left; font-weight: bold; padding: 2px 0; }\n"
    ".ok { color: #14532d; font-weight: bold; white-space: nowrap; }\n"
    ".no { color: #9a3412; font-weight: bold; white-space: nowrap; }\n"
    ".kern { font-size: 10.5pt; }\n"
    "svg.chart text { font-size: 11px; font-family: 'DejaVu Sans', sans-serif; }\n"
    "section.provincie { border-top: 1px solid #999; }\n"
    ".bijlage table { font-size: 8pt; } .bijlage td { word-break: break-word; }\n"
    "footer { font-size: 8pt; color: #444; margin: 2em 0 1em; }\n"
    "thead { display: table-header-group; } tr { break-inside: avoid; }\n"
    "@media (max-width: 600px) { body { font-size: 9pt; padding: 0 6px; } "
    "h1 { font-size: 13pt; } .warn { padding: 2px 6px 2px 16px; font-size: 8.5pt; } "
    "table { font-size: 8pt; } .antwoord figure { flex-basis: 100%; } }\n"
    "@media print { body { max-width: none; padding: 0; font-size: 9pt; } "
    "#per-provincie { break-before: page; } "
    "section.provincie { break-before: page; border: 0; } "
    "#per-provincie section.provincie:first-of-type { break-before: avoid; } "
    ".antwoord .status { flex: 1 1 55%; } .antwoord figure { flex: 1 1 40%; } "
    ".scroll { overflow: visible; } }\n";

static void notes(sw_out *o, const sw_report *r, sw_note_kind kind, const char *heading,
                  const char *cls)
{
    bool any = false;
    for (size_t i = 0; i < r->nnotes; i++) {
        if (r->note[i].kind != kind)
            continue;
        if (!any)
            sw__out_printf(o, "<section class=\"%s\">\n<h2>%s</h2>\n<ul>\n", cls, heading);
        any = true;
        sw__out_puts(o, "<li>");
        esc(o, r->note[i].text);
        sw__out_puts(o, "</li>\n");
    }
    if (any)
        sw__out_puts(o, "</ul>\n</section>\n");
}

static void params(sw_out *o, const sw_report *r)
{
    sw__out_puts(o, "<div class=\"scroll\"><table class=\"params\">\n<tbody>\n");
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < r->nmeta; i++) {
            const sw_meta *m = &r->meta[i];
            if (m->appendix != (pass == 1))
                continue;
            char tmp[128];
            sw_column c = {.kind = m->kind, .places = -1};
            sw__out_puts(o, "<tr><th scope=\"row\">");
            esc(o, m->label);
            sw__out_puts(o, "</th><td>");
            const char *v = m->human ? m->human : sw_format_human(tmp, sizeof tmp, &c, &m->value);
            esc(o, v[0] ? v : "-");
            sw__out_puts(o, "</td></tr>\n");
        }
    sw__out_puts(o, "</tbody>\n</table></div>\n");
}

/* One sentence for the country: counted against the opgave, how many
 * provinces meet the threshold, and the money. */
static int national(sw_out *o, const sw_table *t, sw_value *cells, sw_scratch *s)
{
    long target = role_column(t, SW_ROLE_TARGET), achieved = role_column(t, SW_ROLE_ACHIEVED);
    long verdict = role_column(t, SW_ROLE_STATUS);
    size_t met = 0;
    for (size_t k = 0; verdict >= 0 && k < t->nrows; k++) {
        int rc = sw_table_row(t, k, cells, s);
        if (rc != 0)
            return rc;
        met += cells[verdict].set && cells[verdict].i;
    }
    int rc = sw_table_totals(t, cells, s);
    if (rc != 0 || target < 0 || achieved < 0)
        return rc;
    char a[128], b[128];
    sw__out_puts(o, "<p class=\"kern\"><strong>Nederland:</strong> ");
    esc(o, sw_format_human(a, sizeof a, &t->col[achieved], &cells[achieved]));
    sw__out_puts(o, " plaatsen geteld van een opgave van ");
    esc(o, sw_format_human(b, sizeof b, &t->col[target], &cells[target]));
    if (verdict >= 0)
        sw__out_printf(o, "; %zu van de %zu provincies halen de drempel", met, t->nrows);
    for (size_t c = 0; c < t->ncols; c++)
        if (t->col[c].kind == SW_KIND_MONEY && (t->col[c].role & SW_ROLE_SUMMARY) &&
            cells[c].set) {
            sw__out_puts(o, "; ");
            esc(o, t->col[c].title);
            sw__out_puts(o, ": ");
            esc(o, sw_format_human(a, sizeof a, &t->col[c], &cells[c]));
        }
    sw__out_puts(o, ".</p>\n");
    return 0;
}

/* A section per province: its verdict, chart, map and gemeenten. */
static int provinces(sw_out *o, const sw_report *r, const sw_table *pt, sw_value *cells,
                     sw_value *gcells, sw_scratch *s, sw_scratch *gs)
{
    long code = role_column(pt, SW_ROLE_KEY | SW_ROLE_PROVINCE);
    long naam = -1;
    for (size_t c = 0; c < pt->ncols; c++)
        if (pt->col[c].kind == SW_KIND_NAME && (pt->col[c].role & SW_ROLE_KEY))
            naam = (long)c;
    long target = role_column(pt, SW_ROLE_TARGET), achieved = role_column(pt, SW_ROLE_ACHIEVED);
    long verdict = role_column(pt, SW_ROLE_STATUS);
    sw__out_puts(o, "<section id=\"per-provincie\">\n<h2>Per provincie</h2>\n");
    for (size_t k = 0; k < pt->nrows; k++) {
        int rc = sw_table_row(pt, k, cells, s);
        if (rc != 0)
            return rc;
        const char *pv = cells[code].s, *name = naam >= 0 ? cells[naam].s : pv;
        sw__out_printf(o, "<section class=\"provincie\" id=\"%s\">\n<h3>", pv);
        esc(o, name);
        sw__out_puts(o, " ");
        if (verdict >= 0)
            status(o, &cells[verdict], true);
        sw__out_puts(o, "</h3>\n");
        if (target >= 0 && achieved >= 0 && r->threshold_pct > 0) {
            chart(o, cells[target].i, cells[achieved].i, r->threshold_pct, name);
            char a[128], b[128];
            sw__out_puts(o, "<p>Geteld ");
            esc(o, sw_format_human(a, sizeof a, &pt->col[achieved], &cells[achieved]));
            sw__out_puts(o, " van een opgave van ");
            esc(o, sw_format_human(b, sizeof b, &pt->col[target], &cells[target]));
            sw__out_puts(o, " plaatsen.</p>\n");
        }
        const sw_picture *map = picture(r, pv);
        if (map) {
            sw__out_puts(o, "<figure class=\"kaart provincie\">");
            sw__out_puts(o, map->svg);
            sw__out_puts(o, "</figure>\n");
        }
        for (size_t t = 0; t < r->ntables; t++) {
            const sw_table *gt = &r->table[t];
            if (!per_gemeente(gt))
                continue;
            view v = {.summary = false, .skip = -1};
            char caption[256];
            snprintf(caption, sizeof caption, "%s in %s", gt->title, name);
            /* the province columns say what the heading says */
            for (size_t c = 0; c < gt->ncols; c++)
                if (gt->col[c].role & SW_ROLE_PROVINCE)
                    v.skip = (long)c;
            rc = table(o, gt, &v, caption, pv, gcells, gs, false);
            if (rc != 0)
                return rc;
        }
        sw__out_puts(o, "</section>\n");
    }
    sw__out_puts(o, "</section>\n");
    return 0;
}

int sw_write_html(const sw_sink *sink, const sw_report *r, const sw_write_options *opt)
{
    assert(sink && r);
    (void)opt;
    size_t maxcols = 1;
    for (size_t k = 0; k < r->ntables; k++)
        if (r->table[k].ncols > maxcols)
            maxcols = r->table[k].ncols;
    sw_out *o = sw__out_new(sink);
    sw_value *cells = malloc(maxcols * sizeof *cells), *gcells = malloc(maxcols * sizeof *gcells);
    sw_scratch *s = malloc(sizeof *s), *gs = malloc(sizeof *gs);
    int rc = o && cells && gcells && s && gs ? 0 : SW_ENOMEM;
    long pi = province_table(r);
    const sw_table *pt = pi >= 0 ? &r->table[pi] : NULL;
    if (rc == 0) {
        sw__out_puts(o, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<title>");
        esc(o, r->title);
        sw__out_printf(o, "</title>\n<style>\n%s", style);
        if (r->scenario) {
            /* In print the mark is in the top margin of every page. */
            sw__out_puts(o, "@page { @top-center { content: \"SCENARIO, geen stand: ");
            for (const char *c = r->scenario; *c; c++)
                if (*c == '"' || *c == '\\' || *c == '<')
                    sw__out_printf(o, "\\%x ", (unsigned)(unsigned char)*c);
                else
                    sw__out_put(o, c, 1);
            sw__out_puts(o, "\"; color: #7f1d1d; font-weight: bold; font-size: 9pt; } }\n");
        }
        sw__out_puts(o, "</style>\n</head>\n<body>\n");
        if (r->scenario) {
            /* On screen it stays at the top of the window. */
            sw__out_puts(o, "<div class=\"scenario\" role=\"note\">SCENARIO, geen stand: ");
            esc(o, r->scenario);
            sw__out_puts(o, "</div>\n");
        }
        sw__out_puts(o, "<header>\n<h1>");
        esc(o, r->title);
        sw__out_puts(o, "</h1>\n</header>\n<main>\n");
        notes(o, r, SW_NOTE_WARNING, "Let op", "warn");
    }
    /* The answer: the provinces at a glance, beside the map. */
    if (rc == 0 && pt) {
        const sw_picture *map = picture(r, "overzicht");
        sw__out_puts(o, "<section id=\"antwoord\">\n<div class=\"antwoord\">\n"
                        "<div class=\"status\">\n");
        view v = {.summary = role_column(pt, SW_ROLE_SUMMARY) >= 0, .skip = -1};
        rc = table(o, pt, &v, pt->title, NULL, cells, s, true);
        if (rc == 0)
            rc = national(o, pt, cells, s);
        sw__out_puts(o, "</div>\n");
        if (map) {
            sw__out_puts(o, "<figure class=\"kaart\">");
            sw__out_puts(o, map->svg);
            sw__out_puts(o, "</figure>\n");
        }
        sw__out_puts(o, "</div>\n</section>\n");
    }
    bool grouped = false;
    for (size_t k = 0; pt && k < r->ntables; k++)
        grouped = grouped || per_gemeente(&r->table[k]);
    if (rc == 0 && pt && grouped)
        rc = provinces(o, r, pt, cells, gcells, s, gs);
    /* Whatever else the document holds, in its order. */
    for (size_t k = 0; rc == 0 && k < r->ntables; k++) {
        const sw_table *t = &r->table[k];
        if ((long)k == pi || (grouped && per_gemeente(t)))
            continue;
        sw__out_puts(o, "<section>\n<h2>");
        esc(o, t->title);
        sw__out_puts(o, "</h2>\n");
        view v = {.summary = false, .skip = -1};
        rc = table(o, t, &v, NULL, NULL, cells, s, true);
        sw__out_puts(o, "</section>\n");
    }
    if (rc == 0) {
        sw__out_puts(o, "<section class=\"bijlage\" id=\"bijlage\">\n<h2>Bijlage: parameters, "
                        "bronnen en invoer</h2>\n");
        if (pt && role_column(pt, SW_ROLE_SUMMARY) >= 0) {
            view v = {.summary = false, .skip = -1};
            rc = table(o, pt, &v, "Provincies, alle kolommen", NULL, cells, s, true);
        }
        params(o, r);
        notes(o, r, SW_NOTE_INFO, "Opmerkingen", "info");
        sw__out_puts(o, "</section>\n");
    }
    if (rc == 0)
        sw__out_printf(o, "</main>\n<footer>\n<p>Bevolking: Bron: CBS (CC BY 4.0).%s Gemaakt "
                          "met spreiding; de rekenregels staan in de handleiding (man spreiding) "
                          "en in docs/rekenregels.md.</p>\n</footer>\n</body>\n</html>\n",
                       r->npictures ? " Kaarten: Bron: CBS, Kadaster." : "");
    free(cells);
    free(gcells);
    free(s);
    free(gs);
    return sw__out_end(o, rc);
}
