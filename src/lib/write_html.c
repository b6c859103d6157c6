/* The HTML form: one self-contained page in Dutch, for a browser and for A4
 * paper. The first screen is the answer: the warnings that change how to
 * read it, then per province a status against the threshold (colour, icon
 * and word, so that it survives greyscale print and colour blindness), the
 * counted places against the opgave and the money, beside the map. Then a
 * section per province (a chart, its map, the sentences the report has for
 * it, its gemeenten); the parameters, sources and input digests last, as an
 * appendix.
 *
 * The writer lays out what the document holds by the roles of its columns:
 * the province table is the one keyed by a province code; its SUMMARY
 * columns make the answer (with those of any other table of one row per
 * province), its STATUS column the verdict, its TARGET and ACHIEVED columns
 * the chart, drawn against the document's threshold and labelled with the
 * share rounded down as §7.11 shows it. A table with a province column that
 * has several rows per province (gemeenten, dates, reasons) is shown in
 * parts, one per province section, each with its own totals. Chart
 * coordinates are integers from 128-bit products. Nothing is computed that
 * the document does not hold, but the number of provinces that meet it and
 * the totals of a part.
 *
 * On a narrow screen each row of a table becomes a card (its name and
 * verdict first, then every figure labelled), so that no figure is hidden
 * in a box that scrolls sideways. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/diag.h"
#include "spreiding/write.h"
#include "out.h"

static void esc_n(sw_out *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        switch (s[i]) {
        case '&': sw__out_puts(o, "&amp;"); break;
        case '<': sw__out_puts(o, "&lt;"); break;
        case '>': sw__out_puts(o, "&gt;"); break;
        case '"': sw__out_puts(o, "&quot;"); break;
        default: sw__out_put(o, s + i, 1);
        }
}

static void esc(sw_out *o, const char *s)
{
    esc_n(o, s, strlen(s));
}

/* The length of a date written the Dutch way at s ("1-7-2025"), or 0. */
static size_t date_at(const char *s)
{
    size_t n = 0;
    for (int part = 0; part < 3; part++) {
        size_t digits = strspn(s + n, "0123456789");
        if (part < 2 ? digits < 1 || digits > 2 || s[n + digits] != '-' : digits != 4)
            return 0;
        n += digits + (part < 2);
    }
    return s[n] >= '0' && s[n] <= '9' ? 0 : n;
}

/* Prose (titles, notes, sentences): escaped, each date kept on one line. */
static void esc_prose(sw_out *o, const char *s)
{
    const char *from = s;
    for (const char *c = s; *c; c++) {
        bool starts = c == s || (c[-1] != '-' && (c[-1] < '0' || c[-1] > '9'));
        size_t n = starts ? date_at(c) : 0;
        if (!n)
            continue;
        esc_n(o, from, (size_t)(c - from));
        sw__out_puts(o, "<span class=\"d\">");
        sw__out_put(o, c, n);
        sw__out_puts(o, "</span>");
        c += n - 1;
        from = c + 1;
    }
    esc(o, from);
}

static bool numeric(sw_kind k)
{
    return k == SW_KIND_COUNT || k == SW_KIND_MONEY || k == SW_KIND_PERCENT || k == SW_KIND_SHARE ||
           k == SW_KIND_DECIMAL || k == SW_KIND_RATIO;
}

static long role_column(const sw_table *t, unsigned role)
{
    for (size_t c = 0; c < t->ncols; c++)
        if ((t->col[c].role & role) == role)
            return (long)c;
    return -1;
}

/* One row per province: keyed by a province code, and by nothing else but
 * names. */
static bool one_per_province(const sw_table *t)
{
    if (role_column(t, SW_ROLE_KEY | SW_ROLE_PROVINCE) < 0)
        return false;
    for (size_t c = 0; c < t->ncols; c++)
        if ((t->col[c].role & SW_ROLE_KEY) && !(t->col[c].role & SW_ROLE_PROVINCE) &&
            t->col[c].kind != SW_KIND_NAME)
            return false;
    return true;
}

/* The province table: the first keyed by a province code alone. */
static long province_table(const sw_report *r)
{
    for (size_t k = 0; k < r->ntables; k++)
        if (one_per_province(&r->table[k]))
            return (long)k;
    return -1;
}

/* A table in parts per province: it has a province column, and several rows
 * per province (gemeenten, dates, reasons). */
static bool in_parts(const sw_table *t)
{
    return role_column(t, SW_ROLE_PROVINCE) >= 0 && !one_per_province(t);
}

/* Whether a column is a figure of the answer (a SUMMARY column that is not
 * a key). */
static bool answer_figure(const sw_column *c)
{
    return (c->role & SW_ROLE_SUMMARY) && !(c->role & SW_ROLE_KEY);
}

