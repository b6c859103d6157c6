/* `spreiding explain`: the audit trail of one gemeente, every intermediate
 * value in words and numbers, so that each figure can be re-derived by hand.
 * Products that could pass 2^63 (100 × R, drempel × O) are written from 128
 * bits. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "report_run.h"
#include "util.h"

static const sw_column step_cols[] = {
    {"onderdeel", "Onderdeel", SW_KIND_TEXT, SW_ROLE_KEY, 0, 0},
    {"grootheid", "Grootheid", SW_KIND_TEXT, SW_ROLE_KEY, 0, 0},
    {"waarde", "Waarde", SW_KIND_ANY, 0, 0, 0},
    {"toelichting", "Toelichting", SW_KIND_TEXT, SW_ROLE_WIDE, 0, 0},
};

static const sw_column loc_cols[] = {
    {"regel", "Regel", SW_KIND_COUNT, SW_ROLE_KEY, 0, 0},
    {"locatie", "Locatie", SW_KIND_NAME, SW_ROLE_KEY, 0, 0},
    {"plaatsen", "Plaatsen", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"amv_plaatsen", "amv", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"soort", "Soort", SW_KIND_TEXT, 0, 0, 0},
    {"status", "Status", SW_KIND_TEXT, 0, 0, 0},
    {"vanaf", "Vanaf", SW_KIND_DATE, 0, 0, 0},
    {"tot", "Tot", SW_KIND_DATE, 0, 0, 0},
    {"telt_mee", "Telt mee", SW_KIND_YESNO, SW_ROLE_STATUS, 0, 0},
    {"duurzaam", "Duurzaam", SW_KIND_YESNO, 0, 0, 0},
    {"reden", "Waarom", SW_KIND_TEXT, SW_ROLE_WIDE, 0, 0},
    /* Small-scale reception (kso.h), after the columns explain always had. */
    {"kleinschalig", "Kleinschalig", SW_KIND_YESNO, 0, 0, 0},
    {"kso_klasse", "KSO-klasse", SW_KIND_TEXT, 0, 0, 0},
    {"kso_waarom", "Waarom (KSO)", SW_KIND_TEXT, SW_ROLE_WIDE, 0, 0},
};
#define NCOLS(c) (sizeof c / sizeof c[0])

/* The steps are collected first, then held as a table. */
typedef struct steps {
    sw_report *r;
    sw_value *v; /* 4 a step */
    size_t n, cap;
} steps;

static void step(steps *s, const char *part, const char *what, sw_value value, const char *why)
{
    if (sw__reserve((void **)&s->v, &s->cap, 4 * (s->n + 1), sizeof *s->v) != 0) {
        sw__report_fail(s->r, SW_ENOMEM);
        return;
    }
    sw_value *c = &s->v[4 * s->n++];
    c[0] = sw__text(part);
    c[1] = sw__text(what);
    c[2] = value;
    c[3] = sw__text(why);
}

static sw_value count(int64_t v) { return sw__as(SW_KIND_COUNT, 0, 0, sw__count(v)); }
static sw_value money(int64_t v) { return sw__as(SW_KIND_MONEY, 0, 0, sw__money(v)); }
static sw_value yesno(bool v) { return sw__as(SW_KIND_YESNO, 0, 0, sw__yesno(v)); }
static sw_value exact(sw_i128 num, sw_i128 den)
{
    return sw__as(SW_KIND_DECIMAL, -1, 0, sw__fraction(num, den));
}
static sw_value ratio(sw_i128 num, sw_i128 den)
{
    return sw__as(SW_KIND_RATIO, 0, 0, sw__fraction(num, den));
}
static sw_value text(const char *s) { return sw__as(SW_KIND_TEXT, 0, 0, sw__text(s)); }

static const char *i128_text(sw_report *r, sw_i128 v)
{
    char buf[64];
    sw_format_i128(buf, sizeof buf, v);
    return sw__str(r, buf);
}

