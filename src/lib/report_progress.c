/* Progress, grants and the overview as reports (`spreiding progress`,
 * `grants`, `report`). Each table is a list of column descriptions and one
 * function that fills a row; the province filter and totals are the
 * document's. */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "report_run.h"

typedef struct run_src {
    const sw_progress *p;
    const sw_grants *g; /* NULL without grants */
    const sw_register *reg;
    size_t *rows;       /* register indices of the gemeenten in the run */
} run_src;

#define NCOLS(c) (sizeof c / sizeof c[0])

static void gemeente_cells(sw_value *c, const run_src *x, size_t i, sw_scratch *s)
{
    const sw_gemeente *g = &x->reg->gemeente[i];
    c[0] = sw__text(sw__gm(s, g->code));
    c[1] = sw__text(g->naam);
    c[2] = sw__text(sw__pv(s, g->provincie));
    c[3] = sw__text(x->p->prov[x->p->prov_of[i]].naam);
}

/* voortgang_pct: 100·R/O shown rounded down (§7.11), so a percentage at the
 * threshold is never shown for a province below it. */
#define VOORTGANG_COLUMN                                                                   \
    {"voortgang_pct", "Voortgang", SW_KIND_PERCENT, SW_ROLE_PROGRESS | SW_ROLE_SUMMARY, 2,  \
     SW_ROUND_DECIMAL_DOWN}
/* The province columns a chart reads: what is asked and what counts. */
#define OPGAVE_COLUMN                                                                      \
    {"opgave", "Opgave", SW_KIND_COUNT, SW_ROLE_TOTAL | SW_ROLE_TARGET | SW_ROLE_SUMMARY, 0, 0}
#define GETELD_COLUMN                                                                      \
    {"geteld", "Geteld", SW_KIND_COUNT, SW_ROLE_TOTAL | SW_ROLE_ACHIEVED | SW_ROLE_SUMMARY, 0, 0}
#define GEHAALD_COLUMN                                                                     \
    {"drempel_gehaald", "Drempel gehaald", SW_KIND_YESNO, SW_ROLE_STATUS | SW_ROLE_SUMMARY, 0, 0}
#define TEKORT_COLUMN                                                                      \
    {"tekort_75", "Tekort tot drempel", SW_KIND_COUNT, SW_ROLE_TOTAL | SW_ROLE_SUMMARY, 0, 0}
/* A gemeente's verdict for lid 3 only: a gemeente that is not eligible for
 * lid 3 can still get lid 2b. */
#define IN_AANMERKING_COLUMN                                                                       \
    {                                                                                              \
        "in_aanmerking", "In aanmerking lid 3", SW_KIND_YESNO, SW_ROLE_STATUS, 0, 0                \
    }
/* What lid 3 would give a province once it meets the threshold: in the
 * answer, after the money it gets now. */
#define POTENTIEEL_ROLES (SW_ROLE_TOTAL | SW_ROLE_SUMMARY | SW_ROLE_POTENTIAL)

static sw_value voortgang(const sw_progress_provincie *pv)
{
    return pv->opgave ? sw__fraction((sw_i128)100 * pv->geteld, pv->opgave) : sw__empty();
}

/* ---- progress ---- */

static const sw_column progress_cols[] = {
    SW__GEMEENTE_COLUMNS,
    {"opgave", "Opgave", SW_KIND_COUNT, SW_ROLE_TOTAL | SW_ROLE_TARGET, 0, 0},
    {"opgave_amv", "Opgave amv", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"geteld", "Geteld", SW_KIND_COUNT, SW_ROLE_TOTAL | SW_ROLE_ACHIEVED, 0, 0},
    {"geteld_amv", "Geteld amv", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"duurzaam", "Duurzaam", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"verschil", "Verschil", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
};

static int progress_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const run_src *x = src;
    size_t i = x->rows[k];
    const sw_opgave_row *o = &x->p->opgave->row[i];
    const sw_progress_row *pr = &x->p->row[i];
    gemeente_cells(c, x, i, s);
    c[4] = sw__count(o->opgave);
    c[5] = o->has_amv ? sw__count(o->opgave_amv) : sw__empty();
    c[6] = sw__what_if(sw__count(pr->geteld), pr);
    c[7] = sw__count(pr->geteld_amv);
    c[8] = sw__what_if(sw__count(pr->duurzaam), pr);
    c[9] = sw__what_if(sw__count(pr->geteld - o->opgave), pr);
    return 0;
}

