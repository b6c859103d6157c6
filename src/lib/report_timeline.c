/* A timeline as a report (`spreiding progress --tijdlijn`, `report
 * --tijdlijn`): the long tables per gemeente and per province (one row per
 * peildatum and code), what people ask first — when each province first met
 * the threshold, when it fell below again, where it stands at the last
 * date — and a line chart per province. Every figure is a step of the
 * progress result; this file only arranges them.
 *
 * People (terminal, Markdown, HTML) read the long tables as changes: a
 * province, and a gemeente whose count changes in the range, at the first
 * date and at each date its count differs from the date before; the
 * gemeenten that never change are counted, per province, not listed (a
 * weekly range over the country would otherwise be tens of thousands of
 * rows). CSV and JSON keep every date; --gemeente lists a gemeente's whole
 * series. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_run.h"
#include "spreiding/timeline.h"
#include "util.h"

#define NCOLS(c) (sizeof c / sizeof c[0])

typedef struct tl_src {
    const sw_progress *p;
    const sw_kso_series *kso; /* or NULL */
    const sw_register *reg;
    size_t *rows; /* register indices of the gemeenten shown, by code */
    size_t nrows;
    bool by_gemeente; /* the gemeenten table by code, then peildatum */
} tl_src;

/* The date of step s for people ("1-7-2025"), in the row's scratch. */
static const char *step_text(sw_scratch *s, const sw_progress *p, size_t step)
{
    sw_date d = p->step[step].peildatum;
    return sw__scratch_printf(s, "%d-%d-%04d", d.d, d.m, d.y);
}

/* The steps at which a province's exact test changes (the first step counts
 * as a change when the test holds there). */
typedef enum { EERSTE, VOOR_HET_EERST, WEER_ONDER, WEER_GEHAALD } wissel_kind;

typedef struct wissel {
    size_t prov, step;
    wissel_kind kind;
} wissel;

typedef struct wissel_src {
    const sw_progress *p;
    const wissel *w;
} wissel_src;

/* voortgang_pct: 100·R/O shown rounded down (see report_progress.c). */
#define VOORTGANG_COLUMN                                                                           \
    {                                                                                              \
        "voortgang_pct", "Voortgang", SW_KIND_PERCENT, SW_ROLE_PROGRESS, 2, SW_ROUND_DECIMAL_DOWN  \
    }

static sw_value voortgang(const sw_progress_provincie *pv)
{
    return pv->opgave ? sw__fraction((sw_i128)100 * pv->geteld, pv->opgave) : sw__empty();
}

/* ---- per gemeente, per peildatum ---- */

static const sw_column gemeente_cols[] = {
    {"peildatum", "Peildatum", SW_KIND_DATE, SW_ROLE_KEY, 0, 0},
    {"gemeentecode", "Code", SW_KIND_CODE, SW_ROLE_KEY, 0, 0},
    {"gemeentenaam", "Gemeente", SW_KIND_NAME, SW_ROLE_KEY, 0, 0},
    {"provinciecode", "Prov.", SW_KIND_CODE, SW_ROLE_PROVINCE, 0, 0},
    {"opgave", "Opgave", SW_KIND_COUNT, 0, 0, 0},
    {"geteld", "Geteld", SW_KIND_COUNT, 0, 0, 0},
    {"duurzaam", "Duurzaam", SW_KIND_COUNT, 0, 0, 0},
};

static int gemeente_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const tl_src *x = src;
    size_t n = x->p->nsteps;
    size_t step = x->by_gemeente ? k % n : k / x->nrows;
    size_t i = x->by_gemeente ? x->rows[k / n] : x->rows[k % x->nrows];
    const sw_gemeente *g = &x->reg->gemeente[i];
    const sw_progress_row *r = &x->p->step[step].row[i];
    c[0] = sw__date(x->p->step[step].peildatum);
    c[1] = sw__text(sw__gm(s, g->code));
    c[2] = sw__text(g->naam);
    c[3] = sw__text(sw__pv(s, g->provincie));
    c[4] = sw__count(x->p->opgave->row[i].opgave);
    c[5] = sw__what_if(sw__count(r->geteld), &x->p->row[i]);
    c[6] = sw__what_if(sw__count(r->duurzaam), &x->p->row[i]);
    return 0;
}

/* ---- per province, per peildatum ---- */

