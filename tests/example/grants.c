/* The art. 9 grants of a cycle, as `spreiding grants -f csv` writes them,
 * through libspreiding's public API only: what a program that links the
 * installed library (pkg-config spreiding) needs to do.
 *
 * Usage: grants CYCLE.csv GEMEENTEN.csv LOCATIES.csv > grants.csv
 *
 * The steps: load the cycle and the register, let the cycle take its
 * province names from the register, measure the locations against the
 * opgave (allocation, counting, the 75 % test and the grants in one call),
 * build the report and write its `gemeenten` table as CSV. Every error is
 * printed from the library's sw_diag, located by file, line and column. */
#include <stdio.h>
#include <stdlib.h>

#include <spreiding/spreiding.h>

/* The whole file, or NULL (said on stderr). */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return NULL;
    }
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    if (!buf || ferror(f)) {
        fprintf(stderr, "%s: cannot read\n", path);
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

static int to_stdout(void *ctx, const char *data, size_t len)
{
    (void)ctx;
    return fwrite(data, 1, len, stdout) == len ? 0 : SW_EIO;
}

static int fail(int e, const sw_diag *diag)
{
    for (size_t i = 0; i < diag->count; i++) {
        char line[1024];
        sw_diag_format(line, sizeof line, &diag->entries[i]);
        fprintf(stderr, "grants: %s\n", line);
    }
    if (diag->count == 0)
        fprintf(stderr, "grants: %s\n", sw_strerror(e));
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: grants CYCLE.csv GEMEENTEN.csv LOCATIES.csv\n");
        return 2;
    }
    size_t ncycle, nreg, nloc;
    char *cycle_text = slurp(argv[1], &ncycle);
    char *reg_text = cycle_text ? slurp(argv[2], &nreg) : NULL;
    char *loc_text = reg_text ? slurp(argv[3], &nloc) : NULL;
    if (!loc_text) {
        free(cycle_text);
        free(reg_text);
        return 1;
    }
    sw_diag diag = {0};
    sw_cycle *cy = NULL;
    sw_register *reg = NULL;
    sw_measurement *m = NULL;
    sw_report *r = NULL;
    int e = sw_cycle_load(&cy, argv[1], cycle_text, ncycle, NULL, &diag);
    if (e == 0)
        e = sw_register_load(&reg, argv[2], reg_text, nreg, NULL, &diag);
    if (e == 0)
        e = sw_cycle_adopt_provinces(cy, reg);
    if (e == 0) {
        sw_measure_options opt = SW_MEASURE_OPTIONS_INIT;
        opt.with_grants = true;
        e = sw_measurement_compute(&m, reg, cy, NULL, argv[3], loc_text, nloc, &opt, &diag);
    }
    if (e == 0) {
        sw_report_context ctx = {.version = sw_version(),
                                 .cycle_file = argv[1],
                                 .register_file = argv[2],
                                 .locaties_file = argv[3]};
        e = sw_report_grants(&r, m->grants, m->alloc, reg, cy, &ctx, &diag);
    }
    if (e == 0) {
        const char *tables[] = {"gemeenten", NULL};
        sw_write_options wo = SW_WRITE_OPTIONS_INIT;
        wo.tables = tables;
        sw_sink out = {to_stdout, NULL};
        e = sw_write_csv(&out, r, &wo);
    }
    int status = e == 0 ? (fflush(stdout) == 0 ? 0 : 1) : fail(e, &diag);
    sw_report_free(r);
    sw_measurement_free(m);
    sw_register_free(reg);
    sw_cycle_free(cy);
    free(loc_text);
    free(reg_text);
    free(cycle_text);
    return status;
}
