/**
 * # Output: where writers put their bytes
 *
 * The library never touches a file. A writer hands its bytes to a sink: a
 * callback the caller supplies (the CLI writes to a temporary file it renames
 * into place), or a growable memory buffer. Writers flush as they go, so a
 * report of a million rows never has to exist in memory as a whole.
 */
#ifndef SPREIDING_OUTPUT_H
#define SPREIDING_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "spreiding/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Takes `len` bytes; returns 0, or a negative SW_E* code (SW_EIO) that stops
 * the writer, which then returns it. */
typedef int (*sw_sink_fn)(void *ctx, const char *data, size_t len);

typedef struct sw_sink {
    sw_sink_fn write;
    void *ctx;
} sw_sink;

/** A growable byte buffer. Zero-initialise it; `err` becomes SW_ENOMEM after
 * a failed append, and later appends are ignored, so a user checks once at
 * the end. `data` is NUL-terminated once anything was appended. Free it with
 * `sw_buf_free`. */
typedef struct sw_buf {
    char *data;
    size_t len, cap;
    int err;
} sw_buf;

SW_API void sw_buf_append(sw_buf *b, const char *s, size_t n);
SW_API void sw_buf_puts(sw_buf *b, const char *s);
SW_API void sw_buf_printf(sw_buf *b, const char *fmt, ...) SW_PRINTF(2, 3);
SW_API void sw_buf_free(sw_buf *b);

/** A sink that appends to `b` (which must outlive it). */
SW_API sw_sink sw_buf_sink(sw_buf *b);

#ifdef __cplusplus
}
#endif
#endif