static const sw_column provincie_cols[] = {
    {"peildatum", "Peildatum", SW_KIND_DATE, SW_ROLE_KEY, 0, 0},
    {"provinciecode", "Code", SW_KIND_CODE, SW_ROLE_KEY | SW_ROLE_PROVINCE, 0, 0},
    {"provincie", "Provincie", SW_KIND_NAME, SW_ROLE_KEY | SW_ROLE_PROVINCE_NAME, 0, 0},
    {"opgave", "Opgave", SW_KIND_COUNT, 0, 0, 0},
    {"geteld", "Geteld", SW_KIND_COUNT, 0, 0, 0},
    VOORTGANG_COLUMN,
    {"drempel_gehaald", "Drempel gehaald", SW_KIND_YESNO, SW_ROLE_STATUS, 0, 0},
    /* with --kso only (the columns past NPROV_COLS) */
    {"kso_plaatsen", "KSO gerealiseerd (plaatsen)", SW_KIND_COUNT, 0, 0, 0},
    {"kso_locaties", "KSO gerealiseerd (locaties)", SW_KIND_COUNT, 0, 0, 0},
};
enum { NPROV_COLS = 7 };

/* Where province `code` stands in a KSO series, or SIZE_MAX. */
static size_t kso_index(const sw_kso_series *ks, int code)
{
    for (size_t j = 0; ks && j < ks->nprov; j++)
        if (ks->provincie[j] == code)
            return j;
    return SIZE_MAX;
}

static int provincie_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const tl_src *x = src;
    size_t step = k / x->p->nprov;
    const sw_progress_provincie *pv = &x->p->step[step].prov[k % x->p->nprov];
    c[0] = sw__date(x->p->step[step].peildatum);
    c[1] = sw__text(sw__pv(s, pv->code));
    c[2] = sw__text(pv->naam);
    c[3] = sw__count(pv->opgave);
    c[4] = sw__count(pv->geteld);
    c[5] = voortgang(pv);
    c[6] = sw__yesno(pv->gehaald);
    const sw_kso_series *ks = x->kso;
    size_t j = kso_index(ks, pv->code);
    if (j != SIZE_MAX) {
        c[7] = sw__count(ks->plaatsen[step * ks->nprov + j]);
        c[8] = sw__count(ks->locaties[step * ks->nprov + j]);
    }
    return 0;
}

/* ---- the course per province: first met, fell below again, last stand ---- */

/* The first table keyed by province: the HTML page's answer, its SUMMARY
 * columns at the top, opgave (TARGET) and the last count (ACHIEVED) drawn
 * against the threshold. */
static const sw_column verloop_cols[] = {
    SW__PROVINCIE_COLUMNS,
    {"opgave", "Opgave", SW_KIND_COUNT, SW_ROLE_TOTAL | SW_ROLE_TARGET | SW_ROLE_SUMMARY, 0, 0},
    {"eerst_gehaald", "Eerst gehaald", SW_KIND_ANY, SW_ROLE_SUMMARY, 0, 0},
    {"weer_onder", "Weer onder", SW_KIND_COUNT, SW_ROLE_SUMMARY, 0, 0},
    {"geteld", "Geteld", SW_KIND_COUNT, SW_ROLE_TOTAL | SW_ROLE_ACHIEVED | SW_ROLE_SUMMARY, 0, 0},
    {"voortgang_pct", "Voortgang", SW_KIND_PERCENT, SW_ROLE_PROGRESS | SW_ROLE_SUMMARY, 2,
     SW_ROUND_DECIMAL_DOWN},
    {"drempel_gehaald", "Drempel gehaald", SW_KIND_YESNO, SW_ROLE_STATUS | SW_ROLE_SUMMARY, 0, 0},
    {"tekort_75", "Tekort tot drempel", SW_KIND_COUNT, SW_ROLE_TOTAL | SW_ROLE_SUMMARY, 0, 0},
};

