/**
 * # Policies: the choices the law leaves open
 *
 * Each policy of the rules (docs/rekenregels.md §3, §5, §7) has a name and
 * values spelt as there (`half-up`, `provinciale-drempel`, ...). Value 0 of every enum means "not
 * chosen": the cycle file's default, or the rule of rekenregels §7, applies.
 */
#ifndef SPREIDING_POLICY_H
#define SPREIDING_POLICY_H

#include "spreiding/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum sw_policy {
    SW_POLICY_MODE,           /**< national | provincial */
    SW_POLICY_WEGING,         /**< inwoners | inwoners-ses */
    SW_POLICY_AFRONDING,      /**< half-up | largest-remainder */
    SW_POLICY_AMV_AFRONDING,  /**< half-up | largest-remainder */
    SW_POLICY_SES_ONTBREKEND, /**< fout | nul */
    SW_POLICY_LID3,           /**< provinciale-drempel | per-gemeente */
    SW_POLICY_LID3_GRONDSLAG, /**< per-plaats | budget */
    SW_POLICY_JA_NEE,         /**< ja | nee */
    SW_POLICY_COUNT
} sw_policy;

/** "Not chosen", for a field of any of the policy types below (a plain 0,
 * so that it fits each of them). */
#define SW_UNSET 0
typedef enum sw_mode { SW_MODE_NATIONAL = 1, SW_MODE_PROVINCIAL } sw_mode;
typedef enum sw_weging { SW_WEGING_INWONERS = 1, SW_WEGING_INWONERS_SES } sw_weging;
typedef enum sw_afronding { SW_ROUND_HALF_UP = 1, SW_ROUND_LARGEST_REMAINDER } sw_afronding;
typedef enum sw_ses_ontbrekend { SW_SES_FOUT = 1, SW_SES_NUL } sw_ses_ontbrekend;
typedef enum sw_lid3 { SW_LID3_PROVINCIALE_DREMPEL = 1, SW_LID3_PER_GEMEENTE } sw_lid3;
typedef enum sw_grondslag { SW_GRONDSLAG_PER_PLAATS = 1, SW_GRONDSLAG_BUDGET } sw_grondslag;
typedef enum sw_ja_nee { SW_JA = 1, SW_NEE } sw_ja_nee;

/** Parses the value `text` of policy `p` (exact spelling, any case).
 * Returns the value (≥ 1) or SW_EDATA. */
SW_API int sw_policy_parse(sw_policy p, const char *text);

/** The spelling of value `v` of policy `p`, or "?" for an unknown value. */
SW_API const char *sw_policy_value_name(sw_policy p, int v);

/** The Dutch words for value `v` of policy `p` ("grootste overschot"), for
 * people; reports write it with the value beside it. */
SW_API const char *sw_policy_label(sw_policy p, int v);

/** The accepted values of `p` joined by `|` ("half-up|largest-remainder"). */
SW_API const char *sw_policy_choices(sw_policy p);

#ifdef __cplusplus
}
#endif
#endif
