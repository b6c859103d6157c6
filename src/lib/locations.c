/* Reading reception locations (rekenregels §4, §4b, §7.7, §7.10, §7.13), as a
 * stream of checked rows. */
#include "spreiding/locations.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/number.h"
#include "arena.h"
#include "reader.h"
#include "util.h"

static const char *const soort_names[] = {NULL, "regulier", "amv", "bijzonder", "aanmeld", "nood"};
static const char *const status_names[] = {NULL, "gerealiseerd", "toegezegd", "gepland",
                                           "afgewezen", "ingetrokken"};
static const char *const ja_nee[] = {NULL, "ja", "nee"};
enum { NSOORT = 5, NSTATUS = 5 };

const char *sw_soort_name(int s) { return s >= 1 && s <= NSOORT ? soort_names[s] : "?"; }
const char *sw_loc_status_name(int s) { return s >= 1 && s <= NSTATUS ? status_names[s] : "?"; }

/* The words' lengths, so that a cell is compared with the one or two names
 * of its length only (sw_locaties_reader_new checks them). */
static const unsigned char soort_len[] = {0, 8, 3, 9, 7, 4};
static const unsigned char status_len[] = {0, 12, 9, 7, 9, 11};
static const unsigned char ja_nee_len[] = {0, 2, 3};

/* Index of the word in names[1..n] (lower-case letters, lengths lens[1..n]),
 * in any case, or 0. Compared here rather than by strlen and strncasecmp:
 * two or three cells of every row are words. */
static int word(const char *const *names, const unsigned char *lens, int n, const char *s,
                size_t len)
{
    sw__trim(&s, &len);
    for (int i = 1; i <= n; i++) {
        const unsigned char *w = (const unsigned char *)names[i];
        /* c | 0x20 is w[k] exactly for w[k] and its capital, w[k] a letter */
        if (lens[i] != len || ((unsigned char)s[0] | 0x20) != w[0])
            continue;
        size_t k = 1;
        while (k < len && ((unsigned char)s[k] | 0x20) == w[k])
            k++;
        if (k == len)
            return i;
    }
    return 0;
}

/* sw_cell_is_empty, inline: asked of three cells of every row. */
static bool blank(const char *s, size_t len)
{
    sw__trim(&s, &len);
    return len == 0;
}

enum { L_CODE, L_NAAM, L_PLAATSEN, L_AMV, L_SOORT, L_VANAF, L_TOT, L_STATUS, L_REDEN, L_KSO,
       L_NCOLS };
static const char *const n_code[] = {"gemeentecode", NULL};
static const char *const n_naam[] = {"locatie", NULL};
static const char *const n_plaatsen[] = {"plaatsen", NULL};
static const char *const n_amv[] = {"amv_plaatsen", NULL};
static const char *const n_soort[] = {"soort", NULL};
static const char *const n_vanaf[] = {"vanaf", NULL};
static const char *const n_tot[] = {"tot", NULL};
static const char *const n_status[] = {"status", NULL};
static const char *const n_reden[] = {"reden", NULL};
static const char *const n_kso[] = {"kleinschalig", NULL};
static const sw_csv_column loc_columns[L_NCOLS] = {
    {n_code, true},  {n_naam, false}, {n_plaatsen, true}, {n_amv, false},   {n_soort, true},
    {n_vanaf, true}, {n_tot, false},  {n_status, false},  {n_reden, false}, {n_kso, false},
};

struct sw_locaties_reader {
    sw_csv_reader *csv;
    const sw_register *reg;
    char *name;
    sw_locatie_fn fn;
    void *ctx;
    long col[L_NCOLS];
    int rc; /* bad rows are reported and reading goes on */
};

