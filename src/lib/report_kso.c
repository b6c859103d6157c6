/* Small-scale reception as a report (`spreiding kso`), and its table in the
 * overview (`spreiding report`). Every figure comes from the sw_kso; the
 * tables only choose what to show and how to call it. */
#include <assert.h>
#include <string.h>

#include "report_run.h"

#define NCOLS(c) (sizeof c / sizeof c[0])

/* The ten figures of a tally, in the order of the CSV columns. In 80
 * columns a terminal shows the locations in one band, the places in the next. */
#define KLASSE_COLUMNS                                                                     \
    {"locaties_gepland", "Locaties gepland", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},          \
        {"locaties_toegezegd", "Locaties toegezegd", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},  \
        {"locaties_gerealiseerd", "Locaties gerealiseerd", SW_KIND_COUNT, SW_ROLE_TOTAL,   \
         0, 0},                                                                            \
        {"locaties_beeindigd", "Locaties be\xC3\xABindigd", SW_KIND_COUNT, SW_ROLE_TOTAL,  \
         0, 0},                                                                            \
        {"locaties_niet_gerealiseerd", "Locaties niet gerealiseerd", SW_KIND_COUNT,        \
         SW_ROLE_TOTAL, 0, 0},                                                             \
        {"plaatsen_gepland", "Plaatsen gepland", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},      \
        {"plaatsen_toegezegd", "Plaatsen toegezegd", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},  \
        {"plaatsen_gerealiseerd", "Plaatsen gerealiseerd", SW_KIND_COUNT, SW_ROLE_TOTAL,   \
         0, 0},                                                                            \
        {"plaatsen_beeindigd", "Plaatsen be\xC3\xABindigd", SW_KIND_COUNT, SW_ROLE_TOTAL,  \
         0, 0},                                                                            \
        {"plaatsen_niet_gerealiseerd", "Plaatsen niet gerealiseerd", SW_KIND_COUNT,        \
         SW_ROLE_TOTAL, 0, 0}

/* The classes as people write them (the machine forms keep kso.h's names). */
static const char *const klasse_woord[SW_KLASSEN] = {
    [SW_KLASSE_GEPLAND] = "gepland",
    [SW_KLASSE_TOEGEZEGD] = "toegezegd",
    [SW_KLASSE_GEREALISEERD] = "gerealiseerd",
    [SW_KLASSE_BEEINDIGD] = "be\xC3\xABindigd",
    [SW_KLASSE_NIET_GEREALISEERD] = "niet gerealiseerd",
};

sw_value sw__klasse_value(int klasse)
{
    bool known = klasse >= 0 && klasse < SW_KLASSEN;
    return sw__text_as(sw_kso_klasse_name(klasse), known ? klasse_woord[klasse] : NULL);
}

static void klasse_cells(sw_value *c, const sw_kso_telling *t)
{
    for (int k = 0; k < SW_KLASSEN; k++) {
        c[k] = sw__count(t->locaties[k]);
        c[SW_KLASSEN + k] = sw__count(t->plaatsen[k]);
    }
}

/* The share of KSO in the counted places is not read against a threshold,
 * so it is rounded half-up like every figure but voortgang_pct (§7.11). */
#define AANDEEL_COLUMNS                                                                    \
    {"kso_geteld", "KSO-plaatsen die meetellen", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},      \
        {"geteld", "Getelde plaatsen", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},                \
        {"aandeel_pct", "Aandeel KSO", SW_KIND_PERCENT, 0, 2, SW_ROUND_DECIMAL_HALF_UP},   \
        {"aandeel_exact", "Aandeel KSO (exact)", SW_KIND_RATIO, SW_ROLE_EXACT, 0, 0}

static void aandeel_cells(sw_value *c, int64_t kso, int64_t geteld)
{
    c[0] = sw__count(kso);
    c[1] = sw__count(geteld);
    c[2] = geteld ? sw__fraction((sw_i128)100 * kso, geteld) : sw__empty();
    c[3] = geteld ? sw__fraction(kso, geteld) : sw__empty();
}

typedef struct kso_src {
    const sw_kso *k;
    const sw_register *reg;
    const sw_kso_telling *scope; /* the whole run: the country, or --provincie's */
    size_t *gemeenten;           /* register indices of gemeenten with KSO rows */
} kso_src;

static const char *prov_naam(const sw_kso *k, int code)
{
    const sw_kso_provincie *p = sw_kso_find_provincie(k, code);
    return p ? p->naam : "";
}

