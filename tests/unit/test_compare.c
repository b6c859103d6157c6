/* Comparisons (compare.h, sw_report_compare): a register compared with
 * itself shows no change, swapping the sides negates every difference, and
 * a hand-worked case (tests/README.md, "What changed") where one gemeente
 * loses its eligibility and a province crosses the threshold. */
#include <stdio.h>

#include "support.h"

#define LOC_HEADER "gemeentecode,locatie,plaatsen,amv_plaatsen,soort,vanaf,tot,status\n"

typedef struct world {
    sw_cycle *cy;
    sw_register *reg;
    sw_measurement *oud, *nieuw;
    sw_comparison *c;
} world;

static sw_measurement *measure(const world *w, const char *loc, const char *peildatum, bool grants,
                               const sw_what_if *wi)
{
    sw_measure_options mo = SW_MEASURE_OPTIONS_INIT;
    mo.with_grants = grants;
    mo.keep_all = true;
    if (peildatum) {
        const char *why;
        mo.progress.has_peildatum = true;
        ck_assert_int_eq(sw_parse_date(&mo.progress.peildatum, peildatum, strlen(peildatum), &why),
                         0);
    }
    if (wi) {
        mo.progress.what_if = wi;
        mo.progress.nwhat_if = 1;
    }
    sw_measurement *m = NULL;
    sw_diag d = {0};
    int rc = sw_measurement_compute(&m, w->reg, w->cy, NULL, "l.csv", loc, strlen(loc), &mo, &d);
    ck_assert_msg(rc == 0, "%s", first_message(&d));
    return m;
}

static world compare(const char *oud, const char *d_oud, const char *nieuw, const char *d_nieuw,
                     bool grants, const sw_what_if *wi)
{
    world w = {0};
    w.cy = load_cycle(TEST_CYCLE);
    w.reg = load_register(TEST_REGISTER);
    w.oud = measure(&w, oud, d_oud, grants, NULL);
    w.nieuw = measure(&w, nieuw, d_nieuw, grants, wi);
    sw_compare_options o = {true, false};
    sw_diag d = {0};
    ck_assert_int_eq(sw_compare(&w.c, w.oud, w.nieuw, &o, &d), 0);
    return w;
}

static void destroy(world *w)
{
    sw_comparison_free(w->c);
    sw_measurement_free(w->oud);
    sw_measurement_free(w->nieuw);
    sw_register_free(w->reg);
    sw_cycle_free(w->cy);
}

static sw_report *report(const world *w, bool people, bool alles)
{
    sw_report_context ctx = {.version = "test", .locaties_file = "nieuw.csv"};
    sw_compare_report_options o = {"oud.csv", "aa", "bb", people, alles};
    sw_report *r = NULL;
    sw_diag d = {0};
    ck_assert_int_eq(sw_report_compare(&r, w->c, &ctx, &o, &d), 0);
    return r;
}

static const sw_table *table(const sw_report *r, const char *key)
{
    long k = sw_report_table_index(r, key);
    ck_assert_msg(k >= 0, "no table %s", key);
    return &r->table[k];
}

/* ---- the worked example ---- */

static const char *const oud =
    LOC_HEADER "GM0001,Azc Een,6,2,regulier,2024-01-01,,gerealiseerd\n"
               "GM0002,Hotel Twee,2,0,bijzonder,2025-01-01,2026-01-01,toegezegd\n"
               "GM0002,Tent Twee,10,,nood,2024-06-01,,gerealiseerd\n"
               "GM0003,Unit Drie,1,0,regulier,2024-09-01,,gerealiseerd\n"
               "GM0004,Aanmeld Vier,3,0,aanmeld,2024-03-01,,\n"
               "GM0005,Amv Vijf,2,,amv,2025-07-01,2030-07-01,toegezegd\n";
