/* A comparison as a report (`spreiding progress|grants --vergelijk`): per
 * gemeente and per province the old value, the new value and their
 * difference for each compared figure, what changed status, and the
 * locations that appeared, disappeared or changed. Which rows changed and
 * in what order people read them is compare.c's; this file lays them out.
 *
 * Differences are `nieuw − oud` of the exact values (counts, cents), so
 * swapping the sides negates them exactly; `voortgang_pct_verschil` is the
 * difference of the two shown (rounded down) percentages; a yes/no figure's
 * difference is `gewonnen`, `verloren` or empty. */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "report_run.h"
#include "spreiding/compare.h"
#include "util.h"

#define NCOLS(c) (sizeof c / sizeof c[0])

typedef struct side {
    const sw_progress *p;
    const sw_grants *g;
} side;

/* A compared figure: how to read it from one side for row i, and which of
 * its three columns the answer at the top of an HTML page shows. */
typedef struct field {
    const char *name, *title;
    sw_kind kind;
    sw_value (*get)(const side *s, size_t i);
    unsigned summary; /* OUD | NIEUW | VERSCHIL */
    bool what_if;     /* a gemeente's figure that a what-if of the new side changes */
} field;

enum { OUD = 1, NIEUW = 2, VERSCHIL = 4, ALLE = 7 };

/* ---- the figures ---- */

static sw_value g_geteld(const side *s, size_t i)
{
    return sw__count(s->p->row[i].geteld);
}
static sw_value g_geteld_amv(const side *s, size_t i)
{
    return sw__count(s->p->row[i].geteld_amv);
}
static sw_value g_duurzaam(const side *s, size_t i)
{
    return sw__count(s->p->row[i].duurzaam);
}
static sw_value g_in_aanmerking(const side *s, size_t i)
{
    return sw__yesno(s->g->row[i].in_aanmerking);
}
static sw_value g_lid3(const side *s, size_t i)
{
    return sw__money(s->g->row[i].bedrag_lid3);
}
static sw_value g_potentieel(const side *s, size_t i)
{
    return sw__money(s->g->row[i].potentieel_lid3);
}
static sw_value g_lid2b(const side *s, size_t i)
{
    return sw__money(s->g->row[i].bedrag_lid2b);
}
static sw_value g_totaal(const side *s, size_t i)
{
    return sw__money(s->g->row[i].totaal);
}

static sw_value p_geteld(const side *s, size_t k)
{
    return sw__count(s->p->prov[k].geteld);
}
static sw_value p_duurzaam(const side *s, size_t k)
{
    return sw__count(s->p->prov[k].duurzaam);
}
static sw_value p_voortgang(const side *s, size_t k)
{
    const sw_progress_provincie *pv = &s->p->prov[k];
    return pv->opgave ? sw__fraction((sw_i128)100 * pv->geteld, pv->opgave) : sw__empty();
}
static sw_value p_gehaald(const side *s, size_t k)
{
    return sw__yesno(s->p->prov[k].gehaald);
}
static sw_value p_tekort(const side *s, size_t k)
{
    return sw__count(s->p->prov[k].tekort_drempel);
}
static sw_value p_lid3(const side *s, size_t k)
{
    return sw__money(s->g->prov[k].bedrag_lid3);
}
static sw_value p_potentieel(const side *s, size_t k)
{
    return sw__money(s->g->prov[k].potentieel_lid3);
}
static sw_value p_lid2b(const side *s, size_t k)
{
    return sw__money(s->g->prov[k].bedrag_lid2b);
}
static sw_value p_totaal(const side *s, size_t k)
{
    return sw__money(s->g->prov[k].totaal);
}

