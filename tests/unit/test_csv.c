/* The CSV layer: encodings, delimiters, line numbers, malformed files. */
#include "support.h"

typedef struct collect {
    size_t records;
    char first[8][64]; /* fields of record 1 */
    size_t nfirst;
    long line[16];     /* start line of each record */
    char delim;
} collect;

static int on_record(void *ctx, const sw_csv_record *rec, sw_diag *diag)
{
    (void)diag;
    collect *c = ctx;
    if (rec->index < 16)
        c->line[rec->index] = rec->line;
    if (rec->index == 1) {
        c->nfirst = rec->nfields;
        for (size_t i = 0; i < rec->nfields && i < 8; i++)
            snprintf(c->first[i], sizeof c->first[i], "%s", rec->field[i]);
    }
    c->delim = rec->delimiter;
    c->records++;
    return 0;
}

static int read_text(collect *c, sw_diag *d, const char *text, size_t len)
{
    memset(c, 0, sizeof *c);
    memset(d, 0, sizeof *d);
    return sw_csv_read("t.csv", text, len, NULL, on_record, c, d);
}

START_TEST(reads_bom_crlf_semicolons_and_quotes)
{
    collect c;
    sw_diag d;
    const char text[] = "\xEF\xBB\xBF\"code\";\"naam\"\r\nGM0001;\"Nuenen; Gerwen\"\r\n";
    ck_assert_int_eq(read_text(&c, &d, text, sizeof text - 1), 0);
    ck_assert_int_eq(c.delim, ';');
    ck_assert_int_eq(c.records, 2);
    ck_assert_str_eq(c.first[0], "GM0001");
    ck_assert_str_eq(c.first[1], "Nuenen; Gerwen");
}
END_TEST

START_TEST(transcodes_windows_1252)
{
    collect c;
    sw_diag d;
    const char text[] = "naam,x\nS\xFA" "dwest-Frysl\xE2" "n,1\n"; /* ú and â in cp1252 */
    ck_assert_int_eq(read_text(&c, &d, text, sizeof text - 1), 0);
    ck_assert_str_eq(c.first[0], "S\xC3\xBA" "dwest-Frysl\xC3\xA2" "n");
}
END_TEST

START_TEST(detects_tab_delimiter_and_keeps_spaces_inside)
{
    collect c;
    sw_diag d;
    const char text[] = "a\tb\n23 922\t x \n";
    ck_assert_int_eq(read_text(&c, &d, text, sizeof text - 1), 0);
    ck_assert_int_eq(c.delim, '\t');
    ck_assert_str_eq(c.first[0], "23 922");
}
END_TEST

START_TEST(counts_physical_lines_across_blank_lines_and_newlines_in_quotes)
{
    collect c;
    sw_diag d;
    const char text[] = "a,b\n\n1,\"two\nlines\"\n\n3,4\n";
    ck_assert_int_eq(read_text(&c, &d, text, sizeof text - 1), 0);
    ck_assert_int_eq(c.records, 3);
    ck_assert_int_eq(c.line[1], 3);
    ck_assert_int_eq(c.line[2], 6);
    ck_assert_str_eq(c.first[1], "two lines"); /* a line break in a cell is a space */
}
END_TEST

START_TEST(accepts_trailing_empty_columns)
{
    collect c;
    sw_diag d;
    const char text[] = "a,b\n1,2,,\n";
    ck_assert_int_eq(read_text(&c, &d, text, sizeof text - 1), 0);
    ck_assert_int_eq(c.nfirst, 2);
}
END_TEST

/* Blank lines before the header, more than the header may be long: the
 * header is still found whole, and lines are still counted. */
