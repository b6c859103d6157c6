/* The pipeline of progress, grants, explain and report: the opgave, the
 * locations counted as they are read, the threshold, the grants. */
#include "spreiding/measure.h"

#include <assert.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "spreiding/number.h"
#include "util.h"

struct sw_measure_state {
    sw_measure_options opt;
    sw_diag *diag;
    sw_locaties_reader *reader;
    sw_opgave *own_opgave;
    const char *locaties_name;
};

static bool allocation_options_given(const sw_alloc_options *a)
{
    return a->mode || a->weging || a->afronding || a->amv_afronding || a->ses_ontbrekend ||
           a->has_capaciteit || a->has_amv;
}

/* Each row as it is read: counted, and kept when asked for. */
static int on_row(void *ctx, const sw_locatie *row, sw_diag *diag)
{
    sw_measurement *m = ctx;
    sw_measure_state *st = m->state;
    sw_locatie l = *row;
    int rc = sw_progress_add(m->progress, &l);
    if (rc == 0 && m->kso)
        rc = sw_kso_add(m->kso, row);
    if (rc == 0 && m->kso_series)
        rc = sw_kso_series_add(m->kso_series, row);
    if (rc == SW_EOVERFLOW)
        return sw_diag_add(diag, SW_EOVERFLOW, st->locaties_name, l.line,
                           sw_locaties_reader_plaatsen_column(st->reader), "plaatsen",
                           "the places add up to more than can be counted exactly");
    if (rc != 0)
        return rc;
    if (st->opt.keep_all || l.gemeente == st->opt.keep_gemeente)
        return sw_locaties_add(m->kept, &l);
    return 0;
}

int sw_measurement_new(sw_measurement **out, const sw_register *reg, const sw_cycle *cy,
                       const sw_opgave *opgave, const char *locaties_name,
                       const sw_measure_options *opt, sw_diag *diag)
{
    assert(out && reg && cy);
    *out = NULL;
    sw_measure_options defaults = SW_MEASURE_OPTIONS_INIT;
    const sw_measure_options *o = opt ? opt : &defaults;
    if (opgave && allocation_options_given(&o->alloc))
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "--opgave gives the opgave per gemeente, so allocation options "
                           "(--mode, --weging, --afronding, --amv-afronding, --ses-ontbrekend, "
                           "--capaciteit, --amv) have no effect with it");
    sw_measurement *m = calloc(1, sizeof *m);
    sw_measure_state *st = calloc(1, sizeof *st);
    if (!m || !st) {
        free(m);
        free(st);
        return SW_ENOMEM;
    }
    m->state = st;
    m->reg = reg;
    m->cy = cy;
    st->opt = *o;
    st->diag = diag;
    st->locaties_name = locaties_name;
    int rc = 0;
    if (opgave) {
        m->opgave = opgave;
    } else {
        rc = sw_allocation_compute(&m->alloc, reg, cy, &o->alloc, diag);
        if (rc == 0)
            rc = sw_opgave_from_allocation(&st->own_opgave, m->alloc);
        m->opgave = st->own_opgave;
    }
    if (rc == 0)
        rc = sw_progress_new(&m->progress, reg, cy, m->opgave, &o->progress, diag);
    if (rc == 0 && o->with_kso) {
        sw_kso_options ko = SW_KSO_OPTIONS_INIT;
        ko.progress = o->progress;
        ko.progress.include_planned = false;
        ko.progress.what_if = NULL;
        ko.progress.nwhat_if = 0;
        ko.progress.steps = NULL;
        ko.progress.nsteps = 0;
        rc = sw_kso_new(&m->kso, reg, cy, NULL, &ko, diag);
    }
    if (rc == 0 && o->with_kso_series) {
        if (!o->progress.nsteps)
            rc = sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                             "the small-scale reception along a timeline needs the timeline's "
                             "dates (--tijdlijn)");
        else
            rc = sw_kso_series_new(&m->kso_series, reg, o->progress.steps, o->progress.nsteps,
                                   m->progress->kso_max_plaatsen);
    }
    if (rc == 0)
        rc = sw_locaties_new(&m->kept, locaties_name ? locaties_name : "");
    if (rc == 0 && locaties_name)
        rc = sw_locaties_reader_new(&st->reader, reg, locaties_name, &o->csv, on_row, m, diag);
    if (rc != 0) {
        sw_measurement_free(m);
        return rc;
    }
    *out = m;
    return 0;
}

