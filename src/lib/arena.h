/* A bump allocator for many small strings that live and die together (the
 * names of a million locations): one malloc per 64 KiB instead of one per
 * string. Internal to the library. */
#ifndef SW_ARENA_H
#define SW_ARENA_H

#include <stddef.h>

typedef struct sw__arena_block sw__arena_block;

typedef struct sw__arena {
    sw__arena_block *head;
    size_t used, cap; /* of the head block */
} sw__arena;

/* A NUL-terminated copy of n bytes of s, owned by the arena; NULL when out of
 * memory. */
const char *sw__arena_strndup(sw__arena *a, const char *s, size_t n);

void sw__arena_free(sw__arena *a);

#endif
