/* Cells to numbers (rekenregels §7.5) and exact formatting. */
#include "support.h"

static int64_t count_ok(const char *s)
{
    int64_t v = -1;
    const char *why = NULL;
    ck_assert_msg(sw_parse_count(&v, s, strlen(s), &why) == 0, "'%s': %s", s, why);
    return v;
}

static int count_err(const char *s)
{
    int64_t v;
    const char *why = NULL;
    int rc = sw_parse_count(&v, s, strlen(s), &why);
    ck_assert_msg(rc != 0, "'%s' should be rejected", s);
    ck_assert_ptr_nonnull(why);
    return rc;
}

START_TEST(counts_accept_plain_and_grouped_digits)
{
    ck_assert_int_eq(count_ok("23922"), 23922);
    ck_assert_int_eq(count_ok("23.922"), 23922);
    ck_assert_int_eq(count_ok("23 922"), 23922);
    ck_assert_int_eq(count_ok("23\xC2\xA0" "922"), 23922);
    ck_assert_int_eq(count_ok("1.234.567"), 1234567);
    ck_assert_int_eq(count_ok(" 7 "), 7);
    ck_assert_int_eq(count_ok("0"), 0);
    ck_assert_int_eq(count_ok("0344"), 344);
    ck_assert_int_eq(count_ok("9223372036854775807"), INT64_MAX);
}
END_TEST

START_TEST(counts_reject_what_rekenregels_7_5_rejects)
{
    ck_assert_int_eq(count_err("12.5"), SW_EDATA);
    ck_assert_int_eq(count_err("1.234.56"), SW_EDATA);
    ck_assert_int_eq(count_err("1e5"), SW_EDATA);
    ck_assert_int_eq(count_err("12,5"), SW_EDATA);
    ck_assert_int_eq(count_err("-3"), SW_EDATA);
    ck_assert_int_eq(count_err("+3"), SW_EDATA);
    ck_assert_int_eq(count_err("NaN"), SW_EDATA);
    ck_assert_int_eq(count_err(""), SW_EDATA);
    ck_assert_int_eq(count_err("1.234 567"), SW_EDATA); /* mixed separators */
    ck_assert_int_eq(count_err("1234.567"), SW_EDATA);  /* first group too long */
    ck_assert_int_eq(count_err("0.344"), SW_EDATA);     /* a decimal, not a grouping */
    ck_assert_int_eq(count_err("99999999999999999999"), SW_EOVERFLOW);
    ck_assert_int_eq(count_err("9223372036854775808"), SW_EOVERFLOW);
}
END_TEST

static int64_t micro_ok(const char *s)
{
    int64_t v = -1;
    const char *why = NULL;
    ck_assert_msg(sw_parse_micro(&v, s, strlen(s), &why) == 0, "'%s': %s", s, why);
    return v;
}