/* A table in the answer: the province table, and any other of one row per
 * province with figures for the answer. */
static bool in_answer(const sw_report *r, long pi, size_t k)
{
    const sw_table *t = &r->table[k];
    if ((long)k == pi)
        return true;
    if (pi < 0 || !one_per_province(t))
        return false;
    for (size_t c = 0; c < t->ncols; c++)
        if (answer_figure(&t->col[c]))
            return true;
    return false;
}

/* Whether the answer leaves out some of t's figures (then the appendix has
 * them all). */
static bool answer_is_partial(const sw_table *t)
{
    bool any = false, all = true;
    for (size_t c = 0; c < t->ncols; c++) {
        unsigned role = t->col[c].role;
        if (role & (SW_ROLE_EXACT | SW_ROLE_KEY))
            continue;
        any = any || answer_figure(&t->col[c]);
        all = all && (role & SW_ROLE_SUMMARY);
    }
    return any && !all;
}

static const char *scope(const sw_report *r)
{
    return r->scope ? r->scope : "Nederland";
}

/* Sentences of the report for `where`, each a paragraph. */
static void remarks(sw_out *o, const sw_report *r, const char *where, const char *cls)
{
    for (size_t i = 0; i < r->nremarks; i++)
        if (strcmp(r->remark[i].where, where) == 0) {
            sw__out_printf(o, "<p class=\"%s\">", cls);
            esc_prose(o, r->remark[i].text);
            sw__out_puts(o, "</p>\n");
        }
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
    bool summary; /* only the key and SUMMARY columns */
    bool part;    /* a province's part: its province columns are in the heading */
} view;

static bool shown(const sw_table *t, size_t c, const view *v)
{
    unsigned role = t->col[c].role;
    if (role & SW_ROLE_EXACT)
        return false;
    if (v->part && (role & (SW_ROLE_PROVINCE | SW_ROLE_PROVINCE_NAME)))
        return false;
    return !v->summary || (role & SW_ROLE_SUMMARY);
}

/* The columns shown, in the order people read them: what a row would get
 * once its verdict holds after what it gets. Returns how many. */
static size_t shown_columns(const sw_table *t, const view *v, size_t *idx)
{
    size_t n = 0;
    for (int later = 0; later < 2; later++)
        for (size_t c = 0; c < t->ncols; c++)
            if (shown(t, c, v) && !(t->col[c].role & SW_ROLE_POTENTIAL) == !later)
                idx[n++] = c;
    return n;
}

/* The classes of a cell: how it aligns and wraps, and what it is in a card
 * (the keys and the verdict head it). */
static const char *cell_class(const sw_column *c, sw_kind k)
{
    bool key = c->role & SW_ROLE_KEY;
    if (c->role & SW_ROLE_STATUS)
        return "s";
    if (c->role & SW_ROLE_POTENTIAL)
        return "n p";
    if (numeric(k))
        return key ? "k n" : "n";
    if (k == SW_KIND_DATE)
        return key ? "k d" : "d";
    if (c->kind == SW_KIND_NAME)
        return key ? "k naam" : "naam";
    return key ? "k" : "t";
}

static void head(sw_out *o, const sw_table *t, const size_t *idx, size_t n, const char *caption)
{
    sw__out_puts(o, "<thead>\n");
    if (caption) {
        /* In the head, so that every printed page of a long table says what
         * it is. */
        sw__out_printf(o, "<tr class=\"titel\"><th colspan=\"%zu\" scope=\"colgroup\">", n);
        esc_prose(o, caption);
        sw__out_puts(o, "</th></tr>\n");
    }
    sw__out_puts(o, "<tr class=\"koppen\">");
    for (size_t j = 0; j < n; j++) {
        const sw_column *c = &t->col[idx[j]];
        const char *cls = cell_class(c, c->kind);
        if (cls)
            sw__out_printf(o, "<th scope=\"col\" class=\"%s\">", cls);
        else
            sw__out_puts(o, "<th scope=\"col\">");
        esc(o, c->title);
        sw__out_puts(o, "</th>");
    }
    sw__out_puts(o, "</tr>\n</thead>\n");
}

/* One row; a totals row has its label in the first column. Returns whether
 * it holds a figure the scenario changed. */