static int on_record(void *ctx, const sw_csv_record *rec, sw_diag *diag)
{
    sw_locaties_reader *c = ctx;
    if (rec->index == 0)
        return sw_csv_map_columns(c->col, rec, loc_columns, L_NCOLS, c->name, diag);
#define HAS(k) (c->col[k] >= 0)
#define CELL(k) rec->field[c->col[k]], rec->len[c->col[k]]
#define EMPTY(k) (!HAS(k) || blank(CELL(k)))
#define BAD(k, column, why)                                                                        \
    (rc = sw__cell_error(diag, SW_EDATA, c->name, rec, c->col[k], column, why))
    sw_locatie l = {.line = rec->line, .status = SW_LOC_GEREALISEERD, .naam = "", .reden = ""};
    const char *why;
    int rc = 0, code;
    if (sw_parse_gemeentecode(&code, CELL(L_CODE), &why) != 0)
        BAD(L_CODE, "gemeentecode", why);
    else if ((l.gemeente = (int32_t)sw_register_find(c->reg, code)) < 0)
        BAD(L_CODE, "gemeentecode", "is not a gemeente of the register (merged or misspelt?)");
    int r = sw_parse_count(&l.plaatsen, CELL(L_PLAATSEN), &why);
    if (r != 0)
        rc = sw__cell_error(diag, r, c->name, rec, c->col[L_PLAATSEN], "plaatsen", why);
    else if (l.plaatsen == 0)
        BAD(L_PLAATSEN, "plaatsen", "is not a positive number of places");
    if (!(l.soort = (unsigned char)word(soort_names, soort_len, NSOORT, CELL(L_SOORT))))
        BAD(L_SOORT, "soort", "is not regulier, amv, bijzonder, aanmeld or nood");
    bool amv_empty = EMPTY(L_AMV);
    if (!amv_empty && (r = sw_parse_count(&l.amv_plaatsen, CELL(L_AMV), &why)) != 0)
        rc = sw__cell_error(diag, r, c->name, rec, c->col[L_AMV], "amv_plaatsen", why);
    else if (amv_empty)
        l.amv_plaatsen = l.soort == SW_SOORT_AMV ? l.plaatsen : 0; /* §7.10 */
    else if (l.amv_plaatsen > l.plaatsen && l.plaatsen > 0)
        BAD(L_AMV, "amv_plaatsen", "is more than plaatsen");
    if (!EMPTY(L_STATUS) &&
        !(l.status = (unsigned char)word(status_names, status_len, NSTATUS, CELL(L_STATUS))))
        BAD(L_STATUS, "status",
            "is not gerealiseerd, toegezegd, gepland, afgewezen or ingetrokken");
    if (!EMPTY(L_KSO)) {
        if (!(l.kleinschalig = (unsigned char)word(ja_nee, ja_nee_len, 2, CELL(L_KSO))))
            BAD(L_KSO, "kleinschalig", "is not ja or nee");
        else if (l.kleinschalig == SW_KSO_JA &&
                 (l.soort == SW_SOORT_NOOD || l.soort == SW_SOORT_AANMELD))
            BAD(L_KSO, "kleinschalig", "is ja on a nood or aanmeld location, which is never "
                                       "kleinschalig (small-scale reception)");
    }
    bool vanaf_ok = sw_parse_date(&l.vanaf, CELL(L_VANAF), &why) == 0;
    if (!vanaf_ok)
        BAD(L_VANAF, "vanaf", why);
    if (!EMPTY(L_TOT)) {
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
    /* Cells are trimmed once here; the names live as long as the callback. */
    size_t n;
    if (HAS(L_NAAM)) {
        l.naam = rec->field[c->col[L_NAAM]];
        n = rec->len[c->col[L_NAAM]];
        sw__trim(&l.naam, &n);
        ((char *)l.naam)[n] = '\0'; /* the record's own copy of the field */
    }
    if (HAS(L_REDEN)) {
        l.reden = rec->field[c->col[L_REDEN]];
        n = rec->len[c->col[L_REDEN]];
        sw__trim(&l.reden, &n);
        ((char *)l.reden)[n] = '\0';
    }
    return c->fn(c->ctx, &l, diag);
#undef HAS
#undef CELL
#undef EMPTY
#undef BAD
}

int sw_locaties_reader_new(sw_locaties_reader **out, const sw_register *reg, const char *name,
                           const sw_csv_options *opt, sw_locatie_fn fn, void *ctx,
                           sw_diag *diag)
{
    assert(out && reg && name && fn);
    for (int i = 1; i <= NSOORT; i++)
        assert(strlen(soort_names[i]) == soort_len[i]);
    for (int i = 1; i <= NSTATUS; i++)
        assert(strlen(status_names[i]) == status_len[i]);
    for (int i = 1; i <= 2; i++)
        assert(strlen(ja_nee[i]) == ja_nee_len[i]);
    *out = NULL;
    sw_locaties_reader *r = calloc(1, sizeof *r);
    if (!r || !(r->name = sw__strndup(name, strlen(name)))) {
        free(r);
        return SW_ENOMEM;
    }
    r->reg = reg;
    r->fn = fn;
    r->col[L_PLAATSEN] = -1;
    r->ctx = ctx;
    int rc = sw_csv_reader_new(&r->csv, name, opt, on_record, r, diag);
    if (rc != 0) {
        sw_locaties_reader_free(r);
        return rc;
    }
    *out = r;
    return 0;
}

int sw_locaties_reader_feed(sw_locaties_reader *r, const char *data, size_t len)
{
    assert(r);
    return sw_csv_reader_feed(r->csv, data, len);
}

int sw_locaties_reader_finish(sw_locaties_reader *r)
{
    assert(r);
    int rc = sw_csv_reader_finish(r->csv);
    return rc ? rc : r->rc;
}

long sw_locaties_reader_plaatsen_column(const sw_locaties_reader *r)
{
    assert(r);
    return r->col[L_PLAATSEN] + 1;
}

void sw_locaties_reader_free(sw_locaties_reader *r)
{
    if (!r)
        return;
    sw_csv_reader_free(r->csv);
    free(r->name);
    free(r);
}

/* ---- rows held in memory ---- */

struct sw_locaties_doc {
    sw__arena names;
    size_t cap;
};

int sw_locaties_new(sw_locaties **out, const char *name)
{
    assert(out && name);
    sw_locaties *set = calloc(1, sizeof *set);
    if (set)
        set->doc = calloc(1, sizeof *set->doc);
    if (!set || !set->doc || !(set->file = sw__strndup(name, strlen(name)))) {
        sw_locaties_free(set);
        *out = NULL;
        return SW_ENOMEM;
    }
    *out = set;
    return 0;
}

int sw_locaties_add(sw_locaties *set, const sw_locatie *l)
{
    assert(set && l);
    sw_locatie copy = *l;
    if (!(copy.naam = sw__arena_strndup(&set->doc->names, l->naam, strlen(l->naam))) ||
        !(copy.reden = sw__arena_strndup(&set->doc->names, l->reden, strlen(l->reden))) ||
        sw__reserve((void **)&set->loc, &set->doc->cap, set->n + 1, sizeof *set->loc) != 0)
        return SW_ENOMEM;
    set->loc[set->n++] = copy;
    return 0;
}

static int keep(void *ctx, const sw_locatie *l, sw_diag *diag)
{
    (void)diag;
    return sw_locaties_add(ctx, l);
}

int sw_locaties_load(sw_locaties **out, const sw_register *reg, const char *name,
                     const char *data, size_t len, const sw_csv_options *opt, sw_diag *diag)
{
    assert(out && reg && name && (data || len == 0));
    *out = NULL;
    sw_locaties *set = NULL;
    sw_locaties_reader *r = NULL;
    int rc = sw_locaties_new(&set, name);
    if (rc == 0)
        rc = sw_locaties_reader_new(&r, reg, name, opt, keep, set, diag);
    if (rc == 0)
        rc = sw_locaties_reader_feed(r, data, len);
    if (rc == 0)
        rc = sw_locaties_reader_finish(r);
    if (r)
        set->plaatsen_column = sw_locaties_reader_plaatsen_column(r);
    sw_locaties_reader_free(r);
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
        sw__arena_free(&set->doc->names);
    free(set->doc);
    free(set->loc);
    free(set->file);
    free(set);
}
