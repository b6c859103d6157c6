/* Two measurements side by side: what changed per gemeente and province, in
 * the order people read it, and the locations matched between two
 * registers. */
#include "spreiding/compare.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static sw_flip flip(bool oud, bool nieuw)
{
    return oud == nieuw ? SW_FLIP_GELIJK : nieuw ? SW_FLIP_GEWONNEN : SW_FLIP_VERLOREN;
}

/* Amounts are ≥ 0 on both sides, so their difference fits 64 bits. */
static sw_change gemeente_change(const sw_comparison *c, size_t i)
{
    const sw_progress_row *a = &c->oud->progress->row[i], *b = &c->nieuw->progress->row[i];
    sw_change ch = {0};
    /* The figures the comparison shows: amv places only without grants (the
     * grants table has no amv column). */
    ch.changed = a->geteld != b->geteld || a->duurzaam != b->duurzaam ||
                 (!c->grants && a->geteld_amv != b->geteld_amv);
    if (c->grants) {
        const sw_grant_row *x = &c->oud->grants->row[i], *y = &c->nieuw->grants->row[i];
        ch.status = flip(x->in_aanmerking, y->in_aanmerking);
        ch.money = x->bedrag_lid3 != y->bedrag_lid3 || x->potentieel_lid3 != y->potentieel_lid3 ||
                   x->bedrag_lid2b != y->bedrag_lid2b || x->totaal != y->totaal;
        ch.totaal = y->totaal - x->totaal;
        ch.potentieel = y->potentieel_lid3 - x->potentieel_lid3;
    }
    ch.changed = ch.changed || ch.status || ch.money;
    return ch;
}

static sw_change prov_change(const sw_comparison *c, size_t k)
{
    const sw_progress_provincie *a = &c->oud->progress->prov[k], *b = &c->nieuw->progress->prov[k];
    sw_change ch = {0};
    ch.status = flip(a->gehaald, b->gehaald);
    ch.changed = a->geteld != b->geteld || a->duurzaam != b->duurzaam ||
                 a->tekort_drempel != b->tekort_drempel || ch.status;
    if (c->grants) {
        const sw_grant_provincie *x = &c->oud->grants->prov[k], *y = &c->nieuw->grants->prov[k];
        ch.money = x->bedrag_lid3 != y->bedrag_lid3 || x->potentieel_lid3 != y->potentieel_lid3 ||
                   x->bedrag_lid2b != y->bedrag_lid2b || x->totaal != y->totaal;
        ch.totaal = y->totaal - x->totaal;
        ch.potentieel = y->potentieel_lid3 - x->potentieel_lid3;
    }
    ch.changed = ch.changed || ch.money;
    return ch;
}

/* ---- the order people read ---- */

typedef struct ranked {
    int tier;                    /* 0 status, 1 money, 2 other change, 3 unchanged */
    uint64_t totaal, potentieel; /* |Δ|, for the money tier */
    size_t index;                /* code order */
} ranked;

static uint64_t magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

