/* Locations, counting and the threshold (rekenregels §4, §7.7), and the grants
 * (§5, §7.8): hand-worked cases and properties. */
#include <stdio.h>

#include "support.h"

typedef struct world {
    sw_cycle *cy;
    sw_register *reg;
    sw_opgave *og;
    sw_locaties *loc;
    sw_progress *p;
    sw_grants *g;
} world;

#define LOC_HEADER "gemeentecode,locatie,plaatsen,amv_plaatsen,soort,vanaf,tot,status\n"

/* The test cycle and register; opgave from a file when `opgave` is given,
 * else from the allocation (T = 5, 3, 2, 4, 3). */
static world build(const char *opgave, const char *locaties, const sw_progress_options *po,
                   const sw_grant_options *go)
{
    world w = {0};
    w.cy = load_cycle(TEST_CYCLE);
    w.reg = load_register(TEST_REGISTER);
    sw_diag d = {0};
    if (opgave) {
        ck_assert_int_eq(sw_opgave_load(&w.og, w.reg, NULL, "o.csv", opgave, strlen(opgave), NULL, &d), 0);
    } else {
        sw_allocation *a = NULL;
        ck_assert_int_eq(sw_allocation_compute(&a, w.reg, w.cy, NULL, &d), 0);
        ck_assert_int_eq(sw_opgave_from_allocation(&w.og, a), 0);
        sw_allocation_free(a);
    }
    int rc = sw_locaties_load(&w.loc, w.reg, "l.csv", locaties, strlen(locaties), NULL, &d);
    ck_assert_msg(rc == 0, "locaties: %s", first_message(&d));
    ck_assert_int_eq(sw_progress_compute(&w.p, w.reg, w.cy, w.og, w.loc, po, &d), 0);
    rc = sw_grants_compute(&w.g, w.reg, w.cy, w.p, go, &d);
    ck_assert_msg(rc == 0, "grants: %s", first_message(&d));
    return w;
}

static void destroy(world *w)
{
    sw_grants_free(w->g);
    sw_progress_free(w->p);
    sw_locaties_free(w->loc);
    sw_opgave_free(w->og);
    sw_register_free(w->reg);
    sw_cycle_free(w->cy);
}

START_TEST(exactly_75_percent_meets_the_threshold_one_place_less_does_not)
{
    const char *opgave = "gemeentecode,opgave\nGM0001,4\n";
    world w = build(opgave, LOC_HEADER "GM0001,a,3,,regulier,2024-01-01,,\n", NULL, NULL);
    ck_assert_int_eq(w.p->nprov, 1);
    ck_assert(w.p->prov[0].gehaald); /* 100·3 = 300 ≥ 75·4 = 300 */
    ck_assert_int_eq(w.p->prov[0].tekort_drempel, 0);
    ck_assert_int_eq(w.p->prov[0].tekort_100, 1);
    ck_assert(w.g->row[0].in_aanmerking);
    ck_assert_int_eq(w.g->row[0].bedrag_lid3, 3 * 400000);
    destroy(&w);
    w = build(opgave, LOC_HEADER "GM0001,a,2,,regulier,2024-01-01,,\n", NULL, NULL);
    ck_assert(!w.p->prov[0].gehaald); /* 200 < 300 */
    ck_assert_int_eq(w.p->prov[0].tekort_drempel, 1);
    ck_assert(!w.g->row[0].in_aanmerking);
    ck_assert_int_eq(w.g->row[0].bedrag_lid3, 0);
    ck_assert_int_eq(w.g->row[0].potentieel_lid3, 2 * 400000);
    destroy(&w);
}
END_TEST

START_TEST(threshold_shortfall_rounds_up)
{
    /* O = 7: 75 % is 5.25 places, so 6 are needed. */
    const char *opgave = "gemeentecode,opgave\nGM0004,7\n";
    world w = build(opgave, LOC_HEADER "GM0004,a,5,,regulier,2024-01-01,,\n", NULL, NULL);
    ck_assert(!w.p->prov[0].gehaald);
    ck_assert_int_eq(w.p->prov[0].tekort_drempel, 1);
    destroy(&w);
}
END_TEST

START_TEST(only_nood_places_count_for_nothing)
{
    world w = build(NULL, LOC_HEADER "GM0003,nood,500,,nood,2020-01-01,,gerealiseerd\n", NULL, NULL);
    ck_assert_int_eq(w.p->row[2].geteld, 0);
    ck_assert_int_eq(w.loc->loc[0].verdict, SW_NIET_NOOD);
    ck_assert(!w.g->row[2].in_aanmerking);
    ck_assert_int_eq(w.g->row[2].potentieel_lid3, 0);
    destroy(&w);
}
END_TEST

