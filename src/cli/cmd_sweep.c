/* spreiding sweep: the allocation for every capacity of a range. */
#include <string.h>
#include <sysexits.h>

#include "cli.h"

/* FROM:TO[:STEP], each a count. */
static int parse_range(const char *text, int64_t v[3])
{
    const char *p = text;
    v[2] = 1;
    for (int k = 0; k < 3; k++) {
        const char *end = strchr(p, ':');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const char *why;
        if (sw_parse_count(&v[k], p, len, &why) != 0) {
            cli_error("--capaciteit: '%s' is not FROM:TO[:STEP]", text);
            return EX_USAGE;
        }
        if (!end) {
            if (k == 0) {
                cli_error("--capaciteit: '%s' is not FROM:TO[:STEP]", text);
                return EX_USAGE;
            }
            return 0;
        }
        p = end + 1;
    }
    cli_error("--capaciteit: '%s' is not FROM:TO[:STEP]", text);
    return EX_USAGE;
}

int cmd_sweep(const cli_options *o)
{
    int64_t range[3];
    int rc = parse_range(o->capaciteit, range);
    if (rc != 0)
        return rc;
    cli_run run;
    rc = cli_load_run(&run, o);
    sw_sweep *s = NULL;
    sw_report *r = NULL;
    if (rc == 0) {
        sw_diag diag = {0};
        int e = sw_sweep_run(&s, run.reg, run.cycle, &o->alloc, range[0], range[1], range[2],
                             o->gemeenten_detail, &diag);
        if (e != 0) {
            cli_print_diag(&diag);
            rc = cli_exit_code(e);
        }
    }
    if (rc == 0) {
        cli_digests d;
        sw_report_context ctx = cli_context(&run, NULL, o, &d);
        int e = sw_report_sweep(&r, s, run.reg, run.cycle, &ctx);
        rc = e ? cli_exit_code(e) : cli_emit_report(r, o);
    }
    sw_report_free(r);
    sw_sweep_free(s);
    cli_run_free(&run);
    return rc;
}
