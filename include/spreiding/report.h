/**
 * # Reports: the computed results as documents
 *
 * Each builder turns a result into one `sw_report` (document.h): the
 * parameters and policies it used, the notes a reader needs (warnings first),
 * and tables whose columns know what they hold. A writer (write.h) renders it
 * as a terminal table, CSV, JSON, Markdown or HTML. No builder prints, and
 * none computes a rule of the law: every figure comes from the result.
 *
 * A report of one province (`ctx->provincie`) says so in its title ("... in
 * Zeeland, cyclus 2024 ...") and its scope. Figures a what-if changed are
 * marked (sw_value.scenario). Sentences for one province's section of the
 * HTML page are remarks (document.h): the money per province (grants,
 * overview), the share of KSO, the gemeenten a timeline leaves out.
 *
 * Builders return 0, SW_ENOMEM, or SW_EDATA / SW_EUSAGE with a message in
 * `diag` for input they cannot report on; on error *out is NULL. A report
 * copies what it shows from its inputs only as pointers into them where
 * stated: the result, register and cycle must outlive it.
 */
#ifndef SPREIDING_REPORT_H
#define SPREIDING_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spreiding/allocation.h"
#include "spreiding/compare.h"
#include "spreiding/diag.h"
#include "spreiding/document.h"
#include "spreiding/export.h"
#include "spreiding/figures.h"
#include "spreiding/grants.h"
#include "spreiding/kso.h"
#include "spreiding/map.h"
#include "spreiding/locations.h"
#include "spreiding/progress.h"
#include "spreiding/sweep.h"
#include "spreiding/timeline.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a report says about where it came from. Strings are borrowed. */
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
    int provincie;            /**< restrict every table to this province code, 0 = all */
    const sw_figures *ses;    /**< the --ses table read, or NULL (for its notes) */
    const sw_figures *inwoners; /**< the --inwoners table read, or NULL */
    const sw_map *map;        /**< the map to draw (overview), or NULL for none */
} sw_report_context;

/** The allocation (`spreiding allocate`): tables `gemeenten` (gemeentecode,
 * gemeentenaam, provinciecode, provincie, inwoners, ses_woa, gewicht, quotum
 * (4 decimals, half-up), opgave, opgave_amv, and quotum_exact in JSON) and
 * `provincies` (provinciecode, provincie, gemeenten, inwoners, opgave,
 * opgave_amv). */
SW_API int sw_report_allocation(sw_report **out, const sw_allocation *a,
                                const sw_register *reg, const sw_cycle *cy,
                                const sw_report_context *ctx, sw_diag *diag);

/** Progress (`spreiding progress`): tables `gemeenten` (gemeentecode,
 * gemeentenaam, provinciecode, provincie, opgave, opgave_amv, geteld,
 * geteld_amv, duurzaam, verschil) and `provincies` (provinciecode, provincie,
 * opgave, geteld, voortgang_pct (rounded down, §7.11), drempel_gehaald,
 * tekort_75, tekort_100). `a` is the allocation the opgave came from, or NULL
 * for an opgave file. */
SW_API int sw_report_progress(sw_report **out, const sw_progress *p, const sw_allocation *a,
                              const sw_register *reg, const sw_cycle *cy,
                              const sw_report_context *ctx, sw_diag *diag);

/** Grants (`spreiding grants`): tables `gemeenten` (gemeentecode,
 * gemeentenaam, provinciecode, provincie, geteld, duurzaam, aandeel,
 * in_aanmerking, bedrag_lid3, potentieel_lid3, bedrag_lid2b, totaal; JSON
 * adds aandeel_exact) and `provincies` (provinciecode, provincie, opgave,
 * geteld, drempel_gehaald, tekort_75, budget, bedrag_lid3, potentieel_lid3,
 * bedrag_lid2b, totaal — §7.19). */
SW_API int sw_report_grants(sw_report **out, const sw_grants *g, const sw_allocation *a,
                            const sw_register *reg, const sw_cycle *cy,
                            const sw_report_context *ctx, sw_diag *diag);

