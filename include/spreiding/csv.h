/**
 * # CSV: reading files as people really have them
 *
 * A streaming reader: feed it a file in blocks of any size and it hands each
 * record to a callback, holding no more than the record at hand. It accepts
 * what Excel and StatLine write: UTF-8 with or without BOM, Windows-1252 and
 * UTF-16 with a BOM (Excel's "Unicode text"), transcoded to UTF-8; `,` `;` or
 * tab as delimiter (detected from the header line); CRLF, LF or CR line ends;
 * quoted fields with embedded delimiters and line breaks; rows of nothing but
 * delimiters (what Excel writes below a table), which count as blank lines.
 * It rejects, with a message located at `file:line:column`: an empty file, a
 * NUL byte, UTF-16 without a BOM, bytes that are neither UTF-8 nor
 * Windows-1252, a control character in a field (tab, CR and LF inside a field
 * count as one space each), an unterminated or misplaced quote, a record with
 * fewer fields than the header (or with extra non-empty ones), and fields
 * beyond the limits below.
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

/** Longest field accepted, in characters after decoding (so a UTF-16 file and
 * its UTF-8 twin meet the same limit). */
#define SW_CSV_MAX_FIELD 1024
/** Most fields accepted in one record. */
#define SW_CSV_MAX_FIELDS 256
/** Longest header line searched for the delimiter, in bytes. */
#define SW_CSV_MAX_HEADER (1024 * 1024)

typedef struct sw_csv_options {
    char delimiter;     /**< `,` `;` or `\t`; 0 detects it from the header */
    size_t max_field;   /**< characters; 0 means SW_CSV_MAX_FIELD */
    size_t max_records; /**< data records; 0 means no limit */
} sw_csv_options;

#define SW_CSV_OPTIONS_INIT {.delimiter = 0, .max_field = 0, .max_records = 0}

/** One record. Fields are NUL-terminated UTF-8 without control characters,
 * valid only during the callback. `line` is the physical line the record
 * starts on; `field_line[i]` the line field i starts on (they differ only
 * after a field with an embedded line break). */
typedef struct sw_csv_record {
    size_t index; /**< 0 for the header, then 1, 2, ... */
    long line;
    size_t nfields;
    const char *const *field;
    const size_t *len;
    const long *field_line;
    char delimiter; /**< the delimiter in use */
} sw_csv_record;

/** Called once per record. A non-zero return stops reading; the reader then
 * returns that value. */
typedef int (*sw_csv_record_fn)(void *ctx, const sw_csv_record *rec, sw_diag *diag);

/** ## Streaming */

typedef struct sw_csv_reader sw_csv_reader;

/** A reader of the file `name` (used in messages only; copied). `opt` may be
 * NULL. Records go to `fn` with `ctx`; messages to `diag`, which must outlive
 * the reader. Returns 0 or SW_ENOMEM. */
SW_API int sw_csv_reader_new(sw_csv_reader **out, const char *name, const sw_csv_options *opt,
                             sw_csv_record_fn fn, void *ctx, sw_diag *diag);

/** Feeds the next `len` bytes of the file. Returns 0, or the first error
 * (SW_EDATA / SW_ELIMIT with messages in diag, SW_ENOMEM, or what `fn`
 * returned), after which further feeds do nothing and return it again. */
SW_API int sw_csv_reader_feed(sw_csv_reader *r, const char *data, size_t len);

/** Ends the file. Returns 0 or the first error of the whole read (a ragged
 * record is reported and reading goes on, so that every bad row is listed:
 * finish returns that error then). Callbacks that list bad rows the same way
 * keep their own verdict. */
SW_API int sw_csv_reader_finish(sw_csv_reader *r);

/** Frees the reader; NULL is allowed. */
SW_API void sw_csv_reader_free(sw_csv_reader *r);

/** Reads a whole file held in memory: new, one feed, finish, free. */
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
 * or a column present twice is `SW_EDATA`, reported at the header. A name
 * ending in `*` matches any header starting with the rest (StatLine suffixes
 * its column names: `GemiddeldeScore_29`). */
SW_API int sw_csv_map_columns(long *index, const sw_csv_record *header,
                              const sw_csv_column *cols, size_t ncols, const char *name,
                              sw_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