/* ---- per class ---- */

static const sw_column totaal_cols[] = {
    {"klasse", "Klasse", SW_KIND_TEXT, SW_ROLE_KEY, 0, 0},
    {"locaties", "Locaties", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"plaatsen", "Plaatsen", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"betekenis", "Betekenis", SW_KIND_TEXT, SW_ROLE_WIDE, 0, 0},
};

/* What each class means, in the order the classes are tested (kso.h). */
static const char *const betekenis[SW_KLASSEN] = {
    [SW_KLASSE_GEPLAND] = "status gepland",
    [SW_KLASSE_TOEGEZEGD] = "status toegezegd, of gerealiseerd met vanaf na de peildatum",
    [SW_KLASSE_GEREALISEERD] = "status gerealiseerd, vanaf op of voor de peildatum",
    [SW_KLASSE_BEEINDIGD] = "tot op of voor de peildatum",
    [SW_KLASSE_NIET_GEREALISEERD] = "status afgewezen of ingetrokken",
};

static int totaal_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    (void)s;
    const kso_src *x = src;
    c[0] = sw__klasse_value((int)k);
    c[1] = sw__count(x->scope->locaties[k]);
    c[2] = sw__count(x->scope->plaatsen[k]);
    c[3] = sw__text(betekenis[k]);
    return 0;
}

/* ---- per province ---- */

static const sw_column prov_cols[] = {SW__PROVINCIE_COLUMNS, KLASSE_COLUMNS};

static int prov_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const kso_src *x = src;
    const sw_kso_provincie *p = &x->k->prov[k];
    c[0] = sw__text(sw__pv(s, p->code));
    c[1] = sw__text(p->naam);
    klasse_cells(c + 2, &p->telling);
    return 0;
}

/* ---- per gemeente ---- */

static const sw_column gemeente_cols[] = {
    {"gemeentecode", "Code", SW_KIND_CODE, SW_ROLE_KEY, 0, 0},
    {"gemeentenaam", "Gemeente", SW_KIND_NAME, SW_ROLE_KEY, 0, 0},
    {"provinciecode", "Prov.", SW_KIND_CODE, SW_ROLE_PROVINCE, 0, 0},
    KLASSE_COLUMNS,
};

static int gemeente_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const kso_src *x = src;
    size_t i = x->gemeenten[k];
    const sw_gemeente *g = &x->reg->gemeente[i];
    c[0] = sw__text(sw__gm(s, g->code));
    c[1] = sw__text(g->naam);
    c[2] = sw__text(sw__pv(s, g->provincie));
    klasse_cells(c + 3, &x->k->gemeente[i]);
    return 0;
}

/* ---- reasons ---- */

static const sw_column reden_cols[] = {
    {"provinciecode", "Code", SW_KIND_CODE, SW_ROLE_KEY | SW_ROLE_PROVINCE, 0, 0},
    {"provincie", "Provincie", SW_KIND_NAME, SW_ROLE_KEY | SW_ROLE_PROVINCE_NAME, 0, 0},
    {"reden", "Reden", SW_KIND_TEXT, SW_ROLE_KEY | SW_ROLE_WIDE, 0, 0},
    {"locaties", "Locaties", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"plaatsen", "Plaatsen", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
};

static int reden_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const kso_src *x = src;
    const sw_kso_reden *g = &x->k->reden[k];
    c[0] = sw__text(sw__pv(s, g->provincie));
    c[1] = sw__text(prov_naam(x->k, g->provincie));
    c[2] = sw__text(g->reden);
    c[3] = sw__count(g->locaties);
    c[4] = sw__count(g->plaatsen);
    return 0;
}

/* ---- the share ---- */

static const sw_column aandeel_cols[] = {SW__PROVINCIE_COLUMNS, AANDEEL_COLUMNS};

static int aandeel_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const kso_src *x = src;
    const sw_kso_provincie *p = &x->k->prov[k];
    c[0] = sw__text(sw__pv(s, p->code));
    c[1] = sw__text(p->naam);
    aandeel_cells(c + 2, p->telling.geteld, p->geteld);
    return 0;
}

/* ---- the rows ---- */

