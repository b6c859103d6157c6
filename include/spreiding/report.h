/**
 * # Reports: one document, several forms
 *
 * A command computes a result, turns it into one `sw_report` (a title,
 * the parameters and policies it used, notes for the reader, and tables of
 * typed cells), and a writer renders that document as an aligned terminal
 * table, CSV, JSON or Markdown. Writers only format: no rule of the law is
 * computed here.
 *
 * Writers append to a `sw_buf`; the library never touches a file.
 */
#ifndef SPREIDING_REPORT_H
#define SPREIDING_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spreiding/allocation.h"
#include "spreiding/grants.h"
#include "spreiding/locations.h"
#include "spreiding/progress.h"
#include "spreiding/sweep.h"
#include "spreiding/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** ## Buffers */

/** A growable byte buffer. Zero-initialise it; `err` becomes SW_ENOMEM after
 * a failed append, and later appends are ignored, so a writer checks once at
 * the end. Free `data` with `sw_buf_free`. */
typedef struct sw_buf {
    char *data;
    size_t len, cap;
    int err;
} sw_buf;

SW_API void sw_buf_append(sw_buf *b, const char *s, size_t n);
SW_API void sw_buf_puts(sw_buf *b, const char *s);
SW_API void sw_buf_printf(sw_buf *b, const char *fmt, ...) SW_PRINTF(2, 3);
SW_API void sw_buf_free(sw_buf *b);

/** ## The document */

typedef enum sw_cell_type {
    SW_CELL_EMPTY,   /**< missing value: empty in CSV, null in JSON */
    SW_CELL_TEXT,    /**< `text` */
    SW_CELL_INT,     /**< `i` */
    SW_CELL_DECIMAL, /**< `text` holds an exact or rounded decimal ("0.1700") */
    SW_CELL_BOOL,    /**< `i` 0/1: ja/nee, JSON true/false */
    SW_CELL_RATIO,   /**< `text` holds an exact fraction "num/den" */
    SW_CELL_MONEY    /**< `i` in cents: euros with two decimals; JSON adds NAME_cent */
} sw_cell_type;

typedef struct sw_cell {
    sw_cell_type type;
    int64_t i;
    const char *text; /**< owned by the report */
} sw_cell;

/** Column flags. */
enum {
    SW_COL_JSON_ONLY = 1 /**< exact values: only in JSON */
};

typedef struct sw_column {
    const char *name;
    unsigned flags;
} sw_column;

typedef struct sw_table {
    const char *key;   /**< JSON member name and `--tabel` name: "gemeenten" */
    const char *title; /**< heading for people */
    size_t ncols;
    const sw_column *col;
    size_t nrows;
    sw_cell *cell;     /**< nrows × ncols, row-major */
    sw_cell *total;    /**< a totals row for people (table, md), or NULL */
} sw_table;

/** A parameter of the run: JSON member `key`, shown to people as
 * `label: value`. */
typedef struct sw_meta {
    const char *key;
    const char *label;
    sw_cell value;
} sw_meta;

typedef struct sw_report_doc sw_report_doc;

typedef struct sw_report {
    const char *title;
    size_t nmeta;
    sw_meta *meta;
    size_t nnotes;
    const char **notes;
    size_t ntables;
    sw_table *table;
    sw_report_doc *doc; /**< private storage */
} sw_report;

/** What a report says about where it came from. */
typedef struct sw_report_context {
    const char *version;      /**< program version */
    const char *cycle_file;   /**< names of the inputs, as the user gave them */
    const char *register_file;
    const char *ses_file;     /**< NULL when the scores came with the register */
    const char *locaties_file;
    const char *opgave_file;  /**< NULL when the opgave is the allocation */
    size_t ninputs;           /**< input files with their SHA-256, for the record */
    const char *const *input_name;
    const char *const *input_sha256; /**< 64 hex digits each */
    int provincie;            /**< restrict tables to this province code, 0 = all */
} sw_report_context;

/** Builds the allocation report: parameters and policies, notes (no SES-WOA,
 * rounding gaps, reported figures), a table `gemeenten` with the columns
 * gemeentecode, gemeentenaam, provinciecode, provincie, inwoners, ses_woa,
 * gewicht, quotum (4 decimals, half-up), opgave, opgave_amv (and
 * quotum_exact in JSON), and a table `provincies`. The report borrows
 * nothing: free it with `sw_report_free`. */
SW_API int sw_report_allocation(sw_report **out, const sw_allocation *a,
                                const sw_register *reg, const sw_cycle *cy,
                                const sw_report_context *ctx);

