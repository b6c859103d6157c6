/**
 * # Register: the gemeenten of a run
 *
 * The register defines which gemeenten exist (rekenregels §7.6): every other
 * input names gemeenten by code and must name one of these. A register is
 * read from a CSV file with the columns `gemeentecode`, `gemeentenaam`,
 * `provinciecode`, `inwoners` and optionally `ses_woa`, in any order; other
 * columns are ignored. Entries are kept sorted by code, so nothing computed
 * from a register depends on the order of its rows.
 */
#ifndef SPREIDING_REGISTER_H
#define SPREIDING_REGISTER_H

#include <stdbool.h>
#include <stdint.h>

#include "spreiding/csv.h"
#include "spreiding/diag.h"
#include "spreiding/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Codes are kept as numbers: GM0344 is 344, PV26 is 26. */
#define SW_GEMEENTE_CODES 10000
#define SW_PROVINCIE_CODES 100

typedef struct sw_gemeente {
    int code;          /**< 0..9999; printed as GM%04d */
    char *naam;        /**< UTF-8, owned by the register */
    int provincie;     /**< province code number, e.g. 26 for PV26 */
    char *provincie_naam; /**< the register's `provincie` column, or NULL */
    int64_t inwoners;  /**< ≥ 0 */
    bool has_ses;
    int64_t ses_micro; /**< SES-WOA score in millionths, if has_ses */
    long line;         /**< line of the register this gemeente came from */
    long ses_line;     /**< line of the score's source (register or SES file) */
    long inwoners_line; /**< line of the population's source (register or file) */
} sw_gemeente;

typedef struct sw_register {
    sw_gemeente *gemeente; /**< sorted by code */
    size_t n;
    char *file;            /**< name of the register file */
    char *ses_file;        /**< name of the file the scores came from */
    char *inwoners_file;   /**< file the population came from; NULL: the register */
    int32_t *by_code;      /**< SW_GEMEENTE_CODES entries: index or -1 */
    long provincie_column; /**< 1-based field of provinciecode, for messages */
    long inwoners_column;  /**< 1-based field of inwoners, for messages */
} sw_register;

/** Reads a register from `len` bytes of `data` (`name` is for messages).
 * On success `*out` is a new register owned by the caller. Every problem of
 * the file is reported (up to SW_DIAG_MAX): a missing column, a malformed or
 * duplicate code (the message names both lines), a malformed province code, a
 * negative or non-numeric count, an empty name, a malformed score. An empty
 * register is an error. Returns 0, SW_EDATA, SW_ELIMIT or SW_ENOMEM. */
SW_API int sw_register_load(sw_register **out, const char *name, const char *data, size_t len,
                            const sw_csv_options *opt, sw_diag *diag);

/** Frees a register; NULL is allowed. */
SW_API void sw_register_free(sw_register *reg);

/** Index of the gemeente with code number `code`, or -1. */
SW_API long sw_register_find(const sw_register *reg, int code);

/** Index of the gemeente `text` names: a code as cells accept it (344,
 * 0344, GM0344) or its name in any case ("amsterdam"); -1 when none does.
 * A name shared by two gemeenten finds none (the code must say which). */
SW_API long sw_register_lookup(const sw_register *reg, const char *text);

/* Scores and population from separate files (StatLine downloads or plain
 * tables): see figures.h. */

/** ## Codes */

/** Parses a gemeentecode: `344`, `0344`, `GM0344` or `gm344` (1 to 4 digits,
 * optional `GM` prefix) into 344. Returns 0 or SW_EDATA with `*why` set. */
SW_API int sw_parse_gemeentecode(int *out, const char *s, size_t len, const char **why);

/** Parses a province code `PV20`..`PV99` (any case) into its number. */
SW_API int sw_parse_provinciecode(int *out, const char *s, size_t len, const char **why);

#ifdef __cplusplus
}
#endif
#endif
