/**
 * # Apportionment: dividing a whole number pro rata, exactly
 *
 * The one mechanism behind every division of the law: places over gemeenten
 * (weights w_i), amv places (weights T_i), a budget in cents (weights r_i).
 */
#ifndef SPREIDING_APPORTION_H
#define SPREIDING_APPORTION_H

#include <stddef.h>
#include <stdint.h>

#include "spreiding/export.h"
#include "spreiding/number.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Divides `total` (≥ 0) over `n` parts pro rata `weight[i]` (≥ 0), writing
 * `out[i]`.
 *
 * - `SW_ROUND_LARGEST_REMAINDER` (Hamilton): each part gets ⌊q_i⌋ with
 *   q_i = total·w_i/W; the places left go one each to the largest
 *   remainders; equal remainders go to the larger weight, then to the lower
 *   `code[i]` (rekenregels §7.3). Σ out = total exactly.
 * - `SW_ROUND_HALF_UP`: out[i] = ⌊q_i + ½⌋, no correction.
 *
 * W = Σ weight must be > 0 unless total is 0. Returns 0, SW_EDATA when W is 0
 * and total is not, SW_EOVERFLOW when an intermediate would not fit in 128
 * bits, SW_ENOMEM. */
SW_API int sw_apportion(int64_t *out, int64_t total, const sw_i128 *weight, const int *code,
                        size_t n, int rounding);

/** As sw_apportion, and for largest remainder also `rank[i]`: the 1-based
 * place of part i in the order of remainders (ties broken as above), so that
 * exactly the parts ranked 1..`*left` got a place from their remainder.
 * `rank` and `left` may be NULL; with half-up they are 0. */
SW_API int sw_apportion_ranked(int64_t *out, size_t *rank, int64_t *left, int64_t total,
                               const sw_i128 *weight, const int *code, size_t n, int rounding);

#ifdef __cplusplus
}
#endif
#endif