START_TEST(skips_any_number_of_blank_lines_before_the_header)
{
    static const char *const ends[] = {"\n", "\r\n", "\r", " ;\t\n"};
    for (size_t e = 0; e < 4; e++) {
        size_t blank = SW_CSV_MAX_HEADER / strlen(ends[e]) + 10, k = strlen(ends[e]);
        const char tail[] = "a;b;c\n1;2;3\n";
        size_t len = blank * k + sizeof tail - 1;
        char *text = malloc(len);
        ck_assert_ptr_nonnull(text);
        for (size_t i = 0; i < blank; i++)
            memcpy(text + i * k, ends[e], k);
        memcpy(text + blank * k, tail, sizeof tail - 1);
        collect c;
        sw_diag d;
        ck_assert_int_eq(read_text(&c, &d, text, len), 0);
        ck_assert_int_eq(c.delim, ';');
        ck_assert_int_eq(c.records, 2);
        ck_assert_int_eq(c.line[0], (long)blank + 1);
        ck_assert_int_eq(c.line[1], (long)blank + 2);
        ck_assert_str_eq(c.first[2], "3");
        free(text);
    }
}
END_TEST

static void expect_error(const char *text, size_t len, const char *message);

/* Excel saves a sheet with columns formatted beyond the table as a header
 * with trailing empty names, and rows cut at their last value. */
START_TEST(accepts_trailing_empty_header_columns)
{
    collect c;
    sw_diag d;
    const char text[] = "a;b;;;\n1;2\n";
    ck_assert_int_eq(read_text(&c, &d, text, sizeof text - 1), 0);
    ck_assert_int_eq(c.records, 2);
    ck_assert_int_eq(c.nfirst, 5);
    ck_assert_str_eq(c.first[0], "1");
    ck_assert_str_eq(c.first[1], "2");
    ck_assert_str_eq(c.first[4], "");
    /* the same where the row's last field is trimmed (the fuzzer found the
     * padding read past it) */
    const char trimmed[] = "aaaaaaaaaa;b;;;\n1;2  \n";
    ck_assert_int_eq(read_text(&c, &d, trimmed, sizeof trimmed - 1), 0);
    ck_assert_str_eq(c.first[1], "2");
    ck_assert_str_eq(c.first[2], "");
    ck_assert_str_eq(c.first[4], "");
    /* names of nothing visible (a no-break space, a BOM) name no column */
    const char unseen[] = "a;b;\xC2\xA0;\xEF\xBB\xBF;\xE2\x80\x8B\n1;2\n";
    ck_assert_int_eq(read_text(&c, &d, unseen, sizeof unseen - 1), 0);
    ck_assert_int_eq(c.records, 2);
    /* a row short of the named columns is still short */
    expect_error("a;b;;\n1\n", 8,
                 "t.csv:2:2: column 'b': record has 1 fields, the header names 2 columns");
    /* the missing field is where the record ends, after a field of two lines */
    expect_error("a,b,c\n1,\"x\ny\"\n", 14,
                 "t.csv:3:3: column 'c': record has 2 fields, the header has 3");
}
END_TEST

static void expect_error(const char *text, size_t len, const char *message)
{
    collect c;
    sw_diag d;
    ck_assert_int_ne(read_text(&c, &d, text, len), 0);
    ck_assert_str_eq(first_message(&d), message);
}

/* Bidi controls are refused; their neighbours, and a lead byte 0xE2 that
 * ends the field, are not. */
START_TEST(rejects_bidi_controls_only)
{
    expect_error("a,b\n1,x\xE2\x80\xAEy\n", 12,
                 "t.csv:2:2: column 'b': value 'x<U+202E>y' contains the control character "
                 "U+202E, which a cell may not hold");
    expect_error("a,b\n\xE2\x81\xA9,2\n", 10,
                 "t.csv:2:1: column 'a': value '<U+2069>' contains the control character "
                 "U+2069, which a cell may not hold");
    collect c;
    sw_diag d;
    /* U+2029 (paragraph separator), U+202F (narrow no-break space), U+2065 */
    const char ok[] = "a,b,c\n\xE2\x80\xA9,\xE2\x80\xAF,\xE2\x81\xA5\n";
    ck_assert_int_eq(read_text(&c, &d, ok, sizeof ok - 1), 0);
    ck_assert_str_eq(c.first[1], "\xE2\x80\xAF");
}
END_TEST

