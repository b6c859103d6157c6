#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/diag.h"
#include "spreiding/output.h"

void sw_buf_append(sw_buf *b, const char *s, size_t n)
{
    assert(b && (s || n == 0));
    if (b->err)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->data, cap);
        if (!p) {
            b->err = SW_ENOMEM;
            return;
        }
        b->data = p;
        b->cap = cap;
    }
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sw_buf_puts(sw_buf *b, const char *s) { sw_buf_append(b, s, strlen(s)); }

void sw_buf_printf(sw_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->err = SW_EIO;
        return;
    }
    if ((size_t)n < sizeof small) {
        sw_buf_append(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->err = SW_ENOMEM;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sw_buf_append(b, big, (size_t)n);
    free(big);
}

void sw_buf_free(sw_buf *b)
{
    if (!b)
        return;
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->err = 0;
}

static int buf_write(void *ctx, const char *data, size_t len)
{
    sw_buf *b = ctx;
    sw_buf_append(b, data, len);
    return b->err;
}

sw_sink sw_buf_sink(sw_buf *b)
{
    assert(b);
    return (sw_sink){buf_write, b};
}
