/* Data files compiled into the binary (see embed.c). */
#ifndef SPREIDING_CLI_EMBEDDED_H
#define SPREIDING_CLI_EMBEDDED_H

#include <stddef.h>

typedef struct sw_embedded_file {
    const char *name;   /* "cyclus-2024.csv" */
    const char *data;
    size_t len;
    const char *sha256; /* of data, computed when the program was built */
} sw_embedded_file;

extern const sw_embedded_file sw_embedded_files[];
extern const size_t sw_embedded_count;

#endif
