/* rekenregels §3: weights, national and provincial division, the amv part. */
#include "spreiding/allocation.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/apportion.h"
#include "spreiding/policy.h"
#include "util.h"

static int usage(sw_diag *diag, const char *msg)
{
    return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL, "%s", msg);
}

static int resolve_options(sw_allocation *a, const sw_cycle *cy, const sw_alloc_options *o,
                           sw_diag *diag)
{
    a->mode = o->mode ? o->mode : (sw_cycle_has_opgaven(cy) ? SW_MODE_PROVINCIAL
                                                             : SW_MODE_NATIONAL);
    if (a->mode == SW_MODE_PROVINCIAL) {
        if (o->afronding)
            return usage(diag, "--afronding applies to --mode national only: the provincial "
                               "mode always divides each provinciale opgave by largest "
                               "remainder");
        if (o->has_capaciteit)
            return usage(diag, "--capaciteit changes the national total, which the provincial "
                               "mode does not use (it divides the official provinciale "
                               "opgaven); add --mode national");
        for (size_t i = 0; i < cy->nprov; i++)
            if (!cy->provincie[i].has_opgave)
                /* A figure the cycle lacks, not a wrong option: data (65),
                 * said with where to supply it. */
                return sw_diag_add(diag, SW_EDATA, cy->file, cy->provincie[i].line, 1,
                                   "parameter", "mode provincial needs the official opgave "
                                   "of every province, and PV%02d has none: fill "
                                   "provincie.PV%02d.opgave in a cycle file ('spreiding cycle "
                                   "--cycle %lld -o cyclus.csv') and give it with --cycle-file, "
                                   "or use --mode national", cy->provincie[i].code,
                                   cy->provincie[i].code, (long long)cy->jaar);
        a->afronding = SW_ROUND_LARGEST_REMAINDER;
    } else {
        a->afronding = o->afronding ? o->afronding : cy->afronding;
    }
    a->capaciteit = o->has_capaciteit ? o->capaciteit : cy->capaciteit;
    a->has_amv = o->has_amv || cy->has_amv;
    a->amv_override = o->has_amv;
    a->amv = o->has_amv ? o->amv : cy->amv;
    if (a->has_amv && a->amv > a->capaciteit)
        return usage(diag, o->has_amv ? "--amv is larger than the capacity"
                                      : "--capaciteit is smaller than the cycle's amv part; "
                                        "give --amv too");
    a->amv_afronding = o->amv_afronding;
    a->ses_ontbrekend = o->ses_ontbrekend ? o->ses_ontbrekend : cy->ses_ontbrekend;
    return 0;
}

/* Decides the weging (§3, §7.4) and computes w_i in millionths. */
static int weigh(sw_allocation *a, const sw_register *reg, const sw_alloc_options *o,
                 sw_diag *diag)
{
    for (size_t i = 0; i < reg->n; i++)
        a->ses_count += reg->gemeente[i].has_ses;
    if (o->weging)
        a->weging = o->weging;
    else
        a->weging = a->ses_count > 0 ? SW_WEGING_INWONERS_SES : SW_WEGING_INWONERS;
    if (a->weging == SW_WEGING_INWONERS_SES) {
        if (a->ses_count == 0)
            return usage(diag, "weging inwoners-ses needs SES-WOA scores and no gemeente "
                               "has one; give them with --ses FILE");
        if (a->ses_count < reg->n && a->ses_ontbrekend != SW_SES_NUL) {
            int rc = 0;
            for (size_t i = 0; i < reg->n; i++)
                if (!reg->gemeente[i].has_ses)
                    rc = sw_diag_add(diag, SW_EDATA, reg->ses_file ? reg->ses_file : reg->file,
                                     0, 0, "ses_woa",
                                     "GM%04d (%s) has no SES-WOA score while %zu of the "
                                     "%zu gemeenten have one; give every score, or choose "
                                     "--ses-ontbrekend nul to take a missing one as 0",
                                     reg->gemeente[i].code, reg->gemeente[i].naam,
                                     a->ses_count, reg->n);
            return rc;
        }
    }
    for (size_t i = 0; i < reg->n; i++) {
        const sw_gemeente *g = &reg->gemeente[i];
        sw_i128 factor = SW_MICRO;
        if (a->weging == SW_WEGING_INWONERS_SES) {
            if (g->has_ses)
                factor += g->ses_micro;
            else
                a->row[i].ses_nul = true, a->ses_nul_count++;
        }
        a->row[i].gemeente = i;
        a->row[i].gewicht = (sw_i128)g->inwoners * factor; /* < 2^63 · 2^63 */
    }
    return 0;
}

