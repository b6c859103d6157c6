/* spreiding progress, grants and explain: one pipeline, three reports. */
#include <string.h>
#include <sysexits.h>

#include "cli.h"

typedef enum { PROGRESS, GRANTS, EXPLAIN, REPORT } which;

static int run(const cli_options *o, which w)
{
    cli_run r;
    cli_measure m;
    memset(&m, 0, sizeof m);
    int rc = cli_load_run(&r, o);
    long g = -1;
    if (rc == 0 && w == EXPLAIN) {
        const char *why;
        int code;
        if (sw_parse_gemeentecode(&code, o->gemeente, strlen(o->gemeente), &why) != 0 ||
            (g = sw_register_find(r.reg, code)) < 0) {
            cli_error("explain: '%s' is not a gemeente of the register", o->gemeente);
            rc = EX_USAGE;
        }
    }
    if (rc == 0)
        rc = cli_measure_run(&m, &r, o);
    if (rc == 0 && w == EXPLAIN && m.progress->prov_of[g] < 0) {
        cli_error("explain: %s does not take part in this run (not in the opgave file)",
                  o->gemeente);
        rc = EX_USAGE;
    }
    sw_report *rep = NULL;
    if (rc == 0) {
        cli_digests d;
        sw_report_context ctx = cli_context(&r, &m, o, &d);
        int e = w == PROGRESS ? sw_report_progress(&rep, m.progress, m.alloc, r.reg, r.cycle, &ctx)
                : w == GRANTS ? sw_report_grants(&rep, m.grants, m.alloc, r.reg, r.cycle, &ctx)
                : w == REPORT ? sw_report_overview(&rep, m.grants, m.alloc, r.reg, r.cycle, &ctx)
                              : sw_report_explain(&rep, (size_t)g, m.grants, m.alloc, m.loc,
                                                  r.reg, r.cycle, &ctx);
        if (e)
            cli_error("%s", sw_strerror(e));
        rc = e ? cli_exit_code(e) : cli_emit_report(rep, o);
    }
    sw_report_free(rep);
    cli_measure_free(&m);
    cli_run_free(&r);
    return rc;
}

int cmd_progress(const cli_options *o) { return run(o, PROGRESS); }
int cmd_grants(const cli_options *o) { return run(o, GRANTS); }
int cmd_explain(const cli_options *o) { return run(o, EXPLAIN); }
int cmd_report(const cli_options *o) { return run(o, REPORT); }
