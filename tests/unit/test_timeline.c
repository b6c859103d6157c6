/* Timelines (timeline.h): date arithmetic, the range, the chart, and the
 * property that every step of a timeline equals a single run at that
 * peildatum. Expected dates are worked out by hand from the calendar; the
 * property compares the timeline against separate single runs. */
#include <stdarg.h>
#include <stdio.h>

#include "support.h"

static sw_date D(int y, int m, int d)
{
    return (sw_date){y, m, d};
}

#define ck_date(got, Y, M, DAY)                                                                    \
    do {                                                                                           \
        sw_date g_ = (got);                                                                        \
        ck_assert_msg(g_.y == (Y) && g_.m == (M) && g_.d == (DAY),                                 \
                      "got %04d-%02d-%02d, expected %04d-%02d-%02d", g_.y, g_.m, g_.d, (Y), (M),   \
                      (DAY));                                                                      \
    } while (0)

START_TEST(month_steps_clamp_to_the_end_of_the_month_and_count_from_the_start)
{
    sw_date jan31 = D(2025, 1, 31);
    ck_date(sw_date_add_months(jan31, 1), 2025, 2, 28);
    ck_date(sw_date_add_months(jan31, 2), 2025, 3, 31); /* not 28 March: counted from 31 January */
    ck_date(sw_date_add_months(jan31, 3), 2025, 4, 30);
    ck_date(sw_date_add_months(D(2024, 1, 31), 1), 2024, 2, 29); /* leap year */
    ck_date(sw_date_add_months(D(2024, 2, 29), 12), 2025, 2, 28);
    ck_date(sw_date_add_months(D(2025, 12, 15), 1), 2026, 1, 15);
    ck_date(sw_date_add_months(D(2025, 3, 31), -1), 2025, 2, 28);
    ck_date(sw_date_add_months(D(2025, 1, 15), -13), 2023, 12, 15);
    ck_date(sw_date_add_months(D(2025, 5, 1), 0), 2025, 5, 1);
}
END_TEST

START_TEST(day_arithmetic_follows_the_calendar)
{
    ck_assert_int_eq(sw_date_days(D(1970, 1, 1)), 0);
    ck_assert_int_eq(sw_date_days(D(1970, 1, 2)), 1);
    ck_assert_int_eq(sw_date_days(D(1969, 12, 31)), -1);
    /* 30 years of 365 days and 7 leap days (1972 ... 1996), then 59 days
     * of January and February 2000 (a leap year: 29 days). */
    ck_assert_int_eq(sw_date_days(D(2000, 3, 1)), 30 * 365 + 7 + 31 + 29);
    ck_date(sw_date_add_days(D(2024, 2, 28), 1), 2024, 2, 29);
    ck_date(sw_date_add_days(D(2024, 2, 28), 2), 2024, 3, 1);
    ck_date(sw_date_add_days(D(1900, 2, 28), 1), 1900, 3, 1);  /* 1900 is no leap year */
    ck_date(sw_date_add_days(D(2000, 2, 28), 1), 2000, 2, 29); /* 2000 is */
    ck_date(sw_date_add_days(D(2025, 12, 31), 1), 2026, 1, 1);
    ck_date(sw_date_add_days(D(2025, 1, 1), -1), 2024, 12, 31);
    ck_date(sw_date_add_days(D(2025, 1, 1), 14), 2025, 1, 15);
    /* Day by day over 1000 ... 2200 against counting by hand: every step is
     * the next day of the calendar, and the number goes up by one. */
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    sw_date d = D(1000, 1, 1);
    long n = sw_date_days(d);
    while (d.y < 2200) {
        sw_date next = d;
        bool leap = (d.y % 4 == 0 && d.y % 100 != 0) || d.y % 400 == 0;
        int days = d.m == 2 && leap ? 29 : len[d.m - 1];
        if (++next.d > days) {
            next.d = 1;
            if (++next.m > 12) {
                next.m = 1;
                next.y++;
            }
        }
        sw_date got = sw_date_add_days(d, 1);
        ck_assert(sw_date_cmp(got, next) == 0);
        ck_assert_int_eq(sw_date_days(next), n + 1);
        d = next;
        n++;
    }
}
END_TEST