/** The overview behind `spreiding report`: tables `provincies`
 * (provinciecode, provincie, gemeenten, opgave, geteld, voortgang_pct,
 * drempel_gehaald, tekort_75, tekort_100, bedrag_lid3, potentieel_lid3,
 * bedrag_lid2b, totaal) and `gemeenten` (gemeentecode, gemeentenaam,
 * provinciecode, provincie, opgave, geteld, duurzaam, verschil,
 * in_aanmerking, bedrag_lid3, potentieel_lid3, bedrag_lid2b, totaal). Without
 * grants (`g` NULL: a cycle without tariffs) the money columns are left out
 * and a note says why. With `kso` (may be NULL) a last table `kso`: small-scale
 * reception per province, the columns of sw_report_kso's `provincies`, then
 * kso_geteld, geteld, aandeel_pct (JSON adds aandeel_exact). The kso is the
 * register as it is: a scenario of the run does not change it, and a note
 * says so. */
SW_API int sw_report_overview(sw_report **out, const sw_progress *p, const sw_grants *g,
                              const sw_kso *kso, const sw_allocation *a,
                              const sw_register *reg, const sw_cycle *cy,
                              const sw_report_context *ctx, sw_diag *diag);

/** Small-scale reception (`spreiding kso`, kso.h). People read the classes
 * in words ("niet gerealiseerd"); the HTML answer holds `provincies` and
 * `aandeel`, and the national share. Tables, in this order:
 * - `totaal`: per class (klasse, locaties, plaatsen, betekenis) for the
 *   country, or for the province of ctx->provincie;
 * - `provincies`: provinciecode, provincie, locaties_gepland,
 *   locaties_toegezegd, locaties_gerealiseerd, locaties_beeindigd,
 *   locaties_niet_gerealiseerd, plaatsen_gepland, plaatsen_toegezegd,
 *   plaatsen_gerealiseerd, plaatsen_beeindigd, plaatsen_niet_gerealiseerd;
 *   every province of the register, by code;
 * - `gemeenten`: gemeentecode, gemeentenaam, provinciecode, then the same ten
 *   figures; the gemeenten with at least one KSO row, by code;
 * - `redenen`: provinciecode, provincie, reden, locaties, plaatsen: the
 *   not-realised rows per province and reason, in the order of sw_kso.reden;
 * - `aandeel`: provinciecode, provincie, kso_geteld (places of KSO rows that
 *   count), geteld (every counted place), aandeel_pct (100 × kso_geteld /
 *   geteld, 2 decimals, half-up; empty without counted places; JSON adds
 *   aandeel_exact);
 * - `locaties`, only when the kso kept its rows: regel, gemeentecode,
 *   gemeentenaam, provinciecode, locatie, plaatsen, soort, status, vanaf,
 *   tot, klasse, reden (the row's own reason as read), in the order of
 *   sw_kso.rij.
 * The parameters give the peildatum, kso-max-plaatsen with its status and
 * source, the counting parameters and the share nationally (or in the
 * province). `k`, `reg` and `cy` must outlive the report. */
SW_API int sw_report_kso(sw_report **out, const sw_kso *k, const sw_register *reg,
                         const sw_cycle *cy, const sw_report_context *ctx, sw_diag *diag);

/** What a timeline report shows besides the steps of its progress result. */
typedef struct sw_timeline_report_options {
    const sw_timeline *tijdlijn; /**< the range as given, for the parameters; NULL: the steps' */
    const size_t *gemeenten;     /**< register indices for the gemeenten table (`--gemeente`,
                                      any order, repeats allowed); NULL or none: every gemeente
                                      of the run */
    size_t ngemeenten;
    /** For people (terminal table, Markdown, HTML): the gemeenten table by
     * code, then peildatum, so that each gemeente's series reads as one
     * block, and the changes only: `provincies` at the first date and each
     * date at which a province's count or verdict changes; `gemeenten` (when
     * no gemeente is asked for) only the gemeenten whose count (geteld or
     * duurzaam) changes, at the first date and each change, the others
     * counted per province in a remark; and `eerst_gehaald` in words
     * ("tussen 30-12-2024 en 6-1-2025": the step before and the step at which
     * the test held). Otherwise (CSV, JSON, XLSX) every row, by peildatum,
     * then code. */
    bool voor_mensen;
    /** Realised small-scale reception at each date (`--kso`), or NULL: the
     * `provincies` table then adds kso_plaatsen and kso_locaties, the
     * places and locations of realised KSO (kso.h) in the province. */
    const sw_kso_series *kso;
} sw_timeline_report_options;