static int verloop_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const tl_src *x = src;
    const sw_progress *p = x->p;
    const sw_progress_provincie *last = &p->step[p->nsteps - 1].prov[k];
    long first = -1;
    int64_t below = 0;
    for (size_t st = 0; st < p->nsteps; st++) {
        bool met = p->step[st].prov[k].gehaald;
        if (met && first < 0)
            first = (long)st;
        else if (!met && first >= 0 && p->step[st - 1].prov[k].gehaald)
            below++;
    }
    c[0] = sw__text(sw__pv(s, last->code));
    c[1] = sw__text(last->naam);
    c[2] = sw__count(last->opgave);
    c[3] = first >= 0 ? sw__as(SW_KIND_DATE, 0, 0, sw__date(p->step[first].peildatum))
                      : sw__as(SW_KIND_TEXT, 0, 0, sw__text("nog niet"));
    /* A step is a sample: the test first held after the step before. */
    if (first == 0)
        c[3].human = sw__scratch_printf(s, "al op %s", step_text(s, p, 0));
    else if (first > 0)
        c[3].human = sw__scratch_printf(s, "tussen %s en %s", step_text(s, p, (size_t)first - 1),
                                        step_text(s, p, (size_t)first));
    c[4] = sw__count(below);
    c[5] = sw__count(last->geteld);
    c[6] = voortgang(last);
    c[7] = sw__yesno(last->gehaald);
    c[8] = sw__count(last->tekort_drempel);
    return 0;
}

static const sw_column wissel_cols[] = {
    {"provinciecode", "Code", SW_KIND_CODE, SW_ROLE_KEY | SW_ROLE_PROVINCE, 0, 0},
    {"provincie", "Provincie", SW_KIND_NAME, SW_ROLE_KEY | SW_ROLE_PROVINCE_NAME, 0, 0},
    {"peildatum", "Peildatum", SW_KIND_DATE, SW_ROLE_KEY, 0, 0},
    {"wisseling", "Drempel", SW_KIND_TEXT, 0, 0, 0},
    {"geteld", "Geteld", SW_KIND_COUNT, 0, 0, 0},
    VOORTGANG_COLUMN,
};

static int wissel_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    static const char *const text[] = {
        [EERSTE] = "gehaald op de eerste peildatum",
        [VOOR_HET_EERST] = "voor het eerst gehaald",
        [WEER_ONDER] = "weer onder de drempel",
        [WEER_GEHAALD] = "weer gehaald",
    };
    const wissel_src *x = src;
    const wissel *w = &x->w[k];
    const sw_progress_provincie *pv = &x->p->step[w->step].prov[w->prov];
    c[0] = sw__text(sw__pv(s, pv->code));
    c[1] = sw__text(pv->naam);
    c[2] = sw__date(x->p->step[w->step].peildatum);
    c[3] = sw__text(text[w->kind]);
    c[4] = sw__count(pv->geteld);
    c[5] = voortgang(pv);
    return 0;
}

/* Every change of every province's test, by province, then date. */
static wissel *wissels(sw_report *r, const sw_progress *p, size_t *n)
{
    *n = 0;
    for (size_t k = 0; k < p->nprov; k++)
        for (size_t s = 0; s < p->nsteps; s++)
            *n += p->step[s].prov[k].gehaald != (s > 0 && p->step[s - 1].prov[k].gehaald);
    wissel *w = sw__alloc(r, *n, sizeof *w);
    if (!w)
        return NULL;
    size_t m = 0;
    for (size_t k = 0; k < p->nprov; k++) {
        bool ever = false;
        for (size_t s = 0; s < p->nsteps; s++) {
            bool met = p->step[s].prov[k].gehaald, before = s > 0 && p->step[s - 1].prov[k].gehaald;
            if (met == before)
                continue;
            w[m++] = (wissel){k, s,
                              !met     ? WEER_ONDER
                              : s == 0 ? EERSTE
                              : ever   ? WEER_GEHAALD
                                       : VOOR_HET_EERST};
            ever = ever || met;
        }
    }
    return w;
}

/* ---- parameters ---- */

static const char *human_date(sw_report *r, sw_date d)
{
    return sw__printf(r, "%d-%d-%04d", d.d, d.m, d.y);
}

/* The run's "peildatum" becomes the timeline: the range as given, its step
 * and how many dates it gave. */
static void timeline_meta(sw_report *r, const sw_progress *p, const sw_timeline *t)
{
    sw_date van = t ? t->van : p->step[0].peildatum;
    sw_date tot = t ? t->tot : p->step[p->nsteps - 1].peildatum;
    char a[11], b[11], step[64];
    sw_format_date(a, van);
    sw_format_date(b, tot);
    const char *machine = t ? sw__printf(r, "%s:%s:%lld%c", a, b, (long long)t->n, t->unit)
                            : sw__printf(r, "%s:%s", a, b);
    const char *human =
        sw__printf(r, "%s t/m %s%s%s: %zu peildata", human_date(r, van), human_date(r, tot),
                   t ? ", " : "", t ? sw_timeline_step_text(t, step, sizeof step) : "", p->nsteps);
    for (size_t i = 0; i < r->nmeta; i++)
        if (strcmp(r->meta[i].key, "peildatum") == 0)
            r->meta[i] =
                (sw_meta){"tijdlijn", "Tijdlijn", SW_KIND_TEXT, sw__text(machine), human, false};
}

