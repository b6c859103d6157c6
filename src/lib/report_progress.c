/* Progress and grants as report documents (`spreiding progress`, `grants`). */
#include <assert.h>
#include <string.h>

#include "spreiding/policy.h"
#include "report_build.h"

static const struct {
    int index;
    const char *key, *label;
} tariffs[] = {
    {SW_TARIEF_LID3_DUURZAAM, "tarief_lid3_duurzaam", "Tarief lid 3, duurzaam"},
    {SW_TARIEF_LID3_NIET_DUURZAAM, "tarief_lid3_niet_duurzaam", "Tarief lid 3, niet duurzaam"},
    {SW_TARIEF_LID2B_DUURZAAM, "tarief_lid2b_duurzaam", "Tarief lid 2 sub b, duurzaam"},
};

/* Cycle, peildatum, counting parameters, policies and tariffs: what every
 * progress, grants and explain report carries. */
void rb_run_meta(sw_report *r, const sw_progress *p, const sw_grants *g, const sw_allocation *a,
                 const sw_register *reg, const sw_cycle *cy, const sw_report_context *ctx)
{
    if (a) {
        rb_allocation_meta(r, a, reg, cy, ctx);
        rb_meta(r, "opgave", "Opgave", rb_text(r, "de verdeling van deze run (zie modus)"));
    } else {
        rb_meta(r, "programma", "Programma",
                rb_text(r, rb_printf(r, "spreiding %s", ctx->version)));
        rb_meta(r, "cyclus", "Cyclus", rb_int(cy->jaar));
        rb_meta(r, "opgave", "Opgave",
                rb_text(r, rb_printf(r, "opgavebestand %s: %zu van %zu gemeenten",
                                     ctx->opgave_file ? ctx->opgave_file : "", p->opgave->in_run,
                                     reg->n)));
        rb_meta(r, "cyclus_bestand", "Cyclusbestand", rb_text(r, ctx->cycle_file));
        rb_meta(r, "gemeenten_bestand", "Gemeentenbestand", rb_text(r, ctx->register_file));
    }
    rb_meta(r, "locaties_bestand", "Locatiebestand",
            ctx->locaties_file ? rb_text(r, ctx->locaties_file) : rb_empty());
    char date[11];
    sw_format_date(date, p->peildatum);
    rb_meta(r, "peildatum", "Peildatum", rb_text(r, date));
    rb_meta(r, "drempel_pct", "Drempel (%)", rb_int(p->drempel_pct));
    rb_meta(r, "duurzaam_jaren", "Duurzaam vanaf (jaren)", rb_int(p->duurzaam_jaren));
    rb_meta(r, "aanmeld_telt", "Aanmeldcentra tellen mee", rb_bool(p->aanmeld_telt == SW_JA));
    rb_meta(r, "include_planned", "Geplande plaatsen meegeteld", rb_bool(p->include_planned));
    rb_meta(r, "scenario", "Scenario", rb_bool(p->scenario));
    int lid3 = g ? g->lid3 : cy->lid3, grondslag = g ? g->grondslag : cy->lid3_grondslag;
    rb_meta(r, "lid3", "Beleid lid 3", rb_text(r, sw_policy_value_name(SW_POLICY_LID3, lid3)));
    rb_meta(r, "lid3_grondslag", "Grondslag lid 3",
            rb_text(r, sw_policy_value_name(SW_POLICY_LID3_GRONDSLAG, grondslag)));
    rb_meta(r, "lid2b_minimum", "Minimum lid 2 sub b (duurzame plaatsen)",
            rb_int(cy->lid2b_minimum));
    rb_input_digests(r, ctx);
    for (size_t k = 0; k < sizeof tariffs / sizeof tariffs[0]; k++) {
        const sw_tariff *t = &cy->tarief[tariffs[k].index];
        rb_meta(r, tariffs[k].key, tariffs[k].label, rb_money(t->cents));
        rb_meta(r, rb_printf(r, "%s_status", tariffs[k].key),
                rb_printf(r, "%s, status", tariffs[k].label),
                rb_text(r, rb_printf(r, "%s (%s)", sw_status_name(t->param->status),
                                     t->param->bron)));
    }
}

