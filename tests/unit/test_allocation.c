/* Allocation (rekenregels §3, §7): hand-worked cases, the published amv
 * figures, policies, and properties over random registers. The expected
 * numbers are worked out in tests/README.md. */
#include <stdio.h>

#include "support.h"

static sw_allocation *allocate(const sw_register *reg, const sw_cycle *cy,
                               const sw_alloc_options *o)
{
    sw_allocation *a = NULL;
    sw_diag d = {0};
    int rc = sw_allocation_compute(&a, reg, cy, o, &d);
    ck_assert_msg(rc == 0, "allocate: %s", first_message(&d));
    return a;
}

START_TEST(provincial_mode_divides_each_opgave_exactly)
{
    sw_cycle *cy = load_cycle(TEST_CYCLE);
    sw_register *reg = load_register(TEST_REGISTER);
    sw_allocation *a = allocate(reg, cy, NULL);
    ck_assert_int_eq(a->mode, SW_MODE_PROVINCIAL);
    ck_assert_int_eq(a->weging, SW_WEGING_INWONERS);
    static const int64_t T[] = {5, 3, 2, 4, 3}, amv[] = {1, 1, 0, 1, 1};
    for (size_t i = 0; i < 5; i++) {
        ck_assert_int_eq(a->row[i].opgave, T[i]);
        ck_assert_int_eq(a->row[i].opgave_amv, amv[i]);
    }
    /* q = 10 × 450 / 1000 = 4.5 exactly */
    ck_assert(a->row[0].quotum_num == 4500 * (sw_i128)SW_MICRO &&
              a->row[0].quotum_den == 1000 * (sw_i128)SW_MICRO);
    ck_assert_int_eq(a->row[0].amv_method, SW_AMV_LARGEST_REMAINDER);
    ck_assert_int_eq(a->row[3].amv_method, SW_AMV_HALF_UP);
    ck_assert_int_eq(a->prov[0].opgave, 10);
    ck_assert_int_eq(a->prov[1].opgave, 7);
    ck_assert_int_eq(a->prov[0].opgave_amv, 2);
    ck_assert(a->prov[0].official_amv && !a->prov[1].official_amv);
    sw_allocation_free(a);
    sw_register_free(reg);
    sw_cycle_free(cy);
}
END_TEST

START_TEST(national_mode_half_up_and_largest_remainder)
{
    sw_cycle *cy = load_cycle(TEST_CYCLE);
    sw_register *reg = load_register(TEST_REGISTER);
    sw_alloc_options o = SW_ALLOC_OPTIONS_INIT;
    o.mode = SW_MODE_NATIONAL;
    o.has_capaciteit = true;
    o.capaciteit = 18; /* q = 4.05, 3.15, 1.8, 5.4, 3.6 */
    sw_allocation *a = allocate(reg, cy, &o);
    static const int64_t half_up[] = {4, 3, 2, 5, 4}; /* Σ 18 */
    for (size_t i = 0; i < 5; i++)
        ck_assert_int_eq(a->row[i].opgave, half_up[i]);
    sw_allocation_free(a);
    o.capaciteit = 11; /* q = 2.475, 1.925, 1.1, 3.3, 2.2: half-up 2,2,1,3,2 = 10 */
    a = allocate(reg, cy, &o);
    ck_assert_int_eq(a->totaal, 10);
    sw_allocation_free(a);
    o.afronding = SW_ROUND_LARGEST_REMAINDER; /* floors 2,1,1,3,2 = 9; +1 to .925, .475 */
    a = allocate(reg, cy, &o);
    static const int64_t lr[] = {3, 2, 1, 3, 2};
    for (size_t i = 0; i < 5; i++)
        ck_assert_int_eq(a->row[i].opgave, lr[i]);
    ck_assert_int_eq(a->totaal, 11);
    ck_assert_int_eq(a->prov[0].opgave, 6);
    ck_assert_int_eq(a->prov[1].opgave, 5);
    sw_allocation_free(a);
    sw_register_free(reg);
    sw_cycle_free(cy);
}
END_TEST