static const char *const nieuw =
    LOC_HEADER "GM0001,Azc Een,6,2,regulier,2024-01-01,,gerealiseerd\n"
               "GM0002,Hotel Twee,2,0,bijzonder,2025-01-01,2026-01-01,gerealiseerd\n"
               "GM0003,Unit Drie,1,0,regulier,2024-09-01,,afgewezen\n"
               "GM0004,Aanmeld Vier,3,0,aanmeld,2024-03-01,,\n"
               "GM0005,Amv Vijf,2,,amv,2025-07-01,2030-07-01,toegezegd\n"
               "GM0005,Woning Vijf,1,0,regulier,2025-05-01,,toegezegd\n";

START_TEST(a_gemeente_loses_eligibility_and_a_province_crosses_the_threshold)
{
    world w = compare(oud, NULL, nieuw, NULL, true, NULL);
    const sw_comparison *c = w.c;
    ck_assert(c->grants);
    ck_assert_int_eq(c->gemeente[2].status, SW_FLIP_VERLOREN); /* GM0003: Unit Drie afgewezen */
    ck_assert_int_eq(c->gemeente[3].status, SW_FLIP_GEWONNEN); /* Beta meets 75 % */
    ck_assert_int_eq(c->gemeente[4].status, SW_FLIP_GEWONNEN);
    ck_assert(!c->gemeente[1].changed); /* Hotel Twee changed status, not its count */
    ck_assert_int_eq(c->gemeente[2].totaal, -400000);
    ck_assert_int_eq(c->gemeente[4].potentieel, 400000); /* 2 × 4000 → 3 × 4000 */
    ck_assert_int_eq(c->prov[1].status, SW_FLIP_GEWONNEN);
    ck_assert_int_eq(c->prov[0].status, SW_FLIP_GELIJK);
    /* People read status changes first (by code), then the rest. */
    ck_assert_int_eq(c->ngemeenten_changed, 3);
    static const size_t order[] = {2, 3, 4, 0, 1};
    for (size_t k = 0; k < 5; k++)
        ck_assert_int_eq(c->gemeente_order[k], order[k]);
    ck_assert_int_eq(c->prov_order[0], 1);
    ck_assert_int_eq(c->nprov_changed, 2);

    /* Locations: Hotel Twee toegezegd → gerealiseerd, Tent Twee gone, Unit
     * Drie afgewezen (and no longer counted), Woning Vijf new. */
    ck_assert_int_eq(c->nloc, 7);
    ck_assert_int_eq(c->nloc_changed, 4);
    const sw_loc_match *m = &c->loc[1];
    ck_assert_str_eq(m->locatie, "Hotel Twee");
    ck_assert_int_eq(m->wat, SW_LOC_STATUS);
    ck_assert_int_eq(m->oud.status, SW_LOC_TOEGEZEGD);
    ck_assert_int_eq(m->nieuw.status, SW_LOC_GEREALISEERD);
    ck_assert_int_eq(c->loc[2].wat, SW_LOC_VERDWENEN);
    ck_assert_int_eq(c->loc[3].wat, SW_LOC_STATUS | SW_LOC_GETELD);
    ck_assert_int_eq(c->loc[6].wat, SW_LOC_NIEUW);

    sw_report *r = report(&w, false, false);
    const sw_table *t = table(r, "gemeenten");
    sw_value v[64];
    sw_scratch s;
    ck_assert_int_eq(t->nrows, 5); /* machines get every gemeente */
    ck_assert_int_eq(sw_table_row(t, 2, v, &s), 0);
    ck_assert_str_eq(v[0].s, "GM0003");
    ck_assert_str_eq(t->col[12].name, "in_aanmerking_verschil");
    ck_assert_str_eq(v[12].s, "verloren");
    ck_assert_str_eq(t->col[15].name, "bedrag_lid3_verschil");
    ck_assert_int_eq(v[15].i, -400000);
    t = table(r, "provincies");
    ck_assert_int_eq(sw_table_row(t, 1, v, &s), 0);
    ck_assert_str_eq(t->col[10].name, "drempel_gehaald_verschil");
    ck_assert_str_eq(v[10].s, "gewonnen");
    sw_report_free(r);
    r = report(&w, true, false);
    ck_assert_int_eq(table(r, "gemeenten")->nrows, 3);
    ck_assert_int_eq(table(r, "wijzigingen")->nrows, 4); /* Beta, GM0003, GM0004, GM0005 */
    ck_assert_int_eq(table(r, "locaties")->nrows, 4);
    sw_report_free(r);
    destroy(&w);
}
END_TEST

