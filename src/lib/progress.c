/* domain.md §4: what counts, per gemeente and per province, and the exact
 * threshold test. */
#include "spreiding/progress.h"

#include <assert.h>
#include <stdlib.h>

#include "spreiding/number.h"
#include "spreiding/policy.h"

const char *sw_verdict_text(int v)
{
    switch (v) {
    case SW_TELT: return "telt mee";
    case SW_NIET_NOOD: return "telt niet: noodopvang telt nooit mee";
    case SW_NIET_AANMELD: return "telt niet: aanmeldcentra tellen in deze cyclus niet mee";
    case SW_NIET_GEPLAND: return "telt niet: alleen gepland (tel mee met --include-planned)";
    case SW_NIET_NOG_NIET: return "telt niet: begint na de peildatum";
    case SW_NIET_AFGELOPEN: return "telt niet: eindigt op of voor de peildatum";
    case SW_NIET_BUITEN_RUN: return "telt niet: gemeente staat niet in het opgavebestand";
    default: return "?";
    }
}

static int verdict(const sw_progress *p, const sw_locatie *l)
{
    if (l->soort == SW_SOORT_NOOD)
        return SW_NIET_NOOD;
    if (l->soort == SW_SOORT_AANMELD && p->aanmeld_telt != SW_JA)
        return SW_NIET_AANMELD;
    if (l->status == SW_LOC_GEPLAND && !p->include_planned)
        return SW_NIET_GEPLAND;
    if (sw_date_cmp(l->vanaf, p->peildatum) > 0)
        return SW_NIET_NOG_NIET;
    if (l->has_tot && sw_date_cmp(l->tot, p->peildatum) <= 0)
        return SW_NIET_AFGELOPEN;
    return SW_TELT;
}

static bool duurzaam(const sw_progress *p, const sw_locatie *l)
{
    return !l->has_tot ||
           sw_date_cmp(l->tot, sw_date_add_years(l->vanaf, (int)p->duurzaam_jaren)) >= 0;
}

static int add(int64_t *sum, int64_t v)
{
    return __builtin_add_overflow(*sum, v, sum) ? SW_EOVERFLOW : 0;
}

static int count(sw_progress *p, int64_t plaatsen, int64_t amv, bool duurzaam_, size_t g)
{
    sw_progress_row *r = &p->row[g];
    sw_progress_prov *pv = &p->prov[p->prov_of[g]];
    int rc = add(&r->geteld, plaatsen) | add(&r->geteld_amv, amv) | add(&pv->geteld, plaatsen) |
             add(&pv->geteld_amv, amv);
    if (duurzaam_)
        rc |= add(&r->duurzaam, plaatsen) | add(&pv->duurzaam, plaatsen);
    return rc ? SW_EOVERFLOW : 0;
}

/* The provinces of the run, in the cycle's order (by code). */
static int provinces(sw_progress *p, const sw_register *reg, const sw_cycle *cy,
                     const sw_opgave *og, sw_diag *diag)
{
    int idx[SW_PROVINCE_CODES];
    for (int k = 0; k < SW_PROVINCE_CODES; k++)
        idx[k] = -1;
    int rc = 0;
    for (size_t i = 0; i < reg->n; i++) {
        p->prov_of[i] = -1;
        if (!og->row[i].in_run)
            continue;
        int code = reg->gemeente[i].provincie;
        if (!sw_cycle_provincie(cy, code))
            rc = sw_diag_add(diag, SW_EDATA, reg->file, reg->gemeente[i].line,
                             reg->provincie_column, "provinciecode", "GM%04d is in PV%02d, which is not a province of "
                             "cycle %lld (%s)", reg->gemeente[i].code, code,
                             (long long)cy->jaar, cy->file);
        else
            idx[code] = 0;
    }
    if (rc != 0)
        return rc;
    for (size_t k = 0; k < cy->nprov; k++)
        if (idx[cy->provincie[k].code] == 0)
            p->nprov++;
    p->prov = calloc(p->nprov ? p->nprov : 1, sizeof *p->prov);
    if (!p->prov)
        return SW_ENOMEM;
    size_t n = 0;
    for (size_t k = 0; k < cy->nprov; k++)
        if (idx[cy->provincie[k].code] == 0) {
            idx[cy->provincie[k].code] = (int)n;
            p->prov[n].code = cy->provincie[k].code;
            p->prov[n].naam = cy->provincie[k].naam;
            n++;
        }
    for (size_t i = 0; i < reg->n; i++) {
        if (!og->row[i].in_run)
            continue;
        int k = idx[reg->gemeente[i].provincie];
        sw_progress_prov *pv = &p->prov[k];
        p->prov_of[i] = k;
        pv->ngemeenten++;
        if (add(&pv->opgave, og->row[i].opgave) != 0)
            return sw_diag_add(diag, SW_EOVERFLOW, og->file, og->row[i].line, og->opgave_column,
                               "opgave", "the opgaven of PV%02d add up to more than %lld, the "
                               "largest number counted exactly", pv->code, (long long)INT64_MAX);
        if (og->row[i].has_amv) {
            pv->has_amv = true;
            pv->opgave_amv += og->row[i].opgave_amv; /* ≤ opgave: cannot overflow first */
        }
    }
    return 0;
}