static bool row(sw_out *o, const sw_table *t, const sw_value *cells, const size_t *idx, size_t n,
                const char *total_label, bool province_verdict)
{
    bool marked = false;
    for (size_t j = 0; j < n; j++)
        marked = marked || (cells[idx[j]].set && cells[idx[j]].scenario);
    sw__out_puts(o, total_label ? "<tr class=\"totaal\">"
                    : marked    ? "<tr class=\"veranderd\">"
                                : "<tr>");
    for (size_t j = 0; j < n; j++) {
        size_t c = idx[j];
        const sw_column *col = &t->col[c];
        int places;
        sw_rounding rounding;
        sw_kind k = sw_value_kind(col, &cells[c], &places, &rounding);
        const char *cls = j == 0 && total_label ? "k" : cell_class(col, k);
        char tmp[128];
        sw__out_puts(o, "<td");
        if (cls)
            sw__out_printf(o, " class=\"%s\"", cls);
        sw__out_puts(o, " data-label=\"");
        esc(o, col->title);
        sw__out_puts(o, "\">");
        bool changed = cells[c].set && cells[c].scenario;
        if (changed) /* the figure and its mark stay together in a card */
            sw__out_puts(o, "<span>");
        if (total_label && j == 0)
            esc(o, total_label);
        else if (col->role & SW_ROLE_STATUS)
            status(o, &cells[c], province_verdict);
        else
            esc(o, sw_format_human(tmp, sizeof tmp, col, &cells[c]));
        if (changed)
            sw__out_puts(o, "<span class=\"sc\">*</span></span>");
        sw__out_puts(o, "</td>");
    }
    sw__out_puts(o, "</tr>\n");
    return marked;
}

/* A table of more columns than this gets smaller print on paper, so that
 * it fits the width of A4 (a gemeente table of `report` has 11 and fits). */
enum { WIDE_TABLE = 12 };

/* A province's part of a table: its code ("PV29") and name. */
typedef struct part {
    const char *code;
    const char *name;
} part;

static bool in_part(long pc, const sw_value *cells, const part *p)
{
    return !p || (pc >= 0 && cells[pc].set && strcmp(cells[pc].s, p->code) == 0);
}

/* Rows of t (those of one province's part, when given), then the totals of
 * the rows written. A part without rows says so when the table has words for
 * that, and is left out otherwise. */
static int table(sw_out *o, const sw_report *r, const sw_table *t, const view *v,
                 const char *caption, const part *p, sw_value *cells, size_t *idx, sw_scratch *s)
{
    bool verdicts = one_per_province(t);
    long pc = role_column(t, SW_ROLE_PROVINCE);
    size_t n = 0;
    for (size_t k = 0; k < t->nrows; k++) {
        int rc = sw_table_row(t, k, cells, s);
        if (rc != 0)
            return rc;
        n += in_part(pc, cells, p);
    }
    if (n == 0) {
        if (p && t->none) {
            sw__out_puts(o, "<p class=\"leeg\">");
            esc(o, t->none);
            sw__out_puts(o, " in ");
            esc(o, p->name);
            sw__out_puts(o, ".</p>\n");
        } else if (!p) {
            sw__out_puts(o, "<p class=\"leeg\">");
            if (caption) {
                esc(o, caption);
                sw__out_puts(o, ": ");
            }
            esc(o, t->none ? t->none : "geen rijen");
            sw__out_puts(o, ".</p>\n");
        }
        return 0;
    }
    char counted[320];
    if (p) {
        snprintf(counted, sizeof counted, "%s in %s (%zu)", t->noun ? t->noun : t->title, p->name,
                 n);
        caption = counted;
    }
    size_t nshown = shown_columns(t, v, idx);
    sw__out_printf(o, "<div class=\"scroll\"><table class=\"rijen%s\">\n",
                   nshown > WIDE_TABLE ? " breed" : "");
    head(o, t, idx, nshown, caption);
    sw__out_puts(o, "<tbody>\n");
    bool marked = false;
    for (size_t k = 0; k < t->nrows; k++) {
        int rc = sw_table_row(t, k, cells, s);
        if (rc != 0)
            return rc;
        if (in_part(pc, cells, p))
            marked = row(o, t, cells, idx, nshown, NULL, verdicts) || marked;
    }
    /* A totals row under one row would repeat it. */
    if (t->totals && n > 1) {
        int rc = sw_table_totals_in(t, p ? p->code : NULL, cells, s);
        if (rc != 0)
            return rc;
        const char *label = t->totals_label ? t->totals_label
                            : pc < 0        ? "Totaal"
                            : p             ? p->name
                                            : scope(r);
        row(o, t, cells, idx, nshown, label, verdicts);
    }
    sw__out_puts(o, "</tbody>\n</table></div>\n");
    if (marked && r->scenario) {
        sw__out_puts(o, "<p class=\"voetnoot\"><span class=\"sc\">*</span> Veranderd door het "
                        "scenario (");
        esc(o, r->scenario);
        sw__out_puts(o, "), en daarmee de hele rij: geen stand op de peildatum.</p>\n");
    }
    return 0;
}

/* Character cells of UTF-8 text: a wide character takes two. */
static size_t chars(const char *s)
{
    return sw_text_width(s, strlen(s));
}