START_TEST(progress_shows_the_difference_of_the_shown_percentages)
{
    /* Beta, O = 7: 1 place shows 14.28 % (100/7 = 14.2857...), 4 show
     * 57.14 % (57.1428...). The difference of the shown values is 42.86;
     * the exact difference 300/7 = 42.857... shown rounded down would be
     * 42.85. */
    world w = compare(LOC_HEADER "GM0004,a,1,,regulier,2024-01-01,,\n", NULL,
                      LOC_HEADER "GM0004,a,4,,regulier,2024-01-01,,\n", NULL, false, NULL);
    sw_report *r = report(&w, false, false);
    const sw_table *t = table(r, "provincies");
    sw_value v[64];
    sw_scratch s;
    ck_assert_int_eq(sw_table_row(t, 1, v, &s), 0);
    ck_assert_str_eq(t->col[10].name, "voortgang_pct_verschil");
    char buf[128];
    ck_assert_str_eq(sw_format_machine(buf, sizeof buf, &t->col[8], &v[8], '.'), "14.28");
    ck_assert_str_eq(sw_format_machine(buf, sizeof buf, &t->col[9], &v[9], '.'), "57.14");
    ck_assert_str_eq(sw_format_machine(buf, sizeof buf, &t->col[10], &v[10], '.'), "42.86");
    sw_report_free(r);
    destroy(&w);
}
END_TEST

START_TEST(a_key_twice_is_compared_as_a_group)
{
    /* Two unnamed rows with one key (GM0001, regulier, 2024-01-01) against
     * one row of the same places: no change, but flagged; a named key twice
     * on the new side whose places add up differently: changed. */
    world w = compare(LOC_HEADER "GM0001,,2,,regulier,2024-01-01,,\n"
                                 "GM0001,,3,,regulier,2024-01-01,2030-01-01,toegezegd\n"
                                 "GM0004,Azc,4,,regulier,2024-01-01,,\n",
                      NULL,
                      LOC_HEADER "GM0001,,5,,regulier,2024-01-01,,\n"
                                 "GM0004,Azc,4,,regulier,2024-01-01,,\n"
                                 "GM0004,Azc,1,,regulier,2025-01-01,2027-01-01,\n",
                      NULL, false, NULL);
    const sw_comparison *c = w.c;
    ck_assert_int_eq(c->nloc, 2);
    ck_assert_int_eq(c->ndubbel_oud, 1);
    ck_assert_int_eq(c->ndubbel_nieuw, 1);
    const sw_loc_match *m = &c->loc[0];
    ck_assert_str_eq(m->locatie, "");
    ck_assert_int_eq(m->oud.nrows, 2);
    ck_assert_int_eq(m->oud.plaatsen, 5);
    ck_assert_int_eq(m->oud.status, 0); /* gerealiseerd and toegezegd: mixed */
    ck_assert(m->oud.row->line == 2);
    ck_assert(!m->oud.has_tot); /* one of them is open-ended */
    ck_assert_int_eq(m->wat & SW_LOC_PLAATSEN, 0);
    ck_assert(m->wat & SW_LOC_DUBBEL);
    ck_assert(m->wat & SW_LOC_STATUS); /* mixed → gerealiseerd */
    m = &c->loc[1];
    ck_assert_str_eq(m->locatie, "Azc");
    ck_assert_int_eq(m->nieuw.nrows, 2);
    ck_assert_int_eq(m->nieuw.plaatsen, 5);
    ck_assert_int_eq(m->wat, SW_LOC_DUBBEL | SW_LOC_PLAATSEN | SW_LOC_GETELD);
    ck_assert(!m->nieuw.has_tot); /* the open-ended row wins */
    ck_assert(sw_date_cmp(m->nieuw.vanaf, (sw_date){2024, 1, 1}) == 0);
    sw_report *r = report(&w, true, false);
    sw_value v[32];
    sw_scratch s;
    const sw_table *t = table(r, "locaties");
    ck_assert_int_eq(t->nrows, 2);
    ck_assert_int_eq(sw_table_row(t, 1, v, &s), 0);
    ck_assert_str_eq(v[5].s, "plaatsen, getelde plaatsen, dubbele sleutel (oud 1 regel, nieuw 2 "
                             "regels): als groep vergeleken");
    sw_report_free(r);
    destroy(&w);
}
END_TEST

