/* Building a report document: storage for its strings and arrays. Internal to
 * the library; errors are sticky (rb_failed), so builders check once. */
#ifndef SW_REPORT_BUILD_H
#define SW_REPORT_BUILD_H

#include "spreiding/number.h"
#include "spreiding/report.h"

sw_report *rb_new(const char *title);
int rb_failed(const sw_report *r);

/* A copy owned by the report; "" after an allocation failure. */
const char *rb_str(sw_report *r, const char *s);
const char *rb_printf(sw_report *r, const char *fmt, ...) SW_PRINTF(2, 3);

void rb_meta(sw_report *r, const char *key, const char *label, sw_cell value);
void rb_note(sw_report *r, const char *fmt, ...) SW_PRINTF(2, 3);

/* A table with nrows rows of empty cells (NULL after a failure). */
sw_table *rb_table(sw_report *r, const char *key, const char *title, const sw_column *cols,
                   size_t ncols, size_t nrows);
/* An array of n columns owned by the report (for tables whose columns depend
 * on the data); NULL after a failure. */
sw_column *rb_columns(sw_report *r, size_t n);

/* Gives the table a totals row of empty cells. */
sw_cell *rb_total(sw_report *r, sw_table *t);

sw_cell rb_text(sw_report *r, const char *s);
sw_cell rb_int(int64_t v);
sw_cell rb_bool(bool v);
sw_cell rb_empty(void);
sw_cell rb_money(int64_t cents);
/* Exact decimal of a value in millionths, trailing zeros dropped ("0.17"). */
sw_cell rb_micro(sw_report *r, sw_i128 micro);
/* num/den rounded half-up to `places` decimals. */
sw_cell rb_fraction(sw_report *r, sw_i128 num, sw_i128 den, int places);
/* num/den as an exact fraction in lowest terms. */
sw_cell rb_ratio(sw_report *r, sw_i128 num, sw_i128 den);

#endif

/* ---- shared parts of reports ---- */

/* The parameters and notes of an allocation (report_allocation.c). */
void rb_allocation_meta(sw_report *r, const sw_allocation *a, const sw_register *reg,
                        const sw_cycle *cy, const sw_report_context *ctx);
void rb_allocation_notes(sw_report *r, const sw_allocation *a, const sw_cycle *cy);

/* The SHA-256 of every input of the run, one parameter each. */
void rb_input_digests(sw_report *r, const sw_report_context *ctx);

/* What every progress, grants and explain report carries: cycle, peildatum,
 * counting parameters, policies, tariffs (report_progress.c). */
void rb_run_meta(sw_report *r, const sw_progress *p, const sw_grants *g, const sw_allocation *a,
                 const sw_register *reg, const sw_cycle *cy, const sw_report_context *ctx);
void rb_run_notes(sw_report *r, const sw_progress *p, const sw_grants *g,
                  const sw_allocation *a, const sw_register *reg, const sw_cycle *cy);

/* ---- for the writers ---- */

/* The cell as people read it (CSV, table, Markdown): "" for empty, ja/nee
 * for booleans, `decimal` as decimal separator. Returns a pointer to `tmp` or
 * to the cell's own text. */
const char *rb_cell_text(const sw_cell *c, char decimal, char tmp[64]);

/* Right-aligned in tables: numbers. */
bool rb_cell_numeric(const sw_cell *c);

/* Visible columns for people (not JSON-only). */
bool rb_col_visible(const sw_column *col);
