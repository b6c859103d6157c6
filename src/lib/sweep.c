/* The sweep: one allocation per capacity, incrementally.
 *
 * For C and weight w_i with W = Σ w: floor_i = ⌊C·w_i / W⌋ and
 * rem_i = C·w_i mod W. Going from C to C + step adds step·w_i, which is
 * dq_i·W + dr_i, precomputed: floor_i += dq_i, rem_i += dr_i, and a carry
 * when rem_i reaches W. Half-up works the same on 2·C·w_i + W over 2W.
 * Largest remainder then needs the `left` largest remainders, found by a
 * selection (expected O(n)) over a fixed tie order instead of a sort. */
#include "spreiding/sweep.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/policy.h"
#include "util.h"

typedef struct engine {
    size_t n;
    sw_i128 den;     /* W (largest remainder) or 2W (half-up) */
    sw_i128 *rem;    /* current remainders */
    int64_t *fl;     /* current floors */
    sw_i128 *drem;   /* per step */
    int64_t *dfl;
    size_t *order;   /* tie order: larger weight, then lower code */
    size_t *rank;    /* position of i in order */
    size_t *sel;     /* scratch for the selection */
} engine;

/* True when i goes before j: larger remainder, then earlier in tie order. */
static bool before(const engine *e, size_t i, size_t j)
{
    if (e->rem[i] != e->rem[j])
        return e->rem[i] > e->rem[j];
    return e->rank[i] < e->rank[j];
}

/* Rearranges sel[lo..hi) so that its first k elements are the k best. */
static void select_best(const engine *e, size_t *sel, size_t lo, size_t hi, size_t k)
{
    while (hi - lo > 1 && k > 0 && k < hi - lo) {
        size_t mid = lo + (hi - lo) / 2, pivot = sel[mid];
        sel[mid] = sel[hi - 1];
        sel[hi - 1] = pivot;
        size_t store = lo;
        for (size_t i = lo; i + 1 < hi; i++)
            if (before(e, sel[i], pivot)) {
                size_t t = sel[i];
                sel[i] = sel[store];
                sel[store++] = t;
            }
        sel[hi - 1] = sel[store];
        sel[store] = pivot;
        size_t left = store - lo; /* strictly better than the pivot */
        if (k == left || k == left + 1)
            return;
        if (k < left) {
            hi = store;
        } else {
            k -= left + 1;
            lo = store + 1;
        }
    }
}

typedef struct tie {
    sw_i128 w;
    int code;
    size_t i;
} tie;

static int by_tie(const void *a, const void *b)
{
    const tie *x = a, *y = b;
    if (x->w != y->w)
        return x->w > y->w ? -1 : 1;
    return (x->code > y->code) - (x->code < y->code);
}

static void engine_free(engine *e)
{
    if (!e)
        return;
    free(e->rem);
    free(e->fl);
    free(e->drem);
    free(e->dfl);
    free(e->order);
    free(e->rank);
    free(e->sel);
}

/* Sets up the engine at capacity `from` for weights w (Σ = W > 0). */
static int engine_init(engine *e, const sw_i128 *w, const int *code, size_t n, sw_i128 W,
                       int64_t from, int64_t step, int rounding)
{
    memset(e, 0, sizeof *e);
    size_t m = n ? n : 1;
    e->n = n;
    e->rem = malloc(m * sizeof *e->rem);
    e->fl = malloc(m * sizeof *e->fl);
    e->drem = malloc(m * sizeof *e->drem);
    e->dfl = malloc(m * sizeof *e->dfl);
    e->order = malloc(m * sizeof *e->order);
    e->rank = malloc(m * sizeof *e->rank);
    e->sel = malloc(m * sizeof *e->sel);
    tie *t = malloc(m * sizeof *t);
    if (!e->rem || !e->fl || !e->drem || !e->dfl || !e->order || !e->rank || !e->sel || !t) {
        free(t);
        return SW_ENOMEM;
    }
    bool half = rounding == SW_ROUND_HALF_UP;
    e->den = half ? 2 * W : W;
    for (size_t i = 0; i < n; i++) {
        sw_i128 num, d;
        /* half-up: 2·C·w + W over 2W; largest remainder: C·w over W */
        if (__builtin_mul_overflow((sw_i128)from * (half ? 2 : 1), w[i], &num) ||
            (half && __builtin_add_overflow(num, W, &num)) ||
            __builtin_mul_overflow((sw_i128)step * (half ? 2 : 1), w[i], &d)) {
            free(t);
            return SW_EOVERFLOW;
        }
        e->fl[i] = (int64_t)(num / e->den);
        e->rem[i] = num % e->den;
        e->dfl[i] = (int64_t)(d / e->den);
        e->drem[i] = d % e->den;
        t[i] = (tie){w[i], code[i], i};
    }
    sw__sort(t, n, sizeof *t, by_tie);
    for (size_t k = 0; k < n; k++) {
        e->order[k] = t[k].i;
        e->rank[t[k].i] = k;
    }
    free(t);
    return 0;
}