static const field progress_gemeente[] = {
    {"geteld", "Geteld", SW_KIND_COUNT, g_geteld, 0, true},
    {"geteld_amv", "Geteld amv", SW_KIND_COUNT, g_geteld_amv, 0, false},
    {"duurzaam", "Duurzaam", SW_KIND_COUNT, g_duurzaam, 0, true},
};
static const field grants_gemeente[] = {
    {"geteld", "Geteld", SW_KIND_COUNT, g_geteld, 0, true},
    {"duurzaam", "Duurzaam", SW_KIND_COUNT, g_duurzaam, 0, true},
    {"in_aanmerking", "In aanmerking lid 3", SW_KIND_YESNO, g_in_aanmerking, 0, false},
    {"bedrag_lid3", "Bedrag lid 3", SW_KIND_MONEY, g_lid3, 0, false},
    {"potentieel_lid3", "Potentieel lid 3", SW_KIND_MONEY, g_potentieel, 0, false},
    {"bedrag_lid2b", "Bedrag lid 2b", SW_KIND_MONEY, g_lid2b, 0, false},
    {"totaal", "Totaal", SW_KIND_MONEY, g_totaal, 0, false},
};
static const field progress_prov[] = {
    {"geteld", "Geteld", SW_KIND_COUNT, p_geteld, ALLE, false},
    {"duurzaam", "Duurzaam", SW_KIND_COUNT, p_duurzaam, 0, false},
    {"voortgang_pct", "Voortgang", SW_KIND_PERCENT, p_voortgang, ALLE, false},
    {"drempel_gehaald", "Drempel gehaald", SW_KIND_YESNO, p_gehaald, NIEUW | VERSCHIL, false},
    {"tekort_75", "Tekort tot drempel", SW_KIND_COUNT, p_tekort, 0, false},
};
static const field grants_prov[] = {
    {"geteld", "Geteld", SW_KIND_COUNT, p_geteld, ALLE, false},
    {"duurzaam", "Duurzaam", SW_KIND_COUNT, p_duurzaam, 0, false},
    {"drempel_gehaald", "Drempel gehaald", SW_KIND_YESNO, p_gehaald, NIEUW | VERSCHIL, false},
    {"tekort_75", "Tekort tot drempel", SW_KIND_COUNT, p_tekort, 0, false},
    {"bedrag_lid3", "Bedrag lid 3", SW_KIND_MONEY, p_lid3, 0, false},
    {"potentieel_lid3", "Potentieel lid 3", SW_KIND_MONEY, p_potentieel, 0, false},
    {"bedrag_lid2b", "Bedrag lid 2b", SW_KIND_MONEY, p_lid2b, 0, false},
    {"totaal", "Totaal art. 9", SW_KIND_MONEY, p_totaal, ALLE, false},
};

/* 100·R/O as shown: rounded down to 2 decimals, in hundredths. */
static sw_i128 shown_hundredths(sw_value v)
{
    return v.num * 100 / v.den;
}

/* nieuw − oud (both must be there). */
static sw_value verschil(const field *f, sw_value a, sw_value b)
{
    if (!a.set || !b.set)
        return sw__empty();
    switch (f->kind) {
    case SW_KIND_PERCENT: return sw__fraction(shown_hundredths(b) - shown_hundredths(a), 100);
    case SW_KIND_YESNO: return a.i == b.i ? sw__empty() : sw__text(b.i ? "gewonnen" : "verloren");
    default: return sw__count(b.i - a.i); /* both ≥ 0: fits */
    }
}

/* The key columns, then `oud`, `nieuw`, `verschil` of each figure. */
static sw_column *columns(sw_report *r, const sw_column *keys, size_t nkeys, const field *f,
                          size_t nf)
{
    sw_column *c = sw__alloc(r, nkeys + 3 * nf, sizeof *c);
    if (!c)
        return NULL;
    memcpy(c, keys, nkeys * sizeof *keys);
    size_t o = nkeys;
    for (size_t k = 0; k < nf; k++) {
        bool pct = f[k].kind == SW_KIND_PERCENT;
        sw_rounding down = pct ? SW_ROUND_DECIMAL_DOWN : 0; /* shown as §7.11 has it */
        unsigned side_role = pct ? SW_ROLE_PROGRESS : 0;
        /* Counts and money add up on every side: old, new and their difference. */
        unsigned sums =
            f[k].kind == SW_KIND_COUNT || f[k].kind == SW_KIND_MONEY ? SW_ROLE_TOTAL : 0;
        unsigned s_oud = f[k].summary & OUD ? SW_ROLE_SUMMARY : 0;
        unsigned s_nieuw = f[k].summary & NIEUW ? SW_ROLE_SUMMARY : 0;
        unsigned s_verschil = f[k].summary & VERSCHIL ? SW_ROLE_SUMMARY : 0;
        c[o++] = (sw_column){sw__printf(r, "%s_oud", f[k].name),
                             sw__printf(r, "%s oud", f[k].title),
                             f[k].kind,
                             side_role | s_oud | sums,
                             pct ? 2 : 0,
                             down};
        /* The new side's yes/no is the row's verdict now. */
        c[o++] = (sw_column){sw__printf(r, "%s_nieuw", f[k].name),
                             sw__printf(r, "%s nieuw", f[k].title),
                             f[k].kind,
                             side_role | s_nieuw | sums |
                                 (f[k].kind == SW_KIND_YESNO ? SW_ROLE_STATUS : 0),
                             pct ? 2 : 0,
                             down};
        c[o++] = (sw_column){sw__printf(r, "%s_verschil", f[k].name),
                             sw__printf(r, "%s verschil", f[k].title),
                             f[k].kind == SW_KIND_YESNO ? SW_KIND_TEXT : f[k].kind,
                             sums | s_verschil,
                             pct ? 2 : 0,
                             down};
    }
    return c;
}

