/* The gemeente register: reading, validation, lookup by code. */
#include "spreiding/register.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/number.h"
#include "reader.h"
#include "util.h"

int sw_parse_gemeentecode(int *out, const char *s, size_t len, const char **why)
{
    assert(out && why && (s || len == 0));
    sw__trim(&s, &len);
    if (len >= 2 && (s[0] == 'G' || s[0] == 'g') && (s[1] == 'M' || s[1] == 'm')) {
        s += 2;
        len -= 2;
    }
    if (len == 0 || len > 4) {
        *why = "is not a gemeentecode (GM and four digits)";
        return SW_EDATA;
    }
    int v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            *why = "is not a gemeentecode (GM and four digits)";
            return SW_EDATA;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

int sw_parse_provinciecode(int *out, const char *s, size_t len, const char **why)
{
    assert(out && why && (s || len == 0));
    sw__trim(&s, &len);
    if (len != 4 || (s[0] != 'P' && s[0] != 'p') || (s[1] != 'V' && s[1] != 'v') ||
        s[2] < '0' || s[2] > '9' || s[3] < '0' || s[3] > '9') {
        *why = "is not a provinciecode (PV and two digits)";
        return SW_EDATA;
    }
    *out = (s[2] - '0') * 10 + (s[3] - '0');
    return 0;
}

enum { COL_CODE, COL_NAAM, COL_PROV, COL_INW, COL_SES, COL_PROVNAAM, NCOLS };

static const char *const n_code[] = {"gemeentecode", NULL};
static const char *const n_naam[] = {"gemeentenaam", NULL};
static const char *const n_prov[] = {"provinciecode", NULL};
static const char *const n_inw[] = {"inwoners", NULL};
static const char *const n_ses[] = {"ses_woa", NULL};
static const char *const n_provnaam[] = {"provincie", NULL};
static const sw_csv_column register_columns[NCOLS] = {
    {n_code, true}, {n_naam, true}, {n_prov, true}, {n_inw, true}, {n_ses, false},
    {n_provnaam, false},
};

typedef struct load_ctx {
    sw_register *reg;
    const char *name;
    long col[NCOLS];
    size_t cap;
    int rc; /* data errors are collected, reading goes on */
} load_ctx;

static int on_record(void *ctx, const sw_csv_record *rec, sw_diag *diag)
{
    load_ctx *c = ctx;
    if (rec->index == 0) {
        int rc = sw_csv_map_columns(c->col, rec, register_columns, NCOLS, c->name, diag);
        c->reg->provincie_column = c->col[COL_PROV] + 1;
        c->reg->inwoners_column = c->col[COL_INW] + 1;
        return rc;
    }

    sw_gemeente g = {.line = rec->line, .ses_line = rec->line, .inwoners_line = rec->line};
    const char *why;
    int rc = 0;
#define CELL(k) rec->field[c->col[k]], rec->len[c->col[k]]
    if (sw_parse_gemeentecode(&g.code, CELL(COL_CODE), &why) != 0)
        rc = sw__cell_error(diag, SW_EDATA, c->name, rec, c->col[COL_CODE], "gemeentecode", why);
    if (sw_cell_is_empty(CELL(COL_NAAM)))
        rc = sw__cell_error(diag, SW_EDATA, c->name, rec, c->col[COL_NAAM], "gemeentenaam",
                            "is empty");
    if (sw_parse_provinciecode(&g.provincie, CELL(COL_PROV), &why) != 0)
        rc = sw__cell_error(diag, SW_EDATA, c->name, rec, c->col[COL_PROV], "provinciecode", why);
    int r = sw_parse_count(&g.inwoners, CELL(COL_INW), &why);
    if (r != 0)
        rc = sw__cell_error(diag, r, c->name, rec, c->col[COL_INW], "inwoners", why);
    if (c->col[COL_SES] >= 0 && !sw_cell_is_empty(CELL(COL_SES))) {
        r = sw__parse_ses(&g.ses_micro, CELL(COL_SES), &why);
        if (r != 0)
            rc = sw__cell_error(diag, r, c->name, rec, c->col[COL_SES], "ses_woa", why);
        g.has_ses = true;
    }
    if (rc != 0) {
        c->rc = rc;
        return 0; /* go on: every bad row of the file is reported */
    }
    const char *naam = rec->field[c->col[COL_NAAM]];
    size_t nlen = rec->len[c->col[COL_NAAM]];
    sw__trim(&naam, &nlen);
    g.naam = sw__strndup(naam, nlen);
    if (c->col[COL_PROVNAAM] >= 0) {
        const char *pn = rec->field[c->col[COL_PROVNAAM]];
        size_t plen = rec->len[c->col[COL_PROVNAAM]];
        sw__trim(&pn, &plen);
        g.provincie_naam = sw__strndup(pn, plen);
    }
    sw_register *reg = c->reg;
    if (!g.naam || (c->col[COL_PROVNAAM] >= 0 && !g.provincie_naam) ||
        sw__reserve((void **)&reg->gemeente, &c->cap, reg->n + 1, sizeof *reg->gemeente) != 0) {
        free(g.naam);
        free(g.provincie_naam);
        return SW_ENOMEM;
    }
    reg->gemeente[reg->n++] = g;
    return 0;
#undef CELL
}

static int by_code_then_line(const void *a, const void *b)
{
    const sw_gemeente *x = a, *y = b;
    if (x->code != y->code)
        return x->code < y->code ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

/* Sorts the entries, reports duplicates and builds the code index. */
int sw__register_index_codes(sw_register *reg, sw_diag *diag)
{
    sw__sort(reg->gemeente, reg->n, sizeof *reg->gemeente, by_code_then_line);
    int rc = 0;
    for (size_t i = 1; i < reg->n; i++)
        if (reg->gemeente[i].code == reg->gemeente[i - 1].code)
            rc = sw_diag_add(diag, SW_EDATA, reg->file, reg->gemeente[i].line, 1,
                             "gemeentecode", "gemeentecode GM%04d appears twice: "
                             "on line %ld and on line %ld", reg->gemeente[i].code,
                             reg->gemeente[i - 1].line, reg->gemeente[i].line);
    if (rc != 0)
        return rc;
    reg->by_code = malloc(SW_GEMEENTE_CODES * sizeof *reg->by_code);
    if (!reg->by_code)
        return SW_ENOMEM;
    for (size_t i = 0; i < SW_GEMEENTE_CODES; i++)
        reg->by_code[i] = -1;
    for (size_t i = 0; i < reg->n; i++)
        reg->by_code[reg->gemeente[i].code] = (int32_t)i;
    return 0;
}

int sw_register_load(sw_register **out, const char *name, const char *data, size_t len,
                     const sw_csv_options *opt, sw_diag *diag)
{
    assert(out && name && (data || len == 0));
    *out = NULL;
    sw_register *reg = calloc(1, sizeof *reg);
    if (!reg || !(reg->file = sw__strndup(name, strlen(name)))) {
        free(reg);
        return SW_ENOMEM;
    }
    load_ctx c = {.reg = reg, .name = name};
    int rc = sw_csv_read(name, data, len, opt, on_record, &c, diag);
    if (rc == 0)
        rc = c.rc;
    if (rc == 0 && reg->n == 0)
        rc = sw_diag_add(diag, SW_EDATA, name, 2, 1, NULL,
                         "register lists no gemeenten (only a header)");
    if (rc == 0)
        rc = sw__register_index_codes(reg, diag);
    for (size_t i = 0; rc == 0 && i < reg->n && !reg->ses_file; i++)
        if (reg->gemeente[i].has_ses && !(reg->ses_file = sw__strndup(name, strlen(name))))
            rc = SW_ENOMEM;
    if (rc != 0) {
        sw_register_free(reg);
        return rc;
    }
    *out = reg;
    return 0;
}

void sw_register_free(sw_register *reg)
{
    if (!reg)
        return;
    for (size_t i = 0; i < reg->n; i++) {
        free(reg->gemeente[i].naam);
        free(reg->gemeente[i].provincie_naam);
    }
    free(reg->gemeente);
    free(reg->file);
    free(reg->ses_file);
    free(reg->inwoners_file);
    free(reg->by_code);
    free(reg);
}

long sw_register_find(const sw_register *reg, int code)
{
    assert(reg);
    if (code < 0 || code >= SW_GEMEENTE_CODES)
        return -1;
    return reg->by_code[code];
}

long sw_register_lookup(const sw_register *reg, const char *text)
{
    assert(reg && text);
    const char *why;
    int code;
    if (sw_parse_gemeentecode(&code, text, strlen(text), &why) == 0)
        return sw_register_find(reg, code);
    long found = -1;
    for (size_t i = 0; i < reg->n; i++)
        if (sw__same_name(reg->gemeente[i].naam, text)) {
            if (found >= 0)
                return -1;
            found = (long)i;
        }
    return found;
}
