/* Maps of a run: which class each province or gemeente is in, by the exact
 * test against the threshold or by integer bins of a measure, with titles
 * that carry its figures. The drawing is map_svg.c's; the classes are
 * decided here, from the results. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_run.h"
#include "spreiding/map.h"
#include "util.h"

/* The figures of one shape. */
typedef struct figure {
    int code;
    const char *naam;
    bool in_run;
    int64_t opgave, geteld, bedrag, inwoners;
} figure;

/* Percent of geteld / opgave for people, rounded down as progress is
 * (§7.11). */
static const char *pct_text(char *buf, size_t cap, int64_t geteld, int64_t opgave)
{
    sw_column c = {.kind = SW_KIND_PERCENT, .places = 2, .rounding = SW_ROUND_DECIMAL_DOWN};
    sw_value v = {.set = true, .num = (sw_i128)100 * geteld, .den = opgave};
    return sw_format_human(buf, cap, &c, &v);
}

static const char *count_text(char *buf, size_t cap, int64_t n)
{
    sw_column c = {.kind = SW_KIND_COUNT};
    sw_value v = {.set = true, .i = n};
    return sw_format_human(buf, cap, &c, &v);
}

static const char *money_text(char *buf, size_t cap, int64_t cents)
{
    sw_column c = {.kind = SW_KIND_MONEY};
    sw_value v = {.set = true, .i = cents};
    return sw_format_human(buf, cap, &c, &v);
}

/* Money is in cents; a euro is this many. */
enum { CENTS = 100 };

/* An edge of a money band, in whole euros ("€ 2.500.000"): the bands are
 * whole euros wide. */
static const char *euro_text(char *buf, size_t cap, int64_t cents)
{
    assert(cents % CENTS == 0);
    char n[96];
    snprintf(buf, cap, "\xE2\x82\xAC %s", count_text(n, sizeof n, cents / CENTS));
    return buf;
}

/* The threshold classes of the threshold palette: 0 below (100·R < d·O),
 * 1 met, 2 at least 100 %. */
static int threshold_class(const figure *f, int64_t drempel)
{
    if (f->opgave == 0)
        return SW_MAP_GEEN;
    if ((sw_i128)100 * f->geteld < (sw_i128)drempel * f->opgave)
        return 0;
    return f->geteld < f->opgave ? 1 : 2;
}

/* geteld / opgave in quarters: < 25 %, < 50 %, < 75 %, < 100 %, more. */
static int quarter_class(const figure *f)
{
    if (f->opgave == 0)
        return SW_MAP_GEEN;
    sw_i128 r = (sw_i128)4 * f->geteld, o = f->opgave;
    return r < o ? 0 : r < 2 * o ? 1 : r < 3 * o ? 2 : r < 4 * o ? 3 : 4;
}

/* Bands of a measure, with round edges: band b holds the values v with
 * b·step ≤ v < (b+1)·step, for b = 0 .. n - 1, the last holding the
 * largest value. */
typedef struct bands {
    int64_t step;
    int n;
} bands;

/* The bands of [0, max] for at most `most` bands: the step is the smallest
 * of 1, 2, 2,5 and 5 times a power of ten `unit`s (1 for places, CENTS
 * for money: whole euros) with most·step > max. Neighbouring steps differ by a
 * factor of at most 2 (2,5 from 2 to 5 units), so there are at least 3
 * bands of 4 or 5 once the largest value is 25 units or more. */
static bands bands_of(int64_t max, int most, int64_t unit)
{
    for (sw_i128 p = unit;; p *= 10) {
        /* 2,5 × p only as a whole number of units: 25 places, € 25, not € 2,50 */
        const sw_i128 c[4] = {p, 2 * p, p % 2 == 0 && p / 2 * 5 % unit == 0 ? p / 2 * 5 : 0, 5 * p};
        for (int i = 0; i < 4; i++)
            if (c[i] > 0 && c[i] * most > max)
                return (bands){(int64_t)c[i], (int)(max / c[i]) + 1};
    }
}

/* The class of band b of n on `classes` classes: spread over all of them,
 * so that the first band is the lightest and the last the darkest. */
static int band_class(const bands *B, int64_t v, int classes)
{
    int64_t b = v < 0 ? 0 : v / B->step; /* counts and amounts are not negative */
    if (B->n <= 1)
        return 0;
    return (int)((2 * b * (classes - 1) + (B->n - 1)) / (2 * (B->n - 1)));
}

static int64_t measure_of(const figure *f, sw_map_maat maat)
{
    return maat == SW_MAAT_OPGAVE ? f->opgave : maat == SW_MAAT_GETELD ? f->geteld : f->bedrag;
}