static sw_timeline *parse_ok(const char *text)
{
    static sw_timeline t;
    sw_diag d = {0};
    int rc = sw_timeline_parse(&t, text, &d);
    ck_assert_msg(rc == 0, "%s: %s", text, first_message(&d));
    return &t;
}

static void parse_fails(const char *text, const char *message)
{
    sw_timeline t;
    sw_diag d = {0};
    ck_assert_int_eq(sw_timeline_parse(&t, text, &d), SW_EUSAGE);
    ck_assert_str_eq(first_message(&d), message);
}

START_TEST(ranges_give_their_dates)
{
    sw_timeline *t = parse_ok("2025-01-31:2025-05-31");
    ck_assert_int_eq(t->ndates, 5);
    ck_assert_int_eq(t->unit, 'm');
    ck_assert_int_eq(t->n, 1);
    ck_date(t->date[0], 2025, 1, 31);
    ck_date(t->date[1], 2025, 2, 28);
    ck_date(t->date[2], 2025, 3, 31);
    ck_date(t->date[3], 2025, 4, 30);
    ck_date(t->date[4], 2025, 5, 31);
    /* Dutch dates; two weeks: 1, 15, 29 January, 12, 26 February (12 March
     * is after TO), and TO itself, 1 March, the last date. */
    t = parse_ok("1-1-2025:1-3-2025:2w");
    ck_assert_int_eq(t->ndates, 6);
    ck_date(t->date[1], 2025, 1, 15);
    ck_date(t->date[4], 2025, 2, 26);
    ck_date(t->date[5], 2025, 3, 1);
    /* Weeks from Monday 1 January 2024: step 78 is 546 days on, Monday 30
     * June 2025 (366 days to 1-1-2025, then 180); then TO, the cycle's
     * peildatum 1 July 2025. */
    t = parse_ok("2024-01-01:2025-07-01:1w");
    ck_assert_int_eq(t->ndates, 80);
    ck_date(t->date[78], 2025, 6, 30);
    ck_date(t->date[79], 2025, 7, 1);
    t = parse_ok("2025-01-01:2025-01-10:3d");
    ck_assert_int_eq(t->ndates, 4);
    ck_date(t->date[3], 2025, 1, 10); /* TO is a step */
    t = parse_ok("2025-07-01:2025-07-01");
    ck_assert_int_eq(t->ndates, 1);
    t = parse_ok("2025-01-01:2026-01-01:3m"); /* a quarter */
    ck_assert_int_eq(t->ndates, 5);
    ck_date(t->date[4], 2026, 1, 1);
    char step[64];
    ck_assert_str_eq(sw_timeline_step_text(t, step, sizeof step), "elke 3 maanden");
    ck_assert_str_eq(sw_timeline_step_text(parse_ok("2025-01-01:2025-02-01:1w"), step, sizeof step),
                     "elke week");
    /* 1000 dates is the limit: 1 January 2025 and 999 days on. */
    t = parse_ok("2025-01-01:2027-09-27:1d");
    ck_assert_int_eq(t->ndates, SW_MAX_STEPS);
    ck_date(t->date[999], 2027, 9, 27);
}
END_TEST

START_TEST(bad_ranges_are_usage_errors)
{
    parse_fails("2025-01-01", "--tijdlijn: '2025-01-01' is not FROM:TO[:STEP] (for example "
                              "2025-01-01:2025-12-31:1m, or 1-1-2025:31-12-2025:2w)");
    parse_fails("2025-01-01:2025-02-01:1m:x", "--tijdlijn: '2025-01-01:2025-02-01:1m:x' is not "
                                              "FROM:TO[:STEP] (for example "
                                              "2025-01-01:2025-12-31:1m, or "
                                              "1-1-2025:31-12-2025:2w)");
    parse_fails("2025-02-01:2025-01-01", "--tijdlijn: FROM is after TO in '2025-02-01:2025-01-01'");
    parse_fails("2025-01-01:2025-02-30", "--tijdlijn: TO '2025-02-30' is not a date that exists");
    parse_fails("1/1/2025:2025-02-01",
                "--tijdlijn: FROM '1/1/2025' is a date with '/', which spreadsheets in different "
                "languages read as different days; write 2025-07-01 or 1-7-2025 (in Excel or "
                "LibreOffice: cell format d-m-jjjj)");
    const char *step = "--tijdlijn: STEP '%s' is not Nd, Nw or Nm (days, weeks or months, N from "
                       "1 to 10000)";
    const char *bad[] = {"0m", "m", "1y", "-1d", "1.5m", "10001d"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        char text[64], msg[256];
        snprintf(text, sizeof text, "2025-01-01:2025-02-01:%s", bad[k]);
        snprintf(msg, sizeof msg, step, bad[k]);
        parse_fails(text, msg);
    }
    parse_fails("2025-01-01:2027-09-28:1d", "--tijdlijn: '2025-01-01:2027-09-28:1d' has more than "
                                            "1000 dates; take a larger STEP or a shorter range");
}
END_TEST