void rb_run_notes(sw_report *r, const sw_progress *p, const sw_grants *g,
                  const sw_allocation *a, const sw_register *reg, const sw_cycle *cy)
{
    if (a)
        rb_allocation_notes(r, a, cy);
    else
        rb_note(r, "De opgave komt uit een opgavebestand: alleen de %zu gemeenten daarin doen "
                   "mee, en de provinciale opgaven zijn hun sommen.", p->opgave->in_run);
    if (p->scenario)
        rb_note(r, "SCENARIO: dit is geen stand op de peildatum.%s",
                p->include_planned ? " Geplande plaatsen (status gepland) zijn meegeteld." : "");
    for (size_t i = 0; i < reg->n; i++)
        if (p->row[i].what_if)
            rb_note(r, "SCENARIO: GM%04d (%s) krijgt %lld extra getelde, duurzame plaatsen "
                       "(--what-if).", reg->gemeente[i].code, reg->gemeente[i].naam,
                    (long long)p->row[i].what_if);
    if (p->buiten_run)
        rb_note(r, "%zu locaties liggen in gemeenten die niet in het opgavebestand staan; die "
                   "zijn niet meegeteld.", p->buiten_run);
    for (size_t k = 0; k < sizeof tariffs / sizeof tariffs[0]; k++) {
        const sw_tariff *t = &cy->tarief[tariffs[k].index];
        if (t->param->status != SW_STATUS_OFFICIEEL) {
            char euros[32];
            sw_format_cents(euros, sizeof euros, t->cents, '.');
            rb_note(r, "%s (EUR %s per plaats) is niet geverifieerd tegen de regeling (status "
                       "%s): %s.", tariffs[k].label, euros, sw_status_name(t->param->status),
                    t->param->bron);
        }
    }
    if (g && g->grondslag == SW_GRONDSLAG_BUDGET)
        for (size_t k = 0; k < g->nprov; k++)
            if (!g->prov[k].has_budget)
                rb_note(r, "PV%02d %s heeft geen budget (--budget): geen geld uit lid 3.",
                        p->prov[k].code, p->prov[k].naam);
}

/* A report of a run: its title (prefixed SCENARIO when it is one), the
 * parameters, with the grant totals when there are grants, and the notes. */
static sw_report *run_report(const char *what, const sw_progress *p, const sw_grants *g,
                             const sw_allocation *a, const sw_register *reg, const sw_cycle *cy,
                             const sw_report_context *ctx)
{
    sw_report *r = rb_new("");
    if (!r)
        return NULL;
    char date[11];
    sw_format_date(date, p->peildatum);
    r->title = rb_printf(r, "%s%s, cyclus %lld, peildatum %s", p->scenario ? "SCENARIO - " : "",
                         what, (long long)cy->jaar, date);
    rb_run_meta(r, p, g, a, reg, cy, ctx);
    if (g) {
        rb_meta(r, "totaal_lid3", "Totaal lid 3", rb_money(g->totaal_lid3));
        rb_meta(r, "totaal_lid2b", "Totaal lid 2 sub b", rb_money(g->totaal_lid2b));
        rb_meta(r, "totaal", "Totaal", rb_money(g->totaal));
    }
    rb_run_notes(r, p, g, a, reg, cy);
    return r;
}

