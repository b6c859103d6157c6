/**
 * # Figures: one value per gemeente from a national table
 *
 * The register's SES-WOA scores (rekenregels §7.4) and its population (§7.17)
 * can each be replaced, as a whole column, by a file the user downloaded from
 * CBS StatLine or wrote by hand. One reader takes every shape of such a file
 * (rekenregels §2, §7.12):
 *
 * - a plain file, `gemeentecode,ses_woa` or `gemeentecode,inwoners` (codes
 *   `344`, `0344`, `GM0344`);
 * - StatLine's open-data typed CSV (`"WijkenEnBuurten";...;"GemiddeldeScore_29"`,
 *   `"RegioS";"Perioden";"BevolkingOp1Januari_1"`, `AantalInwoners_5`);
 * - the StatLine web page's download, with or without statistical symbols,
 *   whose header holds the titles the user sees
 *   (`"SES-WOA/Totaalscore/Gemiddelde score (Getal)"`,
 *   `"Bevolking op 1 januari (aantal)"`), with or without the region code
 *   column.
 *
 * How the columns are found:
 *
 * - **Region.** A column headed `gemeentecode` is a plain file's code column
 *   (every row must hold a code). Otherwise the region column is found by its
 *   contents: the column with the most cells of the form `GMnnnn` (padded or
 *   not; the leftmost of equals, as typed tables repeat the code in
 *   `Codering_3`). Rows whose region is not `GM...` (the country, provinces,
 *   landsdelen, wijken, buurten) are skipped silently. When no column holds
 *   codes, region *names* are matched to the register's `gemeentenaam`:
 *   exact after trimming spaces, ignoring ASCII case only (no two gemeenten
 *   differ by case; accents must match). The name column is the one holding
 *   register names; when several do (a download with "Gemeentenaam" ticked
 *   holds the gemeente's name on every wijk row too) the region dimension
 *   (`Wijken en buurten`, `Regio's`, `WijkenEnBuurten`, `RegioS`, `Regio`,
 *   `gemeentenaam`) is preferred, else the column with the most matches.
 * - **Soort.** A column headed `SoortRegio*` or `Soort regio*`, when present:
 *   rows whose soort is not `Gemeente` are skipped silently.
 * - **Period.** A column headed `Perioden` (or `Periode`). Periods are the
 *   trimmed cell texts (`2022JJ00`, `2022`, `2023*`); the year is their first
 *   four digits. One period is used as it is. Several need `periode`.
 * - **Value.** The column `kolom` names, or else the one known column:
 *   SES: `GemiddeldeScore*`, a title containing "Gemiddelde score",
 *   `ses_woa*` — preferring the total score (`GemiddeldeScore_29`, a title
 *   containing "Totaalscore"); population: `BevolkingOp1Januari*`,
 *   `AantalInwoners*`, titles containing "Bevolking op 1 januari" or
 *   "Aantal inwoners", `inwoners*`.
 *
 * Values: `.` and an empty cell mean "no value" (CBS writes `.` for figures
 * that are unknown, unreliable or secret). Any other CBS symbol (`x` geheim
 * and `-` nihil of the older legend, `*` and `**` provisional) is an error,
 * never a number: it means the file is not what the reader takes it for. Scores are
 * parsed as exact decimals of at most 6 places (`sw_parse_micro`, stored in
 * millionths, weight 1 + score > 0); populations as counts
 * (`sw_parse_count`).
 *
 * Skipped, and listed in the result so a report can name them: gemeente
 * codes that are not in the register (a former gemeente in an older table),
 * and, in a download without codes, names that match no register gemeente.
 * In a download with neither codes nor a soort column the names of the
 * country (`Nederland`) and of regions CBS suffixes with `(PV)`, `(LD)` or
 * `(CR)` are skipped silently; the other unmatched names are listed only
 * while they do not outnumber the gemeenten matched — beyond that they are
 * evidently wijken and buurten, and only their number is kept.
 */
#ifndef SPREIDING_FIGURES_H
#define SPREIDING_FIGURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spreiding/csv.h"
#include "spreiding/diag.h"
#include "spreiding/export.h"
#include "spreiding/register.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Which figure a file holds. */
typedef enum sw_figure_kind {
    SW_FIGURE_SES = 1,     /**< SES-WOA score, in millionths */
    SW_FIGURE_INWONERS = 2 /**< population (inwoners), a count of people */
} sw_figure_kind;

/** Most distinct periods a period column may hold. */
#define SW_FIGURES_MAX_PERIODS 1000