/* The figures of every shape of the level drawn. */
static figure *figures(size_t *n, const sw_map_request *q, const sw_progress *p,
                       const sw_grants *g, const sw_opgave *og, const sw_register *reg,
                       const sw_cycle *cy)
{
    bool prov = q->level == SW_MAP_PROVINCIES;
    size_t m = prov ? cy->nprov : reg->n;
    figure *f = sw__calloc(m, sizeof *f);
    if (!f)
        return NULL;
    if (prov)
        for (size_t k = 0; k < cy->nprov; k++)
            f[k] = (figure){.code = cy->provincie[k].code, .naam = cy->provincie[k].naam};
    for (size_t i = 0; i < reg->n; i++) {
        const sw_gemeente *gm = &reg->gemeente[i];
        size_t k = i;
        if (prov) {
            for (k = 0; k < cy->nprov && f[k].code != gm->provincie; k++)
                ;
            if (k == cy->nprov)
                continue;
        } else {
            f[k].code = gm->code;
            f[k].naam = gm->naam;
        }
        if (!og->row[i].in_run)
            continue;
        /* Sums of a province fit: the library summed the same figures. */
        f[k].in_run = true;
        f[k].opgave += og->row[i].opgave;
        f[k].inwoners += gm->inwoners;
        if (p)
            f[k].geteld += p->row[i].geteld;
        if (g)
            f[k].bedrag += g->row[i].totaal;
    }
    *n = m;
    return f;
}

