/* A sweep as a report (`spreiding sweep`). Its tables are filled step by
 * step from the sweep itself, so that a million capacities are written
 * without being held. */
#include <assert.h>

#include "report_run.h"

typedef struct sweep_src {
    sw_sweep *s;
    const sw_register *reg;
} sweep_src;

static int sweep_row(const void *src, size_t k, sw_value *c, sw_scratch *scratch)
{
    (void)scratch;
    const sweep_src *x = src;
    const int64_t *gem, *prov;
    int64_t totaal;
    int rc = sw_sweep_step(x->s, k, &gem, &prov, &totaal);
    if (rc != 0)
        return rc;
    c[0] = sw__count(x->s->from + (int64_t)k * x->s->step);
    for (size_t p = 0; p < x->s->nprov; p++)
        c[p + 1] = sw__count(prov[p]);
    c[x->s->nprov + 1] = sw__count(totaal);
    return 0;
}

static int detail_row(const void *src, size_t k, sw_value *c, sw_scratch *scratch)
{
    (void)scratch;
    const sweep_src *x = src;
    const int64_t *gem, *prov;
    int64_t totaal;
    int rc = sw_sweep_step(x->s, k, &gem, &prov, &totaal);
    if (rc != 0)
        return rc;
    c[0] = sw__count(x->s->from + (int64_t)k * x->s->step);
    for (size_t i = 0; i < x->s->n; i++)
        c[i + 1] = sw__count(gem[i]);
    return 0;
}

static const sw_column paradox_cols[] = {
    {"niveau", "Niveau", SW_KIND_TEXT, SW_ROLE_KEY, 0, 0},
    {"code", "Code", SW_KIND_CODE, SW_ROLE_KEY, 0, 0},
    {"naam", "Naam", SW_KIND_NAME, SW_ROLE_KEY, 0, 0},
    {"capaciteit_van", "Capaciteit van", SW_KIND_COUNT, 0, 0, 0},
    {"capaciteit_naar", "Capaciteit naar", SW_KIND_COUNT, 0, 0, 0},
    {"opgave_van", "Opgave van", SW_KIND_COUNT, 0, 0, 0},
    {"opgave_naar", "Opgave naar", SW_KIND_COUNT, 0, 0, 0},
};

/* Columns named by code: capaciteit, then one per code, then (provinces)
 * totaal. */
static sw_column *code_columns(sw_report *r, const int *code, size_t n, const char *fmt,
                               bool totaal)
{
    sw_column *cols = sw__alloc(r, n + 2, sizeof *cols);
    if (!cols)
        return NULL;
    cols[0] = (sw_column){"capaciteit", "Capaciteit", SW_KIND_COUNT, SW_ROLE_KEY, 0, 0};
    for (size_t p = 0; p < n; p++) {
        const char *name = sw__printf(r, fmt, code[p]);
        cols[p + 1] = (sw_column){name, name, SW_KIND_COUNT, 0, 0, 0};
    }
    if (totaal)
        cols[n + 1] = (sw_column){"totaal", "Totaal", SW_KIND_COUNT, 0, 0, 0};
    return cols;
}