typedef struct sw_figures_options {
    /** The value column as the user named it (`--kolom TITLE`): a header as
     * written, matched ignoring case and surrounding spaces; NULL to find it
     * by the known names above. */
    const char *kolom;
    /** The year to use from a download holding several periods
     * (`--periode YYYY`), 1..9999; 0 for none. Ignored by a file without a
     * period column. */
    int periode;
    /** CSV options (delimiter); NULL for the defaults. */
    const sw_csv_options *csv;
} sw_figures_options;

#define SW_FIGURES_OPTIONS_INIT                                                                    \
    {                                                                                              \
        .kolom = NULL, .periode = 0, .csv = NULL                                                   \
    }

/** The figure of one register gemeente. */
typedef struct sw_figure {
    int code;       /**< gemeentecode number, as in the register */
    bool found;     /**< the file has a row for this gemeente (in the period used) */
    bool has_value; /**< and that row holds a value (not `.` or empty) */
    int64_t value;  /**< millionths (SES) or people (inwoners), if has_value */
    long line;      /**< line of that row, if found */
} sw_figure;

typedef struct sw_figures {
    sw_figure_kind kind;
    sw_figure *figure;  /**< one per register gemeente, in register order */
    size_t n;           /**< the register's number of gemeenten */
    size_t nfound;      /**< gemeenten with a row */
    size_t nvalues;     /**< gemeenten with a value (≥ 1) */

    char *file;         /**< the file's name, as given */
    long header_line;   /**< line of the header */
    char *kolom;        /**< header of the value column used, as written (trimmed) */
    long kolom_field;   /**< its 0-based field */
    char *regio_kolom;  /**< header of the region column used */
    long regio_field;   /**< its 0-based field */
    bool by_name;       /**< regions matched by name: the file has no codes */

    /** The period used: its year (0 when the file has no period column, or
     * the period does not start with a year) and its text as the file writes
     * it (`"2022JJ00"`, `"2023*"`; NULL without a period column). */
    int periode;
    char *periode_text;

    /** Gemeente codes in the file that are not in the register, ascending,
     * each once. */
    int *skipped_code;
    size_t nskipped_codes;
    /** Names matching no register gemeente (a file without codes), each once,
     * in byte order. `nskipped_names` counts them all; the names themselves
     * are kept only when `skipped_names_listed` (see above), else
     * `skipped_name` is NULL. */
    char **skipped_name;
    size_t nskipped_names;
    bool skipped_names_listed;
} sw_figures;

/** Reads the `kind` figure of every gemeente of `reg` from `len` bytes of
 * `data` (`name` is used in messages and kept in the result). `opt` may be
 * NULL. On success `*out` is a new result owned by the caller (free it with
 * `sw_figures_free`); it borrows nothing from `reg` or `data`.
 *
 * Returns SW_EDATA, with every problem located `file:line:column` and named
 * by its column in `diag`, when: no column holds gemeente codes or register
 * names; the value column cannot be identified (the message lists the
 * candidates, or every column when there is none, and suggests `--kolom`),
 * or `kolom` names no column; the file holds several periods and `periode`
 * is 0 (the message lists the periods), or `periode` matches none or several
 * of them; a gemeente has two rows in the period used (the message names
 * both lines); a value is malformed or a CBS symbol; a plain file holds a
 * malformed code; a region name is shared by two register gemeenten; no row
 * is a register gemeente, or none of them has a value. Also SW_ELIMIT
 * (limits of `sw_csv_read`, more than SW_FIGURES_MAX_PERIODS periods) and
 * SW_ENOMEM. On failure `*out` is NULL. */
SW_API int sw_figures_load(sw_figures **out, const sw_register *reg, sw_figure_kind kind,
                           const char *name, const char *data, size_t len,
                           const sw_figures_options *opt, sw_diag *diag);

/** Frees a result; NULL is allowed. */
SW_API void sw_figures_free(sw_figures *f);

/** Replaces a whole column of `reg` by `f`, which must have been read against
 * `reg` (asserted). Scores: every gemeente gets the file's score or none
 * (`has_ses` false: the allocation's `--ses-ontbrekend` decides), and
 * `reg->ses_file` names the file. Population: every gemeente must have a
 * value; otherwise SW_EDATA lists the gemeenten without one (their count and
 * the first 20 codes) and `reg` is left unchanged; on success
 * `reg->inwoners_file` names the file. Returns 0, SW_EDATA or SW_ENOMEM. */
SW_API int sw_register_apply_figures(sw_register *reg, const sw_figures *f, sw_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