START_TEST(published_amv_figures_are_reproduced)
{
    /* A register whose quota are whole (C = Σ inwoners = 96 000), so that
     * T_i is the published opgave and amv = ⌊T × 8140 / 96000 + ½⌋. */
    const char *text = "gemeentecode,gemeentenaam,provinciecode,inwoners\n"
                       "GM0479,Zaanstad,PV20,818\n"
                       "GM0880,Wormerland,PV20,98\n"
                       "GM0431,Oostzaan,PV20,62\n"
                       "GM0001,Gelderland,PV21,11704\n"
                       "GM0002,Rest,PV21,83318\n";
    const char *cycle = "parameter,waarde,status,bron\n"
                        "jaar,2024,beleid,t\ncapaciteitsraming,96000,beleid,t\n"
                        "amv,8140,beleid,t\npeildatum,2025-07-01,beleid,t\n"
                        "afronding,half-up,beleid,t\nses-ontbrekend,fout,beleid,t\n"
                        "drempel,75,beleid,t\nduurzaam-jaren,5,beleid,t\n"
                        "aanmeld-telt,ja,beleid,t\nlid3,provinciale-drempel,beleid,t\n"
                        "lid3-grondslag,per-plaats,beleid,t\nlid2b-minimum,100,beleid,t\n"
                        "tarief.lid2b.duurzaam,2500,beleid,t\n"
                        "tarief.lid3.duurzaam,4000,beleid,t\n"
                        "tarief.lid3.niet-duurzaam,1500,beleid,t\n"
                        "provincie.PV20.naam,X,beleid,t\nprovincie.PV21.naam,Y,beleid,t\n";
    sw_cycle *cy = load_cycle(cycle);
    sw_register *reg = load_register(text);
    sw_allocation *a = allocate(reg, cy, NULL);
    ck_assert_int_eq(a->mode, SW_MODE_NATIONAL); /* no provincial figures */
    static const struct { int code; int64_t T, amv; } pub[] = {
        {479, 818, 69}, {880, 98, 8}, {431, 62, 5}, {1, 11704, 992}};
    for (size_t k = 0; k < 4; k++) {
        const sw_alloc_row *r = &a->row[sw_register_find(reg, pub[k].code)];
        ck_assert_int_eq(r->opgave, pub[k].T);
        ck_assert_int_eq(r->opgave_amv, pub[k].amv);
    }
    sw_allocation_free(a);
    sw_register_free(reg);
    sw_cycle_free(cy);
}
END_TEST

START_TEST(ses_scores_weight_the_inhabitants)
{
    sw_cycle *cy = load_cycle(TEST_CYCLE);
    sw_register *reg = load_register(TEST_REGISTER);
    const char *ses = "gemeentecode;ses_woa\n1;0,1\n2;-0,2\n3;0\n4;0.5\n5;-0.5\n";
    apply_figures(reg, SW_FIGURE_SES, "s.csv", ses);
    sw_allocation *a = allocate(reg, cy, NULL);
    ck_assert_int_eq(a->weging, SW_WEGING_INWONERS_SES);
    /* w = 495, 280, 200 (Σ 975): q = 5.0769, 2.8718, 2.0513 → 5, 3, 2.
     * w = 900, 200 (Σ 1100): q = 5.7273, 1.2727 → 6, 1. */
    ck_assert(a->row[0].gewicht == 495 * (sw_i128)SW_MICRO);
    static const int64_t T[] = {5, 3, 2, 6, 1};
    for (size_t i = 0; i < 5; i++)
        ck_assert_int_eq(a->row[i].opgave, T[i]);
    sw_allocation_free(a);
    sw_register_free(reg);
    sw_cycle_free(cy);
}
END_TEST

START_TEST(partial_scores_need_a_policy)
{
    sw_cycle *cy = load_cycle(TEST_CYCLE);
    sw_register *reg = load_register(TEST_REGISTER);
    const char *ses = "gemeentecode,ses_woa\n1,0.1\n";
    apply_figures(reg, SW_FIGURE_SES, "s.csv", ses);
    sw_diag d = {0};
    sw_allocation *a = NULL;
    ck_assert_int_eq(sw_allocation_compute(&a, reg, cy, NULL, &d), SW_EDATA);
    ck_assert_int_eq(d.total, 4);
    ck_assert_str_eq(first_message(&d), "s.csv: column 'ses_woa': GM0002 (A2) has no SES-WOA "
                                        "score while 1 of the 5 gemeenten have one; give every "
                                        "score, or choose --ses-ontbrekend nul to take a "
                                        "missing one as 0");
    sw_alloc_options o = SW_ALLOC_OPTIONS_INIT;
    o.ses_ontbrekend = SW_SES_NUL;
    a = allocate(reg, cy, &o);
    ck_assert_int_eq(a->ses_nul_count, 4);
    ck_assert(a->row[0].gewicht == 495 * (sw_i128)SW_MICRO);
    ck_assert(a->row[1].gewicht == 350 * (sw_i128)SW_MICRO);
    sw_allocation_free(a);
    sw_register_free(reg);
    sw_cycle_free(cy);
}
END_TEST

