/* CSV reading through libcsv. libcsv does the quoting; this file adds what
 * libcsv leaves to its callers: encodings, BOM, delimiter detection, physical
 * line numbers (libcsv skips blank lines, so record numbers are not line
 * numbers: we feed one physical line at a time), ragged-row checks and
 * limits. */
#include "spreiding/csv.h"

#include <assert.h>
#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "encoding.h"

typedef struct reader {
    const char *name;
    sw_csv_record_fn fn;
    void *ctx;
    sw_diag *diag;
    size_t max_field;
    size_t max_records;
    char delimiter;

    const char *data;      /* the (decoded) file, for naming columns in messages */
    size_t data_len;
    char colname[64];      /* scratch for column_name() */
    long line;             /* physical line being fed */
    long record_line;      /* line the current record started on */
    bool between_records;  /* no byte of the next record fed yet */
    size_t header_fields;
    size_t index;

    /* current record: field bytes packed in buf, offsets into it */
    char *buf;
    size_t buf_len, buf_cap;
    size_t *off;
    size_t *len;
    long *field_line;
    const char **field;
    size_t nfields, fields_cap;

    int status;     /* first fatal error, stops the feed loop */
    int data_error; /* a skipped ragged record: reading goes on to list more */
} reader;

/* The name of column `field` (0-based) as the header line of s spells it,
 * without quotes and spaces, into out; "" when there is none. Errors are rare,
 * so the header is scanned again each time rather than kept. */
static const char *header_name(const char *s, size_t len, char delim, size_t field, char *out,
                               size_t cap)
{
    size_t i = 0, f = 0, o = 0;
    bool quoted = false;
    while (i < len && (s[i] == '\n' || s[i] == '\r'))
        i++;
    for (; i < len; i++) {
        char c = s[i];
        if (c == '"') {
            if (quoted && i + 1 < len && s[i + 1] == '"' && f == field && o + 1 < cap)
                out[o++] = s[++i];
            else
                quoted = !quoted;
            continue;
        }
        if (!quoted && (c == '\n' || c == '\r'))
            break;
        if (!quoted && c == delim) {
            if (f++ == field)
                break;
            continue;
        }
        if (f == field && o + 1 < cap && (unsigned char)c >= 0x20)
            out[o++] = c;
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    size_t lead = 0;
    while (out[lead] == ' ')
        lead++;
    return out + lead;
}

/* The header's name of field `field`, or NULL for the header itself or a
 * field beyond it. */
static const char *column_name(reader *r, size_t field)
{
    if (r->index == 0 || (r->header_fields && field >= r->header_fields))
        return NULL;
    const char *n = header_name(r->data, r->data_len, r->delimiter, field, r->colname,
                                sizeof r->colname);
    return n[0] ? n : NULL;
}

static int space_no_tab(unsigned char c) { return c == ' '; }
static int space_or_tab(unsigned char c) { return c == ' ' || c == '\t'; }

static int grow_fields(reader *r)
{
    size_t cap = r->fields_cap ? r->fields_cap * 2 : 16;
    size_t *off = realloc(r->off, cap * sizeof *off);
    if (off)
        r->off = off;
    size_t *len = realloc(r->len, cap * sizeof *len);
    if (len)
        r->len = len;
    long *fl = realloc(r->field_line, cap * sizeof *fl);
    if (fl)
        r->field_line = fl;
    const char **f = realloc(r->field, cap * sizeof *f);
    if (f)
        r->field = f;
    if (!off || !len || !fl || !f)
        return SW_ENOMEM;
    r->fields_cap = cap;
    return 0;
}

static void on_field(void *s, size_t n, void *data)
{
    reader *r = data;
    if (r->status != 0)
        return;
    if (!s)
        n = 0; /* CSV_EMPTY_IS_NULL: an empty unquoted field */
    if (r->nfields >= SW_CSV_MAX_FIELDS) {
        r->status = sw_diag_add(r->diag, SW_ELIMIT, r->name, r->line, (long)r->nfields + 1,
                                column_name(r, r->nfields), "record has more than %d fields",
                                SW_CSV_MAX_FIELDS);
        return;
    }
    if (n > r->max_field) {
        r->status = sw_diag_add(r->diag, SW_ELIMIT, r->name, r->line, (long)r->nfields + 1,
                                column_name(r, r->nfields),
                                "field is %zu bytes long; the limit is %zu", n, r->max_field);
        return;
    }
    if (r->nfields == r->fields_cap && grow_fields(r) != 0) {
        r->status = SW_ENOMEM;
        return;
    }
    if (r->buf_len + n + 1 > r->buf_cap) {
        size_t cap = r->buf_cap ? r->buf_cap : 256;
        while (cap < r->buf_len + n + 1)
            cap *= 2;
        char *b = realloc(r->buf, cap);
        if (!b) {
            r->status = SW_ENOMEM;
            return;
        }
        r->buf = b;
        r->buf_cap = cap;
    }
    if (n)
        memcpy(r->buf + r->buf_len, s, n);
    r->buf[r->buf_len + n] = '\0';
    r->off[r->nfields] = r->buf_len;
    r->len[r->nfields] = n;
    r->field_line[r->nfields] = r->line;
    r->nfields++;
    r->buf_len += n + 1;
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ')
            return false;
    return true;
}

static void on_record(int c, void *data)
{
    (void)c;
    reader *r = data;
    if (r->status != 0)
        goto done;
    if (r->index == 0) {
        r->header_fields = r->nfields;
    } else if (r->nfields < r->header_fields) {
        r->data_error = sw_diag_add(r->diag, SW_EDATA, r->name, r->record_line,
                                    (long)r->nfields + 1, column_name(r, r->nfields),
                                    "record has %zu fields, the header has %zu", r->nfields,
                                    r->header_fields);
        goto done;
    } else {
        for (size_t i = r->header_fields; i < r->nfields; i++)
            if (!blank(r->buf + r->off[i], r->len[i])) {
                r->data_error = sw_diag_add(r->diag, SW_EDATA, r->name, r->field_line[i],
                                        (long)i + 1, NULL,
                                        "record has %zu fields, the header has %zu",
                                        r->nfields, r->header_fields);
                goto done;
            }
        r->nfields = r->header_fields; /* Excel's trailing empty columns */
    }
    if (r->index > r->max_records) {
        r->status = sw_diag_add(r->diag, SW_ELIMIT, r->name, r->record_line, 1, NULL,
                                "file has more than %zu records", r->max_records);
        goto done;
    }
    for (size_t i = 0; i < r->nfields; i++)
        r->field[i] = r->buf + r->off[i];
    sw_csv_record rec = {
        .index = r->index,
        .line = r->record_line,
        .nfields = r->nfields,
        .field = r->field,
        .len = r->len,
        .field_line = r->field_line,
        .delimiter = r->delimiter,
    };
    r->status = r->fn(r->ctx, &rec, r->diag);
    r->index++;
done:
    r->nfields = 0;
    r->buf_len = 0;
    r->between_records = true;
}

/* Line and field number of byte `at`, for messages about raw bytes. */
static void locate(const char *s, size_t at, char delim, long *line, long *field)
{
    bool quoted = false;
    *line = 1;
    *field = 1;
    for (size_t i = 0; i < at; i++) {
        char c = s[i];
        if (c == '"')
            quoted = !quoted;
        else if (c == '\n' || (c == '\r' && s[i + 1] != '\n')) {
            (*line)++;
            if (!quoted)
                *field = 1;
        } else if (c == delim && !quoted)
            (*field)++;
    }
}

/* The header line decides the delimiter: the candidate that occurs most often
 * outside quotes. A tie between two present candidates is ambiguous. */
static int detect_delimiter(char *out, const char *s, size_t len)
{
    size_t count[3] = {0, 0, 0};
    const char cand[3] = {',', ';', '\t'};
    bool quoted = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted)
            for (int k = 0; k < 3; k++)
                if (c == cand[k])
                    count[k]++;
    }
    int best = 0;
    for (int k = 1; k < 3; k++)
        if (count[k] > count[best])
            best = k;
    for (int k = 0; k < 3; k++)
        if (k != best && count[k] == count[best] && count[k] > 0)
            return -1;
    *out = cand[best];
    return 0;
}

