/* CSV reading through libcsv, as a stream. libcsv does the quoting; this file
 * adds what libcsv leaves to its callers: decoding (encoding.c), delimiter
 * detection, physical line numbers, ragged-row checks, control characters and
 * limits.
 *
 * Line numbers come from the callbacks alone, so that whole blocks can be fed
 * to libcsv: with CSV_REPALL_NL it reports every CR and LF outside a field
 * (blank lines and the LF of a CRLF as empty records), and the line breaks
 * inside a quoted field are in the field itself. */
#include "spreiding/csv.h"

#include <assert.h>
#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "encoding.h"
#include "reader.h"
#include "util.h"

/* Decoded bytes are fed to libcsv in slices of this size. */
enum { SLICE = 256 * 1024 };

/* A header name kept for messages ("column 'inwoners'"), cut at this size. */
enum { COLNAME = 64 };

struct sw_csv_reader {
    char *name;
    sw_csv_record_fn fn;
    void *ctx;
    sw_diag *diag;
    size_t max_field, max_records;
    char delimiter;

    sw__decoder dec;
    char *dbuf; /* decoded text, for what sw__decode_same does not pass */
    size_t dcap;

    /* Before the header line is complete the delimiter is unknown: the text
     * waits in hbuf. */
    bool parsing;
    char *hbuf;
    size_t hlen, hcap, hscan;
    bool hquoted, hcontent, hdone;
    struct csv_parser p;
    bool p_ready;

    /* the record being assembled: field bytes packed in buf */
    char *buf;
    size_t buf_len, buf_cap;
    size_t *off, *len;
    long *field_line;
    const char **field;
    size_t nfields, fields_cap;
    bool bad_record; /* a field was rejected: the record is not delivered */

    long line;        /* the line the next field starts on */
    long record_line; /* the line the current record starts on */
    bool after_cr;    /* the last thing seen ended a line with CR */
    bool row_end;     /* the last thing seen was the LF that ended a record */
    size_t header_fields, index;
    size_t header_named; /* header fields up to the last that is not blank */
    char (*colname)[COLNAME];

    int status;     /* first fatal error: stops the feed */
    int data_error; /* a rejected record: reading goes on to list more */
};

static const char *column_name(const sw_csv_reader *r, size_t field)
{
    if (r->index == 0 || !r->colname || field >= r->header_fields || !r->colname[field][0])
        return NULL;
    return r->colname[field];
}

static int grow_fields(sw_csv_reader *r)
{
    size_t cap = r->fields_cap ? r->fields_cap * 2 : 16;
    if (sw__grow((void **)&r->off, cap, sizeof *r->off) ||
        sw__grow((void **)&r->len, cap, sizeof *r->len) ||
        sw__grow((void **)&r->field_line, cap, sizeof *r->field_line) ||
        sw__grow((void **)&r->field, cap, sizeof *r->field))
        return SW_ENOMEM;
    r->fields_cap = cap;
    return 0;
}

static size_t utf8_chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Copies field s into the record, turning tab, CR and LF into spaces and
 * counting its line breaks (CRLF is one). Returns the first other character
 * a cell may not hold (sw__refused_char; its code point), or 0. */
static uint32_t copy_field(char *dst, const char *s, size_t n, long *breaks)
{
    long b = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != 0x7F && c != 0xC2 && c != 0xE2) {
            dst[i] = (char)c;
            continue;
        }
        if (c == 0xC2 || c == 0xE2) { /* where C1 and the bidi controls start */
            size_t k;
            uint32_t cp = sw__utf8_next(s + i, n - i, &k);
            if (sw__refused_char(cp))
                return cp;
            dst[i] = (char)c;
        } else if (c == '\t') {
            dst[i] = ' ';
        } else if (c == '\n' || c == '\r') {
            dst[i] = ' ';
            if (!(c == '\r' && i + 1 < n && s[i + 1] == '\n'))
                b++;
        } else {
            return c;
        }
    }
    *breaks += b;
    return 0;
}

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/* Whether any byte of w is below 0x20, is 0x7F or is not ASCII: eight bytes
 * tested at once (the usual has-zero-byte trick). It may say yes for a word
 * that holds none of them, never no for one that does. */