START_TEST(rejects_malformed_files_with_located_messages)
{
    expect_error("", 0, "t.csv:1:1: file is empty");
    expect_error("\xEF\xBB\xBF\r\n\r\n", 7, "t.csv:1:1: file is empty");
    expect_error("a,b\n1\n", 6, "t.csv:2:2: column 'b': record has 1 fields, the header has 2");
    expect_error("a,b\n1,2,3\n", 10, "t.csv:2:3: record has 3 fields, the header has 2");
    expect_error("a,b\n1,\"open\n", 12,
                 "t.csv:2:2: column 'b': quoted field is never closed (it starts on line 2)");
    expect_error("a,b\n1,x\"y\n", 10,
                 "t.csv:2:2: column 'b': misplaced quote (a field that contains a quote must be quoted, "
                 "with the quote doubled)");
    expect_error("a,b\n1,\0\n", 8, "t.csv:2:2: column 'b': file contains a NUL byte (not a text file?)");
    expect_error("a,b\n\xC3\xA9,\x81\n", 9,
                 "t.csv:2:2: column 'b': byte 0x81 is neither UTF-8 nor Windows-1252 text");
    expect_error("a,b;c\n", 6,
                 "t.csv:1:1: cannot tell the delimiter from the header (as many ',' as ';' "
                 "or tabs); name it with -d");
}
END_TEST

START_TEST(undefined_windows_1252_byte_is_rejected)
{
    expect_error("a,b\n1,\x81\n", 8,
                 "t.csv:2:2: column 'b': byte 0x81 is neither UTF-8 nor Windows-1252 text");
}
END_TEST

START_TEST(enforces_the_field_limit)
{
    size_t n = 10000;
    char *text = malloc(n + 16);
    memcpy(text, "a\n", 2);
    memset(text + 2, 'x', n);
    memcpy(text + 2 + n, "\n", 1);
    collect c;
    sw_diag d;
    ck_assert_int_eq(read_text(&c, &d, text, n + 3), SW_ELIMIT);
    ck_assert_str_eq(
        first_message(&d),
        "t.csv:2:1: column 'a': field is more than 1024 characters long; the limit is 1024");
    free(text);
    /* The limit counts characters: 1024 two-byte characters pass, 1025 do not. */
    text = malloc(2 + 2 * 1025 + 1);
    memcpy(text, "a\n", 2);
    for (size_t i = 0; i < 1025; i++)
        memcpy(text + 2 + 2 * i, "\xC3\xA9", 2);
    ck_assert_int_eq(read_text(&c, &d, text, 2 + 2 * 1024), 0);
    ck_assert_int_eq(read_text(&c, &d, text, 2 + 2 * 1025), SW_ELIMIT);
    ck_assert_str_eq(
        first_message(&d),
        "t.csv:2:1: column 'a': field is more than 1024 characters long; the limit is 1024");
    free(text);
}
END_TEST


/* UTF-16 as Excel saves "Unicode text": BOM, tab-separated, CRLF. */
static size_t utf16(char *out, const char *ascii_or_utf8, bool little)
{
    size_t o = 0;
    out[o++] = little ? '\xFF' : '\xFE';
    out[o++] = little ? '\xFE' : '\xFF';
    for (const unsigned char *s = (const unsigned char *)ascii_or_utf8; *s;) {
        unsigned cp = *s;
        size_t k = 1;
        if (cp >= 0xC0) { /* two-byte UTF-8 only, enough for the tests */
            cp = ((cp & 0x1F) << 6) | (s[1] & 0x3F);
            k = 2;
        }
        out[o++] = (char)(little ? cp & 0xFF : cp >> 8);
        out[o++] = (char)(little ? cp >> 8 : cp & 0xFF);
        s += k;
    }
    return o;
}