typedef struct cmp_src {
    const sw_comparison *c;
    const sw_register *reg;
    side oud, nieuw;
    const field *f;
    size_t nf;
    const size_t *rows; /* shown row → register index (gemeenten) or province index */
} cmp_src;

static void figures(sw_value *c, const cmp_src *x, size_t i)
{
    for (size_t k = 0; k < x->nf; k++) {
        sw_value a = x->f[k].get(&x->oud, i), b = x->f[k].get(&x->nieuw, i);
        c[3 * k] = a;
        c[3 * k + 1] = b;
        c[3 * k + 2] = verschil(&x->f[k], a, b);
    }
}

static int gemeente_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const cmp_src *x = src;
    size_t i = x->rows[k];
    const sw_gemeente *g = &x->reg->gemeente[i];
    const sw_progress *p = x->nieuw.p;
    c[0] = sw__text(sw__gm(s, g->code));
    c[1] = sw__text(g->naam);
    c[2] = sw__text(sw__pv(s, g->provincie));
    c[3] = sw__text(p->prov[p->prov_of[i]].naam);
    figures(c + 4, x, i);
    for (size_t k = 0; k < x->nf; k++)
        if (x->f[k].what_if)
            c[4 + 3 * k + 1] = sw__what_if(c[4 + 3 * k + 1], &p->row[i]);
    return 0;
}

static int prov_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const cmp_src *x = src;
    const sw_progress_provincie *pv = &x->nieuw.p->prov[x->rows[k]];
    c[0] = sw__text(sw__pv(s, pv->code));
    c[1] = sw__text(pv->naam);
    figures(c + 2, x, x->rows[k]);
    return 0;
}

static const sw_column gemeente_keys[] = {SW__GEMEENTE_COLUMNS};
static const sw_column prov_keys[] = {SW__PROVINCIE_COLUMNS};

/* ---- what changed status ---- */

static const sw_column status_cols[] = {
    {"niveau", "Niveau", SW_KIND_TEXT, SW_ROLE_KEY, 0, 0},
    {"code", "Code", SW_KIND_CODE, SW_ROLE_KEY, 0, 0},
    {"naam", "Naam", SW_KIND_NAME, SW_ROLE_KEY, 0, 0},
    {"provinciecode", "Prov.", SW_KIND_CODE, SW_ROLE_PROVINCE, 0, 0},
    {"wijziging", "Wijziging", SW_KIND_TEXT, 0, 0, 0},
    {"geteld_oud", "Geteld oud", SW_KIND_COUNT, 0, 0, 0},
    {"geteld_nieuw", "Geteld nieuw", SW_KIND_COUNT, 0, 0, 0},
    {"voortgang_pct_oud", "Voortgang oud", SW_KIND_PERCENT, SW_ROLE_PROGRESS, 2,
     SW_ROUND_DECIMAL_DOWN},
    {"voortgang_pct_nieuw", "Voortgang nieuw", SW_KIND_PERCENT, SW_ROLE_PROGRESS, 2,
     SW_ROUND_DECIMAL_DOWN},
    {"totaal_oud", "Totaal oud", SW_KIND_MONEY, 0, 0, 0},
    {"totaal_nieuw", "Totaal nieuw", SW_KIND_MONEY, 0, 0, 0},
    {"totaal_verschil", "Totaal verschil", SW_KIND_MONEY, 0, 0, 0},
};
enum { STATUS_MONEY = 9 }; /* the money columns start here */

/* Provinces that crossed the threshold (by code), then gemeenten that
 * became eligible or lost it (by code). */
