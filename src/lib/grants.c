/* rekenregels §5, §7.8: the art. 9 grants in cents. */
#include "spreiding/grants.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

#include "spreiding/apportion.h"
#include "spreiding/policy.h"
#include "util.h"

static int mul_add(int64_t *out, int64_t places, int64_t cents, int64_t plus)
{
    int64_t v;
    if (__builtin_mul_overflow(places, cents, &v) || __builtin_add_overflow(v, plus, &v))
        return SW_EOVERFLOW;
    *out = v;
    return 0;
}

/* Lid 3 under `budget`: each province's budget over its gemeenten pro rata
 * r_i, to the cent, ties to the larger r_i then the lower code (§7.3). */
static int divide_budgets(sw_grants *g, const sw_register *reg, const sw_progress *p)
{
    int rc = 0;
    sw_i128 *w = sw__array(reg->n, sizeof *w);
    int *code = sw__array(reg->n, sizeof *code);
    int64_t *cents = sw__array(reg->n, sizeof *cents);
    size_t *who = sw__array(reg->n, sizeof *who);
    if (!w || !code || !cents || !who)
        rc = SW_ENOMEM;
    for (size_t k = 0; rc == 0 && k < p->nprov; k++) {
        if (!g->prov[k].has_budget || p->prov[k].geteld == 0)
            continue;
        size_t m = 0;
        for (size_t i = 0; i < reg->n; i++)
            if (p->prov_of[i] == (int)k) {
                w[m] = p->row[i].geteld;
                code[m] = reg->gemeente[i].code;
                who[m++] = i;
            }
        rc = sw_apportion(cents, g->prov[k].budget, w, code, m, SW_ROUND_LARGEST_REMAINDER);
        for (size_t j = 0; rc == 0 && j < m; j++)
            g->row[who[j]].potentieel_lid3 = cents[j];
    }
    free(w);
    free(code);
    free(cents);
    free(who);
    return rc;
}

/* An amount that does not fit in int64 cents. Its cause is a gemeente's
 * counted places (the sum of its rows in the locations file) times a tariff,
 * or budgets that add up past the limit: said with the figures that made
 * it, not pinned on one line of one file. */
static int too_large(sw_diag *diag, const sw_cycle *cy, const sw_register *reg, size_t i,
                     const char *what, int64_t places, const sw_tariff *t)
{
    if (t && t->param)
        return sw_diag_add(diag, SW_EOVERFLOW, NULL, 0, 0, NULL,
                           "GM%04d: %s (%lld places at %lld cents, the %s of line %ld of %s) "
                           "is more than %lld cents, the largest amount computed exactly",
                           reg->gemeente[i].code, what, (long long)places, (long long)t->cents,
                           t->param->naam, t->param->line, cy->file, (long long)INT64_MAX);
    return sw_diag_add(diag, SW_EOVERFLOW, NULL, 0, 0, NULL,
                       "GM%04d: %s is more than %lld cents, the largest amount computed "
                       "exactly",
                       reg->gemeente[i].code, what, (long long)INT64_MAX);
}

