/* The CSV layer alone: any bytes, every record handed over intact; and the
 * same bytes read two ways must give the same records, lines and messages.
 * Read whole, plain lines are split by the reader's own fast path; fed one
 * byte at a time, no line is ever whole in a block, so libcsv reads every
 * one. The two must agree byte for byte: this is the check that the fast
 * path is libcsv's reading, not a second dialect. */
#include <stdio.h>

#include "fuzz.h"

/* Records written out as one string: index, line, each field with its
 * length, so that any difference shows. */
typedef struct trace {
    char *text;
    size_t len, cap;
    bool full;
} trace;

static void put(trace *t, const char *s, size_t n)
{
    if (t->full || t->len + n + 1 > t->cap) {
        t->full = true; /* compared only as far as both got */
        return;
    }
    memcpy(t->text + t->len, s, n);
    t->len += n;
    t->text[t->len] = '\0';
}

static int on_record(void *ctx, const sw_csv_record *rec, sw_diag *diag)
{
    (void)diag;
    trace *t = ctx;
    char head[64];
    put(t, head, (size_t)snprintf(head, sizeof head, "#%zu@%ld:", rec->index, rec->line));
    for (size_t i = 0; i < rec->nfields; i++) {
        if (strlen(rec->field[i]) > rec->len[i]) /* fields are NUL-terminated at len */
            abort();
        put(t, head, (size_t)snprintf(head, sizeof head, "[%zu]", rec->len[i]));
        put(t, rec->field[i], rec->len[i]);
    }
    put(t, "\n", 1);
    return 0;
}

static void messages(trace *t, const sw_diag *d)
{
    for (size_t i = 0; i < d->count; i++) {
        char line[1024];
        sw_diag_format(line, sizeof line, &d->entries[i]);
        put(t, line, strlen(line));
        put(t, "\n", 1);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    enum { CAP = 1 << 20 };
    trace whole = {malloc(CAP), 0, CAP, false}, bytes = {malloc(CAP), 0, CAP, false};
    if (!whole.text || !bytes.text) {
        free(whole.text);
        free(bytes.text);
        return 0;
    }
    whole.text[0] = bytes.text[0] = '\0';
    sw_diag d1 = {0}, d2 = {0};
    int rc1 = sw_csv_read("f", (const char *)data, size, NULL, on_record, &whole, &d1);
    if (rc1 != 0 && d1.total == 0 && rc1 != SW_ENOMEM)
        abort();

    sw_csv_reader *r = NULL;
    int rc2 = sw_csv_reader_new(&r, "f", NULL, on_record, &bytes, &d2);
    for (size_t i = 0; rc2 == 0 && i < size; i++)
        rc2 = sw_csv_reader_feed(r, (const char *)data + i, 1);
    if (rc2 == 0)
        rc2 = sw_csv_reader_finish(r);
    sw_csv_reader_free(r);

    if (rc1 != SW_ENOMEM && rc2 != SW_ENOMEM) {
        messages(&whole, &d1);
        messages(&bytes, &d2);
        size_t n = whole.len < bytes.len ? whole.len : bytes.len;
        bool same = rc1 == rc2 && memcmp(whole.text, bytes.text, n) == 0 &&
                    (whole.full || bytes.full || whole.len == bytes.len);
        if (!same) {
            fprintf(stderr, "whole (rc %d):\n%s\nbyte by byte (rc %d):\n%s\n", rc1, whole.text, rc2,
                    bytes.text);
            abort();
        }
    }
    free(whole.text);
    free(bytes.text);
    return 0;
}
