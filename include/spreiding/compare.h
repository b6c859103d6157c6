/**
 * # Comparing two runs: what changed
 *
 * The same run twice, side by side: two location registers (`--vergelijk
 * OLD`), one register at two peildata (`--vergelijk-peildatum DATE`), or an
 * old register at an old date against a new one (both options). A scenario
 * (`--what-if`, `--include-planned`) is measured on the new side only, so a
 * scenario can be set against the baseline.
 *
 * Per gemeente and per province the comparison says whether a compared
 * figure changed, whether the row changed status (a province crossing the
 * threshold, a gemeente becoming eligible for lid 3 or losing it), and puts
 * the rows in the order people read them: status changes first, then the
 * largest money changes, then the other changes, then the rows that did not
 * change. The figures themselves stay in the two measurements; the report
 * (report.h, sw_report_compare) shows old, new and their difference.
 *
 * When both measurements kept their rows (`keep_all`), locations are matched
 * between the two sides: by gemeentecode and `locatie`, and for rows
 * without a `locatie` by gemeentecode, `soort` and `vanaf`. A key that occurs
 * more than once on a side is compared as a group (places summed, the
 * earliest vanaf, the latest tot) and flagged.
 */
#ifndef SPREIDING_COMPARE_H
#define SPREIDING_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spreiding/diag.h"
#include "spreiding/export.h"
#include "spreiding/locations.h"
#include "spreiding/measure.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How a yes/no figure went from old to new. */
typedef enum sw_flip {
    SW_FLIP_GELIJK = 0, /**< the same on both sides */
    SW_FLIP_GEWONNEN,   /**< nee → ja */
    SW_FLIP_VERLOREN    /**< ja → nee */
} sw_flip;

/** What changed for one gemeente or province. */
typedef struct sw_change {
    sw_flip status;     /**< gemeente: in_aanmerking (lid 3, with grants); province:
                             drempel_gehaald */
    bool changed;       /**< any compared figure differs (status included); for a province
                             also when one of its gemeenten changed, so that a reader of the
                             changes finds every changed gemeente under a listed province */
    bool money;         /**< any amount differs (with grants) */
    int64_t totaal;     /**< new − old `totaal`, cents; 0 without grants */
    int64_t potentieel; /**< new − old `potentieel_lid3`, cents; 0 without grants */
} sw_change;

/** One side of a matched location: the rows with its key on that side. */
typedef struct sw_loc_side {
    size_t nrows;          /**< 0: not on this side; more than 1: a group */
    const sw_locatie *row; /**< the first of them in the file, or NULL */
    int64_t plaatsen;      /**< summed */
    int64_t amv_plaatsen;  /**< summed */
    int64_t geteld;        /**< places of the rows that count at this side's peildatum */
    int soort;             /**< sw_soort shared by the rows, 0 when they differ */
    int status;            /**< sw_loc_status shared by the rows, 0 when they differ */
    sw_date vanaf;         /**< the earliest */
    bool has_tot;          /**< false when any row is open-ended */
    sw_date tot;           /**< the latest */
} sw_loc_side;

/** What changed about a location (flags). */
enum {
    SW_LOC_NIEUW = 1 << 0,     /**< only in the new register */
    SW_LOC_VERDWENEN = 1 << 1, /**< only in the old register */
    SW_LOC_PLAATSEN = 1 << 2,
    SW_LOC_AMV = 1 << 3,
    SW_LOC_SOORT = 1 << 4,
    SW_LOC_STATUS = 1 << 5, /**< e.g. toegezegd → gerealiseerd, → afgewezen */
    SW_LOC_VANAF = 1 << 6,
    SW_LOC_TOT = 1 << 7,
    SW_LOC_GETELD = 1 << 8, /**< the places that count differ (it started or stopped counting) */
    SW_LOC_DUBBEL = 1 << 9  /**< the key occurs more than once on a side (not a change) */
};

typedef struct sw_loc_match {
    int32_t gemeente;    /**< register index */
    const char *locatie; /**< the key's name; "" for a key of soort and vanaf */
    sw_loc_side oud, nieuw;
    unsigned wat; /**< SW_LOC_* */
} sw_loc_match;

/** Whether a matched location changed (SW_LOC_DUBBEL alone is no change). */
static inline bool sw_loc_changed(const sw_loc_match *m)
{
    return (m->wat & ~(unsigned)SW_LOC_DUBBEL) != 0;
}

typedef struct sw_compare_options {
    /** Match the locations of the two sides. Both measurements must have
     * been made with `keep_all` (their rows, with verdicts, are read). */
    bool locaties;
    /** Both sides counted the same file (one register at two peildata): only
     * the new measurement need keep its rows, and the old side's verdicts
     * are found again from them (sw_progress_verdict at the old peildatum
     * under the old side's rules), which halves the memory. */
    bool zelfde_bestand;
} sw_compare_options;

typedef struct sw_comparison {
    const sw_measurement *oud, *nieuw; /**< borrowed */
    bool grants;                       /**< both sides have grants */
    size_t n;                          /**< register entries */
    sw_change *gemeente;       /**< one per register entry (zero for those not in the run) */
    size_t *gemeente_order;    /**< the gemeenten of the run (register indices), as people read
                                    them: status changes, money changes (largest |Δ totaal|, then
                                    |Δ potentieel_lid3| first), other changes, unchanged; within
                                    each group by code */
    size_t ngemeenten;         /**< in the run */
    size_t ngemeenten_changed; /**< the first this many of gemeente_order changed */
    size_t nprov;
    sw_change *prov;    /**< parallel to the progress results' prov (the same provinces) */
    size_t *prov_order; /**< as gemeente_order */
    size_t nprov_changed;
    sw_loc_match *loc; /**< matched locations by gemeentecode, then key (named ones by
                            name, then the others by soort and vanaf); NULL without
                            `locaties` */
    size_t nloc;
    size_t nloc_changed;
    size_t ndubbel_oud, ndubbel_nieuw; /**< keys that occur more than once on a side */
} sw_comparison;

/** Compares two finished measurements. Both must be of the same register
 * and cycle, with the same gemeenten taking part and the same opgave
 * (SW_EUSAGE otherwise, with a message); with grants on one side only, the
 * grants are not compared. The measurements must outlive the result.
 * Errors: SW_EUSAGE, SW_EOVERFLOW (a group's places do not add up exactly),
 * SW_ENOMEM. */
SW_API int sw_compare(sw_comparison **out, const sw_measurement *oud, const sw_measurement *nieuw,
                      const sw_compare_options *opt, sw_diag *diag);

SW_API void sw_comparison_free(sw_comparison *c);

#ifdef __cplusplus
}
#endif
#endif
