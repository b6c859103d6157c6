/* The cycle file: parameters, policies, tariffs and provinces of one cycle.
 * A table of the known parameters drives the reading, so adding one is one
 * line here and one row in the data file. */
#include "spreiding/cycle.h"

#include <assert.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "spreiding/number.h"
#include "spreiding/policy.h"
#include "reader.h"
#include "util.h"

enum kind { K_COUNT, K_PERCENT, K_DATE, K_DATE_OR_GEEN, K_POLICY, K_TARIFF };

#define NO_FLAG SIZE_MAX

/* Each parameter: where it goes, whether a file must give it, and the
 * default rekenregels §7.18 gives a policy when the file does not. Figures without a
 * default (amv, tariffs) are simply unknown when absent: their `flag` (a
 * bool in sw_cycle) stays false. */
static const struct spec {
    const char *name;
    enum kind kind;
    size_t offset; /* of the field in sw_cycle; for K_TARIFF the tariff index */
    sw_policy policy;
    bool required;
    const char *fallback; /* the default of rekenregels §7.18, or NULL */
    size_t flag;          /* offset of its has_ bool, or NO_FLAG */
    int64_t max;          /* K_COUNT: the largest value, 0 for none */
} specs[] = {
    {"jaar", K_COUNT, offsetof(sw_cycle, jaar), 0, true, NULL, NO_FLAG, 9999},
    {"capaciteitsraming", K_COUNT, offsetof(sw_cycle, capaciteit), 0, true, NULL, NO_FLAG, 0},
    {"amv", K_COUNT, offsetof(sw_cycle, amv), 0, false, NULL, offsetof(sw_cycle, has_amv), 0},
    {"peildatum", K_DATE, offsetof(sw_cycle, peildatum), 0, true, NULL, NO_FLAG, 0},
    {"afronding", K_POLICY, offsetof(sw_cycle, afronding), SW_POLICY_AFRONDING, false,
     "half-up", NO_FLAG, 0},
    {"ses-ontbrekend", K_POLICY, offsetof(sw_cycle, ses_ontbrekend), SW_POLICY_SES_ONTBREKEND,
     false, "fout", NO_FLAG, 0},
    {"drempel", K_PERCENT, offsetof(sw_cycle, drempel_pct), 0, true, NULL, NO_FLAG, 100},
    {"duurzaam-jaren", K_COUNT, offsetof(sw_cycle, duurzaam_jaren), 0, true, NULL, NO_FLAG,
     SW_MAX_DUURZAAM_JAREN},
    {"aanmeld-telt", K_POLICY, offsetof(sw_cycle, aanmeld_telt), SW_POLICY_JA_NEE, false, "ja",
     NO_FLAG, 0},
    {"telt-alleen-duurzaam", K_POLICY, offsetof(sw_cycle, telt_alleen_duurzaam),
     SW_POLICY_JA_NEE, false, "nee", NO_FLAG, 0},
    {"minimum-plaatsen", K_COUNT, offsetof(sw_cycle, minimum_plaatsen), 0, false, "0", NO_FLAG,
     0},
    {"beschikbaar-tot", K_DATE_OR_GEEN, offsetof(sw_cycle, beschikbaar_tot), 0, false, NULL,
     offsetof(sw_cycle, has_beschikbaar_tot), 0},
    {"kso-max-plaatsen", K_COUNT, offsetof(sw_cycle, kso_max_plaatsen), 0, false, "100",
     NO_FLAG, 0},
    {"lid3", K_POLICY, offsetof(sw_cycle, lid3), SW_POLICY_LID3, false, "provinciale-drempel",
     NO_FLAG, 0},
    {"lid3-grondslag", K_POLICY, offsetof(sw_cycle, lid3_grondslag), SW_POLICY_LID3_GRONDSLAG,
     false, "per-plaats", NO_FLAG, 0},
    {"lid2b-minimum", K_COUNT, offsetof(sw_cycle, lid2b_minimum), 0, false, NULL,
     offsetof(sw_cycle, has_lid2b_minimum), 0},
    {"tarief.lid2b.duurzaam", K_TARIFF, SW_TARIEF_LID2B_DUURZAAM, 0, false, NULL, NO_FLAG, 0},
    {"tarief.lid3.duurzaam", K_TARIFF, SW_TARIEF_LID3_DUURZAAM, 0, false, NULL, NO_FLAG, 0},
    {"tarief.lid3.niet-duurzaam", K_TARIFF, SW_TARIEF_LID3_NIET_DUURZAAM, 0, false, NULL,
     NO_FLAG, 0},
};
#define NSPECS (sizeof specs / sizeof specs[0])