/* ---- the property: a timeline equals single runs ---- */

/* A register of random size over three provinces, and a cycle whose
 * provincial opgaven are about what the locations bring. */
typedef struct gen {
    char *cycle, *reg, *loc;
    int ngem;
} gen;

static unsigned next(unsigned *s)
{
    *s = *s * 1103515245u + 12345u;
    return (*s >> 16) & 0x7FFF;
}

static void appendf(char **buf, size_t *len, size_t *cap, const char *fmt, ...) SW_PRINTF(4, 5);
static void appendf(char **buf, size_t *len, size_t *cap, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(*buf + *len, *cap - *len, fmt, ap);
        va_end(ap);
        if ((size_t)n < *cap - *len) {
            *len += (size_t)n;
            return;
        }
        *cap *= 2;
        *buf = realloc(*buf, *cap);
        ck_assert_ptr_nonnull(*buf);
    }
}

static void date_cell(char **b, size_t *n, size_t *cap, sw_date d, bool dutch)
{
    if (dutch)
        appendf(b, n, cap, "%d-%d-%04d", d.d, d.m, d.y);
    else
        appendf(b, n, cap, "%04d-%02d-%02d", d.y, d.m, d.d);
}

/* Locations whose dates are often step dates (or a day off), so that the
 * boundaries vanaf ≤ peildatum < tot are crossed at the steps. */
static gen generate(unsigned seed, const sw_timeline *t)
{
    static const char *soort[] = {"regulier", "amv", "bijzonder", "aanmeld", "nood"};
    static const char *status[] = {"",        "gerealiseerd", "toegezegd",
                                   "gepland", "afgewezen",    "ingetrokken"};
    gen g = {0};
    size_t cap = 4096, n = 0;
    g.ngem = 3 + (int)(next(&seed) % 12);
    g.reg = malloc(cap);
    appendf(&g.reg, &n, &cap, "gemeentecode,gemeentenaam,provinciecode,inwoners\n");
    for (int i = 0; i < g.ngem; i++)
        appendf(&g.reg, &n, &cap, "GM%04d,G%d,PV%d,%u\n", i + 1, i + 1, 20 + i % 3,
                100 + next(&seed) % 5000);
    n = 0;
    cap = 4096;
    g.cycle = malloc(cap);
    appendf(&g.cycle, &n, &cap,
            "parameter,waarde,status,bron\njaar,2024,beleid,t\ncapaciteitsraming,1000,beleid,t\n"
            "peildatum,2025-07-01,beleid,t\ndrempel,75,beleid,t\nduurzaam-jaren,5,beleid,t\n"
            "aanmeld-telt,ja,beleid,t\n");
    for (int p = 20; p < 23; p++)
        appendf(&g.cycle, &n, &cap,
                "provincie.PV%d.naam,P%d,beleid,t\n"
                "provincie.PV%d.opgave,%u,beleid,t\n",
                p, p, p, 20 + next(&seed) % 200);
    n = 0;
    cap = 4096;
    g.loc = malloc(cap);
    appendf(&g.loc, &n, &cap,
            "gemeentecode,locatie,plaatsen,amv_plaatsen,soort,vanaf,tot,status\n");
    int nloc = 1 + (int)(next(&seed) % 40);
    for (int k = 0; k < nloc; k++) {
        sw_date vanaf = next(&seed) % 2 ? sw_date_add_days(t->date[next(&seed) % t->ndates],
                                                           (long)(next(&seed) % 3) - 1)
                                        : sw_date_add_days(D(2023, 1, 1), next(&seed) % 1800);
        appendf(&g.loc, &n, &cap, "GM%04u,l%d,%u,,%s,", 1 + next(&seed) % (unsigned)g.ngem, k,
                1 + next(&seed) % 30, soort[next(&seed) % 5]);
        date_cell(&g.loc, &n, &cap, vanaf, next(&seed) % 4 == 0);
        appendf(&g.loc, &n, &cap, ",");
        unsigned end = next(&seed) % 4;
        if (end) {
            sw_date tot = end == 1 ? sw_date_add_days(vanaf, 1 + next(&seed) % 2500)
                                   : t->date[next(&seed) % t->ndates];
            if (sw_date_cmp(tot, vanaf) <= 0)
                tot = sw_date_add_days(vanaf, 1);
            date_cell(&g.loc, &n, &cap, tot, false);
        }
        appendf(&g.loc, &n, &cap, ",%s\n", status[next(&seed) % 6]);
    }
    return g;
}