static const char *ratio_text(sw_report *r, sw_i128 num, sw_i128 den)
{
    char buf[128];
    sw_format_ratio(buf, sizeof buf, num, den);
    return sw__str(r, buf);
}

static void allocation_steps(steps *s, size_t i, const sw_allocation *a, const sw_register *reg,
                             const sw_opgave *og)
{
    sw_report *r = s->r;
    const sw_gemeente *g = &reg->gemeente[i];
    const char *V = "verdeling";
    step(s, V, "inwoners", count(g->inwoners),
         sw__printf(r, "regel %ld van %s", g->inwoners_line,
                    reg->inwoners_file ? reg->inwoners_file : reg->file));
    step(s, V, "ses_woa", g->has_ses ? exact(g->ses_micro, SW_MICRO) : text(""),
         g->has_ses ? sw__printf(r, "regel %ld van %s", g->ses_line, reg->ses_file) : "geen score");
    if (!a) {
        step(s, V, "opgave", count(og->row[i].opgave),
             sw__printf(r, "uit het opgavebestand %s, regel %ld", og->file, og->row[i].line));
        step(s, V, "opgave_amv", og->row[i].has_amv ? count(og->row[i].opgave_amv) : text(""),
             "uit het opgavebestand");
        return;
    }
    const sw_alloc_row *ar = &a->row[i];
    const sw_alloc_provincie *ap = sw_allocation_find_provincie(a, g->provincie);
    bool ses = a->weging == SW_WEGING_INWONERS_SES;
    step(s, V, "gewicht", exact(ar->gewicht, SW_MICRO),
         ses ? sw__printf(r, "inwoners \xC3\x97 (1 + score%s)", ar->ses_nul ? " 0, ontbrekend" : "")
             : "inwoners (weging zonder SES-WOA)");
    if (a->mode == SW_MODE_PROVINCIAL) {
        step(s, V, "gewicht provincie", exact(ap->gewicht, SW_MICRO),
             sw__printf(r, "som van de gewichten in PV%02d %s (%zu gemeenten)", ap->code,
                        ap->naam, ap->ngemeenten));
        step(s, V, "te verdelen", count(ap->opgave),
             sw__printf(r, "provinciale opgave van PV%02d in de cyclus", ap->code));
    } else {
        sw_i128 W = 0;
        for (size_t k = 0; k < a->nprov; k++)
            W += a->prov[k].gewicht; /* checked by sw_allocation_compute */
        step(s, V, "gewicht landelijk", exact(W, SW_MICRO), "som van alle gewichten");
        step(s, V, "te verdelen", count(a->capaciteit), "capaciteitsraming C");
    }
    step(s, V, "quotum (exact)", ratio(ar->quotum_num, ar->quotum_den),
         "te verdelen \xC3\x97 gewicht / som gewichten");
    step(s, V, "quotum",
         sw__as(SW_KIND_DECIMAL, 6, SW_ROUND_DECIMAL_HALF_UP,
                sw__fraction(ar->quotum_num, ar->quotum_den)),
         "afgerond op 6 decimalen");
    sw_i128 fl = ar->quotum_num / ar->quotum_den;
    step(s, V, "quotum naar beneden", count((int64_t)fl),
         sw__printf(r, "rest %s", ratio_text(r, ar->quotum_num % ar->quotum_den, ar->quotum_den)));
    const char *how;
    if (a->afronding == SW_ROUND_HALF_UP) {
        how = sw__printf(r, "half naar boven (half-up): quotum + 1/2 naar beneden afgerond "
                            "(naar beneden: %s)", i128_text(r, fl));
    } else {
        step(s, V, "rangorde rest", text(sw__printf(r, "%zu van %zu", ar->rest_rank, ar->rest_of)),
             sw__printf(r, "de %lld grootste resten krijgen een restplaats (gelijke resten: "
                           "groter gewicht, dan lagere code)", (long long)ar->restplaatsen));
        how = ar->opgave > fl ? "grootste overschot (largest-remainder): naar beneden afgerond, "
                                "plus 1 restplaats"
                              : "grootste overschot (largest-remainder): naar beneden afgerond, "
                                "geen restplaats";
    }
    step(s, V, "opgave", count(ar->opgave), how);
    const char *amv = "geen amv-aantal bekend";
    char q[96];
    if (ar->amv_method == SW_AMV_HALF_UP) {
        sw_format_fraction(q, sizeof q, (sw_i128)ar->opgave * a->amv,
                           a->capaciteit ? a->capaciteit : 1, 4);
        amv = sw__printf(r, "half naar boven (half-up): opgave \xC3\x97 %lld / %lld = %s, afgerond",
                         (long long)a->amv, (long long)a->capaciteit, q);
    } else if (ar->amv_method == SW_AMV_LARGEST_REMAINDER) {
        amv = a->mode == SW_MODE_PROVINCIAL
                  ? sw__printf(r, "grootste overschot (largest-remainder): het amv-cijfer "
                                  "%lld van PV%02d in de cyclus, naar rato van de opgave",
                               (long long)ap->opgave_amv, ap->code)
                  : sw__printf(r, "grootste overschot (largest-remainder): A = %lld naar rato "
                                  "van de opgave", (long long)a->amv);
    }
    step(s, V, "opgave_amv", ar->amv_method ? count(ar->opgave_amv) : text(""), amv);
}