int sw_report_sweep(sw_report **out, const sw_sweep *sc, const sw_register *reg,
                    const sw_cycle *cy, const sw_report_context *ctx, sw_diag *diag)
{
    assert(out && sc && reg && cy && ctx);
    (void)diag;
    *out = NULL;
    sw_sweep *s = (sw_sweep *)(uintptr_t)sc; /* replaying its steps moves only its cursor */
    sw_report *r = sw__report_new();
    if (!r)
        return SW_ENOMEM;
    int64_t to = s->from + (int64_t)(s->nsteps - 1) * s->step;
    r->title = sw__printf(r, "Verdeling over capaciteit %lld tot en met %lld (stap %lld), "
                             "cyclus %lld",
                          (long long)s->from, (long long)to, (long long)s->step,
                          (long long)cy->jaar);
    size_t from = r->nmeta;
    sw__meta_text(r, "programma", "Programma", sw__printf(r, "spreiding %s", ctx->version));
    sw__meta_appendix(r, from);
    sw__meta(r, "cyclus", "Cyclus", SW_KIND_COUNT, sw__count(cy->jaar), sw__printf(r, "%lld", (long long)cy->jaar));
    sw__meta(r, "modus", "Modus", SW_KIND_TEXT,
             sw__text("national (elke capaciteit over alle gemeenten)"),
             "landelijk (national): elke capaciteit over alle gemeenten");
    sw__meta(r, "weging", "Weging", SW_KIND_TEXT,
             sw__text(sw_policy_value_name(SW_POLICY_WEGING, s->weging)),
             sw__policy_text(r, SW_POLICY_WEGING, s->weging));
    sw__meta(r, "afronding", "Afronding", SW_KIND_TEXT,
             sw__text(sw_policy_value_name(SW_POLICY_AFRONDING, s->afronding)),
             sw__policy_text(r, SW_POLICY_AFRONDING, s->afronding));
    sw__meta_count(r, "capaciteit_van", "Capaciteit van", s->from);
    sw__meta_count(r, "capaciteit_tot", "Capaciteit tot en met", to);
    sw__meta_count(r, "stap", "Stap", s->step);
    sw__meta_count(r, "stappen", "Aantal capaciteiten", (int64_t)s->nsteps);
    sw__meta_count(r, "paradoxen", "Paradoxen (opgave daalt bij hogere capaciteit)",
                   (int64_t)s->paradox_total);
    from = r->nmeta;
    sw__meta_text(r, "cyclus_bestand", "Cyclusbestand", ctx->cycle_file);
    sw__meta_text(r, "gemeenten_bestand", "Gemeentenbestand", ctx->register_file);
    sw__meta_appendix(r, from);
    if (s->weging == SW_WEGING_INWONERS)
        sw__note(r, SW_NOTE_WARNING,
                 "Verdeeld naar inwonertal alleen, zonder SES-WOA (zie --ses).");
    if (s->paradox_total)
        sw__note(r, SW_NOTE_INFO,
                 "In dit bereik krijgt %zu keer een gemeente of provincie minder plaatsen bij "
                 "een hogere capaciteit (de Alabama-paradox van grootste overschot); zie de "
                 "tabel paradoxen.", s->paradox_total);
    if (s->paradox_total > s->nparadox)
        sw__note(r, SW_NOTE_INFO, "Alleen de eerste %zu paradoxen staan in de tabel.",
                 s->nparadox);

    sweep_src *x = sw__alloc(r, 1, sizeof *x);
    if (x)
        *x = (sweep_src){s, reg};
    sw_column *cols = code_columns(r, s->prov_code, s->nprov, "PV%02d", true);
    sw_table *t = x && cols ? sw__table(r, "sweep", "Provinciale opgave per capaciteit", cols,
                                        s->nprov + 2, s->nsteps, sweep_row, x)
                            : NULL;
    if (t)
        t->sequential = true;
    if (s->detail) {
        cols = code_columns(r, s->gem_code, s->n, "GM%04d", false);
        t = x && cols ? sw__table(r, "gemeenten", "Opgave per gemeente per capaciteit", cols,
                                  s->n + 1, s->nsteps, detail_row, x)
                      : NULL;
        if (t)
            t->sequential = true;
    }
    sw_value *c = sw__table_cells(r, "paradoxen", "Paradoxen", paradox_cols, 7, s->nparadox);
    for (size_t k = 0; c && k < s->nparadox; k++, c += 7) {
        const sw_paradox *p = &s->paradox[k];
        const char *naam = "";
        if (p->provincie) {
            const sw_provincie *pv = sw_cycle_find_provincie(cy, p->code);
            naam = pv ? pv->naam : "";
        } else {
            long g = sw_register_find(reg, p->code);
            naam = g >= 0 ? reg->gemeente[g].naam : "";
        }
        c[0] = sw__text(p->provincie ? "provincie" : "gemeente");
        c[1] = sw__text(p->provincie ? sw__printf(r, "PV%02d", p->code)
                                     : sw__printf(r, "GM%04d", p->code));
        c[2] = sw__text(naam);
        c[3] = sw__count(p->capaciteit_van);
        c[4] = sw__count(p->capaciteit_naar);
        c[5] = sw__count(p->opgave_van);
        c[6] = sw__count(p->opgave_naar);
    }
    return sw__report_done(out, r, diag);
}
