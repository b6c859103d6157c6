/**
 * # Timelines: progress at a series of peildata
 *
 * `--tijdlijn FROM:TO[:STEP]` counts the places at FROM, FROM + STEP,
 * FROM + 2·STEP ... while they are before TO, and always at TO itself as the
 * last date, also when no step lands on it (1-1-2024:1-7-2025:1w ends 30-6-2025,
 * 1-7-2025: the range ends where it says, often a cycle's peildatum, and the
 * last interval is then shorter than STEP). STEP is `Nd` (days), `Nw` (weeks) or
 * `Nm` (calendar months; `1m` when left out). Month steps count from FROM
 * with the day clamped to the end of the month: 31-1-2025, 28-2-2025,
 * 31-3-2025, 30-4-2025 ... (step k is FROM + k months, never the previous
 * step + 1 month, so the day comes back after a short month). Dates are
 * written as in cells: `2025-01-31` or `31-1-2025`.
 *
 * The counting itself is progress.h's: a measurement whose
 * `sw_progress_options.steps` are these dates counts every step in one pass
 * over the locations, and each step equals a single count at that
 * peildatum.
 */
#ifndef SPREIDING_TIMELINE_H
#define SPREIDING_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include "spreiding/date.h"
#include "spreiding/diag.h"
#include "spreiding/export.h"
#include "spreiding/output.h"
#include "spreiding/progress.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Largest N of a STEP (`Nd`, `Nw`, `Nm`). */
#define SW_MAX_STEP_N 10000

/** A parsed `--tijdlijn`: the range, the step and the dates it gives. */
typedef struct sw_timeline {
    sw_date van, tot;           /**< FROM and TO as given */
    int64_t n;                  /**< N of the step, ≥ 1 */
    char unit;                  /**< 'd', 'w' or 'm' */
    sw_date date[SW_MAX_STEPS]; /**< the step dates, ascending */
    size_t ndates;              /**< 1..SW_MAX_STEPS */
} sw_timeline;

/** Parses `FROM:TO[:STEP]` into its dates. Errors, all SW_EUSAGE with a
 * message: a range that is not of that form, a date that does not exist or
 * is written another way than `2025-07-01` or `1-7-2025`, FROM after TO, a STEP that is
 * not `Nd`, `Nw` or `Nm` with 1 ≤ N ≤ SW_MAX_STEP_N, more than SW_MAX_STEPS
 * dates. */
SW_API int sw_timeline_parse(sw_timeline *out, const char *text, sw_diag *diag);

/** "elke maand", "elke 2 weken", "elke 10 dagen": the step in Dutch. */
SW_API const char *sw_timeline_step_text(const sw_timeline *t, char *buf, size_t cap);

typedef struct sw_chart_options {
    const char *title;    /**< heading; NULL: "PVnn Naam" */
    const char *scenario; /**< what makes the run a scenario (marked in the chart), or NULL */
} sw_chart_options;

/** Appends to `out` a line chart of province `k` (index into p->prov) over
 * every step of `p`: counted places as a percentage of the opgave at each
 * peildatum, with the threshold in force and 100 % drawn and labelled, axes
 * in Dutch dates and percentages, a filled point where the exact test holds
 * and a hollow one where it does not, and the first date the test held (or
 * "nog niet") and the last stand in words. Steps are samples, so the first
 * date is said as "tussen" the step before and the step at which the test
 * held ("al ... op de eerste peildatum" when it held from the start). One
 * self-contained <svg> element (no scripts, links or fonts outside it) that
 * scales to the width of its container up to 640 px, where its text is
 * 14 px, with a <title> and an aria-label; laid out in integers, so
 * the bytes are the same on every build. Returns 0, or SW_ENOMEM (also
 * left in out->err). */
SW_API int sw_timeline_chart_svg(sw_buf *out, const sw_progress *p, size_t k,
                                 const sw_chart_options *opt);

#ifdef __cplusplus
}
#endif
#endif
