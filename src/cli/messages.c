/* What the CLI says when something goes wrong: one line per error on
 * stderr, cleaned of control characters, and the <sysexits.h> code that
 * goes with it. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cli.h"

int cli_exit_code(int e)
{
    switch (e) {
    case SW_OK: return EX_OK;
    case SW_EUSAGE: return EX_USAGE;
    case SW_EDATA:
    case SW_EOVERFLOW:
    case SW_ELIMIT: return EX_DATAERR;
    case SW_EIO: return EX_IOERR;
    case SW_ENOMEM: return EX_OSERR;
    default: return EX_SOFTWARE;
    }
}

size_t cli_clean(char *out, size_t cap, const char *s)
{
    size_t n = 0;
#define PUT(...)                                                                                   \
    (n += (size_t)snprintf(out + (n < cap ? n : cap), n < cap ? cap - n : 0, __VA_ARGS__))
    for (size_t i = 0; s[i];) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
        bool ok = k > 0;
        for (size_t j = 1; ok && j < k; j++)
            ok = ((unsigned char)s[i + j] & 0xC0) == 0x80;
        unsigned cp = c;
        if (ok && k == 2)
            cp = (c & 0x1Fu) << 6 | ((unsigned char)s[i + 1] & 0x3Fu);
        else if (ok && k == 3)
            cp = (c & 0x0Fu) << 12 | ((unsigned char)s[i + 1] & 0x3Fu) << 6 |
                 ((unsigned char)s[i + 2] & 0x3Fu);
        /* C0, DEL, C1, and the bidi controls that reorder what a reader
         * sees around them */
        bool hidden = cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
                      (cp >= 0x2066 && cp <= 0x2069);
        if (!ok) {
            PUT("<0x%02X>", c);
            i++;
        } else if (hidden) {
            PUT("<U+%04X>", cp);
            i += k;
        } else {
            PUT("%.*s", (int)k, s + i);
            i += k;
        }
    }
#undef PUT
    if (cap)
        out[n < cap ? n : cap - 1] = '\0';
    return n;
}

char *cli_clean_dup(const char *s)
{
    size_t n = cli_clean(NULL, 0, s);
    char *out = malloc(n + 1);
    if (out)
        cli_clean(out, n + 1, s);
    return out;
}

/* stderr gets valid UTF-8 without control characters, whatever a file name
 * or an option value holds. */
static void put_clean(const char *s)
{
    char clean[16384]; /* a message of 2 KiB, each byte at most 8 when shown */
    cli_clean(clean, sizeof clean, s);
    fputs(clean, stderr);
}

void cli_error(const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fputs("spreiding: ", stderr);
    put_clean(msg);
    fputc('\n', stderr);
}

int cli_os_error(int code, const char *fmt, ...)
{
    int e = errno;
    if (e == ENOMEM) {
        cli_error("out of memory");
        return EX_OSERR;
    }
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cli_error("%s: %s", msg, strerror(e));
    return code;
}

int cli_fail(int e, const sw_diag *diag)
{
    if (diag && diag->count && e != SW_ENOMEM) {
        for (size_t i = 0; i < diag->count; i++) {
            char line[1024];
            sw_diag_format(line, sizeof line, &diag->entries[i]);
            cli_error("%s", line);
        }
        if (diag->total > diag->count)
            cli_error("... and %zu more errors", diag->total - diag->count);
    } else {
        cli_error("%s", sw_strerror(e));
    }
    return cli_exit_code(e);
}