static bool suspect(uint64_t w)
{
    uint64_t below = (w - 0x20 * ONES) & ~w & HIGHS;
    uint64_t x = w ^ (0x7F * ONES);
    uint64_t del = (x - ONES) & ~x & HIGHS;
    return (below | del | (w & HIGHS)) != 0;
}

/* Copies a field of printable ASCII (the common one) eight bytes at a time;
 * false, with the copy unfinished, for anything else. */
static bool copy_plain(char *dst, const char *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (suspect(w))
            return false;
        memcpy(dst + i, &w, 8);
    }
    unsigned bad = 0; /* the last bytes without a branch each */
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        dst[i] = (char)c;
        bad |= (unsigned)(c - 0x20) >= 0x5F; /* below 0x20, or 0x7F and up */
    }
    return !bad;
}

/* A field the general way: limits, growth, control characters. Not inlined
 * into on_field, so that the common field does not pay for its registers. */
__attribute__((noinline)) static void add_field(sw_csv_reader *r, const char *s, size_t n)
{
    long start = r->line;
    r->after_cr = false;
    if (r->nfields == 0)
        r->record_line = start;
    if (r->nfields >= SW_CSV_MAX_FIELDS) {
        r->status = sw_diag_add(r->diag, SW_ELIMIT, r->name, start, (long)r->nfields + 1,
                                column_name(r, r->nfields), "record has more than %d fields",
                                SW_CSV_MAX_FIELDS);
        return;
    }
    /* The same words as the cut of a field still growing (below): how
     * long it would have been depends on where a block ended, and the
     * message must not. */
    if (n > r->max_field && utf8_chars(s, n) > r->max_field) {
        r->status = sw_diag_add(
            r->diag, SW_ELIMIT, r->name, start, (long)r->nfields + 1, column_name(r, r->nfields),
            "field is more than %zu characters long; the limit is %zu", r->max_field, r->max_field);
        return;
    }
    if ((r->nfields == r->fields_cap && grow_fields(r) != 0) ||
        sw__reserve((void **)&r->buf, &r->buf_cap, r->buf_len + n + 1, 1) != 0) {
        r->status = SW_ENOMEM;
        return;
    }
    char *dst = r->buf + r->buf_len;
    long breaks = 0;
    uint32_t ctl = n ? copy_field(dst, s, n, &breaks) : 0;
    dst[n] = '\0';
    r->off[r->nfields] = r->buf_len;
    r->len[r->nfields] = n;
    r->field_line[r->nfields] = start;
    r->nfields++;
    r->buf_len += n + 1;
    r->line += breaks;
    if (ctl) {
        char shown[SW_QUOTE_MAX];
        sw__quote_value(shown, sizeof shown, s, n);
        r->data_error = sw_diag_add(r->diag, SW_EDATA, r->name, start, (long)r->nfields,
                                    column_name(r, r->nfields - 1),
                                    "value '%s' contains the control character U+%04X, which "
                                    "a cell may not hold", shown, (unsigned)ctl);
        r->bad_record = true;
    }
}

/* Called by libcsv for every field, so the common one is kept short: room
 * in the record, no limit near, printable ASCII. Anything else, add_field. */