static void status_table(sw_report *r, const cmp_src *gx, const cmp_src *px,
                         const sw_report_context *ctx)
{
    const sw_comparison *c = gx->c;
    size_t n = 0;
    for (size_t k = 0; k < c->nprov; k++)
        n += c->prov[k].status != SW_FLIP_GELIJK;
    for (size_t i = 0; i < c->n; i++)
        n += c->gemeente[i].status != SW_FLIP_GELIJK;
    size_t ncols = c->grants ? NCOLS(status_cols) : STATUS_MONEY;
    sw_value *v =
        sw__table_cells(r, "wijzigingen", "Wat van status veranderde", status_cols, ncols, n);
    if (!v)
        return;
    /* No totals: a province's money is its gemeenten's, listed beside it. */
    sw_table *t = &r->table[r->ntables - 1];
    size_t row = 0;
    for (size_t k = 0; k < c->nprov; k++) {
        if (c->prov[k].status == SW_FLIP_GELIJK)
            continue;
        const sw_progress_provincie *pv = &px->nieuw.p->prov[k];
        sw_value *cell = v + row++ * ncols;
        cell[0] = sw__text("provincie");
        cell[1] = sw__text(sw__printf(r, "PV%02d", pv->code));
        cell[2] = sw__text(pv->naam);
        cell[3] = cell[1];
        cell[4] = sw__text(c->prov[k].status == SW_FLIP_GEWONNEN ? "drempel gehaald"
                                                                 : "drempel niet meer gehaald");
        cell[5] = p_geteld(&px->oud, k);
        cell[6] = p_geteld(&px->nieuw, k);
        cell[7] = p_voortgang(&px->oud, k);
        cell[8] = p_voortgang(&px->nieuw, k);
        if (c->grants) {
            cell[9] = p_totaal(&px->oud, k);
            cell[10] = p_totaal(&px->nieuw, k);
            cell[11] = sw__money(cell[10].i - cell[9].i);
        }
    }
    for (size_t i = 0; i < c->n; i++) {
        if (c->gemeente[i].status == SW_FLIP_GELIJK)
            continue;
        const sw_gemeente *g = &gx->reg->gemeente[i];
        sw_value *cell = v + row++ * ncols;
        cell[0] = sw__text("gemeente");
        cell[1] = sw__text(sw__printf(r, "GM%04d", g->code));
        cell[2] = sw__text(g->naam);
        cell[3] = sw__text(sw__printf(r, "PV%02d", g->provincie));
        cell[4] = sw__text(c->gemeente[i].status == SW_FLIP_GEWONNEN ? "nu in aanmerking"
                                                                     : "niet meer in aanmerking");
        cell[5] = g_geteld(&gx->oud, i);
        cell[6] = g_geteld(&gx->nieuw, i);
        cell[9] = g_totaal(&gx->oud, i);
        cell[10] = g_totaal(&gx->nieuw, i);
        cell[11] = sw__money(cell[10].i - cell[9].i);
    }
    sw__table_filter(r, t, ctx->provincie);
    t->noun = t->title;
    t->title = sw__printf(r, "%s (%zu)", t->title, t->nrows);
}

/* ---- locations ---- */