/** A timeline (`spreiding progress --tijdlijn`, `report --tijdlijn`) of a
 * progress result counted at several steps (progress.h). Tables, each
 * sorted by peildatum, then code, or by code, then peildatum:
 * - `verloop`: per province the first peildatum at which the exact test
 *   held (`eerst_gehaald`: a date, or the text "nog niet"), how many times
 *   it fell below again afterwards (`weer_onder`), and at the last date
 *   `geteld`, `voortgang_pct`, `drempel_gehaald`, `tekort_75`;
 * - `wisselingen`: each step at which a province's test changed
 *   (provinciecode, provincie, peildatum, wisseling, geteld, voortgang_pct);
 * - `provincies`: peildatum, provinciecode, provincie, opgave, geteld,
 *   voortgang_pct (rounded down, §7.11), drempel_gehaald (and with
 *   opt->kso, kso_plaatsen and kso_locaties);
 * - `gemeenten`: peildatum, gemeentecode, gemeentenaam, provinciecode,
 *   opgave, geteld, duurzaam (for people by code, then peildatum).
 * Pictures: one line chart per province (sw_timeline_chart_svg), `where`
 * its code "PVnn". The run's peildatum parameter becomes `tijdlijn`.
 * SW_EUSAGE when an asked gemeente does not take part in the run. */
SW_API int sw_report_timeline(sw_report **out, const sw_progress *p, const sw_allocation *a,
                              const sw_register *reg, const sw_cycle *cy,
                              const sw_report_context *ctx, const sw_timeline_report_options *opt,
                              sw_diag *diag);

/** How a comparison report is laid out. Strings are borrowed. */
typedef struct sw_compare_report_options {
    const char *oud_locaties_file; /**< the old side's locations file, as the user named it
                                        (the context names the new side's) */
    const char *oud_sha256;        /**< its SHA-256, 64 hex digits */
    const char *nieuw_sha256;      /**< the new side's */
    /** For people (terminal table, Markdown, HTML): the gemeenten and
     * provinces that changed, status changes first, then the largest money
     * changes, then the other changes; the unchanged ones are counted in a
     * note. Otherwise (CSV, JSON, XLSX) every row, by code. */
    bool voor_mensen;
    bool alles; /**< people's form: list the unchanged rows too (after the
                     changed ones); locations: unchanged ones too */
} sw_compare_report_options;

/** A comparison (`spreiding progress|grants --vergelijk`, compare.h). The
 * parameters are the new side's run (peildatum, locations file, scenario and
 * totals renamed `*_nieuw`) and the old side's (`oud`, `peildatum_oud`,
 * `sha256_oud` ...); both locations files with their SHA-256. Tables:
 * - `wijzigingen`: what changed status: provinces that crossed the threshold,
 *   then gemeenten that became eligible for lid 3 or lost it (niveau, code,
 *   naam, provinciecode, wijziging, geteld_oud, geteld_nieuw,
 *   voortgang_pct_oud, voortgang_pct_nieuw, with grants totaal_oud,
 *   totaal_nieuw, totaal_verschil);
 * - `provincies`: provinciecode, provincie, then `F_oud, F_nieuw,
 *   F_verschil` for each figure F: without grants geteld, duurzaam,
 *   voortgang_pct, drempel_gehaald, tekort_75; with grants geteld, duurzaam,
 *   drempel_gehaald, tekort_75, bedrag_lid3, potentieel_lid3, bedrag_lid2b,
 *   totaal;
 * - `gemeenten`: gemeentecode, gemeentenaam, provinciecode, provincie, then
 *   likewise: without grants geteld, geteld_amv, duurzaam; with grants
 *   geteld, duurzaam, in_aanmerking, bedrag_lid3, potentieel_lid3,
 *   bedrag_lid2b, totaal;
 * - `locaties` (when the comparison matched locations): the locations that
 *   appeared, disappeared or changed (gemeentecode, gemeentenaam,
 *   provinciecode, locatie, soort, wijziging, plaatsen_oud/_nieuw/_verschil,
 *   status_oud/_nieuw, vanaf_oud/_nieuw, tot_oud/_nieuw,
 *   geteld_oud/_nieuw/_verschil; a location on one side only has the other
 *   side empty and differs by all its places).
 * `F_verschil` is nieuw − oud of the exact values (money in cents, JSON also
 * `F_verschil_cent`); `voortgang_pct_verschil` the difference of the two
 * shown percentages; a yes/no figure's `gewonnen`, `verloren` or empty.
 * Counts and money are totalled on every side. A remark under the title says
 * what is compared: "Oud: FILE (peildatum ...) → Nieuw: FILE (peildatum ...)". */