enum { C_PARAM, C_WAARDE, C_STATUS, C_BRON, C_NCOLS };
static const char *const n_param[] = {"parameter", NULL};
static const char *const n_waarde[] = {"waarde", NULL};
static const char *const n_status[] = {"status", NULL};
static const char *const n_bron[] = {"bron", NULL};
static const sw_csv_column cycle_columns[C_NCOLS] = {
    {n_param, true}, {n_waarde, true}, {n_status, true}, {n_bron, true}};

static const char *const status_names[] = {NULL, "officieel", "gerapporteerd", "beleid"};

const char *sw_status_name(int status)
{
    return status >= 1 && status <= 3 ? status_names[status] : "?";
}

typedef struct cycle_ctx {
    sw_cycle *cy;
    const char *name;
    long col[C_NCOLS];
    size_t pcap;
    long seen[NSPECS]; /* line a parameter was given on, 0 if not yet */
    int rc;
} cycle_ctx;

static sw_provincie *provincie_slot(sw_cycle *cy, int code)
{
    for (size_t i = 0; i < cy->nprov; i++)
        if (cy->provincie[i].code == code)
            return &cy->provincie[i];
    sw_provincie *p = realloc(cy->provincie, (cy->nprov + 1) * sizeof *p);
    if (!p)
        return NULL;
    cy->provincie = p;
    p = &cy->provincie[cy->nprov++];
    memset(p, 0, sizeof *p);
    p->code = code;
    return p;
}

/* provincie.PVnn.<field>: the province rows. */
static int province_param(cycle_ctx *c, const sw_csv_record *rec, const char *key,
                          const char *val, size_t vlen, sw_diag *diag)
{
    const char *why;
    int code;
    const char *dot = strchr(key + 10, '.');
    if (!dot || sw_parse_provinciecode(&code, key + 10, (size_t)(dot - (key + 10)), &why) != 0)
        return sw__cell_error(diag, SW_EDATA, c->name, rec, c->col[C_PARAM], "parameter",
                              "is not a known parameter");
    sw_provincie *p = provincie_slot(c->cy, code);
    if (!p)
        return SW_ENOMEM;
    const char *field = dot + 1;
    bool repeated = false;
    int r = 0;
    if (strcmp(field, "naam") == 0) {
        repeated = p->naam != NULL;
        if (!repeated) {
            sw__trim(&val, &vlen);
            if (vlen == 0)
                return sw__cell_error(diag, SW_EDATA, c->name, rec, c->col[C_WAARDE], "waarde",
                                      "is empty");
            if (!(p->naam = sw__strndup(val, vlen)))
                return SW_ENOMEM;
            if (!p->line)
                p->line = rec->line;
        }
    } else if (strcmp(field, "opgave") == 0) {
        repeated = p->has_opgave;
        if (sw_cell_is_empty(val, vlen)) {
            if (!p->line)
                p->line = rec->line;
            return 0; /* not published (yet) */
        }
        r = sw_parse_count(&p->opgave, val, vlen, &why);
        p->has_opgave = true;
        p->line = rec->line;
    } else if (strcmp(field, "opgave_amv") == 0) {
        repeated = p->has_amv;
        if (sw_cell_is_empty(val, vlen))
            return 0; /* the amv part is not known for every province */
        r = sw_parse_count(&p->opgave_amv, val, vlen, &why);
        p->has_amv = true;
        p->amv_line = rec->line;
    } else {
        return sw__cell_error(diag, SW_EDATA, c->name, rec, c->col[C_PARAM], "parameter",
                              "is not a known parameter");
    }
    if (repeated)
        return sw__cell_error(diag, SW_EDATA, c->name, rec, c->col[C_PARAM], "parameter",
                              "is given twice");
    if (r != 0)
        return sw__cell_error(diag, r, c->name, rec, c->col[C_WAARDE], "waarde", why);
    return 0;
}

