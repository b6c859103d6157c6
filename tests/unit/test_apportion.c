/* Apportionment: hand-worked cases and properties over random inputs. */
#include "support.h"

START_TEST(half_up_and_largest_remainder_differ_on_a_tie)
{
    /* 3 places over weights 1:1: quota 1.5 and 1.5. Half-up gives 2 + 2 = 4
     * (no correction); largest remainder gives the odd place to the lower
     * code, since weights tie too. */
    sw_i128 w[] = {1, 1};
    int code[] = {7, 3};
    int64_t out[2];
    ck_assert_int_eq(sw_apportion(out, 3, w, code, 2, SW_ROUND_HALF_UP), 0);
    ck_assert(out[0] == 2 && out[1] == 2);
    ck_assert_int_eq(sw_apportion(out, 3, w, code, 2, SW_ROUND_LARGEST_REMAINDER), 0);
    ck_assert(out[0] == 1 && out[1] == 2);
}
END_TEST

START_TEST(equal_remainders_go_to_the_larger_weight_first)
{
    /* 10 over 450:350:200 → quota 4.5, 3.5, 2.0; remainders tie at ½ and the
     * larger weight (450) gets the place: 5, 3, 2. */
    sw_i128 w[] = {350, 450, 200};
    int code[] = {1, 2, 3};
    int64_t out[3];
    ck_assert_int_eq(sw_apportion(out, 10, w, code, 3, SW_ROUND_LARGEST_REMAINDER), 0);
    ck_assert(out[0] == 3 && out[1] == 5 && out[2] == 2);
    size_t rank[3];
    int64_t left;
    ck_assert_int_eq(sw_apportion_ranked(out, rank, &left, 10, w, code, 3,
                                         SW_ROUND_LARGEST_REMAINDER), 0);
    ck_assert(rank[1] == 1 && rank[0] == 2 && rank[2] == 3 && left == 1);
}
END_TEST

START_TEST(zero_weight_total_is_an_error_unless_nothing_to_divide)
{
    sw_i128 w[] = {0, 0};
    int code[] = {1, 2};
    int64_t out[2];
    ck_assert_int_eq(sw_apportion(out, 5, w, code, 2, SW_ROUND_LARGEST_REMAINDER), SW_EDATA);
    ck_assert_int_eq(sw_apportion(out, 0, w, code, 2, SW_ROUND_LARGEST_REMAINDER), 0);
}
END_TEST

START_TEST(overflow_is_reported_not_wrapped)
{
    sw_i128 huge = (sw_i128)1 << 120;
    sw_i128 w[] = {huge, huge};
    int code[] = {1, 2};
    int64_t out[2];
    ck_assert_int_eq(sw_apportion(out, INT64_MAX, w, code, 2, SW_ROUND_LARGEST_REMAINDER),
                     SW_EOVERFLOW);
}
END_TEST

/* Properties (fixed seed): Σ = total exactly; each part is ⌊q⌋ or ⌈q⌉;
 * the result does not depend on the order of the parts. */
START_TEST(largest_remainder_properties_hold_on_random_inputs)
{
    srand(0x5EED2024u);
    for (int round = 0; round < 3000; round++) {
        size_t n = 1 + (size_t)(rand() % 40);
        int64_t total = rand() % 5000;
        sw_i128 w[40], wp[40], W = 0;
        int code[40], cp[40];
        int64_t out[40], outp[40];
        for (size_t i = 0; i < n; i++) {
            w[i] = rand() % 4 == 0 ? (sw_i128)(rand() % 3) : (sw_i128)(rand() % 100000);
            code[i] = (int)i * 7 + 1;
            W += w[i];
        }
        if (W == 0) {
            w[0] = 1;
            W = 1;
        }
        ck_assert_int_eq(sw_apportion(out, total, w, code, n, SW_ROUND_LARGEST_REMAINDER), 0);
        int64_t sum = 0;
        for (size_t i = 0; i < n; i++) {
            sum += out[i];
            sw_i128 num = (sw_i128)total * w[i];
            sw_i128 lo = num / W, hi = lo + (num % W != 0);
            ck_assert(out[i] == lo || out[i] == hi);
        }
        ck_assert_int_eq(sum, total);
        /* reversed order, same answer per code */
        for (size_t i = 0; i < n; i++) {
            wp[i] = w[n - 1 - i];
            cp[i] = code[n - 1 - i];
        }
        ck_assert_int_eq(sw_apportion(outp, total, wp, cp, n, SW_ROUND_LARGEST_REMAINDER), 0);
        for (size_t i = 0; i < n; i++)
            ck_assert_int_eq(outp[i], out[n - 1 - i]);
    }
}
END_TEST

START_TEST(half_up_is_the_nearest_integer)
{
    srand(0xC0FFEEu);
    for (int round = 0; round < 3000; round++) {
        size_t n = 1 + (size_t)(rand() % 20);
        int64_t total = rand() % 100000;
        sw_i128 w[20], W = 0;
        int code[20];
        int64_t out[20];
        for (size_t i = 0; i < n; i++) {
            w[i] = 1 + rand() % 1000000;
            code[i] = (int)i;
            W += w[i];
        }
        ck_assert_int_eq(sw_apportion(out, total, w, code, n, SW_ROUND_HALF_UP), 0);
        for (size_t i = 0; i < n; i++) {
            /* |out − q| ≤ ½, and exactly ½ rounds up: 2·out·W − 2·total·w ∈ (−W, W] */
            sw_i128 diff = 2 * (sw_i128)out[i] * W - 2 * (sw_i128)total * w[i];
            ck_assert(diff > -W && diff <= W);
        }
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("apportion");
    TCase *tc = tcase_create("apportion");
    tcase_add_test(tc, half_up_and_largest_remainder_differ_on_a_tie);
    tcase_add_test(tc, equal_remainders_go_to_the_larger_weight_first);
    tcase_add_test(tc, zero_weight_total_is_an_error_unless_nothing_to_divide);
    tcase_add_test(tc, overflow_is_reported_not_wrapped);
    tcase_add_test(tc, largest_remainder_properties_hold_on_random_inputs);
    tcase_add_test(tc, half_up_is_the_nearest_integer);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