/* Links gemeenten to the cycle's provinces and checks both ways (§7.6). */
static int match_provinces(sw_allocation *a, const sw_register *reg, const sw_cycle *cy,
                           size_t *prov_of, sw_diag *diag)
{
    int rc = 0;
    for (size_t i = 0; i < reg->n; i++) {
        const sw_gemeente *g = &reg->gemeente[i];
        size_t p = 0;
        while (p < a->nprov && a->prov[p].code != g->provincie)
            p++;
        if (p == a->nprov) {
            rc = sw_diag_add(diag, SW_EDATA, reg->file, g->line, reg->provincie_column,
                             "provinciecode",
                             "GM%04d is in PV%02d, which is not a province of cycle %lld (%s)",
                             g->code, g->provincie, (long long)cy->jaar, cy->file);
            continue;
        }
        prov_of[i] = p;
        a->prov[p].ngemeenten++;
        if (__builtin_add_overflow(a->prov[p].inwoners, g->inwoners, &a->prov[p].inwoners) ||
            __builtin_add_overflow(a->inwoners, g->inwoners, &a->inwoners))
            return sw_diag_add(diag, SW_EOVERFLOW, reg->file, g->line, reg->inwoners_column,
                               "inwoners", "the inwoners add up to more than %lld, the "
                               "largest number counted exactly", (long long)INT64_MAX);
    }
    for (size_t p = 0; p < a->nprov; p++)
        if (cy->provincie[p].has_opgave && a->prov[p].ngemeenten == 0)
            rc = sw_diag_add(diag, SW_EDATA, cy->file, cy->provincie[p].line, 0, "parameter",
                             "province PV%02d (%s) has an opgave of %lld but the register "
                             "(%s) has no gemeenten in it", cy->provincie[p].code,
                             cy->provincie[p].naam, (long long)cy->provincie[p].opgave,
                             reg->file);
    return rc;
}

/* Divides `total` over the rows listed in idx[0..m) by `rounding`. For the
 * places (amv == false) the weights are w_i and the quotum is recorded; for
 * the amv part they are T_i. */
static int divide(sw_allocation *a, const sw_register *reg, const size_t *idx, size_t m,
                  int64_t total, int rounding, bool amv)
{
    sw_i128 *w = calloc(m ? m : 1, sizeof *w);
    int *code = calloc(m ? m : 1, sizeof *code);
    int64_t *out = sw__array(m, sizeof *out);
    size_t *rank = sw__array(m, sizeof *rank);
    int64_t left = 0;
    int rc = (w && code && out && rank) ? 0 : SW_ENOMEM;
    sw_i128 W = 0;
    for (size_t k = 0; rc == 0 && k < m; k++) {
        sw_alloc_row *r = &a->row[idx[k]];
        w[k] = amv ? (sw_i128)r->opgave : r->gewicht;
        code[k] = reg->gemeente[idx[k]].code;
        if (__builtin_add_overflow(W, w[k], &W))
            rc = SW_EOVERFLOW;
    }
    if (rc == 0)
        rc = sw_apportion_ranked(out, rank, &left, total, w, code, m, rounding);
    for (size_t k = 0; rc == 0 && k < m; k++) {
        sw_alloc_row *r = &a->row[idx[k]];
        if (amv) {
            r->opgave_amv = out[k];
            r->amv_method = rounding == SW_ROUND_HALF_UP ? SW_AMV_HALF_UP
                                                         : SW_AMV_LARGEST_REMAINDER;
        } else {
            r->opgave = out[k];
            /* Nothing to divide among weights that are all 0: every quotum is
             * 0 (sw_apportion refused anything else). */
            r->quotum_num = W == 0 ? 0 : (sw_i128)total * w[k]; /* checked by sw_apportion */
            r->quotum_den = W == 0 ? 1 : W;
            r->rest_rank = rank[k];
            r->rest_of = rounding == SW_ROUND_LARGEST_REMAINDER ? m : 0;
            r->restplaatsen = left;
        }
    }
    free(w);
    free(code);
    free(out);
    free(rank);
    return rc;
}

/* amv_i = ⌊T_i × A / C + ½⌋ (§3): rows in idx. */
static int amv_half_up(sw_allocation *a, const size_t *idx, size_t m)
{
    for (size_t k = 0; k < m; k++) {
        sw_alloc_row *r = &a->row[idx[k]];
        sw_i128 num;
        if (a->capaciteit == 0) {
            r->opgave_amv = 0;
        } else if (__builtin_mul_overflow((sw_i128)r->opgave * 2, a->amv, &num) ||
                   __builtin_add_overflow(num, a->capaciteit, &num)) {
            return SW_EOVERFLOW;
        } else {
            r->opgave_amv = (int64_t)(num / (2 * (sw_i128)a->capaciteit));
        }
        r->amv_method = SW_AMV_HALF_UP;
    }
    return 0;
}

