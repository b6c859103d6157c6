/* Small helpers shared inside the library. */
#ifndef SW_UTIL_H
#define SW_UTIL_H

#include <stddef.h>

/* A malloc'd copy of n bytes of s, NUL-terminated; NULL when out of memory. */
char *sw_strndup(const char *s, size_t n);

/* s without ASCII spaces/tabs at both ends: moves *s, shortens *len. */
void sw_trim(const char **s, size_t *len);

#endif