static void progress_steps(steps *s, size_t i, const sw_progress *p)
{
    sw_report *r = s->r;
    const sw_progress_row *pr = &p->row[i];
    const sw_progress_provincie *pv = &p->prov[p->prov_of[i]];
    const char *T = "telling";
    step(s, T, "geteld", count(pr->geteld),
         pr->what_if ? sw__printf(r, "som van de getelde locaties, plus %lld uit --what-if",
                                  (long long)pr->what_if)
                     : "som van de plaatsen van de locaties die meetellen (zie locaties)");
    step(s, T, "duurzaam", count(pr->duurzaam),
         sw__printf(r, "getelde plaatsen beschikbaar tot minstens %lld jaar na vanaf",
                    (long long)p->duurzaam_jaren));
    step(s, T, "verschil", count(pr->geteld - p->opgave->row[i].opgave), "geteld - opgave");
    const char *P = "provincie";
    step(s, P, "opgave provincie", count(pv->opgave),
         sw__printf(r, "PV%02d %s: som van %zu gemeenten", pv->code, pv->naam, pv->ngemeenten));
    step(s, P, "geteld provincie", count(pv->geteld), "som van geteld");
    step(s, P, "voortgang_pct",
         pv->opgave ? sw__as(SW_KIND_PERCENT, 2, SW_ROUND_DECIMAL_DOWN,
                             sw__fraction((sw_i128)100 * pv->geteld, pv->opgave))
                    : text(""),
         "100 \xC3\x97 geteld / opgave, naar beneden afgerond op 2 decimalen");
    sw_i128 lhs = (sw_i128)100 * pv->geteld, rhs = (sw_i128)p->drempel_pct * pv->opgave;
    step(s, P, "drempel_gehaald", yesno(pv->gehaald),
         sw__printf(r, "100 \xC3\x97 %lld = %s %s %lld \xC3\x97 %lld = %s", (long long)pv->geteld,
                    i128_text(r, lhs), pv->gehaald ? ">=" : "<", (long long)p->drempel_pct,
                    (long long)pv->opgave, i128_text(r, rhs)));
    step(s, P, "tekort_75", count(pv->tekort_drempel),
         sw__printf(r, "max(0, plafond(%lld \xC3\x97 %lld / 100) - %lld)",
                    (long long)p->drempel_pct, (long long)pv->opgave, (long long)pv->geteld));
}