static int feed(reader *r, struct csv_parser *p, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && r->status == 0) {
        size_t j = i;
        while (j < len && s[j] != '\n' && !(s[j] == '\r' && (j + 1 == len || s[j + 1] != '\n')))
            j++;
        size_t end = j < len ? j + 1 : j; /* include the terminator */
        if (r->between_records && !(end - i == 1 || (end - i == 2 && s[i] == '\r'))) {
            r->record_line = r->line;
            r->between_records = false;
        }
        if (csv_parse(p, s + i, end - i, on_field, on_record, r) != end - i && r->status == 0) {
            int e = csv_error(p);
            if (e == CSV_ENOMEM || e == CSV_ETOOBIG)
                return SW_ENOMEM;
            return sw_diag_add(r->diag, SW_EDATA, r->name, r->line, (long)r->nfields + 1,
                               column_name(r, r->nfields), "misplaced quote (a field that "
                               "contains a quote must be quoted, with the quote doubled)");
        }
        r->line++;
        i = end;
    }
    return r->status;
}

int sw_csv_read(const char *name, const char *data, size_t len, const sw_csv_options *opt,
                sw_csv_record_fn fn, void *ctx, sw_diag *diag)
{
    assert(name && (data || len == 0) && fn);
    sw_csv_options o = SW_CSV_OPTIONS_INIT;
    if (opt)
        o = *opt;

    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    size_t lead = 0;
    while (lead < len && (data[lead] == '\n' || data[lead] == '\r' || data[lead] == ' '))
        lead++;
    if (lead == len)
        return sw_diag_add(diag, SW_EDATA, name, 1, 1, NULL, "file is empty");

    char delim = o.delimiter;
    if (!delim && detect_delimiter(&delim, data + lead, len - lead) != 0)
        return sw_diag_add(diag, SW_EDATA, name, 1, 1, NULL,
                           "cannot tell the delimiter from the header (as many ',' as "
                           "';' or tabs); name it with -d");

    const char *nul = memchr(data, '\0', len);
    if (nul) {
        long line, field;
        locate(data, (size_t)(nul - data), delim, &line, &field);
        char col[64];
        const char *cn = line > 1 ? header_name(data, len, delim, (size_t)field - 1, col,
                                                sizeof col) : "";
        return sw_diag_add(diag, SW_EDATA, name, line, field, cn[0] ? cn : NULL,
                           "file contains a NUL byte (not a text file?)");
    }

    char *owned = NULL;
    size_t owned_len = 0, bad = 0;
    switch (sw_encoding_to_utf8(data, len, &owned, &owned_len, &bad)) {
    case SW_ENC_UTF8:
        break;
    case SW_ENC_CP1252:
        data = owned;
        len = owned_len;
        break;
    case SW_ENC_INVALID: {
        long line, field;
        locate(data, bad, delim, &line, &field);
        char col[64];
        const char *cn = line > 1 ? header_name(data, len, delim, (size_t)field - 1, col,
                                                sizeof col) : "";
        return sw_diag_add(diag, SW_EDATA, name, line, field, cn[0] ? cn : NULL,
                           "byte 0x%02X is neither UTF-8 nor Windows-1252 text",
                           (unsigned)(unsigned char)data[bad]);
    }
    case SW_ENC_NOMEM:
        return SW_ENOMEM;
    }

    reader r = {
        .name = name,
        .fn = fn,
        .ctx = ctx,
        .diag = diag,
        .max_field = o.max_field ? o.max_field : SW_CSV_MAX_FIELD,
        .max_records = o.max_records ? o.max_records : SW_CSV_MAX_RECORDS,
        .delimiter = delim,
        .data = data,
        .data_len = len,
        .line = 1,
        .record_line = 1,
        .between_records = true,
    };
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) != 0) {
        free(owned);
        return SW_ENOMEM;
    }
    csv_set_delim(&p, (unsigned char)delim);
    csv_set_space_func(&p, delim == '\t' ? space_no_tab : space_or_tab);

    int rc = feed(&r, &p, data, len);
    if (rc == 0) {
        /* csv_fini resets the error status, so the outcome is read from its
         * return value alone. */
        if (csv_fini(&p, on_field, on_record, &r) != 0 && r.status == 0)
            rc = sw_diag_add(diag, SW_EDATA, name, r.record_line, (long)r.nfields + 1,
                             column_name(&r, r.nfields),
                             "quoted field is never closed (it starts on line %ld)",
                             r.record_line);
        else
            rc = r.status;
    }
    if (rc == 0)
        rc = r.data_error;
    csv_free(&p);
    free(r.buf);
    free(r.off);
    free(r.len);
    free(r.field_line);
    free(r.field);
    free(owned);
    return rc;
}