static const sw_column rij_cols[] = {
    {"regel", "Regel", SW_KIND_COUNT, SW_ROLE_KEY, 0, 0},
    {"gemeentecode", "Code", SW_KIND_CODE, 0, 0, 0},
    {"gemeentenaam", "Gemeente", SW_KIND_NAME, 0, 0, 0},
    {"provinciecode", "Prov.", SW_KIND_CODE, SW_ROLE_PROVINCE, 0, 0},
    {"locatie", "Locatie", SW_KIND_NAME, 0, 0, 0},
    {"plaatsen", "Plaatsen", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"soort", "Soort", SW_KIND_TEXT, 0, 0, 0},
    {"status", "Status", SW_KIND_TEXT, 0, 0, 0},
    {"vanaf", "Vanaf", SW_KIND_DATE, 0, 0, 0},
    {"tot", "Tot", SW_KIND_DATE, 0, 0, 0},
    {"klasse", "Klasse", SW_KIND_TEXT, 0, 0, 0},
    {"reden", "Reden", SW_KIND_TEXT, SW_ROLE_WIDE, 0, 0},
};

static int rij_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const kso_src *x = src;
    const sw_kso_row *r = &x->k->rij[k];
    const sw_locatie *l = &r->loc;
    const sw_gemeente *g = &x->reg->gemeente[l->gemeente];
    c[0] = sw__count(l->line);
    c[1] = sw__text(sw__gm(s, g->code));
    c[2] = sw__text(g->naam);
    c[3] = sw__text(sw__pv(s, r->provincie));
    c[4] = sw__text(l->naam);
    c[5] = sw__count(l->plaatsen);
    c[6] = sw__text(sw_soort_name(l->soort));
    c[7] = sw__text(sw_loc_status_name(l->status));
    c[8] = sw__date(l->vanaf);
    c[9] = l->has_tot ? sw__date(l->tot) : sw__empty();
    c[10] = sw__klasse_value(r->klasse);
    c[11] = sw__text(l->reden);
    return 0;
}

/* ---- building ---- */

static kso_src *source(sw_report *r, const sw_kso *k, const sw_register *reg, int provincie)
{
    kso_src *x = sw__alloc(r, 1, sizeof *x);
    size_t *rows = sw__alloc(r, reg->n, sizeof *rows);
    if (!x || !rows)
        return NULL;
    const sw_kso_provincie *p = provincie ? sw_kso_find_provincie(k, provincie) : NULL;
    *x = (kso_src){k, reg, p ? &p->telling : &k->totaal, rows};
    return x;
}

/* The gemeenten with at least one KSO row, by code. */
static size_t gemeenten_with_kso(kso_src *x)
{
    size_t n = 0;
    for (size_t i = 0; i < x->k->n; i++) {
        int64_t rows = 0;
        for (int c = 0; c < SW_KLASSEN; c++)
            rows += x->k->gemeente[i].locaties[c];
        if (rows)
            x->gemeenten[n++] = i;
    }
    return n;
}

/* A copy of `cols` whose figures all make the answer at the top of an HTML
 * page (SW_ROLE_SUMMARY): the classes, and the share beside them. */
static const sw_column *answer_columns(sw_report *r, const sw_column *cols, size_t n)
{
    sw_column *c = sw__alloc(r, n, sizeof *c);
    if (!c)
        return cols;
    memcpy(c, cols, n * sizeof *c);
    for (size_t k = 0; k < n; k++)
        if (!(c[k].role & (SW_ROLE_KEY | SW_ROLE_EXACT)))
            c[k].role |= SW_ROLE_SUMMARY;
    return c;
}

/* A table with totals, filtered to the context's province. */
static sw_table *add(sw_report *r, const char *key, const char *title, const sw_column *cols,
                     size_t ncols, size_t n, sw_fill_fn fill, const kso_src *x, int provincie)
{
    sw_table *t = x ? sw__table(r, key, title, cols, ncols, n, fill, x) : NULL;
    if (!t)
        return NULL;
    t->totals = true;
    sw__table_filter(r, t, provincie);
    return t;
}

/* "62,98 % (325 van 516 getelde plaatsen)" */
static const char *aandeel_text(sw_report *r, int64_t kso, int64_t geteld)
{
    if (!geteld)
        return "geen getelde plaatsen";
    return sw__printf(r, "%s (%s van %s getelde plaatsen)",
                      sw__percent_text(r, (sw_i128)100 * kso, geteld), sw__count_text(r, kso),
                      sw__count_text(r, geteld));
}

