/**
 * # Sweep: the allocation over a range of capacities
 *
 * For every capacity C in FROM..TO (step STEP) the national allocation of
 * rekenregels §3, per province and optionally per gemeente, plus the rounding
 * paradoxes in the range: a gemeente or province whose opgave goes down when
 * the capacity goes up (the Alabama paradox of largest remainder).
 *
 * The weights are computed once (by `sw_allocation_compute`), and each step updates
 * every quotum incrementally in integers, without a division or a sort: a
 * step costs O(n).
 */
#ifndef SPREIDING_SWEEP_H
#define SPREIDING_SWEEP_H

#include <stdbool.h>
#include <stdint.h>

#include "spreiding/allocation.h"
#include "spreiding/diag.h"
#include "spreiding/export.h"
#include "spreiding/policy.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Most capacities in one sweep, and with a per-gemeente result. */
#define SW_SWEEP_MAX_STEPS 1000000
#define SW_SWEEP_MAX_DETAIL_STEPS 10000
/** Most paradoxes kept (all are counted). */
#define SW_SWEEP_MAX_PARADOXES 10000

typedef struct sw_paradox {
    bool provincie;       /**< a province, else a gemeente */
    int code;             /**< province or gemeente code number */
    int64_t capaciteit_van, capaciteit_naar;
    int64_t opgave_van, opgave_naar; /**< opgave_naar < opgave_van */
} sw_paradox;

typedef struct sw_sweep_engine sw_sweep_engine;

/** A sweep. The opgaven of each step are not kept (a million steps of 342
 * gemeenten would not fit in memory): sw_sweep_step computes them again, in
 * order. Only the paradoxes, found in a first pass, are kept. */
typedef struct sw_sweep {
    int64_t from, step;
    size_t nsteps;
    sw_afronding afronding; /**< SW_ROUND_* used */
    sw_weging weging;       /**< SW_WEGING_* used */
    size_t n, nprov;        /**< gemeenten (register order), provinces (cycle order) */
    int *prov_code;         /**< nprov codes */
    int *gem_code;          /**< n codes */
    bool detail;            /**< a per-gemeente table was asked for */
    sw_paradox *paradox;    /**< in order of capacity, then provinces before gemeenten */
    size_t nparadox;        /**< kept */
    size_t paradox_total;   /**< found */
    sw_sweep_engine *engine; /**< private */
} sw_sweep;

/** Runs the sweep: checks the data, and finds the paradoxes of the range.
 * `opt` are the allocation options (mode must be national or unset; capacity
 * must be unset: the sweep sets it). FROM ≤ TO, STEP ≥ 1. Errors: SW_EUSAGE
 * for a bad range or options, the errors of sw_allocation_compute, SW_EOVERFLOW,
 * SW_ENOMEM. */
SW_API int sw_sweep_compute(sw_sweep **out, const sw_register *reg, const sw_cycle *cy,
                            const sw_alloc_options *opt, int64_t from, int64_t to, int64_t step,
                            bool detail, sw_diag *diag);

/** The allocation at step `k` (capacity from + k·step): `*gem` the n
 * gemeenten' opgaven (register order), `*prov` the nprov provinces' and
 * `*totaal` their sum. Steps are computed in order: k is 0 or the step after
 * the last one asked for. The arrays are the sweep's, valid until the next
 * call. Returns 0 or SW_EOVERFLOW (a total beyond 2^63 − 1). */
SW_API int sw_sweep_step(sw_sweep *s, size_t k, const int64_t **gem, const int64_t **prov,
                         int64_t *totaal);

SW_API void sw_sweep_free(sw_sweep *s);

#ifdef __cplusplus
}
#endif
#endif