SW_API int sw_report_compare(sw_report **out, const sw_comparison *c, const sw_report_context *ctx,
                             const sw_compare_report_options *opt, sw_diag *diag);

/** A sweep (`spreiding sweep`): table `sweep` (capaciteit, one column per
 * province code, totaal), with a per-gemeente result also `gemeenten`
 * (capaciteit, one column per gemeentecode), and `paradoxen` (niveau, code,
 * naam, capaciteit_van, capaciteit_naar, opgave_van, opgave_naar). */
SW_API int sw_report_sweep(sw_report **out, const sw_sweep *s, const sw_register *reg,
                           const sw_cycle *cy, const sw_report_context *ctx, sw_diag *diag);

/** The audit trail of one gemeente (register index `gemeente`): every step
 * from inwoners to grant (table `berekening`: onderdeel, grootheid, waarde,
 * toelichting), and each of its locations with whether and why it counts
 * (`locaties`: regel, locatie, plaatsen, amv_plaatsen, soort, status, vanaf,
 * tot, telt_mee, duurzaam, reden, then whether it is small-scale on the
 * run's kso_max_plaatsen and peildatum: kleinschalig (ja/nee), kso_klasse
 * (empty when not kleinschalig) and kso_waarom). `g` may be NULL (no tariffs): the grant steps are left out.
 * SW_EUSAGE when the gemeente does not take part in the run. */
SW_API int sw_report_explain(sw_report **out, size_t gemeente, const sw_progress *p,
                             const sw_grants *g, const sw_allocation *a,
                             const sw_locaties *loc, const sw_register *reg,
                             const sw_cycle *cy, const sw_report_context *ctx, sw_diag *diag);

/** What a map shows (`spreiding map --maat`). */
typedef enum sw_map_maat {
    SW_MAAT_AUTO = 0,  /**< voortgang with locations, else opgave */
    SW_MAAT_OPGAVE,
    SW_MAAT_GETELD,
    SW_MAAT_VOORTGANG, /**< provinces: against the threshold; gemeenten: in quarters */
    SW_MAAT_BEDRAG     /**< the art. 9 totaal (lid 3 + lid 2b) */
} sw_map_maat;

typedef struct sw_map_request {
    sw_map_level level;    /**< provinces or gemeenten */
    int provincie;         /**< only this province (zoomed), 0 for the country */
    sw_map_maat maat;
    const char *title;     /**< above the map, or NULL */
    const char *id_prefix; /**< ids inside the SVG: distinct for each map of one page */
    bool standalone;       /**< a .svg file of its own (XML declaration, a size in mm) */
} sw_map_request;

/** A map of a run as SVG, appended to `out`. Provinces by voortgang are
 * coloured by the exact test against the threshold (below, met, at least
 * 100 %: `sw_map_palette_threshold`); gemeenten by voortgang in quarters of
 * their opgave (`sw_map_palette_sequential`); opgave and geteld in at most
 * five bands of a round width (1, 2, 2,5 or 5 times a power of ten) from 0
 * to past the largest; bedrag (`sw_map_palette_bedrag`) with € 0 ("geen
 * uitkering") a class of its own and the amounts in at most four such bands
 * of whole euros. The legend says what each colour drawn holds ("€ 2.500.000
 * tot € 5.000.000"), and lists no class that no shape has. Each shape's title
 * carries its figures; the caption the cycle, the peildatum and whether the
 * opgave is official or computed; a scenario is marked. `p` is NULL without
 * locations (only SW_MAAT_OPGAVE then), `g` NULL without grants (no
 * bedrag). Errors: SW_EUSAGE (a measure that needs locations, a province
 * without shapes), SW_EDATA (bedrag without tariffs), SW_ENOMEM. */
SW_API int sw_report_map(sw_buf *out, const sw_map *map, const sw_progress *p,
                         const sw_grants *g, const sw_opgave *og, const sw_register *reg,
                         const sw_cycle *cy, const sw_map_request *req, sw_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
