/* Timelines: the dates of `--tijdlijn FROM:TO[:STEP]`, and a province's
 * progress along them as an SVG line chart. The chart is laid out in
 * integers (a viewBox of 6400 × 3700 units, ten to a CSS pixel at its
 * natural width), so that it is the same bytes on every build. */
#include "spreiding/timeline.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "spreiding/number.h"
#include "util.h"

/* ---- the range ---- */

static int bad_range(sw_diag *diag, const char *text)
{
    return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                       "--tijdlijn: '%s' is not FROM:TO[:STEP] (for example "
                       "2025-01-01:2025-12-31:1m, or 1-1-2025:31-12-2025:2w)",
                       text);
}

static int range_date(sw_date *out, const char *text, size_t len, const char *what, sw_diag *diag)
{
    const char *why;
    if (sw_parse_date(out, text, len, &why) != 0)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL, "--tijdlijn: %s '%.*s' %s", what,
                           (int)len, text, why);
    return 0;
}

static sw_date step_date(const sw_timeline *t, int64_t k)
{
    switch (t->unit) {
    case 'd': return sw_date_add_days(t->van, (long)(k * t->n));
    case 'w': return sw_date_add_days(t->van, (long)(7 * k * t->n));
    default: return sw_date_add_months(t->van, (int)(k * t->n)); /* from FROM: 31-1, 28-2, 31-3 */
    }
}

int sw_timeline_parse(sw_timeline *out, const char *text, sw_diag *diag)
{
    assert(out && text);
    memset(out, 0, sizeof *out);
    const char *c1 = strchr(text, ':');
    const char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
    if (!c1 || c1 == text || c1[1] == ':' || c1[1] == '\0' || (c2 && strchr(c2 + 1, ':')))
        return bad_range(diag, text);
    size_t tolen = c2 ? (size_t)(c2 - c1 - 1) : strlen(c1 + 1);
    int rc = range_date(&out->van, text, (size_t)(c1 - text), "FROM", diag);
    if (rc == 0)
        rc = range_date(&out->tot, c1 + 1, tolen, "TO", diag);
    if (rc != 0)
        return rc;
    out->n = 1;
    out->unit = 'm';
    if (c2) {
        const char *s = c2 + 1, *why;
        size_t len = strlen(s);
        if (len < 2 || !strchr("dwm", s[len - 1]) ||
            sw_parse_count(&out->n, s, len - 1, &why) != 0 || out->n < 1 || out->n > SW_MAX_STEP_N)
            return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                               "--tijdlijn: STEP '%s' is not Nd, Nw or Nm (days, weeks or "
                               "months, N from 1 to %d)",
                               s, SW_MAX_STEP_N);
        out->unit = s[len - 1];
    }
    if (sw_date_cmp(out->van, out->tot) > 0)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "--tijdlijn: FROM is after TO in '%s'", text);
    /* The steps from FROM, then TO itself when no step lands on it: the
     * range ends where it says (often a cycle's peildatum). */
    bool at_to = false;
    for (int64_t k = 0; !at_to; k++) {
        sw_date d = step_date(out, k);
        if (sw_date_cmp(d, out->tot) > 0)
            d = out->tot;
        at_to = sw_date_cmp(d, out->tot) == 0;
        if (out->ndates == SW_MAX_STEPS)
            return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                               "--tijdlijn: '%s' has more than %d dates; take a larger STEP or "
                               "a shorter range",
                               text, SW_MAX_STEPS);
        out->date[out->ndates++] = d;
    }
    return 0;
}

const char *sw_timeline_step_text(const sw_timeline *t, char *buf, size_t cap)
{
    assert(t && buf && cap > 0);
    static const char *const one[] = {"dag", "week", "maand"};
    static const char *const many[] = {"dagen", "weken", "maanden"};
    int u = t->unit == 'd' ? 0 : t->unit == 'w' ? 1 : 2;
    if (t->n == 1)
        snprintf(buf, cap, "elke %s", one[u]);
    else
        snprintf(buf, cap, "elke %lld %s", (long long)t->n, many[u]);
    return buf;
}

/* ---- the chart ---- */

/* The drawing, in units of a tenth of a CSS pixel at its natural width;
 * the plot leaves room left for the percentages and right for the labels
 * of the reference lines, where the series never runs. */
enum {
    W = 6400,
    X0 = 800,   /* plot area: left ... */
    X1 = 5150,  /* ... right */
    Y0 = 1250,  /* top (the highest percentage) */
    Y1 = 3350,  /* bottom (0 %) */
    FONT = 140, /* labels and captions */
    TITLE = 200,
    DOT = 42, /* a point's radius */
    H_BASE = 4150,
    SCENARIO_H = 220 /* a scenario band moves everything below it down */
};