/* Sets parameter s from text val; on a bad value returns SW_EDATA with *why. */
static int set_value(sw_cycle *cy, const struct spec *s, const char *val, const char **why)
{
    char *base = (char *)cy;
    size_t vlen = strlen(val);
    *why = "is not valid";
    int r = 0;
    switch (s->kind) {
    case K_COUNT:
    case K_PERCENT: {
        int64_t v;
        r = sw_parse_count(&v, val, vlen, why);
        if (r == 0 && s->kind == K_PERCENT && (v < 1 || v > 100)) {
            *why = "is not a percentage from 1 to 100";
            r = SW_EDATA;
        }
        if (r == 0 && s->kind == K_COUNT && s->max && v > s->max) {
            *why = s->offset == offsetof(sw_cycle, duurzaam_jaren)
                       ? "is more years than a location can plausibly last (at most 1000)"
                       : "is too large";
            r = SW_EDATA;
        }
        if (r == 0)
            memcpy(base + s->offset, &v, sizeof v);
        break;
    }
    case K_DATE_OR_GEEN:
        if (strcasecmp(val, "geen") == 0)
            return 0; /* no such condition: the flag stays false */
        /* fall through */
    case K_DATE:
        r = sw_parse_date((sw_date *)(void *)(base + s->offset), val, vlen, why);
        break;
    case K_POLICY: {
        int v = sw_policy_parse(s->policy, val);
        if (v < 0) {
            *why = s->policy == SW_POLICY_JA_NEE ? "is not ja or nee"
                                                 : "is not a value of this policy";
            return SW_EDATA;
        }
        /* The policy fields are enums of int's size (policy.h); the table
         * reaches them by offset. */
        _Static_assert(sizeof(sw_afronding) == sizeof(int) && sizeof(sw_lid3) == sizeof(int) &&
                           sizeof(sw_ja_nee) == sizeof(int),
                       "a policy enum is not the size of an int");
        memcpy(base + s->offset, &v, sizeof v);
        break;
    }
    case K_TARIFF:
        r = sw_parse_cents(&cy->tarief[s->offset].cents, val, vlen, why);
        break;
    }
    if (r == 0 && s->flag != NO_FLAG)
        *(bool *)(void *)(base + s->flag) = true;
    return r;
}

static int set_param(cycle_ctx *c, const sw_csv_record *rec, const struct spec *s,
                     const sw_param *row, sw_diag *diag)
{
    const char *why;
    int r = set_value(c->cy, s, row->waarde, &why);
    if (r != 0)
        return sw__cell_error(diag, r, c->name, rec, c->col[C_WAARDE], "waarde", why);
    return 0;
}

static int on_record(void *ctx, const sw_csv_record *rec, sw_diag *diag)
{
    cycle_ctx *c = ctx;
    sw_cycle *cy = c->cy;
    if (rec->index == 0)
        return sw_csv_map_columns(c->col, rec, cycle_columns, C_NCOLS, c->name, diag);

    const char *key = rec->field[c->col[C_PARAM]];
    size_t klen = rec->len[c->col[C_PARAM]];
    const char *val = rec->field[c->col[C_WAARDE]];
    size_t vlen = rec->len[c->col[C_WAARDE]];
    const char *st = rec->field[c->col[C_STATUS]];
    size_t stlen = rec->len[c->col[C_STATUS]];
    const char *bron = rec->field[c->col[C_BRON]];
    size_t blen = rec->len[c->col[C_BRON]];
    sw__trim(&key, &klen);
    sw__trim(&val, &vlen);
    sw__trim(&st, &stlen);
    sw__trim(&bron, &blen);

    if (sw__reserve((void **)&cy->param, &c->pcap, cy->nparam + 1, sizeof *cy->param) != 0)
        return SW_ENOMEM;
    sw_param *row = &cy->param[cy->nparam];
    memset(row, 0, sizeof *row);
    row->line = rec->line;
    row->naam = sw__strndup(key, klen);
    row->waarde = sw__strndup(val, vlen);
    row->bron = sw__strndup(bron, blen);
    if (!row->naam || !row->waarde || !row->bron) {
        free(row->naam);
        free(row->waarde);
        free(row->bron);
        return SW_ENOMEM;
    }
    cy->nparam++;

    int rc = 0;
    row->status = 0;
    for (int s = 1; s <= 3; s++)
        if (stlen == strlen(status_names[s]) && strncasecmp(st, status_names[s], stlen) == 0)
            row->status = s;
    if (!row->status)
        rc = sw__cell_error(diag, SW_EDATA, c->name, rec, c->col[C_STATUS], "status",
                            "is not officieel, gerapporteerd or beleid");
    if (blen == 0)
        rc = sw__cell_error(diag, SW_EDATA, c->name, rec, c->col[C_BRON], "bron",
                            "is empty: every parameter needs its source");

    int r = 0;
    if (klen > 10 && strncasecmp(row->naam, "provincie.", 10) == 0) {
        r = province_param(c, rec, row->naam, row->waarde, vlen, diag);
    } else {
        size_t i = 0;
        while (i < NSPECS && strcasecmp(specs[i].name, row->naam) != 0)
            i++;
        if (i == NSPECS)
            r = sw__cell_error(diag, SW_EDATA, c->name, rec, c->col[C_PARAM], "parameter",
                               "is not a known parameter");
        else if (c->seen[i])
            r = sw__cell_error(diag, SW_EDATA, c->name, rec, c->col[C_PARAM], "parameter",
                               "is given twice");
        else if (vlen == 0 && specs[i].required)
            r = sw__cell_error(diag, SW_EDATA, c->name, rec, c->col[C_WAARDE], "waarde",
                               "is empty, and this parameter is required");
        else if (vlen == 0)
            c->seen[i] = -rec->line; /* left empty: not known (yet) */
        else {
            c->seen[i] = rec->line;
            r = set_param(c, rec, &specs[i], row, diag);
        }
    }
    if (r == SW_ENOMEM)
        return r;
    if (r != 0)
        rc = r;
    if (rc != 0)
        c->rc = rc;
    return 0;
}

