/**
 * # Dates
 *
 * Calendar dates (proleptic Gregorian) as they appear in the data. Used for
 * the peildatum and, per location, `vanaf`/`tot`.
 */
#ifndef SPREIDING_DATE_H
#define SPREIDING_DATE_H

#include <stddef.h>

#include "spreiding/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sw_date {
    int y, m, d;
} sw_date;

/** Parses a date as people write it in a cell (rekenregels §7.13): ISO
 * `YYYY-MM-DD`, or `D-M-YYYY` as LibreOffice and Excel write it in a Dutch
 * locale (day and month with one or two digits). Years 1000..9999; the day
 * must exist (`2025-02-30` is SW_EDATA, `2024-02-29` is valid). A date with
 * `/` is SW_EDATA with a message that says why: it means different days in
 * different locales. */
SW_API int sw_parse_date(sw_date *out, const char *s, size_t len, const char **why);

/** <0, 0 or >0 as a is before, equal to or after b. */
SW_API int sw_date_cmp(sw_date a, sw_date b);

/** The same month and day `years` later; 29 February becomes 28 February when
 * the target year is not a leap year (rekenregels §7.7). */
SW_API sw_date sw_date_add_years(sw_date d, int years);

/** `months` calendar months later (or earlier, when negative), the day
 * clamped to the end of the target month: 31 January + 1 month is 28 (or 29)
 * February. Each result is computed from `d`, so a series of steps counts
 * from its start (31-1, 28-2, 31-3), never from the previous step. */
SW_API sw_date sw_date_add_months(sw_date d, int months);

/** `days` days later (or earlier, when negative). */
SW_API sw_date sw_date_add_days(sw_date d, long days);

/** The number of days from 1970-01-01 to `d` (negative before it): the
 * distance between two dates is the difference of their numbers. */
SW_API long sw_date_days(sw_date d);

/** Writes `YYYY-MM-DD` (11 bytes with the NUL) into out. */
SW_API void sw_format_date(char out[11], sw_date d);

#ifdef __cplusplus
}
#endif
#endif