static void grant_steps(steps *s, size_t i, const sw_grants *g, const sw_cycle *cy)
{
    sw_report *r = s->r;
    const sw_progress *p = g->progress;
    const sw_progress_row *pr = &p->row[i];
    const sw_progress_provincie *pv = &p->prov[p->prov_of[i]];
    const sw_grant_row *gr = &g->row[i];
    const char *U = "uitkering";
    step(s, U, "aandeel (exact)", ratio(pr->geteld, pv->geteld ? pv->geteld : 1),
         "geteld / geteld provincie (naar rato)");
    const sw_tariff *t3d = &cy->tarief[SW_TARIEF_LID3_DUURZAAM];
    const sw_tariff *t3n = &cy->tarief[SW_TARIEF_LID3_NIET_DUURZAAM];
    const sw_tariff *t2b = &cy->tarief[SW_TARIEF_LID2B_DUURZAAM];
    const char *basis;
    if (g->grondslag == SW_GRONDSLAG_PER_PLAATS)
        basis = sw__printf(r, "per plaats (per-plaats): %lld duurzaam \xC3\x97 %s + %lld niet "
                              "duurzaam \xC3\x97 %s (tarieven %s, %s)",
                           (long long)pr->duurzaam, sw__money_text(r, t3d->cents),
                           (long long)(pr->geteld - pr->duurzaam), sw__money_text(r, t3n->cents),
                           sw_status_name(t3d->param->status), t3d->param->bron);
    else if (g->prov[p->prov_of[i]].has_budget)
        basis = sw__printf(r, "provinciaal budget (budget): %s van PV%02d naar rato %lld / %lld, "
                              "in centen (grootste overschot)",
                           sw__money_text(r, g->prov[p->prov_of[i]].budget), pv->code,
                           (long long)pr->geteld, (long long)pv->geteld);
    else
        basis = sw__printf(r, "provinciaal budget (budget): PV%02d heeft geen budget", pv->code);
    step(s, U, "potentieel_lid3", money(gr->potentieel_lid3), basis);
    const char *why;
    if (pr->geteld == 0)
        why = "nee: de gemeente draagt geen getelde plaatsen bij";
    else if (g->lid3 == SW_LID3_PER_GEMEENTE)
        why = "ja: beleid per gemeente, geen provinciale drempel";
    else if (pv->gehaald)
        why = sw__printf(r, "ja: PV%02d haalt de drempel van %lld%% en de gemeente draagt bij",
                         pv->code, (long long)p->drempel_pct);
    else
        why = sw__printf(r, "nog niet: PV%02d haalt de drempel van %lld%% niet (tekort %lld "
                            "plaatsen); dan komt het potenti\xC3\xAB" "le bedrag vrij",
                         pv->code, (long long)p->drempel_pct, (long long)pv->tekort_drempel);
    step(s, U, "in_aanmerking", yesno(gr->in_aanmerking),
         sw__printf(r, "%s (beleid %s)", why, sw__policy_text(r, SW_POLICY_LID3, g->lid3)));
    step(s, U, "bedrag_lid3", money(gr->bedrag_lid3),
         gr->in_aanmerking ? "het potenti\xC3\xAB" "le bedrag" : "0: niet in aanmerking");
    step(s, U, "bedrag_lid2b", money(gr->bedrag_lid2b),
         gr->lid2b ? sw__printf(r, "%lld duurzaam \xC3\x97 %s (%s, %s)", (long long)pr->duurzaam,
                                sw__money_text(r, t2b->cents), sw_status_name(t2b->param->status),
                                t2b->param->bron)
                   : sw__printf(r, "0: %lld duurzame plaatsen, minder dan het minimum %lld",
                                (long long)pr->duurzaam, (long long)cy->lid2b_minimum));
    step(s, U, "totaal", money(gr->totaal), "bedrag_lid3 + bedrag_lid2b");
}

