/* `spreiding explain`: the audit trail of one gemeente, every intermediate
 * value in words and numbers, so that each figure can be re-derived by hand. */
#include <assert.h>
#include <string.h>

#include "spreiding/policy.h"
#include "report_build.h"

static const sw_column step_cols[] = {
    {"onderdeel", 0}, {"grootheid", 0}, {"waarde", 0}, {"toelichting", 0}};
static const sw_column loc_cols[] = {
    {"regel", 0}, {"locatie", 0}, {"plaatsen", 0}, {"amv_plaatsen", 0}, {"soort", 0},
    {"status", 0}, {"vanaf", 0}, {"tot", 0}, {"telt_mee", 0}, {"duurzaam", 0}, {"reden", 0}};

typedef struct steps {
    sw_report *r;
    sw_cell *cells; /* 4 per step */
    size_t n, cap;
} steps;

static void step(steps *s, const char *part, const char *what, sw_cell value, const char *why)
{
    if (s->n == s->cap)
        return; /* cap is sized by the caller for every step below */
    sw_cell *c = &s->cells[4 * s->n++];
    c[0] = rb_text(s->r, part);
    c[1] = rb_text(s->r, what);
    c[2] = value;
    c[3] = rb_text(s->r, why);
}

static const char *rb_int_text(sw_report *r, int64_t v)
{
    return rb_printf(r, "%lld", (long long)v);
}

static const char *money(sw_report *r, int64_t cents)
{
    char buf[64];
    sw_format_cents(buf, sizeof buf, cents, '.');
    return rb_printf(r, "EUR %s", buf);
}

static void allocation_steps(steps *s, size_t i, const sw_allocation *a, const sw_register *reg,
                             const sw_cycle *cy, const sw_opgave *og)
{
    sw_report *r = s->r;
    const sw_gemeente *g = &reg->gemeente[i];
    const char *V = "verdeling";
    step(s, V, "inwoners", rb_int(g->inwoners),
         rb_printf(r, "regel %ld van %s", g->inwoners_line,
                   reg->inwoners_file ? reg->inwoners_file : reg->file));
    step(s, V, "ses_woa", g->has_ses ? rb_micro(r, g->ses_micro) : rb_empty(),
         g->has_ses ? rb_printf(r, "regel %ld van %s", g->ses_line, reg->ses_file)
                    : "geen score");
    if (!a) {
        step(s, V, "opgave", rb_int(og->row[i].opgave),
             rb_printf(r, "uit het opgavebestand %s", og->file));
        step(s, V, "opgave_amv",
             og->row[i].has_amv ? rb_int(og->row[i].opgave_amv) : rb_empty(),
             "uit het opgavebestand");
        return;
    }
    const sw_alloc_row *ar = &a->row[i];
    const sw_alloc_provincie *ap = sw_allocation_provincie(a, g->provincie);
    bool ses = a->weging == SW_WEGING_INWONERS_SES;
    step(s, V, "gewicht", rb_micro(r, ar->gewicht),
         ses ? rb_printf(r, "inwoners x (1 + score%s)", ar->ses_nul ? " 0, ontbrekend" : "")
             : "inwoners (weging zonder SES-WOA)");
    if (a->mode == SW_MODE_PROVINCIAL) {
        step(s, V, "gewicht provincie", rb_micro(r, ap->gewicht),
             rb_printf(r, "som van de gewichten in PV%02d %s (%zu gemeenten)", ap->code,
                       ap->naam, ap->ngemeenten));
        step(s, V, "te verdelen", rb_int(ap->opgave),
             rb_printf(r, "officiële provinciale opgave van PV%02d", ap->code));
    } else {
        sw_i128 W = 0;
        for (size_t k = 0; k < a->nprov; k++)
            W += a->prov[k].gewicht;
        step(s, V, "gewicht landelijk", rb_micro(r, W), "som van alle gewichten");
        step(s, V, "te verdelen", rb_int(a->capaciteit), "capaciteitsraming C");
    }
    step(s, V, "quotum (exact)", rb_ratio(r, ar->quotum_num, ar->quotum_den),
         "te verdelen x gewicht / som gewichten");
    step(s, V, "quotum", rb_fraction(r, ar->quotum_num, ar->quotum_den, 6), "afgerond op 6 decimalen");
    sw_i128 fl = ar->quotum_num / ar->quotum_den;
    step(s, V, "quotum naar beneden", rb_int((int64_t)fl),
         rb_printf(r, "rest %s", rb_ratio(r, ar->quotum_num % ar->quotum_den,
                                          ar->quotum_den).text));
    const char *how;
    if (a->afronding == SW_ROUND_HALF_UP)
        how = rb_printf(r, "half-up: quotum + 1/2 naar beneden afgerond (naar beneden: %s)",
                        rb_int_text(r, (int64_t)fl));
    else {
        step(s, V, "rangorde rest", rb_text(r, rb_printf(r, "%zu van %zu", ar->rest_rank,
                                                         ar->rest_of)),
             rb_printf(r, "de %lld grootste resten krijgen een restplaats (gelijke resten: "
                          "groter gewicht, dan lagere code)", (long long)ar->restplaatsen));
        how = ar->opgave > fl ? "largest-remainder: naar beneden afgerond, plus 1 restplaats"
                              : "largest-remainder: naar beneden afgerond, geen restplaats";
    }
    step(s, V, "opgave", rb_int(ar->opgave), how);
    const char *amv = "geen amv-aantal bekend";
    if (ar->amv_method == SW_AMV_HALF_UP)
        amv = rb_printf(r, "half-up: opgave x %lld / %lld = %s, afgerond", (long long)a->amv,
                        (long long)a->capaciteit,
                        rb_fraction(r, (sw_i128)ar->opgave * a->amv, a->capaciteit ? a->capaciteit : 1, 4).text);
    else if (ar->amv_method == SW_AMV_LARGEST_REMAINDER)
        amv = a->mode == SW_MODE_PROVINCIAL
                  ? rb_printf(r, "largest-remainder: het officiële amv-cijfer %lld van PV%02d "
                                 "naar rato van de opgave", (long long)ap->opgave_amv, ap->code)
                  : rb_printf(r, "largest-remainder: A = %lld naar rato van de opgave",
                              (long long)a->amv);
    step(s, V, "opgave_amv", ar->amv_method ? rb_int(ar->opgave_amv) : rb_empty(), amv);
    (void)cy;
}