static const sw_column loc_cols[] = {
    {"gemeentecode", "Code", SW_KIND_CODE, SW_ROLE_KEY, 0, 0},
    {"gemeentenaam", "Gemeente", SW_KIND_NAME, SW_ROLE_KEY, 0, 0},
    {"provinciecode", "Prov.", SW_KIND_CODE, SW_ROLE_PROVINCE, 0, 0},
    {"locatie", "Locatie", SW_KIND_NAME, SW_ROLE_KEY, 0, 0},
    {"soort", "Soort", SW_KIND_TEXT, 0, 0, 0},
    {"wijziging", "Wijziging", SW_KIND_TEXT, SW_ROLE_WIDE, 0, 0},
    {"plaatsen_oud", "Plaatsen oud", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"plaatsen_nieuw", "Plaatsen nieuw", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"plaatsen_verschil", "Plaatsen verschil", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"status_oud", "Status oud", SW_KIND_TEXT, 0, 0, 0},
    {"status_nieuw", "Status nieuw", SW_KIND_TEXT, 0, 0, 0},
    {"vanaf_oud", "Vanaf oud", SW_KIND_DATE, 0, 0, 0},
    {"vanaf_nieuw", "Vanaf nieuw", SW_KIND_DATE, 0, 0, 0},
    {"tot_oud", "Tot oud", SW_KIND_DATE, 0, 0, 0},
    {"tot_nieuw", "Tot nieuw", SW_KIND_DATE, 0, 0, 0},
    {"geteld_oud", "Geteld oud", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"geteld_nieuw", "Geteld nieuw", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"geteld_verschil", "Geteld verschil", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
};

typedef struct loc_src {
    const sw_comparison *c;
    const sw_register *reg;
    const size_t *rows; /* shown row → index into c->loc */
} loc_src;

static const char *status_name(int status)
{
    return status ? sw_loc_status_name(status) : "gemengd";
}

/* "plaatsen, status, telt nu mee", "nieuw", "verdwenen"; and a group. */
static const char *wijziging(const sw_loc_match *m, sw_scratch *s)
{
    char buf[512] = "";
    size_t o = 0;
#define PART(...)                                                                                  \
    o += (size_t)snprintf(buf + o, o < sizeof buf ? sizeof buf - o : 0, "%s", o ? ", " : ""),      \
        o += (size_t)snprintf(buf + o, o < sizeof buf ? sizeof buf - o : 0, __VA_ARGS__)
    if (m->wat & SW_LOC_NIEUW)
        PART("nieuw");
    if (m->wat & SW_LOC_VERDWENEN)
        PART("verdwenen");
    if (m->wat & SW_LOC_PLAATSEN)
        PART("plaatsen");
    if (m->wat & SW_LOC_AMV)
        PART("amv-plaatsen");
    if (m->wat & SW_LOC_SOORT)
        PART("soort %s \xE2\x86\x92 %s", m->oud.soort ? sw_soort_name(m->oud.soort) : "gemengd",
             m->nieuw.soort ? sw_soort_name(m->nieuw.soort) : "gemengd");
    if (m->wat & SW_LOC_STATUS)
        PART("status %s \xE2\x86\x92 %s", status_name(m->oud.status), status_name(m->nieuw.status));
    if (m->wat & SW_LOC_VANAF)
        PART("vanaf");
    if (m->wat & SW_LOC_TOT)
        PART("tot");
    if (m->wat & SW_LOC_GETELD)
        PART("%s", m->oud.geteld == 0     ? "telt nu mee"
                   : m->nieuw.geteld == 0 ? "telt niet meer mee"
                                          : "getelde plaatsen");
    if (!sw_loc_changed(m))
        PART("ongewijzigd");
    if (m->wat & SW_LOC_DUBBEL)
        PART("dubbele sleutel (oud %zu regel%s, nieuw %zu regel%s): als groep vergeleken",
             m->oud.nrows, m->oud.nrows == 1 ? "" : "s", m->nieuw.nrows,
             m->nieuw.nrows == 1 ? "" : "s");
#undef PART
    return sw__scratch_printf(s, "%s", buf);
}

/* One side's plaatsen, status, vanaf, tot and geteld; empty when the
 * location is not on that side. */
static void side_cells(sw_value v[5], const sw_loc_side *sd)
{
    for (int k = 0; k < 5; k++)
        v[k] = sw__empty();
    if (!sd->nrows)
        return;
    v[0] = sw__count(sd->plaatsen);
    v[1] = sw__text(status_name(sd->status));
    v[2] = sw__date(sd->vanaf);
    v[3] = sd->has_tot ? sw__date(sd->tot) : sw__empty();
    v[4] = sw__count(sd->geteld);
}

static int loc_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const loc_src *x = src;
    const sw_loc_match *m = &x->c->loc[x->rows[k]];
    const sw_gemeente *g = &x->reg->gemeente[m->gemeente];
    const sw_loc_side *now = m->nieuw.nrows ? &m->nieuw : &m->oud;
    c[0] = sw__text(sw__gm(s, g->code));
    c[1] = sw__text(g->naam);
    c[2] = sw__text(sw__pv(s, g->provincie));
    c[3] = sw__text(m->locatie);
    c[4] = sw__text(now->soort ? sw_soort_name(now->soort) : "gemengd");
    c[5] = sw__text(wijziging(m, s));
    sw_value a[5], b[5];
    side_cells(a, &m->oud);
    side_cells(b, &m->nieuw);
    c[6] = a[0], c[7] = b[0];
    /* A location on one side only differs by all its places. */
    c[8] = sw__count(m->nieuw.plaatsen - m->oud.plaatsen);
    c[9] = a[1], c[10] = b[1];
    c[11] = a[2], c[12] = b[2];
    c[13] = a[3], c[14] = b[3];
    c[15] = a[4], c[16] = b[4];
    c[17] = sw__count(m->nieuw.geteld - m->oud.geteld);
    return 0;
}

/* ---- parameters and notes ---- */