/* Text for XML: markup escaped, control characters made spaces. */
static void esc(sw_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': sw_buf_puts(b, "&amp;"); break;
        case '<': sw_buf_puts(b, "&lt;"); break;
        case '>': sw_buf_puts(b, "&gt;"); break;
        case '"': sw_buf_puts(b, "&quot;"); break;
        default:
            if ((unsigned char)*s < 0x20 || *s == 0x7F)
                sw_buf_puts(b, " ");
            else
                sw_buf_append(b, s, 1);
        }
    }
}

/* "1.650" */
static const char *count_text(char *buf, size_t cap, int64_t v)
{
    char plain[32];
    snprintf(plain, sizeof plain, "%lld", (long long)(v < 0 ? -v : v));
    size_t n = strlen(plain), o = 0;
    if (v < 0 && o + 1 < cap)
        buf[o++] = '-';
    for (size_t i = 0; i < n && o + 2 < cap; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[o++] = '.';
        buf[o++] = plain[i];
    }
    buf[o] = '\0';
    return buf;
}

/* 100·R/O rounded down to 2 decimals, with a decimal comma: "78,23" — as the
 * tables show it, so that the chart never shows the threshold reached for a
 * province that fails the exact test. */
static const char *pct_text(char *buf, size_t cap, int64_t geteld, int64_t opgave)
{
    sw_format_decimal(buf, cap, (sw_i128)100 * geteld, opgave, 2, SW_ROUND_DECIMAL_DOWN);
    char *dot = strchr(buf, '.');
    if (dot)
        *dot = ',';
    return buf;
}

/* "1-3-2025", as people write dates. */
static const char *date_text(char *buf, size_t cap, sw_date d)
{
    snprintf(buf, cap, "%d-%d-%04d", d.d, d.m, d.y);
    return buf;
}

#define PCT "\xC2\xA0%"      /* a no-break space before the percent sign */
#define PCT_FMT "\xC2\xA0%%" /* the same in a printf format */

typedef struct chart {
    sw_buf *b;
    const sw_progress *p;
    size_t k;
    int64_t opgave;
    int64_t ymax;    /* the top of the scale, in whole percent */
    long day0, span; /* the first step's day number, and the days to the last */
} chart;

/* y of a percentage 100·geteld/opgave (0 % at Y1, ymax % at Y0), rounded half up. */
static int64_t y_of_places(const chart *c, int64_t geteld)
{
    sw_i128 num = (sw_i128)(Y1 - Y0) * 100 * geteld, den = (sw_i128)c->opgave * c->ymax;
    return Y1 - (int64_t)((2 * num + den) / (2 * den));
}

static int64_t y_of_pct(const chart *c, int64_t pct)
{
    return Y1 - (int64_t)(((sw_i128)(Y1 - Y0) * pct * 2 + c->ymax) / (2 * c->ymax));
}

static int64_t x_of(const chart *c, size_t s)
{
    if (c->span == 0)
        return (X0 + X1) / 2;
    long d = sw_date_days(c->p->step[s].peildatum) - c->day0;
    return X0 + (int64_t)(((sw_i128)(X1 - X0) * d * 2 + c->span) / (2 * c->span));
}

static void text_at(sw_buf *b, int64_t x, int64_t y, int size, const char *anchor,
                    const char *attrs, const char *text)
{
    sw_buf_printf(b, "<text x=\"%lld\" y=\"%lld\" font-size=\"%d\"", (long long)x, (long long)y,
                  size);
    if (anchor)
        sw_buf_printf(b, " text-anchor=\"%s\"", anchor);
    if (attrs)
        sw_buf_printf(b, " %s", attrs);
    sw_buf_puts(b, ">");
    esc(b, text);
    sw_buf_puts(b, "</text>\n");
}

/* A horizontal reference line across the plot, labelled in the margin at
 * its right end; `shift` moves the label down (when two lines are close). */
static void reference(const chart *c, int64_t pct, const char *colour, const char *dash,
                      const char *label, int64_t shift)
{
    int64_t y = y_of_pct(c, pct);
    sw_buf_printf(c->b,
                  "<line x1=\"%d\" y1=\"%lld\" x2=\"%d\" y2=\"%lld\" stroke=\"%s\" "
                  "stroke-width=\"16\"%s%s%s/>\n",
                  X0, (long long)y, X1, (long long)y, colour, dash ? " stroke-dasharray=\"" : "",
                  dash ? dash : "", dash ? "\"" : "");
    char attrs[160];
    snprintf(attrs, sizeof attrs, "fill=\"%s\" font-weight=\"bold\"", colour);
    text_at(c->b, X1 + 80, y + FONT * 35 / 100 + shift, FONT, NULL, attrs, label);
}

