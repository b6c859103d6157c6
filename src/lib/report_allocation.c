/* The allocation as a report document (`spreiding allocate`). */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "spreiding/policy.h"
#include "report_build.h"

static const sw_column gemeente_cols[] = {
    {"gemeentecode", 0}, {"gemeentenaam", 0}, {"provinciecode", 0}, {"provincie", 0},
    {"inwoners", 0},     {"ses_woa", 0},      {"gewicht", 0},       {"quotum", 0},
    {"opgave", 0},       {"opgave_amv", 0},   {"quotum_exact", SW_COL_JSON_ONLY},
};
enum { G_NCOLS = sizeof gemeente_cols / sizeof gemeente_cols[0] };

static const sw_column provincie_cols[] = {
    {"provinciecode", 0}, {"provincie", 0}, {"gemeenten", 0}, {"inwoners", 0},
    {"opgave", 0},        {"opgave_amv", 0},
};
enum { P_NCOLS = sizeof provincie_cols / sizeof provincie_cols[0] };

static const char *amv_rule(const sw_allocation *a)
{
    if (!a->has_amv)
        return "geen amv-aantal bekend";
    if (a->mode == SW_MODE_NATIONAL)
        return a->amv_afronding == SW_ROUND_LARGEST_REMAINDER
                   ? "largest-remainder: A verdeeld naar rato van de opgave"
                   : "half-up: amv = afgerond(opgave × A / C)";
    if (a->amv_afronding == SW_ROUND_HALF_UP)
        return "half-up: amv = afgerond(opgave × A / C), ook waar een provinciaal amv-cijfer "
               "bekend is";
    return "largest-remainder van het officiële provinciale amv-cijfer waar dat bekend is, "
           "anders half-up: afgerond(opgave × A / C)";
}

void rb_allocation_meta(sw_report *r, const sw_allocation *a, const sw_register *reg,
                        const sw_cycle *cy, const sw_report_context *ctx)
{
    rb_meta(r, "programma", "Programma", rb_text(r, rb_printf(r, "spreiding %s", ctx->version)));
    rb_meta(r, "cyclus", "Cyclus", rb_int(cy->jaar));
    rb_meta(r, "modus", "Modus",
            rb_text(r, a->mode == SW_MODE_PROVINCIAL
                           ? "provincial (officiële provinciale opgaven, per provincie verdeeld)"
                           : "national (capaciteitsraming over alle gemeenten verdeeld)"));
    rb_meta(r, "weging", "Weging", rb_text(r, sw_policy_value_name(SW_POLICY_WEGING, a->weging)));
    rb_meta(r, "ses_woa", "SES-WOA",
            rb_text(r, a->weging == SW_WEGING_INWONERS_SES
                           ? rb_printf(r, "gebruikt: %zu van %zu gemeenten met score",
                                       a->ses_count, a->n)
                           : "niet gebruikt"));
    rb_meta(r, "ses_ontbrekend", "SES ontbrekend",
            rb_text(r, sw_policy_value_name(SW_POLICY_SES_ONTBREKEND, a->ses_ontbrekend)));
    rb_meta(r, "afronding", "Afronding",
            rb_text(r, a->mode == SW_MODE_PROVINCIAL
                           ? "largest-remainder (binnen elke provincie)"
                           : sw_policy_value_name(SW_POLICY_AFRONDING, a->afronding)));
    rb_meta(r, "amv_afronding", "amv-afronding", rb_text(r, amv_rule(a)));
    rb_meta(r, "capaciteit", "Capaciteit (C)", rb_int(a->capaciteit));
    rb_meta(r, "amv", "amv (A)", a->has_amv ? rb_int(a->amv) : rb_empty());
    rb_meta(r, "totaal_opgave", "Som opgaven", rb_int(a->totaal));
    rb_meta(r, "totaal_amv", "Som amv", a->has_amv ? rb_int(a->totaal_amv) : rb_empty());
    rb_meta(r, "cyclus_bestand", "Cyclusbestand", rb_text(r, ctx->cycle_file));
    rb_meta(r, "gemeenten_bestand", "Gemeentenbestand", rb_text(r, ctx->register_file));
    rb_meta(r, "ses_bestand", "SES-bestand",
            ctx->ses_file ? rb_text(r, ctx->ses_file)
                          : (reg->ses_file ? rb_text(r, reg->ses_file) : rb_empty()));
    if (ctx->provincie) {
        const sw_provincie *p = sw_cycle_provincie(cy, ctx->provincie);
        rb_meta(r, "provincie", "Alleen provincie",
                rb_text(r, rb_printf(r, "PV%02d %s", ctx->provincie, p ? p->naam : "")));
    }
}

