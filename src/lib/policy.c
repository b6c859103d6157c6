#include "spreiding/policy.h"

#include <assert.h>
#include <strings.h>

#include "spreiding/diag.h"

/* Index 0 is the "not chosen" slot; values start at 1. Labels are the Dutch
 * words a report uses for people (rekenregels §7.16). */
static const struct {
    const char *values[3];
    const char *choices;
    const char *labels[3];
} table[SW_POLICY_COUNT] = {
    [SW_POLICY_MODE] = {{NULL, "national", "provincial"}, "national|provincial",
                        {NULL, "landelijk", "provinciaal"}},
    [SW_POLICY_WEGING] = {{NULL, "inwoners", "inwoners-ses"}, "inwoners|inwoners-ses",
                          {NULL, "inwoners", "inwoners \xC3\x97 (1 + SES-WOA)"}},
    [SW_POLICY_AFRONDING] = {{NULL, "half-up", "largest-remainder"},
                             "half-up|largest-remainder",
                             {NULL, "half naar boven", "grootste overschot"}},
    [SW_POLICY_AMV_AFRONDING] = {{NULL, "half-up", "largest-remainder"},
                                 "half-up|largest-remainder",
                                 {NULL, "half naar boven", "grootste overschot"}},
    [SW_POLICY_SES_ONTBREKEND] = {{NULL, "fout", "nul"}, "fout|nul",
                                  {NULL, "ontbrekende score is een fout",
                                   "ontbrekende score telt als 0"}},
    [SW_POLICY_LID3] = {{NULL, "provinciale-drempel", "per-gemeente"},
                        "provinciale-drempel|per-gemeente",
                        {NULL, "provinciale drempel", "per gemeente"}},
    [SW_POLICY_LID3_GRONDSLAG] = {{NULL, "per-plaats", "budget"}, "per-plaats|budget",
                                  {NULL, "per plaats", "provinciaal budget"}},
    [SW_POLICY_JA_NEE] = {{NULL, "ja", "nee"}, "ja|nee", {NULL, "ja", "nee"}},
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

const char *sw_policy_label(sw_policy p, int v)
{
    assert(p < SW_POLICY_COUNT);
    return v >= 1 && v < 3 ? table[p].labels[v] : "?";
}
