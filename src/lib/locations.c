/* Reading reception locations (domain.md §4, §7.7, §7.10). */
#include "spreiding/locations.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "spreiding/number.h"
#include "arena.h"
#include "reader.h"
#include "util.h"

struct sw_locaties_doc {
    sw_arena names;
    size_t cap;
};

static const char *const soort_names[] = {NULL, "regulier", "amv", "bijzonder", "aanmeld", "nood"};
static const char *const status_names[] = {NULL, "gerealiseerd", "toegezegd", "gepland"};

const char *sw_soort_name(int s) { return s >= 1 && s <= 5 ? soort_names[s] : "?"; }
const char *sw_loc_status_name(int s) { return s >= 1 && s <= 3 ? status_names[s] : "?"; }

/* Index of the word in names[1..n], or 0. */
static int word(const char *const *names, int n, const char *s, size_t len)
{
    sw_trim(&s, &len);
    for (int i = 1; i <= n; i++)
        if (strlen(names[i]) == len && strncasecmp(names[i], s, len) == 0)
            return i;
    return 0;
}

enum { L_CODE, L_NAAM, L_PLAATSEN, L_AMV, L_SOORT, L_VANAF, L_TOT, L_STATUS, L_NCOLS };
static const char *const n_code[] = {"gemeentecode", NULL};
static const char *const n_naam[] = {"locatie", NULL};
static const char *const n_plaatsen[] = {"plaatsen", NULL};
static const char *const n_amv[] = {"amv_plaatsen", NULL};
static const char *const n_soort[] = {"soort", NULL};
static const char *const n_vanaf[] = {"vanaf", NULL};
static const char *const n_tot[] = {"tot", NULL};
static const char *const n_status[] = {"status", NULL};
static const sw_csv_column loc_columns[L_NCOLS] = {
    {n_code, true},  {n_naam, false}, {n_plaatsen, true}, {n_amv, false},
    {n_soort, true}, {n_vanaf, true}, {n_tot, false},     {n_status, false},
};

typedef struct loc_ctx {
    sw_locaties *set;
    const sw_register *reg;
    const char *name;
    long col[L_NCOLS];
    int rc;
} loc_ctx;

static int on_record(void *ctx, const sw_csv_record *rec, sw_diag *diag)
{
    loc_ctx *c = ctx;
    if (rec->index == 0) {
        int rc = sw_csv_map_columns(c->col, rec, loc_columns, L_NCOLS, c->name, diag);
        c->set->plaatsen_column = c->col[L_PLAATSEN] + 1;
        return rc;
    }
#define HAS(k) (c->col[k] >= 0)
#define CELL(k) rec->field[c->col[k]], rec->len[c->col[k]]
#define BAD(k, column, why) (rc = sw_cell_error(diag, SW_EDATA, c->name, rec, c->col[k], column, why))
    sw_locatie l = {.line = rec->line, .status = SW_LOC_GEREALISEERD};
    const char *why;
    int rc = 0, code;
    if (sw_parse_gemeentecode(&code, CELL(L_CODE), &why) != 0)
        BAD(L_CODE, "gemeentecode", why);
    else if ((l.gemeente = (int32_t)sw_register_find(c->reg, code)) < 0)
        BAD(L_CODE, "gemeentecode", "is not a gemeente of the register (merged or misspelt?)");
    int r = sw_parse_count(&l.plaatsen, CELL(L_PLAATSEN), &why);
    if (r != 0)
        rc = sw_cell_error(diag, r, c->name, rec, c->col[L_PLAATSEN], "plaatsen", why);
    else if (l.plaatsen == 0)
        BAD(L_PLAATSEN, "plaatsen", "is not a positive number of places");
    if (!(l.soort = (unsigned char)word(soort_names, 5, CELL(L_SOORT))))
        BAD(L_SOORT, "soort", "is not regulier, amv, bijzonder, aanmeld or nood");
    bool amv_empty = !HAS(L_AMV) || sw_cell_is_empty(CELL(L_AMV));
    if (!amv_empty && (r = sw_parse_count(&l.amv_plaatsen, CELL(L_AMV), &why)) != 0)
        rc = sw_cell_error(diag, r, c->name, rec, c->col[L_AMV], "amv_plaatsen", why);
    else if (amv_empty)
        l.amv_plaatsen = l.soort == SW_SOORT_AMV ? l.plaatsen : 0; /* §7.10 */
    else if (l.amv_plaatsen > l.plaatsen && l.plaatsen > 0)
        BAD(L_AMV, "amv_plaatsen", "is more than plaatsen");
    if (HAS(L_STATUS) && !sw_cell_is_empty(CELL(L_STATUS)) &&
        !(l.status = (unsigned char)word(status_names, 3, CELL(L_STATUS))))
        BAD(L_STATUS, "status", "is not gerealiseerd, toegezegd or gepland");
    bool vanaf_ok = sw_parse_date(&l.vanaf, CELL(L_VANAF), &why) == 0;
    if (!vanaf_ok)
        BAD(L_VANAF, "vanaf", why);
    if (HAS(L_TOT) && !sw_cell_is_empty(CELL(L_TOT))) {
        l.has_tot = true;
        if (sw_parse_date(&l.tot, CELL(L_TOT), &why) != 0)
            BAD(L_TOT, "tot", why);
        else if (vanaf_ok && sw_date_cmp(l.tot, l.vanaf) <= 0)
            BAD(L_TOT, "tot", "is not after vanaf");
    }
    if (rc != 0) {
        c->rc = rc;
        return 0;
    }
    sw_locaties *set = c->set;
    const char *naam = HAS(L_NAAM) ? rec->field[c->col[L_NAAM]] : "";
    size_t nlen = HAS(L_NAAM) ? rec->len[c->col[L_NAAM]] : 0;
    sw_trim(&naam, &nlen);
    if (!(l.naam = sw_arena_strndup(&set->doc->names, naam, nlen)))
        return SW_ENOMEM;
    if (set->n == set->doc->cap) {
        size_t cap = set->doc->cap ? set->doc->cap * 2 : 256;
        sw_locatie *p = realloc(set->loc, cap * sizeof *p);
        if (!p)
            return SW_ENOMEM;
        set->loc = p;
        set->doc->cap = cap;
    }
    set->loc[set->n++] = l;
    return 0;
#undef HAS
#undef CELL
#undef BAD
}

int sw_locaties_load(sw_locaties **out, const sw_register *reg, const char *name,
                     const char *data, size_t len, const sw_csv_options *opt, sw_diag *diag)
{
    assert(out && reg && name && (data || len == 0));
    *out = NULL;
    sw_locaties *set = calloc(1, sizeof *set);
    if (set)
        set->doc = calloc(1, sizeof *set->doc);
    if (!set || !set->doc || !(set->file = sw_strndup(name, strlen(name)))) {
        sw_locaties_free(set);
        return SW_ENOMEM;
    }
    loc_ctx c = {.set = set, .reg = reg, .name = name};
    int rc = sw_csv_read(name, data, len, opt, on_record, &c, diag);
    if (rc == 0)
        rc = c.rc;
    if (rc != 0) {
        sw_locaties_free(set);
        return rc;
    }
    *out = set;
    return 0;
}

void sw_locaties_free(sw_locaties *set)
{
    if (!set)
        return;
    if (set->doc)
        sw_arena_free(&set->doc->names);
    free(set->doc);
    free(set->loc);
    free(set->file);
    free(set);
}