/* Both sides first: which file, its SHA-256, the peildatum, a scenario. */
static void sides_meta(sw_report *r, const sw_comparison *c, const sw_report_context *ctx,
                       const sw_compare_report_options *o)
{
    const sw_progress *po = c->oud->progress, *pn = c->nieuw->progress;
    const char *oud_file = o->oud_locaties_file ? o->oud_locaties_file : "";
    const char *nieuw_file = ctx->locaties_file ? ctx->locaties_file : "";
    const char *scen = sw__scenario_text(r, pn, c->nieuw->reg);
    sw__meta(r, "oud", "Oud", SW_KIND_TEXT, sw__text(oud_file),
             sw__printf(r, "%s, peildatum %d-%d-%04d", oud_file, po->peildatum.d, po->peildatum.m,
                        po->peildatum.y));
    sw__meta_text(r, "sha256_oud", "SHA-256 oud", o->oud_sha256);
    sw__meta(r, "nieuw", "Nieuw", SW_KIND_TEXT, sw__text(nieuw_file),
             sw__printf(r, "%s, peildatum %d-%d-%04d%s%s", nieuw_file, pn->peildatum.d,
                        pn->peildatum.m, pn->peildatum.y, scen ? ", scenario " : "",
                        scen ? scen : ""));
    sw__meta_text(r, "sha256_nieuw", "SHA-256 nieuw", o->nieuw_sha256);
    /* What is compared, under the title. */
    sw__remark(r, "kop",
               "Oud: %s (peildatum %d-%d-%04d) \xE2\x86\x92 Nieuw: %s (peildatum %d-%d-%04d%s%s)",
               oud_file, po->peildatum.d, po->peildatum.m, po->peildatum.y, nieuw_file,
               pn->peildatum.d, pn->peildatum.m, pn->peildatum.y, scen ? ", scenario " : "",
               scen ? scen : "");
}

/* The run's own parameters describe the new side: they are renamed so, and
 * the old side's are added beside them. */
static void side_meta(sw_report *r, const sw_comparison *c)
{
    static const char *const renamed[] = {"peildatum", "locaties_bestand", "include_planned",
                                          "scenario",  "totaal_lid3",      "totaal_lid2b",
                                          "totaal"};
    for (size_t i = 0; i < r->nmeta; i++)
        for (size_t k = 0; k < sizeof renamed / sizeof renamed[0]; k++)
            if (strcmp(r->meta[i].key, renamed[k]) == 0) {
                r->meta[i].key = sw__printf(r, "%s_nieuw", renamed[k]);
                r->meta[i].label = sw__printf(r, "%s (nieuw)", r->meta[i].label);
                break;
            }
    const sw_progress *po = c->oud->progress;
    sw__meta(r, "peildatum_oud", "Peildatum (oud)", SW_KIND_DATE, sw__date(po->peildatum), NULL);
    sw__meta(r, "include_planned_oud", "Geplande plaatsen meegeteld (oud)", SW_KIND_YESNO,
             sw__yesno(po->include_planned), NULL);
    sw__meta(r, "scenario_oud", "Scenario (oud)", SW_KIND_YESNO, sw__yesno(po->scenario), NULL);
    if (c->grants) {
        sw__meta(r, "totaal_lid3_oud", "Totaal lid 3 (oud)", SW_KIND_MONEY,
                 sw__money(c->oud->grants->totaal_lid3), NULL);
        sw__meta(r, "totaal_lid2b_oud", "Totaal lid 2 sub b (oud)", SW_KIND_MONEY,
                 sw__money(c->oud->grants->totaal_lid2b), NULL);
        sw__meta(r, "totaal_oud", "Totaal (oud)", SW_KIND_MONEY, sw__money(c->oud->grants->totaal),
                 NULL);
    }
}