static void kso_meta(sw_report *r, const sw_kso *k, const sw_cycle *cy,
                     const sw_report_context *ctx)
{
    size_t from = r->nmeta;
    sw__meta_text(r, "programma", "Programma", sw__printf(r, "spreiding %s", ctx->version));
    sw__meta_appendix(r, from);
    sw__meta(r, "cyclus", "Cyclus", SW_KIND_COUNT, sw__count(cy->jaar),
             sw__printf(r, "%lld", (long long)cy->jaar));
    sw__meta(r, "peildatum", "Peildatum", SW_KIND_DATE, sw__date(k->peildatum), NULL);
    sw__kso_max_meta(r, k->progress, cy);
    sw__meta_count(r, "locaties_gelezen", "Locaties in het bestand", k->rijen);
    sw__meta_count(r, "locaties_kso", "Waarvan kleinschalig", k->kso_rijen);
    const sw_kso_provincie *p = ctx->provincie ? sw_kso_find_provincie(k, ctx->provincie) : NULL;
    int64_t kso = p ? p->telling.geteld : k->totaal.geteld, geteld = p ? p->geteld : k->geteld;
    sw__meta(r, "aandeel_kso", p ? sw__printf(r, "Aandeel KSO (PV%02d)", p->code)
                                 : "Aandeel KSO (landelijk)",
             SW_KIND_RATIO, geteld ? sw__fraction(kso, geteld) : sw__empty(),
             aandeel_text(r, kso, geteld));
    /* The share's denominator follows the counting parameters. */
    sw__counting_meta(r, k->progress);
    if (ctx->provincie)
        sw__meta_text(r, "provincie", "Alleen provincie",
                      sw__printf(r, "PV%02d %s", ctx->provincie, prov_naam(k, ctx->provincie)));
    from = r->nmeta;
    sw__meta_text(r, "cyclus_bestand", "Cyclusbestand", ctx->cycle_file);
    sw__meta_text(r, "gemeenten_bestand", "Gemeentenbestand", ctx->register_file);
    sw__meta_text(r, "locaties_bestand", "Locatiebestand", ctx->locaties_file);
    sw__meta_appendix(r, from);
    sw__input_meta(r, ctx);
}

/* The share in words: nationally (or in --provincie's province) under the
 * answer, and in each province's section. */
static void aandeel_remarks(sw_report *r, const sw_kso *k, const sw_report_context *ctx)
{
    const sw_kso_provincie *only = ctx->provincie ? sw_kso_find_provincie(k, ctx->provincie) : NULL;
    sw__remark(r, "overzicht", "Aandeel KSO (%s): %s.", only ? only->naam : "landelijk",
               only ? aandeel_text(r, only->telling.geteld, only->geteld)
                    : aandeel_text(r, k->totaal.geteld, k->geteld));
    for (size_t p = 0; p < k->nprov; p++)
        if (!ctx->provincie || k->prov[p].code == ctx->provincie)
            sw__remark(r, sw__printf(r, "PV%02d", k->prov[p].code), "Aandeel KSO in %s: %s.",
                       k->prov[p].naam,
                       aandeel_text(r, k->prov[p].telling.geteld, k->prov[p].geteld));
}

static void kso_notes(sw_report *r, const sw_kso *k)
{
    sw__note(r, SW_NOTE_INFO,
             "Kleinschalig is een locatie waarvan de kolom kleinschalig ja zegt, of, als die "
             "kolom leeg is of ontbreekt, een locatie van soort regulier, amv of bijzonder met "
             "ten hoogste %s plaatsen. Noodopvang en aanmeldcentra zijn nooit kleinschalig.",
             sw__count_text(r, k->kso_max_plaatsen));
    sw__note(r, SW_NOTE_INFO,
             "Elke kleinschalige locatie valt op de peildatum in precies \xC3\xA9\xC3\xA9n klasse: "
             "de eerste die past van niet gerealiseerd, gepland, be\xC3\xABindigd, gerealiseerd, "
             "toegezegd (zie de tabel per klasse).");
    sw__note(r, SW_NOTE_INFO,
             "Redenen zijn samengenomen als ze gelijk zijn na het weglaten van spaties aan "
             "begin en eind, het samenvoegen van spaties binnenin en zonder verschil tussen "
             "hoofd- en kleine letters; getoond wordt de spelling die bytegewijs het eerst "
             "komt. Een lege reden heet onbekend.");
    sw__note(r, SW_NOTE_INFO,
             "Het aandeel KSO telt alleen de plaatsen van kleinschalige locaties die op de "
             "peildatum meetellen voor de opgave, met dezelfde regels als 'spreiding "
             "progress', gedeeld door alle getelde plaatsen.");
    if (k->kso_rijen == 0)
        sw__note(r, SW_NOTE_WARNING, "Het locatiebestand heeft geen kleinschalige locaties.");
}