/* The province chart's drawing: a viewBox CHART_W wide with text of
 * CHART_FONT, shown at most CHART_MAX_PX wide, so that its text is about the
 * size of the body's (10 pt, 13.3 px) at full width and stays readable (about
 * 10 px) at 400 px. Defined for the style sheet too. */
#define CHART_FONT 12
#define CHART_MAX_PX 560
enum {
    CHART_W = 480,
    CHART_CHAR = 8, /* the widest a character of the labels is, in units */
    CHART_LEFT = 6,
    CHART_BARS = 456, /* the longer bar's length */
    CHART_ROW0 = 70,  /* the first line of labels under the bars */
    CHART_LINE = 16,
    CHART_ROWS = 3
};

/* A label under the bars: its text, where it is anchored, and which line it
 * went to. */
typedef struct label {
    char text[224];
    long long x;
    const char *anchor;
    long long from, to; /* the span it takes, estimated */
    int line;
} label;

/* Centres a label at x within the drawing (anchored at an edge when it
 * would pass it). */
static void place(label *l, long long x)
{
    long long w = (long long)chars(l->text) * CHART_CHAR;
    l->x = x;
    l->anchor = "middle";
    l->from = x - w / 2;
    l->to = x + w / 2;
    if (l->from < 0) {
        l->x = 0, l->anchor = "start", l->from = 0, l->to = w;
    } else if (l->to > CHART_W) {
        l->x = CHART_W, l->anchor = "end", l->from = CHART_W - w, l->to = CHART_W;
    }
}

/* The first line of labels where l overlaps none already placed. */
static void settle(label *l, const label *placed, size_t n)
{
    for (l->line = 0; l->line < CHART_ROWS - 1; l->line++) {
        bool free_ = true;
        for (size_t k = 0; k < n; k++)
            if (placed[k].line == l->line && l->from < placed[k].to + CHART_CHAR &&
                placed[k].from < l->to + CHART_CHAR)
                free_ = false;
        if (free_)
            return;
    }
}

/* The chart of one province: the opgave as an outlined bar, the counted
 * places as a filled one labelled with their share of the opgave, the
 * threshold dashed and 100 % solid, each labelled in words. Labels that
 * would overlap go a line lower. */
static void chart(sw_out *o, const sw_column *target_col, const sw_value *target,
                  const sw_column *achieved_col, const sw_value *achieved, int64_t drempel,
                  const char *naam)
{
    int64_t opgave = target->i, geteld = achieved->i;
    const sw_i128 left = CHART_LEFT, width = CHART_BARS;
    sw_i128 max = opgave > geteld ? opgave : geteld;
    if (max <= 0)
        max = 1;
    long long x_opgave = (long long)(left + (sw_i128)opgave * width / max);
    long long x_geteld = (long long)(left + (sw_i128)geteld * width / max);
    long long x_drempel = (long long)(left + (sw_i128)opgave * drempel * width / (100 * max));
    char a[96], b[96], pct[96] = "";
    sw_format_human(a, sizeof a, target_col, target);
    sw_format_human(b, sizeof b, achieved_col, achieved);
    if (opgave > 0) {
        /* Rounded down, as every voortgang: never at the threshold for a
         * province below it. */
        sw_column c = {.kind = SW_KIND_PERCENT, .places = 2, .rounding = SW_ROUND_DECIMAL_DOWN};
        sw_value v = {.set = true, .num = (sw_i128)100 * geteld, .den = opgave};
        sw_format_human(pct, sizeof pct, &c, &v);
    }
    label l[3];
    snprintf(l[0].text, sizeof l[0].text, "geteld %s%s%s%s", b, pct[0] ? " (" : "", pct,
             pct[0] ? ")" : "");
    l[0].x = CHART_LEFT, l[0].anchor = "start", l[0].from = CHART_LEFT;
    l[0].to = CHART_LEFT + (long long)chars(l[0].text) * CHART_CHAR, l[0].line = 0;
    snprintf(l[1].text, sizeof l[1].text, "drempel %lld\xC2\xA0%%", (long long)drempel);
    place(&l[1], x_drempel);
    settle(&l[1], l, 1);
    snprintf(l[2].text, sizeof l[2].text, "100\xC2\xA0%%");
    place(&l[2], x_opgave);
    settle(&l[2], l, 2);
    int lines = 1 + (l[1].line > l[2].line ? l[1].line : l[2].line);
    int height = CHART_ROW0 + (lines - 1) * CHART_LINE + 6;

    sw__out_printf(o, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
                   CHART_W, height);
    esc(o, naam);
    sw__out_printf(o, ": %s van %s plaatsen geteld%s%s\">\n", b, a, pct[0] ? ", " : "", pct);
    sw__out_printf(o, "<text x=\"%d\" y=\"12\">opgave %s</text>\n", CHART_LEFT, a);
    sw__out_printf(o,
                   "<rect x=\"%lld\" y=\"17\" width=\"%lld\" height=\"16\" fill=\"#ffffff\" "
                   "stroke=\"#333333\"/>\n",
                   (long long)left, x_opgave - (long long)left);
    sw__out_printf(o, "<rect x=\"%lld\" y=\"37\" width=\"%lld\" height=\"16\" fill=\"#1f4e79\"/>\n",
                   (long long)left, x_geteld - (long long)left);
    sw__out_printf(o,
                   "<line x1=\"%lld\" y1=\"14\" x2=\"%lld\" y2=\"58\" stroke=\"#b45309\" "
                   "stroke-width=\"2\" stroke-dasharray=\"4 3\"/>\n",
                   x_drempel, x_drempel);
    sw__out_printf(o,
                   "<line x1=\"%lld\" y1=\"14\" x2=\"%lld\" y2=\"58\" stroke=\"#000000\" "
                   "stroke-width=\"2\"/>\n",
                   x_opgave, x_opgave);
    for (int k = 0; k < 3; k++) {
        sw__out_printf(o, "<text x=\"%lld\" y=\"%d\" text-anchor=\"%s\"%s>", l[k].x,
                       CHART_ROW0 + l[k].line * CHART_LINE, l[k].anchor,
                       k == 1 ? " fill=\"#8a3c00\"" : "");
        esc(o, l[k].text);
        sw__out_puts(o, "</text>\n");
    }
    sw__out_puts(o, "</svg>\n");
}