static int by_code(const void *a, const void *b)
{
    const sw_provincie *x = a, *y = b;
    return (x->code > y->code) - (x->code < y->code);
}

/* Checks completeness once every row is read. */
static int finish(cycle_ctx *c, sw_diag *diag)
{
    sw_cycle *cy = c->cy;
    int rc = 0;
    long last = cy->nparam ? cy->param[cy->nparam - 1].line : 1;
    for (size_t i = 0; i < NSPECS; i++) {
        const char *why;
        if (specs[i].required && !c->seen[i])
            rc = sw_diag_add(diag, SW_EDATA, c->name, last, 1, "parameter",
                             "required parameter '%s' is missing", specs[i].name);
        else if (c->seen[i] <= 0 && specs[i].fallback &&
                 set_value(cy, &specs[i], specs[i].fallback, &why) != 0)
            assert(!"a default of the spec table does not parse");
    }
    for (size_t i = 0; i < cy->nprov; i++)
        if (!cy->provincie[i].naam)
            rc = sw_diag_add(diag, SW_EDATA, c->name, cy->provincie[i].line, 1, "parameter",
                             "province PV%02d has no 'provincie.PV%02d.naam' row",
                             cy->provincie[i].code, cy->provincie[i].code);

    for (size_t i = 0; i < cy->nprov; i++)
        if (cy->provincie[i].has_amv && cy->provincie[i].has_opgave &&
            cy->provincie[i].opgave_amv > cy->provincie[i].opgave)
            rc = sw_diag_add(diag, SW_EDATA, c->name, cy->provincie[i].amv_line, 2, "waarde",
                             "province PV%02d: opgave_amv %lld is more than its opgave %lld",
                             cy->provincie[i].code, (long long)cy->provincie[i].opgave_amv,
                             (long long)cy->provincie[i].opgave);
    long amv_line = sw_cycle_param_line(cy, "amv");
    /* The provincial opgaven are summed for every report: their sum must be
     * a number too. */
    int64_t sum = 0;
    for (size_t i = 0; i < cy->nprov; i++)
        if (cy->provincie[i].has_opgave &&
            __builtin_add_overflow(sum, cy->provincie[i].opgave, &sum))
            rc = sw_diag_add(diag, SW_EOVERFLOW, c->name, cy->provincie[i].line, 2, "waarde",
                             "province PV%02d: the provincial opgaven add up to more than "
                             "%lld, the largest number counted exactly",
                             cy->provincie[i].code, (long long)INT64_MAX);
    if (cy->has_amv && cy->amv > cy->capaciteit)
        rc = sw_diag_add(diag, SW_EDATA, c->name, amv_line, 2, "waarde",
                         "amv %lld is more than the capaciteitsraming %lld", (long long)cy->amv,
                         (long long)cy->capaciteit);
    if (rc != 0)
        return rc;
    sw__sort(cy->provincie, cy->nprov, sizeof *cy->provincie, by_code);
    /* Tariffs point at their rows only now: the row array moved while it grew. */
    for (size_t i = 0; i < cy->nparam; i++)
        for (size_t s = 0; s < NSPECS; s++)
            if (specs[s].kind == K_TARIFF && cy->param[i].waarde[0] &&
                strcasecmp(specs[s].name, cy->param[i].naam) == 0)
                cy->tarief[specs[s].offset].param = &cy->param[i];
    return 0;
}

