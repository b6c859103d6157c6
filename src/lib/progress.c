/* rekenregels §4: what counts, per gemeente and per province, and the exact
 * threshold test, at one date or along a timeline.
 *
 * Only the dates decide whether a location counts at one step or another:
 * it counts at the steps d with vanaf ≤ d < tot. Those form one run of
 * consecutive steps, so a location adds its places at the first of them and
 * takes them away after the last (a difference array), and the steps are
 * summed once at the end. Nothing per location is kept. */
#include "spreiding/progress.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/number.h"
#include "util.h"

/* Timeline cells (steps × gemeenten) a count may hold. */
#define MAX_CELLS 4000000

const char *sw_verdict_text(int v)
{
    switch (v) {
    case SW_TELT: return "telt mee";
    case SW_NIET_NOOD: return "telt niet: noodopvang telt nooit mee";
    case SW_NIET_AANMELD: return "telt niet: aanmeldcentra tellen in deze cyclus niet mee";
    case SW_NIET_AFGEWEZEN: return "telt niet: afgewezen of ingetrokken";
    case SW_NIET_GEPLAND: return "telt niet: alleen gepland (tel mee met --include-planned)";
    case SW_NIET_NOG_NIET: return "telt niet: begint na de peildatum";
    case SW_NIET_AFGELOPEN: return "telt niet: eindigt op of voor de peildatum";
    case SW_NIET_TE_KORT: return "telt niet: eindigt voor de datum tot wanneer plaatsen "
                                 "beschikbaar moeten zijn (beschikbaar-tot)";
    case SW_NIET_NIET_DUURZAAM: return "telt niet: niet duurzaam, en in deze cyclus tellen "
                                       "alleen duurzame plaatsen";
    case SW_NIET_TE_KLEIN: return "telt niet: minder plaatsen dan het minimum "
                                  "(minimum-plaatsen)";
    case SW_NIET_BUITEN_RUN: return "telt niet: gemeente staat niet in het opgavebestand";
    default: return "?";
    }
}

/* The running sums of the count. Every location's places are also added to
 * `ever` totals at once: each step's sum is at most those, so when they fit,
 * every sum of every step fits, and an overflow is found at the row that
 * causes it. */
struct sw_progress_acc {
    int64_t *diff;   /* (nsteps + 1) × n × 3: geteld, amv, duurzaam */
    int64_t *ever;   /* n × 3 */
    int64_t *pever;  /* nprov × 3 */
    const sw_register *reg;
    const sw_what_if *what_if;
    size_t nwhat_if;
};

enum { G = 0, A = 1, D = 2, M = 3 };

static bool is_duurzaam(const sw_progress *p, const sw_locatie *l)
{
    return !l->has_tot ||
           sw_date_cmp(l->tot, sw_date_add_years(l->vanaf, (int)p->duurzaam_jaren)) >= 0;
}

/* The conditions that do not depend on the date, in the order a reader asks
 * them; SW_TELT when all hold. */
static int static_verdict(const sw_progress *p, const sw_locatie *l)
{
    if (l->soort == SW_SOORT_NOOD)
        return SW_NIET_NOOD;
    if (l->soort == SW_SOORT_AANMELD && p->aanmeld_telt != SW_JA)
        return SW_NIET_AANMELD;
    if (l->status == SW_LOC_AFGEWEZEN || l->status == SW_LOC_INGETROKKEN)
        return SW_NIET_AFGEWEZEN;
    if (l->status == SW_LOC_GEPLAND && !p->include_planned)
        return SW_NIET_GEPLAND;
    return SW_TELT;
}

static int late_verdict(const sw_progress *p, const sw_locatie *l, bool duurzaam)
{
    if (p->has_beschikbaar_tot && l->has_tot && sw_date_cmp(l->tot, p->beschikbaar_tot) < 0)
        return SW_NIET_TE_KORT;
    if (p->telt_alleen_duurzaam == SW_JA && !duurzaam)
        return SW_NIET_NIET_DUURZAAM;
    if (l->plaatsen < p->minimum_plaatsen)
        return SW_NIET_TE_KLEIN;
    return SW_TELT;
}

int sw_progress_verdict(const sw_progress *p, const sw_locatie *l, sw_date d)
{
    assert(p && l);
    if (!p->opgave->row[l->gemeente].in_run)
        return SW_NIET_BUITEN_RUN;
    bool duurzaam = is_duurzaam(p, l);
    int v = static_verdict(p, l);
    if (v != SW_TELT)
        return v;
    if (sw_date_cmp(l->vanaf, d) > 0)
        return SW_NIET_NOG_NIET;
    if (l->has_tot && sw_date_cmp(l->tot, d) <= 0)
        return SW_NIET_AFGELOPEN;
    return late_verdict(p, l, duurzaam);
}

