/**
 * # Opgave: what each gemeente is asked to provide
 *
 * Progress and grants measure places against an opgave per gemeente: either
 * the allocation of the same run, or an official per-gemeente opgave read
 * from a file (`gemeentecode,opgave[,opgave_amv]`), which is what a PRT holds
 * after the verdeelbesluit. An opgave file defines the run: only the
 * gemeenten it lists take part (rekenregels §7.10).
 */
#ifndef SPREIDING_OPGAVE_H
#define SPREIDING_OPGAVE_H

#include <stdbool.h>
#include <stdint.h>

#include "spreiding/allocation.h"
#include "spreiding/csv.h"
#include "spreiding/diag.h"
#include "spreiding/export.h"
#include "spreiding/register.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sw_opgave_row {
    bool in_run;        /**< takes part in this run */
    int64_t opgave;     /**< T_i */
    bool has_amv;
    int64_t opgave_amv;
    long line;          /**< its line in the opgave file, 0 for an allocation */
} sw_opgave_row;

typedef struct sw_opgave {
    sw_opgave_row *row;     /**< one per register entry, same order */
    size_t n;
    size_t in_run;          /**< how many gemeenten take part */
    char *file;             /**< the opgave file, or NULL for an allocation */
    bool amv_computed;      /**< the file has no opgave_amv: computed from A and C (§7.14) */
    long opgave_column;     /**< 1-based field of opgave in the file, for messages */
} sw_opgave;

/** The opgave of an allocation: every gemeente takes part. */
SW_API int sw_opgave_from_allocation(sw_opgave **out, const sw_allocation *a);

/** Reads an official per-gemeente opgave. A code not in the register, a
 * duplicate code, a bad count or an amv part above the opgave is SW_EDATA.
 * A file without an `opgave_amv` column gets its amv parts computed as the
 * national rule does, ⌊T × A / C + ½⌋ with the amv part A and capacity C of
 * `cy` (rekenregels §7.14), when `cy` is given and knows A. */
SW_API int sw_opgave_load(sw_opgave **out, const sw_register *reg, const sw_cycle *cy,
                          const char *name, const char *data, size_t len,
                          const sw_csv_options *opt, sw_diag *diag);

SW_API void sw_opgave_free(sw_opgave *o);

#ifdef __cplusplus
}
#endif
#endif