static const sw_column progress_prov_cols[] = {
    SW__PROVINCIE_COLUMNS,
    OPGAVE_COLUMN,
    GETELD_COLUMN,
    VOORTGANG_COLUMN,
    GEHAALD_COLUMN,
    TEKORT_COLUMN,
    {"tekort_100", "Tekort tot 100%", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
};

static int progress_prov_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const run_src *x = src;
    const sw_progress_provincie *pv = &x->p->prov[k];
    c[0] = sw__text(sw__pv(s, pv->code));
    c[1] = sw__text(pv->naam);
    c[2] = sw__count(pv->opgave);
    c[3] = sw__count(pv->geteld);
    c[4] = voortgang(pv);
    c[5] = sw__yesno(pv->gehaald);
    c[6] = sw__count(pv->tekort_drempel);
    c[7] = sw__count(pv->tekort_100);
    return 0;
}

/* ---- grants ---- */

/* The answer of a grants row is its status and its money: those go first
 * where a narrow terminal splits the table. */
static const sw_column grants_cols[] = {
    SW__GEMEENTE_COLUMNS,
    {"geteld", "Geteld", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"duurzaam", "Duurzaam", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"aandeel", "Aandeel in provincie", SW_KIND_SHARE, 0, 6, SW_ROUND_DECIMAL_HALF_UP},
    IN_AANMERKING_COLUMN,
    {"bedrag_lid3", "Bedrag lid 3", SW_KIND_MONEY, SW_ROLE_TOTAL, 0, 0},
    {"potentieel_lid3", "Potentieel lid 3", SW_KIND_MONEY, SW_ROLE_TOTAL | SW_ROLE_POTENTIAL, 0, 0},
    {"bedrag_lid2b", "Bedrag lid 2b", SW_KIND_MONEY, SW_ROLE_TOTAL, 0, 0},
    {"totaal", "Totaal", SW_KIND_MONEY, SW_ROLE_TOTAL | SW_ROLE_SUMMARY, 0, 0},
    {"aandeel_exact", "Aandeel (exact)", SW_KIND_RATIO, SW_ROLE_EXACT, 0, 0},
};

static int grants_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const run_src *x = src;
    size_t i = x->rows[k];
    const sw_progress_row *pr = &x->p->row[i];
    const sw_grant_row *gr = &x->g->row[i];
    int64_t R = x->p->prov[x->p->prov_of[i]].geteld;
    gemeente_cells(c, x, i, s);
    c[4] = sw__what_if(sw__count(pr->geteld), pr);
    c[5] = sw__what_if(sw__count(pr->duurzaam), pr);
    c[6] = sw__fraction(pr->geteld, R ? R : 1);
    c[7] = sw__yesno(gr->in_aanmerking);
    c[8] = sw__money(gr->bedrag_lid3);
    c[9] = sw__money(gr->potentieel_lid3);
    c[10] = sw__money(gr->bedrag_lid2b);
    c[11] = sw__money(gr->totaal);
    c[12] = sw__fraction(pr->geteld, R ? R : 1);
    return 0;
}

static const sw_column grants_prov_cols[] = {
    SW__PROVINCIE_COLUMNS,
    OPGAVE_COLUMN,
    GETELD_COLUMN,
    GEHAALD_COLUMN,
    TEKORT_COLUMN,
    {"budget", "Budget", SW_KIND_MONEY, SW_ROLE_TOTAL, 0, 0},
    /* In the answer: what the gemeenten get now, and what lid 3 would give
     * once the province meets the threshold. */
    {"bedrag_lid3", "Bedrag lid 3", SW_KIND_MONEY, SW_ROLE_TOTAL | SW_ROLE_SUMMARY, 0, 0},
    {"potentieel_lid3", "Potentieel lid 3", SW_KIND_MONEY, POTENTIEEL_ROLES, 0, 0},
    {"bedrag_lid2b", "Bedrag lid 2b", SW_KIND_MONEY, SW_ROLE_TOTAL | SW_ROLE_SUMMARY, 0, 0},
    {"totaal", "Totaal art. 9", SW_KIND_MONEY, SW_ROLE_TOTAL | SW_ROLE_SUMMARY, 0, 0},
};

static int grants_prov_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const run_src *x = src;
    const sw_progress_provincie *pv = &x->p->prov[k];
    const sw_grant_provincie *gp = &x->g->prov[k];
    c[0] = sw__text(sw__pv(s, pv->code));
    c[1] = sw__text(pv->naam);
    c[2] = sw__count(pv->opgave);
    c[3] = sw__count(pv->geteld);
    c[4] = sw__yesno(pv->gehaald);
    c[5] = sw__count(pv->tekort_drempel);
    c[6] = gp->has_budget ? sw__money(gp->budget) : sw__empty();
    c[7] = sw__money(gp->bedrag_lid3);
    c[8] = sw__money(gp->potentieel_lid3);
    c[9] = sw__money(gp->bedrag_lid2b);
    c[10] = sw__money(gp->totaal);
    return 0;
}