/* The scale: 0 to at least 100 %, in steps of 25, 50, 100 ... percent
 * (at most 8 of them). */
static void scale(chart *c, int64_t *tick)
{
    int64_t top = 100;
    for (size_t s = 0; s < c->p->nsteps; s++) {
        const sw_progress_provincie *pv = &c->p->step[s].prov[c->k];
        sw_i128 pct = ((sw_i128)100 * pv->geteld + c->opgave - 1) / c->opgave; /* rounded up */
        if (pct > top)
            top = pct > 1000000 ? 1000000 : (int64_t)pct;
    }
    static const int64_t ticks[] = {25,   50,    100,   250,   500,    1000,  2500,
                                    5000, 10000, 25000, 50000, 100000, 250000};
    size_t t = 0;
    while ((top + ticks[t] - 1) / ticks[t] > 8 && t + 1 < sizeof ticks / sizeof ticks[0])
        t++;
    *tick = ticks[t];
    c->ymax = (top + *tick - 1) / *tick * *tick;
}

int sw_timeline_chart_svg(sw_buf *out, const sw_progress *p, size_t k, const sw_chart_options *opt)
{
    assert(out && p && k < p->nprov && p->nsteps > 0);
    sw_chart_options none = {0};
    const sw_chart_options *o = opt ? opt : &none;
    const sw_progress_provincie *first = &p->step[0].prov[k];
    const sw_progress_provincie *last = &p->step[p->nsteps - 1].prov[k];
    chart c = {out,
               p,
               k,
               first->opgave,
               100,
               sw_date_days(p->step[0].peildatum),
               sw_date_days(p->step[p->nsteps - 1].peildatum) - sw_date_days(p->step[0].peildatum)};
    char t1[64], t2[64], t3[64], t4[64], t5[64];
    char title[256];
    if (o->title)
        snprintf(title, sizeof title, "%s", o->title);
    else
        snprintf(title, sizeof title, "PV%02d %s", first->code, first->naam);

    /* What the chart says, in words: two lines under the title, and
     * together its <title> and aria-label. */
    long met = -1;
    for (size_t s = 0; s < p->nsteps && met < 0; s++)
        if (p->step[s].prov[k].gehaald)
            met = (long)s;
    char first_line[200], last_line[200];
    if (c.opgave == 0) {
        snprintf(first_line, sizeof first_line, "Geen opgave, dus geen voortgang.");
        last_line[0] = '\0';
    } else {
        /* The steps are samples: the test first held after the step before. */
        if (met < 0)
            snprintf(first_line, sizeof first_line,
                     "Drempel (%lld" PCT_FMT ") op geen van de peildata gehaald.",
                     (long long)p->drempel_pct);
        else if (met == 0)
            snprintf(first_line, sizeof first_line,
                     "Drempel (%lld" PCT_FMT ") al gehaald op de eerste peildatum, %s.",
                     (long long)p->drempel_pct, date_text(t1, sizeof t1, p->step[0].peildatum));
        else
            snprintf(first_line, sizeof first_line,
                     "Drempel (%lld" PCT_FMT ") voor het eerst gehaald tussen %s en %s.",
                     (long long)p->drempel_pct,
                     date_text(t1, sizeof t1, p->step[met - 1].peildatum),
                     date_text(t2, sizeof t2, p->step[met].peildatum));
        snprintf(last_line, sizeof last_line, "Stand op %s: %s van %s geteld, %s" PCT_FMT ", %s.",
                 date_text(t2, sizeof t2, p->step[p->nsteps - 1].peildatum),
                 count_text(t3, sizeof t3, last->geteld), count_text(t4, sizeof t4, c.opgave),
                 pct_text(t5, sizeof t5, last->geteld, c.opgave),
                 last->gehaald ? "drempel gehaald" : "drempel niet gehaald");
    }
    int64_t H = H_BASE + (o->scenario ? SCENARIO_H : 0);

    sw_buf *b = out;
    sw_buf_printf(b,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %lld\" "
                  "class=\"sw-tijdlijn\" role=\"img\" style=\"display:block;width:100%%;"
                  "max-width:640px;height:auto;font-family:'DejaVu Sans',Verdana,sans-serif\" "
                  "aria-label=\"",
                  W, (long long)H);
    for (int twice = 0; twice < 2; twice++) {
        esc(b, title);
        sw_buf_puts(b, ": ");
        esc(b, first_line);
        if (last_line[0]) {
            sw_buf_puts(b, " ");
            esc(b, last_line);
        }
        sw_buf_puts(b, twice ? "</title>\n" : "\">\n<title>");
    }
    sw_buf_printf(b, "<rect width=\"%d\" height=\"%lld\" fill=\"#ffffff\"/>\n", W, (long long)H);
    text_at(b, 100, 280, TITLE, NULL, "font-weight=\"bold\"", title);
    char sub[160];
    snprintf(sub, sizeof sub, "Geteld als percentage van de opgave (%s plaatsen), per peildatum",
             count_text(t1, sizeof t1, c.opgave));
    text_at(b, 100, 520, FONT, NULL, "fill=\"#333333\"", sub);
    text_at(b, 100, 740, FONT, NULL, NULL, first_line);
    text_at(b, 100, 940, FONT, NULL, NULL, last_line);
    if (o->scenario) {
        /* Marked on the chart itself, so a copy taken out of the page keeps it. */
        sw_buf_printf(b,
                      "<rect x=\"100\" y=\"1010\" width=\"%d\" height=\"%d\" fill=\"#fff3b0\" "
                      "stroke=\"#000000\" stroke-width=\"10\"/>\n",
                      W - 200, SCENARIO_H - 30);
        char scen[300];
        snprintf(scen, sizeof scen, "SCENARIO: %s", o->scenario);
        text_at(b, 160, 1010 + (SCENARIO_H - 30) / 2 + FONT * 35 / 100, FONT, NULL,
                "font-weight=\"bold\"", scen);
        sw_buf_printf(b, "<g transform=\"translate(0 %d)\">\n", SCENARIO_H);
    }
    if (c.opgave == 0) {
        sw_buf_puts(b, o->scenario ? "</g>\n</svg>\n" : "</svg>\n");
        return b->err;
    }

    /* Axes and grid: whole-percent ticks. */
    int64_t tick;
    scale(&c, &tick);
    sw_buf_puts(b, "<g class=\"sw-as\" aria-hidden=\"true\">\n");
    for (int64_t v = 0; v <= c.ymax; v += tick) {
        int64_t y = y_of_pct(&c, v);
        sw_buf_printf(b,
                      "<line x1=\"%d\" y1=\"%lld\" x2=\"%d\" y2=\"%lld\" stroke=\"#d9d9d9\" "
                      "stroke-width=\"8\"/>\n",
                      X0, (long long)y, X1, (long long)y);
        char label[32];
        snprintf(label, sizeof label, "%lld" PCT_FMT, (long long)v);
        text_at(b, X0 - 60, y + FONT * 35 / 100, FONT, "end", "fill=\"#333333\"", label);
    }
    sw_buf_printf(b,
                  "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333333\" "
                  "stroke-width=\"12\"/>\n",
                  X0, Y1, X1, Y1);
    /* Date labels: every `every`-th step, so that labels at the closest
     * steps do not touch (the widest, 30-12-2025, is 8 digits and 2 dashes:
     * 5.84 em, and a gap); always the first, and the last when there is
     * room. */
    const int64_t label_w = FONT * 584 / 100 + 180;
    long min_gap = c.span;
    for (size_t s = 1; s < p->nsteps; s++) {
        long g = sw_date_days(p->step[s].peildatum) - sw_date_days(p->step[s - 1].peildatum);
        if (g < min_gap)
            min_gap = g;
    }
    int64_t spacing = c.span ? (int64_t)(X1 - X0) * min_gap / c.span : X1 - X0;
    size_t every =
        spacing >= label_w ? 1 : (size_t)((label_w + spacing - 1) / (spacing ? spacing : 1));
    int64_t last_x = -100000;
    for (size_t s = 0; s < p->nsteps; s++) {
        int64_t x = x_of(&c, s);
        /* A tick at every step while they stand apart, else at the labels. */
        if (spacing >= 40 || s % every == 0)
            sw_buf_printf(b,
                          "<line x1=\"%lld\" y1=\"%d\" x2=\"%lld\" y2=\"%d\" "
                          "stroke=\"#333333\" stroke-width=\"10\"/>\n",
                          (long long)x, Y1, (long long)x, Y1 + 60);
        bool want = s % every == 0 || (s == p->nsteps - 1 && x - last_x >= label_w);
        if (want && x - last_x >= label_w) {
            text_at(b, x, Y1 + 60 + FONT * 13 / 10, FONT, "middle", "fill=\"#333333\"",
                    date_text(t1, sizeof t1, p->step[s].peildatum));
            last_x = x;
        }
    }
    text_at(b, (X0 + X1) / 2, Y1 + 60 + FONT * 28 / 10, FONT, "middle", "fill=\"#333333\"",
            "peildatum");
    sw_buf_puts(b, "</g>\n");

    /* The two reference lines, in colour and in words. */
    char label[96];
    reference(&c, 100, "#525252", NULL, "opgave 100" PCT, 0);
    snprintf(label, sizeof label, "drempel %lld" PCT_FMT, (long long)p->drempel_pct);
    /* Lines closer than a line of text: the threshold's label goes below. */
    int64_t gap = y_of_pct(&c, p->drempel_pct) - y_of_pct(&c, 100);
    reference(&c, p->drempel_pct, "#b35806", "60 40", label,
              gap < FONT * 12 / 10 ? FONT * 12 / 10 - gap : 0);

    /* The series: a line, and a point per step with what it stands for. */
    sw_buf_puts(b, "<polyline fill=\"none\" stroke=\"#2c7fb8\" stroke-width=\"28\" "
                   "stroke-linejoin=\"round\" points=\"");
    for (size_t s = 0; s < p->nsteps; s++)
        sw_buf_printf(b, "%s%lld,%lld", s ? " " : "", (long long)x_of(&c, s),
                      (long long)y_of_places(&c, p->step[s].prov[k].geteld));
    sw_buf_puts(b, "\"/>\n");
    /* Points only where they can be told apart (about one per 8 px). */
    bool dots = (int64_t)p->nsteps * 80 <= X1 - X0 + 80;
    for (size_t s = 0; dots && s < p->nsteps; s++) {
        const sw_progress_provincie *pv = &p->step[s].prov[k];
        sw_buf_printf(b,
                      "<circle cx=\"%lld\" cy=\"%lld\" r=\"%d\" fill=\"%s\" stroke=\"#2c7fb8\" "
                      "stroke-width=\"20\"><title>",
                      (long long)x_of(&c, s), (long long)y_of_places(&c, pv->geteld), DOT,
                      pv->gehaald ? "#2c7fb8" : "#ffffff");
        char tip[200];
        snprintf(tip, sizeof tip, "%s: %s van %s geteld, %s" PCT_FMT ", drempel %sgehaald",
                 date_text(t1, sizeof t1, p->step[s].peildatum),
                 count_text(t2, sizeof t2, pv->geteld), count_text(t3, sizeof t3, c.opgave),
                 pct_text(t4, sizeof t4, pv->geteld, c.opgave), pv->gehaald ? "" : "niet ");
        esc(b, tip);
        sw_buf_puts(b, "</title></circle>\n");
    }

    /* The legend, in words. */
    int64_t ly = H_BASE - 120;
    sw_buf_puts(b, "<g class=\"sw-legenda\">\n");
    sw_buf_printf(b,
                  "<line x1=\"%d\" y1=\"%lld\" x2=\"%d\" y2=\"%lld\" stroke=\"#2c7fb8\" "
                  "stroke-width=\"28\"/>\n",
                  X0, (long long)ly - 40, X0 + 250, (long long)ly - 40);
    text_at(b, X0 + 300, ly, FONT, NULL, NULL, "geteld");
    if (dots) {
        sw_buf_printf(b,
                      "<circle cx=\"%d\" cy=\"%lld\" r=\"%d\" fill=\"#2c7fb8\" "
                      "stroke=\"#2c7fb8\" stroke-width=\"20\"/>\n",
                      X0 + 1100, (long long)ly - 40, DOT);
        text_at(b, X0 + 1190, ly, FONT, NULL, NULL, "drempel gehaald");
        sw_buf_printf(b,
                      "<circle cx=\"%d\" cy=\"%lld\" r=\"%d\" fill=\"#ffffff\" "
                      "stroke=\"#2c7fb8\" stroke-width=\"20\"/>\n",
                      X0 + 2700, (long long)ly - 40, DOT);
        text_at(b, X0 + 2790, ly, FONT, NULL, NULL, "drempel niet gehaald");
    }
    sw_buf_puts(b, "</g>\n");
    if (o->scenario)
        sw_buf_puts(b, "</g>\n");
    sw_buf_puts(b, "</svg>\n");
    return b->err;
}
