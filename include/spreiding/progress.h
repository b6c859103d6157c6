/**
 * # Progress: counted places against the opgave, and the 75 % test
 *
 * domain.md §4. A location counts (`telt mee`) on the peildatum when it is
 * not `nood`, is `aanmeld` only when the cycle lets those count, has
 * `vanaf ≤ peildatum` and (`tot` empty or `tot > peildatum`), and is
 * `gerealiseerd` or `toegezegd` (`gepland` only in a scenario). It is
 * duurzaam when `tot` is empty or `tot ≥ vanaf + N years`.
 */
#ifndef SPREIDING_PROGRESS_H
#define SPREIDING_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>

#include "spreiding/cycle.h"
#include "spreiding/date.h"
#include "spreiding/diag.h"
#include "spreiding/export.h"
#include "spreiding/locations.h"
#include "spreiding/opgave.h"
#include "spreiding/register.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Places added to a gemeente before computing (`--what-if`): counted and
 * duurzaam. */
typedef struct sw_what_if {
    int32_t gemeente; /**< register index */
    int64_t plaatsen; /**< > 0 */
} sw_what_if;

/** Overrides of the cycle's parameters; zero-initialised means none. */
typedef struct sw_progress_options {
    bool has_peildatum;
    sw_date peildatum;
    int64_t drempel_pct;     /**< 1..100; 0 = the cycle's */
    bool has_duurzaam_jaren;
    int64_t duurzaam_jaren;
    int aanmeld_telt;        /**< SW_JA / SW_NEE; 0 = the cycle's */
    bool include_planned;    /**< count `gepland` too (a scenario) */
    const sw_what_if *what_if;
    size_t nwhat_if;
} sw_progress_options;

/** Why a location does or does not count. */
enum {
    SW_TELT = 0,
    SW_NIET_NOOD,      /**< noodopvang never counts */
    SW_NIET_AANMELD,   /**< aanmeld, and the cycle says those do not count */
    SW_NIET_GEPLAND,   /**< only planned, and no scenario asked for */
    SW_NIET_NOG_NIET,  /**< vanaf after the peildatum */
    SW_NIET_AFGELOPEN, /**< tot on or before the peildatum */
    SW_NIET_BUITEN_RUN /**< its gemeente is not in the opgave file */
};

/** A sentence in Dutch for a verdict ("telt mee", "noodopvang telt nooit
 * mee", ...). */
SW_API const char *sw_verdict_text(int verdict);

typedef struct sw_progress_row {
    int64_t geteld;     /**< r_i */
    int64_t geteld_amv;
    int64_t duurzaam;   /**< d_i */
    int64_t what_if;    /**< places added by --what-if (included above) */
} sw_progress_row;

typedef struct sw_progress_prov {
    int code;
    const char *naam;   /**< borrowed from the cycle */
    size_t ngemeenten;  /**< taking part */
    int64_t opgave;     /**< O_p = Σ T_i */
    bool has_amv;
    int64_t opgave_amv;
    int64_t geteld;     /**< R_p */
    int64_t geteld_amv;
    int64_t duurzaam;
    bool gehaald;       /**< 100·R_p ≥ drempel·O_p */
    int64_t tekort_drempel; /**< max(0, ⌈drempel·O_p/100⌉ − R_p) */
    int64_t tekort_100;     /**< max(0, O_p − R_p) */
} sw_progress_prov;

typedef struct sw_progress {
    sw_date peildatum;
    int64_t drempel_pct;
    int64_t duurzaam_jaren;
    int aanmeld_telt;
    bool include_planned;
    bool scenario;           /**< planned places or --what-if included */
    const sw_opgave *opgave; /**< borrowed */
    sw_progress_row *row;    /**< one per register entry */
    size_t n;
    int *prov_of;            /**< register index → index into prov, -1 */
    sw_progress_prov *prov;  /**< provinces with gemeenten in the run, by code */
    size_t nprov;
    unsigned char *verdict;  /**< one per location: SW_TELT or why not */
    bool *loc_duurzaam;      /**< one per location */
    size_t nloc;
    size_t buiten_run;       /**< locations of gemeenten not in the run */
} sw_progress;

/** Counts the places of `loc` (may be NULL: no locations) against `opgave`.
 * All inputs must outlive the result. Errors: SW_EDATA for a gemeente in a
 * province the cycle does not know, SW_EOVERFLOW, SW_ENOMEM. */
SW_API int sw_progress_compute(sw_progress **out, const sw_register *reg, const sw_cycle *cy,
                               const sw_opgave *opgave, const sw_locaties *loc,
                               const sw_progress_options *opt, sw_diag *diag);

SW_API void sw_progress_free(sw_progress *p);

#ifdef __cplusplus
}
#endif
#endif