int sw_cycle_load(sw_cycle **out, const char *name, const char *data, size_t len,
                  const sw_csv_options *opt, sw_diag *diag)
{
    assert(out && name && (data || len == 0));
    *out = NULL;
    sw_cycle *cy = calloc(1, sizeof *cy);
    if (!cy || !(cy->file = sw__strndup(name, strlen(name)))) {
        free(cy);
        return SW_ENOMEM;
    }
    cycle_ctx c = {.cy = cy, .name = name};
    int rc = sw_csv_read(name, data, len, opt, on_record, &c, diag);
    if (rc == 0)
        rc = c.rc;
    if (rc == 0)
        rc = finish(&c, diag);
    if (rc != 0) {
        sw_cycle_free(cy);
        return rc;
    }
    *out = cy;
    return 0;
}

void sw_cycle_free(sw_cycle *cy)
{
    if (!cy)
        return;
    for (size_t i = 0; i < cy->nprov; i++)
        free(cy->provincie[i].naam);
    for (size_t i = 0; i < cy->nparam; i++) {
        free(cy->param[i].naam);
        free(cy->param[i].waarde);
        free(cy->param[i].bron);
    }
    free(cy->provincie);
    free(cy->param);
    free(cy->file);
    free(cy);
}

const sw_provincie *sw_cycle_find_provincie(const sw_cycle *cy, int code)
{
    assert(cy);
    for (size_t i = 0; i < cy->nprov; i++)
        if (cy->provincie[i].code == code)
            return &cy->provincie[i];
    return NULL;
}

int sw_cycle_lookup_provincie(const sw_cycle *cy, const char *text)
{
    assert(cy && text);
    const char *why;
    int code;
    if (sw_parse_provinciecode(&code, text, strlen(text), &why) == 0)
        return sw_cycle_find_provincie(cy, code) ? code : SW_EDATA;
    /* Names as people write them: any case, and Friesland for Fryslân. */
    static const struct {
        const char *alias, *name;
    } aliases[] = {{"Friesland", "Frysl\xC3\xA2n"}};
    for (size_t a = 0; a < sizeof aliases / sizeof aliases[0]; a++)
        if (sw__same_name(text, aliases[a].alias))
            text = aliases[a].name;
    for (size_t i = 0; i < cy->nprov; i++)
        if (sw__same_name(cy->provincie[i].naam, text))
            return cy->provincie[i].code;
    return SW_EDATA;
}

int sw_cycle_adopt_provinces(sw_cycle *cy, const sw_register *reg)
{
    assert(cy && reg);
    if (cy->nprov > 0)
        return 0;
    for (size_t i = 0; i < reg->n; i++) {
        const sw_gemeente *g = &reg->gemeente[i];
        if (sw_cycle_find_provincie(cy, g->provincie))
            continue;
        sw_provincie *p = provincie_slot(cy, g->provincie);
        char code[8];
        snprintf(code, sizeof code, "PV%02d", g->provincie % SW_PROVINCIE_CODES);
        const char *naam = g->provincie_naam && g->provincie_naam[0] ? g->provincie_naam : code;
        if (!p || !(p->naam = sw__strndup(naam, strlen(naam))))
            return SW_ENOMEM;
    }
    sw__sort(cy->provincie, cy->nprov, sizeof *cy->provincie, by_code);
    return 0;
}

const sw_param *sw_cycle_param(const sw_cycle *cy, const char *name)
{
    assert(cy && name);
    for (size_t i = 0; i < cy->nparam; i++)
        if (strcasecmp(cy->param[i].naam, name) == 0 && cy->param[i].waarde[0])
            return &cy->param[i];
    return NULL;
}

long sw_cycle_param_line(const sw_cycle *cy, const char *name)
{
    const sw_param *p = sw_cycle_param(cy, name);
    return p ? p->line : 0;
}

bool sw_cycle_can_pay(const sw_cycle *cy, sw_grondslag grondslag)
{
    assert(cy);
    if (grondslag == SW_UNSET)
        grondslag = cy->lid3_grondslag;
    bool per_plaats = grondslag == SW_GRONDSLAG_PER_PLAATS;
    return cy->has_lid2b_minimum && cy->tarief[SW_TARIEF_LID2B_DUURZAAM].param &&
           (!per_plaats || (cy->tarief[SW_TARIEF_LID3_DUURZAAM].param &&
                            cy->tarief[SW_TARIEF_LID3_NIET_DUURZAAM].param));
}

bool sw_cycle_has_opgaven(const sw_cycle *cy)
{
    assert(cy);
    for (size_t i = 0; i < cy->nprov; i++)
        if (!cy->provincie[i].has_opgave)
            return false;
    return cy->nprov > 0;
}