START_TEST(a_location_ending_on_the_peildatum_does_not_count)
{
    world w = build(NULL,
                    LOC_HEADER "GM0001,a,4,,regulier,2024-01-01,2025-07-01,\n"
                               "GM0001,b,3,,regulier,2024-01-01,2025-07-02,\n"
                               "GM0001,c,2,,regulier,2025-07-01,,\n"
                               "GM0001,d,1,,regulier,2025-07-02,,\n",
                    NULL, NULL);
    ck_assert_int_eq(w.loc->loc[0].verdict, SW_NIET_AFGELOPEN);
    ck_assert_int_eq(w.loc->loc[1].verdict, SW_TELT);
    ck_assert_int_eq(w.loc->loc[2].verdict, SW_TELT); /* vanaf on the peildatum counts */
    ck_assert_int_eq(w.loc->loc[3].verdict, SW_NIET_NOG_NIET);
    ck_assert_int_eq(w.p->row[0].geteld, 5);
    destroy(&w);
}
END_TEST

START_TEST(duurzaam_needs_five_full_years)
{
    world w = build(NULL,
                    LOC_HEADER "GM0001,a,1,,regulier,2024-01-01,2029-01-01,\n"
                               "GM0001,b,2,,regulier,2024-01-01,2028-12-31,\n"
                               "GM0001,c,4,,regulier,2024-02-29,2029-02-28,\n"
                               "GM0001,d,8,,regulier,2024-02-29,2029-02-27,\n"
                               "GM0001,e,16,,regulier,2024-02-29,,\n",
                    NULL, NULL);
    ck_assert(w.loc->loc[0].duurzaam);
    ck_assert(!w.loc->loc[1].duurzaam);
    ck_assert(w.loc->loc[2].duurzaam); /* from 29 February: 28 February, 5 years on */
    ck_assert(!w.loc->loc[3].duurzaam);
    ck_assert(w.loc->loc[4].duurzaam);
    ck_assert_int_eq(w.p->row[0].duurzaam, 1 + 4 + 16);
    ck_assert_int_eq(w.p->row[0].geteld, 31);
    /* lid 3 per plaats: 21 × 4000 + 10 × 1500 */
    ck_assert_int_eq(w.g->row[0].potentieel_lid3, 21 * 400000 + 10 * 150000);
    destroy(&w);
}
END_TEST

START_TEST(status_soort_and_amv_rules)
{
    sw_progress_options po = {0};
    const char *l = LOC_HEADER "GM0004,a,3,,aanmeld,2024-01-01,,\n"
                               "GM0004,b,5,,amv,2024-01-01,,\n"
                               "GM0004,c,7,,regulier,2024-01-01,,gepland\n"
                               "GM0004,d,11,,regulier,2024-01-01,,toegezegd\n";
    world w = build(NULL, l, &po, NULL);
    ck_assert_int_eq(w.p->row[3].geteld, 3 + 5 + 11);
    ck_assert_int_eq(w.p->row[3].geteld_amv, 5); /* empty amv_plaatsen of soort amv: all */
    ck_assert(!w.p->scenario);
    destroy(&w);
    po.aanmeld_telt = SW_NEE;
    po.include_planned = true;
    w = build(NULL, l, &po, NULL);
    ck_assert_int_eq(w.p->row[3].geteld, 5 + 7 + 11);
    ck_assert(w.p->scenario);
    destroy(&w);
}
END_TEST

START_TEST(budget_cents_are_divided_exactly)
{
    /* €100.00 over 1:1:1 contributors: 3333 each and one cent to the tie
     * winner: equal r_i, so the lowest code. */
    sw_budget b = {20, 10000};
    sw_grant_options go = {.grondslag = SW_GRONDSLAG_BUDGET, .budget = &b, .nbudget = 1};
    world w = build("gemeentecode,opgave\n1,1\n2,1\n3,1\n",
                    LOC_HEADER "3,a,1,,regulier,2024-01-01,,\n2,b,1,,regulier,2024-01-01,,\n"
                               "1,c,1,,regulier,2024-01-01,,\n",
                    NULL, &go);
    ck_assert_int_eq(w.g->row[0].bedrag_lid3, 3334);
    ck_assert_int_eq(w.g->row[1].bedrag_lid3, 3333);
    ck_assert_int_eq(w.g->row[2].bedrag_lid3, 3333);
    ck_assert_int_eq(w.g->prov[0].bedrag_lid3, 10000);
    destroy(&w);
}
END_TEST