int sw_measurement_feed(sw_measurement *m, const char *data, size_t len)
{
    assert(m && m->state->reader);
    return sw_locaties_reader_feed(m->state->reader, data, len);
}

int sw_measurement_finish(sw_measurement *m)
{
    assert(m);
    sw_measure_state *st = m->state;
    int rc = 0;
    if (st->reader) {
        rc = sw_locaties_reader_finish(st->reader);
        m->kept->plaatsen_column = sw_locaties_reader_plaatsen_column(st->reader);
    }
    if (rc == 0)
        rc = sw_progress_finish(m->progress, st->diag);
    if (rc == 0 && m->kso)
        rc = sw_kso_finish(m->kso);
    if (rc == 0 && m->kso_series && sw_kso_series_finish(m->kso_series) != 0)
        rc = sw_diag_add(st->diag, SW_EOVERFLOW, st->locaties_name, 0, 0, "plaatsen",
                         "the small-scale places of a province add up to more than can be "
                         "counted exactly");
    if (rc == 0 && st->opt.with_grants)
        rc = sw_grants_compute(&m->grants, m->reg, m->cy, m->progress, &st->opt.grants, st->diag);
    return rc;
}

int sw_measurement_compute(sw_measurement **out, const sw_register *reg, const sw_cycle *cy,
                           const sw_opgave *opgave, const char *locaties_name, const char *data,
                           size_t len, const sw_measure_options *opt, sw_diag *diag)
{
    sw_measurement *m = NULL;
    int rc = sw_measurement_new(&m, reg, cy, opgave, locaties_name, opt, diag);
    if (rc == 0 && locaties_name)
        rc = sw_measurement_feed(m, data, len);
    if (rc == 0)
        rc = sw_measurement_finish(m);
    if (rc != 0) {
        sw_measurement_free(m);
        m = NULL;
    }
    *out = m;
    return rc;
}

void sw_measurement_free(sw_measurement *m)
{
    if (!m)
        return;
    sw_grants_free(m->grants);
    sw_kso_free(m->kso);
    sw_kso_series_free(m->kso_series);
    sw_progress_free(m->progress);
    sw_locaties_free(m->kept);
    if (m->state) {
        sw_locaties_reader_free(m->state->reader);
        sw_opgave_free(m->state->own_opgave);
        free(m->state);
    }
    sw_allocation_free(m->alloc);
    free(m);
}

int sw_budget_parse(sw_budget *out, const sw_cycle *cy, const char *text, sw_diag *diag)
{
    assert(out && cy && text);
    const char *eq = strrchr(text, '=');
    char prov[128];
    size_t plen = eq ? (size_t)(eq - text) : 0;
    if (!eq || plen == 0 || plen >= sizeof prov)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "--budget: '%s' is not PROVINCIE=EUR", text);
    memcpy(prov, text, plen);
    prov[plen] = '\0';
    int code = sw_cycle_lookup_provincie(cy, prov);
    if (code < 0)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "--budget: '%s' is not a province code or name", prov);
    const char *why;
    if (sw_parse_cents(&out->cents, eq + 1, strlen(eq + 1), &why) != 0)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL, "--budget: '%s' %s", eq + 1, why);
    out->provincie = code;
    return 0;
}

int sw_what_if_parse(sw_what_if *out, const sw_register *reg, const char *text, sw_diag *diag)
{
    assert(out && reg && text);
    /* The last '=': a gemeente is named by its code or by its name. */
    const char *eq = strrchr(text, '=');
    const char *why;
    if (!eq || eq == text)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "--what-if: '%s' is not GMxxxx=+N", text);
    char who[128];
    snprintf(who, sizeof who, "%.*s", (int)(eq - text), text);
    long g = sw_register_lookup(reg, who);
    if (g < 0)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "--what-if: '%s' is not a gemeente of the register (give its code, "
                           "GMxxxx, or its name)",
                           who);
    const char *n = eq[1] == '+' ? eq + 2 : eq + 1;
    int64_t v;
    if (sw_parse_count(&v, n, strlen(n), &why) != 0 || v == 0)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "--what-if: '%s' is not a positive number of places", eq + 1);
    *out = (sw_what_if){(int32_t)g, v};
    return 0;
}