START_TEST(the_sides_must_share_the_opgave)
{
    world w = {0};
    w.cy = load_cycle(TEST_CYCLE);
    w.reg = load_register(TEST_REGISTER);
    w.oud = measure(&w, LOC_HEADER, NULL, false, NULL);
    sw_opgave *og = NULL;
    sw_diag d = {0};
    const char *text = "gemeentecode,opgave\nGM0001,4\n";
    ck_assert_int_eq(sw_opgave_load(&og, w.reg, NULL, "o.csv", text, strlen(text), NULL, &d), 0);
    sw_measure_options mo = SW_MEASURE_OPTIONS_INIT;
    ck_assert_int_eq(sw_measurement_compute(&w.nieuw, w.reg, w.cy, og, "l.csv", LOC_HEADER,
                                            strlen(LOC_HEADER), &mo, &d),
                     0);
    ck_assert_int_eq(sw_compare(&w.c, w.oud, w.nieuw, NULL, &d), SW_EUSAGE);
    ck_assert_ptr_null(w.c);
    destroy(&w);
    sw_opgave_free(og);
}
END_TEST

/* ---- properties ---- */

/* Random locations over the five test gemeenten; few names, so that keys
 * repeat and come and go between two registers. */
static char *random_locations(unsigned seed, size_t n)
{
    static const char *soort[] = {"regulier", "amv", "bijzonder", "aanmeld", "nood"};
    static const char *status[] = {"", "gerealiseerd", "toegezegd", "gepland", "afgewezen"};
    static const char *naam[] = {"", "", "Azc", "Hotel", "Unit", "Paviljoen"};
    char *text = malloc(96 + n * 128);
    strcpy(text, LOC_HEADER);
    srand(seed);
    for (size_t i = 0; i < n; i++) {
        char row[128];
        int tot = rand() % 3;
        snprintf(row, sizeof row, "GM%04d,%s,%d,,%s,202%d-0%d-01,%s,%s\n", 1 + rand() % 5,
                 naam[rand() % 6], 1 + rand() % 40, soort[rand() % 5], 3 + rand() % 2,
                 1 + rand() % 9,
                 tot == 0   ? ""
                 : tot == 1 ? "2025-09-02"
                            : "2031-01-01",
                 status[rand() % 5]);
        strcat(text, row);
    }
    return text;
}