START_TEST(per_gemeente_pays_a_contributor_below_the_threshold)
{
    sw_grant_options go = {.lid3 = SW_LID3_PER_GEMEENTE};
    world w = build(NULL, LOC_HEADER "GM0004,a,1,,regulier,2024-01-01,,\n", NULL, &go);
    ck_assert(!w.p->prov[1].gehaald);
    ck_assert(w.g->row[3].in_aanmerking);
    ck_assert_int_eq(w.g->row[3].bedrag_lid3, 400000);
    ck_assert(!w.g->row[4].in_aanmerking); /* no places, no grant */
    destroy(&w);
}
END_TEST

START_TEST(lid2b_needs_the_minimum_of_duurzame_places)
{
    world w = build(NULL,
                    LOC_HEADER "GM0001,a,100,,regulier,2024-01-01,,\n"
                               "GM0002,b,99,,regulier,2024-01-01,,\n"
                               "GM0002,c,50,,regulier,2024-01-01,2025-12-31,\n",
                    NULL, NULL);
    ck_assert(w.g->row[0].lid2b);
    ck_assert_int_eq(w.g->row[0].bedrag_lid2b, 100 * 250000);
    ck_assert_int_eq(w.g->row[0].totaal, 100 * 250000 + 100 * 400000);
    ck_assert(!w.g->row[1].lid2b); /* 149 counted, 99 duurzaam */
    ck_assert_int_eq(w.g->row[1].bedrag_lid2b, 0);
    destroy(&w);
}
END_TEST

START_TEST(bad_location_rows_are_all_reported)
{
    sw_register *reg = load_register(TEST_REGISTER);
    const char *text = LOC_HEADER "GM0001,a,0,,regulier,2024-01-01,,\n"
                                  "GM0001,b,5,6,regulier,2024-01-01,,\n"
                                  "GM0001,c,5,,regulier,2024-13-01,,\n";
    sw_locaties *loc = NULL;
    sw_diag d = {0};
    ck_assert_int_eq(sw_locaties_load(&loc, reg, "l.csv", text, strlen(text), NULL, &d), SW_EDATA);
    ck_assert_ptr_null(loc);
    ck_assert_int_eq(d.total, 3);
    ck_assert_str_eq(first_message(&d),
                     "l.csv:2:3: column 'plaatsen': value '0' is not a positive number of places");
    const char *minimal = "gemeentecode;plaatsen;soort;vanaf\r\n344;1.200;Regulier;2024-01-01\r\n";
    sw_register_free(reg);
    reg = load_register("gemeentecode,gemeentenaam,provinciecode,inwoners\nGM0344,U,PV26,1\n");
    ck_assert_int_eq(sw_locaties_load(&loc, reg, "m.csv", minimal, strlen(minimal), NULL, &d), 0);
    ck_assert_int_eq(loc->n, 1);
    ck_assert_int_eq(loc->loc[0].plaatsen, 1200);
    ck_assert_int_eq(loc->loc[0].status, SW_LOC_GEREALISEERD);
    sw_locaties_free(loc);
    sw_register_free(reg);
}
END_TEST

/* Random locations over the five test gemeenten (fixed seed). */
static char *random_locations(unsigned seed, size_t n, bool reverse, int bump_row, int bump)
{
    static const char *soort[] = {"regulier", "amv", "bijzonder", "aanmeld", "nood"};
    static const char *status[] = {"", "gerealiseerd", "toegezegd", "gepland"};
    char **rows = calloc(n, sizeof *rows);
    srand(seed);
    for (size_t i = 0; i < n; i++) {
        rows[i] = malloc(128);
        int tot = rand() % 3;
        int plaatsen = 1 + rand() % 40 + ((int)i == bump_row ? bump : 0);
        snprintf(rows[i], 128, "GM%04d,l%zu,%d,,%s,20%02d-0%d-1%d,%s%s,%s\n", 1 + rand() % 5, i,
                 plaatsen, soort[rand() % 5], 20 + rand() % 8, 1 + rand() % 9, rand() % 10,
                 tot == 0 ? "" : "2031-01-0", tot == 0 ? "" : (tot == 1 ? "1" : "2"),
                 status[rand() % 4]);
    }
    char *text = malloc(64 + n * 128);
    strcpy(text, LOC_HEADER);
    for (size_t i = 0; i < n; i++) {
        strcat(text, rows[reverse ? n - 1 - i : i]);
        free(rows[reverse ? n - 1 - i : i]);
    }
    free(rows);
    return text;
}

