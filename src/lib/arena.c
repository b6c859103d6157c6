#include "arena.h"

#include <stdlib.h>
#include <string.h>

struct sw__arena_block {
    sw__arena_block *next;
    char data[];
};

enum { BLOCK = 64 * 1024 };

const char *sw__arena_strndup(sw__arena *a, const char *s, size_t n)
{
    if (!a->head || a->used + n + 1 > a->cap) {
        size_t cap = n + 1 > BLOCK ? n + 1 : BLOCK;
        sw__arena_block *b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = a->head;
        a->head = b;
        a->used = 0;
        a->cap = cap;
    }
    char *p = a->head->data + a->used;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    a->used += n + 1;
    return p;
}

void sw__arena_free(sw__arena *a)
{
    while (a->head) {
        sw__arena_block *next = a->head->next;
        free(a->head);
        a->head = next;
    }
    a->used = a->cap = 0;
}