START_TEST(contradictory_options_are_usage_errors)
{
    sw_cycle *cy = load_cycle(TEST_CYCLE);
    sw_register *reg = load_register(TEST_REGISTER);
    sw_alloc_options o = SW_ALLOC_OPTIONS_INIT;
    sw_allocation *a = NULL;
    sw_diag d = {0};
    o.afronding = SW_ROUND_HALF_UP; /* provincial is the default here */
    ck_assert_int_eq(sw_allocation_compute(&a, reg, cy, &o, &d), SW_EUSAGE);
    o = (sw_alloc_options)SW_ALLOC_OPTIONS_INIT;
    o.has_capaciteit = true;
    o.capaciteit = 20;
    ck_assert_int_eq(sw_allocation_compute(&a, reg, cy, &o, &d), SW_EUSAGE);
    o = (sw_alloc_options)SW_ALLOC_OPTIONS_INIT;
    o.weging = SW_WEGING_INWONERS_SES; /* no scores at all */
    ck_assert_int_eq(sw_allocation_compute(&a, reg, cy, &o, &d), SW_EUSAGE);
    ck_assert_ptr_null(a);
    sw_register_free(reg);
    sw_cycle_free(cy);
}
END_TEST

START_TEST(register_and_cycle_must_agree_on_provinces)
{
    sw_cycle *cy = load_cycle(TEST_CYCLE);
    sw_register *reg = load_register("gemeentecode,gemeentenaam,provinciecode,inwoners\n"
                                     "GM0001,A1,PV20,10\nGM0009,Z,PV29,5\n");
    sw_allocation *a = NULL;
    sw_diag d = {0};
    ck_assert_int_eq(sw_allocation_compute(&a, reg, cy, NULL, &d), SW_EDATA);
    ck_assert_int_eq(d.total, 2);
    char buf[512];
    sw_diag_format(buf, sizeof buf, &d.entries[0]);
    ck_assert_str_eq(buf, "gemeenten.csv:3:3: column 'provinciecode': GM0009 is in PV29, "
                          "which is not a province of cycle 2024 (cyclus.csv)");
    sw_diag_format(buf, sizeof buf, &d.entries[1]);
    ck_assert_str_eq(buf, "cyclus.csv:21:1: column 'parameter': province PV21 (Beta) has an "
                          "opgave of 7 but the register (gemeenten.csv) has no gemeenten in it");
    sw_register_free(reg);
    sw_cycle_free(cy);
}
END_TEST

