/**
 * # CSV: reading files as people really have them
 *
 * A streaming reader over an in-memory file. It accepts what Excel and
 * StatLine write: UTF-8 with or without BOM, Windows-1252 (transcoded to
 * UTF-8), `,` `;` or tab as delimiter (detected from the header line), CRLF,
 * LF or CR line ends, quoted fields with embedded delimiters and newlines. It
 * rejects, with a located message: an empty file, a NUL byte, bytes that are
 * neither UTF-8 nor Windows-1252, an unterminated or misplaced quote, a
 * record with fewer fields than the header (or with extra non-empty ones),
 * and fields or files beyond the limits below.
 *
 * Records are handed to a callback one at a time; the header is record 0.
 */
#ifndef SPREIDING_CSV_H
#define SPREIDING_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "spreiding/diag.h"
#include "spreiding/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Longest field accepted, in bytes after transcoding. */
#define SW_CSV_MAX_FIELD 1024
/** Most data records accepted in one file. */
#define SW_CSV_MAX_RECORDS 10000000
/** Most fields accepted in one record. */
#define SW_CSV_MAX_FIELDS 256

typedef struct sw_csv_options {
    char delimiter;   /**< `,` `;` or `\t`; 0 detects it from the header */
    size_t max_field; /**< 0 means SW_CSV_MAX_FIELD */
    size_t max_records; /**< 0 means SW_CSV_MAX_RECORDS */
} sw_csv_options;

#define SW_CSV_OPTIONS_INIT {0, 0, 0}

/** One record. Fields are NUL-terminated UTF-8, valid only during the
 * callback. `line` is the physical line the record starts on; `field_line[i]`
 * the line field i ends on (they differ only after an embedded newline). */
typedef struct sw_csv_record {
    size_t index; /**< 0 for the header, then 1, 2, ... */
    long line;
    size_t nfields;
    const char *const *field;
    const size_t *len;
    const long *field_line;
    char delimiter; /**< the delimiter in use */
} sw_csv_record;

/** Called once per record. A non-zero return stops reading; sw_csv_read then
 * returns that value. */
typedef int (*sw_csv_record_fn)(void *ctx, const sw_csv_record *rec, sw_diag *diag);

/** Reads `len` bytes of `data`, calling `fn` for each record. `name` is used
 * in messages only. `opt` may be NULL. Returns 0, `SW_EDATA` / `SW_ELIMIT`
 * with messages in `diag`, `SW_ENOMEM`, or what `fn` returned. */
SW_API int sw_csv_read(const char *name, const char *data, size_t len,
                       const sw_csv_options *opt, sw_csv_record_fn fn, void *ctx,
                       sw_diag *diag);

/** ## Header mapping */

/** A column a reader looks for. `names` is a NULL-terminated list of accepted
 * header names (matched ignoring case and surrounding spaces). */
typedef struct sw_csv_column {
    const char *const *names;
    bool required;
} sw_csv_column;

/** Finds each of `ncols` columns in `header`, storing its field index in
 * `index[i]`, or -1 for an absent optional column. A missing required column
 * or a column present twice is `SW_EDATA`, reported at the header. With
 * `prefix_match`, a name ending in `*` matches any header starting with the
 * rest (StatLine suffixes its column names: `GemiddeldeScore_29`). */
SW_API int sw_csv_map_columns(long *index, const sw_csv_record *header,
                              const sw_csv_column *cols, size_t ncols, const char *name,
                              sw_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
