/**
 * # Documents: what a report says, before it is written
 *
 * A report is a title, the parameters of the run, notes for the reader, and
 * tables. A table is a schema — columns that know what they hold (a count,
 * money, a percentage ...) and what part they play (the key, a total-able
 * figure, the row's verdict ...) — and a row source that fills one row at a
 * time. Writers (write.h) format by kind and role alone: they never guess
 * what a column means from its name, and none of them computes a rule.
 *
 * Rows are filled on demand into a caller's cells, so a table of a million
 * rows never exists in memory; strings a row needs are written into a
 * scratch area that lives until the next row is filled.
 */
#ifndef SPREIDING_DOCUMENT_H
#define SPREIDING_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spreiding/export.h"
#include "spreiding/number.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a column holds. */
typedef enum sw_kind {
    SW_KIND_TEXT,    /**< free text (`s`) */
    SW_KIND_CODE,    /**< a code: GM0344, PV26 (`s`) */
    SW_KIND_NAME,    /**< a name: of a gemeente, a province, a location (`s`) */
    SW_KIND_COUNT,   /**< a whole number (`i`) */
    SW_KIND_MONEY,   /**< euro cents (`i`) */
    SW_KIND_PERCENT, /**< a percentage num/den (so 100·R/O), `places` decimals */
    SW_KIND_DECIMAL, /**< a decimal num/den, `places` decimals (-1: exact, trailing zeros dropped)
                      */
    SW_KIND_RATIO,   /**< an exact fraction num/den, written "num/den" in lowest terms */
    SW_KIND_DATE,    /**< a date (`i` = YYYYMMDD) */
    SW_KIND_YESNO,   /**< ja/nee (`i` 0 or 1) */
    /** A share num/den (of 1): machine forms write the fraction with
     * `places` decimals (0.333333), human forms the percentage with
     * `places` - 2 (33,3333 %). */
    SW_KIND_SHARE,
    SW_KIND_ANY /**< the kind is in each value (a column of mixed figures) */
} sw_kind;

/** What part a column plays (flags). */
enum {
    SW_ROLE_KEY = 1 << 0,    /**< identifies the row */
    SW_ROLE_TOTAL = 1 << 1,  /**< human forms sum it in a totals row */
    SW_ROLE_STATUS = 1 << 2, /**< the row's verdict (threshold met, eligible): shown as a status */
    SW_ROLE_PROGRESS = 1 << 3, /**< a percentage read against the threshold */
    SW_ROLE_EXACT = 1 << 4,    /**< the exact twin of a rounded column: JSON only */
    SW_ROLE_PROVINCE = 1 << 5, /**< the row's province code: --provincie filters on it */
    SW_ROLE_WIDE = 1 << 6,     /**< long text: wraps in narrow human forms */
    SW_ROLE_SUMMARY = 1 << 7,  /**< shown in the answer at the top of a page (HTML) */
    SW_ROLE_TARGET = 1 << 8,   /**< the target a row is measured against (the opgave) */
    SW_ROLE_ACHIEVED = 1 << 9, /**< what counts toward the target (geteld) */
    /** What a row would get once its verdict holds, not what it gets
     * (potentieel lid 3): HTML shows it after the money a row gets. */
    SW_ROLE_POTENTIAL = 1 << 10,
    /** The row's province by name, beside its SW_ROLE_PROVINCE code: HTML
     * leaves both out where a heading names the province. */
    SW_ROLE_PROVINCE_NAME = 1 << 11
};

typedef struct sw_column {
    const char *name;     /**< CSV header and JSON member: "bedrag_lid3" */
    const char *title;    /**< Dutch, for people: "Bedrag lid 3" */
    sw_kind kind;
    unsigned role;        /**< SW_ROLE_* */
    int places;           /**< PERCENT and DECIMAL: decimals shown */
    sw_rounding rounding; /**< PERCENT and DECIMAL; 0 means half-up */
} sw_column;

/** One cell. A value that is not `set` is empty: empty in CSV, null in JSON. */
typedef struct sw_value {
    bool set;
    int64_t i;          /**< COUNT, MONEY, DATE, YESNO */
    sw_i128 num, den;   /**< PERCENT, DECIMAL, RATIO (den > 0) */
    const char *s;      /**< TEXT, CODE, NAME: valid until the next row is filled */
    sw_kind kind;       /**< in a column of kind ANY: the value's own kind */
    int places;         /**< in a column of kind ANY */
    sw_rounding rounding;
    /** What people read instead of the value ("niet gerealiseerd" for the
     * class niet_gerealiseerd, "tussen 30-12-2024 en 6-1-2025" for a date
     * between two steps), valid as long as `s`; NULL: the value, formatted
     * (sw_format_human). Machine forms write the value. */
    const char *human;
    /** A figure the run's scenario (--what-if) changed: HTML marks it. */
    bool scenario;
} sw_value;

/** Where a row's strings live until the next row is filled. */
typedef struct sw_scratch {
    char text[2048];
    size_t used;
} sw_scratch;

/** Fills the `ncols` cells of source row `row`. Returns 0 or a negative SW_E*
 * code. A table marked `sequential` is filled in order 0, 1, 2 ... and may be
 * started again at 0. */
typedef int (*sw_fill_fn)(const void *src, size_t row, sw_value *cells, sw_scratch *scratch);

/** How people see a table. */
typedef enum sw_layout {
    SW_LAYOUT_GRID = 0, /**< rows and columns */
    SW_LAYOUT_STEPS     /**< one block a row (label, value, explanation): `explain` */
} sw_layout;

