/* What every input reader of the library shares: located messages about one
 * cell, and the SES-WOA score rule. Internal to the library. */
#ifndef SW_READER_H
#define SW_READER_H

#include <stdint.h>

#include "spreiding/csv.h"
#include "spreiding/diag.h"
#include "spreiding/register.h"

/* Room for a value as sw__quote_value shows it. */
#define SW_QUOTE_MAX 200

/* A cell's value as a message shows it: at most 40 characters (then "..."),
 * cut between characters, with control and invisible characters (a no-break
 * space, a BOM, a zero-width space) written as <U+00A0>, so that a hostile or
 * odd cell can neither garble a terminal nor hide what is wrong with it. */
void sw__quote_value(char *out, size_t cap, const char *v, size_t len);

/* Reports "column 'c': value 'v' <why>" at the line the field starts on and
 * the field's column. Returns code. */
int sw__cell_error(sw_diag *diag, int code, const char *file, const sw_csv_record *rec, long field,
                   const char *column, const char *why);

/* A SES-WOA score: a decimal of at most 6 places with 1 + S > 0. */
int sw__parse_ses(int64_t *out, const char *s, size_t len, const char **why);

/* Sorts a register's entries by code, reports duplicate codes and builds the
 * code index. */
int sw__register_index_codes(sw_register *reg, sw_diag *diag);

#endif