int sw_report_map(sw_buf *out, const sw_map *map, const sw_progress *p, const sw_grants *g,
                  const sw_opgave *og, const sw_register *reg, const sw_cycle *cy,
                  const sw_map_request *q, sw_diag *diag)
{
    assert(out && map && og && reg && cy && q);
    sw_map_maat maat = q->maat ? q->maat : p ? SW_MAAT_VOORTGANG : SW_MAAT_OPGAVE;
    if (!p && maat != SW_MAAT_OPGAVE)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "--maat geteld, voortgang and bedrag count places: give --locaties "
                           "FILE");
    if (maat == SW_MAAT_BEDRAG && !g)
        return sw_diag_add(diag, SW_EDATA, cy->file, 0, 0, NULL,
                           "--maat bedrag needs the grants, and cycle %lld has no tariffs: give "
                           "them with --cycle-file", (long long)cy->jaar);
    size_t n = 0;
    figure *f = figures(&n, q, p, g, og, reg, cy);
    sw_map_item *items = sw__calloc(n, sizeof *items);
    char(*title)[256] = sw__calloc(n, sizeof *title);
    if (!f || !items || !title) {
        free(f);
        free(items);
        free(title);
        return SW_ENOMEM;
    }
    int64_t drempel = p ? p->drempel_pct : cy->drempel_pct, max = 0;
    for (size_t k = 0; k < n; k++)
        if (f[k].in_run && measure_of(&f[k], maat) > max)
            max = measure_of(&f[k], maat);
    bool threshold = maat == SW_MAAT_VOORTGANG && q->level == SW_MAP_PROVINCIES;
    bool money = maat == SW_MAAT_BEDRAG;
    const sw_map_palette *pal = threshold ? &sw_map_palette_threshold
                                : money   ? &sw_map_palette_bedrag
                                          : &sw_map_palette_sequential;
    /* Money: class 0 is no money at all, the bands share the others. */
    int nbands = (int)pal->n - (money ? 1 : 0);
    bands B = bands_of(max, nbands, money ? CENTS : 1);
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        if (!f[k].in_run || (q->provincie && q->level == SW_MAP_GEMEENTEN &&
                             reg->gemeente[k].provincie != q->provincie))
            continue;
        char a[96], b[96], c[96], naam[160];
        /* a name of up to 1024 characters is valid; the figures after it in
         * the tooltip must stay whole, so the name is cut, at a character */
        size_t len = strlen(f[k].naam);
        if (sw__cut_utf8(naam, sizeof naam - 3, f[k].naam, len) < len)
            strcat(naam, "\xE2\x80\xA6");
        int klasse;
        if (maat == SW_MAAT_VOORTGANG) {
            klasse = threshold ? threshold_class(&f[k], drempel) : quarter_class(&f[k]);
            snprintf(title[m], sizeof title[m], "%s \xE2\x80\x94 opgave %s, geteld %s%s%s", naam,
                     count_text(a, sizeof a, f[k].opgave), count_text(b, sizeof b, f[k].geteld),
                     f[k].opgave ? ", " : "",
                     f[k].opgave ? pct_text(c, sizeof c, f[k].geteld, f[k].opgave) : "");
        } else {
            int64_t v = measure_of(&f[k], maat);
            klasse = money && v == 0 ? 0 : band_class(&B, v, nbands) + (money ? 1 : 0);
            snprintf(title[m], sizeof title[m], "%s \xE2\x80\x94 %s %s", naam,
                     maat == SW_MAAT_OPGAVE   ? "opgave"
                     : maat == SW_MAAT_GETELD ? "geteld"
                                              : "totaal",
                     maat == SW_MAAT_BEDRAG ? money_text(a, sizeof a, v)
                                            : count_text(a, sizeof a, v));
        }
        items[m] = (sw_map_item){.code = f[k].code, .klasse = klasse, .title = title[m]};
        /* Provinces are all named; of gemeenten the largest, where room. */
        if (q->level == SW_MAP_PROVINCIES || q->provincie) {
            items[m].label = f[k].naam;
            items[m].label_priority =
                f[k].inwoners > INT32_MAX / 2 ? INT32_MAX / 2 : (int)f[k].inwoners;
        }
        m++;
    }
    /* Legends in Dutch, each entry saying exactly what its colour holds;
     * the drawing leaves out the entries no shape has. */
    sw_map_legend_entry legend[8];
    char bounds[6][128];
    size_t nl = 0;
    const char *legend_title;
    if (threshold) {
        snprintf(bounds[0], sizeof bounds[0], "minder dan %lld %% (onder de drempel)",
                 (long long)drempel);
        snprintf(bounds[1], sizeof bounds[1], "%lld %% tot 100 %% (drempel gehaald)",
                 (long long)drempel);
        legend[nl++] = (sw_map_legend_entry){0, bounds[0]};
        legend[nl++] = (sw_map_legend_entry){1, bounds[1]};
        legend[nl++] = (sw_map_legend_entry){2, "100 % of meer (opgave gehaald)"};
        legend_title = "Voortgang tegen de drempel";
    } else if (maat == SW_MAAT_VOORTGANG) {
        static const char *const q4[5] = {"minder dan 25 %", "25 % tot 50 %", "50 % tot 75 %",
                                          "75 % tot 100 %", "100 % of meer"};
        for (int k = 0; k < 5; k++)
            legend[nl++] = (sw_map_legend_entry){k, q4[k]};
        legend_title = "Voortgang (geteld / opgave)";
    } else {
        if (money)
            legend[nl++] = (sw_map_legend_entry){0, "geen uitkering (\xE2\x82\xAC 0)"};
        for (int b = 0; b < B.n; b++) {
            /* the last band of figures near 2^63 has no upper edge that
             * fits: it is "X of meer" */
            int64_t lo = b * B.step, hi;
            bool open = __builtin_add_overflow(lo, B.step, &hi);
            char x[96], y[96];
            if (open && money)
                snprintf(bounds[b], sizeof bounds[b], "%s of meer", euro_text(x, sizeof x, lo));
            else if (open)
                snprintf(bounds[b], sizeof bounds[b], "%s of meer", count_text(x, sizeof x, lo));
            else if (money && b == 0)
                snprintf(bounds[b], sizeof bounds[b], "meer dan \xE2\x82\xAC 0 tot %s",
                         euro_text(y, sizeof y, hi));
            else if (money)
                snprintf(bounds[b], sizeof bounds[b], "%s tot %s", euro_text(x, sizeof x, lo),
                         euro_text(y, sizeof y, hi));
            else if (B.step == 1)
                snprintf(bounds[b], sizeof bounds[b], "%s", count_text(x, sizeof x, lo));
            else if (b == 0)
                snprintf(bounds[b], sizeof bounds[b], "minder dan %s", count_text(y, sizeof y, hi));
            else
                snprintf(bounds[b], sizeof bounds[b], "%s tot %s", count_text(x, sizeof x, lo),
                         count_text(y, sizeof y, hi));
            legend[nl++] =
                (sw_map_legend_entry){(money ? 1 : 0) + band_class(&B, lo, nbands), bounds[b]};
        }
        legend_title = maat == SW_MAAT_OPGAVE ? "Opgave (plaatsen)"
                       : maat == SW_MAAT_GETELD ? "Geteld (plaatsen)"
                                                : "Totaal art. 9 (lid 3 + lid 2b)";
    }
    legend[nl++] = (sw_map_legend_entry){SW_MAP_GEEN, "geen opgave"};
    char cap[3][200], date[32];
    const char *caption[3];
    sw_date d = p ? p->peildatum : cy->peildatum;
    snprintf(date, sizeof date, "%d-%d-%04d", d.d, d.m, d.y);
    snprintf(cap[0], sizeof cap[0], "Cyclus %lld, peildatum %s", (long long)cy->jaar, date);
    snprintf(cap[1], sizeof cap[1], "%s",
             og->file ? "Opgave uit een opgavebestand"
                      : sw_cycle_has_opgaven(cy) ? "Opgave: provinciale opgaven van de cyclus"
                                                 : "Opgave berekend (landelijk): geen provinciale opgaven "
                                                   "bekend");
    for (int k = 0; k < 2; k++)
        caption[k] = cap[k];
    char scenario[1024];
    if (p && p->scenario) {
        memcpy(scenario, "SCENARIO: ", 10);
        sw__scenario_describe(scenario + 10, sizeof scenario - 10, p, reg);
    }
    sw_map_options mo = {
        .level = q->level,
        .provincie = q->provincie,
        .palette = pal,
        .item = items,
        .nitems = m,
        .legend_title = legend_title,
        .legend = legend,
        .nlegend = nl,
        .title = q->title,
        .caption = caption,
        .ncaption = 2,
        .scenario = p && p->scenario ? scenario : NULL,
        .id_prefix = q->id_prefix,
        .standalone = q->standalone,
    };
    int rc = sw_map_svg(out, NULL, map, &mo, diag);
    free(f);
    free(items);
    free(title);
    return rc;
}