static void progress_steps(steps *s, size_t i, const sw_progress *p)
{
    sw_report *r = s->r;
    const sw_progress_row *pr = &p->row[i];
    const sw_progress_prov *pv = &p->prov[p->prov_of[i]];
    const char *T = "telling";
    step(s, T, "geteld", rb_int(pr->geteld),
         pr->what_if ? rb_printf(r, "som van de getelde locaties, plus %lld uit --what-if",
                                 (long long)pr->what_if)
                     : "som van de plaatsen van de locaties die meetellen (zie locaties)");
    step(s, T, "duurzaam", rb_int(pr->duurzaam),
         rb_printf(r, "getelde plaatsen beschikbaar tot minstens %lld jaar na vanaf",
                   (long long)p->duurzaam_jaren));
    step(s, T, "verschil", rb_int(pr->geteld - p->opgave->row[i].opgave), "geteld - opgave");
    const char *P = "provincie";
    step(s, P, "opgave provincie", rb_int(pv->opgave),
         rb_printf(r, "PV%02d %s: som van %zu gemeenten", pv->code, pv->naam, pv->ngemeenten));
    step(s, P, "geteld provincie", rb_int(pv->geteld), "som van geteld");
    step(s, P, "voortgang_pct",
         pv->opgave ? rb_fraction(r, (sw_i128)100 * pv->geteld, pv->opgave, 2) : rb_empty(),
         "100 x geteld / opgave");
    step(s, P, "drempel_gehaald", rb_bool(pv->gehaald),
         rb_printf(r, "100 x %lld = %lld %s %lld x %lld = %lld", (long long)pv->geteld,
                   (long long)(100 * pv->geteld), pv->gehaald ? ">=" : "<",
                   (long long)p->drempel_pct, (long long)pv->opgave,
                   (long long)(p->drempel_pct * pv->opgave)));
    step(s, P, "tekort_75", rb_int(pv->tekort_drempel),
         rb_printf(r, "max(0, plafond(%lld x %lld / 100) - %lld)", (long long)p->drempel_pct,
                   (long long)pv->opgave, (long long)pv->geteld));
}