static void same_step(const sw_progress *tl, size_t s, const sw_progress *one)
{
    const sw_progress_step *st = &tl->step[s];
    ck_assert(sw_date_cmp(st->peildatum, one->peildatum) == 0);
    for (size_t i = 0; i < tl->n; i++) {
        ck_assert_int_eq(st->row[i].geteld, one->row[i].geteld);
        ck_assert_int_eq(st->row[i].geteld_amv, one->row[i].geteld_amv);
        ck_assert_int_eq(st->row[i].duurzaam, one->row[i].duurzaam);
        ck_assert_int_eq(st->row[i].what_if, one->row[i].what_if);
    }
    ck_assert_int_eq(tl->nprov, one->nprov);
    for (size_t k = 0; k < tl->nprov; k++) {
        const sw_progress_provincie *a = &st->prov[k], *b = &one->prov[k];
        ck_assert_int_eq(a->code, b->code);
        ck_assert_int_eq(a->opgave, b->opgave);
        ck_assert_int_eq(a->geteld, b->geteld);
        ck_assert_int_eq(a->geteld_amv, b->geteld_amv);
        ck_assert_int_eq(a->duurzaam, b->duurzaam);
        ck_assert_int_eq(a->gehaald, b->gehaald);
        ck_assert_int_eq(a->tekort_drempel, b->tekort_drempel);
        ck_assert_int_eq(a->tekort_100, b->tekort_100);
    }
}