START_TEST(reads_utf16_with_a_bom_like_utf8)
{
    char buf[256];
    const char *text = "code\tnaam\r\nGM0001\tSúdwest-Fryslân\r\n";
    for (int little = 0; little <= 1; little++) {
        size_t n = utf16(buf, text, little);
        collect c;
        sw_diag d;
        ck_assert_int_eq(read_text(&c, &d, buf, n), 0);
        ck_assert_int_eq(c.delim, '\t');
        ck_assert_int_eq(c.records, 2);
        ck_assert_int_eq(c.line[1], 2);
        ck_assert_str_eq(c.first[1], "Súdwest-Fryslân");
    }
    /* Without its BOM: say so, rather than "a NUL byte". */
    size_t n = utf16(buf, text, true);
    expect_error(buf + 2, n - 2, "t.csv:1:1: file looks like UTF-16 text without a byte-order mark; "
                                 "save it as UTF-8, or as Unicode text with its BOM");
    /* A lone surrogate. */
    const char lone[] = "\xFF\xFE" "a\0\n\0\x00\xDC\n\0";
    expect_error(lone, sizeof lone - 1, "t.csv:2:1: column 'a': is not valid UTF-16 (a lone surrogate or an "
                                        "odd number of bytes)");
}
END_TEST

START_TEST(control_characters_are_rejected_where_they_stand)
{
    expect_error("a,b\n1,Azc\x1B[31mNoord\n", 19,
                 "t.csv:2:2: column 'b': value 'Azc<U+001B>[31mNoord' contains the control "
                 "character U+001B, which a cell may not hold");
    expect_error("a,b\n1,x\x07y\n", 10, "t.csv:2:2: column 'b': value 'x<U+0007>y' contains the "
                                        "control character U+0007, which a cell may not hold");
    expect_error("a,b\n1,x\xC2\x85y\n", 11, "t.csv:2:2: column 'b': value 'x<U+0085>y' contains "
                                            "the control character U+0085, which a cell may not "
                                            "hold");
    expect_error("a,b\n1,\"x\x7F\"\n", 10, "t.csv:2:2: column 'b': value 'x<U+007F>' contains the "
                                           "control character U+007F, which a cell may not hold");
    /* Every bad row is listed, and the reading goes on past them. */
    collect c;
    sw_diag d;
    const char text[] = "a,b\n1,\x1B\n2,\x1B\n3,ok\n";
    ck_assert_int_eq(read_text(&c, &d, text, sizeof text - 1), SW_EDATA);
    ck_assert_int_eq(d.total, 2);
    ck_assert_int_eq(c.records, 2); /* the header and "3,ok" */
    /* Tab, CR and LF in a quoted field become one space each. */
    const char ok[] = "a,b\n1,\"x\ty\r\nz\rw\"\n2,3\n";
    ck_assert_int_eq(read_text(&c, &d, ok, sizeof ok - 1), 0);
    ck_assert_str_eq(c.first[1], "x y  z w");
    ck_assert_int_eq(c.line[2], 5); /* CRLF is one line break, CR another */
}
END_TEST

/* The record of "a,b\n1,<field>\n" read back: its second field, or the
 * first message. */
static const char *read_field(char *out, size_t cap, const char *field, size_t len)
{
    char text[128];
    ck_assert_uint_lt(len + 8, sizeof text);
    memcpy(text, "a,b\n1,", 6);
    memcpy(text + 6, field, len);
    text[6 + len] = '\n';
    collect c;
    sw_diag d;
    if (read_text(&c, &d, text, len + 7) != 0)
        snprintf(out, cap, "%s", first_message(&d));
    else
        snprintf(out, cap, "%s", c.first[1]);
    return out;
}