START_TEST(grants_properties_hold_on_random_locations)
{
    for (unsigned seed = 1; seed <= 200; seed++) {
        size_t n = 1 + seed % 25;
        sw_budget b[2] = {{20, 1000 + seed * 7919}, {21, 99 + seed}};
        sw_grant_options go = {.grondslag = seed % 2 ? SW_GRONDSLAG_BUDGET : SW_GRONDSLAG_PER_PLAATS,
                               .budget = b, .nbudget = seed % 2 ? 2 : 0};
        char *t1 = random_locations(seed, n, false, -1, 0);
        char *t2 = random_locations(seed, n, true, -1, 0);
        world w1 = build(NULL, t1, NULL, &go), w2 = build(NULL, t2, NULL, &go);
        for (size_t k = 0; k < 2; k++) {
            /* budget shares add up to the budget exactly */
            if (go.grondslag == SW_GRONDSLAG_BUDGET && w1.p->prov[k].geteld > 0)
                ck_assert_int_eq(w1.g->prov[k].potentieel_lid3, b[k].cents);
            ck_assert_int_eq(w1.p->prov[k].geteld, w2.p->prov[k].geteld);
        }
        for (size_t i = 0; i < 5; i++) /* row order does not matter */
            ck_assert_int_eq(w1.g->row[i].totaal, w2.g->row[i].totaal);
        /* more places for one location's gemeente never lower its grant nor
         * unmeet a met threshold */
        size_t row = seed % n;
        char *t3 = random_locations(seed, n, false, (int)row, 17);
        world w3 = build(NULL, t3, NULL, &go);
        size_t g = (size_t)w1.loc->loc[row].gemeente;
        int k = w1.p->prov_of[g];
        if (go.grondslag == SW_GRONDSLAG_PER_PLAATS)
            ck_assert_int_ge(w3.g->row[g].totaal, w1.g->row[g].totaal);
        ck_assert_int_ge(w3.p->row[g].geteld, w1.p->row[g].geteld);
        if (w1.p->prov[k].gehaald)
            ck_assert(w3.p->prov[k].gehaald);
        destroy(&w1);
        destroy(&w2);
        destroy(&w3);
        free(t1);
        free(t2);
        free(t3);
    }
}
END_TEST

START_TEST(a_budget_without_grondslag_budget_is_a_usage_error)
{
    /* §7.10: the cycle's grondslag is per-plaats, so --budget has no use. */
    sw_cycle *cy = load_cycle(TEST_CYCLE);
    sw_register *reg = load_register(TEST_REGISTER);
    sw_allocation *a = NULL;
    sw_opgave *og = NULL;
    sw_progress *p = NULL;
    sw_grants *g = NULL;
    sw_diag d = {0};
    ck_assert_int_eq(sw_allocation_compute(&a, reg, cy, NULL, &d), 0);
    ck_assert_int_eq(sw_opgave_from_allocation(&og, a), 0);
    ck_assert_int_eq(sw_progress_compute(&p, reg, cy, og, NULL, NULL, &d), 0);
    sw_budget b = {20, 100};
    sw_grant_options go = {.budget = &b, .nbudget = 1};
    ck_assert_int_eq(sw_grants_compute(&g, reg, cy, p, &go, &d), SW_EUSAGE);
    ck_assert_ptr_null(g);
    go.grondslag = SW_GRONDSLAG_BUDGET;
    ck_assert_int_eq(sw_grants_compute(&g, reg, cy, p, &go, &d), 0);
    sw_grants_free(g);
    sw_progress_free(p);
    sw_opgave_free(og);
    sw_allocation_free(a);
    sw_register_free(reg);
    sw_cycle_free(cy);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("progress");
    TCase *tc = tcase_create("progress");
    tcase_add_test(tc, exactly_75_percent_meets_the_threshold_one_place_less_does_not);
    tcase_add_test(tc, threshold_shortfall_rounds_up);
    tcase_add_test(tc, only_nood_places_count_for_nothing);
    tcase_add_test(tc, a_location_ending_on_the_peildatum_does_not_count);
    tcase_add_test(tc, duurzaam_needs_five_full_years);
    tcase_add_test(tc, status_soort_and_amv_rules);
    tcase_add_test(tc, budget_cents_are_divided_exactly);
    tcase_add_test(tc, per_gemeente_pays_a_contributor_below_the_threshold);
    tcase_add_test(tc, lid2b_needs_the_minimum_of_duurzame_places);
    tcase_add_test(tc, bad_location_rows_are_all_reported);
    tcase_add_test(tc, grants_properties_hold_on_random_locations);
    tcase_add_test(tc, a_budget_without_grondslag_budget_is_a_usage_error);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
