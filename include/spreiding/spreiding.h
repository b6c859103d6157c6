/**
 * # libspreiding
 *
 * A calculator for the Dutch Spreidingswet (Wet gemeentelijke taak mogelijk
 * maken asielopvangvoorzieningen). The law's pipeline, one header a stage:
 *
 * - `csv.h`: reading CSV files as Excel and CBS write them
 * - `number.h`, `date.h`: exact values
 * - `register.h`: the gemeenten (and their SES-WOA scores)
 * - `figures.h`: scores and population from StatLine downloads
 * - `cycle.h`: the parameters of a cycle
 * - `policy.h`: the choices the law leaves open
 * - `apportion.h`, `allocation.h`: the opgave per gemeente and province
 * - `locations.h`, `opgave.h`, `progress.h`: places counted against the opgave
 * - `grants.h`: the art. 9 grants
 * - `measure.h`: the whole pipeline, locations to grants, in one call
 * - `kso.h`: small-scale reception (kleinschalige opvang): the overview per class and reason
 * - `timeline.h`: progress at a series of peildata, and its chart
 * - `compare.h`: two runs side by side: what changed
 * - `map.h`: the gemeenten and provinces as shapes, drawn as SVG
 * - `sweep.h`: the allocation over a range of capacities
 * - `document.h`, `report.h`: the results as documents whose columns know what they hold
 * - `output.h`, `write.h`: writing a document as a terminal table, CSV, JSON, Markdown, HTML
 *
 * Conventions: functions return 0 or a negative `SW_E*` code; out-parameters
 * come first and a `sw_diag *` last; every `_load`/`_new` has a `_free` that
 * accepts NULL; the library never prints, exits or keeps global state.
 */
#ifndef SPREIDING_SPREIDING_H
#define SPREIDING_SPREIDING_H

#include "spreiding/allocation.h"
#include "spreiding/apportion.h"
#include "spreiding/csv.h"
#include "spreiding/compare.h"
#include "spreiding/cycle.h"
#include "spreiding/date.h"
#include "spreiding/diag.h"
#include "spreiding/document.h"
#include "spreiding/figures.h"
#include "spreiding/grants.h"
#include "spreiding/kso.h"
#include "spreiding/locations.h"
#include "spreiding/measure.h"
#include "spreiding/map.h"
#include "spreiding/number.h"
#include "spreiding/opgave.h"
#include "spreiding/output.h"
#include "spreiding/policy.h"
#include "spreiding/progress.h"
#include "spreiding/register.h"
#include "spreiding/report.h"
#include "spreiding/sweep.h"
#include "spreiding/timeline.h"
#include "spreiding/write.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The library's version, "MAJOR.MINOR.PATCH". */
SW_API const char *sw_version(void);

#ifdef __cplusplus
}
#endif
#endif