/* Why a location is or is not kleinschalig, in words and numbers. */
static const char *kso_why(sw_report *r, const sw_locatie *l, int64_t max)
{
    switch (sw_kso_why(l, max)) {
    case SW_KSO_GROND_KOLOM_JA:
        return "ja: de kolom kleinschalig zegt ja";
    case SW_KSO_GROND_KLEIN:
        return sw__printf(r, "ja: %s met %lld plaatsen, ten hoogste %lld (kso-max-plaatsen)",
                          sw_soort_name(l->soort), (long long)l->plaatsen, (long long)max);
    case SW_KSO_GROND_KOLOM_NEE:
        return "nee: de kolom kleinschalig zegt nee";
    case SW_KSO_GROND_SOORT:
        return l->soort == SW_SOORT_NOOD ? "nee: noodopvang is nooit kleinschalig"
                                         : "nee: een aanmeldcentrum is nooit kleinschalig";
    default:
        return sw__printf(r, "nee: %lld plaatsen, meer dan %lld (kso-max-plaatsen)",
                          (long long)l->plaatsen, (long long)max);
    }
}

static int add_locations(sw_report *r, size_t i, const sw_locaties *loc, const sw_progress *p)
{
    size_t n = 0;
    for (size_t k = 0; loc && k < loc->n; k++)
        n += (size_t)loc->loc[k].gemeente == i;
    sw_value *c = sw__table_cells(r, "locaties", sw__printf(r, "Locaties (%zu)", n), loc_cols,
                                  NCOLS(loc_cols), n);
    for (size_t k = 0; c && loc && k < loc->n; k++) {
        const sw_locatie *l = &loc->loc[k];
        if ((size_t)l->gemeente != i)
            continue;
        c[0] = sw__count(l->line);
        c[1] = sw__text(l->naam);
        c[2] = sw__count(l->plaatsen);
        c[3] = sw__count(l->amv_plaatsen);
        c[4] = sw__text(sw_soort_name(l->soort));
        c[5] = sw__text(sw_loc_status_name(l->status));
        c[6] = sw__date(l->vanaf);
        c[7] = l->has_tot ? sw__date(l->tot) : sw__empty();
        c[8] = sw__yesno(l->verdict == SW_TELT);
        c[9] = sw__yesno(l->duurzaam);
        c[10] = sw__text(sw_verdict_text(l->verdict));
        bool kso = sw_kso_grond_is_kleinschalig(sw_kso_why(l, p->kso_max_plaatsen));
        c[11] = sw__yesno(kso);
        c[12] = kso ? sw__klasse_value(sw_kso_klasse_of(l, p->peildatum)) : sw__empty();
        c[13] = sw__text(kso_why(r, l, p->kso_max_plaatsen));
        c += NCOLS(loc_cols);
    }
    return sw__report_error(r);
}

int sw_report_explain(sw_report **out, size_t i, const sw_progress *p, const sw_grants *g,
                      const sw_allocation *a, const sw_locaties *loc, const sw_register *reg,
                      const sw_cycle *cy, const sw_report_context *ctx, sw_diag *diag)
{
    assert(out && p && reg && cy && ctx && i < reg->n);
    *out = NULL;
    if (p->prov_of[i] < 0)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "explain: GM%04d does not take part in this run (not in the opgave "
                           "file)", reg->gemeente[i].code);
    const sw_gemeente *gm = &reg->gemeente[i];
    sw_report *r = sw__run_report("", p, g, a, reg, cy, ctx);
    if (!r)
        return SW_ENOMEM;
    r->title = sw__printf(r, "%sVerantwoording GM%04d %s, cyclus %lld",
                          p->scenario ? "SCENARIO - " : "", gm->code, gm->naam,
                          (long long)cy->jaar);
    steps s = {.r = r};
    allocation_steps(&s, i, a, reg, p->opgave);
    progress_steps(&s, i, p);
    if (g)
        grant_steps(&s, i, g, cy);
    sw_value *c = sw__table_cells(r, "berekening", "Berekening", step_cols, NCOLS(step_cols), s.n);
    if (c) {
        memcpy(c, s.v, 4 * s.n * sizeof *c);
        r->table[r->ntables - 1].layout = SW_LAYOUT_STEPS;
    }
    free(s.v);
    add_locations(r, i, loc, p);
    return sw__report_done(out, r, diag);
}
