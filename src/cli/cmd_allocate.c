/* spreiding allocate: the opgave per gemeente and per province. */
#include "cli.h"

int cmd_allocate(const cli_options *o)
{
    cli_run run;
    int rc = cli_load_run(&run, o);
    sw_allocation *a = NULL;
    sw_report *r = NULL;
    sw_diag diag = {0};
    if (rc == 0) {
        int e = sw_allocation_compute(&a, run.reg, run.cycle, &o->alloc, &diag);
        if (e == 0) {
            cli_context c;
            cli_context_init(&c, &run, NULL, NULL);
            e = sw_report_allocation(&r, a, run.reg, run.cycle, &c.ctx, &diag);
        }
        rc = e ? cli_fail(e, &diag) : cli_emit_report(r, o);
    }
    sw_report_free(r);
    sw_allocation_free(a);
    cli_run_free(&run);
    return rc;
}
