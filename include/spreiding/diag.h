/**
 * # Diagnostics and error codes
 *
 * Every library function returns 0 on success or one of the negative
 * `SW_E*` codes below. Data errors (bad input) are reported in a
 * caller-supplied `sw_diag`, located by file, line and column, and named by
 * the input column. Programming errors (NULL where a pointer is required) are
 * asserted, never reported.
 *
 * A `sw_diag` keeps the first `SW_DIAG_MAX` messages and counts the rest, so a
 * reader can list every problem of a file, not just the first.
 */
#ifndef SPREIDING_DIAG_H
#define SPREIDING_DIAG_H

#include <stdarg.h>
#include <stddef.h>

#include "spreiding/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** ## Error codes */
enum {
    SW_OK = 0,
    SW_ENOMEM = -1,    /**< an allocation failed */
    SW_EDATA = -2,     /**< the input data is malformed or inconsistent */
    SW_EOVERFLOW = -3, /**< a value is too large to compute exactly */
    SW_EUSAGE = -4,    /**< options that contradict each other or the data */
    SW_EIO = -5,       /**< reading or writing failed */
    SW_ELIMIT = -6     /**< an input exceeds a documented limit */
};

#define SW_DIAG_MAX 20
#define SW_DIAG_TEXT 320

/** One located message. `line` and `column` are 1-based; 0 means "not
 * applicable" (a message about a whole file or about the options). `column`
 * counts fields of a CSV record, not characters: column 3 is the third field. */
typedef struct sw_diag_entry {
    char file[256];
    long line;
    long column;
    char column_name[64]; /**< input column the message is about, or "" */
    char message[SW_DIAG_TEXT];
} sw_diag_entry;

/** Caller-owned; zero-initialise it (`sw_diag d = {0};`) or call
 * `sw_diag_clear`. `total` counts every message reported, `count` how many of
 * them are kept in `entries`. */
typedef struct sw_diag {
    size_t count;
    size_t total;
    sw_diag_entry entries[SW_DIAG_MAX];
} sw_diag;

/** Forget all messages. */
SW_API void sw_diag_clear(sw_diag *diag);

/** Record a message; `diag` may be NULL (the message is dropped). `file` and
 * `column_name` may be NULL. Returns `code`, so a caller can write
 * `return sw_diag_add(diag, SW_EDATA, ...)`. */
SW_API int sw_diag_add(sw_diag *diag, int code, const char *file, long line, long column,
                       const char *column_name, const char *fmt, ...)
    SW_PRINTF(7, 8);

SW_API int sw_diag_vadd(sw_diag *diag, int code, const char *file, long line, long column,
                        const char *column_name, const char *fmt, va_list ap)
    SW_PRINTF(7, 0);

/** Formats one message as `FILE:LINE:COL: column 'NAME': MESSAGE` (parts that
 * are absent are left out) into `out`; returns the length written. */
SW_API size_t sw_diag_format(char *out, size_t cap, const sw_diag_entry *e);

/** A short English phrase for an error code ("out of memory", ...). */
SW_API const char *sw_strerror(int code);

#ifdef __cplusplus
}
#endif
#endif