/* The first step whose date is on or after d. */
static size_t first_on_or_after(const sw_progress *p, sw_date d)
{
    size_t lo = 0, hi = p->nsteps;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sw_date_cmp(p->step[mid].peildatum, d) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool add64(int64_t *sum, int64_t v) { return !__builtin_add_overflow(*sum, v, sum); }

int sw_progress_add(sw_progress *p, sw_locatie *l)
{
    assert(p && p->acc && l && (size_t)l->gemeente < p->n);
    size_t i = (size_t)l->gemeente;
    /* sw_progress_verdict at the peildatum, with each test asked once: the
     * conditions without a date decide whether the row counts at any step. */
    l->duurzaam = is_duurzaam(p, l);
    if (!p->opgave->row[i].in_run) {
        l->verdict = SW_NIET_BUITEN_RUN;
        p->buiten_run++;
        return 0;
    }
    int sv = static_verdict(p, l);
    int lv = sv == SW_TELT ? late_verdict(p, l, l->duurzaam) : sv;
    int verdict = sv;
    if (verdict == SW_TELT && sw_date_cmp(l->vanaf, p->peildatum) > 0)
        verdict = SW_NIET_NOG_NIET;
    else if (verdict == SW_TELT && l->has_tot && sw_date_cmp(l->tot, p->peildatum) <= 0)
        verdict = SW_NIET_AFGELOPEN;
    else if (verdict == SW_TELT)
        verdict = lv;
    l->verdict = (unsigned char)verdict;
    if (lv != SW_TELT)
        return 0;
    size_t lo = first_on_or_after(p, l->vanaf);
    size_t hi = l->has_tot ? first_on_or_after(p, l->tot) : p->nsteps;
    if (lo >= hi)
        return 0; /* counts at none of the dates */
    sw_progress_acc *acc = p->acc;
    int64_t v[M] = {l->plaatsen, l->amv_plaatsen, l->duurzaam ? l->plaatsen : 0};
    int64_t *ever = &acc->ever[M * i], *pever = &acc->pever[M * (size_t)p->prov_of[i]];
    for (int m = 0; m < M; m++)
        if (!add64(&ever[m], v[m]) || !add64(&pever[m], v[m]))
            return SW_EOVERFLOW;
    for (int m = 0; m < M; m++) {
        acc->diff[M * (lo * p->n + i) + (size_t)m] += v[m];
        acc->diff[M * (hi * p->n + i) + (size_t)m] -= v[m];
    }
    return 0;
}

/* The provinces of the run, in the cycle's order (by code). */
static int provinces(sw_progress *p, const sw_register *reg, const sw_cycle *cy,
                     const sw_opgave *og, sw_diag *diag)
{
    int idx[SW_PROVINCIE_CODES];
    for (int k = 0; k < SW_PROVINCIE_CODES; k++)
        idx[k] = -1;
    int rc = 0;
    for (size_t i = 0; i < reg->n; i++) {
        p->prov_of[i] = -1;
        if (!og->row[i].in_run)
            continue;
        int code = reg->gemeente[i].provincie;
        if (!sw_cycle_find_provincie(cy, code))
            rc = sw_diag_add(diag, SW_EDATA, reg->file, reg->gemeente[i].line,
                             reg->provincie_column, "provinciecode",
                             "GM%04d is in PV%02d, which is not a province of cycle %lld (%s)",
                             reg->gemeente[i].code, code, (long long)cy->jaar, cy->file);
        else
            idx[code] = 0;
    }
    if (rc != 0)
        return rc;
    for (size_t k = 0; k < cy->nprov; k++)
        if (idx[cy->provincie[k].code] == 0)
            p->nprov++;
    p->prov = sw__calloc(p->nprov, sizeof *p->prov);
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
        sw_progress_provincie *pv = &p->prov[k];
        p->prov_of[i] = k;
        pv->ngemeenten++;
        if (!add64(&pv->opgave, og->row[i].opgave))
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

static void threshold(sw_progress_provincie *pv, int64_t drempel)
{
    sw_i128 need = ((sw_i128)drempel * pv->opgave + 99) / 100;
    pv->gehaald = (sw_i128)100 * pv->geteld >= (sw_i128)drempel * pv->opgave;
    pv->tekort_drempel = need > pv->geteld ? (int64_t)(need - pv->geteld) : 0;
    pv->tekort_100 = pv->opgave > pv->geteld ? pv->opgave - pv->geteld : 0;
}

static int resolve(sw_progress *p, const sw_cycle *cy, const sw_progress_options *o,
                   sw_diag *diag)
{
    p->peildatum = o->has_peildatum ? o->peildatum : cy->peildatum;
    p->drempel_pct = o->has_drempel_pct ? o->drempel_pct : cy->drempel_pct;
    p->duurzaam_jaren = o->has_duurzaam_jaren ? o->duurzaam_jaren : cy->duurzaam_jaren;
    p->aanmeld_telt = o->aanmeld_telt ? o->aanmeld_telt : cy->aanmeld_telt;
    p->telt_alleen_duurzaam = o->telt_alleen_duurzaam ? o->telt_alleen_duurzaam
                                                      : cy->telt_alleen_duurzaam;
    p->minimum_plaatsen = o->has_minimum_plaatsen ? o->minimum_plaatsen : cy->minimum_plaatsen;
    p->has_beschikbaar_tot = o->beschikbaar_tot ? o->beschikbaar_tot == SW_JA
                                                : cy->has_beschikbaar_tot;
    p->beschikbaar_tot = o->beschikbaar_tot == SW_JA ? o->beschikbaar_tot_datum
                                                     : cy->beschikbaar_tot;
    p->kso_max_plaatsen = o->has_kso_max_plaatsen ? o->kso_max_plaatsen : cy->kso_max_plaatsen;
    p->kso_max_opgegeven = o->has_kso_max_plaatsen;
    p->include_planned = o->include_planned;
    p->scenario = o->include_planned || o->nwhat_if > 0;
    if (p->duurzaam_jaren > SW_MAX_DUURZAAM_JAREN)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "--duurzaam-jaren %lld is more years than a location can plausibly "
                           "last (at most %d)", (long long)p->duurzaam_jaren,
                           SW_MAX_DUURZAAM_JAREN);
    if (p->drempel_pct < 1 || p->drempel_pct > 100)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "--drempel %lld is not a percentage from 1 to 100",
                           (long long)p->drempel_pct);
    p->nsteps = o->nsteps ? o->nsteps : 1;
    if (p->nsteps > SW_MAX_STEPS || p->nsteps * (p->n ? p->n : 1) > MAX_CELLS)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "the timeline has %zu dates; the limit is %d (and %d dates times "
                           "gemeenten)", p->nsteps, SW_MAX_STEPS, MAX_CELLS);
    for (size_t s = 1; s < o->nsteps; s++)
        assert(sw_date_cmp(o->steps[s - 1], o->steps[s]) < 0);
    return 0;
}

