/* A writer's buffered output over a sink: flushes every 64 KiB, so a report
 * of any size passes through a fixed amount of memory. Errors are sticky:
 * a writer checks once, at sw__out_end. Internal to the library. */
#ifndef SW_OUT_H
#define SW_OUT_H

#include <stddef.h>

#include "spreiding/export.h"
#include "spreiding/output.h"

enum { SW_OUT_BUFFER = 64 * 1024 };

typedef struct sw_out {
    const sw_sink *sink;
    size_t len;
    int err;
    char buf[SW_OUT_BUFFER];
} sw_out;

/* A new output over sink (freed by sw__out_end); NULL when out of memory. */
sw_out *sw__out_new(const sw_sink *sink);
void sw__out_put(sw_out *o, const char *s, size_t n);
void sw__out_puts(sw_out *o, const char *s);
void sw__out_printf(sw_out *o, const char *fmt, ...) SW_PRINTF(2, 3);
/* Flushes, frees o, and returns the first error of the writer (`rc` if it is
 * one) or of the output. */
int sw__out_end(sw_out *o, int rc);

#endif