static void notes(sw_report *r, const sw_comparison *c, const sw_compare_report_options *o,
                  size_t ng_shown_unchanged, size_t np_unchanged)
{
    const sw_progress *po = c->oud->progress, *pn = c->nieuw->progress;
    if (pn->scenario)
        sw__note(r, SW_NOTE_WARNING,
                 "SCENARIO aan de nieuwe kant (%s); de oude kant is geen scenario: zo staat het "
                 "scenario naast de uitgangssituatie.",
                 r->scenario ? r->scenario : "");
    sw__note(r, SW_NOTE_INFO,
             "Beide kanten hebben dezelfde cyclus, hetzelfde register, dezelfde opgave en "
             "dezelfde telregels; alleen de locaties, de peildatum en een scenario (--what-if, "
             "--include-planned: alleen de nieuwe kant) verschillen. Verschil = nieuw \xE2\x88\x92 "
             "oud; bij voortgang het verschil van de getoonde (naar beneden afgeronde) "
             "percentages; bij ja/nee 'gewonnen' of 'verloren'.");
    if (o->voor_mensen && !o->alles && (ng_shown_unchanged || np_unchanged))
        sw__note(r, SW_NOTE_INFO,
                 "Ongewijzigd en niet getoond: %zu gemeente%s en %zu provincie%s (--alles toont "
                 "ze).",
                 ng_shown_unchanged, ng_shown_unchanged == 1 ? "" : "n", np_unchanged,
                 np_unchanged == 1 ? "" : "s");
    if (po->buiten_run)
        sw__note(r, SW_NOTE_INFO,
                 "Oud: %zu locaties liggen in gemeenten die niet in het opgavebestand staan; die "
                 "zijn niet meegeteld.",
                 po->buiten_run);
    if (c->loc) {
        size_t same = c->nloc - c->nloc_changed;
        sw__note(r, SW_NOTE_INFO,
                 "Locaties vergeleken op gemeentecode en locatie (zonder locatienaam: "
                 "gemeentecode, soort en vanaf): %zu gewijzigd, %zu ongewijzigd%s.",
                 c->nloc_changed, same, o->alles ? "" : " (niet getoond; --alles toont ze)");
        if (c->ndubbel_oud || c->ndubbel_nieuw) {
            const char *list = "";
            size_t shown = 0;
            for (size_t k = 0; k < c->nloc && shown < 10; k++)
                if (c->loc[k].wat & SW_LOC_DUBBEL) {
                    const sw_loc_match *m = &c->loc[k];
                    const sw_loc_side *sd = m->oud.nrows ? &m->oud : &m->nieuw;
                    char d[11];
                    sw_format_date(d, sd->vanaf);
                    list = sw__printf(r, "%s%sGM%04d %s", list, shown ? "; " : "",
                                      c->nieuw->reg->gemeente[m->gemeente].code,
                                      m->locatie[0] ? sw__printf(r, "'%s'", m->locatie)
                                                    : sw__printf(r, "%s vanaf %s",
                                                                 sw_soort_name(sd->row->soort), d));
                    shown++;
                }
            sw__note(r, SW_NOTE_WARNING,
                     "Sleutels die meer dan eens voorkomen (oud %zu, nieuw %zu): hun regels zijn "
                     "als groep vergeleken (plaatsen opgeteld, vroegste vanaf, laatste tot): %s%s.",
                     c->ndubbel_oud, c->ndubbel_nieuw, list,
                     c->ndubbel_oud + c->ndubbel_nieuw > shown ? " ..." : "");
        }
    } else if (o->voor_mensen) {
        sw__note(r, SW_NOTE_INFO,
                 "Welke locaties verschenen, verdwenen of veranderden: "
                 "--tabel locaties.");
    }
}

/* ---- building ---- */

/* A table with totals, filtered to the context's province, its count in the
 * title. Where only the changed rows are listed, the totals are theirs. */
static void counted(sw_report *r, sw_table *t, const sw_report_context *ctx, bool only_changed)
{
    if (!t)
        return;
    t->totals = true;
    sw__table_filter(r, t, ctx->provincie);
    t->noun = t->title;
    t->title = sw__printf(r, "%s (%zu)", t->title, t->nrows);
    if (only_changed)
        t->totals_label = "Totaal van deze rijen";
}

/* How many of the rows idx[0..n) lie in province `code` (0: all). */
static size_t in_province(const size_t *idx, size_t n, const sw_register *reg, bool gemeenten,
                          const sw_progress *p, int code)
{
    if (!code)
        return n;
    size_t m = 0;
    for (size_t k = 0; k < n; k++)
        m += (gemeenten ? reg->gemeente[idx[k]].provincie : p->prov[idx[k]].code) == code;
    return m;
}

