/**
 * # Progress: counted places against the opgave, and the 75 % test
 *
 * rekenregels §4. A location counts (`telt mee`) on the peildatum when all of
 * these hold: it is not `nood`; it is `aanmeld` only when the cycle lets
 * those count; its status is gerealiseerd or toegezegd (gepland only in a
 * scenario; afgewezen and ingetrokken never); `vanaf ≤ peildatum` and (`tot`
 * empty or `tot > peildatum`); `tot` empty or `tot ≥ beschikbaar-tot` when the
 * cycle sets that date; it is duurzaam when the cycle counts only duurzame
 * places; and it has at least `minimum-plaatsen` places. It is duurzaam when
 * `tot` is empty or `tot ≥ vanaf + N years`.
 *
 * Counting is fed one location at a time (a file of any size is counted
 * without being held), at one peildatum or at each date of a timeline: a
 * location counts at the dates between its `vanaf` and its `tot`, so every
 * step equals a single count at that date.
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
#include "spreiding/policy.h"
#include "spreiding/register.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Places added to a gemeente before computing (`--what-if`): counted and
 * duurzaam, at every date. */
typedef struct sw_what_if {
    int32_t gemeente; /**< register index */
    int64_t plaatsen; /**< > 0 */
} sw_what_if;

/** Most dates of one timeline. */
#define SW_MAX_STEPS 1000

/** Overrides of the cycle's counting parameters (§7.7); zero-initialised
 * means none: the cycle's values apply. */
typedef struct sw_progress_options {
    bool has_peildatum;
    sw_date peildatum;
    bool has_drempel_pct;
    int64_t drempel_pct; /**< 1..100, when has_drempel_pct (else the cycle's) */
    bool has_duurzaam_jaren;
    int64_t duurzaam_jaren;
    sw_ja_nee aanmeld_telt;         /**< SW_JA / SW_NEE; 0 = the cycle's */
    sw_ja_nee telt_alleen_duurzaam; /**< SW_JA / SW_NEE; 0 = the cycle's */
    bool has_minimum_plaatsen;
    int64_t minimum_plaatsen;
    /** `--kso-max-plaatsen`: the most places of a small-scale location (§4b,
     * kso.h). It does not change what counts; it is resolved here so that
     * every report of a run (explain's locations, the overview) classifies
     * with one value. */
    bool has_kso_max_plaatsen;
    int64_t kso_max_plaatsen;
    sw_ja_nee beschikbaar_tot; /**< 0 = the cycle's; SW_JA: the date below; SW_NEE: none */
    sw_date beschikbaar_tot_datum;
    bool include_planned;    /**< count `gepland` too (a scenario) */
    const sw_what_if *what_if;
    size_t nwhat_if;
    /** A timeline: count at each of these dates (ascending, distinct) instead of
     * the peildatum; at most SW_MAX_STEPS. */
    const sw_date *steps;
    size_t nsteps;
} sw_progress_options;

/** Why a location does or does not count. */
typedef enum sw_verdict {
    SW_TELT = 0,
    SW_NIET_NOOD,          /**< noodopvang never counts */
    SW_NIET_AANMELD,       /**< aanmeld, and the cycle says those do not count */
    SW_NIET_AFGEWEZEN,     /**< afgewezen or ingetrokken: never counts */
    SW_NIET_GEPLAND,       /**< only planned, and no scenario asked for */
    SW_NIET_NOG_NIET,      /**< vanaf after the peildatum */
    SW_NIET_AFGELOPEN,     /**< tot on or before the peildatum */
    SW_NIET_TE_KORT,       /**< ends before beschikbaar-tot */
    SW_NIET_NIET_DUURZAAM, /**< not duurzaam, and only duurzame places count */
    SW_NIET_TE_KLEIN,      /**< fewer places than minimum-plaatsen */
    SW_NIET_BUITEN_RUN     /**< its gemeente is not in the opgave file */
} sw_verdict;

/** A sentence in Dutch for a verdict ("telt mee", "telt niet: noodopvang
 * telt nooit mee", ...). */
SW_API const char *sw_verdict_text(int verdict);

typedef struct sw_progress_row {
    int64_t geteld;     /**< r_i */
    int64_t geteld_amv;
    int64_t duurzaam;   /**< d_i */
    int64_t what_if;    /**< places added by --what-if (included above) */
} sw_progress_row;

typedef struct sw_progress_provincie {
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
} sw_progress_provincie;

/** The count at one date. */
typedef struct sw_progress_step {
    sw_date peildatum;
    sw_progress_row *row;   /**< one per register entry */
    sw_progress_provincie *prov; /**< parallel to sw_progress.prov */
} sw_progress_step;

typedef struct sw_progress_acc sw_progress_acc;

typedef struct sw_progress {
    sw_date peildatum;       /**< the (first) date counted at */
    int64_t drempel_pct;
    int64_t duurzaam_jaren;
    sw_ja_nee aanmeld_telt;
    sw_ja_nee telt_alleen_duurzaam;
    int64_t minimum_plaatsen;
    bool has_beschikbaar_tot;
    sw_date beschikbaar_tot;
    int64_t kso_max_plaatsen; /**< small-scale: at most this many places (§4b) */
    bool kso_max_opgegeven;   /**< kso_max_plaatsen came from the options, not the cycle */
    bool include_planned;
    bool scenario;           /**< planned places or --what-if included */
    const sw_opgave *opgave; /**< borrowed */
    size_t n;
    int *prov_of;            /**< register index → index into prov, -1 */
    size_t nprov;
    /* The count at the peildatum (the first step of a timeline): */
    sw_progress_row *row;    /**< one per register entry */
    sw_progress_provincie *prov; /**< provinces with gemeenten in the run, by code */
    sw_progress_step *step;  /**< every date: one, or the timeline's */
    size_t nsteps;
    size_t buiten_run;       /**< locations of gemeenten not in the run */
    sw_progress_acc *acc;    /**< private: what the counting needs until finished */
} sw_progress;

/** A count against `opgave`, to be fed locations. All inputs must outlive the
 * result. Errors: SW_EUSAGE for options out of range (with a message),
 * SW_EDATA for a gemeente in a province the cycle does not know,
 * SW_EOVERFLOW, SW_ENOMEM. */
SW_API int sw_progress_new(sw_progress **out, const sw_register *reg, const sw_cycle *cy,
                           const sw_opgave *opgave, const sw_progress_options *opt,
                           sw_diag *diag);

/** Counts one location; stores its verdict at the (first) date in
 * l->verdict and whether it is duurzaam in l->duurzaam. Returns 0, or
 * SW_EOVERFLOW when the places no longer add up exactly (the caller knows
 * where the row is and says so). */
SW_API int sw_progress_add(sw_progress *p, sw_locatie *l);

/** Ends the count: adds the what-if places, tests each province against the
 * threshold at every date. Returns 0 or an error (with a message). */
SW_API int sw_progress_finish(sw_progress *p, sw_diag *diag);

/** new, add every location of `loc` (may be NULL: no locations), finish. On
 * an overflow the message names the location's line. */
SW_API int sw_progress_compute(sw_progress **out, const sw_register *reg, const sw_cycle *cy,
                               const sw_opgave *opgave, sw_locaties *loc,
                               const sw_progress_options *opt, sw_diag *diag);

SW_API void sw_progress_free(sw_progress *p);

/** Whether location `l` counts at `peildatum` under the parameters of `p`
 * (SW_TELT), and if not why; the test of a single row. */
SW_API int sw_progress_verdict(const sw_progress *p, const sw_locatie *l, sw_date peildatum);

#ifdef __cplusplus
}
#endif
#endif
