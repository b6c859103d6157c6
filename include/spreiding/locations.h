/**
 * # Locations: the reception places a gemeente provides
 *
 * A locations file has one row per reception location (rekenregels §4, §4b):
 * `gemeentecode`, `plaatsen`, `soort`, `vanaf` (required) and `locatie`,
 * `amv_plaatsen`, `tot`, `status`, `reden`, `kleinschalig` (optional), in any
 * order. A file with one row per gemeente and no `locatie` column is the same
 * thing. Dates are ISO (`2023-09-01`) or as Dutch spreadsheets write them
 * (`1-9-2023`, §7.13).
 *
 * The file is read as a stream: each row is checked and handed to a callback,
 * and nothing of it is kept unless the caller keeps it, so a register of
 * any size is read in constant memory.
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
typedef enum sw_soort {
    SW_SOORT_REGULIER = 1,
    SW_SOORT_AMV,
    SW_SOORT_BIJZONDER,
    SW_SOORT_AANMELD,
    SW_SOORT_NOOD
} sw_soort;

/** `status` of a location; an empty status means gerealiseerd (§7.7).
 * Afgewezen (turned down by the gemeente) and ingetrokken (withdrawn) never
 * count; they are kept for the overview of small-scale reception (§4b). */
typedef enum sw_loc_status {
    SW_LOC_GEREALISEERD = 1,
    SW_LOC_TOEGEZEGD,
    SW_LOC_GEPLAND,
    SW_LOC_AFGEWEZEN,
    SW_LOC_INGETROKKEN
} sw_loc_status;

/** `kleinschalig` as the file says it. */
typedef enum sw_kleinschalig {
    SW_KSO_UNSAID = 0, /**< no column, or an empty cell: the size decides (§4b) */
    SW_KSO_JA,
    SW_KSO_NEE
} sw_kleinschalig;

typedef struct sw_locatie {
    int32_t gemeente;     /**< index into the register */
    unsigned char soort;  /**< sw_soort */
    unsigned char status; /**< sw_loc_status */
    unsigned char kleinschalig; /**< sw_kleinschalig */
    bool has_tot;
    const char *naam;     /**< `locatie`, or "" */
    const char *reden;    /**< `reden`, or "" */
    int64_t plaatsen;     /**< > 0 */
    int64_t amv_plaatsen; /**< 0..plaatsen */
    sw_date vanaf;
    sw_date tot;          /**< > vanaf when has_tot */
    long line;            /**< the line the row starts on */
    /* Filled in by the counting (progress.h) for rows that are kept: */
    unsigned char verdict; /**< SW_TELT or why not */
    bool duurzaam;
} sw_locatie;

/** Called once per good row; the strings are valid during the call only.
 * A non-zero return stops reading and is returned. */
typedef int (*sw_locatie_fn)(void *ctx, const sw_locatie *l, sw_diag *diag);

typedef struct sw_locaties_reader sw_locaties_reader;

/** A reader of the locations file `name` against `reg` (which must outlive
 * it). Every bad row is reported (up to SW_DIAG_MAX, the rest counted) and
 * none of a file with errors counts: an unknown gemeentecode, non-positive
 * `plaatsen`, `amv_plaatsen` above `plaatsen`, an unknown `soort` or
 * `status`, `kleinschalig` that is not ja/nee (or ja on a nood or aanmeld
 * row), a date that does not exist or is written another way, `tot` not after
 * `vanaf`. Returns 0 or SW_ENOMEM. */
SW_API int sw_locaties_reader_new(sw_locaties_reader **out, const sw_register *reg,
                                  const char *name, const sw_csv_options *opt,
                                  sw_locatie_fn fn, void *ctx, sw_diag *diag);
/** Feeds the next bytes of the file; returns 0 or the first fatal error. */
SW_API int sw_locaties_reader_feed(sw_locaties_reader *r, const char *data, size_t len);
/** Ends the file. Returns 0, SW_EDATA when any row was bad, or another error. */
SW_API int sw_locaties_reader_finish(sw_locaties_reader *r);
SW_API void sw_locaties_reader_free(sw_locaties_reader *r);

/** The 1-based field of `plaatsen` once the header is read (0 before), for
 * messages about a row's places. */
SW_API long sw_locaties_reader_plaatsen_column(const sw_locaties_reader *r);

/** Rows held in memory: the few a report lists (explain's gemeente), or a
 * whole small file in the tests. */
typedef struct sw_locaties_doc sw_locaties_doc;

typedef struct sw_locaties {
    sw_locatie *loc;  /**< in file order */
    size_t n;
    char *file;
    long plaatsen_column; /**< 1-based field of plaatsen, for messages */
    sw_locaties_doc *doc; /**< private storage */
} sw_locaties;

/** An empty set of rows for the file `name`. */
SW_API int sw_locaties_new(sw_locaties **out, const char *name);

/** Adds a copy of `l` (with its strings) to the set. Returns 0 or SW_ENOMEM. */
SW_API int sw_locaties_add(sw_locaties *set, const sw_locatie *l);

/** Reads a whole file held in memory into a set (every row). */
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