int sw_grants_compute(sw_grants **out, const sw_register *reg, const sw_cycle *cy,
                      const sw_progress *p, const sw_grant_options *opt, sw_diag *diag)
{
    assert(out && reg && cy && p && p->n == reg->n);
    *out = NULL;
    sw_grant_options none = {0};
    const sw_grant_options *o = opt ? opt : &none;
    int grondslag = o->grondslag ? o->grondslag : cy->lid3_grondslag;
    /* §7.10: a budget is only a basis under grondslag budget. */
    if (o->nbudget > 0 && grondslag != SW_GRONDSLAG_BUDGET)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "--budget gives the lid-3 money under --lid3-grondslag budget, but "
                           "the grondslag in force is %s; add --lid3-grondslag budget",
                           sw_policy_value_name(SW_POLICY_LID3_GRONDSLAG, grondslag));
    /* §7.18: a cycle whose tariffs are not published yet cannot pay; say
     * which figures are missing and where they go. */
    char missing[256];
    size_t m = 0;
    missing[0] = '\0';
    static const struct {
        int tariff;
        bool per_plaats_only;
        const char *name;
    } needed[] = {
        {SW_TARIEF_LID3_DUURZAAM, true, "tarief.lid3.duurzaam"},
        {SW_TARIEF_LID3_NIET_DUURZAAM, true, "tarief.lid3.niet-duurzaam"},
        {SW_TARIEF_LID2B_DUURZAAM, false, "tarief.lid2b.duurzaam"},
    };
    for (size_t k = 0; k < sizeof needed / sizeof needed[0]; k++)
        if (!cy->tarief[needed[k].tariff].param &&
            (!needed[k].per_plaats_only || grondslag == SW_GRONDSLAG_PER_PLAATS))
            m += (size_t)snprintf(missing + m, sizeof missing - m, "%s%s", m ? ", " : "",
                                  needed[k].name);
    if (!cy->has_lid2b_minimum)
        m += (size_t)snprintf(missing + m, sizeof missing - m, "%slid2b-minimum",
                              m ? ", " : "");
    if (m > 0)
        return sw_diag_add(diag, SW_EDATA, cy->file, 0, 0, NULL,
                           "cycle %lld has no %s: the grants cannot be computed without them; "
                           "write the cycle file with 'spreiding cycle --cycle %lld -o "
                           "cyclus.csv', fill them in once published, and give it with "
                           "--cycle-file cyclus.csv", (long long)cy->jaar, missing,
                           (long long)cy->jaar);
    sw_grants *g = calloc(1, sizeof *g);
    if (!g)
        return SW_ENOMEM;
    g->lid3 = o->lid3 ? o->lid3 : cy->lid3;
    g->grondslag = grondslag;
    g->progress = p;
    g->n = reg->n;
    g->nprov = p->nprov;
    g->row = calloc(reg->n ? reg->n : 1, sizeof *g->row);
    g->prov = calloc(p->nprov ? p->nprov : 1, sizeof *g->prov);
    int rc = (g->row && g->prov) ? 0 : SW_ENOMEM;

    for (size_t b = 0; rc == 0 && b < o->nbudget; b++) {
        size_t k = 0;
        while (k < p->nprov && p->prov[k].code != o->budget[b].provincie)
            k++;
        if (k == p->nprov)
            rc = sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                             "--budget: PV%02d has no gemeenten in this run",
                             o->budget[b].provincie);
        else if (g->prov[k].has_budget)
            rc = sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                             "--budget: PV%02d is given twice", o->budget[b].provincie);
        else {
            g->prov[k].has_budget = true;
            g->prov[k].budget = o->budget[b].cents;
        }
    }
    if (rc == 0 && g->grondslag == SW_GRONDSLAG_BUDGET)
        rc = divide_budgets(g, reg, p);

    const int64_t t3d = cy->tarief[SW_TARIEF_LID3_DUURZAAM].cents;
    const int64_t t3n = cy->tarief[SW_TARIEF_LID3_NIET_DUURZAAM].cents;
    const int64_t t2b = cy->tarief[SW_TARIEF_LID2B_DUURZAAM].cents;
    for (size_t i = 0; rc == 0 && i < reg->n; i++) {
        if (p->prov_of[i] < 0)
            continue;
        const sw_progress_row *pr = &p->row[i];
        const sw_progress_provincie *pp = &p->prov[p->prov_of[i]];
        sw_grant_row *r = &g->row[i];
        if (g->grondslag == SW_GRONDSLAG_PER_PLAATS) {
            int64_t part;
            if (mul_add(&part, pr->geteld - pr->duurzaam, t3n, 0) != 0) {
                rc =
                    too_large(diag, cy, reg, i, "the lid-3 amount for places that are not duurzaam",
                              pr->geteld - pr->duurzaam, &cy->tarief[SW_TARIEF_LID3_NIET_DUURZAAM]);
                break;
            }
            if (mul_add(&r->potentieel_lid3, pr->duurzaam, t3d, part) != 0) {
                rc = too_large(diag, cy, reg, i, "the lid-3 amount", pr->duurzaam,
                               &cy->tarief[SW_TARIEF_LID3_DUURZAAM]);
                break;
            }
        }
        r->in_aanmerking = pr->geteld > 0 &&
                           (g->lid3 == SW_LID3_PER_GEMEENTE || pp->gehaald);
        r->bedrag_lid3 = r->in_aanmerking ? r->potentieel_lid3 : 0;
        r->lid2b = pr->duurzaam > 0 && pr->duurzaam >= cy->lid2b_minimum;
        if ((r->lid2b && mul_add(&r->bedrag_lid2b, pr->duurzaam, t2b, 0) != 0) ||
            __builtin_add_overflow(r->bedrag_lid3, r->bedrag_lid2b, &r->totaal)) {
            rc = too_large(diag, cy, reg, i, "the lid-2b amount (or lid 3 plus lid 2b)",
                           pr->duurzaam, &cy->tarief[SW_TARIEF_LID2B_DUURZAAM]);
            break;
        }
        sw_grant_provincie *gp = &g->prov[p->prov_of[i]];
        if (__builtin_add_overflow(gp->bedrag_lid3, r->bedrag_lid3, &gp->bedrag_lid3) ||
            __builtin_add_overflow(gp->potentieel_lid3, r->potentieel_lid3, &gp->potentieel_lid3) ||
            __builtin_add_overflow(gp->bedrag_lid2b, r->bedrag_lid2b, &gp->bedrag_lid2b) ||
            __builtin_add_overflow(gp->totaal, r->totaal, &gp->totaal) ||
            __builtin_add_overflow(g->totaal_lid3, r->bedrag_lid3, &g->totaal_lid3) ||
            __builtin_add_overflow(g->totaal_lid2b, r->bedrag_lid2b, &g->totaal_lid2b) ||
            __builtin_add_overflow(g->totaal, r->totaal, &g->totaal)) {
            rc = too_large(diag, cy, reg, i,
                           "with its grant added, the provincial or national total", 0, NULL);
            break;
        }
    }
    if (rc != 0) {
        sw_grants_free(g);
        return rc;
    }
    *out = g;
    return 0;
}

void sw_grants_free(sw_grants *g)
{
    if (!g)
        return;
    free(g->row);
    free(g->prov);
    free(g);
}