/** Progress (`spreiding progress`): tables `gemeenten` (gemeentecode,
 * gemeentenaam, provinciecode, provincie, opgave, opgave_amv, geteld,
 * geteld_amv, duurzaam, verschil) and `provincies` (provinciecode, provincie,
 * opgave, geteld, voortgang_pct, drempel_gehaald, tekort_75, tekort_100).
 * `a` is the allocation the opgave came from, or NULL for an opgave file. */
SW_API int sw_report_progress(sw_report **out, const sw_progress *p, const sw_allocation *a,
                              const sw_register *reg, const sw_cycle *cy,
                              const sw_report_context *ctx);

/** Grants (`spreiding grants`): tables `gemeenten` (gemeentecode,
 * gemeentenaam, provinciecode, provincie, geteld, duurzaam, aandeel,
 * in_aanmerking, bedrag_lid3, potentieel_lid3, bedrag_lid2b, totaal) and
 * `provincies` (provinciecode, provincie, opgave, geteld, drempel_gehaald,
 * tekort_75, budget, bedrag_lid3, potentieel_lid3). */
SW_API int sw_report_grants(sw_report **out, const sw_grants *g, const sw_allocation *a,
                            const sw_register *reg, const sw_cycle *cy,
                            const sw_report_context *ctx);

/** The overview behind `spreiding report`: tables `provincies` (provinciecode,
 * provincie, gemeenten, opgave, geteld, voortgang_pct, drempel_gehaald,
 * tekort_75, tekort_100, bedrag_lid3, potentieel_lid3, totaal) and
 * `gemeenten` (gemeentecode, gemeentenaam, provinciecode, provincie, opgave,
 * geteld, duurzaam, verschil, in_aanmerking, bedrag_lid3, potentieel_lid3,
 * bedrag_lid2b, totaal), with the parameters, tariffs and notes of a grants
 * report. */
SW_API int sw_report_overview(sw_report **out, const sw_grants *g, const sw_allocation *a,
                              const sw_register *reg, const sw_cycle *cy,
                              const sw_report_context *ctx);

/** A sweep (`spreiding sweep`): table `sweep` (capaciteit, one column per
 * province code, totaal), with a per-gemeente result also `gemeenten`
 * (capaciteit, one column per gemeentecode), and `paradoxen` (niveau, code,
 * naam, capaciteit_van, capaciteit_naar, opgave_van, opgave_naar). */
SW_API int sw_report_sweep(sw_report **out, const sw_sweep *s, const sw_register *reg,
                           const sw_cycle *cy, const sw_report_context *ctx);

/** The audit trail of one gemeente (register index `gemeente`): every step
 * from inwoners to grant, with each of its locations and why it counts. */
SW_API int sw_report_explain(sw_report **out, size_t gemeente, const sw_grants *g,
                             const sw_allocation *a, const sw_locaties *loc,
                             const sw_register *reg, const sw_cycle *cy,
                             const sw_report_context *ctx);

SW_API void sw_report_free(sw_report *r);

/** Index of the table named `key`, or -1. */
SW_API long sw_report_table_index(const sw_report *r, const char *key);

/** ## Writers */

/** Options for the CSV writer. */
typedef struct sw_csv_style {
    char delimiter; /**< ',' (default when 0) or ';' */
    char decimal;   /**< '.' (default when 0) or ',' */
    bool bom;       /**< start with a UTF-8 BOM */
} sw_csv_style;

/** One table as a bare CSV (header and rows, no totals, no JSON-only
 * columns), quoting only where needed, LF line ends. */
SW_API int sw_write_csv(sw_buf *out, const sw_report *r, size_t table, const sw_csv_style *st);

/** Everything, aligned for a terminal (widths in characters, not bytes). */
SW_API int sw_write_text(sw_buf *out, const sw_report *r);

/** Everything as GitHub-flavoured Markdown. */
SW_API int sw_write_markdown(sw_buf *out, const sw_report *r);

/** A self-contained HTML page in Dutch, printable on A4: the parameters
 * (with the input files' SHA-256), the notes as warnings, a chart per province
 * (inline SVG, opgave against counted places with the threshold and 100 %
 * marked, in colour and in words) when the document has a `provincies` table
 * with `opgave` and `geteld`, and the `gemeenten` table split per province.
 * No scripts, fonts or links to anything outside the page. */
SW_API int sw_write_html(sw_buf *out, const sw_report *r);

/** Everything as one JSON object: "titel", "parameters", "opmerkingen" and
 * one array of row objects per table. */
SW_API int sw_write_json(sw_buf *out, const sw_report *r);

#ifdef __cplusplus
}
#endif
#endif
