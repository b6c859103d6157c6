/* The register: codes, columns, duplicates, scores. (SES and population
 * files: test_figures.c.) */
#include "support.h"

static int load(sw_register **reg, sw_diag *d, const char *text)
{
    memset(d, 0, sizeof *d);
    *reg = NULL;
    return sw_register_load(reg, "g.csv", text, strlen(text), NULL, d);
}

START_TEST(normalises_gemeentecodes)
{
    int v;
    const char *why;
    ck_assert_int_eq(sw_parse_gemeentecode(&v, "344", 3, &why), 0);
    ck_assert_int_eq(v, 344);
    ck_assert_int_eq(sw_parse_gemeentecode(&v, "0344", 4, &why), 0);
    ck_assert_int_eq(v, 344);
    ck_assert_int_eq(sw_parse_gemeentecode(&v, "GM0344", 6, &why), 0);
    ck_assert_int_eq(v, 344);
    ck_assert_int_eq(sw_parse_gemeentecode(&v, "GM0344    ", 10, &why), 0);
    ck_assert_int_eq(sw_parse_gemeentecode(&v, "gm344", 5, &why), 0);
    ck_assert_int_eq(v, 344);
    ck_assert_int_eq(sw_parse_gemeentecode(&v, "GM03440", 7, &why), SW_EDATA);
    ck_assert_int_eq(sw_parse_gemeentecode(&v, "GMxx", 4, &why), SW_EDATA);
    ck_assert_int_eq(sw_parse_gemeentecode(&v, "WK034401", 8, &why), SW_EDATA);
    ck_assert_int_eq(sw_parse_provinciecode(&v, "pv27", 4, &why), 0);
    ck_assert_int_eq(v, 27);
    ck_assert_int_eq(sw_parse_provinciecode(&v, "27", 2, &why), SW_EDATA);
}
END_TEST

START_TEST(reads_columns_in_any_order_and_sorts_by_code)
{
    sw_register *reg;
    sw_diag d;
    ck_assert_int_eq(load(&reg, &d,
                          "Inwoners;extra;GemeenteNaam;provinciecode;gemeentecode\n"
                          "23.922;x;Twee;PV20;2\n"
                          "1 000;y;Een;PV21;GM0001\n"), 0);
    ck_assert_int_eq(reg->n, 2);
    ck_assert_int_eq(reg->gemeente[0].code, 1);
    ck_assert_str_eq(reg->gemeente[0].naam, "Een");
    ck_assert_int_eq(reg->gemeente[0].inwoners, 1000);
    ck_assert_int_eq(reg->gemeente[1].inwoners, 23922);
    ck_assert_int_eq(reg->gemeente[0].line, 3);
    ck_assert_int_eq(sw_register_find(reg, 2), 1);
    ck_assert_int_eq(sw_register_find(reg, 3), -1);
    sw_register_free(reg);
}
END_TEST

START_TEST(reports_every_bad_row_with_its_column)
{
    sw_register *reg;
    sw_diag d;
    ck_assert_int_eq(load(&reg, &d,
                          "gemeentecode,gemeentenaam,provinciecode,inwoners\n"
                          "GM0001,Een,PV20,-5\n"
                          "GM0002,Twee,Utrecht,10\n"
                          "GM0003,Drie,PV20,12,5\n"),
                     SW_EDATA);
    ck_assert_ptr_null(reg);
    ck_assert_int_eq(d.total, 3);
    char buf[512];
    sw_diag_format(buf, sizeof buf, &d.entries[0]);
    ck_assert_str_eq(buf, "g.csv:2:4: column 'inwoners': value '-5' is negative");
    sw_diag_format(buf, sizeof buf, &d.entries[1]);
    ck_assert_str_eq(buf, "g.csv:3:3: column 'provinciecode': value 'Utrecht' is not a "
                          "provinciecode (PV and two digits)");
    sw_diag_format(buf, sizeof buf, &d.entries[2]);
    ck_assert_str_eq(buf, "g.csv:4:5: record has 5 fields, the header has 4"); /* no name: beyond */
}
END_TEST

START_TEST(names_both_lines_of_a_duplicate_code)
{
    sw_register *reg;
    sw_diag d;
    ck_assert_int_eq(load(&reg, &d,
                          "gemeentecode,gemeentenaam,provinciecode,inwoners\n"
                          "GM0005,Een,PV20,1\n"
                          "GM0001,Twee,PV20,1\n"
                          "5,Drie,PV20,1\n"),
                     SW_EDATA);
    ck_assert_str_eq(first_message(&d), "g.csv:4:1: column 'gemeentecode': gemeentecode "
                                        "GM0005 appears twice: on line 2 and on line 4");
}
END_TEST

START_TEST(missing_column_and_empty_register_are_errors)
{
    sw_register *reg;
    sw_diag d;
    ck_assert_int_eq(load(&reg, &d, "gemeentecode,gemeentenaam,provinciecode\nGM0001,a,PV20\n"),
                     SW_EDATA);
    ck_assert_str_eq(first_message(&d), "g.csv:1:1: column 'inwoners': required column "
                                        "'inwoners' is missing");
    ck_assert_int_eq(load(&reg, &d, "gemeentecode,gemeentenaam,provinciecode,inwoners\n"),
                     SW_EDATA);
    ck_assert_str_eq(first_message(&d), "g.csv:2:1: register lists no gemeenten (only a header)");
}
END_TEST

START_TEST(ses_score_making_weight_non_positive_is_an_error)
{
    sw_register *reg;
    sw_diag d;
    ck_assert_int_eq(load(&reg, &d,
                          "gemeentecode,gemeentenaam,provinciecode,inwoners,ses_woa\n"
                          "GM0001,Een,PV20,10,-1\n"),
                     SW_EDATA);
    ck_assert_str_eq(first_message(&d), "g.csv:2:5: column 'ses_woa': value '-1' makes the "
                                        "weight 1 + score zero or negative");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("register");
    TCase *tc = tcase_create("register");
    tcase_add_test(tc, normalises_gemeentecodes);
    tcase_add_test(tc, reads_columns_in_any_order_and_sorts_by_code);
    tcase_add_test(tc, reports_every_bad_row_with_its_column);
    tcase_add_test(tc, names_both_lines_of_a_duplicate_code);
    tcase_add_test(tc, missing_column_and_empty_register_are_errors);
    tcase_add_test(tc, ses_score_making_weight_non_positive_is_an_error);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
