/* The JSON form, built with jansson: exact values (integers, cents, fractions
 * as "num/den") beside the rounded ones. Members keep the order of the
 * document, so the output is stable. Rounded decimals are JSON numbers with
 * at most 15 significant digits, which every IEEE double carries exactly
 * through a parse and a print; the exact values are in the integer and
 * fraction members. */
#include <assert.h>
#include <jansson.h>
#include <stdlib.h>

#include "report_build.h"

static json_t *value(const sw_cell *c)
{
    switch (c->type) {
    case SW_CELL_EMPTY: return json_null();
    case SW_CELL_INT: return json_integer((json_int_t)c->i);
    case SW_CELL_BOOL: return json_boolean(c->i);
    case SW_CELL_DECIMAL: return json_real(strtod(c->text, NULL));
    case SW_CELL_MONEY: return json_real((double)c->i / 100.0);
    case SW_CELL_TEXT:
    case SW_CELL_RATIO: return json_string(c->text);
    }
    return json_null();
}

/* Sets name (and for money name_cent, §7.9) on obj; false when out of
 * memory. */
static bool member(json_t *obj, const char *name, const sw_cell *c)
{
    if (json_object_set_new(obj, name, value(c)) != 0)
        return false;
    if (c->type != SW_CELL_MONEY)
        return true;
    char key[96];
    snprintf(key, sizeof key, "%s_cent", name);
    return json_object_set_new(obj, key, json_integer((json_int_t)c->i)) == 0;
}

static json_t *document(const sw_report *r)
{
    json_t *root = json_object(), *params = json_object(), *notes = json_array();
    bool ok = root && params && notes &&
              json_object_set_new(root, "titel", json_string(r->title)) == 0;
    for (size_t i = 0; ok && i < r->nmeta; i++)
        ok = member(params, r->meta[i].key, &r->meta[i].value);
    for (size_t i = 0; ok && i < r->nnotes; i++)
        ok = json_array_append_new(notes, json_string(r->notes[i])) == 0;
    ok = ok && json_object_set(root, "parameters", params) == 0 &&
         json_object_set(root, "opmerkingen", notes) == 0;
    json_decref(params);
    json_decref(notes);
    for (size_t k = 0; ok && k < r->ntables; k++) {
        const sw_table *t = &r->table[k];
        json_t *rows = json_array();
        ok = rows && json_object_set_new(root, t->key, rows) == 0;
        for (size_t i = 0; ok && i < t->nrows; i++) {
            json_t *row = json_object();
            ok = row && json_array_append_new(rows, row) == 0;
            for (size_t c = 0; ok && c < t->ncols; c++)
                ok = member(row, t->col[c].name, &t->cell[i * t->ncols + c]);
        }
    }
    if (!ok) {
        json_decref(root);
        return NULL;
    }
    return root;
}

int sw_write_json(sw_buf *out, const sw_report *r)
{
    assert(out && r);
    json_t *root = document(r);
    char *text = root ? json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                             JSON_REAL_PRECISION(15))
                      : NULL;
    json_decref(root);
    if (!text)
        return out->err = SW_ENOMEM;
    sw_buf_puts(out, text);
    sw_buf_puts(out, "\n");
    free(text);
    return out->err;
}