static void on_field(void *s, size_t n, void *data)
{
    sw_csv_reader *r = data;
    if (r->status != 0)
        return;
    if (!s)
        n = 0; /* CSV_EMPTY_IS_NULL: an empty unquoted field */
    size_t k = r->nfields;
    if (k < r->fields_cap && k < SW_CSV_MAX_FIELDS && n <= r->max_field &&
        r->buf_len + n + 1 <= r->buf_cap && copy_plain(r->buf + r->buf_len, s, n)) {
        r->buf[r->buf_len + n] = '\0';
        r->after_cr = false;
        if (k == 0)
            r->record_line = r->line;
        r->off[k] = r->buf_len;
        r->len[k] = n;
        r->field_line[k] = r->line;
        r->nfields = k + 1;
        r->buf_len += n + 1;
        return;
    }
    add_field(r, s, n);
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ')
            return false;
    return true;
}

/* A name of nothing a reader can see (a no-break space from Excel, a stray
 * BOM) names no column. */
static bool invisible_only(const char *s, size_t n)
{
    for (size_t i = 0, k; i < n; i += k)
        if (!sw__invisible_char(sw__utf8_next(s + i, n - i, &k)) && s[i] != ' ')
            return false;
    return true;
}

static int keep_header(sw_csv_reader *r)
{
    r->header_fields = r->nfields;
    r->colname = calloc(r->nfields ? r->nfields : 1, sizeof *r->colname);
    if (!r->colname)
        return SW_ENOMEM;
    for (size_t i = 0; i < r->nfields; i++) {
        const char *s = r->buf + r->off[i];
        size_t n = r->len[i];
        sw__trim(&s, &n);
        sw__cut_utf8(r->colname[i], COLNAME, s, n);
        if (!invisible_only(s, n))
            r->header_named = i + 1;
    }
    return 0;
}

static void deliver(sw_csv_reader *r)
{
    bool all_blank = true;
    for (size_t i = 0; i < r->nfields && all_blank; i++)
        all_blank = blank(r->buf + r->off[i], r->len[i]);
    if (r->bad_record && r->index == 0) {
        /* A header that cannot be read names no columns: the rows below it
         * would only add false "missing column" errors. */
        r->status = r->data_error;
        return;
    }
    if (all_blank || r->bad_record)
        return; /* a row of nothing but delimiters is a blank line */
    if (r->index == 0) {
        r->status = keep_header(r);
        if (r->status != 0)
            return;
    } else if (r->nfields < r->header_named) {
        /* Where the missing field would be: after the record's last field,
         * on the line it ends on (a quoted field may span lines). */
        r->data_error = sw_diag_add(r->diag, SW_EDATA, r->name, r->line, (long)r->nfields + 1,
                                    column_name(r, r->nfields),
                                    r->header_named < r->header_fields
                                        ? "record has %zu fields, the header names %zu columns"
                                        : "record has %zu fields, the header has %zu",
                                    r->nfields, r->header_named);
        return;
    } else if (r->nfields < r->header_fields) {
        /* Excel's trailing empty columns in the header only: the fields
         * under them are empty. The header's record had this many fields,
         * so the arrays hold them. */
        size_t nul = r->off[r->nfields - 1] + r->len[r->nfields - 1]; /* ends the last field */
        for (size_t i = r->nfields; i < r->header_fields; i++) {
            r->off[i] = nul;
            r->len[i] = 0;
            r->field_line[i] = r->record_line;
        }
        r->nfields = r->header_fields;
    } else {
        for (size_t i = r->header_fields; i < r->nfields; i++)
            if (!blank(r->buf + r->off[i], r->len[i])) {
                r->data_error = sw_diag_add(r->diag, SW_EDATA, r->name, r->field_line[i],
                                            (long)i + 1, NULL,
                                            "record has %zu fields, the header has %zu",
                                            r->nfields, r->header_fields);
                return;
            }
        r->nfields = r->header_fields; /* Excel's trailing empty columns */
    }
    if (r->max_records && r->index > r->max_records) {
        r->status = sw_diag_add(r->diag, SW_ELIMIT, r->name, r->record_line, 1, NULL,
                                "file has more than %zu records", r->max_records);
        return;
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
}

static void on_record(int c, void *data)
{
    sw_csv_reader *r = data;
    if (r->nfields == 0) {
        /* A blank line, or the LF of a CRLF that ended the line before. */
        if (c != -1 && !(c == '\n' && r->after_cr))
            r->line++;
        r->after_cr = c == '\r';
        r->row_end = c == '\n';
        return;
    }
    if (r->status == 0)
        deliver(r);
    r->nfields = 0;
    r->buf_len = 0;
    r->bad_record = false;
    if (c != -1)
        r->line++;
    r->after_cr = c == '\r';
    r->row_end = c == '\n';
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

/* Where the header line starts: after blank lines and lines of nothing but
 * delimiters and spaces. */
static size_t header_start(const char *s, size_t len)
{
    size_t line = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '\n' || c == '\r')
            line = i + 1;
        else if (c != ' ' && c != ',' && c != ';' && c != '\t')
            return line;
    }
    return len;
}