START_TEST(every_step_of_a_timeline_equals_a_single_run)
{
    static const char unit[] = "dwm";
    unsigned seed = 20260214;
    for (int round = 0; round < 80; round++) {
        /* A random range: FROM in 2023 ... 2026, up to about 40 steps. */
        char range[96];
        sw_date from = sw_date_add_days(D(2023, 1, 1), next(&seed) % 1400);
        char u = unit[next(&seed) % 3];
        int n = 1 + (int)(next(&seed) % (u == 'd' ? 60 : u == 'w' ? 8 : 3));
        long span = (long)(next(&seed) % 40) * n * (u == 'd' ? 1 : u == 'w' ? 7 : 30);
        sw_date to = sw_date_add_days(from, span);
        snprintf(range, sizeof range, "%04d-%02d-%02d:%d-%d-%04d:%d%c", from.y, from.m, from.d,
                 to.d, to.m, to.y, n, u);
        sw_timeline *t = malloc(sizeof *t);
        sw_diag d = {0};
        ck_assert_msg(sw_timeline_parse(t, range, &d) == 0, "%s: %s", range, first_message(&d));
        gen g = generate(seed + (unsigned)round, t);
        sw_cycle *cy = load_cycle(g.cycle);
        sw_register *reg = load_register(g.reg);

        /* The counting options of this round apply to both ways of counting. */
        sw_measure_options mo = SW_MEASURE_OPTIONS_INIT;
        sw_what_if wi = {(int32_t)(next(&seed) % (unsigned)g.ngem), 1 + next(&seed) % 20};
        sw_progress_options *po = &mo.progress;
        po->include_planned = next(&seed) % 3 == 0;
        if (next(&seed) % 3 == 0) {
            po->what_if = &wi;
            po->nwhat_if = 1;
        }
        po->telt_alleen_duurzaam = next(&seed) % 3 == 0 ? SW_JA : 0;
        po->aanmeld_telt = next(&seed) % 4 == 0 ? SW_NEE : 0;
        if (next(&seed) % 4 == 0) {
            po->beschikbaar_tot = SW_JA;
            po->beschikbaar_tot_datum = t->date[next(&seed) % t->ndates];
        }
        if (next(&seed) % 4 == 0) {
            po->has_minimum_plaatsen = true;
            po->minimum_plaatsen = next(&seed) % 20;
        }
        if (next(&seed) % 3 == 0) {
            po->has_duurzaam_jaren = true;
            po->duurzaam_jaren = 1 + next(&seed) % 6;
        }
        po->has_drempel_pct = true;
        po->drempel_pct = 50 + next(&seed) % 51;
        mo.alloc.mode = next(&seed) % 2 ? SW_MODE_NATIONAL : 0;
        mo.with_grants = false;

        /* The timeline: streamed in uneven pieces, as a file is read. */
        sw_measure_options tm = mo;
        tm.progress.steps = t->date;
        tm.progress.nsteps = t->ndates;
        sw_measurement *m = NULL;
        ck_assert_int_eq(sw_measurement_new(&m, reg, cy, NULL, "l.csv", &tm, &d), 0);
        size_t len = strlen(g.loc);
        for (size_t off = 0; off < len;) {
            size_t piece = 1 + next(&seed) % 97;
            if (piece > len - off)
                piece = len - off;
            ck_assert_int_eq(sw_measurement_feed(m, g.loc + off, piece), 0);
            off += piece;
        }
        ck_assert_msg(sw_measurement_finish(m) == 0, "%s", first_message(&d));
        ck_assert_int_eq(m->progress->nsteps, t->ndates);

        /* Each step against a single count at its date, from the rows held
         * in memory. */
        sw_locaties *loc = NULL;
        ck_assert_int_eq(sw_locaties_load(&loc, reg, "l.csv", g.loc, len, NULL, &d), 0);
        for (size_t s = 0; s < t->ndates; s++) {
            sw_progress_options one = mo.progress;
            one.has_peildatum = true;
            one.peildatum = t->date[s];
            sw_progress *p = NULL;
            ck_assert_int_eq(sw_progress_compute(&p, reg, cy, m->opgave, loc, &one, &d), 0);
            same_step(m->progress, s, p);
            sw_progress_free(p);
        }
        sw_locaties_free(loc);
        sw_measurement_free(m);
        sw_register_free(reg);
        sw_cycle_free(cy);
        free(g.cycle);
        free(g.reg);
        free(g.loc);
        free(t);
    }
}
END_TEST

/* ---- a worked example ---- */

#define LOC_HEADER "gemeentecode,locatie,plaatsen,amv_plaatsen,soort,vanaf,tot,status\n"

/* tests/README.md, "Timeline": Beta (opgave 7, 6 places meet 75 %) crosses
 * the threshold in April, falls below in May when a location ends on the
 * step date, and meets it again in June. */
static const char *const crossing =
    LOC_HEADER "GM0001,Azc Een,6,2,regulier,2024-01-01,,gerealiseerd\n"
               "GM0002,Hotel Twee,2,0,bijzonder,2025-01-01,2026-01-01,toegezegd\n"
               "GM0004,Azc Vier,4,0,regulier,2024-01-01,,gerealiseerd\n"
               "GM0005,Paviljoen Vijf,2,0,regulier,2025-03-15,2025-05-01,gerealiseerd\n"
               "GM0005,Woning Vijf,2,0,regulier,2025-06-01,,toegezegd\n";

typedef struct timeline_world {
    sw_cycle *cy;
    sw_register *reg;
    sw_measurement *m;
    sw_timeline t;
} timeline_world;

