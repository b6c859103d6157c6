/* spreiding progress, grants, explain and report: one library pipeline
 * (sw_measure), four reports. */
#include <string.h>
#include <sysexits.h>

#include "cli.h"

typedef struct stream {
    sw_measurement *m;
    int e; /* the library's error, when it stopped the stream */
} stream;

static int feed(void *ctx, const char *data, size_t len)
{
    stream *s = ctx;
    return s->e = sw_measure_feed(s->m, data, len);
}

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
        return sw_report_overview(r, m->progress, m->grants, m->alloc, run->reg, run->cycle,
                                  &c->ctx, diag);
    }
}

int cmd_measure(const cli_options *o)
{
    cli_run run;
    cli_input loc_in = {0}, opgave_in = {0};
    sw_opgave *opgave = NULL;
    sw_measurement *m = NULL;
    sw_report *r = NULL;
    sw_diag diag = {0};
    sw_budget budget[CLI_MAX_LIST];
    sw_what_if what_if[CLI_MAX_LIST];
    if (o->vergelijk || o->has_vergelijk_peildatum)
        return cmd_compare(o);
    if (o->opgave && (o->ses || o->inwoners)) {
        /* Scores and population only feed the allocation, which an opgave
         * file replaces. */
        cli_error("--opgave gives the opgave per gemeente, so --ses and --inwoners (which feed "
                  "the allocation) have no effect with it");
        return EX_USAGE;
    }
    int rc = cli_load_run(&run, o), e = 0;
    long gemeente = -1;
    if (rc == 0 && o->command == CMD_EXPLAIN) {
        const char *why;
        int code;
        if (sw_parse_gemeentecode(&code, o->gemeente, strlen(o->gemeente), &why) != 0 ||
            (gemeente = sw_register_find(run.reg, code)) < 0) {
            cli_error("explain: '%s' is not a gemeente of the register", o->gemeente);
            rc = EX_USAGE;
        }
    }
    for (size_t k = 0; rc == 0 && e == 0 && k < o->nbudget; k++)
        e = sw_budget_parse(&budget[k], run.cycle, o->budget[k], &diag);
    for (size_t k = 0; rc == 0 && e == 0 && k < o->nwhat_if; k++)
        e = sw_what_if_parse(&what_if[k], run.reg, o->what_if[k], &diag);
    if (rc == 0 && e == 0 && o->opgave && (rc = cli_read_input(&opgave_in, o->opgave, NULL)) == 0) {
        sw_csv_options copt = SW_CSV_OPTIONS_INIT;
        copt.delimiter = o->delimiter;
        e = sw_opgave_load(&opgave, run.reg, run.cycle, opgave_in.name, opgave_in.data, opgave_in.len, &copt,
                           &diag);
    }
    if (rc == 0 && e == 0) {
        sw_measure_options mo = SW_MEASURE_OPTIONS_INIT;
        mo.alloc = o->alloc;
        mo.progress = o->progress;
        mo.progress.what_if = what_if;
        mo.progress.nwhat_if = o->nwhat_if;
        mo.grants = o->grants;
        mo.grants.budget = budget;
        mo.grants.nbudget = o->nbudget;
        /* grants needs the money; report and explain show it when the cycle
         * has its tariffs, and say why not otherwise */
        mo.with_grants = o->command == CMD_GRANTS ||
                         ((o->command & (CMD_EXPLAIN | CMD_REPORT)) &&
                          sw_cycle_can_pay(run.cycle, o->grants.grondslag));
        mo.keep_gemeente = gemeente;
        mo.csv.delimiter = o->delimiter;
        const char *name = !o->locaties ? NULL : strcmp(o->locaties, "-") ? o->locaties : "<stdin>";
        e = sw_measure_new(&m, run.reg, run.cycle, opgave, name, &mo, &diag);
    }
    if (rc == 0 && e == 0 && o->locaties) {
        stream s = {m, 0};
        rc = cli_stream_input(&loc_in, o->locaties, feed, &s);
        e = s.e;
    }
    if (rc == 0 && e == 0)
        e = sw_measure_finish(m);
    if (rc == 0 && e == 0) {
        cli_context c;
        cli_context_init(&c, &run, &loc_in, &opgave_in);
        e = build(&r, o, m, &run, gemeente, &c, &diag);
    }
    if (rc == 0)
        rc = e ? cli_fail(e, &diag) : cli_emit_report(r, o);
    sw_report_free(r);
    sw_measure_free(m);
    sw_opgave_free(opgave);
    cli_input_free(&loc_in);
    cli_input_free(&opgave_in);
    cli_run_free(&run);
    return rc;
}