static void engine_step(engine *e)
{
    for (size_t i = 0; i < e->n; i++) {
        e->fl[i] += e->dfl[i];
        e->rem[i] += e->drem[i];
        if (e->rem[i] >= e->den) {
            e->rem[i] -= e->den;
            e->fl[i]++;
        }
    }
}

/* The allocation at the engine's current capacity C into out[]. */
static void engine_allocate(engine *e, int64_t C, int rounding, int64_t *out)
{
    int64_t given = 0;
    for (size_t i = 0; i < e->n; i++) {
        out[i] = e->fl[i];
        given += e->fl[i];
    }
    if (rounding == SW_ROUND_HALF_UP || C - given <= 0)
        return;
    size_t left = (size_t)(C - given); /* < n */
    memcpy(e->sel, e->order, e->n * sizeof *e->sel);
    select_best(e, e->sel, 0, e->n, left);
    for (size_t k = 0; k < left; k++)
        out[e->sel[k]]++;
}

struct sw_sweep_engine {
    engine e;
    sw_i128 *w;      /* weights, for restarting */
    sw_i128 W;
    int *prov_of;    /* gemeente → province index */
    int64_t *gem;    /* the current step's opgaven */
    int64_t *prov;
    size_t at;       /* the step computed last, SIZE_MAX for none */
};

static int add_paradox(sw_sweep *s, bool prov, int code, int64_t c0, int64_t c1, int64_t v0,
                       int64_t v1)
{
    s->paradox_total++;
    if (s->nparadox >= SW_SWEEP_MAX_PARADOXES)
        return 0;
    if (!s->paradox) {
        s->paradox = malloc(SW_SWEEP_MAX_PARADOXES * sizeof *s->paradox);
        if (!s->paradox)
            return SW_ENOMEM;
    }
    s->paradox[s->nparadox++] = (sw_paradox){prov, code, c0, c1, v0, v1};
    return 0;
}

int sw_sweep_step(sw_sweep *s, size_t k, const int64_t **gem, const int64_t **prov,
                  int64_t *totaal)
{
    assert(s && k < s->nsteps);
    sw_sweep_engine *x = s->engine;
    assert(k == 0 || k == x->at + 1);
    int64_t C = s->from + (int64_t)k * s->step;
    if (k == 0) {
        engine_free(&x->e);
        int rc = engine_init(&x->e, x->w, s->gem_code, s->n, x->W == 0 ? 1 : x->W, s->from,
                             s->step, s->afronding);
        if (rc != 0)
            return rc;
    } else {
        engine_step(&x->e);
    }
    x->at = k;
    engine_allocate(&x->e, C, s->afronding, x->gem);
    int64_t sum = 0;
    memset(x->prov, 0, (s->nprov ? s->nprov : 1) * sizeof *x->prov);
    for (size_t i = 0; i < s->n; i++)
        if (__builtin_add_overflow(x->prov[x->prov_of[i]], x->gem[i], &x->prov[x->prov_of[i]]) ||
            __builtin_add_overflow(sum, x->gem[i], &sum))
            return SW_EOVERFLOW;
    *gem = x->gem;
    *prov = x->prov;
    *totaal = sum;
    return 0;
}