static bool header_matches(const char *field, size_t flen, const char *want)
{
    while (flen > 0 && (*field == ' ' || *field == '\t')) {
        field++;
        flen--;
    }
    while (flen > 0 && (field[flen - 1] == ' ' || field[flen - 1] == '\t'))
        flen--;
    size_t wl = strlen(want);
    if (wl > 0 && want[wl - 1] == '*')
        return flen >= wl - 1 && strncasecmp(field, want, wl - 1) == 0;
    return flen == wl && strncasecmp(field, want, wl) == 0;
}

int sw_csv_map_columns(long *index, const sw_csv_record *header, const sw_csv_column *cols,
                       size_t ncols, const char *name, sw_diag *diag)
{
    assert(index && header && cols && name);
    int rc = 0;
    for (size_t c = 0; c < ncols; c++) {
        index[c] = -1;
        for (size_t f = 0; f < header->nfields; f++)
            for (const char *const *n = cols[c].names; *n; n++) {
                if (!header_matches(header->field[f], header->len[f], *n))
                    continue;
                if (index[c] >= 0 && index[c] != (long)f)
                    rc = sw_diag_add(diag, SW_EDATA, name, header->line, (long)f + 1,
                                     cols[c].names[0],
                                     "column '%s' appears twice (fields %ld and %zu)",
                                     cols[c].names[0], index[c] + 1, f + 1);
                index[c] = (long)f;
            }
        if (index[c] < 0 && cols[c].required) {
            /* One field: a wrong delimiter, most likely. One message says so,
             * rather than one per missing column. */
            if (header->nfields == 1 && rc != 0)
                continue;
            rc = sw_diag_add(diag, SW_EDATA, name, header->line, 1, cols[c].names[0],
                             "required column '%s' is missing%s", cols[c].names[0],
                             header->nfields == 1 ? " (the header has one field: is the "
                                                    "delimiter right? see -d)" : "");
        }
    }
    return rc;
}
