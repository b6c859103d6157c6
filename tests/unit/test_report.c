/* Writers: the same document in every form; quoting and escaping. */
#include <jansson.h>

#include "support.h"

/* The allocation report of the test cycle over the register `text`. */
static sw_report *report_of(const char *text, sw_allocation **a, sw_register **reg, sw_cycle **cy)
{
    *cy = load_cycle(TEST_CYCLE);
    *reg = load_register(text);
    sw_diag d = {0};
    ck_assert_int_eq(sw_allocation_compute(a, *reg, *cy, NULL, &d), 0);
    sw_report_context ctx = {.version = "test", .cycle_file = "cyclus.csv",
                             .register_file = "gemeenten.csv"};
    sw_report *r = NULL;
    ck_assert_int_eq(sw_report_allocation(&r, *a, *reg, *cy, &ctx, &d), 0);
    return r;
}

static sw_report *hand_report(sw_allocation **a, sw_register **reg, sw_cycle **cy)
{
    return report_of(TEST_REGISTER, a, reg, cy);
}

static void release(sw_report *r, sw_allocation *a, sw_register *reg, sw_cycle *cy)
{
    sw_report_free(r);
    sw_allocation_free(a);
    sw_register_free(reg);
    sw_cycle_free(cy);
}

START_TEST(csv_of_the_hand_worked_example)
{
    sw_allocation *a;
    sw_register *reg;
    sw_cycle *cy;
    sw_report *r = hand_report(&a, &reg, &cy);
    sw_buf b = {0};
    sw_sink sink = sw_buf_sink(&b);
    ck_assert_int_eq(sw_write_csv(&sink, r, NULL), 0);
    ck_assert_str_eq(b.data,
                     "gemeentecode,gemeentenaam,provinciecode,provincie,inwoners,ses_woa,gewicht,"
                     "quotum,opgave,opgave_amv\n"
                     "GM0001,A1,PV20,Alfa,450,,450,4.5000,5,1\n"
                     "GM0002,A2,PV20,Alfa,350,,350,3.5000,3,1\n"
                     "GM0003,A3,PV20,Alfa,200,,200,2.0000,2,0\n"
                     "GM0004,B1,PV21,Beta,600,,600,4.2000,4,1\n"
                     "GM0005,B2,PV21,Beta,400,,400,2.8000,3,1\n");
    sw_buf_free(&b);
    const char *prov[] = {"provincies", NULL};
    sw_write_options excel = {.tables = prov, .delimiter = ';', .decimal = ',',
                              .spreadsheet = true};
    ck_assert_int_eq(sw_write_csv(&sink, r, &excel), 0);
    ck_assert_str_eq(b.data, "\xEF\xBB\xBFprovinciecode;provincie;gemeenten;inwoners;opgave;"
                             "opgave_amv\n"
                             "PV20;Alfa;3;1000;10;2\n"
                             "PV21;Beta;2;1000;7;2\n");
    sw_buf_free(&b);
    release(r, a, reg, cy);
}
END_TEST

START_TEST(json_carries_exact_quota)
{
    sw_allocation *a;
    sw_register *reg;
    sw_cycle *cy;
    sw_report *r = hand_report(&a, &reg, &cy);
    sw_buf b = {0};
    sw_sink sink = sw_buf_sink(&b);
    ck_assert_int_eq(sw_write_json(&sink, r, NULL), 0);
    json_error_t err;
    json_t *root = json_loads(b.data, 0, &err);
    ck_assert_msg(root != NULL, "invalid JSON: %s", err.text);
    json_t *g4 = json_array_get(json_object_get(root, "gemeenten"), 3);
    ck_assert_str_eq(json_string_value(json_object_get(g4, "gemeentecode")), "GM0004");
    ck_assert_int_eq(json_integer_value(json_object_get(g4, "opgave")), 4);
    ck_assert_str_eq(json_string_value(json_object_get(g4, "quotum_exact")), "21/5");
    ck_assert(json_is_null(json_object_get(g4, "ses_woa")));
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(root, "parameters"),
                                                        "capaciteit")), 17);
    /* members keep the document's order */
    ck_assert_ptr_nonnull(strstr(b.data, "\"titel\": \"Opgave per gemeente, cyclus 2024\",\n"
                                         "  \"parameters\": {"));
    json_decref(root);
    sw_buf_free(&b);
    release(r, a, reg, cy);
}
END_TEST