/* ---- overview ---- */

static const sw_column overview_prov_cols[] = {
    SW__PROVINCIE_COLUMNS,
    {"gemeenten", "Gemeenten", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    OPGAVE_COLUMN,
    GETELD_COLUMN,
    VOORTGANG_COLUMN,
    GEHAALD_COLUMN,
    TEKORT_COLUMN,
    {"tekort_100", "Tekort tot 100%", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"bedrag_lid3", "Bedrag lid 3", SW_KIND_MONEY, SW_ROLE_TOTAL | SW_ROLE_SUMMARY, 0, 0},
    {"potentieel_lid3", "Potentieel lid 3", SW_KIND_MONEY, POTENTIEEL_ROLES, 0, 0},
    {"bedrag_lid2b", "Bedrag lid 2b", SW_KIND_MONEY, SW_ROLE_TOTAL | SW_ROLE_SUMMARY, 0, 0},
    {"totaal", "Totaal art. 9", SW_KIND_MONEY, SW_ROLE_TOTAL | SW_ROLE_SUMMARY, 0, 0},
};
enum { OVERVIEW_PROV_MONEY = 9 }; /* the money columns start here */

static int overview_prov_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const run_src *x = src;
    const sw_progress_provincie *pv = &x->p->prov[k];
    c[0] = sw__text(sw__pv(s, pv->code));
    c[1] = sw__text(pv->naam);
    c[2] = sw__count((int64_t)pv->ngemeenten);
    c[3] = sw__count(pv->opgave);
    c[4] = sw__count(pv->geteld);
    c[5] = voortgang(pv);
    c[6] = sw__yesno(pv->gehaald);
    c[7] = sw__count(pv->tekort_drempel);
    c[8] = sw__count(pv->tekort_100);
    if (x->g) {
        const sw_grant_provincie *gp = &x->g->prov[k];
        c[9] = sw__money(gp->bedrag_lid3);
        c[10] = sw__money(gp->potentieel_lid3);
        c[11] = sw__money(gp->bedrag_lid2b);
        c[12] = sw__money(gp->totaal);
    }
    return 0;
}

static const sw_column overview_cols[] = {
    SW__GEMEENTE_COLUMNS,
    {"opgave", "Opgave", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"geteld", "Geteld", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"duurzaam", "Duurzaam", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"verschil", "Verschil", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    IN_AANMERKING_COLUMN,
    {"bedrag_lid3", "Bedrag lid 3", SW_KIND_MONEY, SW_ROLE_TOTAL, 0, 0},
    {"potentieel_lid3", "Potentieel lid 3", SW_KIND_MONEY, SW_ROLE_TOTAL | SW_ROLE_POTENTIAL, 0, 0},
    {"bedrag_lid2b", "Bedrag lid 2b", SW_KIND_MONEY, SW_ROLE_TOTAL, 0, 0},
    {"totaal", "Totaal", SW_KIND_MONEY, SW_ROLE_TOTAL, 0, 0},
};
enum { OVERVIEW_MONEY = 8 };

static int overview_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const run_src *x = src;
    size_t i = x->rows[k];
    const sw_progress_row *pr = &x->p->row[i];
    int64_t T = x->p->opgave->row[i].opgave;
    gemeente_cells(c, x, i, s);
    c[4] = sw__count(T);
    c[5] = sw__what_if(sw__count(pr->geteld), pr);
    c[6] = sw__what_if(sw__count(pr->duurzaam), pr);
    c[7] = sw__what_if(sw__count(pr->geteld - T), pr);
    if (x->g) {
        const sw_grant_row *gr = &x->g->row[i];
        c[8] = sw__yesno(gr->in_aanmerking);
        c[9] = sw__money(gr->bedrag_lid3);
        c[10] = sw__money(gr->potentieel_lid3);
        c[11] = sw__money(gr->bedrag_lid2b);
        c[12] = sw__money(gr->totaal);
    }
    return 0;
}

/* ---- building ---- */

static run_src *source(sw_report *r, const sw_progress *p, const sw_grants *g,
                       const sw_register *reg)
{
    run_src *x = sw__alloc(r, 1, sizeof *x);
    size_t *rows = sw__alloc(r, reg->n, sizeof *rows);
    if (!x || !rows)
        return NULL;
    *x = (run_src){p, g, reg, rows};
    return x;
}