static int allocate_amv(sw_allocation *a, const sw_register *reg, const sw_cycle *cy,
                        size_t **members, const size_t *count, size_t *all, sw_diag *diag)
{
    if (!a->has_amv)
        return 0;
    if (a->mode == SW_MODE_NATIONAL) {
        if (a->amv_afronding == SW_ROUND_LARGEST_REMAINDER) {
            int rc = divide(a, reg, all, reg->n, a->amv, SW_ROUND_LARGEST_REMAINDER, true);
            if (rc == SW_EDATA)
                return sw_diag_add(diag, SW_EDATA, NULL, 0, 0, NULL,
                                   "the amv part (%lld) cannot be divided pro rata the "
                                   "opgave: every opgave is 0", (long long)a->amv);
            return rc;
        }
        return amv_half_up(a, all, reg->n);
    }
    for (size_t p = 0; p < a->nprov; p++) {
        const sw_provincie *cp = &cy->provincie[p];
        /* --amv replaces the cycle's amv part, and with it the provinces'
         * shares of it: the override wins everywhere. */
        bool exact = cp->has_amv && !a->amv_override && a->amv_afronding != SW_ROUND_HALF_UP;
        int rc;
        if (exact) {
            rc = divide(a, reg, members[p], count[p], cp->opgave_amv,
                        SW_ROUND_LARGEST_REMAINDER, true);
            if (rc == SW_EDATA)
                return sw_diag_add(diag, SW_EDATA, cy->file, cp->amv_line, 2, "waarde",
                                   "province PV%02d (%s) has an official amv figure of %lld "
                                   "but an opgave of 0 to divide it by", cp->code, cp->naam,
                                   (long long)cp->opgave_amv);
            a->prov[p].official_amv = true;
        } else {
            rc = amv_half_up(a, members[p], count[p]);
        }
        if (rc != 0)
            return rc;
    }
    return 0;
}

static bool add64(int64_t *sum, int64_t v) { return !__builtin_add_overflow(*sum, v, sum); }

/* The provincial and national sums. Half-up can give more places than C, so
 * even a valid capacity can make them overflow: that is reported against the
 * value it comes from, never wrapped. */
static int add_up(sw_allocation *a, const sw_register *reg, const sw_cycle *cy,
                  const size_t *prov_of, const sw_alloc_options *o, sw_diag *diag)
{
    for (size_t i = 0; i < reg->n; i++) {
        sw_alloc_provincie *p = &a->prov[prov_of[i]];
        const sw_alloc_row *r = &a->row[i];
        if (__builtin_add_overflow(p->gewicht, r->gewicht, &p->gewicht))
            return sw_diag_add(diag, SW_EOVERFLOW, reg->file, reg->gemeente[i].line,
                               reg->inwoners_column, "inwoners", "the weights of PV%02d add up "
                               "to more than 128 bits can hold", p->code);
        bool ok = add64(&a->totaal, r->opgave) && add64(&a->totaal_amv, r->opgave_amv) &&
                  add64(&p->opgave_amv, r->opgave_amv) &&
                  (a->mode != SW_MODE_NATIONAL || add64(&p->opgave, r->opgave));
        if (!ok) {
            if (o->has_capaciteit)
                return sw_diag_add(diag, SW_EOVERFLOW, NULL, 0, 0, NULL,
                                   "--capaciteit %lld: the opgaven add up to more than %lld, "
                                   "the largest number counted exactly", (long long)a->capaciteit,
                                   (long long)INT64_MAX);
            return sw_diag_add(diag, SW_EOVERFLOW, cy->file,
                               sw_cycle_param_line(cy, "capaciteitsraming"), 2, "waarde",
                               "capaciteitsraming %lld: the opgaven add up to more than %lld, "
                               "the largest number counted exactly", (long long)a->capaciteit,
                               (long long)INT64_MAX);
        }
        p->has_amv = p->has_amv || r->amv_method != SW_AMV_NONE;
    }
    /* Provincial mode: the official figures, which the cycle checked add up. */
    for (size_t p = 0; a->mode == SW_MODE_PROVINCIAL && p < a->nprov; p++)
        a->prov[p].opgave = cy->provincie[p].opgave;
    return 0;
}