#define STR_(x) #x
#define STR(x) STR_(x)

/* The page's style, in parts (a C string may be no longer than 4095 bytes). */
static const char *const style[] = {
    "@page { size: A4; margin: 14mm 12mm; }\n"
    "* { box-sizing: border-box; }\n"
    "body { font-family: 'DejaVu Sans', Verdana, sans-serif; font-size: 10pt; color: #111; "
    "max-width: 1200px; margin: 0 auto; padding: 0 12px; line-height: 1.35; }\n"
    "h1 { font-size: 16pt; margin: 0.6em 0 0.2em; } h2 { font-size: 13pt; margin-top: 1.4em; } "
    "h3 { font-size: 11pt; margin: 1em 0 0.3em; }\n"
    "p.kop { margin: 0 0 0.6em; color: #333; }\n"
    ".scenario { background: #7f1d1d; color: #fff; font-weight: bold; padding: 6px 10px; "
    "position: sticky; top: 0; z-index: 2; }\n"
    ".warn { border-left: 5px solid #b45309; background: #fff7ed; padding: 4px 10px 4px 22px; "
    "margin: 0.6em 0; }\n"
    ".warn li { margin: 0.25em 0; }\n"
    ".antwoord { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }\n"
    ".antwoord .tabellen { flex: 1 1 100%; min-width: 0; }\n"
    ".antwoord .status { flex: 1 1 360px; min-width: 0; }\n"
    ".antwoord figure { flex: 0 1 400px; margin: 0; min-width: 0; }\n"
    "figure { margin: 0; }\n"
    "figure.kaart svg { width: 100%; height: auto; display: block; max-height: 60vh; }\n"
    "figure.kaart.provincie { max-width: 560px; margin: 0.6em 0; }\n"
    "svg.chart { width: 100%; max-width: " STR(
        CHART_MAX_PX) "px; height: auto; display: block; "
                      "margin: 0.3em 0; }\n"
                      "svg.chart text { font-size: " STR(
                          CHART_FONT) "px; font-family: 'DejaVu Sans', "
                                      "sans-serif; }\n"
                                      "svg.sw-tijdlijn { margin: 0.6em 0; }\n",
    /* A table that scrolls sideways shows a shadow at the side where more is. */
    ".scroll { overflow-x: auto; max-width: 100%; "
    "background: linear-gradient(to right, #fff 30%, rgba(255,255,255,0)), "
    "linear-gradient(to left, #fff 30%, rgba(255,255,255,0)) 100% 0, "
    "radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.25), rgba(0,0,0,0)), "
    "radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.25), rgba(0,0,0,0)) 100% 0; "
    "background-repeat: no-repeat; background-size: 40px 100%, 40px 100%, 14px 100%, 14px 100%; "
    "background-attachment: local, local, scroll, scroll; }\n"
    "table { border-collapse: collapse; width: 100%; margin: 0.3em 0 0.8em; font-size: 8.5pt; }\n"
    "th, td { border-bottom: 1px solid #bbb; padding: 2px 5px; text-align: left; "
    "vertical-align: top; }\n"
    "th { background: #eee; vertical-align: bottom; }\n"
    "tr.titel th { background: none; border: 0; padding: 2px 0; font-size: 10pt; }\n"
    "td.n, td.d, td.s, span.d { white-space: nowrap; }\n"
    ".naam { overflow-wrap: normal; word-break: normal; hyphens: manual; }\n"
    "td.k.naam { white-space: nowrap; }\n"
    ".n { text-align: right; }\n"
    ".p { color: #4b5563; font-style: italic; }\n"
    "tr.totaal td { font-weight: bold; border-top: 2px solid #333; }\n"
    "tr.totaal td.k { white-space: nowrap; }\n"
    "tr.veranderd td { background: #fff3b0; }\n"
    ".sc { color: #7f1d1d; font-weight: bold; padding-left: 1px; }\n"
    ".voetnoot { font-size: 8.5pt; margin: -0.4em 0 0.8em; }\n"
    ".leeg { font-style: italic; }\n"
    ".ok { color: #14532d; font-weight: bold; white-space: nowrap; }\n"
    ".no { color: #9a3412; font-weight: bold; white-space: nowrap; }\n"
    ".kern { font-size: 10.5pt; }\n"
    "section.provincie { border-top: 1px solid #999; }\n"
    ".figuren { break-inside: avoid; }\n"
    ".bijlage table { font-size: 8pt; }\n"
    "table.params td { overflow-wrap: anywhere; }\n"
    "footer { font-size: 8pt; color: #444; margin: 2em 0 1em; }\n"
    "thead { display: table-header-group; } tr { break-inside: avoid; }\n",
    /* Narrow screens: every row a card, its name and verdict first. */
    "@media screen and (max-width: 600px) { body { font-size: 9pt; padding: 0 6px; } "
    "h1 { font-size: 13pt; } .warn { padding: 2px 6px 2px 16px; font-size: 8.5pt; } "
    ".antwoord figure { flex-basis: 100%; } "
    ".scroll { overflow: visible; background: none; } "
    "table.rijen, table.rijen thead, table.rijen tbody, table.rijen tr.titel, "
    "table.rijen tr.titel th { display: block; width: auto; } "
    "table.rijen tr.koppen { display: none; } "
    "table.rijen tbody tr { display: flex; flex-wrap: wrap; align-items: baseline; "
    "border: 1px solid #bbb; border-radius: 3px; margin: 0 0 6px; padding: 3px 6px; } "
    "table.rijen tbody tr { column-gap: 14px; } "
    "table.rijen tbody tr::before { content: ''; order: 2; flex-basis: 100%; } "
    "table.rijen td { flex: 1 0 40%; display: flex; justify-content: space-between; "
    "align-items: baseline; gap: 6px; border: 0; border-bottom: 1px dotted #ccc; "
    "padding: 1px 0; text-align: right; order: 3; } "
    "table.rijen td::before { content: attr(data-label); font-weight: bold; color: #333; "
    "text-align: left; white-space: normal; } "
    "table.rijen td:empty { display: none; } "
    "table.rijen td.t { flex-basis: 100%; justify-content: flex-start; text-align: left; } "
    "table.rijen td.k { flex: 0 1 auto; order: 0; margin-right: 0.6em; font-weight: bold; "
    "font-size: 9.5pt; } "
    "table.rijen td.k::before, table.rijen td.s::before { content: none; } "
    "table.rijen td.s { flex: 0 1 auto; order: 1; } "
    "table.rijen td.k, table.rijen td.s { border-bottom: 0; } "
    "table.rijen tr.totaal { border: 2px solid #333; } "
    "table.rijen tr.veranderd { background: #fff3b0; } "
    "table.rijen tr.totaal td { border: 0; } "
    /* The timeline chart's labels and sentences a little larger: as large
     * as its longest line allows. */
    "svg.sw-tijdlijn text[font-size=\"140\"]:not([font-weight]) { font-size: 150px; } }\n",
    "@media print { body { max-width: none; padding: 0; font-size: 9pt; } "
    "#per-provincie { break-before: page; } "
    "section.provincie { break-before: page; border: 0; } "
    "#per-provincie section.provincie:first-of-type { break-before: avoid; } "
    ".antwoord .status { flex: 1 1 40%; } .antwoord figure { flex: 0 1 50%; } "
    ".antwoord table { font-size: 7.5pt; } table.breed { font-size: 6.5pt; } "
    "table.breed th, table.breed td { padding: 1px 3px; } "
    "figure.kaart svg { max-height: 180mm; } "
    ".scroll { overflow: visible; background: none; } "
    "tr.veranderd td { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }\n",
};

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
        esc_prose(o, r->note[i].text);
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