static bool blank_byte(char c) { return c == ' ' || c == '\t'; }

/* Bytes of w that may be the delimiter (dd: it in every byte), a quote or a
 * control character (LF, CR, tab, ...): their high bits, and perhaps some
 * others above a true one, which the caller looks at and passes over. */
static uint64_t maybe_special(uint64_t w, uint64_t dd)
{
    uint64_t x = w ^ dd, q = w ^ ('"' * ONES);
    return (((x - ONES) & ~x) | ((q - ONES) & ~q) | ((w - 0x20 * ONES) & ~w)) & HIGHS;
}

/* Eight bytes at p as a number whose lowest byte is p[0], on any machine;
 * with n < 8, the n bytes there and 'A', which is nothing special, after. */
static uint64_t load_le(const char *p, size_t n)
{
    uint64_t w = 0;
    if (n >= 8) {
        memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        w = __builtin_bswap64(w);
#endif
        return w;
    }
    for (size_t k = 8; k-- > 0;)
        w = w << 8 | (k < n ? (unsigned char)p[k] : (unsigned char)'A');
    return w;
}

/* Where the line at a (at most n bytes) is cut: its delimiters' offsets in
 * cut[] (*ncut of them), and returned, the offset of its LF. SIZE_MAX when
 * it is not a plain line: no LF within n, a quote, a CR other than just
 * before the LF, or more fields than a record may have (libcsv then reads
 * it, and says what is wrong with it). Eight bytes a step: the bytes that
 * may matter are the set bits of maybe_special, lowest (first) first. */
static size_t scan_line(const char *a, size_t n, char d, uint32_t *cut, size_t *ncut)
{
    const uint64_t dd = (unsigned char)d * ONES;
    size_t k = 0;
    for (size_t i = 0; i < n; i += 8) {
        for (uint64_t m = maybe_special(load_le(a + i, n - i), dd); m; m &= m - 1) {
            size_t at = i + (size_t)__builtin_ctzll(m) / 8;
            if (at >= n)
                break; /* not a byte of the line (the padding never is) */
            char c = a[at];
            if (c == d && k == SW_CSV_MAX_FIELDS)
                return SIZE_MAX;
            if (c == d)
                cut[k++] = (uint32_t)at;
            else if (c == '"' || (c == '\r' && !(at + 1 < n && a[at + 1] == '\n')))
                return SIZE_MAX;
            else if (c == '\n' || c == '\r') {
                *ncut = k;
                return c == '\n' ? at : at + 1;
            }
        }
    }
    return SIZE_MAX; /* no LF within n */
}

/* Field [b, f) of a line, handed to on_field as libcsv hands it: blanks
 * (space, tab) around it dropped, an empty field as NULL. The bytes are only
 * read, never written. */
static void plain_field(sw_csv_reader *r, const char *a, size_t b, size_t f)
{
    while (b < f && blank_byte(a[b]))
        b++;
    while (f > b && blank_byte(a[f - 1]))
        f--;
    on_field(f > b ? (void *)(uintptr_t)(a + b) : NULL, f - b, r);
}