/* ---- building ---- */

static int compare_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* The gemeenten of the gemeenten table: those asked for (in code order, each
 * once), or every gemeente of the run. */
static int gemeenten(sw_report *r, tl_src *x, const sw_timeline_report_options *o, sw_diag *diag)
{
    const sw_progress *p = x->p;
    size_t want = o && o->ngemeenten ? o->ngemeenten : p->n;
    x->rows = sw__alloc(r, want, sizeof *x->rows);
    if (!x->rows)
        return SW_ENOMEM;
    if (!o || !o->ngemeenten) {
        for (size_t i = 0; i < p->n; i++)
            if (p->prov_of[i] >= 0)
                x->rows[x->nrows++] = i;
        return 0;
    }
    for (size_t k = 0; k < o->ngemeenten; k++) {
        size_t i = o->gemeenten[k];
        assert(i < p->n);
        if (p->prov_of[i] < 0)
            return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                               "--gemeente GM%04d: that gemeente does not take part in this run "
                               "(it is not in the opgave file)",
                               x->reg->gemeente[i].code);
        x->rows[x->nrows++] = i;
    }
    sw__sort(x->rows, x->nrows, sizeof *x->rows, compare_size);
    size_t m = 0;
    for (size_t k = 0; k < x->nrows; k++)
        if (m == 0 || x->rows[m - 1] != x->rows[k])
            x->rows[m++] = x->rows[k];
    x->nrows = m;
    return 0;
}

/* One chart per province shown, placed by the HTML writer at its code. */
static void charts(sw_report *r, const sw_progress *p, const sw_report_context *ctx)
{
    for (size_t k = 0; k < p->nprov && !sw__report_error(r); k++) {
        if (ctx->provincie && p->prov[k].code != ctx->provincie)
            continue;
        sw_buf b = {0};
        sw_chart_options co = {NULL, r->scenario};
        if (sw_timeline_chart_svg(&b, p, k, &co) != 0) {
            sw_buf_free(&b);
            sw__report_fail(r, SW_ENOMEM);
            return;
        }
        char where[8];
        snprintf(where, sizeof where, "PV%02d", p->prov[k].code % 100);
        sw__picture(r, where, sw__str(r, b.data));
        sw_buf_free(&b);
    }
}

/* ---- for people: the changes ---- */

/* Whether gemeente i counts other places (or other duurzame ones) at step s
 * than at the step before. */
static bool gemeente_changes(const sw_progress *p, size_t i, size_t s)
{
    const sw_progress_row *a = &p->step[s - 1].row[i], *b = &p->step[s].row[i];
    return a->geteld != b->geteld || a->duurzaam != b->duurzaam;
}

/* Whether province k counts other places at step s than at the step before,
 * meets the threshold there where it did not (or the other way), or, when
 * the table shows them, has other small-scale places or locations. */
static bool province_changes(const tl_src *x, size_t k, size_t s)
{
    const sw_progress *p = x->p;
    const sw_progress_provincie *a = &p->step[s - 1].prov[k], *b = &p->step[s].prov[k];
    if (a->geteld != b->geteld || a->gehaald != b->gehaald)
        return true;
    const sw_kso_series *ks = x->kso;
    size_t j = kso_index(ks, b->code);
    return j != SIZE_MAX &&
           (ks->plaatsen[(s - 1) * ks->nprov + j] != ks->plaatsen[s * ks->nprov + j] ||
            ks->locaties[(s - 1) * ks->nprov + j] != ks->locaties[s * ks->nprov + j]);
}

/* Up to this many of a province's gemeenten that do not change but count
 * places are named in its section; a province has at most about 60. */
enum { NAMED_STILL = 12 };

/* ": Middelburg (Z.) 600, de andere 9 geen": what the gemeenten of province k
 * that count the same places at every step count. */