START_TEST(special_characters_are_quoted_or_escaped)
{
    sw_allocation *a;
    sw_register *reg;
    sw_cycle *cy;
    sw_report *r = report_of("gemeentecode,gemeentenaam,provinciecode,inwoners\n"
                             "1,\"Nuenen, \"\"Gerwen\"\" | X\",PV20,1\n"
                             "4,Súdwest-Fryslân,PV21,1\n",
                             &a, &reg, &cy);
    sw_buf b = {0};
    sw_sink sink = sw_buf_sink(&b);
    sw_write_csv(&sink, r, NULL);
    ck_assert_ptr_nonnull(strstr(b.data, "GM0001,\"Nuenen, \"\"Gerwen\"\" | X\",PV20"));
    sw_buf_free(&b);
    sw_write_json(&sink, r, NULL);
    json_t *root = json_loads(b.data, 0, NULL);
    json_t *g1 = json_array_get(json_object_get(root, "gemeenten"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(g1, "gemeentenaam")),
                     "Nuenen, \"Gerwen\" | X");
    json_decref(root);
    sw_buf_free(&b);
    sw_write_markdown(&sink, r, NULL);
    ck_assert_ptr_nonnull(strstr(b.data, "| Nuenen, \"Gerwen\" \\| X |"));
    sw_buf_free(&b);
    sw_write_text(&sink, r, NULL);
    /* Widths count characters: the name column is 20 wide, not 22 bytes. */
    ck_assert_ptr_nonnull(strstr(b.data, "GM0004  Súdwest-Fryslân       PV21"));
    sw_buf_free(&b);
    release(r, a, reg, cy);
}
END_TEST

/* Widths worked out by hand from the Unicode tables: a combining accent and a
 * zero-width space take no column, a CJK ideograph two. */
START_TEST(text_width_counts_terminal_columns)
{
    ck_assert_uint_eq(sw_text_width("abc", 3), 3);
    ck_assert_uint_eq(sw_text_width("Frysl\xC3\xA2n", 8), 7);
    ck_assert_uint_eq(sw_text_width("e\xCC\x81", 3), 1);                /* e + U+0301 */
    ck_assert_uint_eq(sw_text_width("\xE6\x9D\xB1\xE4\xBA\xAC", 6), 4); /* two ideographs */
    ck_assert_uint_eq(sw_text_width("\xE2\x80\x8Bx", 4), 1);            /* U+200B x */
    ck_assert_uint_eq(sw_text_width("\xEF\xBC\xA1", 3), 2);             /* U+FF21 */
    ck_assert_uint_eq(sw_text_width("\xFF", 1), 1);                     /* not UTF-8 */
    ck_assert_uint_eq(sw_text_width("", 0), 0);
}
END_TEST

/* In the terminal a wide name is padded by its columns, so the next column
 * lines up with that of an ASCII name. */
START_TEST(wide_names_line_up)
{
    sw_allocation *a;
    sw_register *reg;
    sw_cycle *cy;
    sw_report *r = report_of("gemeentecode,gemeentenaam,provinciecode,inwoners\n"
                             "1,\xE6\x9D\xB1\xE4\xBA\xAC,PV20,1\n"
                             "2,Ab,PV20,1\n"
                             "4,Cd,PV21,1\n",
                             &a, &reg, &cy);
    sw_buf b = {0};
    sw_sink sink = sw_buf_sink(&b);
    sw_write_text(&sink, r, NULL);
    const char *wide = strstr(b.data, "GM0001  \xE6\x9D\xB1\xE4\xBA\xAC");
    const char *narrow = strstr(b.data, "GM0002  Ab");
    ck_assert_ptr_nonnull(wide);
    ck_assert_ptr_nonnull(narrow);
    /* "Ab" then 8 spaces, the ideographs (4 columns) then 6 */
    ck_assert_ptr_nonnull(strstr(b.data, "GM0002  Ab        PV20"));
    ck_assert_ptr_nonnull(strstr(b.data, "GM0001  \xE6\x9D\xB1\xE4\xBA\xAC      PV20"));
    sw_buf_free(&b);
    release(r, a, reg, cy);
}
END_TEST

START_TEST(table_selection)
{
    sw_write_options all = SW_WRITE_OPTIONS_INIT;
    ck_assert(sw_write_options_wants(&all, "provincies"));
    const char *const keys[] = {"gemeenten", "provincies", NULL};
    sw_write_options some = {.tables = keys};
    ck_assert(sw_write_options_wants(&some, "provincies"));
    ck_assert(!sw_write_options_wants(&some, "provincie"));
    const char *const none[] = {NULL};
    sw_write_options empty = {.tables = none};
    ck_assert(!sw_write_options_wants(&empty, "gemeenten"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("writers");
    tcase_add_test(tc, csv_of_the_hand_worked_example);
    tcase_add_test(tc, json_carries_exact_quota);
    tcase_add_test(tc, special_characters_are_quoted_or_escaped);
    tcase_add_test(tc, table_selection);
    tcase_add_test(tc, text_width_counts_terminal_columns);
    tcase_add_test(tc, wide_names_line_up);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