void rb_input_digests(sw_report *r, const sw_report_context *ctx)
{
    for (size_t i = 0; i < ctx->ninputs; i++)
        rb_meta(r, rb_printf(r, "sha256_%zu", i + 1),
                rb_printf(r, "SHA-256 %s", ctx->input_name[i]),
                rb_text(r, ctx->input_sha256[i]));
}

void rb_allocation_notes(sw_report *r, const sw_allocation *a, const sw_cycle *cy)
{
    if (a->weging == SW_WEGING_INWONERS)
        rb_note(r, "Verdeeld naar inwonertal alleen. De wettelijke verdeelsleutel corrigeert "
                   "het inwonertal met de sociaaleconomische score SES-WOA van het CBS "
                   "(gewicht = inwoners × (1 + score)). Geef de scores met --ses BESTAND: "
                   "een CSV-download van CBS StatLine-tabel 86092NED of 85900NED (kolom "
                   "GemiddeldeScore), of een bestand gemeentecode,ses_woa.");
    if (a->ses_nul_count)
        rb_note(r, "%zu gemeenten hebben geen SES-WOA-score; volgens --ses-ontbrekend nul "
                   "is voor hen score 0 gebruikt.", a->ses_nul_count);
    if (a->mode == SW_MODE_NATIONAL && a->totaal != a->capaciteit)
        rb_note(r, "Afronding half-up per gemeente zonder correctie: de som van de opgaven "
                   "(%lld) wijkt %+lld af van de capaciteit (%lld).", (long long)a->totaal,
                (long long)(a->totaal - a->capaciteit), (long long)a->capaciteit);
    if (a->mode == SW_MODE_PROVINCIAL && a->amv_afronding == SW_ROUND_LARGEST_REMAINDER)
        for (size_t p = 0; p < a->nprov; p++)
            if (!a->prov[p].official_amv && a->has_amv)
                rb_note(r, "PV%02d %s heeft geen officieel amv-cijfer: daar is amv per "
                           "gemeente half-up berekend.", a->prov[p].code, a->prov[p].naam);
    if (a->mode == SW_MODE_PROVINCIAL && a->totaal != cy->capaciteit)
        rb_note(r, "De officiële provinciale opgaven tellen op tot %lld, de capaciteitsraming "
                   "is %lld (verschil %+lld).", (long long)a->totaal, (long long)cy->capaciteit,
                (long long)(a->totaal - cy->capaciteit));
    if (a->mode == SW_MODE_PROVINCIAL) {
        for (size_t i = 0; i < cy->nparam; i++)
            if (cy->param[i].status == SW_STATUS_GERAPPORTEERD &&
                strncmp(cy->param[i].naam, "provincie.", 10) == 0 &&
                strstr(cy->param[i].naam, ".opgave")) {
                rb_note(r, "De provinciale opgaven hebben status 'gerapporteerd': %s",
                        cy->param[i].bron);
                break;
            }
    }
}

static void gemeente_row(sw_report *r, sw_cell *c, const sw_allocation *a,
                         const sw_register *reg, const sw_cycle *cy, size_t i)
{
    const sw_alloc_row *row = &a->row[i];
    const sw_gemeente *g = &reg->gemeente[row->gemeente];
    const sw_provincie *p = sw_cycle_provincie(cy, g->provincie);
    c[0] = rb_text(r, rb_printf(r, "GM%04d", g->code));
    c[1] = rb_text(r, g->naam);
    c[2] = rb_text(r, rb_printf(r, "PV%02d", g->provincie));
    c[3] = rb_text(r, p ? p->naam : "");
    c[4] = rb_int(g->inwoners);
    c[5] = g->has_ses ? rb_micro(r, g->ses_micro) : rb_empty();
    c[6] = rb_micro(r, row->gewicht);
    c[7] = rb_fraction(r, row->quotum_num, row->quotum_den, 4);
    c[8] = rb_int(row->opgave);
    c[9] = row->amv_method != SW_AMV_NONE ? rb_int(row->opgave_amv) : rb_empty();
    c[10] = rb_ratio(r, row->quotum_num, row->quotum_den);
}

