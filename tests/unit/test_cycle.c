/* The cycle file: parameters, provinces, completeness. */
#include "support.h"

START_TEST(reads_the_test_cycle)
{
    sw_cycle *cy = load_cycle(TEST_CYCLE);
    ck_assert_int_eq(cy->jaar, 2024);
    ck_assert_int_eq(cy->capaciteit, 17);
    ck_assert(cy->has_amv && cy->amv == 3);
    ck_assert(cy->peildatum.y == 2025 && cy->peildatum.m == 7 && cy->peildatum.d == 1);
    ck_assert_int_eq(cy->afronding, SW_ROUND_HALF_UP);
    ck_assert_int_eq(cy->tarief[SW_TARIEF_LID3_DUURZAAM].cents, 400000);
    ck_assert_int_eq(cy->tarief[SW_TARIEF_LID3_DUURZAAM].param->status, SW_STATUS_GERAPPORTEERD);
    ck_assert_int_eq(cy->nprov, 2);
    ck_assert_str_eq(cy->provincie[0].naam, "Alfa");
    ck_assert(cy->provincie[0].has_amv && cy->provincie[0].opgave_amv == 2);
    ck_assert(!cy->provincie[1].has_amv);
    ck_assert(sw_cycle_has_opgaven(cy));
    ck_assert_int_eq(sw_cycle_lookup_provincie(cy, "beta"), 21);
    ck_assert_int_eq(sw_cycle_lookup_provincie(cy, "PV20"), 20);
    ck_assert_int_eq(sw_cycle_lookup_provincie(cy, "PV27"), SW_EDATA);
    sw_cycle_free(cy);
}
END_TEST

static const char *load_error(const char *text)
{
    sw_cycle *cy = NULL;
    static sw_diag d;
    memset(&d, 0, sizeof d);
    ck_assert_int_ne(sw_cycle_load(&cy, "c.csv", text, strlen(text), NULL, &d), 0);
    ck_assert_ptr_null(cy);
    return first_message(&d);
}

START_TEST(rejects_missing_unknown_repeated_and_malformed_parameters)
{
    /* The test cycle without its peildatum row is incomplete. */
    char *text = strdup(TEST_CYCLE);
    char *cut = strstr(text, "peildatum");
    memmove(cut, strstr(cut, "\n") + 1, strlen(strstr(cut, "\n") + 1) + 1);
    ck_assert_str_eq(load_error(text), "c.csv:20:1: column 'parameter': required parameter "
                                       "'peildatum' is missing");
    free(text);
    /* A required parameter may not be left empty. */
    text = strdup(TEST_CYCLE);
    cut = strstr(text, "drempel,75");
    memmove(cut + 8, cut + 10, strlen(cut + 10) + 1);
    ck_assert_str_eq(load_error(text), "c.csv:8:2: column 'waarde': value '' is empty, and this "
                                       "parameter is required");
    free(text);
    ck_assert_str_eq(load_error(TEST_CYCLE "drempl,75,beleid,x\n"),
                     "c.csv:22:1: column 'parameter': value 'drempl' is not a known parameter");
    ck_assert_str_eq(load_error(TEST_CYCLE "jaar,2026,beleid,x\n"),
                     "c.csv:22:1: column 'parameter': value 'jaar' is given twice");
    ck_assert_str_eq(load_error(TEST_CYCLE "provincie.PV22.naam,Gamma,beleid,\n"),
                     "c.csv:22:4: column 'bron': value '' is empty: every parameter needs its "
                     "source");
}
END_TEST

START_TEST(rejects_bad_values)
{
    char *text = strdup(TEST_CYCLE);
    memcpy(strstr(text, "2025-07-01"), "2025-02-30", 10);
    ck_assert_str_eq(load_error(text), "c.csv:5:2: column 'waarde': value '2025-02-30' is not "
                                       "a date that exists");
    free(text);
    text = strdup(TEST_CYCLE);
    memcpy(strstr(text, "half-up"), "half-on", 7);
    ck_assert_str_eq(load_error(text), "c.csv:6:2: column 'waarde': value 'half-on' is not a "
                                       "value of this policy");
    free(text);
    ck_assert_str_eq(load_error("parameter,waarde,status,bron\n"
                                "tarief.lid3.duurzaam,99999999999999999999,gerapporteerd,x\n"),
                     "c.csv:2:2: column 'waarde': value '99999999999999999999' is too large");
}
END_TEST