START_TEST(a_register_compared_with_itself_shows_no_change)
{
    for (unsigned seed = 1; seed <= 60; seed++) {
        char *loc = random_locations(seed, 1 + seed % 30);
        world w = compare(loc, NULL, loc, NULL, seed % 2 == 0, NULL);
        const sw_comparison *c = w.c;
        ck_assert_int_eq(c->ngemeenten_changed, 0);
        ck_assert_int_eq(c->nprov_changed, 0);
        ck_assert_int_eq(c->nloc_changed, 0);
        ck_assert_int_eq(c->ndubbel_oud, c->ndubbel_nieuw);
        sw_report *r = report(&w, false, true);
        sw_value v[64];
        sw_scratch s;
        for (size_t k = 0; k < r->ntables; k++) {
            const sw_table *t = &r->table[k];
            if (strcmp(t->key, "wijzigingen") == 0) {
                ck_assert_int_eq(t->nrows, 0);
                continue;
            }
            for (size_t row = 0; row < t->nrows; row++) {
                ck_assert_int_eq(sw_table_row(t, row, v, &s), 0);
                for (size_t col = 0; col < t->ncols; col++) {
                    if (!strstr(t->col[col].name, "_verschil"))
                        continue;
                    const sw_value *x = &v[col];
                    if (t->col[col].kind == SW_KIND_TEXT)
                        ck_assert(!x->set);
                    else if (t->col[col].kind == SW_KIND_PERCENT)
                        ck_assert(!x->set || x->num == 0);
                    else
                        ck_assert_msg(x->set && x->i == 0, "%s", t->col[col].name);
                }
            }
        }
        sw_report_free(r);
        r = report(&w, true, false);
        ck_assert_int_eq(table(r, "gemeenten")->nrows, 0);
        ck_assert_int_eq(table(r, "locaties")->nrows, 0);
        sw_report_free(r);
        destroy(&w);
        free(loc);
    }
}
END_TEST

static bool is(const sw_value *v, const char *s)
{
    return v->set && strcmp(v->s, s) == 0;
}

/* Table `key` of a and b row by row: `_oud` and `_nieuw` trade places, and
 * every `_verschil` is negated (gewonnen and verloren trade places). */
static void negated(const sw_report *a, const sw_report *b, const char *key)
{
    const sw_table *ta = table(a, key), *tb = table(b, key);
    ck_assert_int_eq(ta->nrows, tb->nrows);
    ck_assert_int_eq(ta->ncols, tb->ncols);
    sw_value va[64], vb[64];
    sw_scratch sa, sb;
    char x[128], y[128];
    for (size_t row = 0; row < ta->nrows; row++) {
        ck_assert_int_eq(sw_table_row(ta, row, va, &sa), 0);
        ck_assert_int_eq(sw_table_row(tb, row, vb, &sb), 0);
        for (size_t col = 0; col < ta->ncols; col++) {
            const sw_column *c = &ta->col[col];
            const char *name = c->name;
            size_t len = strlen(name);
            if (len > 4 && strcmp(name + len - 4, "_oud") == 0) {
                /* its _nieuw twin is the next column */
                ck_assert_str_eq(sw_format_machine(x, sizeof x, c, &va[col], '.'),
                                 sw_format_machine(y, sizeof y, c, &vb[col + 1], '.'));
            } else if (len > 9 && strcmp(name + len - 9, "_verschil") == 0) {
                const sw_value *p = &va[col], *q = &vb[col];
                ck_assert_int_eq(p->set, q->set);
                if (!p->set)
                    continue;
                if (c->kind == SW_KIND_TEXT)
                    ck_assert(is(p, "gewonnen") ? is(q, "verloren") : is(q, "gewonnen"));
                else if (c->kind == SW_KIND_PERCENT)
                    ck_assert(p->num * q->den == -q->num * p->den);
                else
                    ck_assert_msg(p->i == -q->i, "%s: %lld and %lld", name, (long long)p->i,
                                  (long long)q->i);
            } else if (!strstr(name, "_nieuw") && strcmp(name, "wijziging") != 0 &&
                       strcmp(name, "soort") != 0) {
                /* the keys are the same rows */
                ck_assert_str_eq(sw_format_machine(x, sizeof x, c, &va[col], '.'),
                                 sw_format_machine(y, sizeof y, c, &vb[col], '.'));
            }
        }
    }
}

