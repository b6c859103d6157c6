/* "Did you mean ...?": the nearest of the names a user could have meant,
 * for an option, a province or a gemeente typed slightly wrong. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

size_t cli_distance(const char *a, const char *b)
{
    enum { LONGEST = 40 }; /* longer words are not typos of each other */
    size_t la = strlen(a), lb = strlen(b);
    if (la > LONGEST || lb > LONGEST)
        return SIZE_MAX;
    size_t d[LONGEST + 1][LONGEST + 1];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            bool same = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]);
            size_t sub = d[i - 1][j - 1] + !same;
            size_t del = d[i - 1][j] + 1, ins = d[i][j - 1] + 1;
            d[i][j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
    return d[la][lb];
}

/* A name within a third of its length of the typed text (at least one
 * edit, at most three), the nearest; ties go to the first. */
static bool near_enough(size_t d, const char *name)
{
    size_t allowed = strlen(name) / 3;
    allowed = allowed < 1 ? 1 : allowed > 3 ? 3 : allowed;
    return d <= allowed;
}

/* The nearest of n names, name(ctx, i) the i-th. */
static const char *nearest(const char *typed, const char *(*name)(const void *, size_t),
                           const void *ctx, size_t n)
{
    const char *best = NULL;
    size_t best_d = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        const char *candidate = name(ctx, i);
        size_t d = cli_distance(typed, candidate);
        if (d < best_d && near_enough(d, candidate)) {
            best_d = d;
            best = candidate;
        }
    }
    return best;
}

static const char *gemeente_name(const void *reg, size_t i)
{
    return ((const sw_register *)reg)->gemeente[i].naam;
}

static const char *provincie_name(const void *cy, size_t i)
{
    return ((const sw_cycle *)cy)->provincie[i].naam;
}

const char *cli_closest_gemeente(const sw_register *reg, const char *typed, char *buf, size_t cap)
{
    /* "Bergen" is Bergen (L.) or Bergen (NH.): CBS adds the province to a
     * name two gemeenten share, so a name typed without it names them all */
    size_t n = strlen(typed), o = 0, found = 0;
    buf[0] = '\0';
    for (size_t i = 0; n > 0 && i < reg->n; i++) {
        const char *naam = reg->gemeente[i].naam;
        if (strncasecmp(naam, typed, n) == 0 && strncmp(naam + n, " (", 2) == 0) {
            o += (size_t)snprintf(buf + (o < cap ? o : cap), o < cap ? cap - o : 0, "%s%s",
                                  found ? " or " : "", naam);
            found++;
        }
    }
    if (found)
        return buf;
    return nearest(typed, gemeente_name, reg, reg->n);
}

const char *cli_closest_provincie(const sw_cycle *cy, const char *typed)
{
    return nearest(typed, provincie_name, cy, cy->nprov);
}