static const sw_column progress_cols[] = {
    {"gemeentecode", 0}, {"gemeentenaam", 0}, {"provinciecode", 0}, {"provincie", 0},
    {"opgave", 0},       {"opgave_amv", 0},   {"geteld", 0},        {"geteld_amv", 0},
    {"duurzaam", 0},     {"verschil", 0},
};
static const sw_column progress_prov_cols[] = {
    {"provinciecode", 0}, {"provincie", 0},       {"opgave", 0},     {"geteld", 0},
    {"voortgang_pct", 0}, {"drempel_gehaald", 0}, {"tekort_75", 0},  {"tekort_100", 0},
};
static const sw_column grants_cols[] = {
    {"gemeentecode", 0},   {"gemeentenaam", 0},    {"provinciecode", 0}, {"provincie", 0},
    {"geteld", 0},         {"duurzaam", 0},        {"aandeel", 0},       {"in_aanmerking", 0},
    {"bedrag_lid3", 0},    {"potentieel_lid3", 0}, {"bedrag_lid2b", 0},  {"totaal", 0},
    {"aandeel_exact", SW_COL_JSON_ONLY},
};
static const sw_column grants_prov_cols[] = {
    {"provinciecode", 0},   {"provincie", 0},      {"opgave", 0}, {"geteld", 0},
    {"drempel_gehaald", 0}, {"tekort_75", 0},      {"budget", 0}, {"bedrag_lid3", 0},
    {"potentieel_lid3", 0},
};
#define NCOLS(c) (sizeof c / sizeof c[0])

static bool shown(const sw_progress *p, const sw_register *reg, size_t i,
                  const sw_report_context *ctx)
{
    return p->prov_of[i] >= 0 && (!ctx->provincie || reg->gemeente[i].provincie == ctx->provincie);
}

static size_t count_shown(const sw_progress *p, const sw_register *reg,
                          const sw_report_context *ctx)
{
    size_t n = 0;
    for (size_t i = 0; i < reg->n; i++)
        n += shown(p, reg, i, ctx);
    return n;
}

static size_t count_prov(const sw_progress *p, const sw_report_context *ctx)
{
    size_t n = 0;
    for (size_t k = 0; k < p->nprov; k++)
        n += !ctx->provincie || p->prov[k].code == ctx->provincie;
    return n;
}

static void gemeente_cells(sw_report *r, sw_cell *c, const sw_register *reg,
                           const sw_progress *p, size_t i)
{
    const sw_gemeente *g = &reg->gemeente[i];
    c[0] = rb_text(r, rb_printf(r, "GM%04d", g->code));
    c[1] = rb_text(r, g->naam);
    c[2] = rb_text(r, rb_printf(r, "PV%02d", g->provincie));
    c[3] = rb_text(r, p->prov[p->prov_of[i]].naam);
}

static int finish(sw_report **out, sw_report *r)
{
    int rc = rb_failed(r);
    if (rc != 0) {
        sw_report_free(r);
        return rc;
    }
    *out = r;
    return 0;
}

int sw_report_progress(sw_report **out, const sw_progress *p, const sw_allocation *a,
                       const sw_register *reg, const sw_cycle *cy, const sw_report_context *ctx)
{
    assert(out && p && reg && cy && ctx);
    *out = NULL;
    sw_report *r = run_report("Voortgang per gemeente", p, NULL, a, reg, cy, ctx);
    if (!r)
        return SW_ENOMEM;

    size_t n = count_shown(p, reg, ctx);
    sw_table *t = rb_table(r, "gemeenten", rb_printf(r, "Gemeenten (%zu)", n), progress_cols,
                           NCOLS(progress_cols), n);
    for (size_t i = 0, k = 0; t && i < reg->n; i++) {
        if (!shown(p, reg, i, ctx))
            continue;
        sw_cell *c = &t->cell[k++ * t->ncols];
        const sw_opgave_row *o = &p->opgave->row[i];
        const sw_progress_row *pr = &p->row[i];
        gemeente_cells(r, c, reg, p, i);
        c[4] = rb_int(o->opgave);
        c[5] = o->has_amv ? rb_int(o->opgave_amv) : rb_empty();
        c[6] = rb_int(pr->geteld);
        c[7] = rb_int(pr->geteld_amv);
        c[8] = rb_int(pr->duurzaam);
        c[9] = rb_int(pr->geteld - o->opgave);
    }
    size_t np = count_prov(p, ctx);
    t = rb_table(r, "provincies", "Provincies", progress_prov_cols, NCOLS(progress_prov_cols), np);
    for (size_t k = 0, j = 0; t && k < p->nprov; k++) {
        const sw_progress_prov *pv = &p->prov[k];
        if (ctx->provincie && pv->code != ctx->provincie)
            continue;
        sw_cell *c = &t->cell[j++ * t->ncols];
        c[0] = rb_text(r, rb_printf(r, "PV%02d", pv->code));
        c[1] = rb_text(r, pv->naam);
        c[2] = rb_int(pv->opgave);
        c[3] = rb_int(pv->geteld);
        c[4] = pv->opgave ? rb_fraction(r, (sw_i128)100 * pv->geteld, pv->opgave, 2) : rb_empty();
        c[5] = rb_bool(pv->gehaald);
        c[6] = rb_int(pv->tekort_drempel);
        c[7] = rb_int(pv->tekort_100);
    }
    return finish(out, r);
}

