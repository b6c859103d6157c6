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
    ck_assert_str_eq(c.first[1], "two\nlines");
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

static void expect_error(const char *text, size_t len, const char *message)
{
    collect c;
    sw_diag d;
    ck_assert_int_ne(read_text(&c, &d, text, len), 0);
    ck_assert_str_eq(first_message(&d), message);
}

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
    ck_assert_str_eq(first_message(&d), "t.csv:2:1: column 'a': field is 10000 bytes long; the limit is 1024");
    free(text);
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
    tcase_add_test(tc, rejects_malformed_files_with_located_messages);
    tcase_add_test(tc, undefined_windows_1252_byte_is_rejected);
    tcase_add_test(tc, enforces_the_field_limit);
    tcase_add_test(tc, maps_columns_by_name_in_any_case_and_order);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