START_TEST(rejects_values_whose_use_would_overflow)
{
    /* duurzaam-jaren beyond 1000 is a data error at its own line (§7.7). */
    char *text = strdup(TEST_CYCLE);
    char *p = strstr(text, "duurzaam-jaren,5");
    memcpy(p, "duurzaam-jaren,X", 16);
    char *big = malloc(strlen(text) + 4);
    size_t at = (size_t)(strchr(p, 'X') - text);
    memcpy(big, text, at);
    strcpy(big + at, "1001");
    strcat(big, strchr(p, 'X') + 1);
    ck_assert_str_eq(load_error(big), "c.csv:9:2: column 'waarde': value '1001' is more years "
                                      "than a location can plausibly last (at most 1000)");
    free(big);
    free(text);
    /* Provincial opgaven that add up past 2^63 − 1: located at the province
     * whose opgave makes the sum overflow. */
    ck_assert_str_eq(load_error(TEST_CYCLE "provincie.PV22.naam,Gamma,beleid,x\n"
                                           "provincie.PV22.opgave,9223372036854775800,beleid,x\n"),
                     "c.csv:23:2: column 'waarde': province PV22: the provincial opgaven add up "
                     "to more than 9223372036854775807, the largest number counted exactly");
}
END_TEST

START_TEST(figures_not_known_yet_are_absent_and_policies_default)
{
    /* A cycle with only what cycle 2026 knows (rekenregels §7.18). */
    sw_cycle *cy = load_cycle("parameter,waarde,status,bron\n"
                              "jaar,2026,gerapporteerd,x\ncapaciteitsraming,88000,gerapporteerd,x\n"
                              "peildatum,2027-07-01,gerapporteerd,x\ndrempel,75,officieel,x\n"
                              "duurzaam-jaren,5,gerapporteerd,x\n"
                              "telt-alleen-duurzaam,ja,gerapporteerd,x\n"
                              "amv,,gerapporteerd,not published\n"
                              "tarief.lid3.duurzaam,,gerapporteerd,not published\n"
                              "provincie.PV20.naam,Groningen,officieel,x\n"
                              "provincie.PV20.opgave,,gerapporteerd,not published\n");
    ck_assert(!cy->has_amv);
    ck_assert(!cy->provincie[0].has_opgave);
    ck_assert(!sw_cycle_has_opgaven(cy));
    ck_assert_ptr_null(cy->tarief[SW_TARIEF_LID3_DUURZAAM].param);
    ck_assert(!sw_cycle_can_pay(cy, 0));
    ck_assert_ptr_null(sw_cycle_param(cy, "amv"));
    /* the defaults of rekenregels §7.18 for what the file does not say */
    ck_assert_int_eq(cy->afronding, SW_ROUND_HALF_UP);
    ck_assert_int_eq(cy->ses_ontbrekend, SW_SES_FOUT);
    ck_assert_int_eq(cy->aanmeld_telt, SW_JA);
    ck_assert_int_eq(cy->lid3, SW_LID3_PROVINCIALE_DREMPEL);
    ck_assert_int_eq(cy->lid3_grondslag, SW_GRONDSLAG_PER_PLAATS);
    ck_assert_int_eq(cy->minimum_plaatsen, 0);
    ck_assert_int_eq(cy->kso_max_plaatsen, 100);
    ck_assert(!cy->has_beschikbaar_tot);
    ck_assert_int_eq(cy->telt_alleen_duurzaam, SW_JA);
    sw_cycle_free(cy);
    /* beschikbaar-tot: a date, or geen. */
    cy = load_cycle(TEST_CYCLE "beschikbaar-tot,1-2-2026,gerapporteerd,x\n");
    ck_assert(cy->has_beschikbaar_tot && cy->beschikbaar_tot.y == 2026 &&
              cy->beschikbaar_tot.m == 2 && cy->beschikbaar_tot.d == 1);
    ck_assert(sw_cycle_can_pay(cy, 0));
    sw_cycle_free(cy);
    cy = load_cycle(TEST_CYCLE "beschikbaar-tot,geen,beleid,x\n");
    ck_assert(!cy->has_beschikbaar_tot);
    sw_cycle_free(cy);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("cycle");
    TCase *tc = tcase_create("cycle");
    tcase_add_test(tc, reads_the_test_cycle);
    tcase_add_test(tc, rejects_missing_unknown_repeated_and_malformed_parameters);
    tcase_add_test(tc, rejects_bad_values);
    tcase_add_test(tc, rejects_values_whose_use_would_overflow);
    tcase_add_test(tc, figures_not_known_yet_are_absent_and_policies_default);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
