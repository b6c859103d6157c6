/**
 * # Writers: one document, several forms
 *
 * Machine forms keep the units of rekenregels §7.9 (CSV: one bare table; JSON:
 * everything, with exact values beside the rounded ones). Human forms
 * (terminal table, Markdown, HTML) write numbers the Dutch way and put the
 * warnings first (§7.16). A writer formats from each column's kind and role
 * alone and computes nothing.
 */
#ifndef SPREIDING_WRITE_H
#define SPREIDING_WRITE_H

#include <stdbool.h>
#include <stddef.h>

#include "spreiding/document.h"
#include "spreiding/export.h"
#include "spreiding/output.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sw_write_options {
    /** The tables to write, by key, NULL-terminated; NULL: every table (CSV:
     * the first). CSV writes one table, so it takes the first key. */
    const char *const *tables;
    /** Terminal: the width to fit (wrapping text, never a number); 0 writes
     * every row on one line, as for a pipe or a file. */
    size_t width;
    /** CSV: ',' (0) or ';' */
    char delimiter;
    /** CSV: '.' (0) or ',' before decimals */
    char decimal;
    /** CSV for spreadsheets: a BOM first, and a text cell that starts with =,
     * +, -, @, a tab or CR gets a leading ' so that it is never a formula. */
    bool spreadsheet;
} sw_write_options;

#define SW_WRITE_OPTIONS_INIT {.tables = NULL, .width = 0, .delimiter = 0, .decimal = 0, .spreadsheet = false}

/** The width of the n bytes of UTF-8 text at `s` in a terminal's (or a
 * spreadsheet's) columns: combining marks and zero-width characters take
 * none, East Asian wide and fullwidth characters two, every other character
 * one, as wcwidth(3) in a UTF-8 locale but the same in every locale. A byte
 * that is not UTF-8 takes one. */
SW_API size_t sw_text_width(const char *s, size_t n);

/** Whether the table with key `table` is to be written under `o`: every
 * table when `o->tables` is NULL, else only those it lists. */
SW_API bool sw_write_options_wants(const sw_write_options *o, const char *table);

/** A writer: renders `r` to `out`. Returns 0, SW_EUSAGE for a table key the
 * report does not have, SW_EOVERFLOW for a total too large to show, SW_ENOMEM,
 * or what the sink returned. */
typedef int (*sw_writer_fn)(const sw_sink *out, const sw_report *r, const sw_write_options *o);

typedef struct sw_writer {
    const char *name;   /**< "table", "csv", "json", "md", "html" */
    sw_writer_fn write;
    bool human;         /**< Dutch notation, warnings first */
} sw_writer;

/** The writer called `name`, or NULL. */
SW_API const sw_writer *sw_writer_find(const char *name);

/** The writers the library has, in a NULL-named-terminated array. */
SW_API const sw_writer *sw_writers(void);

SW_API int sw_write_text(const sw_sink *out, const sw_report *r, const sw_write_options *o);
SW_API int sw_write_csv(const sw_sink *out, const sw_report *r, const sw_write_options *o);
SW_API int sw_write_json(const sw_sink *out, const sw_report *r, const sw_write_options *o);
SW_API int sw_write_markdown(const sw_sink *out, const sw_report *r, const sw_write_options *o);
/** A self-contained HTML page in Dutch: the answer first (warnings, the
 * provinces' status against the threshold, the money), then a section per
 * province (its chart, sentences and map kept together on paper, its part of
 * every table with its own totals), then the parameters and sources.
 * Readable at 400 px (each row a card), printable on A4. No scripts, fonts
 * or links to anything outside the page. */
SW_API int sw_write_html(const sw_sink *out, const sw_report *r, const sw_write_options *o);

#ifdef __cplusplus
}
#endif
#endif