int sw_report_allocation(sw_report **out, const sw_allocation *a, const sw_register *reg,
                         const sw_cycle *cy, const sw_report_context *ctx)
{
    assert(out && a && reg && cy && ctx);
    *out = NULL;
    sw_report *r = rb_new("");
    if (!r)
        return SW_ENOMEM;
    r->title = rb_printf(r, "Opgave per gemeente, cyclus %lld", (long long)cy->jaar);
    rb_allocation_meta(r, a, reg, cy, ctx);
    rb_input_digests(r, ctx);
    rb_allocation_notes(r, a, cy);

    size_t n = 0;
    for (size_t i = 0; i < a->n; i++)
        n += !ctx->provincie || reg->gemeente[a->row[i].gemeente].provincie == ctx->provincie;
    sw_table *t = rb_table(r, "gemeenten", rb_printf(r, "Gemeenten (%zu)", n), gemeente_cols,
                           G_NCOLS, n);
    int64_t sum_opgave = 0, sum_amv = 0, sum_inw = 0;
    for (size_t i = 0, k = 0; t && i < a->n; i++) {
        const sw_gemeente *g = &reg->gemeente[a->row[i].gemeente];
        if (ctx->provincie && g->provincie != ctx->provincie)
            continue;
        gemeente_row(r, &t->cell[k++ * G_NCOLS], a, reg, cy, i);
        sum_opgave += a->row[i].opgave;
        sum_amv += a->row[i].opgave_amv;
        sum_inw += g->inwoners;
    }
    sw_cell *tot = t ? rb_total(r, t) : NULL;
    if (tot) {
        tot[0] = rb_text(r, "totaal");
        tot[4] = rb_int(sum_inw);
        tot[8] = rb_int(sum_opgave);
        tot[9] = a->has_amv ? rb_int(sum_amv) : rb_empty();
    }

    size_t np = 0;
    for (size_t p = 0; p < a->nprov; p++)
        np += !ctx->provincie || a->prov[p].code == ctx->provincie;
    t = rb_table(r, "provincies", "Provincies", provincie_cols, P_NCOLS, np);
    sum_opgave = sum_amv = sum_inw = 0;
    int64_t sum_n = 0;
    for (size_t p = 0, k = 0; t && p < a->nprov; p++) {
        const sw_alloc_provincie *ap = &a->prov[p];
        if (ctx->provincie && ap->code != ctx->provincie)
            continue;
        sw_cell *c = &t->cell[k++ * P_NCOLS];
        c[0] = rb_text(r, rb_printf(r, "PV%02d", ap->code));
        c[1] = rb_text(r, ap->naam);
        c[2] = rb_int((int64_t)ap->ngemeenten);
        c[3] = rb_int(ap->inwoners);
        c[4] = rb_int(ap->opgave);
        c[5] = ap->has_amv ? rb_int(ap->opgave_amv) : rb_empty();
        sum_n += (int64_t)ap->ngemeenten;
        sum_inw += ap->inwoners;
        sum_opgave += ap->opgave;
        sum_amv += ap->opgave_amv;
    }
    tot = t ? rb_total(r, t) : NULL;
    if (tot) {
        tot[0] = rb_text(r, "totaal");
        tot[2] = rb_int(sum_n);
        tot[3] = rb_int(sum_inw);
        tot[4] = rb_int(sum_opgave);
        tot[5] = a->has_amv ? rb_int(sum_amv) : rb_empty();
    }
    int rc = rb_failed(r);
    if (rc != 0) {
        sw_report_free(r);
        return rc;
    }
    *out = r;
    return 0;
}
