/* Small helpers shared inside the library. */
#ifndef SW_UTIL_H
#define SW_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A malloc'd copy of n bytes of s, NUL-terminated; NULL when out of memory. */
char *sw__strndup(const char *s, size_t n);

/* s without ASCII spaces/tabs at both ends: moves *s, shortens *len.
 * Inline: it is asked of every cell, which mostly has nothing to trim. */
static inline void sw__trim(const char **s, size_t *len)
{
    while (*len > 0 && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*len)--;
    }
    while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
}

/* The one growth helper: makes the array *p (of elements of `size` bytes)
 * hold at least `need` elements, doubling its capacity *cap (from 16). *p is
 * untouched when out of memory. Returns 0 or SW_ENOMEM. */
int sw__reserve(void **p, size_t *cap, size_t need, size_t size);

/* Resizes the array *p to exactly n elements of `size` bytes (n > 0); *p is
 * untouched when out of memory. Returns 0 or SW_ENOMEM. */
int sw__grow(void **p, size_t n, size_t size);

/* A malloc'd array of n elements of `size` bytes, zeroed; n may be 0 (one
 * element is allocated, so NULL always means out of memory). */
void *sw__calloc(size_t n, size_t size);

/* Room for n elements of `size` bytes, uninitialised: NULL when the product
 * overflows or memory runs out. n = 0 is a valid (one-byte) block, so that
 * NULL always means failure. */
void *sw__array(size_t n, size_t size);

/* Copies at most cap − 1 bytes of s (n bytes of UTF-8) into dst without
 * cutting a character in two, and NUL-terminates it. Returns the length. */
size_t sw__cut_utf8(char *dst, size_t cap, const char *s, size_t n);

/* True when two names are the same but for case: ASCII and the accented
 * letters of Latin-1 (Â and â, É and é), surrounding spaces ignored. */
bool sw__same_name(const char *a, const char *b);

/* The next code point of UTF-8 text s (n > 0 bytes): stores its length in
 * *len; an invalid byte is returned as itself with length 1. */
uint32_t sw__utf8_next(const char *s, size_t n, size_t *len);

/* qsort, but never called with fewer than two elements, whose array may
 * then be NULL (which qsort's contract does not allow). */
void sw__sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* The columns a character takes in a terminal, as wcwidth(3) says in a
 * UTF-8 locale but the same in every locale: 0 for combining marks,
 * zero-width and format characters (and controls, never printed raw), 2 for
 * East Asian wide and fullwidth characters and emoji, else 1. */
size_t sw__char_width(uint32_t cp);

/* The next character of UTF-8 text s (n > 0 bytes): its length in *len and
 * its columns (sw__char_width; a byte that is not UTF-8 takes one). */
size_t sw__next_width(const char *s, size_t n, size_t *len);

/* True for a character a reader cannot see: the controls, the spaces other
 * than U+0020 (no-break, ideographic, zero-width), soft hyphen, the bidi
 * marks and controls, the BOM. Messages show them as <U+00A0>. */
bool sw__invisible_char(uint32_t cp);

/* True for a character no cell or name may hold: the C0 and C1 controls,
 * DEL, and the bidirectional embeddings, overrides and isolates (U+202A..
 * U+202E, U+2066..U+2069), which make a name read as something else. Tab,
 * CR and LF are controls too; where they are allowed is the caller's. */
bool sw__refused_char(uint32_t cp);

#endif