static const char *counting_still(sw_report *r, const tl_src *x, size_t k, size_t still)
{
    const sw_progress *p = x->p;
    const char *list = "";
    size_t named = 0, more = 0;
    for (size_t g = 0; g < x->nrows; g++) {
        size_t i = x->rows[g];
        if ((size_t)p->prov_of[i] != k || p->step[0].row[i].geteld == 0)
            continue;
        bool same = true;
        for (size_t s = 1; s < p->nsteps && same; s++)
            same = !gemeente_changes(p, i, s);
        if (!same)
            continue;
        if (named == NAMED_STILL) {
            more++;
            continue;
        }
        list = sw__printf(r, "%s%s %s %s", list, named ? "," : ":", x->reg->gemeente[i].naam,
                          sw__count_text(r, p->step[0].row[i].geteld));
        named++;
    }
    size_t none = still - named - more;
    if (!named)
        return ": geen";
    return sw__printf(r, "%s%s%s", list, more ? sw__printf(r, ", nog %zu andere", more) : "",
                      none ? sw__printf(r, ", de andere %zu geen", none) : "");
}

/* The rows (by code, then peildatum) of each gemeente that changes: its
 * first step and every step at which it changes. Each province's section
 * says how many of its gemeenten do not change. */
static size_t *gemeente_changes_index(sw_report *r, const tl_src *x, const sw_report_context *ctx,
                                      size_t *n)
{
    const sw_progress *p = x->p;
    size_t ns = p->nsteps;
    size_t *index = sw__alloc(r, x->nrows * ns, sizeof *index);
    size_t *in_prov = sw__alloc(r, p->nprov ? p->nprov : 1, sizeof *in_prov);
    size_t *still = sw__alloc(r, p->nprov ? p->nprov : 1, sizeof *still);
    *n = 0;
    if (!index || !in_prov || !still)
        return NULL;
    size_t unchanged = 0;
    for (size_t g = 0; g < x->nrows; g++) {
        size_t i = x->rows[g], k = (size_t)p->prov_of[i];
        size_t from = *n;
        index[(*n)++] = g * ns;
        for (size_t s = 1; s < ns; s++)
            if (gemeente_changes(p, i, s))
                index[(*n)++] = g * ns + s;
        in_prov[k]++;
        if (*n == from + 1) { /* no change: not listed */
            *n = from;
            still[k]++;
            unchanged++;
        }
    }
    char van[16], tot[16];
    sw_date a = p->step[0].peildatum, b = p->step[ns - 1].peildatum;
    snprintf(van, sizeof van, "%d-%d-%04d", a.d, a.m, a.y);
    snprintf(tot, sizeof tot, "%d-%d-%04d", b.d, b.m, b.y);
    for (size_t k = 0; k < p->nprov; k++) {
        const char *pv = sw__printf(r, "PV%02d", p->prov[k].code), *naam = p->prov[k].naam;
        if (!still[k] || (ctx->provincie && p->prov[k].code != ctx->provincie))
            continue;
        if (still[k] == in_prov[k])
            sw__remark(r, pv,
                       "Alle %zu gemeenten in %s tellen van %s tot en met %s op elke "
                       "peildatum dezelfde plaatsen%s.",
                       in_prov[k], naam, van, tot, counting_still(r, x, k, still[k]));
        else
            sw__remark(r, pv,
                       "%zu van de %zu gemeenten in %s %s van %s tot en met %s op "
                       "elke peildatum dezelfde plaatsen%s; de tabel toont de andere %zu.",
                       still[k], in_prov[k], naam, still[k] == 1 ? "telt" : "tellen", van, tot,
                       counting_still(r, x, k, still[k]), in_prov[k] - still[k]);
    }
    sw__note(r, SW_NOTE_INFO,
             "De tabellen per peildatum tonen de eerste peildatum en elke peildatum waarop het "
             "aantal verandert, en alleen de gemeenten waarvan het aantal verandert (%zu van de "
             "%zu gemeenten niet). CSV en JSON hebben elke peildatum van elke gemeente; "
             "--gemeente GMxxxx toont de hele reeks van een gemeente.",
             unchanged, x->nrows);
    return index;
}

/* The province rows (by peildatum, then code) at the first step and at each
 * step at which the province's count or verdict changes. */
static size_t *province_changes_index(sw_report *r, const tl_src *x, size_t *n)
{
    const sw_progress *p = x->p;
    size_t *index = sw__alloc(r, p->nsteps * p->nprov, sizeof *index);
    *n = 0;
    for (size_t s = 0; index && s < p->nsteps; s++)
        for (size_t k = 0; k < p->nprov; k++)
            if (s == 0 || province_changes(x, k, s))
                index[(*n)++] = s * p->nprov + k;
    return index;
}