typedef struct sw_table {
    const char *key;   /**< JSON member and `--tabel` name: "gemeenten" */
    const char *title; /**< heading for people */
    const sw_column *col;
    size_t ncols;
    size_t nrows;      /**< rows shown */
    const size_t *index; /**< shown row k is source row index[k]; NULL: the same */
    sw_fill_fn fill;
    const void *src;
    bool sequential;
    bool totals;       /**< human forms end with a totals row */
    sw_layout layout;
    /** The title without a count ("Gemeenten"): HTML captions the rows of one
     * province "Gemeenten in Zeeland (13)". NULL: the title. */
    const char *noun;
    /** What people read where a province has none of the rows, before " in
     * Drenthe" ("Geen kleinschalige opvang"); NULL: such a part is left out. */
    const char *none;
    /** The totals row's label; NULL: the report's scope ("Nederland",
     * "Zeeland"), or the province of a part. */
    const char *totals_label;
} sw_table;

/** A parameter of the run. JSON writes `key` with `value`; people read
 * `label`: `human`, or the value written the Dutch way when `human` is NULL. */
typedef struct sw_meta {
    const char *key;
    const char *label;
    sw_kind kind;
    sw_value value;
    const char *human;
    bool appendix;     /**< for the record (digests, file names): after the answer */
} sw_meta;

/** Notes that change how to read the report come first on every form. */
typedef enum sw_note_kind {
    SW_NOTE_INFO = 0,
    SW_NOTE_WARNING /**< no SES, missing official figures, unverified tariffs, scenario */
} sw_note_kind;

typedef struct sw_note {
    sw_note_kind kind;
    const char *text;
} sw_note;

/** A picture for people (an SVG map): HTML places it by `where`. */
typedef struct sw_picture {
    const char *where; /**< "overzicht", or a province code "PV29" */
    const char *svg;   /**< a complete <svg> element */
} sw_picture;

/** A sentence for people that HTML places by `where`: "kop" (under the
 * title), "overzicht" (under the answer) or a province code "PV29" (in its
 * section). Other forms have its figures in their tables and parameters. */
typedef struct sw_remark {
    const char *where;
    const char *text;
} sw_remark;

typedef struct sw_report_doc sw_report_doc;

typedef struct sw_report {
    const char *title;
    /** What makes the run a scenario (§7.15: "what-if GM0014=+50;
     * include-planned"), or NULL. CSV gets a last column `scenario`, every
     * human form a mark on every page and sheet. */
    const char *scenario;
    sw_meta *meta;
    size_t nmeta;
    sw_note *note;
    size_t nnotes;
    sw_table *table;
    size_t ntables;
    sw_picture *picture;
    size_t npictures;
    sw_remark *remark;
    size_t nremarks;
    /** The threshold in force, in whole percent, that TARGET and ACHIEVED
     * columns are read against (charts draw it); 0 when none. */
    int64_t threshold_pct;
    /** What the tables cover, for people: "Nederland", or the province of
     * --provincie ("Zeeland"). Labels totals and the sentence under the
     * answer. NULL: "Nederland". */
    const char *scope;
    sw_report_doc *doc; /**< private storage */
} sw_report;

/** Frees a report; NULL is allowed. */
SW_API void sw_report_free(sw_report *r);

/** Index of the table named `key`, or -1. */
SW_API long sw_report_table_index(const sw_report *r, const char *key);

/** Index of the column named `name` in `t`, or -1. */
SW_API long sw_table_column(const sw_table *t, const char *name);

/** Fills shown row `k` of `t` into `cells` (t->ncols of them). */
SW_API int sw_table_row(const sw_table *t, size_t k, sw_value *cells, sw_scratch *scratch);

/** The totals of a table: for every SW_ROLE_TOTAL column the sum over its
 * shown rows (other cells empty; a column with no value in any row has no
 * total). SW_EOVERFLOW when a sum does not fit: that column's cell is
 * unset, its `s` the column's name. */
SW_API int sw_table_totals(const sw_table *t, sw_value *cells, sw_scratch *scratch);

/** The totals of the shown rows whose SW_ROLE_PROVINCE column is
 * `provincie` ("PV29"), as sw_table_totals; NULL: every shown row. */
SW_API int sw_table_totals_in(const sw_table *t, const char *provincie, sw_value *cells,
                              sw_scratch *scratch);

/** The kind, places and rounding that apply to a cell of column `c`. */
SW_API sw_kind sw_value_kind(const sw_column *c, const sw_value *v, int *places,
                             sw_rounding *rounding);

/** ## Formatting values */

/** Machine notation (CSV, JSON strings): `decimal` before decimals, no
 * grouping, ISO dates, ja/nee. Writes at most `cap` bytes into `out` (cap ≥
 * 96 suffices for every number) and returns the text, which is `out` or the
 * value's own string. */
SW_API const char *sw_format_machine(char *out, size_t cap, const sw_column *c,
                                     const sw_value *v, char decimal);

/** Dutch notation for people (§7.16): 1.234, € 1.600.000,00, 74,99 %, 0,3636,
 * 1-7-2025, ja/nee; a value's `human` text when it has one. As
 * sw_format_machine otherwise. */
SW_API const char *sw_format_human(char *out, size_t cap, const sw_column *c,
                                   const sw_value *v);

#ifdef __cplusplus
}
#endif
#endif
