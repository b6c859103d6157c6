/**
 * # Small-scale reception (kleinschalige opvang, KSO)
 *
 * The overview the minister promised the Chambers (rekenregels §4b): how
 * small-scale reception develops, and which planned small-scale locations
 * could not be realised, with the reasons.
 *
 * **Kleinschalig.** A location row is kleinschalig when its `kleinschalig`
 * cell says `ja`; when the cell says `nee` it is not; when the column is
 * absent or the cell empty, when its `soort` is `regulier`, `amv` or
 * `bijzonder` and it has at most `kso-max-plaatsen` places (a cycle
 * parameter, default 100, `--kso-max-plaatsen`). `nood` and `aanmeld` rows
 * are never kleinschalig (`ja` on one is an error of the locations reader).
 *
 * **Classes.** On the peildatum each KSO row is in exactly one class, the
 * first that applies: niet_gerealiseerd (status afgewezen or ingetrokken);
 * gepland (status gepland); beeindigd (`tot` on or before the peildatum);
 * gerealiseerd (status gerealiseerd and `vanaf` on or before the peildatum);
 * toegezegd (the rest: status toegezegd, or gerealiseerd with `vanaf` after
 * the peildatum).
 *
 * **Reasons.** The not-realised rows are grouped per province by their
 * `reden`. Two reasons are one group when they are equal after trimming,
 * collapsing every run of inner white space to one space, and simple case
 * folding (sw_kso_reden_key). A group is shown by the byte-wise smallest
 * spelling among its rows (as read, trimmed), so the order of the rows cannot
 * change it. An empty reason is the reason `onbekend`.
 *
 * **Share.** The share of KSO in a province's counted places is the places
 * of KSO rows that count on the peildatum (§4: sw_progress_verdict is
 * SW_TELT) over every counted place of the province. The aggregator counts
 * every row with a progress of its own, built with the same cycle and
 * counting options, so the rules of counting live in progress.c alone.
 *
 * The aggregator is fed one row at a time and keeps only totals (per
 * gemeente, province, class and reason group), so a register of any size is
 * summarised in memory that does not grow with it; the KSO rows themselves
 * are kept only when a listing is asked for (keep_rows).
 */
#ifndef SPREIDING_KSO_H
#define SPREIDING_KSO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spreiding/csv.h"
#include "spreiding/cycle.h"
#include "spreiding/date.h"
#include "spreiding/diag.h"
#include "spreiding/export.h"
#include "spreiding/locations.h"
#include "spreiding/progress.h"
#include "spreiding/register.h"