int sw_report_compare(sw_report **out, const sw_comparison *c, const sw_report_context *ctx,
                      const sw_compare_report_options *opt, sw_diag *diag)
{
    assert(out && c && ctx);
    (void)diag;
    *out = NULL;
    sw_compare_report_options none = {0};
    const sw_compare_report_options *o = opt ? opt : &none;
    const sw_measurement *mo = c->oud, *mn = c->nieuw;
    const sw_register *reg = mn->reg;
    const sw_cycle *cy = mn->cy;
    const sw_progress *po = mo->progress, *pn = mn->progress;
    sw_report *r = sw__report_new();
    if (!r)
        return SW_ENOMEM;
    r->scenario = sw__scenario_text(r, pn, reg);
    bool dates = sw_date_cmp(po->peildatum, pn->peildatum) != 0;
    const char *in = sw__scope(r, cy, ctx->provincie);
    r->title =
        sw__printf(r, "%sWat veranderde%s: %s, cyclus %lld%s", pn->scenario ? "SCENARIO - " : "",
                   in, c->grants ? "specifieke uitkering art. 9" : "voortgang", (long long)cy->jaar,
                   dates ? sw__printf(r, ", peildatum %d-%d-%04d \xE2\x86\x92 %d-%d-%04d",
                                      po->peildatum.d, po->peildatum.m, po->peildatum.y,
                                      pn->peildatum.d, pn->peildatum.m, pn->peildatum.y)
                         : "");
    sides_meta(r, c, ctx, o);
    sw__run_meta(r, pn, c->grants ? mn->grants : NULL, mn->alloc, reg, cy, ctx);
    side_meta(r, c);
    sw__run_notes(r, pn, c->grants ? mn->grants : NULL, mn->alloc, reg, cy, ctx);

    cmp_src *gx = sw__alloc(r, 1, sizeof *gx), *px = sw__alloc(r, 1, sizeof *px);
    if (!gx || !px)
        return sw__report_done(out, r, diag);
    side so = {po, c->grants ? mo->grants : NULL}, sn = {pn, c->grants ? mn->grants : NULL};
    *gx = (cmp_src){c,
                    reg,
                    so,
                    sn,
                    c->grants ? grants_gemeente : progress_gemeente,
                    c->grants ? NCOLS(grants_gemeente) : NCOLS(progress_gemeente),
                    NULL};
    *px = (cmp_src){c,
                    reg,
                    so,
                    sn,
                    c->grants ? grants_prov : progress_prov,
                    c->grants ? NCOLS(grants_prov) : NCOLS(progress_prov),
                    NULL};

    /* People read the changes, status first; machines get every row by code. */
    bool people = o->voor_mensen;
    size_t ng = people && !o->alles ? c->ngemeenten_changed : c->ngemeenten;
    size_t np = people && !o->alles ? c->nprov_changed : c->nprov;
    size_t *grows = sw__alloc(r, c->ngemeenten, sizeof *grows);
    size_t *prows = sw__alloc(r, c->nprov, sizeof *prows);
    if (!grows || !prows)
        return sw__report_done(out, r, diag);
    if (people) {
        memcpy(grows, c->gemeente_order, c->ngemeenten * sizeof *grows);
        memcpy(prows, c->prov_order, c->nprov * sizeof *prows);
    } else {
        for (size_t i = 0, k = 0; i < c->n; i++)
            if (pn->prov_of[i] >= 0)
                grows[k++] = i;
        for (size_t k = 0; k < c->nprov; k++)
            prows[k] = k;
    }
    gx->rows = grows;
    px->rows = prows;
    size_t ng_unchanged =
        in_province(c->gemeente_order + c->ngemeenten_changed,
                    c->ngemeenten - c->ngemeenten_changed, reg, true, pn, ctx->provincie);
    size_t np_unchanged = in_province(c->prov_order + c->nprov_changed, c->nprov - c->nprov_changed,
                                      reg, false, pn, ctx->provincie);
    notes(r, c, o, ng_unchanged, np_unchanged);

    status_table(r, gx, px, ctx);
    const sw_column *pc = columns(r, prov_keys, NCOLS(prov_keys), px->f, px->nf);
    sw_table *t = pc ? sw__table(r, "provincies",
                                 people && !o->alles ? "Provincies met een "
                                                       "wijziging"
                                                     : "Provincies",
                                 pc, NCOLS(prov_keys) + 3 * px->nf, np, prov_row, px)
                     : NULL;
    counted(r, t, ctx, people && !o->alles);
    const sw_column *gc = columns(r, gemeente_keys, NCOLS(gemeente_keys), gx->f, gx->nf);
    t = gc ? sw__table(r, "gemeenten",
                       people && !o->alles ? "Gemeenten met een wijziging" : "Gemeenten", gc,
                       NCOLS(gemeente_keys) + 3 * gx->nf, ng, gemeente_row, gx)
           : NULL;
    counted(r, t, ctx, people && !o->alles);
    if (c->loc) {
        loc_src *lx = sw__alloc(r, 1, sizeof *lx);
        size_t *lrows = sw__alloc(r, c->nloc, sizeof *lrows);
        size_t nl = 0;
        for (size_t k = 0; lrows && k < c->nloc; k++)
            if (o->alles || sw_loc_changed(&c->loc[k]))
                lrows[nl++] = k;
        if (lx && lrows) {
            *lx = (loc_src){c, reg, lrows};
            t = sw__table(r, "locaties",
                          o->alles ? "Locaties"
                                   : "Locaties die verschenen, "
                                     "verdwenen of veranderden",
                          loc_cols, NCOLS(loc_cols), nl, loc_row, lx);
            counted(r, t, ctx, !o->alles);
        }
    }
    return sw__report_done(out, r, diag);
}