static int by_rank(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    if (a->tier != b->tier)
        return a->tier < b->tier ? -1 : 1;
    if (a->totaal != b->totaal)
        return a->totaal > b->totaal ? -1 : 1;
    if (a->potentieel != b->potentieel)
        return a->potentieel > b->potentieel ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

/* Orders the `n` entries of `idx` (whose changes are ch[idx[k]]); returns how
 * many changed. */
static int order(size_t *idx, size_t n, const sw_change *ch, size_t *nchanged)
{
    ranked *r = sw__calloc(n, sizeof *r);
    if (!r)
        return SW_ENOMEM;
    *nchanged = 0;
    for (size_t k = 0; k < n; k++) {
        const sw_change *c = &ch[idx[k]];
        int tier = c->status ? 0 : c->money ? 1 : c->changed ? 2 : 3;
        r[k] = (ranked){tier, tier == 1 ? magnitude(c->totaal) : 0,
                        tier == 1 ? magnitude(c->potentieel) : 0, idx[k]};
        *nchanged += c->changed;
    }
    sw__sort(r, n, sizeof *r, by_rank);
    for (size_t k = 0; k < n; k++)
        idx[k] = r[k].index;
    free(r);
    return 0;
}

/* ---- locations ---- */

/* The key: gemeente, then the named rows by name, then the unnamed ones by
 * soort and vanaf; rows with equal keys in file order. */
static int key_cmp(const sw_locatie *a, const sw_locatie *b)
{
    if (a->gemeente != b->gemeente)
        return a->gemeente < b->gemeente ? -1 : 1;
    bool na = a->naam[0] != '\0', nb = b->naam[0] != '\0';
    if (na != nb)
        return na ? -1 : 1;
    if (na)
        return strcmp(a->naam, b->naam);
    if (a->soort != b->soort)
        return a->soort < b->soort ? -1 : 1;
    return sw_date_cmp(a->vanaf, b->vanaf);
}

static int by_key(const void *pa, const void *pb)
{
    const sw_locatie *a = *(const sw_locatie *const *)pa, *b = *(const sw_locatie *const *)pb;
    int k = key_cmp(a, b);
    return k ? k : (a->line > b->line) - (a->line < b->line);
}

static const sw_locatie **sorted(const sw_locaties *set)
{
    size_t n = set ? set->n : 0;
    const sw_locatie **v = sw__calloc(n, sizeof *v);
    if (!v)
        return NULL;
    for (size_t k = 0; k < n; k++)
        v[k] = &set->loc[k];
    sw__sort(v, n, sizeof *v, by_key);
    return v;
}

static bool add(int64_t *sum, int64_t v)
{
    return !__builtin_add_overflow(*sum, v, sum);
}

/* The rows v[*k ...] that share the key of v[*k], summed into one side;
 * whether a row counts is its verdict, or found again under `recount`. */
static int side(sw_loc_side *s, const sw_locatie *const *v, size_t n, size_t *k,
                const sw_progress *recount)
{
    const sw_locatie *first = v[*k];
    *s = (sw_loc_side){.row = first,
                       .soort = first->soort,
                       .status = first->status,
                       .vanaf = first->vanaf,
                       .has_tot = first->has_tot,
                       .tot = first->tot};
    for (; *k < n && key_cmp(v[*k], first) == 0; (*k)++) {
        const sw_locatie *l = v[*k];
        s->nrows++;
        bool telt = recount ? sw_progress_verdict(recount, l, recount->peildatum) == SW_TELT
                            : l->verdict == SW_TELT;
        if (!add(&s->plaatsen, l->plaatsen) || !add(&s->amv_plaatsen, l->amv_plaatsen) ||
            (telt && !add(&s->geteld, l->plaatsen)))
            return SW_EOVERFLOW;
        if (l->soort != s->soort)
            s->soort = 0;
        if (l->status != s->status)
            s->status = 0;
        if (sw_date_cmp(l->vanaf, s->vanaf) < 0)
            s->vanaf = l->vanaf;
        if (!l->has_tot)
            s->has_tot = false;
        else if (s->has_tot && sw_date_cmp(l->tot, s->tot) > 0)
            s->tot = l->tot;
    }
    return 0;
}

static unsigned what_changed(const sw_loc_side *a, const sw_loc_side *b)
{
    unsigned w = 0;
    if (a->nrows > 1 || b->nrows > 1)
        w |= SW_LOC_DUBBEL;
    if (!a->nrows)
        return w | SW_LOC_NIEUW;
    if (!b->nrows)
        return w | SW_LOC_VERDWENEN;
    if (a->plaatsen != b->plaatsen)
        w |= SW_LOC_PLAATSEN;
    if (a->amv_plaatsen != b->amv_plaatsen)
        w |= SW_LOC_AMV;
    if (a->soort != b->soort)
        w |= SW_LOC_SOORT;
    if (a->status != b->status)
        w |= SW_LOC_STATUS;
    if (sw_date_cmp(a->vanaf, b->vanaf) != 0)
        w |= SW_LOC_VANAF;
    if (a->has_tot != b->has_tot || (a->has_tot && sw_date_cmp(a->tot, b->tot) != 0))
        w |= SW_LOC_TOT;
    if (a->geteld != b->geteld)
        w |= SW_LOC_GETELD;
    return w;
}

/* Walks both sorted sides at once; each key becomes one match. */
static int match(sw_comparison *c, bool same_file, sw_diag *diag)
{
    const sw_locaties *sn = c->nieuw->kept, *so = same_file ? sn : c->oud->kept;
    const sw_progress *recount = same_file ? c->oud->progress : NULL;
    size_t no = so ? so->n : 0, nn = sn ? sn->n : 0;
    const sw_locatie **vo = sorted(so), **vn = same_file ? vo : sorted(sn);
    c->loc = sw__calloc(no + nn, sizeof *c->loc);
    int rc = vo && vn && c->loc ? 0 : SW_ENOMEM;
    size_t i = 0, j = 0;
    while (rc == 0 && (i < no || j < nn)) {
        int k = i == no ? 1 : j == nn ? -1 : key_cmp(vo[i], vn[j]);
        sw_loc_match *m = &c->loc[c->nloc++];
        const sw_locatie *key = k <= 0 ? vo[i] : vn[j];
        m->gemeente = key->gemeente;
        m->locatie = key->naam;
        if (k <= 0 && (rc = side(&m->oud, vo, no, &i, recount)) != 0)
            break;
        if (k >= 0 && (rc = side(&m->nieuw, vn, nn, &j, NULL)) != 0)
            break;
        m->wat = what_changed(&m->oud, &m->nieuw);
        c->nloc_changed += sw_loc_changed(m);
        c->ndubbel_oud += m->oud.nrows > 1;
        c->ndubbel_nieuw += m->nieuw.nrows > 1;
    }
    if (vn != vo)
        free(vn);
    free(vo);
    if (rc == SW_EOVERFLOW)
        rc = sw_diag_add(diag, SW_EOVERFLOW, NULL, 0, 0, NULL,
                         "the places of the rows with one key add up to more than can be "
                         "counted exactly");
    return rc;
}

/* ---- the comparison ---- */

static int same_run(const sw_measurement *a, const sw_measurement *b, sw_diag *diag)
{
    const sw_opgave *x = a->progress->opgave, *y = b->progress->opgave;
    bool same = a->reg == b->reg && a->cy == b->cy && x->n == y->n &&
                a->progress->nprov == b->progress->nprov;
    for (size_t i = 0; same && i < x->n; i++)
        same = x->row[i].in_run == y->row[i].in_run && x->row[i].opgave == y->row[i].opgave;
    if (!same)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "the two sides of a comparison need the same register, cycle and "
                           "opgave; only the locations, the peildatum and a scenario may differ");
    return 0;
}

