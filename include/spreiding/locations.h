/**
 * # Locations: the reception places a gemeente provides
 *
 * A locations file has one row per reception location (domain.md §4):
 * `gemeentecode`, `plaatsen`, `soort`, `vanaf` (required) and `locatie`,
 * `amv_plaatsen`, `tot`, `status` (optional), in any order. A file with one
 * row per gemeente and no `locatie` column is the same thing.
 */
#ifndef SPREIDING_LOCATIONS_H
#define SPREIDING_LOCATIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "spreiding/csv.h"
#include "spreiding/date.h"
#include "spreiding/diag.h"
#include "spreiding/export.h"
#include "spreiding/register.h"

#ifdef __cplusplus
extern "C" {
#endif

/** `soort` of a location. */
enum { SW_SOORT_REGULIER = 1, SW_SOORT_AMV, SW_SOORT_BIJZONDER, SW_SOORT_AANMELD, SW_SOORT_NOOD };
/** `status` of a location; an empty status means gerealiseerd (§7.7). */
enum { SW_LOC_GEREALISEERD = 1, SW_LOC_TOEGEZEGD, SW_LOC_GEPLAND };

typedef struct sw_locatie {
    int32_t gemeente;     /**< index into the register */
    unsigned char soort;  /**< SW_SOORT_* */
    unsigned char status; /**< SW_LOC_* */
    bool has_tot;
    const char *naam;     /**< `locatie`, or "" (owned by the set) */
    int64_t plaatsen;     /**< > 0 */
    int64_t amv_plaatsen; /**< 0..plaatsen */
    sw_date vanaf;
    sw_date tot;          /**< > vanaf when has_tot */
    long line;
} sw_locatie;

typedef struct sw_locaties_doc sw_locaties_doc;

typedef struct sw_locaties {
    sw_locatie *loc;  /**< in file order */
    size_t n;
    char *file;
    long plaatsen_column; /**< 1-based field of plaatsen, for messages */
    sw_locaties_doc *doc; /**< private storage */
} sw_locaties;

/** Reads a locations file against `reg` (which must outlive the result).
 * Every bad row is reported (up to SW_DIAG_MAX, the rest counted): an
 * unknown gemeentecode, non-positive `plaatsen`, `amv_plaatsen` above
 * `plaatsen`, an unknown `soort` or `status`, a date that does not exist,
 * `tot` not after `vanaf`. Nothing is returned from a file with errors.
 * A file with only a header is valid: no locations. */
SW_API int sw_locaties_load(sw_locaties **out, const sw_register *reg, const char *name,
                            const char *data, size_t len, const sw_csv_options *opt,
                            sw_diag *diag);

SW_API void sw_locaties_free(sw_locaties *l);

/** "regulier", "amv", ... and "gerealiseerd", ... */
SW_API const char *sw_soort_name(int soort);
SW_API const char *sw_loc_status_name(int status);

#ifdef __cplusplus
}
#endif
#endif