static size_t gemeenten_in_run(run_src *x)
{
    size_t n = 0;
    for (size_t i = 0; i < x->reg->n; i++)
        if (x->p->prov_of[i] >= 0)
            x->rows[n++] = i;
    return n;
}

/* Adds a table with totals, filtered to the context's province. */
static sw_table *add(sw_report *r, const char *key, const char *title, const sw_column *cols,
                     size_t ncols, size_t n, sw_fill_fn fill, run_src *x,
                     const sw_report_context *ctx, bool count_in_title)
{
    sw_table *t = x ? sw__table(r, key, title, cols, ncols, n, fill, x) : NULL;
    if (!t)
        return NULL;
    t->totals = true;
    sw__table_filter(r, t, ctx->provincie);
    if (count_in_title) {
        t->noun = title;
        t->title = sw__printf(r, "%s (%zu)", title, t->nrows);
    }
    return t;
}

/* A sentence per province shown about its money (art. 9): what its
 * gemeenten get now, from lid 3 and lid 2b, and what lid 3 would add once
 * the province meets the threshold. */
static void money_remarks(sw_report *r, const sw_progress *p, const sw_grants *g,
                          const sw_report_context *ctx)
{
    for (size_t k = 0; k < p->nprov; k++) {
        const sw_progress_provincie *pv = &p->prov[k];
        const sw_grant_provincie *gp = &g->prov[k];
        if (ctx->provincie && pv->code != ctx->provincie)
            continue;
        const char *now;
        if (gp->totaal == 0)
            now = sw__printf(r, "De gemeenten in %s krijgen %sgeen geld uit art. 9.", pv->naam,
                             gp->potentieel_lid3 > 0 ? "nog " : "");
        else if (gp->bedrag_lid3 && gp->bedrag_lid2b)
            now =
                sw__printf(r,
                           "De gemeenten in %s krijgen %s (art. 9): %s uit lid 3 en %s uit "
                           "lid 2b.",
                           pv->naam, sw__money_text(r, gp->totaal),
                           sw__money_text(r, gp->bedrag_lid3), sw__money_text(r, gp->bedrag_lid2b));
        else
            now = sw__printf(r, "De gemeenten in %s krijgen %s (art. 9), alles uit lid %s.",
                             pv->naam, sw__money_text(r, gp->totaal), gp->bedrag_lid3 ? "3" : "2b");
        const char *later = "";
        if (gp->potentieel_lid3 > gp->bedrag_lid3 && !pv->gehaald &&
            g->lid3 == SW_LID3_PROVINCIALE_DREMPEL)
            later = sw__printf(r,
                               " Lid 3 volgt pas als %s de drempel (%lld %%) haalt, nog %s "
                               "plaatsen: dan %s voor de plaatsen die nu geteld zijn "
                               "(potentieel lid 3).",
                               pv->naam, (long long)p->drempel_pct,
                               sw__count_text(r, pv->tekort_drempel),
                               sw__money_text(r, gp->potentieel_lid3));
        else if (gp->potentieel_lid3 > gp->bedrag_lid3)
            later = sw__printf(r, " Potentieel lid 3: %s.", sw__money_text(r, gp->potentieel_lid3));
        sw__remark(r, sw__printf(r, "PV%02d", pv->code), "%s%s", now, later);
    }
}

int sw_report_progress(sw_report **out, const sw_progress *p, const sw_allocation *a,
                       const sw_register *reg, const sw_cycle *cy, const sw_report_context *ctx,
                       sw_diag *diag)
{
    assert(out && p && reg && cy && ctx);
    (void)diag;
    *out = NULL;
    sw_report *r = sw__run_report("Voortgang per gemeente", p, NULL, a, reg, cy, ctx);
    if (!r)
        return SW_ENOMEM;
    run_src *x = source(r, p, NULL, reg);
    size_t n = x ? gemeenten_in_run(x) : 0;
    add(r, "gemeenten", "Gemeenten", progress_cols, NCOLS(progress_cols), n, progress_row, x,
        ctx, true);
    add(r, "provincies", "Provincies", progress_prov_cols, NCOLS(progress_prov_cols), p->nprov,
        progress_prov_row, x, ctx, false);
    return sw__report_done(out, r, diag);
}