int sw_report_timeline(sw_report **out, const sw_progress *p, const sw_allocation *a,
                       const sw_register *reg, const sw_cycle *cy, const sw_report_context *ctx,
                       const sw_timeline_report_options *opt, sw_diag *diag)
{
    assert(out && p && reg && cy && ctx && p->nsteps > 0);
    *out = NULL;
    sw_report *r = sw__report_new();
    if (!r)
        return SW_ENOMEM;
    const sw_timeline *t = opt ? opt->tijdlijn : NULL;
    bool people = opt && opt->voor_mensen;
    sw_date van = p->step[0].peildatum, tot = p->step[p->nsteps - 1].peildatum;
    const char *in = sw__scope(r, cy, ctx->provincie);
    r->title = sw__printf(r, "%sTijdlijn: voortgang per peildatum%s, cyclus %lld, %s t/m %s",
                          p->scenario ? "SCENARIO - " : "", in, (long long)cy->jaar,
                          human_date(r, van), human_date(r, tot));
    r->scenario = sw__scenario_text(r, p, reg);
    r->threshold_pct = p->drempel_pct;
    sw__run_meta(r, p, NULL, a, reg, cy, ctx);
    timeline_meta(r, p, t);
    sw__run_notes(r, p, NULL, a, reg, cy, ctx);
    sw__note(r, SW_NOTE_INFO,
             "Elke peildatum is geteld zoals een run met --peildatum op die datum: dezelfde "
             "opgave, dezelfde regels%s.",
             p->scenario ? " en hetzelfde scenario" : "");

    tl_src *x = sw__alloc(r, 1, sizeof *x);
    int rc = x ? 0 : SW_ENOMEM;
    if (rc == 0) {
        *x = (tl_src){.p = p, .kso = opt ? opt->kso : NULL, .reg = reg, .by_gemeente = people};
        rc = gemeenten(r, x, opt, diag);
    }
    if (rc != 0) {
        sw_report_free(r);
        return rc;
    }
    char last[16];
    snprintf(last, sizeof last, "%d-%d-%04d", tot.d, tot.m, tot.y);
    sw_table *tb =
        sw__table(r, "verloop", sw__printf(r, "Verloop per provincie, stand op %s", last),
                  verloop_cols, NCOLS(verloop_cols), p->nprov, verloop_row, x);
    if (tb) {
        tb->totals = true;
        sw__table_filter(r, tb, ctx->provincie);
    }
    size_t nw = 0;
    wissel *w = wissels(r, p, &nw);
    wissel_src *ws = sw__alloc(r, 1, sizeof *ws);
    if (w && ws) {
        *ws = (wissel_src){p, w};
        tb = sw__table(r, "wisselingen", "Peildata waarop de drempel werd gehaald of weer niet",
                       wissel_cols, NCOLS(wissel_cols), nw, wissel_row, ws);
        if (tb) {
            sw__table_filter(r, tb, ctx->provincie);
            tb->noun = tb->title;
            tb->title = sw__printf(r, "%s (%zu)", tb->title, tb->nrows);
        }
    }
    tb = sw__table(r, "provincies",
                   people ? "Provincies per peildatum, bij elke wijziging"
                          : "Provincies per peildatum",
                   provincie_cols, x->kso ? NCOLS(provincie_cols) : NPROV_COLS,
                   p->nsteps * p->nprov, provincie_row, x);
    if (tb && people) {
        tb->index = province_changes_index(r, x, &tb->nrows);
        tb->noun = "Stand op de eerste peildatum en bij elke wijziging";
    }
    if (tb)
        sw__table_filter(r, tb, ctx->provincie);
    bool changes = people && !(opt->ngemeenten);
    tb = sw__table(r, "gemeenten",
                   changes ? "Gemeenten die veranderen, bij elke wijziging"
                           : "Gemeenten per peildatum",
                   gemeente_cols, NCOLS(gemeente_cols), p->nsteps * x->nrows, gemeente_row, x);
    if (tb && changes) {
        tb->index = gemeente_changes_index(r, x, ctx, &tb->nrows);
        tb->noun = "Gemeenten die veranderen";
    }
    if (tb)
        sw__table_filter(r, tb, ctx->provincie);
    charts(r, p, ctx);
    return sw__report_done(out, r, diag);
}