int sw_allocation_compute(sw_allocation **out, const sw_register *reg, const sw_cycle *cy,
                          const sw_alloc_options *opt, sw_diag *diag)
{
    assert(out && reg && cy);
    *out = NULL;
    size_t said = diag ? diag->total : 0;
    sw_alloc_options defaults = SW_ALLOC_OPTIONS_INIT;
    const sw_alloc_options *o = opt ? opt : &defaults;
    sw_allocation *a = calloc(1, sizeof *a);
    size_t *prov_of = calloc(reg->n ? reg->n : 1, sizeof *prov_of);
    size_t *all = sw__array(reg->n, sizeof *all);
    size_t **members = calloc(cy->nprov ? cy->nprov : 1, sizeof *members);
    size_t *count = calloc(cy->nprov ? cy->nprov : 1, sizeof *count);
    int rc = (a && prov_of && all && members && count) ? 0 : SW_ENOMEM;
    if (rc == 0) {
        a->n = reg->n;
        a->nprov = cy->nprov;
        a->row = calloc(reg->n ? reg->n : 1, sizeof *a->row);
        a->prov = calloc(cy->nprov ? cy->nprov : 1, sizeof *a->prov);
        if (!a->row || !a->prov)
            rc = SW_ENOMEM;
    }
    for (size_t p = 0; rc == 0 && p < cy->nprov; p++) {
        a->prov[p].code = cy->provincie[p].code;
        a->prov[p].naam = cy->provincie[p].naam;
    }
    if (rc == 0)
        rc = resolve_options(a, cy, o, diag);
    if (rc == 0)
        rc = match_provinces(a, reg, cy, prov_of, diag);
    if (rc == 0)
        rc = weigh(a, reg, o, diag);
    for (size_t p = 0; rc == 0 && p < a->nprov; p++) {
        members[p] = malloc((a->prov[p].ngemeenten ? a->prov[p].ngemeenten : 1) * sizeof **members);
        if (!members[p])
            rc = SW_ENOMEM;
    }
    for (size_t i = 0; rc == 0 && i < reg->n; i++) {
        all[i] = i;
        members[prov_of[i]][count[prov_of[i]]++] = i;
    }
    if (rc == 0 && a->mode == SW_MODE_NATIONAL) {
        rc = divide(a, reg, all, reg->n, a->capaciteit, a->afronding, false);
        if (rc == SW_EDATA)
            rc = sw_diag_add(diag, SW_EDATA, reg->file, 0, 0, "inwoners",
                             "the register's total weight is 0 (no inwoners), so there is "
                             "nothing to divide %lld places by", (long long)a->capaciteit);
    }
    for (size_t p = 0; rc == 0 && a->mode == SW_MODE_PROVINCIAL && p < a->nprov; p++) {
        rc = divide(a, reg, members[p], count[p], cy->provincie[p].opgave,
                    SW_ROUND_LARGEST_REMAINDER, false);
        if (rc == SW_EDATA)
            rc = sw_diag_add(diag, SW_EDATA, cy->file, cy->provincie[p].line, 0, "parameter",
                             "province PV%02d (%s) has an opgave of %lld but its gemeenten "
                             "have no inwoners to divide it by", cy->provincie[p].code,
                             cy->provincie[p].naam, (long long)cy->provincie[p].opgave);
    }
    if (rc == 0)
        rc = allocate_amv(a, reg, cy, members, count, all, diag);
    if (rc == SW_EOVERFLOW && (!diag || diag->total == said))
        /* a quota's product of weight and capacity: the register's figures
         * and the capacity together (a located error is said already) */
        sw_diag_add(diag, rc, reg->file, 0, 0, "inwoners",
                    "the weights of this register times the capacity %lld are more than 128 "
                    "bits can hold, so the quota cannot be computed exactly",
                    (long long)a->capaciteit);
    if (rc == 0)
        rc = add_up(a, reg, cy, prov_of, o, diag);
    for (size_t p = 0; members && p < cy->nprov; p++)
        free(members[p]);
    free(members);
    free(count);
    free(all);
    free(prov_of);
    if (rc != 0) {
        sw_allocation_free(a);
        return rc;
    }
    *out = a;
    return 0;
}

void sw_allocation_free(sw_allocation *a)
{
    if (!a)
        return;
    free(a->row);
    free(a->prov);
    free(a);
}

const sw_alloc_provincie *sw_allocation_find_provincie(const sw_allocation *a, int code)
{
    assert(a);
    for (size_t p = 0; p < a->nprov; p++)
        if (a->prov[p].code == code)
            return &a->prov[p];
    return NULL;
}
