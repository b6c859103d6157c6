#include "reader.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

#include "spreiding/number.h"

void sw__quote_value(char *out, size_t cap, const char *v, size_t len)
{
    assert(cap >= 16);
    size_t o = 0, chars = 0;
    for (size_t i = 0; i < len;) {
        size_t k;
        uint32_t cp = sw__utf8_next(v + i, len - i, &k);
        char esc[16];
        const char *piece = v + i;
        size_t plen = k;
        if (k == 1 && cp >= 0x80) /* not UTF-8: show the byte */
            plen = (size_t)snprintf(esc, sizeof esc, "<0x%02X>", (unsigned)cp), piece = esc;
        else if (sw__invisible_char(cp))
            plen = (size_t)snprintf(esc, sizeof esc, "<U+%04X>", (unsigned)cp), piece = esc;
        if (chars == 40 || o + plen + 4 > cap) {
            memcpy(out + o, "...", 3);
            o += 3;
            break;
        }
        memcpy(out + o, piece, plen);
        o += plen;
        chars++;
        i += k;
    }
    out[o] = '\0';
}

int sw__cell_error(sw_diag *diag, int code, const char *file, const sw_csv_record *rec, long field,
                   const char *column, const char *why)
{
    char shown[SW_QUOTE_MAX];
    sw__quote_value(shown, sizeof shown, rec->field[field], rec->len[field]);
    return sw_diag_add(diag, code, file, rec->field_line[field], field + 1, column,
                       "value '%s' %s", shown, why);
}

int sw__parse_ses(int64_t *out, const char *s, size_t len, const char **why)
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
