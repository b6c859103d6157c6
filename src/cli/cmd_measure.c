/* spreiding progress, grants, explain and report: one library pipeline
 * (sw_measurement_compute), four reports. */
#include <string.h>
#include <sysexits.h>

#include "cli.h"

static int build(sw_report **r, const cli_options *o, const sw_measurement *m,
                 const cli_run *run, long gemeente, const cli_context *c, sw_diag *diag)
{
    if (o->tijdlijn_text)
        return cli_timeline_report(r, o, m, run, &c->ctx, diag);
    switch (o->command) {
    case CMD_PROGRESS:
        return sw_report_progress(r, m->progress, m->alloc, run->reg, run->cycle, &c->ctx, diag);
    case CMD_GRANTS:
        return sw_report_grants(r, m->grants, m->alloc, run->reg, run->cycle, &c->ctx, diag);
    case CMD_EXPLAIN:
        return sw_report_explain(r, (size_t)gemeente, m->progress, m->grants, m->alloc, m->kept,
                                 run->reg, run->cycle, &c->ctx, diag);
    default:
        return sw_report_overview(r, m->progress, m->grants, m->kso, m->alloc, run->reg,
                                  run->cycle, &c->ctx, diag);
    }
}

int cmd_measure(const cli_options *o)
{
    if (o->vergelijk || o->has_vergelijk_peildatum)
        return cmd_compare(o);
    if (o->opgave && (o->ses || o->inwoners)) {
        /* Scores and population only feed the allocation, which an opgave
         * file replaces. */
        cli_error("--opgave gives the opgave per gemeente, so --ses and --inwoners (which feed "
                  "the allocation) have no effect with it");
        return EX_USAGE;
    }
    cli_run run;
    cli_input loc_in = {0}, opgave_in = {0};
    cli_lists lists;
    sw_opgave *opgave = NULL;
    sw_measurement *m = NULL;
    sw_map *map = NULL;
    sw_report *r = NULL;
    sw_diag diag = {0};
    sw_measure_options mo;
    int rc = cli_load_run(&run, o), e = 0;
    long gemeente = -1;
    if (rc == 0 && o->command == CMD_EXPLAIN) {
        if ((gemeente = sw_register_lookup(run.reg, o->gemeente)) < 0) {
            char both[256];
            const char *near = cli_closest_gemeente(run.reg, o->gemeente, both, sizeof both);
            if (near)
                cli_error("explain: '%s' is not a gemeente of the register; did you mean %s?",
                          o->gemeente, near);
            else
                cli_error("explain: '%s' is not a gemeente of the register (give its code, "
                          "GMxxxx, or its name)",
                          o->gemeente);
            rc = EX_USAGE;
        }
    }
    if (rc == 0)
        e = cli_measure_options(&mo, &lists, o, &run, &diag);
    if (rc == 0 && e == 0)
        rc = cli_load_opgave(&opgave, &opgave_in, o, &run, &diag);
    if (rc == 0 && e != 0)
        rc = cli_fail(e, &diag);
    if (rc == 0) {
        /* grants needs the money; report and explain show it when the cycle
         * has its tariffs, and say why not otherwise */
        mo.with_grants = o->command == CMD_GRANTS ||
                         ((o->command & (CMD_EXPLAIN | CMD_REPORT)) &&
                          sw_cycle_can_pay(run.cycle, o->grants.grondslag));
        mo.with_kso = o->command == CMD_REPORT && !o->tijdlijn_text; /* the overview's table */
        mo.with_kso_series = o->kso;
        mo.keep_gemeente = gemeente;
        rc = cli_measure_run(&m, &loc_in, o, &run, opgave, &mo, &diag);
    }
    if (rc == 0 && o->command == CMD_REPORT)
        rc = cli_load_map(&map, o, run.reg);
    if (rc == 0) {
        cli_context c;
        cli_context_init(&c, &run, &loc_in, &opgave_in);
        c.ctx.map = map;
        e = build(&r, o, m, &run, gemeente, &c, &diag);
        rc = e ? cli_fail(e, &diag) : cli_emit_report(r, o);
    }
    sw_report_free(r);
    sw_map_free(map);
    sw_measurement_free(m);
    sw_opgave_free(opgave);
    cli_input_free(&loc_in);
    cli_input_free(&opgave_in);
    cli_run_free(&run);
    return rc;
}