int sw_report_grants(sw_report **out, const sw_grants *g, const sw_allocation *a,
                     const sw_register *reg, const sw_cycle *cy, const sw_report_context *ctx)
{
    assert(out && g && reg && cy && ctx);
    *out = NULL;
    const sw_progress *p = g->progress;
    sw_report *r = run_report("Specifieke uitkering art. 9", p, g, a, reg, cy, ctx);
    if (!r)
        return SW_ENOMEM;

    size_t n = count_shown(p, reg, ctx);
    sw_table *t = rb_table(r, "gemeenten", rb_printf(r, "Gemeenten (%zu)", n), grants_cols,
                           NCOLS(grants_cols), n);
    for (size_t i = 0, k = 0; t && i < reg->n; i++) {
        if (!shown(p, reg, i, ctx))
            continue;
        sw_cell *c = &t->cell[k++ * t->ncols];
        const sw_progress_row *pr = &p->row[i];
        const sw_grant_row *gr = &g->row[i];
        int64_t R = p->prov[p->prov_of[i]].geteld;
        gemeente_cells(r, c, reg, p, i);
        c[4] = rb_int(pr->geteld);
        c[5] = rb_int(pr->duurzaam);
        c[6] = rb_fraction(r, pr->geteld, R ? R : 1, 6);
        c[7] = rb_bool(gr->in_aanmerking);
        c[8] = rb_money(gr->bedrag_lid3);
        c[9] = rb_money(gr->potentieel_lid3);
        c[10] = rb_money(gr->bedrag_lid2b);
        c[11] = rb_money(gr->totaal);
        c[12] = rb_ratio(r, pr->geteld, R ? R : 1);
    }
    size_t np = count_prov(p, ctx);
    t = rb_table(r, "provincies", "Provincies", grants_prov_cols, NCOLS(grants_prov_cols), np);
    for (size_t k = 0, j = 0; t && k < p->nprov; k++) {
        const sw_progress_prov *pv = &p->prov[k];
        const sw_grant_prov *gp = &g->prov[k];
        if (ctx->provincie && pv->code != ctx->provincie)
            continue;
        sw_cell *c = &t->cell[j++ * t->ncols];
        c[0] = rb_text(r, rb_printf(r, "PV%02d", pv->code));
        c[1] = rb_text(r, pv->naam);
        c[2] = rb_int(pv->opgave);
        c[3] = rb_int(pv->geteld);
        c[4] = rb_bool(pv->gehaald);
        c[5] = rb_int(pv->tekort_drempel);
        c[6] = gp->has_budget ? rb_money(gp->budget) : rb_empty();
        c[7] = rb_money(gp->bedrag_lid3);
        c[8] = rb_money(gp->potentieel_lid3);
    }
    return finish(out, r);
}

