#include "spreiding/policy.h"

#include <assert.h>
#include <strings.h>

#include "spreiding/diag.h"

/* Index 0 is the "not chosen" slot; values start at 1. */
static const struct {
    const char *values[3];
    const char *choices;
} table[SW_POLICY_COUNT] = {
    [SW_POLICY_MODE] = {{NULL, "national", "provincial"}, "national|provincial"},
    [SW_POLICY_WEGING] = {{NULL, "inwoners", "inwoners-ses"}, "inwoners|inwoners-ses"},
    [SW_POLICY_AFRONDING] = {{NULL, "half-up", "largest-remainder"},
                             "half-up|largest-remainder"},
    [SW_POLICY_AMV_AFRONDING] = {{NULL, "half-up", "largest-remainder"},
                                 "half-up|largest-remainder"},
    [SW_POLICY_SES_ONTBREKEND] = {{NULL, "fout", "nul"}, "fout|nul"},
    [SW_POLICY_LID3] = {{NULL, "provinciale-drempel", "per-gemeente"},
                        "provinciale-drempel|per-gemeente"},
    [SW_POLICY_LID3_GRONDSLAG] = {{NULL, "per-plaats", "budget"}, "per-plaats|budget"},
    [SW_POLICY_JA_NEE] = {{NULL, "ja", "nee"}, "ja|nee"},
};

int sw_policy_parse(sw_policy p, const char *text)
{
    assert(p < SW_POLICY_COUNT && text);
    for (int v = 1; v < 3; v++)
        if (strcasecmp(text, table[p].values[v]) == 0)
            return v;
    return SW_EDATA;
}

const char *sw_policy_value_name(sw_policy p, int v)
{
    assert(p < SW_POLICY_COUNT);
    return v >= 1 && v < 3 ? table[p].values[v] : "?";
}

const char *sw_policy_choices(sw_policy p)
{
    assert(p < SW_POLICY_COUNT);
    return table[p].choices;
}