int sw_progress_new(sw_progress **out, const sw_register *reg, const sw_cycle *cy,
                    const sw_opgave *og, const sw_progress_options *opt, sw_diag *diag)
{
    assert(out && reg && cy && og && og->n == reg->n);
    *out = NULL;
    sw_progress_options none = {0};
    const sw_progress_options *o = opt ? opt : &none;
    sw_progress *p = calloc(1, sizeof *p);
    sw_progress_acc *acc = calloc(1, sizeof *acc);
    if (!p || !acc) {
        free(p);
        free(acc);
        return SW_ENOMEM;
    }
    p->acc = acc;
    p->opgave = og;
    p->n = reg->n;
    acc->reg = reg;
    acc->what_if = o->what_if;
    acc->nwhat_if = o->nwhat_if;
    int rc = resolve(p, cy, o, diag);
    if (rc == 0) {
        p->prov_of = sw__calloc(reg->n, sizeof *p->prov_of);
        p->step = sw__calloc(p->nsteps, sizeof *p->step);
        acc->diff = sw__calloc((p->nsteps + 1) * reg->n * M, sizeof *acc->diff);
        acc->ever = sw__calloc(reg->n * M, sizeof *acc->ever);
        if (!p->prov_of || !p->step || !acc->diff || !acc->ever)
            rc = SW_ENOMEM;
    }
    if (rc == 0)
        rc = provinces(p, reg, cy, og, diag);
    if (rc == 0 && !(acc->pever = sw__calloc(p->nprov * M, sizeof *acc->pever)))
        rc = SW_ENOMEM;
    for (size_t s = 0; rc == 0 && s < p->nsteps; s++) {
        sw_progress_step *st = &p->step[s];
        st->peildatum = o->nsteps ? o->steps[s] : p->peildatum;
        st->row = sw__calloc(reg->n, sizeof *st->row);
        st->prov = sw__calloc(p->nprov, sizeof *st->prov);
        if (!st->row || !st->prov)
            rc = SW_ENOMEM;
    }
    if (rc != 0) {
        sw_progress_free(p);
        return rc;
    }
    p->peildatum = p->step[0].peildatum;
    p->row = p->step[0].row;
    *out = p;
    return 0;
}