int sw_report_kso(sw_report **out, const sw_kso *k, const sw_register *reg,
                  const sw_cycle *cy, const sw_report_context *ctx, sw_diag *diag)
{
    assert(out && k && k->progress && reg && cy && ctx && reg->n == k->n);
    (void)diag;
    *out = NULL;
    sw_report *r = sw__report_new();
    if (!r)
        return SW_ENOMEM;
    const char *in = sw__scope(r, cy, ctx->provincie);
    r->title = sw__printf(r, "Kleinschalige opvang%s, cyclus %lld, peildatum %d-%d-%04d", in,
                          (long long)cy->jaar, k->peildatum.d, k->peildatum.m, k->peildatum.y);
    kso_meta(r, k, cy, ctx);
    kso_notes(r, k);
    aandeel_remarks(r, k, ctx);
    kso_src *x = source(r, k, reg, ctx->provincie);
    const char *scope = ctx->provincie ? sw__printf(r, "PV%02d %s", ctx->provincie,
                                                    prov_naam(k, ctx->provincie))
                                       : "Nederland";
    sw_table *t = x ? sw__table(r, "totaal",
                                sw__printf(r, "%s: kleinschalige opvang per klasse", scope),
                                totaal_cols, NCOLS(totaal_cols), SW_KLASSEN, totaal_row, x)
                    : NULL;
    if (t)
        t->totals = true;
    add(r, "provincies", "Per provincie", answer_columns(r, prov_cols, NCOLS(prov_cols)),
        NCOLS(prov_cols), k->nprov, prov_row, x, ctx->provincie);
    size_t n = x ? gemeenten_with_kso(x) : 0;
    t = add(r, "gemeenten", "Gemeenten met kleinschalige opvang", gemeente_cols,
            NCOLS(gemeente_cols), n, gemeente_row, x, ctx->provincie);
    if (t) {
        t->noun = t->title;
        t->none = "Geen kleinschalige opvang";
        t->title = sw__printf(r, "%s (%zu)", t->title, t->nrows);
    }
    add(r, "redenen", "Niet gerealiseerd, naar reden", reden_cols, NCOLS(reden_cols),
        k->nreden, reden_row, x, ctx->provincie);
    add(r, "aandeel", "Aandeel kleinschalige opvang in de getelde plaatsen",
        answer_columns(r, aandeel_cols, NCOLS(aandeel_cols)), NCOLS(aandeel_cols), k->nprov,
        aandeel_row, x, ctx->provincie);
    if (k->rows_kept) {
        t = add(r, "locaties", "Kleinschalige locaties", rij_cols, NCOLS(rij_cols), k->nrij,
                rij_row, x, ctx->provincie);
        if (t) {
            t->noun = t->title;
            t->title = sw__printf(r, "%s (%zu)", t->title, t->nrows);
        }
    }
    return sw__report_done(out, r, diag);
}

/* ---- in the overview ---- */

static const sw_column overview_cols[] = {SW__PROVINCIE_COLUMNS, KLASSE_COLUMNS,
                                          AANDEEL_COLUMNS};

static int overview_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const kso_src *x = src;
    const sw_kso_provincie *p = &x->k->prov[k];
    c[0] = sw__text(sw__pv(s, p->code));
    c[1] = sw__text(p->naam);
    klasse_cells(c + 2, &p->telling);
    aandeel_cells(c + 2 + 2 * SW_KLASSEN, p->telling.geteld, p->geteld);
    return 0;
}

void sw__kso_overview_table(sw_report *r, const sw_kso *k, const sw_register *reg,
                            const sw_report_context *ctx)
{
    kso_src *x = source(r, k, reg, ctx->provincie);
    add(r, "kso",
        sw__printf(r, "Kleinschalige opvang per provincie (peildatum %d-%d-%04d)", k->peildatum.d,
                   k->peildatum.m, k->peildatum.y),
        overview_cols, NCOLS(overview_cols), k->nprov, overview_row, x, ctx->provincie);
}
