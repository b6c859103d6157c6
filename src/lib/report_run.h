/* What every report of a run carries: its parameters, policies, sources and
 * the notes a reader needs. Internal to the library (report_run.c). */
#ifndef SW_REPORT_RUN_H
#define SW_REPORT_RUN_H

#include "docbuild.h"
#include "spreiding/policy.h"
#include "spreiding/report.h"

/* "grootste overschot (largest-remainder)": Dutch words, the option value beside them. */
const char *sw__policy_text(sw_report *r, sw_policy p, int v);
/* "€ 4.000,00" */
const char *sw__money_text(sw_report *r, int64_t cents);
/* "62,98 %": 100 × num / den, 2 decimals, half-up (den > 0) */
const char *sw__percent_text(sw_report *r, sw_i128 num, sw_i128 den);
/* "1.234" */
const char *sw__count_text(sw_report *r, int64_t v);

/* The allocation's parameters and notes (allocate, and runs measured against it). */
void sw__allocation_meta(sw_report *r, const sw_allocation *a, const sw_register *reg,
                         const sw_cycle *cy, const sw_report_context *ctx);
void sw__allocation_notes(sw_report *r, const sw_allocation *a, const sw_cycle *cy,
                          const sw_report_context *ctx);

/* The input files and their SHA-256, for the record. */
void sw__input_meta(sw_report *r, const sw_report_context *ctx);

/* The parameters that decide whether a location counts, besides the
 * peildatum, the threshold and a scenario: duurzaam_jaren, aanmeld_telt,
 * telt_alleen_duurzaam, minimum_plaatsen, beschikbaar_tot. */
void sw__counting_meta(sw_report *r, const sw_progress *p);
/* kso_max_plaatsen (§4b) and where it came from: the option, or the cycle's
 * row with its status and source. */
void sw__kso_max_meta(sw_report *r, const sw_progress *p, const sw_cycle *cy);

/* A run of progress (and grants, when g is not NULL): cycle, peildatum,
 * counting parameters, policies, tariffs, totals; then its notes. */
void sw__run_meta(sw_report *r, const sw_progress *p, const sw_grants *g,
                  const sw_allocation *a, const sw_register *reg, const sw_cycle *cy,
                  const sw_report_context *ctx);
void sw__run_notes(sw_report *r, const sw_progress *p, const sw_grants *g,
                   const sw_allocation *a, const sw_register *reg, const sw_cycle *cy,
                   const sw_report_context *ctx);

/* What makes the run a scenario, as §7.15 writes it ("what-if GM0014=+50;
 * include-planned", what-ifs in code order), or NULL. */
const char *sw__scenario_text(sw_report *r, const sw_progress *p, const sw_register *reg);
/* The same into buf (cap bytes, cut if it must be); returns its length. */
size_t sw__scenario_describe(char *buf, size_t cap, const sw_progress *p,
                             const sw_register *reg);

/* Sets what the report covers (r->scope: "Nederland", or the province of
 * --provincie `provincie`) and returns it for a title: "" or " in Zeeland". */
const char *sw__scope(sw_report *r, const sw_cycle *cy, int provincie);

/* Marks a gemeente's figure that the run's what-if changed (sw_value.scenario). */
static inline sw_value sw__what_if(sw_value v, const sw_progress_row *row)
{
    v.scenario = row->what_if != 0;
    return v;
}

/* A new report of a run titled `what` (" in Zeeland" after it for a province), "SCENARIO - " first
 * when it is one, with its parameters and notes. NULL when out of memory. */
sw_report *sw__run_report(const char *what, const sw_progress *p, const sw_grants *g,
                          const sw_allocation *a, const sw_register *reg, const sw_cycle *cy,
                          const sw_report_context *ctx);

/* The table `kso` of the overview: small-scale reception per province
 * (report_kso.c), filtered to the context's province. */
void sw__kso_overview_table(sw_report *r, const sw_kso *k, const sw_register *reg,
                            const sw_report_context *ctx);

/* A KSO class (sw_kso_klasse): its name for machines, in words for people. */
sw_value sw__klasse_value(int klasse);

/* The gemeente and province column descriptions every table of a run shares. */
#define SW__GEMEENTE_COLUMNS                                                                       \
    {"gemeentecode", "Code", SW_KIND_CODE, SW_ROLE_KEY, 0, 0},                                     \
        {"gemeentenaam", "Gemeente", SW_KIND_NAME, SW_ROLE_KEY, 0, 0},                             \
        {"provinciecode", "Prov.", SW_KIND_CODE, SW_ROLE_PROVINCE, 0, 0},                          \
    {                                                                                              \
        "provincie", "Provincie", SW_KIND_NAME, SW_ROLE_PROVINCE_NAME, 0, 0                        \
    }
#define SW__PROVINCIE_COLUMNS                                                                      \
    {"provinciecode", "Code", SW_KIND_CODE, SW_ROLE_KEY | SW_ROLE_PROVINCE, 0, 0},                 \
    {                                                                                              \
        "provincie", "Provincie", SW_KIND_NAME,                                                    \
            SW_ROLE_KEY | SW_ROLE_SUMMARY | SW_ROLE_PROVINCE_NAME, 0, 0                            \
    }

#endif
