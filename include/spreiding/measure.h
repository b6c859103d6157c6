/**
 * # Measuring: the whole pipeline of progress and grants
 *
 * One entry point for what `progress`, `grants`, `explain` and `report` do:
 * the opgave (an allocation of the register, or an official opgave file),
 * the locations counted against it, the 75 % test and, when asked, the art. 9
 * grants. The locations are fed as a stream (any size, constant memory); the
 * rows of one gemeente can be kept for `explain`.
 *
 *     sw_measurement *m;
 *     sw_measurement_new(&m, reg, cy, NULL, "locaties.csv", &opt, &diag);
 *     while ((n = fread(buf, 1, sizeof buf, f)) > 0)
 *         sw_measurement_feed(m, buf, n);
 *     sw_measurement_finish(m);   // m->progress, m->grants
 *     sw_measurement_free(m);
 */
#ifndef SPREIDING_MEASURE_H
#define SPREIDING_MEASURE_H

#include <stdbool.h>
#include <stddef.h>

#include "spreiding/allocation.h"
#include "spreiding/csv.h"
#include "spreiding/cycle.h"
#include "spreiding/diag.h"
#include "spreiding/export.h"
#include "spreiding/grants.h"
#include "spreiding/kso.h"
#include "spreiding/locations.h"
#include "spreiding/opgave.h"
#include "spreiding/progress.h"
#include "spreiding/register.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sw_measure_options {
    sw_alloc_options alloc;       /**< for the allocation; must be unset with an opgave file */
    sw_progress_options progress; /**< counting overrides, what-ifs, a timeline */
    sw_grant_options grants;
    bool with_grants;             /**< compute the grants (the cycle needs its tariffs) */
    /** Also summarise small-scale reception (kso.h) of the same rows, with
     * the same peildatum and counting options but never a scenario: the
     * overview reports the register as it is, every gemeente of it. */
    bool with_kso;
    /** With a timeline (progress.steps): realised small-scale reception at
     * each date, per province (m->kso_series, kso.h). */
    bool with_kso_series;
    long keep_gemeente;           /**< keep the locations of this register index; -1: none */
    bool keep_all;                /**< keep every location */
    sw_csv_options csv;           /**< how to read the locations file */
} sw_measure_options;

#define SW_MEASURE_OPTIONS_INIT                                                              \
    {.alloc = SW_ALLOC_OPTIONS_INIT, .progress = {.has_peildatum = false}, .grants = {0},     \
     .with_grants = false, .with_kso = false, .keep_gemeente = -1, .keep_all = false, .csv = SW_CSV_OPTIONS_INIT}

typedef struct sw_measure_state sw_measure_state;

typedef struct sw_measurement {
    const sw_register *reg;  /**< borrowed */
    const sw_cycle *cy;      /**< borrowed */
    sw_allocation *alloc;    /**< NULL when the opgave came from a file */
    const sw_opgave *opgave; /**< the allocation's (owned) or the file's (borrowed) */
    sw_progress *progress;   /**< complete after sw_measurement_finish */
    sw_grants *grants;       /**< NULL unless with_grants */
    sw_kso *kso;             /**< NULL unless with_kso; complete after sw_measurement_finish */
    sw_kso_series *kso_series; /**< NULL unless with_kso_series; complete after finish */
    sw_locaties *kept;       /**< the rows kept (keep_gemeente, keep_all), with verdicts */
    sw_measure_state *state; /**< private */
} sw_measurement;

/** Begins a measurement. `opgave` is an official opgave file, or NULL to
 * allocate the register; `locaties_name` names the locations file (for
 * messages), or NULL when there is none (then nothing is fed). `reg`, `cy`,
 * `opgave` and `diag` must outlive the measurement. Errors: SW_EUSAGE for
 * options that contradict each other (allocation options with an opgave
 * file), the errors of sw_allocation_compute and sw_progress_new. */
SW_API int sw_measurement_new(sw_measurement **out, const sw_register *reg, const sw_cycle *cy,
                              const sw_opgave *opgave, const char *locaties_name,
                              const sw_measure_options *opt, sw_diag *diag);

/** Feeds the next bytes of the locations file. Returns 0 or the first fatal
 * error; bad rows are listed and reported at sw_measurement_finish. */
SW_API int sw_measurement_feed(sw_measurement *m, const char *data, size_t len);

/** Ends the file, finishes the count and computes the grants. Returns 0 or
 * the first error (the messages are in diag). */
SW_API int sw_measurement_finish(sw_measurement *m);

/** new, one feed of a file in memory, finish. */
SW_API int sw_measurement_compute(sw_measurement **out, const sw_register *reg, const sw_cycle *cy,
                                  const sw_opgave *opgave, const char *locaties_name,
                                  const char *data, size_t len, const sw_measure_options *opt,
                                  sw_diag *diag);

SW_API void sw_measurement_free(sw_measurement *m);

/** Parses `--budget PROVINCIE=EUR` (a province code or name of the cycle,
 * euros by the money rule of §7.5). Returns 0 or SW_EUSAGE with a message. */
SW_API int sw_budget_parse(sw_budget *out, const sw_cycle *cy, const char *text, sw_diag *diag);

/** Parses `--what-if GMxxxx=+N` (N > 0 places). Returns 0 or SW_EUSAGE. */
SW_API int sw_what_if_parse(sw_what_if *out, const sw_register *reg, const char *text,
                            sw_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