static void grant_steps(steps *s, size_t i, const sw_grants *g, const sw_cycle *cy)
{
    sw_report *r = s->r;
    const sw_progress *p = g->progress;
    const sw_progress_row *pr = &p->row[i];
    const sw_progress_prov *pv = &p->prov[p->prov_of[i]];
    const sw_grant_row *gr = &g->row[i];
    const char *U = "uitkering";
    step(s, U, "aandeel (exact)", rb_ratio(r, pr->geteld, pv->geteld ? pv->geteld : 1),
         "geteld / geteld provincie (naar rato)");
    const sw_tariff *t3d = &cy->tarief[SW_TARIEF_LID3_DUURZAAM];
    const sw_tariff *t3n = &cy->tarief[SW_TARIEF_LID3_NIET_DUURZAAM];
    const sw_tariff *t2b = &cy->tarief[SW_TARIEF_LID2B_DUURZAAM];
    const char *basis;
    if (g->grondslag == SW_GRONDSLAG_PER_PLAATS)
        basis = rb_printf(r, "per-plaats: %lld duurzaam x %s + %lld niet duurzaam x %s "
                             "(tarieven %s, %s)",
                          (long long)pr->duurzaam, money(r, t3d->cents),
                          (long long)(pr->geteld - pr->duurzaam), money(r, t3n->cents),
                          sw_status_name(t3d->param->status), t3d->param->bron);
    else if (g->prov[p->prov_of[i]].has_budget)
        basis = rb_printf(r, "budget: %s van PV%02d naar rato %lld / %lld, in centen "
                             "(largest-remainder)",
                          money(r, g->prov[p->prov_of[i]].budget), pv->code,
                          (long long)pr->geteld, (long long)pv->geteld);
    else
        basis = rb_printf(r, "budget: PV%02d heeft geen budget", pv->code);
    step(s, U, "potentieel_lid3", rb_money(gr->potentieel_lid3), basis);
    const char *why;
    if (pr->geteld == 0)
        why = "nee: de gemeente draagt geen getelde plaatsen bij";
    else if (g->lid3 == SW_LID3_PER_GEMEENTE)
        why = "ja: beleid per-gemeente, geen provinciale drempel";
    else if (pv->gehaald)
        why = rb_printf(r, "ja: PV%02d haalt de drempel van %lld%% en de gemeente draagt bij",
                        pv->code, (long long)p->drempel_pct);
    else
        why = rb_printf(r, "nog niet: PV%02d haalt de drempel van %lld%% niet (tekort %lld "
                           "plaatsen); dan komt het potentiële bedrag vrij",
                        pv->code, (long long)p->drempel_pct, (long long)pv->tekort_drempel);
    step(s, U, "in_aanmerking", rb_bool(gr->in_aanmerking),
         rb_printf(r, "%s (beleid %s)", why, sw_policy_value_name(SW_POLICY_LID3, g->lid3)));
    step(s, U, "bedrag_lid3", rb_money(gr->bedrag_lid3),
         gr->in_aanmerking ? "het potentiële bedrag" : "0: niet in aanmerking");
    step(s, U, "bedrag_lid2b", rb_money(gr->bedrag_lid2b),
         gr->lid2b ? rb_printf(r, "%lld duurzaam x %s (%s, %s)", (long long)pr->duurzaam,
                               money(r, t2b->cents), sw_status_name(t2b->param->status),
                               t2b->param->bron)
                   : rb_printf(r, "0: %lld duurzame plaatsen, minder dan het minimum %lld",
                               (long long)pr->duurzaam, (long long)cy->lid2b_minimum));
    step(s, U, "totaal", rb_money(gr->totaal), "bedrag_lid3 + bedrag_lid2b");
}

int sw_report_explain(sw_report **out, size_t i, const sw_grants *g, const sw_allocation *a,
                      const sw_locaties *loc, const sw_register *reg, const sw_cycle *cy,
                      const sw_report_context *ctx)
{
    assert(out && g && reg && cy && ctx && i < reg->n);
    *out = NULL;
    const sw_progress *p = g->progress;
    assert(p->prov_of[i] >= 0);
    sw_report *r = rb_new("");
    if (!r)
        return SW_ENOMEM;
    const sw_gemeente *gm = &reg->gemeente[i];
    r->title = rb_printf(r, "%sVerantwoording GM%04d %s, cyclus %lld",
                         p->scenario ? "SCENARIO - " : "", gm->code, gm->naam,
                         (long long)cy->jaar);
    rb_run_meta(r, p, g, a, reg, cy, ctx);
    rb_run_notes(r, p, g, a, reg, cy);

    steps s = {r, NULL, 0, 48};
    sw_table *t = rb_table(r, "berekening", "Berekening", step_cols, 4, s.cap);
    if (t) {
        s.cells = t->cell;
        allocation_steps(&s, i, a, reg, cy, p->opgave);
        progress_steps(&s, i, p);
        grant_steps(&s, i, g, cy);
        t->nrows = s.n;
    }
    size_t n = 0;
    for (size_t k = 0; loc && k < loc->n; k++)
        n += (size_t)loc->loc[k].gemeente == i;
    t = rb_table(r, "locaties", rb_printf(r, "Locaties (%zu)", n), loc_cols, 11, n);
    for (size_t k = 0, j = 0; t && loc && k < loc->n; k++) {
        const sw_locatie *l = &loc->loc[k];
        if ((size_t)l->gemeente != i)
            continue;
        sw_cell *c = &t->cell[j++ * 11];
        char d[11];
        c[0] = rb_int(l->line);
        c[1] = rb_text(r, l->naam);
        c[2] = rb_int(l->plaatsen);
        c[3] = rb_int(l->amv_plaatsen);
        c[4] = rb_text(r, sw_soort_name(l->soort));
        c[5] = rb_text(r, sw_loc_status_name(l->status));
        sw_format_date(d, l->vanaf);
        c[6] = rb_text(r, d);
        if (l->has_tot) {
            sw_format_date(d, l->tot);
            c[7] = rb_text(r, d);
        }
        c[8] = rb_bool(p->verdict[k] == SW_TELT);
        c[9] = rb_bool(p->loc_duurzaam[k]);
        c[10] = rb_text(r, sw_verdict_text(p->verdict[k]));
    }
    int rc = rb_failed(r);
    if (rc != 0) {
        sw_report_free(r);
        return rc;
    }
    *out = r;
    return 0;
}
