/* Small-scale reception along a timeline: the places of realised KSO per
 * province at each date. A row is realised KSO exactly on the dates d with
 * vanaf <= d < tot (the class gerealiseerd of sw_kso_klasse_of, which
 * tests/unit/test_kso.c checks against this for random rows and dates), so
 * each row adds its places over one run of consecutive dates: at its first
 * date, and takes them off after its last (a difference array), and the
 * file is read once however many dates there are. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/kso.h"
#include "spreiding/progress.h"
#include "util.h"

/* The first date on or after d (nsteps when none). */
static size_t first_on_or_after(const sw_kso_series *s, sw_date d)
{
    size_t lo = 0, hi = s->nsteps;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sw_date_cmp(s->peildatum[mid], d) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int province_index(const sw_kso_series *s, int code)
{
    for (size_t k = 0; k < s->nprov; k++)
        if (s->provincie[k] == code)
            return (int)k;
    return -1;
}

int sw_kso_series_new(sw_kso_series **out, const sw_register *reg, const sw_date *steps,
                      size_t nsteps, int64_t kso_max_plaatsen)
{
    assert(out && reg && steps && nsteps > 0 && nsteps <= SW_MAX_STEPS);
    *out = NULL;
    sw_kso_series *s = calloc(1, sizeof *s);
    if (!s)
        return SW_ENOMEM;
    bool present[SW_PROVINCIE_CODES] = {false};
    for (size_t i = 0; i < reg->n; i++)
        if (reg->gemeente[i].provincie > 0 && reg->gemeente[i].provincie < SW_PROVINCIE_CODES)
            present[reg->gemeente[i].provincie] = true;
    for (int c = 0; c < SW_PROVINCIE_CODES; c++)
        s->nprov += present[c];
    s->reg = reg;
    s->nsteps = nsteps;
    s->kso_max_plaatsen = kso_max_plaatsen;
    s->peildatum = sw__array(nsteps, sizeof *s->peildatum);
    s->provincie = sw__array(s->nprov, sizeof *s->provincie);
    /* one more date: where a row that ends within the range takes its
     * places off */
    s->plaatsen = sw__calloc((nsteps + 1) * s->nprov, sizeof *s->plaatsen);
    s->locaties = sw__calloc((nsteps + 1) * s->nprov, sizeof *s->locaties);
    if (!s->peildatum || !s->provincie || !s->plaatsen || !s->locaties) {
        sw_kso_series_free(s);
        return SW_ENOMEM;
    }
    memcpy(s->peildatum, steps, nsteps * sizeof *steps);
    size_t k = 0;
    for (int c = 0; c < SW_PROVINCIE_CODES; c++)
        if (present[c])
            s->provincie[k++] = c;
    *out = s;
    return 0;
}

static bool add(int64_t *cell, int64_t v)
{
    return !__builtin_add_overflow(*cell, v, cell);
}

int sw_kso_series_add(sw_kso_series *s, const sw_locatie *l)
{
    assert(s && l && l->gemeente >= 0 && (size_t)l->gemeente < s->reg->n);
    if (l->status != SW_LOC_GEREALISEERD ||
        !sw_kso_grond_is_kleinschalig(sw_kso_why(l, s->kso_max_plaatsen)))
        return 0;
    size_t from = first_on_or_after(s, l->vanaf);
    size_t to = l->has_tot ? first_on_or_after(s, l->tot) : s->nsteps;
    int k = province_index(s, s->reg->gemeente[l->gemeente].provincie);
    if (from >= to || k < 0)
        return 0;
    size_t a = from * s->nprov + (size_t)k, b = to * s->nprov + (size_t)k;
    bool ok = add(&s->plaatsen[a], l->plaatsen) && add(&s->locaties[a], 1) &&
              add(&s->plaatsen[b], -l->plaatsen) && add(&s->locaties[b], -1);
    return ok ? 0 : SW_EOVERFLOW;
}

int sw_kso_series_finish(sw_kso_series *s)
{
    assert(s);
    /* The running sums are the places of the rows realised at each date:
     * checked as they add up, like every count. */
    for (size_t t = 1; t < s->nsteps; t++)
        for (size_t k = 0; k < s->nprov; k++) {
            size_t i = t * s->nprov + k, p = i - s->nprov;
            if (!add(&s->plaatsen[i], s->plaatsen[p]) || !add(&s->locaties[i], s->locaties[p]))
                return SW_EOVERFLOW;
        }
    return 0;
}

void sw_kso_series_free(sw_kso_series *s)
{
    if (!s)
        return;
    free(s->peildatum);
    free(s->provincie);
    free(s->plaatsen);
    free(s->locaties);
    free(s);
}
