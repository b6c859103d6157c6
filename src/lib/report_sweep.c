/* A sweep as a report document (`spreiding sweep`). */
#include <assert.h>

#include "spreiding/policy.h"
#include "report_build.h"

static const sw_column paradox_cols[] = {
    {"niveau", 0},        {"code", 0},          {"naam", 0},       {"capaciteit_van", 0},
    {"capaciteit_naar", 0}, {"opgave_van", 0},  {"opgave_naar", 0},
};

int sw_report_sweep(sw_report **out, const sw_sweep *s, const sw_register *reg,
                    const sw_cycle *cy, const sw_report_context *ctx)
{
    assert(out && s && reg && cy && ctx);
    *out = NULL;
    sw_report *r = rb_new("");
    if (!r)
        return SW_ENOMEM;
    int64_t to = s->from + (int64_t)(s->nsteps - 1) * s->step;
    r->title = rb_printf(r, "Verdeling over capaciteit %lld tot en met %lld (stap %lld), "
                            "cyclus %lld",
                         (long long)s->from, (long long)to, (long long)s->step,
                         (long long)cy->jaar);
    rb_meta(r, "programma", "Programma", rb_text(r, rb_printf(r, "spreiding %s", ctx->version)));
    rb_meta(r, "cyclus", "Cyclus", rb_int(cy->jaar));
    rb_meta(r, "modus", "Modus", rb_text(r, "national (elke capaciteit over alle gemeenten)"));
    rb_meta(r, "weging", "Weging", rb_text(r, sw_policy_value_name(SW_POLICY_WEGING, s->weging)));
    rb_meta(r, "afronding", "Afronding",
            rb_text(r, sw_policy_value_name(SW_POLICY_AFRONDING, s->afronding)));
    rb_meta(r, "capaciteit_van", "Capaciteit van", rb_int(s->from));
    rb_meta(r, "capaciteit_tot", "Capaciteit tot en met", rb_int(to));
    rb_meta(r, "stap", "Stap", rb_int(s->step));
    rb_meta(r, "stappen", "Aantal capaciteiten", rb_int((int64_t)s->nsteps));
    rb_meta(r, "paradoxen", "Paradoxen (opgave daalt bij hogere capaciteit)",
            rb_int((int64_t)s->paradox_total));
    rb_meta(r, "cyclus_bestand", "Cyclusbestand", rb_text(r, ctx->cycle_file));
    rb_meta(r, "gemeenten_bestand", "Gemeentenbestand", rb_text(r, ctx->register_file));
    if (s->weging == SW_WEGING_INWONERS)
        rb_note(r, "Verdeeld naar inwonertal alleen, zonder SES-WOA (zie --ses).");
    if (s->paradox_total)
        rb_note(r, "In dit bereik krijgt %zu keer een gemeente of provincie minder plaatsen bij "
                   "een hogere capaciteit (de Alabama-paradox van largest-remainder); zie de "
                   "tabel paradoxen.", s->paradox_total);
    if (s->paradox_total > s->nparadox)
        rb_note(r, "Alleen de eerste %zu paradoxen staan in de tabel.", s->nparadox);

    sw_column *cols = rb_columns(r, s->nprov + 2);
    sw_table *t = cols ? rb_table(r, "sweep", "Provinciale opgave per capaciteit", cols,
                                  s->nprov + 2, s->nsteps)
                       : NULL;
    if (t) {
        cols[0].name = "capaciteit";
        for (size_t p = 0; p < s->nprov; p++)
            cols[p + 1].name = rb_printf(r, "PV%02d", s->prov_code[p]);
        cols[s->nprov + 1].name = "totaal";
        for (size_t k = 0; k < s->nsteps; k++) {
            sw_cell *c = &t->cell[k * t->ncols];
            int64_t sum = 0;
            c[0] = rb_int(s->from + (int64_t)k * s->step);
            for (size_t p = 0; p < s->nprov; p++) {
                c[p + 1] = rb_int(s->prov_opgave[k * s->nprov + p]);
                sum += s->prov_opgave[k * s->nprov + p];
            }
            c[s->nprov + 1] = rb_int(sum);
        }
    }
    if (s->gem_opgave) {
        cols = rb_columns(r, s->n + 1);
        t = cols ? rb_table(r, "gemeenten", "Opgave per gemeente per capaciteit", cols, s->n + 1,
                            s->nsteps)
                 : NULL;
        if (t) {
            cols[0].name = "capaciteit";
            for (size_t i = 0; i < s->n; i++)
                cols[i + 1].name = rb_printf(r, "GM%04d", reg->gemeente[i].code);
            for (size_t k = 0; k < s->nsteps; k++) {
                sw_cell *c = &t->cell[k * t->ncols];
                c[0] = rb_int(s->from + (int64_t)k * s->step);
                for (size_t i = 0; i < s->n; i++)
                    c[i + 1] = rb_int(s->gem_opgave[k * s->n + i]);
            }
        }
    }
    t = rb_table(r, "paradoxen", "Paradoxen", paradox_cols, 7, s->nparadox);
    for (size_t k = 0; t && k < s->nparadox; k++) {
        const sw_paradox *p = &s->paradox[k];
        sw_cell *c = &t->cell[k * 7];
        const char *naam = "";
        if (p->provincie) {
            const sw_provincie *pv = sw_cycle_provincie(cy, p->code);
            naam = pv ? pv->naam : "";
        } else {
            long g = sw_register_find(reg, p->code);
            naam = g >= 0 ? reg->gemeente[g].naam : "";
        }
        c[0] = rb_text(r, p->provincie ? "provincie" : "gemeente");
        c[1] = rb_text(r, p->provincie ? rb_printf(r, "PV%02d", p->code)
                                       : rb_printf(r, "GM%04d", p->code));
        c[2] = rb_text(r, naam);
        c[3] = rb_int(p->capaciteit_van);
        c[4] = rb_int(p->capaciteit_naar);
        c[5] = rb_int(p->opgave_van);
        c[6] = rb_int(p->opgave_naar);
    }
    int rc = rb_failed(r);
    if (rc != 0) {
        sw_report_free(r);
        return rc;
    }
    *out = r;
    return 0;
}
