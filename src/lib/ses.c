/* SES-WOA scores from a separate file (domain.md §2, §7.4): a CBS StatLine
 * export as downloaded, or a plain gemeentecode,ses_woa table. The file
 * replaces the register's scores as a whole. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/number.h"
#include "spreiding/register.h"
#include "reader.h"
#include "util.h"

enum { SES_CODE, SES_SCORE, SES_NCOLS };

static const char *const n_code[] = {"gemeentecode", NULL};
static const char *const n_score[] = {"ses_woa", NULL};
static const char *const n_cbs_code[] = {"WijkenEnBuurten", NULL};
static const char *const n_cbs_score[] = {"GemiddeldeScore*", NULL};
static const sw_csv_column plain_columns[SES_NCOLS] = {{n_code, true}, {n_score, true}};
static const sw_csv_column cbs_columns[SES_NCOLS] = {{n_cbs_code, true}, {n_cbs_score, true}};

typedef struct score {
    int code;
    bool has;
    int64_t micro;
    long line;
} score;

typedef struct ses_ctx {
    const sw_register *reg;
    const char *name;
    bool statline;
    long col[SES_NCOLS];
    score *s;
    size_t n, cap;
    int rc;
} ses_ctx;

static bool is_statline(const sw_csv_record *hdr)
{
    long idx[1];
    static const sw_csv_column probe[1] = {{n_cbs_code, false}};
    return sw_csv_map_columns(idx, hdr, probe, 1, "", NULL) == 0 && idx[0] >= 0;
}

static int on_record(void *ctx, const sw_csv_record *rec, sw_diag *diag)
{
    ses_ctx *c = ctx;
    if (rec->index == 0) {
        c->statline = is_statline(rec);
        return sw_csv_map_columns(c->col, rec, c->statline ? cbs_columns : plain_columns,
                                  SES_NCOLS, c->name, diag);
    }
    const char *code = rec->field[c->col[SES_CODE]];
    size_t code_len = rec->len[c->col[SES_CODE]];
    const char *val = rec->field[c->col[SES_SCORE]];
    size_t val_len = rec->len[c->col[SES_SCORE]];
    const char *column = c->statline ? "GemiddeldeScore" : "ses_woa";
    sw_trim(&code, &code_len);
    sw_trim(&val, &val_len);
    /* StatLine exports hold the whole country, wijken and buurten too. */
    if (c->statline && !(code_len >= 2 && (code[0] == 'G' || code[0] == 'g') &&
                         (code[1] == 'M' || code[1] == 'm')))
        return 0;
    score s = {.line = rec->line};
    const char *why;
    int rc = 0;
    if (sw_parse_gemeentecode(&s.code, code, code_len, &why) != 0)
        rc = sw_cell_error(diag, SW_EDATA, c->name, rec, c->col[SES_CODE],
                           c->statline ? "WijkenEnBuurten" : "gemeentecode", why);
    else if (sw_register_find(c->reg, s.code) < 0)
        rc = sw_cell_error(diag, SW_EDATA, c->name, rec, c->col[SES_CODE],
                           c->statline ? "WijkenEnBuurten" : "gemeentecode",
                           "is not a gemeente of the register (merged or misspelt?)");
    bool missing = val_len == 0 || (c->statline && val_len == 1 && val[0] == '.');
    if (!missing) {
        int r = sw_parse_ses(&s.micro, val, val_len, &why);
        if (r != 0)
            rc = sw_cell_error(diag, r, c->name, rec, c->col[SES_SCORE], column, why);
        s.has = true;
    }
    if (rc != 0) {
        c->rc = rc;
        return 0;
    }
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 512;
        score *p = realloc(c->s, cap * sizeof *p);
        if (!p)
            return SW_ENOMEM;
        c->s = p;
        c->cap = cap;
    }
    c->s[c->n++] = s;
    return 0;
}

static int by_code_then_line(const void *a, const void *b)
{
    const score *x = a, *y = b;
    if (x->code != y->code)
        return x->code < y->code ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

int sw_register_apply_ses(sw_register *reg, const char *name, const char *data, size_t len,
                          const sw_csv_options *opt, sw_diag *diag)
{
    assert(reg && name && (data || len == 0));
    ses_ctx c = {.reg = reg, .name = name};
    int rc = sw_csv_read(name, data, len, opt, on_record, &c, diag);
    if (rc == 0)
        rc = c.rc;
    if (rc == 0 && c.n == 0)
        rc = sw_diag_add(diag, SW_EDATA, name, 2, 1, NULL, "file lists no gemeenten");
    if (rc == 0) {
        qsort(c.s, c.n, sizeof *c.s, by_code_then_line);
        for (size_t i = 1; i < c.n; i++)
            if (c.s[i].code == c.s[i - 1].code)
                rc = sw_diag_add(diag, SW_EDATA, name, c.s[i].line, c.col[SES_CODE] + 1,
                                 c.statline ? "WijkenEnBuurten" : "gemeentecode",
                                 "gemeentecode GM%04d appears twice: on line %ld and on "
                                 "line %ld", c.s[i].code, c.s[i - 1].line, c.s[i].line);
    }
    char *file = rc == 0 ? sw_strndup(name, strlen(name)) : NULL;
    if (rc == 0 && !file)
        rc = SW_ENOMEM;
    if (rc == 0) {
        for (size_t i = 0; i < reg->n; i++)
            reg->gemeente[i].has_ses = false;
        for (size_t i = 0; i < c.n; i++) {
            sw_gemeente *g = &reg->gemeente[sw_register_find(reg, c.s[i].code)];
            g->has_ses = c.s[i].has;
            g->ses_micro = c.s[i].micro;
            g->ses_line = c.s[i].line;
        }
        free(reg->ses_file);
        reg->ses_file = file;
    }
    free(c.s);
    return rc;
}