int sw_compare(sw_comparison **out, const sw_measurement *oud, const sw_measurement *nieuw,
               const sw_compare_options *opt, sw_diag *diag)
{
    assert(out && oud && nieuw && oud->progress && nieuw->progress);
    *out = NULL;
    int rc = same_run(oud, nieuw, diag);
    if (rc != 0)
        return rc;
    sw_comparison *c = calloc(1, sizeof *c);
    if (!c)
        return SW_ENOMEM;
    const sw_progress *p = nieuw->progress;
    c->oud = oud;
    c->nieuw = nieuw;
    c->grants = oud->grants && nieuw->grants;
    c->n = p->n;
    c->nprov = p->nprov;
    c->gemeente = sw__calloc(c->n, sizeof *c->gemeente);
    c->gemeente_order = sw__calloc(c->n, sizeof *c->gemeente_order);
    c->prov = sw__calloc(c->nprov, sizeof *c->prov);
    c->prov_order = sw__calloc(c->nprov, sizeof *c->prov_order);
    if (!c->gemeente || !c->gemeente_order || !c->prov || !c->prov_order)
        rc = SW_ENOMEM;
    for (size_t i = 0; rc == 0 && i < c->n; i++)
        if (p->prov_of[i] >= 0) {
            c->gemeente[i] = gemeente_change(c, i);
            c->gemeente_order[c->ngemeenten++] = i;
        }
    for (size_t k = 0; rc == 0 && k < c->nprov; k++) {
        c->prov[k] = prov_change(c, k);
        c->prov_order[k] = k;
    }
    /* A province whose gemeenten changed while its own figures did not (one
     * gains what another loses) still has something to show. */
    for (size_t i = 0; rc == 0 && i < c->n; i++)
        if (c->gemeente[i].changed)
            c->prov[p->prov_of[i]].changed = true;
    if (rc == 0)
        rc = order(c->gemeente_order, c->ngemeenten, c->gemeente, &c->ngemeenten_changed);
    if (rc == 0)
        rc = order(c->prov_order, c->nprov, c->prov, &c->nprov_changed);
    if (rc == 0 && opt && opt->locaties)
        rc = match(c, opt->zelfde_bestand, diag);
    if (rc != 0) {
        sw_comparison_free(c);
        return rc;
    }
    *out = c;
    return 0;
}

void sw_comparison_free(sw_comparison *c)
{
    if (!c)
        return;
    free(c->gemeente);
    free(c->gemeente_order);
    free(c->prov);
    free(c->prov_order);
    free(c->loc);
    free(c);
}