START_TEST(fields_are_checked_at_every_byte)
{
    /* Fields are checked eight bytes at a time: a character that a cell may
     * not hold is found at every length and every place, in a word or in
     * the bytes after the last whole word. */
    for (size_t len = 1; len <= 24; len++)
        for (size_t at = 0; at < len; at++) {
            char field[32], got[512], want[512], shown[64];
            memset(field, 'x', len);
            memset(shown, 'x', len);
            shown[len] = '\0';
            field[at] = '\x01';
            snprintf(shown + at, sizeof shown - at, "<U+0001>%.*s", (int)(len - at - 1),
                     "xxxxxxxxxxxxxxxxxxxxxxxx");
            snprintf(want, sizeof want, "t.csv:2:2: column 'b': value '%s' contains the control "
                     "character U+0001, which a cell may not hold", shown);
            ck_assert_str_eq(read_field(got, sizeof got, field, len), want);
            field[at] = '\x7F';
            ck_assert_ptr_nonnull(strstr(read_field(got, sizeof got, field, len), "U+007F"));
            /* a tab inside a quoted field is a space, where it stands */
            char quoted[34];
            memset(field, 'x', len);
            field[at] = '\t';
            quoted[0] = '"';
            memcpy(quoted + 1, field, len);
            quoted[len + 1] = '"';
            field[at] = ' ';
            field[len] = '\0';
            ck_assert_str_eq(read_field(got, sizeof got, quoted, len + 2), field);
            /* a C1 control is two bytes; an accented letter is kept */
            if (at + 1 < len) {
                memset(field, 'x', len);
                memcpy(field + at, "\xC2\x85", 2);
                ck_assert_ptr_nonnull(strstr(read_field(got, sizeof got, field, len), "U+0085"));
                memcpy(field + at, "\xC3\xA9", 2);
                field[len] = '\0';
                ck_assert_str_eq(read_field(got, sizeof got, field, len), field);
            }
        }
}
END_TEST

START_TEST(encoding_errors_are_found_after_long_ascii_runs)
{
    /* ASCII passes eight bytes at a time: a NUL or a bad byte is still found
     * at every place, and located in its field. */
    for (size_t at = 0; at < 40; at++) {
        char text[64], want[160];
        size_t n = 0;
        n += (size_t)snprintf(text, sizeof text, "a,b\n1,");
        memset(text + n, 'y', 40);
        text[n + at] = '\0';
        snprintf(want, sizeof want, "t.csv:2:2: column 'b': file contains a NUL byte (not a text "
                 "file?)");
        expect_error(text, n + 40, want);
        text[n + at] = '\x81';
        expect_error(text, n + 40,
                     "t.csv:2:2: column 'b': byte 0x81 is neither UTF-8 nor Windows-1252 text");
        /* UTF-8 first, then a byte that is not: the file is UTF-8 */
        memcpy(text + n, "\xC3\xA9", 2);
        if (at >= 2) {
            expect_error(text, n + 40,
                         "t.csv:2:2: column 'b': byte 0x81 is neither UTF-8 nor Windows-1252 "
                         "text");
        }
    }
}
END_TEST

START_TEST(rows_of_only_delimiters_are_blank_lines)
{
    collect c;
    sw_diag d;
    const char text[] = ";;;\na;b;c\n1;2;3\n;;\n ; ; \n;;;;\n";
    ck_assert_int_eq(read_text(&c, &d, text, sizeof text - 1), 0);
    ck_assert_int_eq(c.delim, ';');
    ck_assert_int_eq(c.records, 2);
    ck_assert_int_eq(c.line[0], 2);
    ck_assert_int_eq(c.line[1], 3);
}
END_TEST

START_TEST(mixed_encodings_are_rejected_not_guessed)
{
    expect_error("a,b\n1,\xE9\n2,\xC3\xA9\n", 14,
                 "t.csv:3:2: column 'b': byte 0xC3 starts UTF-8 text after Windows-1252 text: the "
                 "file mixes two encodings; save it as UTF-8");
    expect_error("a,b\n1,\xC3\xA9\n2,\xE9\n", 14,
                 "t.csv:3:2: column 'b': byte 0xE9 is neither UTF-8 nor Windows-1252 text");
}
END_TEST

/* The records of a file, as one string, for comparing two reads. */
typedef struct transcript {
    char text[4096];
    size_t len;
} transcript;

static int record_all(void *ctx, const sw_csv_record *rec, sw_diag *diag)
{
    (void)diag;
    transcript *t = ctx;
    t->len += (size_t)snprintf(t->text + t->len, sizeof t->text - t->len, "%zu@%ld:", rec->index,
                               rec->line);
    for (size_t i = 0; i < rec->nfields; i++)
        t->len += (size_t)snprintf(t->text + t->len, sizeof t->text - t->len, "[%s@%ld]",
                                   rec->field[i], rec->field_line[i]);
    t->len += (size_t)snprintf(t->text + t->len, sizeof t->text - t->len, "\n");
    return 0;
}

