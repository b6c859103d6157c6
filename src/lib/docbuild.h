/* Building report documents: storage owned by the report, cell constructors,
 * tables and their province filter. Internal to the library. Allocation
 * failures are sticky (sw__report_error), so a builder checks once. */
#ifndef SW_DOCBUILD_H
#define SW_DOCBUILD_H

#include <stdarg.h>

#include "spreiding/date.h"
#include "spreiding/diag.h"
#include "spreiding/document.h"

sw_report *sw__report_new(void);
/* 0, or SW_ENOMEM once anything failed. */
int sw__report_error(const sw_report *r);
/* Records a failure (SW_ENOMEM ...) of a builder: the report is not handed out. */
void sw__report_fail(sw_report *r, int code);
/* Hands a finished report to *out, or frees it and returns its error. */
/* Ends a report: *out = r, or r freed and its error returned. A totals row
 * that does not fit 64 bits is found here, once, and said in diag (naming
 * the table and the column), so that no writer meets it half-way through
 * its output. */
int sw__report_done(sw_report **out, sw_report *r, sw_diag *diag);

/* Memory that lives as long as the report (zeroed); NULL after a failure. */
void *sw__alloc(sw_report *r, size_t n, size_t size);
/* A copy owned by the report; "" after a failure. */
const char *sw__str(sw_report *r, const char *s);
const char *sw__printf(sw_report *r, const char *fmt, ...) SW_PRINTF(2, 3);

/* Parameters. `human` (may be NULL) is what people read instead of the value. */
void sw__meta(sw_report *r, const char *key, const char *label, sw_kind kind, sw_value v,
              const char *human);
void sw__meta_text(sw_report *r, const char *key, const char *label, const char *text);
void sw__meta_count(sw_report *r, const char *key, const char *label, int64_t v);
/* Marks the parameters added last as for the record (appendix of HTML). */
void sw__meta_appendix(sw_report *r, size_t from);

void sw__note(sw_report *r, sw_note_kind kind, const char *fmt, ...) SW_PRINTF(3, 4);
void sw__picture(sw_report *r, const char *where, const char *svg);
/* A sentence for people placed by `where` (sw_remark). */
void sw__remark(sw_report *r, const char *where, const char *fmt, ...) SW_PRINTF(3, 4);

/* A table whose rows come from `fill` over `nrows` source rows. */
sw_table *sw__table(sw_report *r, const char *key, const char *title, const sw_column *cols,
                    size_t ncols, size_t nrows, sw_fill_fn fill, const void *src);
/* A table held in the report: its nrows × ncols cells to fill in (strings in
 * them must be owned by the report). */
sw_value *sw__table_cells(sw_report *r, const char *key, const char *title,
                          const sw_column *cols, size_t ncols, size_t nrows);
/* Keeps only the rows whose SW_ROLE_PROVINCE column is province `code`
 * (printed PVnn); 0 keeps all. */
int sw__table_filter(sw_report *r, sw_table *t, int code);

/* ---- values ---- */
static inline sw_value sw__empty(void) { return (sw_value){.set = false}; }
static inline sw_value sw__count(int64_t v) { return (sw_value){.set = true, .i = v}; }
static inline sw_value sw__money(int64_t cents) { return (sw_value){.set = true, .i = cents}; }
static inline sw_value sw__yesno(bool v) { return (sw_value){.set = true, .i = v}; }
static inline sw_value sw__text(const char *s) { return (sw_value){.set = true, .s = s}; }
/* A text that people read in other words (`human`). */
static inline sw_value sw__text_as(const char *s, const char *human)
{
    return (sw_value){.set = true, .s = s, .human = human};
}
static inline sw_value sw__fraction(sw_i128 num, sw_i128 den)
{
    return (sw_value){.set = true, .num = num, .den = den};
}
static inline sw_value sw__date(sw_date d)
{
    return (sw_value){.set = true, .i = (int64_t)d.y * 10000 + d.m * 100 + d.d};
}
/* A value that carries its own kind, for a column of kind ANY. */
static inline sw_value sw__as(sw_kind kind, int places, sw_rounding rounding, sw_value v)
{
    v.kind = kind;
    v.places = places;
    v.rounding = rounding;
    return v;
}

/* ---- strings of a row ---- */
const char *sw__scratch_printf(sw_scratch *s, const char *fmt, ...) SW_PRINTF(2, 3);
const char *sw__gm(sw_scratch *s, int code);
const char *sw__pv(sw_scratch *s, int code);

#endif
