#include "out.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/diag.h"

sw_out *sw__out_new(const sw_sink *sink)
{
    sw_out *o = malloc(sizeof *o);
    if (o) {
        o->sink = sink;
        o->len = 0;
        o->err = 0;
    }
    return o;
}

static void flush(sw_out *o)
{
    if (o->err == 0 && o->len > 0)
        o->err = o->sink->write(o->sink->ctx, o->buf, o->len);
    o->len = 0;
}

void sw__out_put(sw_out *o, const char *s, size_t n)
{
    if (o->err)
        return;
    if (o->len + n > sizeof o->buf)
        flush(o);
    if (n > sizeof o->buf) {
        if (o->err == 0)
            o->err = o->sink->write(o->sink->ctx, s, n);
        return;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

void sw__out_puts(sw_out *o, const char *s) { sw__out_put(o, s, strlen(s)); }

void sw__out_printf(sw_out *o, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        o->err = SW_EIO;
        return;
    }
    if ((size_t)n < sizeof small) {
        sw__out_put(o, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        o->err = SW_ENOMEM;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sw__out_put(o, big, (size_t)n);
    free(big);
}

int sw__out_end(sw_out *o, int rc)
{
    if (!o)
        return rc ? rc : SW_ENOMEM;
    if (rc == 0)
        flush(o);
    rc = rc ? rc : o->err;
    free(o);
    return rc;
}