/* The record of a plain line of printable ASCII at once, as the fields one
 * by one would make it: the line copied whole into the record, each field
 * (its blanks dropped) ended by a NUL where it ends. False, with nothing
 * done, for any other line (a control character, a tab, a byte that is not
 * ASCII, no room yet, a limit near): on_field takes those a field a time. */
static bool plain_record(sw_csv_reader *r, const char *a, size_t len, const uint32_t *cut,
                         size_t ncut)
{
    if (r->nfields != 0 || ncut >= r->fields_cap || ncut >= SW_CSV_MAX_FIELDS ||
        len > r->max_field || len + 1 > r->buf_cap)
        return false;
    for (size_t i = 0; i < len; i += 8)
        if (suspect(load_le(a + i, len - i)))
            return false;
    memcpy(r->buf, a, len);
    for (size_t k = 0, b = 0; k <= ncut; k++) {
        size_t f = k < ncut ? cut[k] : len, next = f + 1;
        while (b < f && r->buf[b] == ' ')
            b++;
        while (f > b && r->buf[f - 1] == ' ')
            f--;
        r->buf[f] = '\0';
        r->off[k] = b;
        r->len[k] = f - b;
        r->field_line[k] = r->line;
        b = next;
    }
    r->nfields = ncut + 1;
    r->buf_len = len + 1;
    r->record_line = r->line;
    r->after_cr = false;
    return true;
}

/* Takes the lines at s (n bytes) that end in LF or CRLF and hold no quote
 * and no other CR, while libcsv stands between records: such a line means
 * the same to libcsv as a cut at its delimiters, which are found here eight
 * bytes at a time, where libcsv's state machine looks at every byte. The
 * callbacks are libcsv's own, called as libcsv calls them: blanks before
 * the first field skipped (a line of nothing else has no field), a CRLF a
 * record ended by CR and an empty one by LF. Returns the bytes taken. */
static size_t take_plain_lines(sw_csv_reader *r, const char *s, size_t n)
{
    uint32_t cut[SW_CSV_MAX_FIELDS];
    size_t done = 0, ncut = 0;
    char d = r->delimiter;
    while (r->row_end && r->status == 0 && done < n) {
        const char *a = s + done;
        size_t lf = scan_line(a, n - done, d, cut, &ncut);
        if (lf == SIZE_MAX)
            break;
        bool crlf = lf > 0 && a[lf - 1] == '\r';
        size_t len = crlf ? lf - 1 : lf, i = 0;
        while (i < len && blank_byte(a[i]) && a[i] != d)
            i++;
        if (i < len && !plain_record(r, a, len, cut, ncut)) {
            for (size_t k = 0; k < ncut && r->status == 0; k++) {
                plain_field(r, a, i, cut[k]);
                i = cut[k] + 1;
            }
            if (r->status == 0)
                plain_field(r, a, i, len);
        }
        if (crlf)
            on_record('\r', r);
        on_record('\n', r);
        done += lf + 1;
    }
    return done;
}

static int too_long(sw_csv_reader *r)
{
    return sw_diag_add(
        r->diag, SW_ELIMIT, r->name, r->line, (long)r->nfields + 1, column_name(r, r->nfields),
        "field is more than %zu characters long; the limit is %zu", r->max_field, r->max_field);
}

/* Parses decoded text: plain lines split here, every other line by libcsv,
 * one line a call, so that after a line whose LF ended a record (row_end,
 * set by on_record) the plain lines can be taken again. The checks between
 * slices are where they always were. */
