#include "reader.h"

#include <string.h>

#include "spreiding/number.h"

/* Long or odd values are shown cut short with their control bytes replaced,
 * so that one hostile cell cannot flood or garble a terminal. */
static void quote_value(char *out, size_t cap, const char *v, size_t len)
{
    size_t o = 0, max = 40;
    for (size_t i = 0; i < len && o + 4 < cap; i++) {
        if (i == max) {
            memcpy(out + o, "...", 3);
            o += 3;
            break;
        }
        unsigned char c = (unsigned char)v[i];
        out[o++] = (c < 0x20 || c == 0x7F) ? '?' : (char)c;
    }
    out[o] = '\0';
}

int sw_cell_error(sw_diag *diag, int code, const char *file, const sw_csv_record *rec,
                  long field, const char *column, const char *why)
{
    char shown[64];
    quote_value(shown, sizeof shown, rec->field[field], rec->len[field]);
    return sw_diag_add(diag, code, file, rec->field_line[field], field + 1, column,
                       "value '%s' %s", shown, why);
}

int sw_parse_ses(int64_t *out, const char *s, size_t len, const char **why)
{
    int r = sw_parse_micro(out, s, len, why);
    if (r != 0)
        return r;
    if (*out <= -SW_MICRO) {
        *why = "makes the weight 1 + score zero or negative";
        return SW_EDATA;
    }
    return 0;
}