/* The name column of a province table. */
static long name_column(const sw_table *t)
{
    long c = role_column(t, SW_ROLE_PROVINCE_NAME);
    for (size_t k = 0; c < 0 && k < t->ncols; k++)
        if (t->col[k].kind == SW_KIND_NAME && (t->col[k].role & SW_ROLE_KEY))
            c = (long)k;
    return c;
}

/* One sentence for what the report covers: counted against the opgave, how
 * many provinces meet the threshold, and the money they get. */
static int national(sw_out *o, const sw_report *r, const sw_table *t, sw_value *cells,
                    sw_scratch *s)
{
    long target = role_column(t, SW_ROLE_TARGET), achieved = role_column(t, SW_ROLE_ACHIEVED);
    long verdict = role_column(t, SW_ROLE_STATUS), naam = name_column(t);
    if (target < 0 || achieved < 0)
        return 0;
    size_t met = 0;
    char only[128] = "";
    for (size_t k = 0; k < t->nrows; k++) {
        int rc = sw_table_row(t, k, cells, s);
        if (rc != 0)
            return rc;
        met += verdict >= 0 && cells[verdict].set && cells[verdict].i;
        if (naam >= 0 && cells[naam].set)
            snprintf(only, sizeof only, "%s", cells[naam].s);
    }
    int rc = sw_table_totals(t, cells, s);
    if (rc != 0)
        return rc;
    char a[128], b[128];
    sw__out_puts(o, "<p class=\"kern\"><strong>");
    esc(o, scope(r));
    sw__out_puts(o, ":</strong> ");
    esc(o, sw_format_human(a, sizeof a, &t->col[achieved], &cells[achieved]));
    sw__out_puts(o, " plaatsen geteld van een opgave van ");
    esc(o, sw_format_human(b, sizeof b, &t->col[target], &cells[target]));
    if (verdict >= 0 && t->nrows == 1 && only[0]) {
        sw__out_puts(o, "; ");
        esc(o, only);
        sw__out_puts(o, met ? " haalt de drempel" : " haalt de drempel niet");
    } else if (verdict >= 0) {
        /* "1 van de 12 provincies haalt", "3 van de 12 provincies halen" */
        if (met == 0)
            sw__out_printf(o, "; geen van de %zu provincies haalt de drempel", t->nrows);
        else
            sw__out_printf(o, "; %zu van de %zu provincies %s de drempel", met, t->nrows,
                           met == 1 ? "haalt" : "halen");
    }
    for (size_t c = 0; c < t->ncols; c++)
        if (t->col[c].kind == SW_KIND_MONEY && answer_figure(&t->col[c]) &&
            !(t->col[c].role & SW_ROLE_POTENTIAL) && cells[c].set) {
            sw__out_puts(o, "; ");
            esc(o, t->col[c].title);
            sw__out_puts(o, ": ");
            esc(o, sw_format_human(a, sizeof a, &t->col[c], &cells[c]));
        }
    sw__out_puts(o, ".</p>\n");
    return 0;
}

