/**
 * # Allocation: the opgave per gemeente and per province
 *
 * rekenregels §3 and §7.1–7.4: weights, the modes `national` and
 * `provincial`, rounding, and the amv part. Integers and exact fractions only.
 */
#ifndef SPREIDING_ALLOCATION_H
#define SPREIDING_ALLOCATION_H

#include <stdbool.h>
#include <stdint.h>

#include "spreiding/cycle.h"
#include "spreiding/diag.h"
#include "spreiding/export.h"
#include "spreiding/policy.h"
#include "spreiding/number.h"
#include "spreiding/register.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What the user chose; SW_UNSET (0) everywhere means the defaults of
 * rekenregels §3, §7: mode `provincial` when the cycle has every provincial opgave,
 * weging by the scores present, afronding and ses-ontbrekend from the cycle,
 * amv-afronding by mode. */
typedef struct sw_alloc_options {
    sw_mode mode;                     /**< SW_MODE_* */
    sw_weging weging;                 /**< SW_WEGING_* */
    sw_afronding afronding;           /**< SW_ROUND_*; national mode only (§7.1) */
    sw_afronding amv_afronding;       /**< SW_ROUND_* */
    sw_ses_ontbrekend ses_ontbrekend; /**< SW_SES_* */
    bool has_capaciteit;
    int64_t capaciteit; /**< replaces the capaciteitsraming; national mode only */
    bool has_amv;
    int64_t amv;        /**< replaces the cycle's amv part */
} sw_alloc_options;

/* Every policy SW_UNSET, no capacity or amv given: the fields not named are
 * zero, and a field added later is too. */
#define SW_ALLOC_OPTIONS_INIT                                                                      \
    {                                                                                              \
        .has_capaciteit = false, .has_amv = false                                                  \
    }

/** How a gemeente's amv part was computed. */
enum { SW_AMV_NONE = 0, SW_AMV_HALF_UP, SW_AMV_LARGEST_REMAINDER };

typedef struct sw_alloc_row {
    size_t gemeente;      /**< index into the register */
    sw_i128 gewicht;      /**< w_i in millionths: inwoners × (1 + S_i) × 10^6 */
    bool ses_nul;         /**< score missing and taken as 0 (ses-ontbrekend nul) */
    sw_i128 quotum_num;   /**< q_i = quotum_num / quotum_den, exactly */
    sw_i128 quotum_den;
    int64_t opgave;       /**< T_i */
    size_t rest_rank;     /**< largest remainder: place of its remainder in its division */
    size_t rest_of;       /**< ... among this many gemeenten */
    int64_t restplaatsen; /**< ... of which the first this many got a place */
    int amv_method;       /**< SW_AMV_*; NONE when no amv part is known */
    int64_t opgave_amv;
} sw_alloc_row;

typedef struct sw_alloc_provincie {
    int code;
    const char *naam;      /**< borrowed from the cycle */
    size_t ngemeenten;
    int64_t inwoners;
    sw_i128 gewicht;       /**< Σ w_i, millionths */
    int64_t opgave;        /**< O_p: official (provincial) or Σ T_i (national) */
    bool has_amv;
    int64_t opgave_amv;    /**< Σ amv_i */
    bool official_amv;     /**< the official amv figure was divided exactly */
} sw_alloc_provincie;

typedef struct sw_allocation {
    sw_mode mode;                     /**< effective SW_MODE_* */
    sw_weging weging;                 /**< effective SW_WEGING_* */
    sw_afronding afronding;           /**< national: as chosen; provincial: largest-remainder */
    sw_afronding amv_afronding;       /**< as chosen, or SW_UNSET for the mode's default */
    sw_ses_ontbrekend ses_ontbrekend; /**< effective SW_SES_* */
    int64_t capaciteit;    /**< C used */
    bool has_amv;
    int64_t amv;           /**< A used */
    bool amv_override;     /**< A came from the options: provincial amv figures unused */
    int64_t inwoners;      /**< Σ inwoners */
    size_t ses_count;      /**< gemeenten with a score */
    size_t ses_nul_count;  /**< gemeenten whose missing score was taken as 0 */
    sw_alloc_row *row;     /**< one per gemeente, in register order (by code) */
    size_t n;
    sw_alloc_provincie *prov; /**< provinces of the cycle, by code */
    size_t nprov;
    int64_t totaal;        /**< Σ T_i */
    int64_t totaal_amv;    /**< Σ amv_i */
} sw_allocation;

/** Allocates the opgave. `reg` and `cy` must outlive the result (it borrows
 * names). `opt` may be NULL. Errors: SW_EUSAGE for options that contradict
 * each other or the cycle (message in `diag`, no location); SW_EDATA for data
 * that cannot be allocated (a gemeente in a province the cycle does not know,
 * a province with an opgave and no gemeenten or no inhabitants, missing
 * scores under `fout`); SW_EOVERFLOW; SW_ENOMEM. */
SW_API int sw_allocation_compute(sw_allocation **out, const sw_register *reg, const sw_cycle *cy,
                                 const sw_alloc_options *opt, sw_diag *diag);

/** Frees an allocation; NULL is allowed. */
SW_API void sw_allocation_free(sw_allocation *a);

/** The province entry with code `code`, or NULL. */
SW_API const sw_alloc_provincie *sw_allocation_find_provincie(const sw_allocation *a, int code);

#ifdef __cplusplus
}
#endif
#endif
