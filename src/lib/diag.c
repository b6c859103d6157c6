#include "spreiding/diag.h"

#include "util.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

/* Copies are cut between characters, never inside one: a message is always
 * valid UTF-8. */
static void copy_text(char *dst, size_t cap, const char *src)
{
    if (!src) {
        dst[0] = '\0';
        return;
    }
    sw__cut_utf8(dst, cap, src, strlen(src));
}

void sw_diag_clear(sw_diag *diag)
{
    assert(diag);
    diag->count = 0;
    diag->total = 0;
}

int sw_diag_vadd(sw_diag *diag, int code, const char *file, long line, long column,
                 const char *column_name, const char *fmt, va_list ap)
{
    assert(fmt);
    if (!diag)
        return code;
    diag->total++;
    if (diag->count >= SW_DIAG_MAX)
        return code;
    sw_diag_entry *e = &diag->entries[diag->count++];
    copy_text(e->file, sizeof e->file, file);
    copy_text(e->column_name, sizeof e->column_name, column_name);
    e->line = line;
    e->column = column;
    char text[4 * SW_DIAG_TEXT];
    vsnprintf(text, sizeof text, fmt, ap);
    copy_text(e->message, sizeof e->message, text);
    return code;
}

int sw_diag_add(sw_diag *diag, int code, const char *file, long line, long column,
                const char *column_name, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = sw_diag_vadd(diag, code, file, line, column, column_name, fmt, ap);
    va_end(ap);
    return r;
}

const char *sw_strerror(int code)
{
    switch (code) {
    case SW_OK: return "success";
    case SW_ENOMEM: return "out of memory";
    case SW_EDATA: return "bad input data";
    case SW_EOVERFLOW: return "number too large to compute exactly";
    case SW_EUSAGE: return "contradictory options";
    case SW_EIO: return "input/output error";
    case SW_ELIMIT: return "input exceeds a limit";
    default: return "unknown error";
    }
}

size_t sw_diag_format(char *out, size_t cap, const sw_diag_entry *e)
{
    assert(out && cap > 0 && e);
    int n;
    const char *col = e->column_name[0] ? "column '" : "";
    const char *colend = e->column_name[0] ? "': " : "";
    if (e->file[0] && e->line > 0)
        n = snprintf(out, cap, "%s:%ld:%ld: %s%s%s%s", e->file, e->line,
                     e->column > 0 ? e->column : 1, col, e->column_name, colend, e->message);
    else if (e->file[0])
        n = snprintf(out, cap, "%s: %s%s%s%s", e->file, col, e->column_name, colend,
                     e->message);
    else
        n = snprintf(out, cap, "%s%s%s%s", col, e->column_name, colend, e->message);
    if (n < 0)
        n = 0;
    return (size_t)n < cap ? (size_t)n : cap - 1;
}
