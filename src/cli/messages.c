/* What the CLI says when something goes wrong: one line per error on
 * stderr, cleaned of control characters, and the <sysexits.h> code that
 * goes with it. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
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

/* stderr gets valid UTF-8 without control characters, whatever a file name
 * or an option value holds. */
static void put_clean(const char *s)
{
    for (size_t i = 0; s[i];) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
        bool ok = k > 0;
        for (size_t j = 1; ok && j < k; j++)
            ok = ((unsigned char)s[i + j] & 0xC0) == 0x80;
        if (!ok || c < 0x20 || c == 0x7F || (c == 0xC2 && (unsigned char)s[i + 1] < 0xA0)) {
            unsigned cp = c == 0xC2 && ok && k == 2 ? (unsigned char)s[i + 1] : c;
            fprintf(stderr, ok ? "<U+%04X>" : "<0x%02X>", cp);
            i += ok ? k : 1;
            continue;
        }
        fwrite(s + i, 1, k, stderr);
        i += k;
    }
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