static void timeline_build(timeline_world *w, const char *range, const char *locaties)
{
    sw_diag d = {0};
    w->cy = load_cycle(TEST_CYCLE);
    w->reg = load_register(TEST_REGISTER);
    ck_assert_int_eq(sw_timeline_parse(&w->t, range, &d), 0);
    sw_measure_options mo = SW_MEASURE_OPTIONS_INIT;
    mo.progress.steps = w->t.date;
    mo.progress.nsteps = w->t.ndates;
    int rc = sw_measurement_compute(&w->m, w->reg, w->cy, NULL, "l.csv", locaties, strlen(locaties),
                                    &mo, &d);
    ck_assert_msg(rc == 0, "%s", first_message(&d));
}

static void timeline_destroy(timeline_world *w)
{
    sw_measurement_free(w->m);
    sw_register_free(w->reg);
    sw_cycle_free(w->cy);
}

START_TEST(a_province_crosses_the_threshold_in_april)
{
    timeline_world w;
    timeline_build(&w, "2025-01-01:2025-06-01", crossing);
    const sw_progress *p = w.m->progress;
    ck_assert_int_eq(p->nsteps, 6);
    /* Beta: 4, 4, 4 (Paviljoen starts 15 March), 6, 4 (it ends on 1 May,
     * which does not count), 6 (Woning from 1 June). */
    static const int64_t beta[6] = {4, 4, 4, 6, 4, 6};
    static const bool met[6] = {false, false, false, true, false, true};
    for (size_t s = 0; s < 6; s++) {
        ck_assert_int_eq(p->step[s].prov[1].geteld, beta[s]);
        ck_assert_int_eq(p->step[s].prov[1].gehaald, met[s]);
        ck_assert_int_eq(p->step[s].prov[0].geteld, 8); /* Alfa: 6 + 2, 80 % */
        ck_assert(p->step[s].prov[0].gehaald);
    }
    ck_assert_int_eq(p->step[3].row[4].geteld, 2);
    ck_assert_int_eq(p->step[3].row[4].duurzaam, 0); /* 15 March to 1 May */
    ck_assert_int_eq(p->step[5].row[4].duurzaam, 2); /* open-ended */

    /* The report says it in its tables. */
    sw_report *r = NULL;
    sw_report_context ctx = {.version = "test"};
    sw_diag d = {0};
    ck_assert_int_eq(sw_report_timeline(&r, p, w.m->alloc, w.reg, w.cy, &ctx, NULL, &d), 0);
    const sw_table *v = &r->table[sw_report_table_index(r, "verloop")];
    sw_value c[16];
    sw_scratch s;
    ck_assert_int_eq(v->nrows, 2);
    ck_assert_int_eq(sw_table_row(v, 1, c, &s), 0);
    ck_assert_str_eq(c[0].s, "PV21");
    ck_assert_int_eq(c[3].kind, SW_KIND_DATE);
    ck_assert_int_eq(c[3].i, 20250401);
    ck_assert_int_eq(c[4].i, 1); /* below again once: 1 May */
    ck_assert_int_eq(c[5].i, 6);
    const sw_table *ws = &r->table[sw_report_table_index(r, "wisselingen")];
    ck_assert_int_eq(ws->nrows, 4);
    static const char *const what[] = {"gehaald op de eerste peildatum", "voor het eerst gehaald",
                                       "weer onder de drempel", "weer gehaald"};
    static const int64_t when[] = {20250101, 20250401, 20250501, 20250601};
    for (size_t k = 0; k < 4; k++) {
        ck_assert_int_eq(sw_table_row(ws, k, c, &s), 0);
        ck_assert_str_eq(c[3].s, what[k]);
        ck_assert_int_eq(c[2].i, when[k]);
    }
    const sw_table *g = &r->table[sw_report_table_index(r, "gemeenten")];
    ck_assert_int_eq(g->nrows, 6 * 5);
    ck_assert_int_eq(sw_table_row(g, 5 * 4 + 4, c, &s), 0); /* 1 May, GM0005 */
    ck_assert_int_eq(c[0].i, 20250501);
    ck_assert_str_eq(c[1].s, "GM0005");
    ck_assert_int_eq(c[5].i, 0);
    ck_assert_int_eq(r->npictures, 2);
    ck_assert_str_eq(r->picture[1].where, "PV21");
    sw_report_free(r);

    /* Never met: "nog niet"; --gemeente keeps only the gemeenten asked. */
    size_t only[] = {4, 4};
    sw_timeline_report_options o = {.gemeenten = only, .ngemeenten = 2, .voor_mensen = false};
    timeline_destroy(&w);
    timeline_build(&w, "2025-01-01:2025-03-01", crossing);
    ck_assert_int_eq(sw_report_timeline(&r, w.m->progress, w.m->alloc, w.reg, w.cy, &ctx, &o, &d),
                     0);
    v = &r->table[sw_report_table_index(r, "verloop")];
    ck_assert_int_eq(sw_table_row(v, 1, c, &s), 0);
    ck_assert_int_eq(c[3].kind, SW_KIND_TEXT);
    ck_assert_str_eq(c[3].s, "nog niet");
    g = &r->table[sw_report_table_index(r, "gemeenten")];
    ck_assert_int_eq(g->nrows, 3);
    sw_report_free(r);
    timeline_destroy(&w);
}
END_TEST