/* Every picture for `where`, in a figure of class `cls`. */
static void pictures(sw_out *o, const sw_report *r, const char *where, const char *cls)
{
    for (size_t i = 0; i < r->npictures; i++)
        if (strcmp(r->picture[i].where, where) == 0) {
            sw__out_printf(o, "<figure class=\"%s\">", cls);
            sw__out_puts(o, r->picture[i].svg);
            sw__out_puts(o, "</figure>\n");
        }
}

typedef struct buffers {
    sw_value *cells, *pcells;
    size_t *idx;
    sw_scratch *s, *ps;
} buffers;

/* A section per province: its verdict, chart, sentences and map kept
 * together, then its part of every table in parts. */
static int provinces(sw_out *o, const sw_report *r, const sw_table *pt, const buffers *b)
{
    long code = role_column(pt, SW_ROLE_KEY | SW_ROLE_PROVINCE), naam = name_column(pt);
    long target = role_column(pt, SW_ROLE_TARGET), achieved = role_column(pt, SW_ROLE_ACHIEVED);
    long verdict = role_column(pt, SW_ROLE_STATUS);
    sw_value *cells = b->pcells;
    sw__out_puts(o, "<section id=\"per-provincie\">\n<h2>Per provincie</h2>\n");
    for (size_t k = 0; k < pt->nrows; k++) {
        int rc = sw_table_row(pt, k, cells, b->ps);
        if (rc != 0)
            return rc;
        const char *pv = cells[code].s, *name = naam >= 0 ? cells[naam].s : pv;
        sw__out_printf(o, "<section class=\"provincie\" id=\"%s\">\n<h3>", pv);
        esc(o, name);
        sw__out_puts(o, " ");
        if (verdict >= 0)
            status(o, &cells[verdict], true);
        sw__out_puts(o, "</h3>\n<div class=\"figuren\">\n");
        if (target >= 0 && achieved >= 0 && r->threshold_pct > 0) {
            chart(o, &pt->col[target], &cells[target], &pt->col[achieved], &cells[achieved],
                  r->threshold_pct, name);
            char a[128], c[128];
            sw__out_puts(o, "<p>Geteld ");
            esc(o, sw_format_human(a, sizeof a, &pt->col[achieved], &cells[achieved]));
            sw__out_puts(o, " van een opgave van ");
            esc(o, sw_format_human(c, sizeof c, &pt->col[target], &cells[target]));
            sw__out_puts(o, " plaatsen.</p>\n");
        }
        remarks(o, r, pv, "zin");
        pictures(o, r, pv, "kaart provincie");
        sw__out_puts(o, "</div>\n");
        part p = {pv, name};
        for (size_t t = 0; t < r->ntables; t++) {
            const sw_table *gt = &r->table[t];
            if (!in_parts(gt))
                continue;
            view v = {.summary = false, .part = true};
            rc = table(o, r, gt, &v, NULL, &p, b->cells, b->idx, b->s);
            if (rc != 0)
                return rc;
        }
        sw__out_puts(o, "</section>\n");
    }
    sw__out_puts(o, "</section>\n");
    return 0;
}