static const sw_column overview_prov_cols[] = {
    {"provinciecode", 0}, {"provincie", 0},   {"gemeenten", 0},      {"opgave", 0},
    {"geteld", 0},        {"voortgang_pct", 0}, {"drempel_gehaald", 0}, {"tekort_75", 0},
    {"tekort_100", 0},    {"bedrag_lid3", 0}, {"potentieel_lid3", 0}, {"totaal", 0},
};
static const sw_column overview_cols[] = {
    {"gemeentecode", 0},  {"gemeentenaam", 0},    {"provinciecode", 0}, {"provincie", 0},
    {"opgave", 0},        {"geteld", 0},          {"duurzaam", 0},      {"verschil", 0},
    {"in_aanmerking", 0}, {"bedrag_lid3", 0},     {"potentieel_lid3", 0},
    {"bedrag_lid2b", 0},  {"totaal", 0},
};

int sw_report_overview(sw_report **out, const sw_grants *g, const sw_allocation *a,
                       const sw_register *reg, const sw_cycle *cy, const sw_report_context *ctx)
{
    assert(out && g && reg && cy && ctx);
    *out = NULL;
    const sw_progress *p = g->progress;
    sw_report *r = run_report("Spreidingswet: opgave, voortgang en uitkering", p, g, a, reg, cy,
                              ctx);
    if (!r)
        return SW_ENOMEM;

    size_t np = count_prov(p, ctx);
    sw_table *t = rb_table(r, "provincies", "Provincies", overview_prov_cols,
                           NCOLS(overview_prov_cols), np);
    for (size_t k = 0, j = 0; t && k < p->nprov; k++) {
        const sw_progress_prov *pv = &p->prov[k];
        const sw_grant_prov *gp = &g->prov[k];
        if (ctx->provincie && pv->code != ctx->provincie)
            continue;
        sw_cell *c = &t->cell[j++ * t->ncols];
        c[0] = rb_text(r, rb_printf(r, "PV%02d", pv->code));
        c[1] = rb_text(r, pv->naam);
        c[2] = rb_int((int64_t)pv->ngemeenten);
        c[3] = rb_int(pv->opgave);
        c[4] = rb_int(pv->geteld);
        c[5] = pv->opgave ? rb_fraction(r, (sw_i128)100 * pv->geteld, pv->opgave, 2) : rb_empty();
        c[6] = rb_bool(pv->gehaald);
        c[7] = rb_int(pv->tekort_drempel);
        c[8] = rb_int(pv->tekort_100);
        c[9] = rb_money(gp->bedrag_lid3);
        c[10] = rb_money(gp->potentieel_lid3);
        c[11] = rb_money(gp->totaal);
    }
    size_t n = count_shown(p, reg, ctx);
    t = rb_table(r, "gemeenten", rb_printf(r, "Gemeenten (%zu)", n), overview_cols,
                 NCOLS(overview_cols), n);
    for (size_t i = 0, k = 0; t && i < reg->n; i++) {
        if (!shown(p, reg, i, ctx))
            continue;
        sw_cell *c = &t->cell[k++ * t->ncols];
        const sw_progress_row *pr = &p->row[i];
        const sw_grant_row *gr = &g->row[i];
        gemeente_cells(r, c, reg, p, i);
        c[4] = rb_int(p->opgave->row[i].opgave);
        c[5] = rb_int(pr->geteld);
        c[6] = rb_int(pr->duurzaam);
        c[7] = rb_int(pr->geteld - p->opgave->row[i].opgave);
        c[8] = rb_bool(gr->in_aanmerking);
        c[9] = rb_money(gr->bedrag_lid3);
        c[10] = rb_money(gr->potentieel_lid3);
        c[11] = rb_money(gr->bedrag_lid2b);
        c[12] = rb_money(gr->totaal);
    }
    return finish(out, r);
}