START_TEST(any_split_into_blocks_reads_the_same)
{
    char u16[512];
    const char *texts[] = {
        "\xEF\xBB\xBF" "a;b\r\n\r\nGM0001;\"Nuenen,\r\nGerwen\"\r\nGM0002;S\xC3\xBA" "d\r\n",
        "naam,x\rS\xFA" "dwest-Frysl\xE2" "n,1\r\r\"q\"\"q\",2\r",
        "a,b\n1,\xF0\x9F\x98\x80\n,,\n2,\"\n\n\"\n3,4",
    };
    size_t lens[4] = {strlen(texts[0]), strlen(texts[1]), strlen(texts[2]), 0};
    lens[3] = utf16(u16, "a\tb\r\n1\tFryslân\r\n\r\n2\t\"x\r\ny\"\r\n", true);
    const char *all[4] = {texts[0], texts[1], texts[2], u16};
    unsigned seed = 12345;
    for (size_t k = 0; k < 4; k++) {
        transcript whole = {.len = 0}, parts;
        sw_diag d = {0};
        ck_assert_int_eq(sw_csv_read("t", all[k], lens[k], NULL, record_all, &whole, &d), 0);
        for (int round = 0; round < 200; round++) {
            memset(&parts, 0, sizeof parts);
            sw_csv_reader *r = NULL;
            ck_assert_int_eq(sw_csv_reader_new(&r, "t", NULL, record_all, &parts, &d), 0);
            for (size_t i = 0; i < lens[k];) {
                seed = seed * 1103515245u + 12345u;
                size_t step = 1 + (seed >> 16) % 7;
                if (step > lens[k] - i)
                    step = lens[k] - i;
                ck_assert_int_eq(sw_csv_reader_feed(r, all[k] + i, step), 0);
                i += step;
            }
            ck_assert_int_eq(sw_csv_reader_finish(r), 0);
            sw_csv_reader_free(r);
            ck_assert_str_eq(parts.text, whole.text);
        }
    }
    /* The first text, worked out by hand: the quoted CRLF is two spaces (one
     * a character), the record after it starts on line 5. */
    transcript t = {.len = 0};
    sw_diag d = {0};
    ck_assert_int_eq(sw_csv_read("t", texts[0], lens[0], NULL, record_all, &t, &d), 0);
    ck_assert_str_eq(t.text, "0@1:[a@1][b@1]\n1@3:[GM0001@3][Nuenen,  Gerwen@3]\n"
                             "2@5:[GM0002@5][S\xC3\xBA" "d@5]\n");
}
END_TEST

/* The records and first message of text read whole, or fed a byte at a
 * time (then no line is ever whole in a block, so libcsv reads them all). */
static void transcribe(transcript *t, const char *text, size_t len, bool bytewise)
{
    sw_diag d = {0};
    memset(t, 0, sizeof *t);
    sw_csv_reader *r = NULL;
    ck_assert_int_eq(sw_csv_reader_new(&r, "t", NULL, record_all, t, &d), 0);
    int rc = 0;
    for (size_t i = 0; i < len && rc == 0; i += bytewise ? 1 : len)
        rc = sw_csv_reader_feed(r, text + i, bytewise ? 1 : len);
    if (rc == 0)
        rc = sw_csv_reader_finish(r);
    sw_csv_reader_free(r);
    t->len += (size_t)snprintf(t->text + t->len, sizeof t->text - t->len, "rc=%d %s\n", rc,
                               d.count ? first_message(&d) : "");
}