START_TEST(swapping_the_sides_negates_every_difference)
{
    static const char *const dates[] = {NULL, "2025-01-01", "2025-09-01", "2026-03-01"};
    for (unsigned seed = 1; seed <= 60; seed++) {
        char *a = random_locations(seed, 1 + seed % 25);
        char *b = random_locations(seed * 7919u, 1 + (seed * 3) % 25);
        const char *da = dates[seed % 4], *db = dates[(seed / 4) % 4];
        bool grants = seed % 3 != 0;
        world ab = compare(a, da, b, db, grants, NULL), ba = compare(b, db, a, da, grants, NULL);
        ck_assert_int_eq(ab.c->ngemeenten_changed, ba.c->ngemeenten_changed);
        for (size_t i = 0; i < ab.c->n; i++) {
            ck_assert_int_eq(ab.c->gemeente[i].totaal, -ba.c->gemeente[i].totaal);
            ck_assert_int_eq(ab.c->gemeente[i].status == SW_FLIP_GEWONNEN,
                             ba.c->gemeente[i].status == SW_FLIP_VERLOREN);
        }
        sw_report *ra = report(&ab, false, true), *rb = report(&ba, false, true);
        negated(ra, rb, "gemeenten");
        negated(ra, rb, "provincies");
        negated(ra, rb, "locaties");
        sw_report_free(ra);
        sw_report_free(rb);
        destroy(&ab);
        destroy(&ba);
        free(a);
        free(b);
    }
}
END_TEST

START_TEST(one_file_at_two_dates_is_kept_once_and_matched_alike)
{
    for (unsigned seed = 1; seed <= 40; seed++) {
        char *loc = random_locations(seed, 1 + seed % 30);
        world w = compare(loc, "2024-06-01", loc, "2025-10-01", seed % 2 == 0, NULL);
        /* The same, with only the new side's rows: the old verdicts found
         * again under the old side's rules. */
        sw_measure_options mo = SW_MEASURE_OPTIONS_INIT;
        mo.with_grants = seed % 2 == 0;
        mo.progress.has_peildatum = true;
        mo.progress.peildatum = (sw_date){2024, 6, 1};
        sw_measurement *oud = NULL;
        sw_comparison *c = NULL;
        sw_diag d = {0};
        ck_assert_int_eq(
            sw_measurement_compute(&oud, w.reg, w.cy, NULL, "l.csv", loc, strlen(loc), &mo, &d), 0);
        ck_assert_int_eq(oud->kept->n, 0);
        sw_compare_options o = {true, true};
        ck_assert_int_eq(sw_compare(&c, oud, w.nieuw, &o, &d), 0);
        ck_assert_int_eq(c->nloc, w.c->nloc);
        ck_assert_int_eq(c->nloc_changed, w.c->nloc_changed);
        for (size_t k = 0; k < c->nloc; k++) {
            const sw_loc_match *a = &c->loc[k], *b = &w.c->loc[k];
            ck_assert_int_eq(a->wat, b->wat);
            ck_assert_str_eq(a->locatie, b->locatie);
            ck_assert_int_eq(a->oud.geteld, b->oud.geteld);
            ck_assert_int_eq(a->nieuw.geteld, b->nieuw.geteld);
            ck_assert_int_eq(a->oud.plaatsen, b->oud.plaatsen);
        }
        sw_comparison_free(c);
        sw_measurement_free(oud);
        destroy(&w);
        free(loc);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("compare");
    TCase *tc = tcase_create("compare");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, a_gemeente_loses_eligibility_and_a_province_crosses_the_threshold);
    tcase_add_test(tc, progress_shows_the_difference_of_the_shown_percentages);
    tcase_add_test(tc, a_key_twice_is_compared_as_a_group);
    tcase_add_test(tc, the_sides_must_share_the_opgave);
    tcase_add_test(tc, a_register_compared_with_itself_shows_no_change);
    tcase_add_test(tc, swapping_the_sides_negates_every_difference);
    tcase_add_test(tc, one_file_at_two_dates_is_kept_once_and_matched_alike);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