/* A random register of n gemeenten over PV20/PV21, rows in a random order. */
static char *random_register(unsigned seed, size_t n, bool shuffle)
{
    srand(seed);
    size_t *order = malloc(n * sizeof *order);
    long *inw = malloc(n * sizeof *inw);
    for (size_t i = 0; i < n; i++) {
        order[i] = i;
        inw[i] = rand() % 4 == 0 ? rand() % 50 : rand() % 900000;
    }
    inw[0] = inw[0] ? inw[0] : 1;
    inw[1] = inw[1] ? inw[1] : 1;
    if (shuffle)
        for (size_t i = n - 1; i > 0; i--) {
            size_t j = (size_t)rand() % (i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    char *text = malloc(64 + n * 48);
    size_t o = (size_t)sprintf(text, "gemeentecode,gemeentenaam,provinciecode,inwoners\n");
    for (size_t k = 0; k < n; k++) {
        size_t i = order[k];
        o += (size_t)sprintf(text + o, "GM%04zu,G%zu,PV%d,%ld\n", i + 1, i, 20 + (int)(i % 2),
                             inw[i]);
    }
    free(order);
    free(inw);
    return text;
}

START_TEST(zero_weight_divides_nothing_or_is_a_data_error)
{
    /* A province whose gemeenten all have 0 inwoners and opgave 0: nothing to
     * divide, so every opgave is 0 and every quotum 0/1 (no division by 0). */
    static const char cycle0[] =
        "parameter,waarde,status,bron\n"
        "jaar,2024,beleid,t\ncapaciteitsraming,0,beleid,t\npeildatum,2025-07-01,beleid,t\n"
        "afronding,half-up,beleid,t\nses-ontbrekend,fout,beleid,t\ndrempel,75,beleid,t\n"
        "duurzaam-jaren,5,beleid,t\naanmeld-telt,ja,beleid,t\n"
        "lid3,provinciale-drempel,beleid,t\nlid3-grondslag,per-plaats,beleid,t\n"
        "lid2b-minimum,100,beleid,t\ntarief.lid2b.duurzaam,2500,beleid,t\n"
        "tarief.lid3.duurzaam,4000,beleid,t\ntarief.lid3.niet-duurzaam,1500,beleid,t\n"
        "provincie.PV20.naam,Alfa,beleid,t\nprovincie.PV20.opgave,0,beleid,t\n";
    static const char reg0[] = "gemeentecode,gemeentenaam,provinciecode,inwoners\n"
                               "GM0001,A1,PV20,0\nGM0002,A2,PV20,0\n";
    sw_cycle *cy = load_cycle(cycle0);
    sw_register *reg = load_register(reg0);
    sw_allocation *a = allocate(reg, cy, NULL);
    for (size_t i = 0; i < 2; i++) {
        ck_assert_int_eq(a->row[i].opgave, 0);
        ck_assert(a->row[i].quotum_num == 0 && a->row[i].quotum_den == 1);
    }
    sw_allocation_free(a);
    /* National mode, capacity 0: the same. */
    sw_alloc_options o = SW_ALLOC_OPTIONS_INIT;
    o.mode = SW_MODE_NATIONAL;
    a = allocate(reg, cy, &o);
    ck_assert_int_eq(a->totaal, 0);
    ck_assert(a->row[1].quotum_den == 1);
    sw_allocation_free(a);
    /* Something to divide and no weight: a data error naming the province. */
    o = (sw_alloc_options)SW_ALLOC_OPTIONS_INIT;
    o.mode = SW_MODE_NATIONAL;
    o.has_capaciteit = true;
    o.capaciteit = 5;
    sw_diag d = {0};
    ck_assert_int_eq(sw_allocation_compute(&a, reg, cy, &o, &d), SW_EDATA);
    ck_assert_ptr_null(a);
    sw_cycle_free(cy);
    static const char cycle1[] =
        "parameter,waarde,status,bron\n"
        "jaar,2024,beleid,t\ncapaciteitsraming,5,beleid,t\npeildatum,2025-07-01,beleid,t\n"
        "afronding,half-up,beleid,t\nses-ontbrekend,fout,beleid,t\ndrempel,75,beleid,t\n"
        "duurzaam-jaren,5,beleid,t\naanmeld-telt,ja,beleid,t\n"
        "lid3,provinciale-drempel,beleid,t\nlid3-grondslag,per-plaats,beleid,t\n"
        "lid2b-minimum,100,beleid,t\ntarief.lid2b.duurzaam,2500,beleid,t\n"
        "tarief.lid3.duurzaam,4000,beleid,t\ntarief.lid3.niet-duurzaam,1500,beleid,t\n"
        "provincie.PV20.naam,Alfa,beleid,t\nprovincie.PV20.opgave,5,beleid,t\n";
    cy = load_cycle(cycle1);
    sw_diag_clear(&d);
    ck_assert_int_eq(sw_allocation_compute(&a, reg, cy, NULL, &d), SW_EDATA);
    ck_assert_str_eq(first_message(&d), "cyclus.csv:17:1: column 'parameter': province PV20 "
                                        "(Alfa) has an opgave of 5 but its gemeenten have no "
                                        "inwoners to divide it by");
    sw_register_free(reg);
    sw_cycle_free(cy);
}
END_TEST

START_TEST(sums_that_do_not_fit_are_errors_never_wrapped)
{
    sw_cycle *cy = load_cycle(TEST_CYCLE);
    /* Half-up at C = 2^63 − 1 over two equal weights: each quotum is C/2,
     * which ends in .5 and rounds up, so the opgaven add up to C + 1. */
    sw_register *reg = load_register("gemeentecode,gemeentenaam,provinciecode,inwoners\n"
                                     "GM0001,A1,PV20,1\nGM0004,B1,PV21,1\n");
    sw_alloc_options o = SW_ALLOC_OPTIONS_INIT;
    o.mode = SW_MODE_NATIONAL;
    o.has_capaciteit = true;
    o.capaciteit = INT64_MAX;
    o.has_amv = true;
    o.amv = 0;
    sw_allocation *a = NULL;
    sw_diag d = {0};
    ck_assert_int_eq(sw_allocation_compute(&a, reg, cy, &o, &d), SW_EOVERFLOW);
    ck_assert_ptr_null(a);
    ck_assert_str_eq(first_message(&d), "--capaciteit 9223372036854775807: the opgaven add up "
                                        "to more than 9223372036854775807, the largest number "
                                        "counted exactly");
    sw_register_free(reg);
    /* Province inwoners that overflow: located at the gemeente that does it. */
    reg = load_register("gemeentecode,gemeentenaam,provinciecode,inwoners\n"
                        "GM0001,A1,PV20,9223372036854775807\nGM0002,A2,PV20,1\n"
                        "GM0004,B1,PV21,1\n");
    sw_diag_clear(&d);
    ck_assert_int_eq(sw_allocation_compute(&a, reg, cy, NULL, &d), SW_EOVERFLOW);
    ck_assert_str_eq(first_message(&d), "gemeenten.csv:3:4: column 'inwoners': the inwoners add "
                                        "up to more than 9223372036854775807, the largest "
                                        "number counted exactly");
    sw_register_free(reg);
    sw_cycle_free(cy);
}
END_TEST

START_TEST(an_amv_override_wins_over_the_provincial_figures)
{
    /* --amv 0: the official PV20 figure (2) is not divided; every amv is
     * ⌊T·0/17 + ½⌋ = 0. */
    sw_cycle *cy = load_cycle(TEST_CYCLE);
    sw_register *reg = load_register(TEST_REGISTER);
    sw_alloc_options o = SW_ALLOC_OPTIONS_INIT;
    o.has_amv = true;
    o.amv = 0;
    sw_allocation *a = allocate(reg, cy, &o);
    ck_assert(a->amv_override);
    ck_assert_int_eq(a->totaal_amv, 0);
    for (size_t i = 0; i < 5; i++) {
        ck_assert_int_eq(a->row[i].opgave_amv, 0);
        ck_assert_int_eq(a->row[i].amv_method, SW_AMV_HALF_UP);
    }
    ck_assert(!a->prov[0].official_amv);
    sw_allocation_free(a);
    sw_register_free(reg);
    sw_cycle_free(cy);
}
END_TEST

START_TEST(properties_hold_over_random_registers)
{
    sw_cycle *cy = load_cycle(TEST_CYCLE);
    for (unsigned seed = 1; seed <= 300; seed++) {
        size_t n = 2 + seed % 60;
        char *t1 = random_register(seed, n, false);
        char *t2 = random_register(seed, n, true);
        sw_register *r1 = load_register(t1), *r2 = load_register(t2);
        sw_alloc_options o = SW_ALLOC_OPTIONS_INIT;
        for (int mode = 0; mode < 3; mode++) {
            o.mode = mode == 0 ? SW_MODE_PROVINCIAL : SW_MODE_NATIONAL;
            o.afronding = mode == 0 ? 0 : mode == 1 ? SW_ROUND_LARGEST_REMAINDER : SW_ROUND_HALF_UP;
            o.has_capaciteit = mode != 0;
            o.capaciteit = 1000 + seed * 37;
            sw_allocation *a = allocate(r1, cy, &o), *b = allocate(r2, cy, &o);
            int64_t sum[2] = {0, 0};
            for (size_t i = 0; i < n; i++) {
                const sw_alloc_row *r = &a->row[i];
                ck_assert_int_eq(r->opgave, b->row[i].opgave); /* row order is irrelevant */
                ck_assert_int_eq(r->opgave_amv, b->row[i].opgave_amv);
                sw_i128 lo = r->quotum_num / r->quotum_den;
                sw_i128 hi = lo + (r->quotum_num % r->quotum_den != 0);
                ck_assert(r->opgave == lo || r->opgave == hi);
                sum[r1->gemeente[i].provincie - 20] += r->opgave;
            }
            if (mode == 0) {
                ck_assert_int_eq(sum[0], 10);
                ck_assert_int_eq(sum[1], 7);
                ck_assert_int_eq(a->prov[0].opgave_amv, 2);
            } else if (mode == 1) {
                ck_assert_int_eq(sum[0] + sum[1], o.capaciteit);
            }
            sw_allocation_free(a);
            sw_allocation_free(b);
        }
        sw_register_free(r1);
        sw_register_free(r2);
        free(t1);
        free(t2);
    }
    sw_cycle_free(cy);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("allocation");
    TCase *tc = tcase_create("allocation");
    tcase_add_test(tc, provincial_mode_divides_each_opgave_exactly);
    tcase_add_test(tc, national_mode_half_up_and_largest_remainder);
    tcase_add_test(tc, published_amv_figures_are_reproduced);
    tcase_add_test(tc, ses_scores_weight_the_inhabitants);
    tcase_add_test(tc, partial_scores_need_a_policy);
    tcase_add_test(tc, contradictory_options_are_usage_errors);
    tcase_add_test(tc, register_and_cycle_must_agree_on_provinces);
    tcase_add_test(tc, properties_hold_over_random_registers);
    tcase_add_test(tc, zero_weight_divides_nothing_or_is_a_data_error);
    tcase_add_test(tc, sums_that_do_not_fit_are_errors_never_wrapped);
    tcase_add_test(tc, an_amv_override_wins_over_the_provincial_figures);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