static int parse(sw_csv_reader *r, const char *s, size_t n)
{
    while (n > 0 && r->status == 0) {
        size_t k = n < SLICE ? n : SLICE;
        const char *p = s, *end = s + k;
        while (p < end && r->status == 0) {
            p += take_plain_lines(r, p, (size_t)(end - p));
            if (p == end || r->status != 0)
                break;
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t m = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
            r->row_end = false;
            /* libcsv holds a field until it ends: a field that outgrows the
             * limit is stopped as soon as it does, before it can take much
             * memory (four bytes a character at most, so more bytes than
             * that are too many). A long field is fed up to that point and
             * no further, so the stop falls on the same byte however the
             * file was cut into blocks, and so does a quote after it. */
            const size_t limit = 4 * (r->max_field + 1);
            while (m > 0 && r->status == 0) {
                size_t piece = limit - r->p.entry_pos < m ? limit - r->p.entry_pos : m;
                if (csv_parse(&r->p, p, piece, on_field, on_record, r) != piece && r->status == 0) {
                    int e = csv_error(&r->p);
                    if (e == CSV_ENOMEM || e == CSV_ETOOBIG)
                        return r->status = SW_ENOMEM;
                    return r->status = sw_diag_add(
                               r->diag, SW_EDATA, r->name, r->line, (long)r->nfields + 1,
                               column_name(r, r->nfields),
                               "misplaced quote (a field that contains a quote must be quoted, "
                               "with the quote doubled)");
                }
                if (r->status == 0 && r->p.entry_pos >= limit)
                    return r->status = too_long(r);
                p += piece;
                m -= piece;
            }
        }
        s += k;
        n -= k;
    }
    return r->status;
}

static int start_parsing(sw_csv_reader *r)
{
    size_t h = header_start(r->hbuf, r->hlen);
    char delim = r->delimiter;
    if (!delim && detect_delimiter(&delim, r->hbuf + h, r->hlen - h) != 0)
        return r->status = sw_diag_add(r->diag, SW_EDATA, r->name, 1, 1, NULL,
                                       "cannot tell the delimiter from the header (as many "
                                       "',' as ';' or tabs); name it with -d");
    r->delimiter = delim;
    if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL |
                            CSV_REPALL_NL) != 0)
        return r->status = SW_ENOMEM;
    r->p_ready = true;
    csv_set_delim(&r->p, (unsigned char)delim);
    /* No space function: libcsv's own test (space or tab) is inline, where a
     * function is called for every byte of an unquoted field. With a tab
     * delimiter it is the same as "space only": libcsv tests the delimiter
     * before it asks whether a byte is a space. */
    r->parsing = true;
    int rc = parse(r, r->hbuf, r->hlen);
    free(r->hbuf);
    r->hbuf = NULL;
    r->hlen = 0;
    return rc;
}

/* Drops the blank lines (nothing but spaces and delimiters) that stand
 * before the header, counting them, so that they neither count toward the
 * header's limit nor take memory however many there are. They hold no
 * quote, so no line end among them is inside a field; a CR is dropped only
 * once the byte after it is known not to be an LF. */
static void drop_blank_lines(sw_csv_reader *r)
{
    size_t cut = 0;
    for (size_t i = 0; i < r->hlen; i++) {
        char c = r->hbuf[i];
        if (c == '\n')
            cut = i + 1;
        else if (c == '\r' && i + 1 < r->hlen)
            cut = r->hbuf[i + 1] == '\n' ? cut : i + 1;
        else if (c != ' ' && c != ',' && c != ';' && c != '\t')
            break;
    }
    if (cut == 0)
        return;
    for (size_t i = 0; i < cut; i++)
        r->line += r->hbuf[i] == '\n' || (r->hbuf[i] == '\r' && r->hbuf[i + 1] != '\n');
    memmove(r->hbuf, r->hbuf + cut, r->hlen - cut);
    r->hlen -= cut;
    r->hscan -= cut;
}