START_TEST(decimals_are_exact_fixed_point)
{
    ck_assert_int_eq(micro_ok("0,344"), 344000);
    ck_assert_int_eq(micro_ok("0.344"), 344000);
    ck_assert_int_eq(micro_ok("-0.100"), -100000);
    ck_assert_int_eq(micro_ok("+1"), 1000000);
    ck_assert_int_eq(micro_ok("0.000001"), 1);
    ck_assert_int_eq(micro_ok("-12.345678"), -12345678);
    int64_t v;
    const char *why;
    static const char *const bad[] = {"0.1234567", "1.000.000", "1e-3", ".5", "5.", "0,3,4",
                                      "NaN", "--1", "1 000"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(sw_parse_micro(&v, bad[i], strlen(bad[i]), &why) != 0, "%s", bad[i]);
}
END_TEST

START_TEST(cents_follow_the_money_rule_of_rekenregels_7_5)
{
    static const struct {
        const char *text;
        int64_t cents;
    } good[] = {
        {"1500", 150000},       {"1.500", 150000},        {"1 500", 150000},
        {"1.500,50", 150050},   {"1500,50", 150050},      {"1,500.50", 150050},
        {"1500.50", 150050},    {"1.500.000,50", 150000050}, {"12,505", 1250500},
        {"0,05", 5},            {"1\xC2\xA0" "500,00", 150000}, {"1,234,567.89", 123456789},
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        int64_t v = -1;
        const char *why = "";
        ck_assert_msg(sw_parse_cents(&v, good[i].text, strlen(good[i].text), &why) == 0, "%s: %s",
                      good[i].text, why);
        ck_assert_msg(v == good[i].cents, "%s: %lld", good[i].text, (long long)v);
    }
    static const char *const bad[] = {"1.234.56", "1.5", "1500,5", "12.5", "1,5", "1.2345",
                                      "1.500.5", "1,500,50", "1.500.50", "0.500", "1 500 50",
                                      "1500,500", "-5", "€ 5", "5 euro", ".50", "1.500,"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int64_t v;
        const char *why;
        ck_assert_msg(sw_parse_cents(&v, bad[i], strlen(bad[i]), &why) != 0, "%s", bad[i]);
    }
    int64_t v;
    const char *why;
    ck_assert_int_eq(sw_parse_cents(&v, "92233720368547758.08", 20, &why), SW_EOVERFLOW);
    ck_assert_int_eq(sw_parse_cents(&v, "92233720368547758.07", 20, &why), 0);
    ck_assert_int_eq(v, INT64_MAX);
}
END_TEST

START_TEST(decimals_of_any_128_bit_fraction_are_exact)
{
    char buf[80];
    /* 2·num·10^6 overflows 128 bits here; the digits must still be right:
     * (2^126 + 1) / 3 = 28356863910078205288614550619314017621.666... */
    sw_i128 big = ((sw_i128)1 << 126) + 1;
    sw_format_decimal(buf, sizeof buf, big, 3, 6, SW_ROUND_DECIMAL_HALF_UP);
    ck_assert_str_eq(buf, "28356863910078205288614550619314017621.666667");
    sw_format_decimal(buf, sizeof buf, big, 3, 6, SW_ROUND_DECIMAL_DOWN);
    ck_assert_str_eq(buf, "28356863910078205288614550619314017621.666666");
    /* A huge denominator: 1/(2^126) is 0.000... */
    sw_format_decimal(buf, sizeof buf, 1, (sw_i128)1 << 126, 4, SW_ROUND_DECIMAL_HALF_UP);
    ck_assert_str_eq(buf, "0.0000");
    /* num near den near 2^127: (2^127 − 2) / (2^127 − 1) = 0.99999... → 1.00 */
    sw_i128 max = (((sw_i128)1 << 126) - 1) * 2 + 1; /* 2^127 − 1 */
    sw_format_decimal(buf, sizeof buf, max - 1, max, 2, SW_ROUND_DECIMAL_HALF_UP);
    ck_assert_str_eq(buf, "1.00");
    sw_format_decimal(buf, sizeof buf, max - 1, max, 2, SW_ROUND_DECIMAL_DOWN);
    ck_assert_str_eq(buf, "0.99");
    sw_format_decimal(buf, sizeof buf, -max, 1, 0, SW_ROUND_DECIMAL_HALF_UP);
    ck_assert_str_eq(buf, "-170141183460469231731687303715884105727");
    /* §7.11: progress is shown rounded down. 7499/100 of a percent ... */
    sw_format_decimal(buf, sizeof buf, 100 * 2999, 4000, 2, SW_ROUND_DECIMAL_DOWN);
    ck_assert_str_eq(buf, "74.97");
    sw_format_decimal(buf, sizeof buf, 100 * 1571, 2095, 2, SW_ROUND_DECIMAL_DOWN);
    ck_assert_str_eq(buf, "74.98"); /* 74.9880..., half-up would give 74.99 */
    sw_format_decimal(buf, sizeof buf, -1, 8, 2, SW_ROUND_DECIMAL_DOWN);
    ck_assert_str_eq(buf, "-0.12");
    sw_format_decimal(buf, sizeof buf, -1, 800, 2, SW_ROUND_DECIMAL_DOWN);
    ck_assert_str_eq(buf, "0.00");
}
END_TEST

START_TEST(fractions_round_half_up)
{
    char buf[64];
    sw_format_fraction(buf, sizeof buf, 2, 3, 4);
    ck_assert_str_eq(buf, "0.6667");
    sw_format_fraction(buf, sizeof buf, 1, 8, 2); /* 0.125 → 0.13 */
    ck_assert_str_eq(buf, "0.13");
    sw_format_fraction(buf, sizeof buf, -1, 8, 2); /* halves away from zero */
    ck_assert_str_eq(buf, "-0.13");
    sw_format_fraction(buf, sizeof buf, 7, 1, 0);
    ck_assert_str_eq(buf, "7");
    sw_format_fraction(buf, sizeof buf, 45, 10, 0);
    ck_assert_str_eq(buf, "5");
    sw_format_ratio(buf, sizeof buf, 6, 8);
    ck_assert_str_eq(buf, "3/4");
    sw_format_ratio(buf, sizeof buf, 0, 5);
    ck_assert_str_eq(buf, "0/1");
    sw_format_cents(buf, sizeof buf, 123405, ',');
    ck_assert_str_eq(buf, "1234,05");
    sw_format_cents(buf, sizeof buf, -5, '.');
    ck_assert_str_eq(buf, "-0.05");
    sw_i128 big = (sw_i128)INT64_MAX * INT64_MAX;
    sw_format_i128(buf, sizeof buf, big);
    ck_assert_str_eq(buf, "85070591730234615847396907784232501249");
}
END_TEST

START_TEST(fast_ways_agree_with_the_general_ones)
{
    /* Counts: up to 18 digits are read at once, more the general way. */
    const char *digits = "1234567890123456789";
    for (size_t n = 1; n <= 19; n++) {
        int64_t v = 0, want = 0;
        const char *why;
        for (size_t i = 0; i < n; i++)
            want = want * 10 + (digits[i] - '0');
        ck_assert_int_eq(sw_parse_count(&v, digits, n, &why), 0);
        ck_assert_int_eq(v, want);
    }
    ck_assert_int_eq(count_ok(" 007 "), 7);
    ck_assert_int_eq(count_ok("9223372036854775807"), INT64_MAX);
    /* Fractions: dividing in 64 bits or by the general long division gives
     * the same digits; scaling numerator and denominator by 2^40 takes the
     * denominator past the 64-bit way. */
    unsigned seed = 0xdeadbeef;
    const sw_i128 scale = (sw_i128)1 << 40;
    for (int k = 0; k < 2000; k++) {
        seed = seed * 1103515245u + 12345u;
        sw_i128 num = (sw_i128)(seed % 2000001) - 1000000;
        seed = seed * 1103515245u + 12345u;
        sw_i128 den = 1 + seed % 99991;
        for (int places = 0; places <= 6; places++)
            for (int r = 0; r < 2; r++) {
                sw_rounding rounding = r ? SW_ROUND_DECIMAL_DOWN : SW_ROUND_DECIMAL_HALF_UP;
                char a[80], b[80];
                sw_format_decimal(a, sizeof a, num, den, places, rounding);
                sw_format_decimal(b, sizeof b, num * scale, den * scale, places, rounding);
                ck_assert_str_eq(a, b);
            }
    }
    /* Integers: 64-bit digits, and the 128-bit ones around them. */
    char buf[64];
    sw_format_i128(buf, sizeof buf, INT64_MIN);
    ck_assert_str_eq(buf, "-9223372036854775808");
    sw_format_i128(buf, sizeof buf, (sw_i128)UINT64_MAX + 1);
    ck_assert_str_eq(buf, "18446744073709551616");
    sw_format_i128(buf, sizeof buf, -(sw_i128)UINT64_MAX);
    ck_assert_str_eq(buf, "-18446744073709551615");
    sw_i128 min = -(((((sw_i128)1 << 126) - 1) * 2) + 1) - 1; /* -2^127 */
    sw_format_i128(buf, sizeof buf, min);
    ck_assert_str_eq(buf, "-170141183460469231731687303715884105728");
    sw_format_i128(buf, sizeof buf, 0);
    ck_assert_str_eq(buf, "0");
    /* Dates: YYYY-MM-DD is read at once; D-M-YYYY the general way. Both
     * must take and refuse the same days. */
    static const int years[] = {999, 1000, 1900, 2000, 2023, 2024, 9999};
    for (size_t y = 0; y < sizeof years / sizeof years[0]; y++)
        for (int m = 0; m <= 13; m++)
            for (int d = 0; d <= 32; d++) {
                char iso[16], nl[16];
                snprintf(iso, sizeof iso, "%04d-%02d-%02d", years[y], m, d);
                snprintf(nl, sizeof nl, "%d-%d-%04d", d, m, years[y]);
                sw_date a = {0, 0, 0}, b = {0, 0, 0};
                const char *wa = "", *wb = "";
                int ra = sw_parse_date(&a, iso, strlen(iso), &wa);
                int rb = sw_parse_date(&b, nl, strlen(nl), &wb);
                ck_assert_msg(ra == rb, "%s and %s", iso, nl);
                if (ra == 0)
                    ck_assert(a.y == b.y && a.m == b.m && a.d == b.d);
                else
                    ck_assert_str_eq(wa, wb);
            }
}
END_TEST

START_TEST(dates_are_real_iso_dates)
{
    sw_date d;
    const char *why;
    ck_assert_int_eq(sw_parse_date(&d, "2024-02-29", 10, &why), 0);
    ck_assert_int_eq(sw_parse_date(&d, "2025-02-29", 10, &why), SW_EDATA);
    ck_assert_int_eq(sw_parse_date(&d, "2025-02-30", 10, &why), SW_EDATA);
    ck_assert_int_eq(sw_parse_date(&d, "2025-13-01", 10, &why), SW_EDATA);
    /* §7.13: the Dutch spreadsheet form, with one or two digits */
    ck_assert_int_eq(sw_parse_date(&d, "1-7-2025", 8, &why), 0);
    ck_assert(d.y == 2025 && d.m == 7 && d.d == 1);
    ck_assert_int_eq(sw_parse_date(&d, "01-09-2023", 10, &why), 0);
    ck_assert(d.y == 2023 && d.m == 9 && d.d == 1);
    ck_assert_int_eq(sw_parse_date(&d, "29-2-2025", 9, &why), SW_EDATA);
    ck_assert_str_eq(why, "is not a date that exists");
    /* a '/' date means different days in different locales: never read */
    ck_assert_int_eq(sw_parse_date(&d, "9/1/2023", 8, &why), SW_EDATA);
    ck_assert_ptr_nonnull(strstr(why, "read as different days; write 2025-07-01 or 1-7-2025"));
    static const char *const bad[] = {"1-7-25", "2025-7-1", "1.7.2025", "20250701", "1-7-2025x",
                                      "123-7-2025", "1--7-2025", "2025/07/01", "", "juli 2025"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(sw_parse_date(&d, bad[i], strlen(bad[i]), &why) == SW_EDATA, "%s", bad[i]);
    ck_assert_int_eq(sw_parse_date(&d, "1-7-25", 6, &why), SW_EDATA);
    ck_assert_str_eq(why, "is not a date (write 2025-07-01 or 1-7-2025)");
    ck_assert_int_eq(sw_parse_date(&d, "2000-02-29", 10, &why), 0);
    ck_assert_int_eq(sw_parse_date(&d, "1900-02-29", 10, &why), SW_EDATA);
    sw_date leap = {2024, 2, 29};
    sw_date five = sw_date_add_years(leap, 5);
    ck_assert(five.y == 2029 && five.m == 2 && five.d == 28);
    char buf[11];
    sw_format_date(buf, five);
    ck_assert_str_eq(buf, "2029-02-28");
    ck_assert_int_lt(sw_date_cmp((sw_date){2025, 6, 30}, (sw_date){2025, 7, 1}), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("number");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, counts_accept_plain_and_grouped_digits);
    tcase_add_test(tc, counts_reject_what_rekenregels_7_5_rejects);
    tcase_add_test(tc, decimals_are_exact_fixed_point);
    tcase_add_test(tc, cents_follow_the_money_rule_of_rekenregels_7_5);
    tcase_add_test(tc, decimals_of_any_128_bit_fraction_are_exact);
    tcase_add_test(tc, fractions_round_half_up);
    tcase_add_test(tc, dates_are_real_iso_dates);
    tcase_add_test(tc, fast_ways_agree_with_the_general_ones);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
