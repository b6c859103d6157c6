/* The sweep against independent single allocations, and the Alabama paradox. */
#include <stdio.h>

#include "support.h"

START_TEST(the_alabama_paradox_is_found)
{
    /* Weights 6, 6, 2. C = 10: quota 4.29, 4.29, 1.43 → 4, 4, 2 (the one
     * place left goes to .43). C = 11: quota 4.71, 4.71, 1.57 → 5, 5, 1 (the
     * two places left go to .71 and .71): GM0003 loses a place. */
    sw_cycle *cy = load_cycle(TEST_CYCLE);
    sw_register *reg = load_register("gemeentecode,gemeentenaam,provinciecode,inwoners\n"
                                     "1,A,PV20,6\n2,B,PV20,6\n3,C,PV20,2\n4,D,PV21,0\n");
    sw_alloc_options o = SW_ALLOC_OPTIONS_INIT;
    o.afronding = SW_ROUND_LARGEST_REMAINDER;
    sw_sweep *s = NULL;
    sw_diag d = {0};
    ck_assert_int_eq(sw_sweep_compute(&s, reg, cy, &o, 10, 11, 1, true, &d), 0);
    const int64_t *gem, *prov;
    int64_t totaal;
    ck_assert_int_eq(sw_sweep_step(s, 0, &gem, &prov, &totaal), 0);
    ck_assert_int_eq(gem[2], 2);
    ck_assert_int_eq(totaal, 10);
    ck_assert_int_eq(sw_sweep_step(s, 1, &gem, &prov, &totaal), 0);
    ck_assert_int_eq(gem[2], 1);
    ck_assert_int_eq(s->paradox_total, 1);
    ck_assert(!s->paradox[0].provincie && s->paradox[0].code == 3);
    ck_assert_int_eq(s->paradox[0].capaciteit_naar, 11);
    sw_sweep_free(s);
    o.afronding = SW_ROUND_HALF_UP; /* half-up never takes a place away */
    ck_assert_int_eq(sw_sweep_compute(&s, reg, cy, &o, 0, 200, 1, false, &d), 0);
    ck_assert_int_eq(s->paradox_total, 0);
    sw_sweep_free(s);
    sw_register_free(reg);
    sw_cycle_free(cy);
}
END_TEST

/* Every step of a sweep equals a separate allocation at that capacity, which
 * sorts instead of updating incrementally and selecting. */
START_TEST(every_step_equals_a_separate_allocation)
{
    sw_cycle *cy = load_cycle(TEST_CYCLE);
    srand(0x5EEB);
    for (int round = 0; round < 60; round++) {
        size_t n = 2 + (size_t)(rand() % 40);
        char *text = malloc(64 + n * 40);
        size_t o = (size_t)sprintf(text, "gemeentecode,gemeentenaam,provinciecode,inwoners\n");
        for (size_t i = 0; i < n; i++)
            o += (size_t)sprintf(text + o, "%zu,G,PV%d,%d\n", i + 1, 20 + (int)(i % 2),
                                 rand() % 5 == 0 ? rand() % 4 : 1 + rand() % 200000);
        sw_register *reg = load_register(text);
        for (int rounding = SW_ROUND_HALF_UP; rounding <= SW_ROUND_LARGEST_REMAINDER; rounding++) {
            sw_alloc_options opt = SW_ALLOC_OPTIONS_INIT;
            opt.afronding = rounding;
            int64_t from = rand() % 1000, step = 1 + rand() % 97, steps = 40;
            sw_sweep *s = NULL;
            sw_diag d = {0};
            ck_assert_int_eq(sw_sweep_compute(&s, reg, cy, &opt, from, from + (steps - 1) * step,
                                              step, true, &d),
                             0);
            for (int64_t k = 0; k < steps; k++) {
                const int64_t *gem, *prov;
                int64_t totaal;
                ck_assert_int_eq(sw_sweep_step(s, (size_t)k, &gem, &prov, &totaal), 0);
                sw_alloc_options single = opt;
                single.mode = SW_MODE_NATIONAL;
                single.has_capaciteit = true;
                single.capaciteit = from + k * step;
                sw_allocation *a = NULL;
                ck_assert_int_eq(sw_allocation_compute(&a, reg, cy, &single, &d), 0);
                for (size_t i = 0; i < n; i++)
                    ck_assert_int_eq(gem[i], a->row[i].opgave);
                for (size_t p = 0; p < a->nprov; p++)
                    ck_assert_int_eq(prov[p], a->prov[p].opgave);
                ck_assert_int_eq(totaal, a->totaal);
                sw_allocation_free(a);
            }
            sw_sweep_free(s);
        }
        sw_register_free(reg);
        free(text);
    }
    sw_cycle_free(cy);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sweep");
    TCase *tc = tcase_create("sweep");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, the_alabama_paradox_is_found);
    tcase_add_test(tc, every_step_equals_a_separate_allocation);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