/* Collects text until the header line is complete. */
static int take_header(sw_csv_reader *r, const char *s, size_t n)
{
    if (sw__reserve((void **)&r->hbuf, &r->hcap, r->hlen + n + 1, 1) != 0)
        return r->status = SW_ENOMEM;
    memcpy(r->hbuf + r->hlen, s, n);
    r->hlen += n;
    for (; r->hscan < r->hlen && !r->hdone; r->hscan++) {
        char c = r->hbuf[r->hscan];
        if (c == '"')
            r->hquoted = !r->hquoted;
        if (!r->hquoted && (c == '\n' || c == '\r'))
            r->hdone = r->hcontent;
        else if (c != ' ' && c != ',' && c != ';' && c != '\t')
            r->hcontent = true;
    }
    drop_blank_lines(r);
    if (r->hdone || r->hlen >= SW_CSV_MAX_HEADER)
        return start_parsing(r);
    return 0;
}

static int take(sw_csv_reader *r, const char *s, size_t n)
{
    return r->parsing ? parse(r, s, n) : take_header(r, s, n);
}

/* Where an encoding error is: the field being read. Before parsing began it
 * is in the header text, and the fields are counted there. */
static int encoding_error(sw_csv_reader *r)
{
    long line = r->line, field = (long)r->nfields + 1;
    const char *col = column_name(r, r->nfields);
    if (!r->parsing) {
        size_t h = header_start(r->hbuf, r->hlen);
        char delim = r->delimiter;
        if (!delim && detect_delimiter(&delim, r->hbuf + h, r->hlen - h) != 0)
            delim = ',';
        bool quoted = false;
        line = r->line; /* after the blank lines dropped */
        field = 1;
        for (size_t i = 0; i < r->hlen; i++) {
            char c = r->hbuf[i];
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && (c == '\n' || (c == '\r' && (i + 1 == r->hlen || r->hbuf[i + 1] != '\n')))) {
                line++;
                field = 1;
            } else if (!quoted && c == delim)
                field++;
        }
        col = NULL;
    }
    switch (r->dec.error) {
    case SW_DEC_NUL:
        return r->status = sw_diag_add(r->diag, SW_EDATA, r->name, line, field, col,
                                       "file contains a NUL byte (not a text file?)");
    case SW_DEC_UTF16_NO_BOM:
        return r->status = sw_diag_add(r->diag, SW_EDATA, r->name, 1, 1, NULL,
                                       "file looks like UTF-16 text without a byte-order mark; "
                                       "save it as UTF-8, or as Unicode text with its BOM");
    case SW_DEC_BAD_UTF16:
        return r->status = sw_diag_add(r->diag, SW_EDATA, r->name, line, field, col,
                                       "is not valid UTF-16 (a lone surrogate or an odd "
                                       "number of bytes)");
    case SW_DEC_MIXED:
        return r->status = sw_diag_add(r->diag, SW_EDATA, r->name, line, field, col,
                                       "byte 0x%02X starts UTF-8 text after Windows-1252 text: "
                                       "the file mixes two encodings; save it as UTF-8",
                                       (unsigned)r->dec.byte);
    default:
        return r->status = sw_diag_add(r->diag, SW_EDATA, r->name, line, field, col,
                                       "byte 0x%02X is neither UTF-8 nor Windows-1252 text",
                                       (unsigned)r->dec.byte);
    }
}

/* Text that is already UTF-8 goes to the parser as it is, without a copy;
 * the rest through the decoder: one character at a time while a file may yet
 * turn out to be UTF-8 (so that it can go back to the fast way), else all. */
static int decode_and_take(sw_csv_reader *r, const char *data, size_t len, bool final)
{
    const unsigned char *in = (const unsigned char *)data;
    for (;;) {
        size_t same = sw__decode_same(&r->dec, in, len);
        if (same > 0) { /* in is NULL at the end of the input */
            if (take(r, (const char *)in, same) != 0)
                return r->status;
            in += same;
            len -= same;
        }
        if (len == 0 && !final)
            return r->status;
        enum sw_encoding e = r->dec.enc;
        size_t k = e == SW_ENC_START || e == SW_ENC_ASCII || e == SW_ENC_UTF8 ? 4 : len;
        if (k > len)
            k = len;
        /* Made when first needed, as large as needed: most files never
         * need more than a few bytes of it. */
        if (SW_DECODE_MAX(k) > r->dcap &&
            sw__reserve((void **)&r->dbuf, &r->dcap, SW_DECODE_MAX(k), 1) != 0)
            return r->status = SW_ENOMEM;
        size_t n = sw__decode(&r->dec, in, k, final && k == len, r->dbuf);
        take(r, r->dbuf, n);
        if (r->status == 0 && r->dec.error)
            encoding_error(r);
        if (r->status != 0 || len == k)
            return r->status;
        in += k;
        len -= k;
    }
}

