/* The whole pipeline: a cycle drawn from the input's first line, a register
 * and a locations file (split at lines "%%"; without them the fixed ones),
 * through allocation, measuring (with a what-if, a timeline, budgets),
 * grants, every report and every writer, HTML included. Properties checked:
 * a budget divided pro rata adds up to the budget, to the cent; the
 * provincial opgaven add up to the gemeenten's. */
#include <stdio.h>

#include "fuzz.h"

/* The first line, as numbers: capacity, amv, drempel, duurzaam-jaren,
 * peildatum offset, tariffs, flags. Anything missing is 0. */
typedef struct draw {
    uint64_t v[10];
} draw;

static draw read_draw(const char *s, size_t n)
{
    draw d = {{0}};
    size_t k = 0;
    for (size_t i = 0; i < n && s[i] != '\n' && k < 10; i++) {
        if (s[i] >= '0' && s[i] <= '9') {
            d.v[k] = d.v[k] * 10 + (uint64_t)(s[i] - '0');
            if (d.v[k] > (uint64_t)INT64_MAX / 20)
                d.v[k] = (uint64_t)INT64_MAX / 20;
        } else if (s[i] == ' ') {
            k++;
        }
    }
    return d;
}

static sw_cycle *drawn_cycle(const draw *d, char *text, size_t cap)
{
    bool opgaven = d->v[6] & 1, amv = d->v[6] & 2, tariffs = !(d->v[6] & 4);
    int y = 2000 + (int)(d->v[4] % 60), m = 1 + (int)(d->v[4] % 12), day = 1 + (int)(d->v[4] % 28);
    snprintf(text, cap,
             "parameter,waarde,status,bron\n"
             "jaar,2024,beleid,f\ncapaciteitsraming,%llu,beleid,f\n"
             "%s%llu%s"
             "peildatum,%04d-%02d-%02d,beleid,f\n"
             "drempel,%llu,beleid,f\nduurzaam-jaren,%llu,beleid,f\n"
             "telt-alleen-duurzaam,%s,beleid,f\nminimum-plaatsen,%llu,beleid,f\n"
             "beschikbaar-tot,%s,beleid,f\nlid2b-minimum,%llu,beleid,f\n"
             "%s%llu%s%s%llu%s%s%llu%s"
             "provincie.PV20.naam,Alfa,beleid,f\nprovincie.PV21.naam,Beta,beleid,f\n"
             "%s%llu%s%s%llu%s",
             (unsigned long long)d->v[0], amv ? "amv," : "", (unsigned long long)d->v[1] % 50,
             amv ? ",beleid,f\n" : "", y, m, day, (unsigned long long)(1 + d->v[2] % 100),
             (unsigned long long)(d->v[3] % 1001), d->v[6] & 8 ? "ja" : "nee",
             (unsigned long long)(d->v[7] % 200), d->v[6] & 16 ? "2026-02-01" : "geen",
             (unsigned long long)(d->v[8] % 200),
             tariffs ? "tarief.lid2b.duurzaam," : "", (unsigned long long)d->v[5],
             tariffs ? ",beleid,f\n" : "", tariffs ? "tarief.lid3.duurzaam," : "",
             (unsigned long long)(d->v[5] / 3), tariffs ? ",beleid,f\n" : "",
             tariffs ? "tarief.lid3.niet-duurzaam," : "", (unsigned long long)(d->v[5] / 7),
             tariffs ? ",beleid,f\n" : "", opgaven ? "provincie.PV20.opgave," : "",
             (unsigned long long)(d->v[0] / 2), opgaven ? ",beleid,f\n" : "",
             opgaven ? "provincie.PV21.opgave," : "", (unsigned long long)(d->v[0] - d->v[0] / 2),
             opgaven ? ",beleid,f\n" : "");
    sw_cycle *cy = NULL;
    sw_diag diag = {0};
    if (sw_cycle_load(&cy, "c", text, strlen(text), NULL, &diag) != 0)
        return NULL;
    return cy;
}

static void reports(const sw_measurement *m, const sw_register *reg, const sw_cycle *cy)
{
    sw_report_context ctx = {.version = "f", .cycle_file = "c", .register_file = "g",
                             .locaties_file = "l"};
    sw_diag d = {0};
    sw_report *r = NULL;
    if (sw_report_progress(&r, m->progress, m->alloc, reg, cy, &ctx, &d) == 0)
        fuzz_write_all(r);
    sw_report_free(r);
    r = NULL;
    if (m->grants && sw_report_grants(&r, m->grants, m->alloc, reg, cy, &ctx, &d) == 0)
        fuzz_write_all(r);
    sw_report_free(r);
    r = NULL;
    ctx.provincie = 21;
    if (sw_report_overview(&r, m->progress, m->grants, m->kso, m->alloc, reg, cy, &ctx, &d) == 0)
        fuzz_write_all(r);
    sw_report_free(r);
    r = NULL;
    if (reg->n && sw_report_explain(&r, 0, m->progress, m->grants, m->alloc, m->kept, reg, cy,
                                    &ctx, &d) == 0)
        fuzz_write_all(r);
    sw_report_free(r);
    r = NULL;
    if (m->kso && sw_report_kso(&r, m->kso, reg, cy, &ctx, &d) == 0)
        fuzz_write_all(r);
    sw_report_free(r);
}