/* For people: the first date is said as between two steps, and the long
 * tables hold the changes only (tests/README.md, "Timeline"). */
START_TEST(people_read_the_changes)
{
    timeline_world w;
    timeline_build(&w, "2025-01-01:2025-06-01", crossing);
    sw_report *r = NULL;
    sw_report_context ctx = {.version = "test"};
    sw_timeline_report_options o = {.voor_mensen = true};
    sw_diag d = {0};
    ck_assert_int_eq(sw_report_timeline(&r, w.m->progress, w.m->alloc, w.reg, w.cy, &ctx, &o, &d),
                     0);
    sw_value c[16];
    sw_scratch s;
    char buf[128];
    const sw_table *v = &r->table[sw_report_table_index(r, "verloop")];
    ck_assert_int_eq(sw_table_row(v, 0, c, &s), 0);
    ck_assert_str_eq(sw_format_human(buf, sizeof buf, &v->col[3], &c[3]), "al op 1-1-2025");
    ck_assert_int_eq(sw_table_row(v, 1, c, &s), 0);
    ck_assert_str_eq(sw_format_human(buf, sizeof buf, &v->col[3], &c[3]),
                     "tussen 1-3-2025 en 1-4-2025");
    ck_assert_str_eq(sw_format_machine(buf, sizeof buf, &v->col[3], &c[3], '.'), "2025-04-01");
    /* Alfa counts 8 throughout: its first date; Beta 4, 4, 4, 6, 4, 6: the
     * first date and 1 April, 1 May, 1 June. */
    const sw_table *p = &r->table[sw_report_table_index(r, "provincies")];
    ck_assert_int_eq(p->nrows, 5);
    static const int64_t pdate[] = {20250101, 20250101, 20250401, 20250501, 20250601};
    static const char *const pcode[] = {"PV20", "PV21", "PV21", "PV21", "PV21"};
    for (size_t k = 0; k < 5; k++) {
        ck_assert_int_eq(sw_table_row(p, k, c, &s), 0);
        ck_assert_int_eq(c[0].i, pdate[k]);
        ck_assert_str_eq(c[1].s, pcode[k]);
    }
    /* Only GM0005 changes: 0 on 1 January, 2 on 1 April (not duurzaam), 0
     * on 1 May, 2 on 1 June (duurzaam). */
    const sw_table *g = &r->table[sw_report_table_index(r, "gemeenten")];
    ck_assert_int_eq(g->nrows, 4);
    static const int64_t gdate[] = {20250101, 20250401, 20250501, 20250601};
    static const int64_t geteld[] = {0, 2, 0, 2}, duurzaam[] = {0, 0, 0, 2};
    for (size_t k = 0; k < 4; k++) {
        ck_assert_int_eq(sw_table_row(g, k, c, &s), 0);
        ck_assert_str_eq(c[1].s, "GM0005");
        ck_assert_int_eq(c[0].i, gdate[k]);
        ck_assert_int_eq(c[5].i, geteld[k]);
        ck_assert_int_eq(c[6].i, duurzaam[k]);
    }
    /* The others are counted in their province's section. */
    ck_assert_uint_eq(r->nremarks, 2);
    ck_assert_str_eq(r->remark[0].where, "PV20");
    ck_assert_str_eq(r->remark[0].text,
                     "Alle 3 gemeenten in Alfa tellen van 1-1-2025 tot en met 1-6-2025 op elke "
                     "peildatum dezelfde plaatsen: A1 6, A2 2, de andere 1 geen.");
    ck_assert_str_eq(r->remark[1].text,
                     "1 van de 2 gemeenten in Beta telt van 1-1-2025 tot en met 1-6-2025 op elke "
                     "peildatum dezelfde plaatsen: B1 4; de tabel toont de andere 1.");
    sw_report_free(r);
    timeline_destroy(&w);
}
END_TEST