int sw_csv_reader_new(sw_csv_reader **out, const char *name, const sw_csv_options *opt,
                      sw_csv_record_fn fn, void *ctx, sw_diag *diag)
{
    assert(out && name && fn);
    sw_csv_options o = SW_CSV_OPTIONS_INIT;
    if (opt)
        o = *opt;
    sw_csv_reader *r = calloc(1, sizeof *r);
    *out = NULL;
    if (!r || !(r->name = sw__strndup(name, strlen(name)))) {
        sw_csv_reader_free(r);
        return SW_ENOMEM;
    }
    r->fn = fn;
    r->ctx = ctx;
    r->diag = diag;
    r->max_field = o.max_field ? o.max_field : SW_CSV_MAX_FIELD;
    r->max_records = o.max_records;
    r->delimiter = o.delimiter;
    r->line = 1;
    r->record_line = 1;
    *out = r;
    return 0;
}

int sw_csv_reader_feed(sw_csv_reader *r, const char *data, size_t len)
{
    assert(r && (data || len == 0));
    while (len > 0 && r->status == 0) {
        size_t k = len < SLICE ? len : SLICE;
        decode_and_take(r, data, k, false);
        data += k;
        len -= k;
    }
    return r->status;
}

int sw_csv_reader_finish(sw_csv_reader *r)
{
    assert(r);
    if (r->status == 0)
        decode_and_take(r, NULL, 0, true);
    if (r->status == 0 && !r->parsing) {
        if (header_start(r->hbuf, r->hlen) == r->hlen)
            return r->status = sw_diag_add(r->diag, SW_EDATA, r->name, 1, 1, NULL,
                                           "file is empty");
        start_parsing(r);
    }
    /* csv_fini resets the error status, so the outcome is read from its
     * return value alone. */
    if (r->status == 0 && csv_fini(&r->p, on_field, on_record, r) != 0 && r->status == 0)
        r->status = sw_diag_add(r->diag, SW_EDATA, r->name, r->line, (long)r->nfields + 1,
                                column_name(r, r->nfields),
                                "quoted field is never closed (it starts on line %ld)", r->line);
    if (r->status == 0 && r->index == 0)
        r->status = sw_diag_add(r->diag, SW_EDATA, r->name, 1, 1, NULL, "file is empty");
    return r->status ? r->status : r->data_error;
}

void sw_csv_reader_free(sw_csv_reader *r)
{
    if (!r)
        return;
    if (r->p_ready)
        csv_free(&r->p);
    free(r->name);
    free(r->dbuf);
    free(r->hbuf);
    free(r->buf);
    free(r->off);
    free(r->len);
    free(r->field_line);
    free(r->field);
    free(r->colname);
    free(r);
}

int sw_csv_read(const char *name, const char *data, size_t len, const sw_csv_options *opt,
                sw_csv_record_fn fn, void *ctx, sw_diag *diag)
{
    sw_csv_reader *r = NULL;
    int rc = sw_csv_reader_new(&r, name, opt, fn, ctx, diag);
    if (rc == 0)
        rc = sw_csv_reader_feed(r, data, len);
    if (rc == 0)
        rc = sw_csv_reader_finish(r);
    sw_csv_reader_free(r);
    return rc;
}

static bool header_matches(const char *field, size_t flen, const char *want)
{
    sw__trim(&field, &flen);
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
