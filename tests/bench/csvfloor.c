/* What libcsv alone costs: the file parsed with the options spreiding uses,
 * callbacks that only count. No program that hands every byte to libcsv can
 * be faster than this. Usage: csvfloor FILE */
#include <csv.h>
#include <stdio.h>

static size_t fields, records;

static void on_field(void *s, size_t len, void *data)
{
    (void)s;
    (void)len;
    (void)data;
    fields++;
}

static void on_record(int c, void *data)
{
    (void)c;
    (void)data;
    records++;
}

int main(int argc, char **argv)
{
    static char block[256 * 1024];
    FILE *f = argc == 2 ? fopen(argv[1], "rb") : NULL;
    struct csv_parser p;
    if (!f || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL |
                               CSV_REPALL_NL) != 0) {
        fprintf(stderr, "usage: csvfloor FILE\n");
        return 66;
    }
    size_t n;
    while ((n = fread(block, 1, sizeof block, f)) > 0)
        if (csv_parse(&p, block, n, on_field, on_record, NULL) != n) {
            fprintf(stderr, "csvfloor: %s\n", csv_strerror(csv_error(&p)));
            return 65;
        }
    csv_fini(&p, on_field, on_record, NULL);
    csv_free(&p);
    fclose(f);
    printf("%zu fields, %zu records\n", fields, records);
    return 0;
}
