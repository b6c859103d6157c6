#include "spreiding/apportion.h"

#include <assert.h>
#include <stdlib.h>

#include "spreiding/diag.h"
#include "spreiding/policy.h"
#include "util.h"

typedef struct part {
    sw_i128 rem;
    sw_i128 weight;
    int code;
    size_t index;
} part;

/* Larger remainder first, then larger weight, then lower code. */
static int by_priority(const void *a, const void *b)
{
    const part *x = a, *y = b;
    if (x->rem != y->rem)
        return x->rem > y->rem ? -1 : 1;
    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    return (x->code > y->code) - (x->code < y->code);
}

int sw_apportion(int64_t *out, int64_t total, const sw_i128 *weight, const int *code, size_t n,
                 int rounding)
{
    return sw_apportion_ranked(out, NULL, NULL, total, weight, code, n, rounding);
}

int sw_apportion_ranked(int64_t *out, size_t *rank, int64_t *left_out, int64_t total,
                        const sw_i128 *weight, const int *code, size_t n, int rounding)
{
    assert((out && weight && code) || n == 0);
    assert(total >= 0);
    for (size_t i = 0; rank && i < n; i++)
        rank[i] = 0;
    if (left_out)
        *left_out = 0;
    assert(rounding == SW_ROUND_HALF_UP || rounding == SW_ROUND_LARGEST_REMAINDER);
    sw_i128 W = 0;
    for (size_t i = 0; i < n; i++) {
        assert(weight[i] >= 0);
        if (__builtin_add_overflow(W, weight[i], &W))
            return SW_EOVERFLOW;
    }
    if (W == 0) {
        for (size_t i = 0; i < n; i++)
            out[i] = 0;
        return total == 0 ? 0 : SW_EDATA;
    }
    if (rounding == SW_ROUND_HALF_UP) {
        sw_i128 W2;
        if (__builtin_mul_overflow(W, 2, &W2))
            return SW_EOVERFLOW;
        for (size_t i = 0; i < n; i++) {
            sw_i128 p;
            if (__builtin_mul_overflow((sw_i128)total * 2, weight[i], &p) ||
                __builtin_add_overflow(p, W, &p))
                return SW_EOVERFLOW;
            out[i] = (int64_t)(p / W2);
        }
        return 0;
    }
    part *parts = sw__array(n, sizeof *parts);
    if (!parts)
        return SW_ENOMEM;
    int64_t given = 0;
    for (size_t i = 0; i < n; i++) {
        sw_i128 p;
        if (__builtin_mul_overflow((sw_i128)total, weight[i], &p)) {
            free(parts);
            return SW_EOVERFLOW;
        }
        out[i] = (int64_t)(p / W);
        given += out[i];
        parts[i] = (part){p % W, weight[i], code[i], i};
    }
    int64_t left = total - given; /* < n: each part lost less than one */
    sw__sort(parts, n, sizeof *parts, by_priority);
    for (int64_t k = 0; k < left; k++)
        out[parts[k].index]++;
    for (size_t k = 0; rank && k < n; k++)
        rank[parts[k].index] = k + 1;
    if (left_out)
        *left_out = left;
    free(parts);
    return 0;
}
