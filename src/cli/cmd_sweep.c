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
        if (sw_parse_count(&v[k], p, len, &why) != 0 || (!end && k == 0))
            break;
        if (!end)
            return 0;
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
    sw_diag diag = {0};
    if (rc == 0) {
        int e = sw_sweep_compute(&s, run.reg, run.cycle, &o->alloc, range[0], range[1], range[2],
                                 o->gemeenten_detail, &diag);
        if (e == 0) {
            cli_context c;
            cli_context_init(&c, &run, NULL, NULL);
            e = sw_report_sweep(&r, s, run.reg, run.cycle, &c.ctx, &diag);
        }
        rc = e ? cli_fail(e, &diag) : cli_emit_report(r, o);
    }
    sw_report_free(r);
    sw_sweep_free(s);
    cli_run_free(&run);
    return rc;
}
