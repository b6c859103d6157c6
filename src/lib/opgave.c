/* The opgave a run measures against: an allocation, or an official file. */
#include "spreiding/opgave.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/cycle.h"
#include "spreiding/number.h"
#include "reader.h"
#include "util.h"

static sw_opgave *opgave_new(size_t n)
{
    sw_opgave *o = calloc(1, sizeof *o);
    if (!o)
        return NULL;
    o->row = calloc(n ? n : 1, sizeof *o->row);
    if (!o->row) {
        free(o);
        return NULL;
    }
    o->n = n;
    return o;
}

int sw_opgave_from_allocation(sw_opgave **out, const sw_allocation *a)
{
    assert(out && a);
    sw_opgave *o = opgave_new(a->n);
    if (!(*out = o))
        return SW_ENOMEM;
    for (size_t i = 0; i < a->n; i++) {
        const sw_alloc_row *r = &a->row[i];
        o->row[r->gemeente] = (sw_opgave_row){.in_run = true,
                                              .opgave = r->opgave,
                                              .has_amv = r->amv_method != SW_AMV_NONE,
                                              .opgave_amv = r->opgave_amv};
    }
    o->in_run = a->n;
    return 0;
}

enum { O_CODE, O_OPGAVE, O_AMV, O_NCOLS };
static const char *const n_code[] = {"gemeentecode", NULL};
static const char *const n_opgave[] = {"opgave", NULL};
static const char *const n_amv[] = {"opgave_amv", NULL};
static const sw_csv_column opgave_columns[O_NCOLS] = {
    {n_code, true}, {n_opgave, true}, {n_amv, false}};

typedef struct opgave_ctx {
    sw_opgave *o;
    const sw_register *reg;
    const char *name;
    long col[O_NCOLS];
    long *seen; /* line each gemeente was given on */
    int rc;
} opgave_ctx;

static int on_record(void *ctx, const sw_csv_record *rec, sw_diag *diag)
{
    opgave_ctx *c = ctx;
    if (rec->index == 0) {
        int rc = sw_csv_map_columns(c->col, rec, opgave_columns, O_NCOLS, c->name, diag);
        c->o->opgave_column = c->col[O_OPGAVE] + 1;
        return rc;
    }
#define CELL(k) rec->field[c->col[k]], rec->len[c->col[k]]
    const char *why;
    int code, rc = 0, r;
    long g = -1;
    sw_opgave_row row = {.in_run = true, .line = rec->line};
    if (sw_parse_gemeentecode(&code, CELL(O_CODE), &why) != 0)
        rc = sw__cell_error(diag, SW_EDATA, c->name, rec, c->col[O_CODE], "gemeentecode", why);
    else if ((g = sw_register_find(c->reg, code)) < 0)
        rc = sw__cell_error(diag, SW_EDATA, c->name, rec, c->col[O_CODE], "gemeentecode",
                            "is not a gemeente of the register (merged or misspelt?)");
    else if (c->seen[g])
        rc = sw_diag_add(diag, SW_EDATA, c->name, rec->line, c->col[O_CODE] + 1, "gemeentecode",
                         "gemeentecode GM%04d appears twice: on line %ld and on line %ld", code,
                         c->seen[g], rec->line);
    if ((r = sw_parse_count(&row.opgave, CELL(O_OPGAVE), &why)) != 0)
        rc = sw__cell_error(diag, r, c->name, rec, c->col[O_OPGAVE], "opgave", why);
    if (c->col[O_AMV] >= 0 && !sw_cell_is_empty(CELL(O_AMV))) {
        row.has_amv = true;
        if ((r = sw_parse_count(&row.opgave_amv, CELL(O_AMV), &why)) != 0)
            rc = sw__cell_error(diag, r, c->name, rec, c->col[O_AMV], "opgave_amv", why);
        else if (row.opgave_amv > row.opgave)
            rc = sw__cell_error(diag, SW_EDATA, c->name, rec, c->col[O_AMV], "opgave_amv",
                                "is more than the opgave");
    }
    if (rc != 0) {
        c->rc = rc;
        return 0;
    }
    c->seen[g] = rec->line;
    c->o->row[g] = row;
    c->o->in_run++;
    return 0;
#undef CELL
}

int sw_opgave_load(sw_opgave **out, const sw_register *reg, const sw_cycle *cy,
                   const char *name, const char *data, size_t len, const sw_csv_options *opt,
                   sw_diag *diag)
{
    assert(out && reg && name && (data || len == 0));
    *out = NULL;
    sw_opgave *o = opgave_new(reg->n);
    long *seen = calloc(reg->n ? reg->n : 1, sizeof *seen);
    if (!o || !seen || !(o->file = sw__strndup(name, strlen(name)))) {
        free(seen);
        sw_opgave_free(o);
        return SW_ENOMEM;
    }
    opgave_ctx c = {.o = o, .reg = reg, .name = name, .seen = seen};
    int rc = sw_csv_read(name, data, len, opt, on_record, &c, diag);
    if (rc == 0)
        rc = c.rc;
    if (rc == 0 && o->in_run == 0)
        rc = sw_diag_add(diag, SW_EDATA, name, 2, 1, NULL, "file lists no gemeenten");
    if (rc == 0 && c.col[O_AMV] < 0 && cy && cy->has_amv && cy->capaciteit > 0) {
        /* §7.14: the national rule, from the file's T and the cycle's A and C */
        o->amv_computed = true;
        for (size_t i = 0; i < o->n; i++) {
            sw_opgave_row *r = &o->row[i];
            if (!r->in_run)
                continue;
            sw_i128 num = 2 * (sw_i128)r->opgave * cy->amv + cy->capaciteit; /* < 2^127 */
            r->opgave_amv = (int64_t)(num / (2 * (sw_i128)cy->capaciteit));
            r->has_amv = true;
        }
    }
    free(seen);
    if (rc != 0) {
        sw_opgave_free(o);
        return rc;
    }
    *out = o;
    return 0;
}

void sw_opgave_free(sw_opgave *o)
{
    if (!o)
        return;
    free(o->row);
    free(o->file);
    free(o);
}
