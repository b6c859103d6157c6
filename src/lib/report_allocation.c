/* The allocation as a report (`spreiding allocate`). */
#include <assert.h>

#include "report_run.h"

typedef struct alloc_src {
    const sw_allocation *a;
    const sw_register *reg;
    const sw_cycle *cy;
} alloc_src;

static const sw_column gemeente_cols[] = {
    SW__GEMEENTE_COLUMNS,
    {"inwoners", "Inwoners", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"ses_woa", "SES-WOA", SW_KIND_DECIMAL, 0, -1, 0},
    {"gewicht", "Gewicht", SW_KIND_DECIMAL, 0, -1, 0},
    {"quotum", "Quotum", SW_KIND_DECIMAL, 0, 4, SW_ROUND_DECIMAL_HALF_UP},
    {"opgave", "Opgave", SW_KIND_COUNT, SW_ROLE_TOTAL | SW_ROLE_TARGET, 0, 0},
    {"opgave_amv", "Opgave amv", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"quotum_exact", "Quotum (exact)", SW_KIND_RATIO, SW_ROLE_EXACT, 0, 0},
};

static int gemeente_row(const void *src, size_t i, sw_value *c, sw_scratch *s)
{
    const alloc_src *x = src;
    const sw_alloc_row *row = &x->a->row[i];
    const sw_gemeente *g = &x->reg->gemeente[row->gemeente];
    const sw_alloc_provincie *p = sw_allocation_find_provincie(x->a, g->provincie);
    c[0] = sw__text(sw__gm(s, g->code));
    c[1] = sw__text(g->naam);
    c[2] = sw__text(sw__pv(s, g->provincie));
    c[3] = sw__text(p ? p->naam : "");
    c[4] = sw__count(g->inwoners);
    c[5] = g->has_ses ? sw__fraction(g->ses_micro, SW_MICRO) : sw__empty();
    c[6] = sw__fraction(row->gewicht, SW_MICRO);
    c[7] = sw__fraction(row->quotum_num, row->quotum_den);
    c[8] = sw__count(row->opgave);
    c[9] = row->amv_method != SW_AMV_NONE ? sw__count(row->opgave_amv) : sw__empty();
    c[10] = sw__fraction(row->quotum_num, row->quotum_den);
    return 0;
}

static const sw_column provincie_cols[] = {
    SW__PROVINCIE_COLUMNS,
    {"gemeenten", "Gemeenten", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"inwoners", "Inwoners", SW_KIND_COUNT, SW_ROLE_TOTAL, 0, 0},
    {"opgave", "Opgave", SW_KIND_COUNT, SW_ROLE_TOTAL | SW_ROLE_SUMMARY, 0, 0},
    {"opgave_amv", "Opgave amv", SW_KIND_COUNT, SW_ROLE_TOTAL | SW_ROLE_SUMMARY, 0, 0},
};

static int provincie_row(const void *src, size_t k, sw_value *c, sw_scratch *s)
{
    const alloc_src *x = src;
    const sw_alloc_provincie *p = &x->a->prov[k];
    c[0] = sw__text(sw__pv(s, p->code));
    c[1] = sw__text(p->naam);
    c[2] = sw__count((int64_t)p->ngemeenten);
    c[3] = sw__count(p->inwoners);
    c[4] = sw__count(p->opgave);
    c[5] = p->has_amv ? sw__count(p->opgave_amv) : sw__empty();
    return 0;
}

#define NCOLS(c) (sizeof c / sizeof c[0])

int sw_report_allocation(sw_report **out, const sw_allocation *a, const sw_register *reg,
                         const sw_cycle *cy, const sw_report_context *ctx, sw_diag *diag)
{
    assert(out && a && reg && cy && ctx);
    (void)diag;
    *out = NULL;
    sw_report *r = sw__report_new();
    if (!r)
        return SW_ENOMEM;
    const char *in = sw__scope(r, cy, ctx->provincie);
    r->title = sw__printf(r, "Opgave per gemeente%s, cyclus %lld", in, (long long)cy->jaar);
    sw__allocation_meta(r, a, reg, cy, ctx);
    sw__input_meta(r, ctx);
    sw__allocation_notes(r, a, cy, ctx);
    alloc_src *x = sw__alloc(r, 1, sizeof *x);
    if (x)
        *x = (alloc_src){a, reg, cy};
    sw_table *t = x ? sw__table(r, "gemeenten", sw__printf(r, "Gemeenten (%zu)", a->n),
                                gemeente_cols, NCOLS(gemeente_cols), a->n, gemeente_row, x)
                    : NULL;
    if (t) {
        t->totals = true;
        sw__table_filter(r, t, ctx->provincie);
        t->noun = "Gemeenten";
        t->title = sw__printf(r, "Gemeenten (%zu)", t->nrows);
    }
    t = x ? sw__table(r, "provincies", "Provincies", provincie_cols, NCOLS(provincie_cols),
                      a->nprov, provincie_row, x)
          : NULL;
    if (t) {
        t->totals = true;
        sw__table_filter(r, t, ctx->provincie);
    }
    return sw__report_done(out, r, diag);
}