#ifdef __cplusplus
extern "C" {
#endif

/** ## Classifying one row */

/** The class of a KSO row on the peildatum, in the order of the overview's
 * columns (not the order in which they are tested). */
typedef enum sw_kso_klasse {
    SW_KLASSE_GEPLAND = 0,
    SW_KLASSE_TOEGEZEGD,
    SW_KLASSE_GEREALISEERD,
    SW_KLASSE_BEEINDIGD,
    SW_KLASSE_NIET_GEREALISEERD,
    SW_KLASSEN /**< how many there are */
} sw_kso_klasse;

/** Why a row is, or is not, kleinschalig. */
typedef enum sw_kso_grond {
    SW_KSO_GROND_KOLOM_JA = 1, /**< yes: its `kleinschalig` cell says ja */
    SW_KSO_GROND_KLEIN,        /**< yes: regulier, amv or bijzonder with ≤ kso-max-plaatsen */
    SW_KSO_GROND_KOLOM_NEE,    /**< no: its `kleinschalig` cell says nee */
    SW_KSO_GROND_SOORT,        /**< no: nood or aanmeld is never kleinschalig */
    SW_KSO_GROND_GROOT         /**< no: more places than kso-max-plaatsen */
} sw_kso_grond;

/** Why location `l` is or is not kleinschalig with `kso_max_plaatsen`: an
 * sw_kso_grond. */
SW_API int sw_kso_why(const sw_locatie *l, int64_t kso_max_plaatsen);

/** True for the reasons that make a row kleinschalig. */
SW_API bool sw_kso_grond_is_kleinschalig(int grond);

/** The class (sw_kso_klasse) of row `l` on `peildatum`. Meaningful for any
 * row; the overview asks it of KSO rows only. */
SW_API int sw_kso_klasse_of(const sw_locatie *l, sw_date peildatum);

/** "gepland", "toegezegd", "gerealiseerd", "beeindigd", "niet_gerealiseerd"
 * (the spelling of the CSV column names), or "?". */
SW_API const char *sw_kso_klasse_name(int klasse);

/** The grouping key of a reason: `len` bytes of UTF-8 `reden` with white
 * space trimmed at both ends, every inner run of white space made one space,
 * and simple case folding applied; an empty reason is "onbekend". `out` must
 * hold len + 1 bytes, and at least 9 ("onbekend"); it is NUL-terminated.
 * Returns the key's length.
 *
 * White space is Unicode's White_Space: tab, LF, VT, FF, CR, space, U+0085,
 * U+00A0 (no-break space), U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
 * U+205F, U+3000. Case folding is Unicode's simple folding (status C and S
 * of CaseFolding.txt) for ASCII, Latin-1 Supplement and Latin Extended-A
 * (U+0000–U+017F): A–Z, À–Þ except ×, the pairs of U+0100–U+017E, Ÿ → ÿ,
 * µ → μ and ſ → s; İ (U+0130), ß and ŉ have no simple folding and stay. Other
 * letters are compared as they are, and precomposed and decomposed accents
 * (é and e + U+0301) are different spellings. A byte that is not UTF-8 is
 * kept as it is. */
SW_API size_t sw_kso_reden_key(char *out, const char *reden, size_t len);

/** ## The overview */

typedef struct sw_kso_options {
    /** The peildatum, the counting overrides (§7.7) and kso_max_plaatsen. A
     * scenario (include_planned, what_if) or a timeline (steps) is SW_EUSAGE:
     * the overview reports the register as it is. */
    sw_progress_options progress;
    /** Keep every KSO row for a listing (sw_kso.rij); otherwise none is
     * kept. */
    bool keep_rows;
    /** How to read the locations file, when the kso reads one. */
    sw_csv_options csv;
} sw_kso_options;

#define SW_KSO_OPTIONS_INIT                                                                  \
    {.progress = {.has_peildatum = false}, .keep_rows = false, .csv = SW_CSV_OPTIONS_INIT}

/** Locations and places of KSO rows per class. */
typedef struct sw_kso_telling {
    int64_t locaties[SW_KLASSEN];
    int64_t plaatsen[SW_KLASSEN];
    int64_t geteld; /**< places of the KSO rows that count on the peildatum (§4) */
} sw_kso_telling;

typedef struct sw_kso_provincie {
    int code;               /**< 20 for PV20 */
    const char *naam;       /**< borrowed from the cycle */
    sw_kso_telling telling; /**< the KSO rows of its gemeenten */
    int64_t geteld;         /**< every counted place of the province (R_p of §4) */
} sw_kso_provincie;

/** The not-realised KSO rows of one province with one reason. */
typedef struct sw_kso_reden {
    int provincie;  /**< province code */
    char *reden;    /**< the byte-wise smallest spelling of its rows; owned */
    char *sleutel;  /**< the grouping key (sw_kso_reden_key); owned */
    int64_t locaties;
    int64_t plaatsen;
} sw_kso_reden;

/** A kept KSO row. */
typedef struct sw_kso_row {
    sw_locatie loc;         /**< its strings owned by the kso; verdict filled in */
    int provincie;          /**< province code of its gemeente */
    unsigned char klasse;   /**< sw_kso_klasse on the peildatum */
} sw_kso_row;

typedef struct sw_kso_state sw_kso_state;

typedef struct sw_kso {
    sw_date peildatum;
    int64_t kso_max_plaatsen;
    /** The count of every row at the peildatum (owned): the denominators of
     * the share, and the counting parameters a report states. */
    const sw_progress *progress;
    size_t n;                   /**< register entries */
    sw_kso_telling *gemeente;   /**< one per register entry */
    sw_kso_provincie *prov;     /**< provinces with gemeenten in the register, by code */
    size_t nprov;
    sw_kso_telling totaal;      /**< nationally */
    int64_t geteld;             /**< every counted place nationally */
    int64_t rijen;              /**< rows read */
    int64_t kso_rijen;          /**< of which kleinschalig */
    /** After sw_kso_finish: by province code, then most locations first,
     * then most places, then the key (byte-wise). */
    sw_kso_reden *reden;
    size_t nreden;
    /** With keep_rows, after sw_kso_finish: by province code, gemeentecode,
     * class (in column order), locatie (byte-wise), vanaf, tot (open-ended
     * last), plaatsen, then the line. NULL otherwise. */
    sw_kso_row *rij;
    size_t nrij;
    bool rows_kept;             /**< keep_rows was asked: rij is the listing */
    sw_kso_state *state;        /**< private */
} sw_kso;

/** Begins an overview of the register `reg` in cycle `cy`. When
 * `locaties_name` is given the kso reads that locations file itself (feed it
 * with sw_kso_feed); otherwise rows are handed in with sw_kso_add. `reg`,
 * `cy` and `diag` must outlive it. Errors: SW_EUSAGE (a scenario or a
 * timeline in the options, with a message), those of sw_progress_new,
 * SW_ENOMEM. */
SW_API int sw_kso_new(sw_kso **out, const sw_register *reg, const sw_cycle *cy,
                      const char *locaties_name, const sw_kso_options *opt, sw_diag *diag);

/** Adds one location row (of any kind: every row is counted for the share,
 * the KSO rows are classified). Returns 0, SW_EOVERFLOW when the places no
 * longer add up exactly (the caller knows where the row is and says so), or
 * SW_ENOMEM. */
SW_API int sw_kso_add(sw_kso *k, const sw_locatie *l);

/** Feeds the next bytes of the locations file named at sw_kso_new. Returns 0
 * or the first fatal error; bad rows are listed and reported at
 * sw_kso_finish. */
SW_API int sw_kso_feed(sw_kso *k, const char *data, size_t len);

/** Ends the file (if any) and the count, sorts the reasons and the kept
 * rows. Returns 0 or the first error (messages in diag). */
SW_API int sw_kso_finish(sw_kso *k);

/** new, one feed of a whole file in memory, finish. */
SW_API int sw_kso_compute(sw_kso **out, const sw_register *reg, const sw_cycle *cy,
                          const char *locaties_name, const char *data, size_t len,
                          const sw_kso_options *opt, sw_diag *diag);

/** ## Small-scale reception along a timeline
 *
 * The places of realised KSO (class gerealiseerd) per province at each date
 * of a timeline: the "periodic overview of the development of small-scale
 * reception" the minister's letter promises, beside the progress
 * (`progress --tijdlijn ... --kso`). A row is realised KSO at date d when it
 * is kleinschalig (sw_kso_why) and sw_kso_klasse_of(row, d) is
 * SW_KLASSE_GEREALISEERD: status gerealiseerd, vanaf <= d, and not ended (tot
 * after d). Built while the file is read, the rows not kept. */

typedef struct sw_kso_series {
    size_t nsteps;
    sw_date *peildatum; /**< the dates (owned) */
    size_t nprov;
    int *provincie; /**< the register's province codes, ascending (owned) */
    /** At step s, province k: realised KSO places and locations, at
     * [s * nprov + k] (owned). Complete after sw_kso_series_finish. */
    int64_t *plaatsen;
    int64_t *locaties;
    int64_t kso_max_plaatsen;
    const sw_register *reg; /**< borrowed */
} sw_kso_series;

/** Begins a series over `nsteps` ascending dates (1..SW_MAX_STEPS) for the
 * provinces of `reg` (which must outlive it). Returns 0 or SW_ENOMEM. */
SW_API int sw_kso_series_new(sw_kso_series **out, const sw_register *reg, const sw_date *steps,
                             size_t nsteps, int64_t kso_max_plaatsen);

/** Adds a location row. Returns 0, or SW_EOVERFLOW when a province's places
 * no longer add up exactly (the caller knows the row and says so). */
SW_API int sw_kso_series_add(sw_kso_series *s, const sw_locatie *l);

/** Turns what was added into the counts at each date. Returns 0 or
 * SW_EOVERFLOW. */
SW_API int sw_kso_series_finish(sw_kso_series *s);

/** NULL is allowed. */
SW_API void sw_kso_series_free(sw_kso_series *s);

/** The overview's province with code `code`, or NULL. */
SW_API const sw_kso_provincie *sw_kso_find_provincie(const sw_kso *k, int code);

SW_API void sw_kso_free(sw_kso *k);

#ifdef __cplusplus
}
#endif
#endif