int sw_progress_finish(sw_progress *p, sw_diag *diag)
{
    assert(p && p->acc);
    sw_progress_acc *acc = p->acc;
    int64_t *run = sw__calloc(p->n * M, sizeof *run);
    if (!run)
        return SW_ENOMEM;
    int rc = 0;
    for (size_t s = 0; rc == 0 && s < p->nsteps; s++) {
        sw_progress_step *st = &p->step[s];
        for (size_t k = 0; k < p->nprov; k++) {
            st->prov[k] = p->prov[k];
            st->prov[k].geteld = st->prov[k].geteld_amv = st->prov[k].duurzaam = 0;
        }
        for (size_t i = 0; i < p->n; i++) {
            int64_t *r = &run[M * i];
            for (int m = 0; m < M; m++)
                r[m] += acc->diff[M * (s * p->n + i) + (size_t)m]; /* ≤ ever: fits */
            st->row[i] = (sw_progress_row){r[G], r[A], r[D], 0};
        }
        for (size_t w = 0; rc == 0 && w < acc->nwhat_if; w++) {
            size_t g = (size_t)acc->what_if[w].gemeente;
            int64_t v = acc->what_if[w].plaatsen;
            assert(g < p->n && v > 0);
            sw_progress_row *r = &st->row[g];
            if (p->prov_of[g] < 0)
                rc = sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                                 "--what-if: GM%04d does not take part in this run",
                                 acc->reg->gemeente[g].code);
            else if (!add64(&r->geteld, v) || !add64(&r->duurzaam, v) || !add64(&r->what_if, v))
                rc = sw_diag_add(diag, SW_EOVERFLOW, NULL, 0, 0, NULL,
                                 "--what-if GM%04d=+%lld: the places add up to more than %lld, "
                                 "the largest number counted exactly",
                                 acc->reg->gemeente[g].code, (long long)v, (long long)INT64_MAX);
        }
        for (size_t i = 0; rc == 0 && i < p->n; i++) {
            if (p->prov_of[i] < 0)
                continue;
            sw_progress_provincie *pv = &st->prov[p->prov_of[i]];
            const sw_progress_row *r = &st->row[i];
            if (!add64(&pv->geteld, r->geteld) || !add64(&pv->geteld_amv, r->geteld_amv) ||
                !add64(&pv->duurzaam, r->duurzaam))
                rc = sw_diag_add(diag, SW_EOVERFLOW, NULL, 0, 0, NULL,
                                 "the places of PV%02d add up to more than %lld, the largest "
                                 "number counted exactly", pv->code, (long long)INT64_MAX);
        }
        for (size_t k = 0; rc == 0 && k < p->nprov; k++)
            threshold(&st->prov[k], p->drempel_pct);
    }
    free(run);
    if (rc == 0) {
        /* The peildatum's count is the first step's. */
        memcpy(p->prov, p->step[0].prov, p->nprov * sizeof *p->prov);
        p->row = p->step[0].row;
        free(acc->diff);
        free(acc->ever);
        free(acc->pever);
        free(acc);
        p->acc = NULL;
    }
    return rc;
}

int sw_progress_compute(sw_progress **out, const sw_register *reg, const sw_cycle *cy,
                        const sw_opgave *og, sw_locaties *loc, const sw_progress_options *opt,
                        sw_diag *diag)
{
    sw_progress *p = NULL;
    int rc = sw_progress_new(&p, reg, cy, og, opt, diag);
    for (size_t k = 0; rc == 0 && loc && k < loc->n; k++)
        if (sw_progress_add(p, &loc->loc[k]) != 0)
            rc = sw_diag_add(diag, SW_EOVERFLOW, loc->file, loc->loc[k].line,
                             loc->plaatsen_column, "plaatsen",
                             "the places add up to more than can be counted exactly");
    if (rc == 0)
        rc = sw_progress_finish(p, diag);
    if (rc != 0) {
        sw_progress_free(p);
        *out = NULL;
        return rc;
    }
    *out = p;
    return 0;
}

void sw_progress_free(sw_progress *p)
{
    if (!p)
        return;
    for (size_t s = 0; p->step && s < p->nsteps; s++) {
        free(p->step[s].row);
        free(p->step[s].prov);
    }
    free(p->step);
    free(p->prov_of);
    free(p->prov);
    if (p->acc) {
        free(p->acc->diff);
        free(p->acc->ever);
        free(p->acc->pever);
        free(p->acc);
    }
    free(p);
}