/* Small-scale reception: every KSO row is in one class, and the KSO places
 * that count are among the counted places. */
static void check_kso(const sw_kso *k)
{
    int64_t rows = 0, geteld = 0;
    for (int c = 0; c < SW_KLASSEN; c++)
        rows += k->totaal.locaties[c];
    for (size_t p = 0; p < k->nprov; p++)
        geteld += k->prov[p].telling.geteld;
    if (rows != k->kso_rijen || k->kso_rijen > k->rijen || geteld != k->totaal.geteld ||
        k->totaal.geteld > k->geteld)
        abort();
}

static void run(const sw_register *reg, const sw_cycle *cy, const char *loc, size_t len,
                int lid3, int grondslag, const draw *dr)
{
    sw_diag d = {0};
    sw_budget b[2] = {{20, (int64_t)(dr->v[9] % 1000000007)}, {21, 7}};
    sw_what_if w = {0, 1 + (int64_t)(dr->v[8] % 1000)};
    sw_date steps[3] = {{2024, 1, 31}, {2024, 2, 29}, {2025, 7, 1}};
    sw_measure_options mo = SW_MEASURE_OPTIONS_INIT;
    mo.grants = (sw_grant_options){lid3, grondslag, b, grondslag == SW_GRONDSLAG_BUDGET ? 2 : 0};
    mo.with_grants = sw_cycle_can_pay(cy, grondslag);
    mo.keep_gemeente = 0;
    mo.with_kso = true;
    mo.alloc.mode = dr->v[6] & 32 ? SW_MODE_NATIONAL : 0;
    mo.alloc.afronding = mo.alloc.mode && (dr->v[6] & 64) ? SW_ROUND_LARGEST_REMAINDER : 0;
    if (dr->v[6] & 128) {
        mo.progress.what_if = &w;
        mo.progress.nwhat_if = reg->n ? 1 : 0;
        mo.progress.include_planned = true;
    }
    if (dr->v[6] & 256) {
        mo.progress.steps = steps;
        mo.progress.nsteps = 3;
    }
    sw_measurement *m = NULL;
    int rc = sw_measurement_compute(&m, reg, cy, NULL, "l", loc, len, &mo, &d);
    FUZZ_CHECK_FAILURE(rc, m, d);
    if (rc == 0) {
        reports(m, reg, cy);
        check_kso(m->kso);
        const sw_progress *p = m->progress;
        for (size_t k = 0; m->grants && grondslag == SW_GRONDSLAG_BUDGET && k < p->nprov; k++)
            if (m->grants->prov[k].has_budget && p->prov[k].geteld > 0 &&
                m->grants->prov[k].potentieel_lid3 != m->grants->prov[k].budget)
                abort();
        for (size_t s = 0; s < p->nsteps; s++) {
            int64_t sum = 0;
            for (size_t i = 0; i < reg->n; i++)
                if (p->prov_of[i] == 0)
                    sum += p->step[s].row[i].geteld;
            if (p->nprov && sum != p->step[s].prov[0].geteld)
                abort();
        }
    }
    sw_measurement_free(m);
}

static const char *section(const char *text, size_t size, const char **rest, size_t *restlen)
{
    for (size_t i = 0; i + 3 <= size; i++)
        if (memcmp(text + i, "%%\n", 3) == 0 && (i == 0 || text[i - 1] == '\n')) {
            *rest = text + i + 3;
            *restlen = size - i - 3;
            return text;
        }
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    const char *rest;
    size_t restlen;
    draw dr = {{17, 3, 75, 5, 0, 400000, 0, 0, 100, 100001}};
    /* "%%"-separated: [draw %%] [register %%] locations */
    if (section(text, size, &rest, &restlen) && size > 0 && text[0] >= '0' && text[0] <= '9') {
        dr = read_draw(text, size - restlen);
        text = rest;
        size = restlen;
    }
    sw_register *reg = NULL;
    sw_diag d = {0};
    if (section(text, size, &rest, &restlen)) {
        if (sw_register_load(&reg, "g", text, size - restlen - 3, NULL, &d) != 0)
            return 0;
        text = rest;
        size = restlen;
    } else {
        reg = fuzz_load_register();
    }
    char cycle_text[4096];
    sw_cycle *cy = drawn_cycle(&dr, cycle_text, sizeof cycle_text);
    if (cy) {
        run(reg, cy, text, size, SW_LID3_PROVINCIALE_DREMPEL, SW_GRONDSLAG_PER_PLAATS, &dr);
        run(reg, cy, text, size, SW_LID3_PER_GEMEENTE, SW_GRONDSLAG_BUDGET, &dr);
        sw_report *r = NULL;
        sw_allocation *a = NULL;
        sw_report_context ctx = {.version = "f", .cycle_file = "c", .register_file = "g"};
        if (sw_allocation_compute(&a, reg, cy, NULL, &d) == 0 &&
            sw_report_allocation(&r, a, reg, cy, &ctx, &d) == 0)
            fuzz_write_all(r);
        sw_report_free(r);
        sw_allocation_free(a);
    }
    sw_cycle_free(cy);
    sw_register_free(reg);
    return 0;
}
