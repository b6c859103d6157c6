/**
 * # Numbers: exact parsing and formatting
 *
 * Every rule of the law is computed in integers and exact fractions. This
 * module turns CSV cells into integers (rekenregels §7.5) and exact fractions
 * back into decimal text. Nothing here uses floating point or the locale.
 */
#ifndef SPREIDING_NUMBER_H
#define SPREIDING_NUMBER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spreiding/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** 128-bit intermediates for products of 64-bit values (gcc and clang). */
__extension__ typedef __int128 sw_i128;

/** Fixed-point scale of decimal values such as SES-WOA scores: 6 places. */
#define SW_MICRO INT64_C(1000000)

/** ## Parsing cells
 *
 * Each parser reads one whole cell (`s`, `len` bytes, not necessarily
 * NUL-terminated), ignoring ASCII spaces at both ends. It returns 0 and
 * stores the value, or `SW_EDATA` / `SW_EOVERFLOW` and points `*why` at a
 * static English phrase ("is not a whole number", ...). An empty cell is
 * `SW_EDATA` with why "is empty": callers that allow empty check first with
 * `sw_cell_is_empty`. */

/** True when the cell holds nothing but spaces. */
SW_API bool sw_cell_is_empty(const char *s, size_t len);

/** A count (inwoners, plaatsen, opgave): digits, optionally grouped in threes
 * by `.`, a space or a no-break space, the same separator throughout
 * (`23922`, `23.922`, `23 922`). `12.5`, `1.234.56`, `1e5`, `12,5`, `-3` and
 * `+3` are errors; so is a value above INT64_MAX (`SW_EOVERFLOW`). */
SW_API int sw_parse_count(int64_t *out, const char *s, size_t len, const char **why);

/** A decimal with at most 6 places, stored in millionths: an optional sign,
 * digits, and optionally one `.` or `,` followed by digits (`0,344`,
 * `-0.100`). No grouping. Digits are required on both sides of the
 * separator. */
SW_API int sw_parse_micro(int64_t *out, const char *s, size_t len, const char **why);

/** An amount of money in euros, stored in cents (rekenregels §7.5): digits,
 * optionally grouped in threes by one separator (`.`, `,`, a space or a
 * no-break space), optionally followed by exactly two decimals after the
 * other separator: `1500`, `1.500`, `1 500`, `1.500,50`, `1500,50`,
 * `1,500.50`, `1500.50`. A separator followed by exactly three digits is
 * grouping (`1.500` is € 1 500). `1.234.56`, `1.5` and `1500,5` are errors. */
SW_API int sw_parse_cents(int64_t *out, const char *s, size_t len, const char **why);

/** ## Formatting
 *
 * Formatters write a NUL-terminated string into `out` (at most `cap` bytes,
 * `cap` ≥ 48 always suffices) and return its length. */

/** How a decimal is rounded to its last place. */
typedef enum sw_rounding {
    SW_ROUND_DECIMAL_HALF_UP = 1, /**< halves away from zero: 0.125 → 0.13 */
    SW_ROUND_DECIMAL_DOWN         /**< toward zero: 74.999 → 74.99 (rekenregels §7.11) */
} sw_rounding;

/** `num / den` (den > 0) rounded to `places` decimals (0..18), `.` as
 * separator, exactly for every 128-bit num and den. */
SW_API size_t sw_format_decimal(char *out, size_t cap, sw_i128 num, sw_i128 den, int places,
                                sw_rounding rounding);

/** sw_format_decimal rounded half-up: 2/3 with 4 places is "0.6667". */
SW_API size_t sw_format_fraction(char *out, size_t cap, sw_i128 num, sw_i128 den, int places);

/** A value in millionths with exactly `places` decimals (0..6), rounded
 * half-up. */
SW_API size_t sw_format_micro(char *out, size_t cap, sw_i128 micro, int places);

/** A 128-bit integer in decimal. */
SW_API size_t sw_format_i128(char *out, size_t cap, sw_i128 v);

/** `num/den` reduced to lowest terms, as "num/den" ("3/4", "0/1"). */
SW_API size_t sw_format_ratio(char *out, size_t cap, sw_i128 num, sw_i128 den);

/** Cents as euros with two decimals and `sep` as decimal separator
 * ("-12.05"). No thousands grouping. */
SW_API size_t sw_format_cents(char *out, size_t cap, int64_t cents, char sep);

#ifdef __cplusplus
}
#endif
#endif