int sw_report_grants(sw_report **out, const sw_grants *g, const sw_allocation *a,
                     const sw_register *reg, const sw_cycle *cy, const sw_report_context *ctx,
                     sw_diag *diag)
{
    assert(out && g && reg && cy && ctx);
    (void)diag;
    *out = NULL;
    const sw_progress *p = g->progress;
    sw_report *r = sw__run_report("Specifieke uitkering art. 9", p, g, a, reg, cy, ctx);
    if (!r)
        return SW_ENOMEM;
    run_src *x = source(r, p, g, reg);
    size_t n = x ? gemeenten_in_run(x) : 0;
    add(r, "gemeenten", "Gemeenten", grants_cols, NCOLS(grants_cols), n, grants_row, x, ctx,
        true);
    add(r, "provincies", "Provincies", grants_prov_cols, NCOLS(grants_prov_cols), p->nprov,
        grants_prov_row, x, ctx, false);
    money_remarks(r, p, g, ctx);
    return sw__report_done(out, r, diag);
}

/* The maps of the overview: the country by province against the threshold,
 * and each province by gemeente. */
static int maps(sw_report *r, const sw_progress *p, const sw_grants *g, const sw_register *reg,
                const sw_cycle *cy, const sw_report_context *ctx, sw_diag *diag)
{
    int rc = 0;
    for (size_t k = 0; rc == 0 && k <= p->nprov; k++) {
        int code = k == 0 ? ctx->provincie : p->prov[k - 1].code;
        if (k > 0 && ctx->provincie && code != ctx->provincie)
            continue;
        char id[32];
        snprintf(id, sizeof id, k ? "kaart-pv%02d" : "kaart-nl", code);
        sw_map_request q = {.level = k ? SW_MAP_GEMEENTEN : SW_MAP_PROVINCIES,
                            .provincie = code, .id_prefix = id};
        sw_buf svg = {0};
        sw_diag why = {0};
        rc = sw_report_map(&svg, ctx->map, p, g, p->opgave, reg, cy, &q, &why);
        if (rc == 0 && svg.err)
            rc = svg.err;
        if (rc == SW_EDATA) {
            /* A map that cannot be drawn (the boundaries are of other
             * gemeenten than the register's) leaves the report without that
             * picture, and says why; the figures stand without it. */
            sw__note(r, SW_NOTE_WARNING,
                     "Geen kaart van %s: de grenzen (%s) hebben daar geen gemeente van het "
                     "register.",
                     k ? p->prov[k - 1].naam : "Nederland", ctx->map->source);
            sw_buf_free(&svg);
            rc = 0;
            continue;
        }
        if (rc != 0 && why.count && diag)
            *diag = why;
        char *copy = rc == 0 ? sw__alloc(r, svg.len + 1, 1) : NULL;
        if (rc == 0 && !copy)
            rc = SW_ENOMEM;
        if (rc == 0) {
            memcpy(copy, svg.data, svg.len);
            sw__picture(r, k ? sw__printf(r, "PV%02d", code) : "overzicht", copy);
        }
        sw_buf_free(&svg);
    }
    return rc;
}

int sw_report_overview(sw_report **out, const sw_progress *p, const sw_grants *g,
                       const sw_kso *kso, const sw_allocation *a, const sw_register *reg,
                       const sw_cycle *cy, const sw_report_context *ctx, sw_diag *diag)
{
    assert(out && p && reg && cy && ctx);
    (void)diag;
    *out = NULL;
    sw_report *r = sw__run_report("Spreidingswet: opgave, voortgang en uitkering", p, g, a, reg,
                                  cy, ctx);
    if (!r)
        return SW_ENOMEM;
    run_src *x = source(r, p, g, reg);
    /* Without tariffs there is no money to show: the money columns go. */
    add(r, "provincies", "Provincies", overview_prov_cols,
        g ? NCOLS(overview_prov_cols) : OVERVIEW_PROV_MONEY, p->nprov, overview_prov_row, x,
        ctx, false);
    size_t n = x ? gemeenten_in_run(x) : 0;
    add(r, "gemeenten", "Gemeenten", overview_cols, g ? NCOLS(overview_cols) : OVERVIEW_MONEY, n,
        overview_row, x, ctx, true);
    if (g)
        money_remarks(r, p, g, ctx);
    if (kso) {
        sw__kso_overview_table(r, kso, reg, ctx);
        if (p->scenario)
            sw__note(r, SW_NOTE_INFO,
                     "De tabel kleinschalige opvang toont het register zoals het is: zonder "
                     "--include-planned en --what-if.");
    }
    int rc = ctx->map ? maps(r, p, g, reg, cy, ctx, diag) : 0;
    if (rc != 0)
        sw__report_fail(r, rc);
    return sw__report_done(out, r, diag);
}
