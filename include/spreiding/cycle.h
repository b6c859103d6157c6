/**
 * # Cycle: the parameters of one two-year cycle
 *
 * A cycle file (`data/cyclus-2026.csv`) is a CSV of parameters, one a row,
 * with the columns `parameter,waarde,status,bron`. `status` says how sure the
 * value is: `officieel` (from a primary text), `gerapporteerd` (as reported in
 * public sources, not checked against the primary text) or `beleid` (a policy
 * default of this tool). `bron` names the source; it may not be empty.
 *
 * Required: `jaar`, `capaciteitsraming`, `peildatum`, `drempel` (whole
 * percent), `duurzaam-jaren`. Figures a cycle may not know yet, absent (or
 * with an empty `waarde`) until they are published: `amv`, the tariffs
 * `tarief.lid2b.duurzaam`, `tarief.lid3.duurzaam`, `tarief.lid3.niet-duurzaam`
 * (euros), `lid2b-minimum`, `beschikbaar-tot` (a date, or `geen`), and per
 * province `provincie.PVnn.opgave` and `provincie.PVnn.opgave_amv`. Policies
 * with the default rekenregels §7.18 gives them when absent: `afronding` (half-up),
 * `ses-ontbrekend` (fout), `aanmeld-telt` (ja), `telt-alleen-duurzaam` (nee),
 * `minimum-plaatsen` (0), `kso-max-plaatsen` (100), `lid3`
 * (provinciale-drempel), `lid3-grondslag` (per-plaats). Provinces are named
 * by `provincie.PVnn.naam`. An unknown or repeated parameter is an error: a
 * typo must not silently fall back to a default.
 */
#ifndef SPREIDING_CYCLE_H
#define SPREIDING_CYCLE_H

#include <stdbool.h>
#include <stdint.h>

#include "spreiding/csv.h"
#include "spreiding/date.h"
#include "spreiding/diag.h"
#include "spreiding/export.h"
#include "spreiding/policy.h"
#include "spreiding/register.h"

#ifdef __cplusplus
extern "C" {
#endif

enum { SW_STATUS_OFFICIEEL = 1, SW_STATUS_GERAPPORTEERD, SW_STATUS_BELEID };

/** Most years `duurzaam-jaren` may be (in a cycle file or as an override):
 * five years after any date of the data must still be a date. */
#define SW_MAX_DUURZAAM_JAREN 1000

/** One row of the cycle file, as written there (for reports). */
typedef struct sw_param {
    char *naam;
    char *waarde;
    int status;
    char *bron;
    long line;
} sw_param;

enum {
    SW_TARIEF_LID2B_DUURZAAM,
    SW_TARIEF_LID3_DUURZAAM,
    SW_TARIEF_LID3_NIET_DUURZAAM,
    SW_TARIEF_COUNT
};

typedef struct sw_tariff {
    int64_t cents;     /**< per place */
    const sw_param *param; /**< the row it came from (status, bron); NULL: not known */
} sw_tariff;

typedef struct sw_provincie {
    int code;          /**< 20 for PV20 */
    char *naam;
    bool has_opgave;
    int64_t opgave;
    bool has_amv;
    int64_t opgave_amv;
    long line;         /**< line of its opgave row, else of its name row */
    long amv_line;     /**< line of its opgave_amv row, or 0 */
} sw_provincie;

typedef struct sw_cycle {
    char *file;
    int64_t jaar;
    int64_t capaciteit;
    bool has_amv;
    int64_t amv;
    sw_date peildatum;
    sw_afronding afronding;           /**< SW_ROUND_* */
    sw_ses_ontbrekend ses_ontbrekend; /**< SW_SES_* */
    sw_lid3 lid3;                     /**< SW_LID3_* */
    sw_grondslag lid3_grondslag;      /**< SW_GRONDSLAG_* */
    sw_ja_nee aanmeld_telt;           /**< SW_JA / SW_NEE */
    sw_ja_nee telt_alleen_duurzaam;   /**< SW_JA / SW_NEE: only duurzame rows count (§4) */
    int64_t minimum_plaatsen; /**< a row counts only with this many places (§4) */
    bool has_beschikbaar_tot;
    sw_date beschikbaar_tot;  /**< a counted row must last at least until then (§4) */
    int64_t kso_max_plaatsen; /**< small-scale reception: at most this many places (§4b) */
    int64_t drempel_pct;
    int64_t duurzaam_jaren;
    bool has_lid2b_minimum;
    int64_t lid2b_minimum;
    sw_tariff tarief[SW_TARIEF_COUNT];
    sw_provincie *provincie; /**< sorted by code */
    size_t nprov;
    sw_param *param;    /**< every row, in file order */
    size_t nparam;
} sw_cycle;

/** Reads a cycle file. On success `*out` is owned by the caller. Returns 0,
 * SW_EDATA (every problem reported), SW_ELIMIT or SW_ENOMEM. */
SW_API int sw_cycle_load(sw_cycle **out, const char *name, const char *data, size_t len,
                         const sw_csv_options *opt, sw_diag *diag);

/** Frees a cycle; NULL is allowed. */
SW_API void sw_cycle_free(sw_cycle *cycle);

/** A cycle file that names no provinces (no `provincie.PVnn.naam` rows)
 * takes them from the register: its province codes, named by its
 * `provincie` column (or PVnn). A cycle that names some is left as it is.
 * Returns 0 or SW_ENOMEM. */
SW_API int sw_cycle_adopt_provinces(sw_cycle *cycle, const sw_register *reg);

/** The province with code number `code`, or NULL. */
SW_API const sw_provincie *sw_cycle_find_provincie(const sw_cycle *cycle, int code);

/** Finds a province by code (`PV27`, `pv27`) or by name, ignoring case
 * (`Noord-Holland`, `FRYSLÂN`, and `Friesland` for Fryslân). Returns its
 * code number or SW_EDATA. */
SW_API int sw_cycle_lookup_provincie(const sw_cycle *cycle, const char *text);

/** The line of the cycle file that gives parameter `name`, or 0 when the
 * file has no such row (for messages about a value's source). */
SW_API long sw_cycle_param_line(const sw_cycle *cycle, const char *name);

/** The row of parameter `name`, or NULL when the file does not give it (or
 * leaves it empty): then a default of rekenregels §7.18, or nothing, applies. */
SW_API const sw_param *sw_cycle_param(const sw_cycle *cycle, const char *name);


/** True when the cycle has the figures the grants need under lid-3
 * grondslag `grondslag` (0: the cycle's): the tariffs and the lid 2b
 * minimum. sw_grants_compute says which are missing otherwise. */
SW_API bool sw_cycle_can_pay(const sw_cycle *cycle, sw_grondslag grondslag);

/** True when every province of the cycle has an official opgave. */
SW_API bool sw_cycle_has_opgaven(const sw_cycle *cycle);

/** "officieel", "gerapporteerd" or "beleid". */
SW_API const char *sw_status_name(int status);

#ifdef __cplusplus
}
#endif
#endif
