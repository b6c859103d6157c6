/**
 * # Grants: art. 9, lid 3 and lid 2 sub b
 *
 * rekenregels §5 and §7.8. Money is in integer euro cents.
 *
 * Lid 3, policy `lid3`: `provinciale-drempel` (once a province meets the
 * threshold every contributing gemeente is eligible, pro rata) or
 * `per-gemeente` (no provincial gate). Amount, policy `lid3-grondslag`:
 * `per-plaats` (d_i × tariff duurzaam + (r_i − d_i) × tariff not duurzaam) or
 * `budget` (a provincial budget divided pro rata r_i / R_p to the cent).
 * Lid 2 sub b: d_i × tariff for a gemeente with at least the minimum of
 * duurzame places. totaal = lid 3 + lid 2b.
 */
#ifndef SPREIDING_GRANTS_H
#define SPREIDING_GRANTS_H

#include <stdbool.h>
#include <stdint.h>

#include "spreiding/cycle.h"
#include "spreiding/diag.h"
#include "spreiding/export.h"
#include "spreiding/policy.h"
#include "spreiding/progress.h"
#include "spreiding/register.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A provincial lid-3 budget (`--budget PV27=1500000`). */
typedef struct sw_budget {
    int provincie;  /**< code number */
    int64_t cents;
} sw_budget;

typedef struct sw_grant_options {
    sw_lid3 lid3;           /**< SW_LID3_*; 0 = the cycle's */
    sw_grondslag grondslag; /**< SW_GRONDSLAG_*; 0 = the cycle's */
    const sw_budget *budget;
    size_t nbudget;
} sw_grant_options;

typedef struct sw_grant_row {
    bool in_aanmerking;      /**< eligible for lid 3 now */
    int64_t bedrag_lid3;     /**< 0 unless eligible */
    int64_t potentieel_lid3; /**< what lid 3 gives it once eligible (= bedrag when eligible) */
    bool lid2b;              /**< reaches the lid 2b minimum */
    int64_t bedrag_lid2b;
    int64_t totaal;          /**< bedrag_lid3 + bedrag_lid2b */
} sw_grant_row;

typedef struct sw_grant_provincie {
    bool has_budget;
    int64_t budget;
    int64_t bedrag_lid3;
    int64_t potentieel_lid3;
    int64_t bedrag_lid2b;
    int64_t totaal;
} sw_grant_provincie;

typedef struct sw_grants {
    sw_lid3 lid3;                /**< in force */
    sw_grondslag grondslag;      /**< in force */
    const sw_progress *progress; /**< borrowed */
    sw_grant_row *row;     /**< one per register entry */
    size_t n;
    sw_grant_provincie *prov; /**< parallel to progress->prov */
    size_t nprov;
    int64_t totaal_lid3, totaal_lid2b, totaal;
} sw_grants;

/** Computes the grants of a progress result. A budget for a province that
 * does not take part is SW_EUSAGE; an amount beyond int64 cents is
 * SW_EOVERFLOW. */
SW_API int sw_grants_compute(sw_grants **out, const sw_register *reg, const sw_cycle *cy,
                             const sw_progress *p, const sw_grant_options *opt, sw_diag *diag);

SW_API void sw_grants_free(sw_grants *g);

#ifdef __cplusplus
}
#endif
#endif