int sw_sweep_compute(sw_sweep **out, const sw_register *reg, const sw_cycle *cy,
                     const sw_alloc_options *opt, int64_t from, int64_t to, int64_t step,
                     bool detail, sw_diag *diag)
{
    assert(out && reg && cy);
    *out = NULL;
    sw_alloc_options o = opt ? *opt : (sw_alloc_options)SW_ALLOC_OPTIONS_INIT;
    if (o.mode == SW_MODE_PROVINCIAL || o.has_capaciteit)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "a sweep divides each capacity of its range over all gemeenten: "
                           "it takes neither --mode provincial nor --capaciteit N");
    if (from < 0 || to < from || step < 1)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "the range needs 0 <= FROM <= TO and STEP >= 1");
    uint64_t nsteps = (uint64_t)(to - from) / (uint64_t)step + 1;
    if (nsteps > (detail ? SW_SWEEP_MAX_DETAIL_STEPS : SW_SWEEP_MAX_STEPS))
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "the range has %llu capacities; the limit is %d%s",
                           (unsigned long long)nsteps,
                           detail ? SW_SWEEP_MAX_DETAIL_STEPS : SW_SWEEP_MAX_STEPS,
                           detail ? " with --gemeenten-detail" : "");
    o.mode = SW_MODE_NATIONAL;
    o.has_capaciteit = true;
    o.capaciteit = to; /* the largest capacity: sw_allocation_compute checks its sums fit */
    o.has_amv = true;  /* a sweep divides places only */
    o.amv = 0;
    sw_allocation *a = NULL;
    int rc = sw_allocation_compute(&a, reg, cy, &o, diag); /* checks the data, gives the weights */
    if (rc != 0)
        return rc;
    size_t n = reg->n, np = a->nprov;
    sw_sweep *s = calloc(1, sizeof *s);
    sw_sweep_engine *x = calloc(1, sizeof *x);
    if (s)
        s->engine = x;
    if (x) {
        x->w = sw__calloc(n, sizeof *x->w);
        x->prov_of = sw__calloc(n, sizeof *x->prov_of);
        x->gem = sw__calloc(n, sizeof *x->gem);
        x->prov = sw__calloc(np, sizeof *x->prov);
    }
    int64_t *prev = sw__calloc(n, sizeof *prev), *pprev = sw__calloc(np, sizeof *pprev);
    if (s) {
        s->prov_code = sw__calloc(np, sizeof *s->prov_code);
        s->gem_code = sw__calloc(n, sizeof *s->gem_code);
    }
    if (!s || !x || !x->w || !x->prov_of || !x->gem || !x->prov || !prev || !pprev ||
        !s->prov_code || !s->gem_code)
        rc = SW_ENOMEM;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        x->w[i] = a->row[i].gewicht;
        s->gem_code[i] = reg->gemeente[i].code;
        x->W += x->w[i]; /* sw_allocation_compute summed these without overflow */
        for (size_t p = 0; p < np; p++)
            if (a->prov[p].code == reg->gemeente[i].provincie)
                x->prov_of[i] = (int)p;
    }
    if (rc == 0) {
        s->from = from;
        s->step = step;
        s->nsteps = (size_t)nsteps;
        s->afronding = a->afronding;
        s->weging = a->weging;
        s->n = n;
        s->nprov = np;
        s->detail = detail;
        x->at = SIZE_MAX;
        for (size_t p = 0; p < np; p++)
            s->prov_code[p] = a->prov[p].code;
    }
    if (rc == 0 && x->W == 0 && to > 0)
        rc = sw_diag_add(diag, SW_EDATA, reg->file, 0, 0, "inwoners",
                         "the register's total weight is 0: nothing to divide by");
    /* The first pass: only the paradoxes are kept. */
    for (size_t k = 0; rc == 0 && k < s->nsteps; k++) {
        const int64_t *cur, *pc;
        int64_t totaal, C = from + (int64_t)k * step;
        rc = sw_sweep_step(s, k, &cur, &pc, &totaal);
        if (rc == SW_EOVERFLOW)
            rc = sw_diag_add(diag, SW_EOVERFLOW, NULL, 0, 0, NULL,
                             "--capaciteit %lld: the opgaven add up to more than %lld, the "
                             "largest number counted exactly", (long long)C, (long long)INT64_MAX);
        for (size_t p = 0; rc == 0 && k > 0 && p < np; p++)
            if (pc[p] < pprev[p])
                rc = add_paradox(s, true, s->prov_code[p], C - step, C, pprev[p], pc[p]);
        for (size_t i = 0; rc == 0 && k > 0 && i < n; i++)
            if (cur[i] < prev[i])
                rc = add_paradox(s, false, s->gem_code[i], C - step, C, prev[i], cur[i]);
        if (rc == 0) {
            memcpy(prev, cur, n * sizeof *prev);
            memcpy(pprev, pc, np * sizeof *pprev);
        }
    }
    free(prev);
    free(pprev);
    sw_allocation_free(a);
    if (rc != 0) {
        sw_sweep_free(s);
        if (!s)
            free(x);
        return rc;
    }
    *out = s;
    return 0;
}

void sw_sweep_free(sw_sweep *s)
{
    if (!s)
        return;
    if (s->engine) {
        engine_free(&s->engine->e);
        free(s->engine->w);
        free(s->engine->prov_of);
        free(s->engine->gem);
        free(s->engine->prov);
        free(s->engine);
    }
    free(s->prov_code);
    free(s->gem_code);
    free(s->paradox);
    free(s);
}