START_TEST(the_chart_says_what_it_shows)
{
    timeline_world w;
    timeline_build(&w, "2025-01-01:2025-06-01", crossing);
    sw_buf b = {0};
    sw_chart_options o = {NULL, NULL};
    ck_assert_int_eq(sw_timeline_chart_svg(&b, w.m->progress, 1, &o), 0);
    const char *svg = b.data;
    ck_assert(strncmp(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"", 39) == 0);
    ck_assert_ptr_nonnull(strstr(svg, "role=\"img\""));
    /* A step is a sample: the test first held after 1 March, by 1 April. */
    ck_assert_ptr_nonnull(strstr(svg, "<title>PV21 Beta: Drempel (75\xC2\xA0%) voor het eerst "
                                      "gehaald tussen 1-3-2025 en 1-4-2025. Stand op 1-6-2025: 6 "
                                      "van 7 geteld, 85,71\xC2\xA0%, drempel gehaald.</title>"));
    ck_assert_ptr_nonnull(strstr(svg, ">drempel 75\xC2\xA0%</text>"));
    ck_assert_ptr_nonnull(strstr(svg, ">opgave 100\xC2\xA0%</text>"));
    ck_assert_ptr_nonnull(strstr(svg, ">1-1-2025</text>"));
    ck_assert_ptr_nonnull(strstr(svg, "<title>1-5-2025: 4 van 7 geteld, 57,14\xC2\xA0%, drempel "
                                      "niet gehaald</title>"));
    ck_assert_ptr_null(strstr(svg, "<script"));
    ck_assert_ptr_null(strstr(svg, "href"));
    ck_assert(strcmp(svg + strlen(svg) - 7, "</svg>\n") == 0);
    /* The scale: 0 to 100 %, ticks of 25 %; the y of 6/7 (85.71 %) between
     * 75 and 100 %. */
    ck_assert_ptr_nonnull(strstr(svg, ">25\xC2\xA0%</text>"));
    ck_assert_ptr_null(strstr(svg, ">125\xC2\xA0%</text>"));
    sw_buf_free(&b);
    /* Above 100 %: the scale grows to hold it; a scenario is marked. */
    o.scenario = "what-if GM0004=+10";
    sw_buf c = {0};
    timeline_destroy(&w);
    timeline_build(&w, "2025-01-01:2025-03-01", LOC_HEADER "GM0004,a,20,,regulier,2024-01-01,,\n");
    ck_assert_int_eq(sw_timeline_chart_svg(&c, w.m->progress, 1, &o), 0);
    ck_assert_ptr_nonnull(strstr(c.data, ">300\xC2\xA0%</text>")); /* 20/7 = 285.7 % */
    ck_assert_ptr_nonnull(strstr(c.data, ">SCENARIO: what-if GM0004=+10</text>"));
    sw_buf_free(&c);
    timeline_destroy(&w);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("timeline");
    TCase *tc = tcase_create("timeline");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, month_steps_clamp_to_the_end_of_the_month_and_count_from_the_start);
    tcase_add_test(tc, day_arithmetic_follows_the_calendar);
    tcase_add_test(tc, ranges_give_their_dates);
    tcase_add_test(tc, bad_ranges_are_usage_errors);
    tcase_add_test(tc, every_step_of_a_timeline_equals_a_single_run);
    tcase_add_test(tc, a_province_crosses_the_threshold_in_april);
    tcase_add_test(tc, people_read_the_changes);
    tcase_add_test(tc, the_chart_says_what_it_shows);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