static void threshold(sw_progress *p)
{
    for (size_t k = 0; k < p->nprov; k++) {
        sw_progress_prov *pv = &p->prov[k];
        sw_i128 need = ((sw_i128)p->drempel_pct * pv->opgave + 99) / 100;
        pv->gehaald = (sw_i128)100 * pv->geteld >= (sw_i128)p->drempel_pct * pv->opgave;
        pv->tekort_drempel = need > pv->geteld ? (int64_t)(need - pv->geteld) : 0;
        pv->tekort_100 = pv->opgave > pv->geteld ? pv->opgave - pv->geteld : 0;
    }
}

int sw_progress_compute(sw_progress **out, const sw_register *reg, const sw_cycle *cy,
                        const sw_opgave *og, const sw_locaties *loc,
                        const sw_progress_options *opt, sw_diag *diag)
{
    assert(out && reg && cy && og && og->n == reg->n);
    *out = NULL;
    sw_progress_options none = {0};
    const sw_progress_options *o = opt ? opt : &none;
    size_t nloc = loc ? loc->n : 0;
    sw_progress *p = calloc(1, sizeof *p);
    if (!p)
        return SW_ENOMEM;
    p->peildatum = o->has_peildatum ? o->peildatum : cy->peildatum;
    p->drempel_pct = o->drempel_pct ? o->drempel_pct : cy->drempel_pct;
    p->duurzaam_jaren = o->has_duurzaam_jaren ? o->duurzaam_jaren : cy->duurzaam_jaren;
    p->aanmeld_telt = o->aanmeld_telt ? o->aanmeld_telt : cy->aanmeld_telt;
    p->include_planned = o->include_planned;
    p->scenario = o->include_planned || o->nwhat_if > 0;
    p->opgave = og;
    p->n = reg->n;
    p->nloc = nloc;
    p->row = calloc(reg->n ? reg->n : 1, sizeof *p->row);
    p->prov_of = calloc(reg->n ? reg->n : 1, sizeof *p->prov_of);
    p->verdict = calloc(nloc ? nloc : 1, 1);
    p->loc_duurzaam = calloc(nloc ? nloc : 1, sizeof *p->loc_duurzaam);
    int rc = (p->row && p->prov_of && p->verdict && p->loc_duurzaam) ? 0 : SW_ENOMEM;
    if (rc == 0 && p->duurzaam_jaren > SW_MAX_DUURZAAM_JAREN)
        rc = sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                         "--duurzaam-jaren %lld is more years than a location can plausibly "
                         "last (at most %d)", (long long)p->duurzaam_jaren,
                         SW_MAX_DUURZAAM_JAREN);
    if (rc == 0)
        rc = provinces(p, reg, cy, og, diag);
    for (size_t k = 0; rc == 0 && k < nloc; k++) {
        const sw_locatie *l = &loc->loc[k];
        p->loc_duurzaam[k] = duurzaam(p, l);
        p->verdict[k] = og->row[l->gemeente].in_run ? (unsigned char)verdict(p, l)
                                                    : SW_NIET_BUITEN_RUN;
        p->buiten_run += p->verdict[k] == SW_NIET_BUITEN_RUN;
        if (p->verdict[k] == SW_TELT && count(p, l->plaatsen, l->amv_plaatsen,
                                              p->loc_duurzaam[k], (size_t)l->gemeente) != 0)
            rc = sw_diag_add(diag, SW_EOVERFLOW, loc->file, l->line, loc->plaatsen_column,
                             "plaatsen", "the places add up to more than can be counted exactly");
    }
    for (size_t k = 0; rc == 0 && k < o->nwhat_if; k++) {
        size_t g = (size_t)o->what_if[k].gemeente;
        assert(g < reg->n && o->what_if[k].plaatsen > 0);
        if (!og->row[g].in_run)
            rc = sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                             "--what-if: GM%04d does not take part in this run",
                             reg->gemeente[g].code);
        else if (count(p, o->what_if[k].plaatsen, 0, true, g) != 0 ||
                 add(&p->row[g].what_if, o->what_if[k].plaatsen) != 0)
            rc = sw_diag_add(diag, SW_EOVERFLOW, NULL, 0, 0, NULL,
                             "--what-if GM%04d=+%lld: the places add up to more than %lld, the "
                             "largest number counted exactly", reg->gemeente[g].code,
                             (long long)o->what_if[k].plaatsen, (long long)INT64_MAX);
    }
    if (rc == 0)
        threshold(p);
    if (rc != 0) {
        sw_progress_free(p);
        return rc;
    }
    *out = p;
    return 0;
}

void sw_progress_free(sw_progress *p)
{
    if (!p)
        return;
    free(p->row);
    free(p->prov_of);
    free(p->prov);
    free(p->verdict);
    free(p->loc_duurzaam);
    free(p);
}