START_TEST(plain_lines_are_cut_as_libcsv_cuts_them)
{
    /* Lines without a quote or a lone CR are cut by the reader itself; these
     * must read as libcsv reads them: blanks around fields, blank lines,
     * CRLF, quoted lines between plain ones, tabs, controls, the limits. */
    static char many[2 * SW_CSV_MAX_FIELDS + 16];
    memset(many, ',', sizeof many);
    memcpy(many, "a,b\n", 4);
    many[sizeof many - 2] = '\n';
    many[sizeof many - 1] = '\0';
    const char *texts[] = {
        "a,b,c\n 1 , 2 ,3\n\n  \n\t\n , x ,\n1,2,3\n",
        "a,b\r\n1,2\r\n\r\n  \r\n3,4\r\n",
        "a,b\n1,\"x\ny\"\n2,z\n\"3\",w\n4,v",
        "a\tb\n 1 \t 2 \n\t\n \t \nx y\tz\n",
        "a;b\n1;x\ty\n2;x\x01y\n3;\xC3\xA9\n",
        "a,b\n1,2\r3,4\n5,6\n",
        "a,b\n1,x\"y\n2,3\n",
        "a,b\n1,2,3\n4\n,,\n5,6,,\n",
        many,
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        transcript whole, bytes;
        transcribe(&whole, texts[k], strlen(texts[k]), false);
        transcribe(&bytes, texts[k], strlen(texts[k]), true);
        ck_assert_str_eq(whole.text, bytes.text);
    }
}
END_TEST

START_TEST(maps_columns_by_name_in_any_case_and_order)
{
    static const char *const n_a[] = {"inwoners", NULL};
    static const char *const n_b[] = {"ses_woa", NULL};
    static const char *const n_c[] = {"GemiddeldeScore*", NULL};
    const sw_csv_column cols[] = {{n_a, true}, {n_b, false}, {n_c, false}};
    const char *f[] = {"x", " INWONERS ", "GemiddeldeScore_29"};
    size_t len[] = {1, 10, 18};
    long fl[] = {1, 1, 1};
    sw_csv_record hdr = {0, 1, 3, f, len, fl, ','};
    long idx[3];
    sw_diag d = {0};
    ck_assert_int_eq(sw_csv_map_columns(idx, &hdr, cols, 3, "t.csv", &d), 0);
    ck_assert_int_eq(idx[0], 1);
    ck_assert_int_eq(idx[1], -1);
    ck_assert_int_eq(idx[2], 2);
    const char *g[] = {"inwoners", "inwoners"};
    size_t glen[] = {8, 8};
    sw_csv_record dup = {0, 1, 2, g, glen, fl, ','};
    ck_assert_int_eq(sw_csv_map_columns(idx, &dup, cols, 1, "t.csv", &d), SW_EDATA);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("csv");
    TCase *tc = tcase_create("read");
    tcase_add_test(tc, reads_bom_crlf_semicolons_and_quotes);
    tcase_add_test(tc, transcodes_windows_1252);
    tcase_add_test(tc, detects_tab_delimiter_and_keeps_spaces_inside);
    tcase_add_test(tc, counts_physical_lines_across_blank_lines_and_newlines_in_quotes);
    tcase_add_test(tc, accepts_trailing_empty_columns);
    tcase_add_test(tc, accepts_trailing_empty_header_columns);
    tcase_add_test(tc, rejects_bidi_controls_only);
    tcase_add_test(tc, skips_any_number_of_blank_lines_before_the_header);
    tcase_add_test(tc, rejects_malformed_files_with_located_messages);
    tcase_add_test(tc, undefined_windows_1252_byte_is_rejected);
    tcase_add_test(tc, enforces_the_field_limit);
    tcase_add_test(tc, maps_columns_by_name_in_any_case_and_order);
    tcase_add_test(tc, reads_utf16_with_a_bom_like_utf8);
    tcase_add_test(tc, control_characters_are_rejected_where_they_stand);
    tcase_add_test(tc, rows_of_only_delimiters_are_blank_lines);
    tcase_add_test(tc, mixed_encodings_are_rejected_not_guessed);
    tcase_add_test(tc, any_split_into_blocks_reads_the_same);
    tcase_add_test(tc, fields_are_checked_at_every_byte);
    tcase_add_test(tc, encoding_errors_are_found_after_long_ascii_runs);
    tcase_add_test(tc, plain_lines_are_cut_as_libcsv_cuts_them);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
