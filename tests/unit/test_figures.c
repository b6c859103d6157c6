/* Figures from national tables: SES-WOA scores and population, from a plain
 * file, StatLine's typed CSV and the StatLine web download, with and without
 * codes (rekenregels §2, §7.4, §7.12, §7.17). The fixtures are in
 * tests/statline/ (see its README); every expected value below is written by
 * hand from those files. */
#include "support.h"

#ifndef STATLINE_DIR
#error "STATLINE_DIR must name tests/statline"
#endif

/* ---- helpers ---- */

static char *slurp(const char *file, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", STATLINE_DIR, file);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    size_t r;
    while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            ck_assert_ptr_nonnull(buf);
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static sw_register *statline_register(void)
{
    size_t len;
    char *text = slurp("gemeenten.csv", &len);
    sw_register *reg = NULL;
    sw_diag d = {0};
    ck_assert_int_eq(sw_register_load(&reg, "gemeenten.csv", text, len, NULL, &d), 0);
    free(text);
    return reg;
}

/* Reads a fixture; the result must be good. */
static sw_figures *read_file(const sw_register *reg, sw_figure_kind kind, const char *file,
                             const char *kolom, int periode)
{
    size_t len;
    char *text = slurp(file, &len);
    sw_figures_options o = SW_FIGURES_OPTIONS_INIT;
    o.kolom = kolom;
    o.periode = periode;
    sw_figures *f = NULL;
    sw_diag d = {0};
    int rc = sw_figures_load(&f, reg, kind, file, text, len, &o, &d);
    free(text);
    ck_assert_msg(rc == 0, "%s: %s", file, first_message(&d));
    ck_assert_ptr_nonnull(f);
    return f;
}

/* Reads text that must be refused; returns the diagnostics. */
static int read_bad(sw_diag *d, const sw_register *reg, sw_figure_kind kind, const char *text,
                    const char *kolom, int periode)
{
    sw_figures_options o = SW_FIGURES_OPTIONS_INIT;
    o.kolom = kolom;
    o.periode = periode;
    sw_figures *f = (sw_figures *)1;
    memset(d, 0, sizeof *d);
    int rc = sw_figures_load(&f, reg, kind, "t.csv", text, strlen(text), &o, d);
    ck_assert_ptr_null(f);
    ck_assert_int_ne(rc, 0);
    ck_assert_uint_ge(d->total, 1);
    return rc;
}

static sw_figures *read_text(const sw_register *reg, sw_figure_kind kind, const char *text,
                             int periode)
{
    sw_figures_options o = SW_FIGURES_OPTIONS_INIT;
    o.periode = periode;
    sw_figures *f = NULL;
    sw_diag d = {0};
    int rc = sw_figures_load(&f, reg, kind, "t.csv", text, strlen(text), &o, &d);
    ck_assert_msg(rc == 0, "%s", first_message(&d));
    return f;
}

static const sw_figure *fig(const sw_register *reg, const sw_figures *f, int code)
{
    long i = sw_register_find(reg, code);
    ck_assert_int_ge(i, 0);
    ck_assert_int_eq(f->figure[i].code, code);
    return &f->figure[i];
}

/* The expected values, written by hand. A value of NONE: the gemeente has a
 * row but no value (`.` or empty). */
#define NONE INT64_MIN
typedef struct expect {
    int code;
    int64_t value;
} expect;

/* 2022 scores, in every SES fixture (millionths). */
static const expect ses_2022[] = {
    {14, -71000}, {344, 98000}, {363, -52000}, {373, 213000}, {439, NONE}, {893, 45000},
};
static const expect ses_2021[] = {
    {14, -80000}, {344, 90000}, {363, -60000}, {373, 200000}, {439, 10000}, {893, 40000},
};
static const expect ses_2023[] = {
    {14, -65000}, {344, 101000}, {363, -49000}, {373, 220000}, {439, 15000}, {893, 50000},
};
/* Population on 1 January 2024 (cbs_population_2024.csv). */
static const expect inw_2024[] = {
    {14, 243768}, {344, 374238}, {363, 931298}, {373, 29932}, {439, 95168}, {893, 13154},
};

static void check_values(const sw_register *reg, const sw_figures *f, const expect *e, size_t n)
{
    ck_assert_uint_eq(f->n, reg->n);
    ck_assert_uint_eq(f->nfound, n);
    size_t values = 0;
    for (size_t k = 0; k < n; k++) {
        const sw_figure *g = fig(reg, f, e[k].code);
        ck_assert_msg(g->found, "GM%04d not found", e[k].code);
        if (e[k].value == NONE) {
            ck_assert_msg(!g->has_value, "GM%04d has a value", e[k].code);
        } else {
            ck_assert_msg(g->has_value, "GM%04d has no value", e[k].code);
            ck_assert_msg(g->value == e[k].value, "GM%04d: %lld, expected %lld", e[k].code,
                          (long long)g->value, (long long)e[k].value);
            values++;
        }
    }
    ck_assert_uint_eq(f->nvalues, values);
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- SES-WOA: every shape gives the plain file's values ---- */

START_TEST(plain_ses_file_accepts_every_code_form)
{
    sw_register *reg = statline_register();
    sw_figures *f = read_file(reg, SW_FIGURE_SES, "ses-plain.csv", NULL, 0);
    check_values(reg, f, ses_2022, N(ses_2022));
    ck_assert_str_eq(f->kolom, "ses_woa");
    ck_assert_str_eq(f->regio_kolom, "gemeentecode");
    ck_assert(!f->by_name);
    ck_assert_int_eq(f->periode, 0);
    ck_assert_ptr_null(f->periode_text);
    ck_assert_uint_eq(f->nskipped_codes, 0);
    ck_assert_int_eq(fig(reg, f, 344)->line, 3);
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

START_TEST(typed_statline_csv_gives_the_plain_values)
{
    sw_register *reg = statline_register();
    sw_figures *f = read_file(reg, SW_FIGURE_SES, "ses-typed.csv", NULL, 0);
    check_values(reg, f, ses_2022, N(ses_2022));
    /* The total score, not the part score next to it. */
    ck_assert_str_eq(f->kolom, "GemiddeldeScore_29");
    ck_assert_int_eq(f->kolom_field, 7);
    /* WijkenEnBuurten and Codering_3 both hold the codes: the first wins. */
    ck_assert_str_eq(f->regio_kolom, "WijkenEnBuurten");
    ck_assert_int_eq(f->periode, 2022);
    ck_assert_str_eq(f->periode_text, "2022JJ00");
    ck_assert_uint_eq(f->nskipped_codes, 0);
    ck_assert_uint_eq(f->nskipped_names, 0);
    ck_assert_int_eq(fig(reg, f, 14)->line, 4);
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

START_TEST(web_download_with_symbols_gives_the_plain_values_for_its_periode)
{
    sw_register *reg = statline_register();
    sw_figures *f = read_file(reg, SW_FIGURE_SES, "ses-web-met-symbolen.csv", NULL, 2022);
    check_values(reg, f, ses_2022, N(ses_2022));
    ck_assert_str_eq(f->kolom, "SES-WOA/Totaalscore/Gemiddelde score (Getal)");
    ck_assert_str_eq(f->regio_kolom, "Regiocode (gemeente, wijk, buurt) (code)");
    ck_assert_int_eq(f->periode, 2022);
    ck_assert_str_eq(f->periode_text, "2022");
    /* Beemster has no row for 2022: nothing skipped. */
    ck_assert_uint_eq(f->nskipped_codes, 0);
    ck_assert_int_eq(fig(reg, f, 893)->line, 28);
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

START_TEST(former_gemeente_is_skipped_and_listed)
{
    sw_register *reg = statline_register();
    sw_figures *f = read_file(reg, SW_FIGURE_SES, "ses-web-met-symbolen.csv", NULL, 2021);
    check_values(reg, f, ses_2021, N(ses_2021));
    ck_assert_uint_eq(f->nskipped_codes, 1);
    ck_assert_int_eq(f->skipped_code[0], 370);
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

START_TEST(provisional_period_is_chosen_by_its_year)
{
    sw_register *reg = statline_register();
    sw_figures *f = read_file(reg, SW_FIGURE_SES, "ses-web-met-symbolen.csv", NULL, 2023);
    check_values(reg, f, ses_2023, N(ses_2023));
    ck_assert_int_eq(f->periode, 2023);
    ck_assert_str_eq(f->periode_text, "2023*");
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

START_TEST(web_download_without_codes_matches_names)
{
    sw_register *reg = statline_register();
    sw_figures *f = read_file(reg, SW_FIGURE_SES, "ses-web-zonder-codes.csv", NULL, 0);
    check_values(reg, f, ses_2022, N(ses_2022));
    ck_assert(f->by_name);
    ck_assert_str_eq(f->regio_kolom, "Wijken en buurten");
    ck_assert_str_eq(f->periode_text, "2022");
    /* Nederland and Noord-Holland (PV) are skipped silently; the wijk and
     * buurt names are few, so they are listed, in byte order. */
    ck_assert_uint_eq(f->nskipped_codes, 0);
    ck_assert(f->skipped_names_listed);
    ck_assert_uint_eq(f->nskipped_names, 3);
    ck_assert_str_eq(f->skipped_name[0], "Binnenstad-Noord");
    ck_assert_str_eq(f->skipped_name[1], "Oosterparkbuurt");
    ck_assert_str_eq(f->skipped_name[2], "Wijk 00 Binnenstad");
    ck_assert_int_eq(fig(reg, f, 373)->line, 10);
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

START_TEST(names_ignore_ascii_case_and_padding_only)
{
    sw_register *reg = statline_register();
    sw_figures *f = read_text(reg, SW_FIGURE_SES,
                              "Regio's;Gemiddelde score\n"
                              "  GRONINGEN ;0.1\n"
                              "bergen (nh.);0.2\n"
                              "Bergen NH;0.3\n", 0);
    ck_assert_int_eq(fig(reg, f, 14)->value, 100000);
    ck_assert_int_eq(fig(reg, f, 373)->value, 200000);
    ck_assert_uint_eq(f->nfound, 2);
    ck_assert_uint_eq(f->nskipped_names, 1);
    ck_assert_str_eq(f->skipped_name[0], "Bergen NH");
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

START_TEST(soort_column_skips_wijken_silently_and_lists_unknown_gemeenten)
{
    sw_register *reg = statline_register();
    sw_figures *f = read_text(reg, SW_FIGURE_SES,
                              "\"Wijken en buurten\";\"Soort regio (omschrijving)\";"
                              "\"SES-WOA/Totaalscore/Gemiddelde score (Getal)\"\n"
                              "\"Nederland\";\"Land\";\"0\"\n"
                              "\"Groningen\";\"Gemeente\";\"-0.071\"\n"
                              "\"Wijk 00 Binnenstad\";\"Wijk\";\"0.1\"\n"
                              "\"Utrecht\";\"Wijk\";\"0.9\"\n" /* a wijk named like a gemeente */
                              "\"Utrecht\";\"Gemeente\";\"0.098\"\n"
                              "\"Beemster\";\"Gemeente\";\"0.15\"\n", 0);
    ck_assert_int_eq(fig(reg, f, 14)->value, -71000);
    ck_assert_int_eq(fig(reg, f, 344)->value, 98000);
    ck_assert_int_eq(fig(reg, f, 344)->line, 6);
    ck_assert_uint_eq(f->nfound, 2);
    ck_assert(f->skipped_names_listed);
    ck_assert_uint_eq(f->nskipped_names, 1);
    ck_assert_str_eq(f->skipped_name[0], "Beemster");
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

START_TEST(many_unmatched_names_are_counted_not_listed)
{
    /* Names only and no soort column: 2 gemeenten matched, 3 other names
     * (wijken and buurten, evidently). */
    sw_register *reg = statline_register();
    sw_figures *f = read_text(reg, SW_FIGURE_SES,
                              "Wijken en buurten;Gemiddelde score\n"
                              "Groningen;0.1\nWijk 01;0.2\nBuurt 1;0.3\nUtrecht;0.4\n"
                              "Buurt 2;0.5\nBuurt 1;0.6\n", 0);
    ck_assert_uint_eq(f->nfound, 2);
    ck_assert_uint_eq(f->nskipped_names, 3);
    ck_assert(!f->skipped_names_listed);
    ck_assert_ptr_null(f->skipped_name);
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

START_TEST(gemeentenaam_on_wijk_rows_does_not_take_the_region_column)
{
    /* "Gemeentenaam" ticked: it holds a register name on every row, but the
     * region dimension is "Wijken en buurten". */
    sw_register *reg = statline_register();
    sw_figures *f = read_text(reg, SW_FIGURE_SES,
                              "Wijken en buurten;Gemeentenaam (naam);Soort regio (omschrijving);"
                              "Gemiddelde score\n"
                              "Groningen;Groningen;Gemeente;0.1\n"
                              "Wijk 00;Groningen;Wijk;0.2\n"
                              "Buurt 00;Groningen;Buurt;0.3\n", 0);
    ck_assert_str_eq(f->regio_kolom, "Wijken en buurten");
    ck_assert_uint_eq(f->nfound, 1);
    ck_assert_int_eq(fig(reg, f, 14)->value, 100000);
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

START_TEST(kolom_picks_a_column_by_its_header)
{
    sw_register *reg = statline_register();
    sw_figures *f = read_file(reg, SW_FIGURE_SES, "ses-typed.csv", "  gemiddeldescore_31 ", 0);
    ck_assert_str_eq(f->kolom, "GemiddeldeScore_31");
    ck_assert_int_eq(fig(reg, f, 14)->value, -104000);
    ck_assert_int_eq(fig(reg, f, 893)->value, 63000);
    sw_figures_free(f);
    f = read_file(reg, SW_FIGURE_SES, "ses-web-met-symbolen.csv",
                  "SES-WOA/Financiële welvaart/Gemiddelde score (Getal)", 2021);
    ck_assert_int_eq(fig(reg, f, 363)->value, -20000);
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

START_TEST(applying_scores_replaces_the_whole_column)
{
    sw_register *reg = load_register("gemeentecode,gemeentenaam,provinciecode,inwoners,ses_woa\n"
                                     "GM0001,A1,PV20,450,0.5\n"
                                     "GM0002,A2,PV20,350,0.5\n");
    sw_figures *f = read_text(reg, SW_FIGURE_SES,
                              "\"RegioS\";\"GemiddeldeScore_29\"\n"
                              "\"GM0001    \";\"       .\"\n"
                              "\"GM0002    \";\"  -0.250\"\n", 0);
    sw_diag d = {0};
    ck_assert_int_eq(sw_register_apply_figures(reg, f, &d), 0);
    ck_assert(!reg->gemeente[0].has_ses); /* '.': its old score is gone */
    ck_assert(reg->gemeente[1].has_ses);
    ck_assert_int_eq(reg->gemeente[1].ses_micro, -250000);
    ck_assert_int_eq(reg->gemeente[1].ses_line, 3);
    ck_assert_str_eq(reg->ses_file, "t.csv");
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

/* ---- population ---- */

static void check_population(const char *file, int periode)
{
    sw_register *reg = statline_register();
    sw_figures *f = read_file(reg, SW_FIGURE_INWONERS, file, NULL, periode);
    check_values(reg, f, inw_2024, N(inw_2024));
    sw_diag d = {0};
    ck_assert_int_eq(sw_register_apply_figures(reg, f, &d), 0);
    for (size_t k = 0; k < N(inw_2024); k++)
        ck_assert_int_eq(reg->gemeente[sw_register_find(reg, inw_2024[k].code)].inwoners,
                         inw_2024[k].value);
    ck_assert_str_eq(reg->inwoners_file, file);
    ck_assert_int_eq(reg->gemeente[0].inwoners_line, f->figure[0].line);
    sw_figures_free(f);
    sw_register_free(reg);
}

START_TEST(population_plain)
{
    check_population("inwoners-plain.csv", 0);
}
END_TEST

START_TEST(population_typed_bevolking_op_1_januari)
{
    check_population("inwoners-typed.csv", 2024);
    sw_register *reg = statline_register();
    sw_figures *f = read_file(reg, SW_FIGURE_INWONERS, "inwoners-typed.csv", NULL, 2024);
    ck_assert_str_eq(f->kolom, "BevolkingOp1Januari_1");
    ck_assert_str_eq(f->regio_kolom, "RegioS");
    ck_assert_str_eq(f->periode_text, "2024JJ00");
    ck_assert_int_eq(fig(reg, f, 363)->line, 11);
    sw_figures_free(f);
    /* The other year of the same file. */
    f = read_file(reg, SW_FIGURE_INWONERS, "inwoners-typed.csv", NULL, 2023);
    ck_assert_int_eq(fig(reg, f, 14)->value, 238147);
    ck_assert_int_eq(fig(reg, f, 893)->value, 13119);
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

START_TEST(population_web_download_by_name)
{
    check_population("inwoners-web.csv", 2024);
    sw_register *reg = statline_register();
    sw_figures *f = read_file(reg, SW_FIGURE_INWONERS, "inwoners-web.csv", NULL, 2024);
    ck_assert_str_eq(f->kolom, "Bevolking op 1 januari (aantal)");
    ck_assert_str_eq(f->regio_kolom, "Regio's");
    ck_assert(f->by_name);
    /* Nederland and the provinces "(PV)" are not listed. */
    ck_assert_uint_eq(f->nskipped_names, 0);
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

START_TEST(population_kerncijfers_aantal_inwoners)
{
    check_population("inwoners-kerncijfers.csv", 0);
    /* --periode does not apply to a table without periods. */
    check_population("inwoners-kerncijfers.csv", 2024);
}
END_TEST

START_TEST(population_title_aantal_inwoners)
{
    sw_register *reg = load_register(TEST_REGISTER);
    sw_figures *f = read_text(reg, SW_FIGURE_INWONERS,
                              "\"Wijken en buurten\";\"Regiocode (gemeente, wijk, buurt) (code)\";"
                              "\"Bevolking/Aantal inwoners (aantal)\"\n"
                              "\"A1\";\"GM0001    \";\"1 234\"\n"
                              "\"A2\";\"GM0002    \";\"23.922\"\n"
                              "\"A3\";\"GM0003    \";\"0\"\n"
                              "\"B1\";\"GM0004    \";\"7\"\n"
                              "\"B2\";\"GM0005    \";\"8\"\n", 0);
    ck_assert_int_eq(fig(reg, f, 1)->value, 1234);
    ck_assert_int_eq(fig(reg, f, 2)->value, 23922);
    ck_assert_int_eq(fig(reg, f, 3)->value, 0);
    ck_assert(!f->by_name);
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

/* ---- bad inputs ---- */

START_TEST(value_column_not_identifiable_lists_candidates)
{
    sw_register *reg = load_register(TEST_REGISTER);
    sw_diag d;
    /* Two part scores and no total. */
    read_bad(&d, reg, SW_FIGURE_SES,
             "\"Perioden\";\"Regiocode (gemeente, wijk, buurt) (code)\";"
             "\"SES-WOA/Financiële welvaart/Gemiddelde score (Getal)\";"
             "\"SES-WOA/Opleidingsniveau/Gemiddelde score (Getal)\"\n"
             "\"2022\";\"GM0001    \";\"0.1\";\"0.2\"\n", NULL, 0);
    ck_assert_str_eq(first_message(&d),
                     "t.csv:1:3: column 'SES-WOA/Financiële welvaart/Gemiddelde score (Getal)': "
                     "2 columns could hold the SES-WOA score: "
                     "'SES-WOA/Financiële welvaart/Gemiddelde score (Getal)', "
                     "'SES-WOA/Opleidingsniveau/Gemiddelde score (Getal)'; name one with "
                     "--kolom TITLE");
    /* No candidate at all: every column is listed. */
    read_bad(&d, reg, SW_FIGURE_INWONERS,
             "gemeentecode,gemeentenaam,bevolking\nGM0001,A1,5\n", NULL, 0);
    ck_assert_str_eq(first_message(&d),
                     "t.csv:1:1: no column holds the population by a name this program knows; "
                     "name it with --kolom TITLE; the columns are: 'gemeentecode', "
                     "'gemeentenaam', 'bevolking'");
    sw_register_free(reg);
}
END_TEST

START_TEST(long_candidate_lists_are_cut_short)
{
    sw_register *reg = load_register(TEST_REGISTER);
    char text[4096] = "gemeentecode";
    for (int i = 0; i < 40; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text), ",kolom_nummer_%02d", i);
    strcat(text, "\n1");
    for (int i = 0; i < 40; i++)
        strcat(text, ",1");
    strcat(text, "\n");
    sw_diag d;
    read_bad(&d, reg, SW_FIGURE_SES, text, NULL, 0);
    const char *m = first_message(&d);
    ck_assert_msg(strstr(m, "'kolom_nummer_00', 'kolom_nummer_01'") != NULL, "%s", m);
    size_t ml = strlen(m);
    ck_assert_msg(ml > 5 && strcmp(m + ml - 5, " more") == 0, "%s", m);
    ck_assert_uint_lt(strlen(d.entries[0].message), SW_DIAG_TEXT - 1);
    sw_register_free(reg);
}
END_TEST

START_TEST(kolom_that_names_no_column_is_an_error)
{
    sw_register *reg = load_register(TEST_REGISTER);
    sw_diag d;
    read_bad(&d, reg, SW_FIGURE_SES, "gemeentecode;ses_woa\n1;0.1\n", "GemiddeldeScore_29", 0);
    ck_assert_str_eq(first_message(&d),
                     "t.csv:1:1: no column is named 'GemiddeldeScore_29' (--kolom names a "
                     "header as written); the columns are: 'gemeentecode', 'ses_woa'");
    sw_register_free(reg);
}
END_TEST

START_TEST(several_periods_need_a_periode)
{
    sw_register *reg = statline_register();
    size_t len;
    char *text = slurp("ses-web-met-symbolen.csv", &len);
    sw_figures *f = NULL;
    sw_diag d = {0};
    ck_assert_int_eq(sw_figures_load(&f, reg, SW_FIGURE_SES, "ses.csv", text, len, NULL, &d),
                     SW_EDATA);
    ck_assert_ptr_null(f);
    ck_assert_str_eq(first_message(&d), "ses.csv:1:1: column 'Perioden': the file holds 3 "
                                        "periods (2021, 2022, 2023*); choose one with "
                                        "--periode YYYY");
    free(text);
    sw_register_free(reg);
}
END_TEST

START_TEST(unknown_periode_lists_the_periods)
{
    sw_register *reg = statline_register();
    size_t len;
    char *text = slurp("inwoners-typed.csv", &len);
    sw_figures_options o = SW_FIGURES_OPTIONS_INIT;
    o.periode = 2025;
    sw_figures *f = NULL;
    sw_diag d = {0};
    ck_assert_int_eq(sw_figures_load(&f, reg, SW_FIGURE_INWONERS, "inw.csv", text, len, &o, &d),
                     SW_EDATA);
    ck_assert_str_eq(first_message(&d), "inw.csv:1:6: column 'Perioden': --periode 2025: the "
                                        "file holds no period of that year; it holds "
                                        "2023JJ00, 2024JJ00");
    /* With one period too: a --periode the file does not hold is a mistake. */
    free(text);
    text = slurp("ses-typed.csv", &len);
    o.periode = 2023;
    sw_diag_clear(&d);
    ck_assert_int_eq(sw_figures_load(&f, reg, SW_FIGURE_SES, "ses.csv", text, len, &o, &d),
                     SW_EDATA);
    ck_assert_str_eq(first_message(&d), "ses.csv:1:3: column 'Perioden': --periode 2023: the "
                                        "file holds no period of that year; it holds 2022JJ00");
    free(text);
    sw_register_free(reg);
}
END_TEST

START_TEST(monthly_periods_are_not_a_year)
{
    sw_register *reg = load_register(TEST_REGISTER);
    sw_diag d;
    read_bad(&d, reg, SW_FIGURE_INWONERS,
             "RegioS;Perioden;BevolkingOp1Januari_1\nGM0001;2024MM01;5\nGM0001;2024MM02;6\n",
             NULL, 2024);
    ck_assert_str_eq(first_message(&d), "t.csv:1:2: column 'Perioden': --periode 2024 matches "
                                        "2 periods of the file (2024MM01, 2024MM02); this "
                                        "program reads yearly figures");
    sw_register_free(reg);
}
END_TEST

START_TEST(register_gemeente_without_population_is_an_error)
{
    sw_register *reg = statline_register();
    sw_figures *f = read_text(reg, SW_FIGURE_INWONERS,
                              "\"Regio's\";\"Perioden\";\"Bevolking op 1 januari (aantal)\"\n"
                              "\"Groningen\";\"2024\";\"243768\"\n"
                              "\"Utrecht\";\"2024\";\".\"\n"
                              "\"Amsterdam\";\"2024\";\"931298\"\n", 0);
    sw_diag d = {0};
    ck_assert_int_eq(sw_register_apply_figures(reg, f, &d), SW_EDATA);
    ck_assert_str_eq(first_message(&d),
                     "t.csv:1:3: column 'Bevolking op 1 januari (aantal)': 4 gemeenten of the "
                     "register have no population in this file for periode 2024: GM0344, "
                     "GM0373, GM0439, GM0893; every gemeente needs one");
    /* The register is unchanged. */
    ck_assert_int_eq(reg->gemeente[0].inwoners, 238147);
    ck_assert_ptr_null(reg->inwoners_file);
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

START_TEST(missing_population_lists_twenty_codes_and_counts_the_rest)
{
    char text[4096] = "gemeentecode,gemeentenaam,provinciecode,inwoners\n";
    for (int i = 1; i <= 25; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text), "GM%04d,G%d,PV20,1\n", i, i);
    sw_register *reg = load_register(text);
    sw_figures *f = read_text(reg, SW_FIGURE_INWONERS, "gemeentecode,inwoners\n25,100\n", 0);
    sw_diag d = {0};
    ck_assert_int_eq(sw_register_apply_figures(reg, f, &d), SW_EDATA);
    ck_assert_str_eq(first_message(&d),
                     "t.csv:1:2: column 'inwoners': 24 gemeenten of the register have no "
                     "population in this file: GM0001, GM0002, GM0003, GM0004, GM0005, GM0006, "
                     "GM0007, GM0008, GM0009, GM0010, GM0011, GM0012, GM0013, GM0014, GM0015, "
                     "GM0016, GM0017, GM0018, GM0019, GM0020 and 4 more; every gemeente needs "
                     "one");
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

START_TEST(duplicate_gemeente_names_both_lines)
{
    sw_register *reg = statline_register();
    sw_diag d;
    /* By code, in the period used; the same code in another period is fine. */
    read_bad(&d, reg, SW_FIGURE_SES,
             "\"Perioden\";\"RegioS\";\"GemiddeldeScore_29\"\n"
             "\"2021JJ00\";\"GM0014    \";\"0.1\"\n"
             "\"2022JJ00\";\"GM0014    \";\"0.1\"\n"
             "\"2022JJ00\";\"GM0344    \";\"0.1\"\n"
             "\"2022JJ00\";\"GM0014    \";\"0.2\"\n", NULL, 2022);
    ck_assert_uint_eq(d.total, 1);
    ck_assert_str_eq(first_message(&d), "t.csv:5:2: column 'RegioS': gemeentecode GM0014 "
                                        "appears twice for periode 2022JJ00: on line 3 and "
                                        "on line 5");
    /* By name, without a soort column: a buurt may bear a gemeente's name. */
    read_bad(&d, reg, SW_FIGURE_SES,
             "Wijken en buurten;Gemiddelde score\nBergen (L.);0.1\nBergen (L.);0.2\n", NULL, 0);
    ck_assert_str_eq(first_message(&d),
                     "t.csv:3:1: column 'Wijken en buurten': gemeente 'Bergen (L.)' (GM0893) "
                     "appears twice: on line 2 and on line 3; without codes a wijk or buurt can "
                     "bear a gemeente's name: tick the region code or 'Soort regio' in "
                     "StatLine");
    sw_register_free(reg);
}
END_TEST

START_TEST(malformed_values_are_errors_and_symbols_are_never_numbers)
{
    sw_register *reg = load_register(TEST_REGISTER);
    sw_diag d;
    read_bad(&d, reg, SW_FIGURE_SES,
             "\"WijkenEnBuurten\";\"GemiddeldeScore_29\"\n"
             "\"GM0001    \";\"hoog\"\n"
             "\"WK000100  \";\"x\"\n" /* a wijk: never read */
             "\"GM0002    \";\"       x\"\n"
             "\"GM0003    \";\"0.1234567\"\n"
             "\"GM0004    \";\"-1\"\n"
             "\"GMxy      \";\"0.1\"\n", NULL, 0);
    ck_assert_uint_eq(d.total, 5);
    char buf[512];
    sw_diag_format(buf, sizeof buf, &d.entries[0]);
    ck_assert_str_eq(buf, "t.csv:2:2: column 'GemiddeldeScore_29': value 'hoog' is not a "
                          "decimal number");
    sw_diag_format(buf, sizeof buf, &d.entries[1]);
    ck_assert_str_eq(buf, "t.csv:4:2: column 'GemiddeldeScore_29': value '       x' is the CBS "
                          "symbol for geheim (secret), not a number");
    sw_diag_format(buf, sizeof buf, &d.entries[2]);
    ck_assert_str_eq(buf, "t.csv:5:2: column 'GemiddeldeScore_29': value '0.1234567' has more "
                          "than 6 decimals");
    sw_diag_format(buf, sizeof buf, &d.entries[3]);
    ck_assert_str_eq(buf, "t.csv:6:2: column 'GemiddeldeScore_29': value '-1' makes the weight "
                          "1 + score zero or negative");
    sw_diag_format(buf, sizeof buf, &d.entries[4]);
    ck_assert_str_eq(buf, "t.csv:7:1: column 'WijkenEnBuurten': value 'GMxy      ' is not a "
                          "gemeentecode (GM and four digits)");
    /* A population is a whole number; '-' (nihil) is a symbol. */
    read_bad(&d, reg, SW_FIGURE_INWONERS,
             "gemeentecode;inwoners\n1;12,5\n2;-\n3;1e5\n", NULL, 0);
    ck_assert_uint_eq(d.total, 3);
    sw_diag_format(buf, sizeof buf, &d.entries[0]);
    ck_assert_str_eq(buf, "t.csv:2:2: column 'inwoners': value '12,5' is not a whole number");
    sw_diag_format(buf, sizeof buf, &d.entries[1]);
    ck_assert_str_eq(buf, "t.csv:3:2: column 'inwoners': value '-' is the CBS symbol for nihil "
                          "(nil), not a number");
    sw_register_free(reg);
}
END_TEST

START_TEST(plain_file_needs_well_formed_codes)
{
    sw_register *reg = load_register(TEST_REGISTER);
    sw_diag d;
    read_bad(&d, reg, SW_FIGURE_SES, "gemeentecode,ses_woa\nNL00,0.1\nGM0001,0.1\n", NULL, 0);
    ck_assert_str_eq(first_message(&d), "t.csv:2:1: column 'gemeentecode': value 'NL00' is not "
                                        "a gemeentecode (GM and four digits)");
    sw_register_free(reg);
}
END_TEST

START_TEST(plain_code_not_in_register_is_skipped_and_listed)
{
    sw_register *reg = load_register(TEST_REGISTER);
    sw_figures *f = read_text(reg, SW_FIGURE_SES,
                              "gemeentecode,ses_woa\nGM0370,0.2\n1,0.1\n999,0.3\nGM0370,0.2\n", 0);
    ck_assert_uint_eq(f->nfound, 1);
    ck_assert_uint_eq(f->nskipped_codes, 2);
    ck_assert_int_eq(f->skipped_code[0], 370);
    ck_assert_int_eq(f->skipped_code[1], 999);
    sw_figures_free(f);
    sw_register_free(reg);
}
END_TEST

START_TEST(no_gemeente_or_no_value_is_an_error)
{
    sw_register *reg = load_register(TEST_REGISTER);
    sw_diag d;
    read_bad(&d, reg, SW_FIGURE_SES, "gemeentecode,ses_woa\n", NULL, 0);
    ck_assert_str_eq(first_message(&d), "t.csv:1:1: column 'gemeentecode': no row is a "
                                        "gemeente of the register");
    read_bad(&d, reg, SW_FIGURE_SES,
             "RegioS;Perioden;GemiddeldeScore_29\nGM0370;2021JJ00;0.1\nNL00;2021JJ00;0\n", NULL,
             0);
    ck_assert_str_eq(first_message(&d), "t.csv:1:1: column 'RegioS': no row for periode "
                                        "2021JJ00 is a gemeente of the register (its "
                                        "gemeentecodes are of another indeling?)");
    read_bad(&d, reg, SW_FIGURE_SES, "RegioS;GemiddeldeScore_29\nGM0001;.\nGM0002;\n", NULL, 0);
    ck_assert_str_eq(first_message(&d), "t.csv:1:2: column 'GemiddeldeScore_29': no gemeente "
                                        "of the register has a value in this column");
    read_bad(&d, reg, SW_FIGURE_SES, "a;GemiddeldeScore_29\nx;0.1\n", NULL, 0);
    ck_assert_str_eq(first_message(&d), "t.csv:1:1: no column holds gemeentecodes (GMnnnn) or "
                                        "names of gemeenten of the register; the columns are: "
                                        "'a', 'GemiddeldeScore_29'");
    sw_register_free(reg);
}
END_TEST

START_TEST(a_name_shared_by_two_register_gemeenten_needs_codes)
{
    sw_register *reg = load_register("gemeentecode,gemeentenaam,provinciecode,inwoners\n"
                                     "GM0001,Bergen,PV20,1\nGM0002,bergen,PV21,1\n"
                                     "GM0003,Elders,PV21,1\n");
    sw_diag d;
    read_bad(&d, reg, SW_FIGURE_SES, "Regio's;Gemiddelde score\nElders;0.1\nBergen;0.2\n", NULL,
             0);
    ck_assert_str_eq(first_message(&d), "t.csv:3:1: column 'Regio's': value 'Bergen' is the "
                                        "name of two gemeenten of the register; only a file "
                                        "with gemeentecodes can tell them apart");
    sw_register_free(reg);
}
END_TEST

START_TEST(too_many_periods_is_a_limit)
{
    sw_register *reg = load_register(TEST_REGISTER);
    size_t cap = 40 * (SW_FIGURES_MAX_PERIODS + 2);
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    size_t o = (size_t)snprintf(text, cap, "RegioS;Perioden;GemiddeldeScore_29\n");
    for (int i = 0; i <= SW_FIGURES_MAX_PERIODS; i++)
        o += (size_t)snprintf(text + o, cap - o, "GM0001;P%d;0.1\n", i);
    sw_figures *f = NULL;
    sw_diag d = {0};
    ck_assert_int_eq(sw_figures_load(&f, reg, SW_FIGURE_SES, "t.csv", text, o, NULL, &d),
                     SW_ELIMIT);
    ck_assert_str_eq(first_message(&d), "t.csv:1002:2: column 'Perioden': the file holds more "
                                        "than 1000 different periods");
    free(text);
    sw_register_free(reg);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("figures");
    TCase *ses = tcase_create("ses");
    tcase_add_test(ses, plain_ses_file_accepts_every_code_form);
    tcase_add_test(ses, typed_statline_csv_gives_the_plain_values);
    tcase_add_test(ses, web_download_with_symbols_gives_the_plain_values_for_its_periode);
    tcase_add_test(ses, former_gemeente_is_skipped_and_listed);
    tcase_add_test(ses, provisional_period_is_chosen_by_its_year);
    tcase_add_test(ses, web_download_without_codes_matches_names);
    tcase_add_test(ses, names_ignore_ascii_case_and_padding_only);
    tcase_add_test(ses, soort_column_skips_wijken_silently_and_lists_unknown_gemeenten);
    tcase_add_test(ses, many_unmatched_names_are_counted_not_listed);
    tcase_add_test(ses, gemeentenaam_on_wijk_rows_does_not_take_the_region_column);
    tcase_add_test(ses, kolom_picks_a_column_by_its_header);
    tcase_add_test(ses, applying_scores_replaces_the_whole_column);
    suite_add_tcase(s, ses);
    TCase *inw = tcase_create("inwoners");
    tcase_add_test(inw, population_plain);
    tcase_add_test(inw, population_typed_bevolking_op_1_januari);
    tcase_add_test(inw, population_web_download_by_name);
    tcase_add_test(inw, population_kerncijfers_aantal_inwoners);
    tcase_add_test(inw, population_title_aantal_inwoners);
    suite_add_tcase(s, inw);
    TCase *bad = tcase_create("bad");
    tcase_add_test(bad, value_column_not_identifiable_lists_candidates);
    tcase_add_test(bad, long_candidate_lists_are_cut_short);
    tcase_add_test(bad, kolom_that_names_no_column_is_an_error);
    tcase_add_test(bad, several_periods_need_a_periode);
    tcase_add_test(bad, unknown_periode_lists_the_periods);
    tcase_add_test(bad, monthly_periods_are_not_a_year);
    tcase_add_test(bad, register_gemeente_without_population_is_an_error);
    tcase_add_test(bad, missing_population_lists_twenty_codes_and_counts_the_rest);
    tcase_add_test(bad, duplicate_gemeente_names_both_lines);
    tcase_add_test(bad, malformed_values_are_errors_and_symbols_are_never_numbers);
    tcase_add_test(bad, plain_file_needs_well_formed_codes);
    tcase_add_test(bad, plain_code_not_in_register_is_skipped_and_listed);
    tcase_add_test(bad, no_gemeente_or_no_value_is_an_error);
    tcase_add_test(bad, a_name_shared_by_two_register_gemeenten_needs_codes);
    tcase_add_test(bad, too_many_periods_is_a_limit);
    suite_add_tcase(s, bad);
    return run_suite(s);
}
