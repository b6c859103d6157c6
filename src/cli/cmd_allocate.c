/* spreiding allocate: the opgave per gemeente and per province. */
#include "cli.h"

int cmd_allocate(const cli_options *o)
{
    cli_run run;
    int rc = cli_load_run(&run, o);
    sw_allocation *a = NULL;
    sw_report *r = NULL;
    if (rc == 0) {
        sw_diag diag = {0};
        int e = sw_allocate(&a, run.reg, run.cycle, &o->alloc, &diag);
        if (e != 0) {
            cli_print_diag(&diag);
            rc = cli_exit_code(e);
        }
    }
    if (rc == 0) {
        cli_digests d;
        sw_report_context ctx = cli_context(&run, NULL, o, &d);
        int e = sw_report_allocation(&r, a, run.reg, run.cycle, &ctx);
        rc = e ? cli_exit_code(e) : cli_emit_report(r, o);
    }
    sw_report_free(r);
    sw_allocation_free(a);
    cli_run_free(&run);
    return rc;
}