static void page_head(sw_out *o, const sw_report *r)
{
    sw__out_puts(o, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>");
    esc(o, r->title);
    sw__out_puts(o, "</title>\n<style>\n");
    for (size_t k = 0; k < sizeof style / sizeof style[0]; k++)
        sw__out_puts(o, style[k]);
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
    esc_prose(o, r->title);
    sw__out_puts(o, "</h1>\n");
    remarks(o, r, "kop", "kop");
    sw__out_puts(o, "</header>\n<main>\n");
}

/* The answer: the provinces at a glance, beside the map. */
static int answer(sw_out *o, const sw_report *r, long pi, const buffers *b)
{
    const sw_table *pt = &r->table[pi];
    sw__out_puts(o, "<section id=\"antwoord\">\n<div class=\"antwoord\">\n"
                    "<div class=\"tabellen\">\n");
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < r->ntables; k++) {
        if (!in_answer(r, pi, k))
            continue;
        const sw_table *t = &r->table[k];
        view v = {.summary = role_column(t, SW_ROLE_SUMMARY) >= 0, .part = false};
        rc = table(o, r, t, &v, t->title, NULL, b->cells, b->idx, b->s);
    }
    sw__out_puts(o, "</div>\n<div class=\"status\">\n");
    if (rc == 0)
        rc = national(o, r, pt, b->cells, b->s);
    remarks(o, r, "overzicht", "kern");
    sw__out_puts(o, "</div>\n");
    pictures(o, r, "overzicht", "kaart");
    sw__out_puts(o, "</div>\n</section>\n");
    return rc;
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
    buffers b = {malloc(maxcols * sizeof *b.cells), malloc(maxcols * sizeof *b.pcells),
                 malloc(maxcols * sizeof *b.idx), malloc(sizeof *b.s), malloc(sizeof *b.ps)};
    int rc = o && b.cells && b.pcells && b.idx && b.s && b.ps ? 0 : SW_ENOMEM;
    long pi = province_table(r);
    const sw_table *pt = pi >= 0 ? &r->table[pi] : NULL;
    if (rc == 0) {
        page_head(o, r);
        notes(o, r, SW_NOTE_WARNING, "Let op", "warn");
    }
    if (rc == 0 && pt)
        rc = answer(o, r, pi, &b);
    bool grouped = false;
    for (size_t k = 0; pt && k < r->ntables; k++)
        grouped = grouped || in_parts(&r->table[k]);
    if (rc == 0 && pt && grouped)
        rc = provinces(o, r, pt, &b);
    /* Whatever else the document holds, in its order. */
    for (size_t k = 0; rc == 0 && k < r->ntables; k++) {
        const sw_table *t = &r->table[k];
        if (in_answer(r, pi, k) || (grouped && in_parts(t)))
            continue;
        sw__out_puts(o, "<section>\n<h2>");
        esc_prose(o, t->title);
        sw__out_puts(o, "</h2>\n");
        view v = {.summary = false, .part = false};
        rc = table(o, r, t, &v, NULL, NULL, b.cells, b.idx, b.s);
        sw__out_puts(o, "</section>\n");
    }
    if (rc == 0) {
        sw__out_puts(o, "<section class=\"bijlage\" id=\"bijlage\">\n<h2>Bijlage: parameters, "
                        "bronnen en invoer</h2>\n");
        for (size_t k = 0; rc == 0 && pt && k < r->ntables; k++) {
            if (!in_answer(r, pi, k) || !answer_is_partial(&r->table[k]))
                continue;
            char caption[320];
            snprintf(caption, sizeof caption, "%s, alle kolommen", r->table[k].title);
            view v = {.summary = false, .part = false};
            rc = table(o, r, &r->table[k], &v, caption, NULL, b.cells, b.idx, b.s);
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
    free(b.cells);
    free(b.pcells);
    free(b.idx);
    free(b.s);
    free(b.ps);
    return sw__out_end(o, rc);
}
