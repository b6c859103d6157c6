/* What every command that counts places does before its report: the
 * options in the library's terms, then the locations streamed through
 * sw_measurement_compute. */
#include <string.h>
#include <sysexits.h>

#include "cli.h"

int cli_measure_options(sw_measure_options *mo, cli_lists *lists, const cli_options *o,
                        const cli_run *run, sw_diag *diag)
{
    *mo = (sw_measure_options)SW_MEASURE_OPTIONS_INIT;
    int e = 0;
    for (size_t k = 0; e == 0 && k < o->nbudget; k++)
        e = sw_budget_parse(&lists->budget[k], run->cycle, o->budget[k], diag);
    for (size_t k = 0; e == 0 && k < o->nwhat_if; k++)
        e = sw_what_if_parse(&lists->what_if[k], run->reg, o->what_if[k], diag);
    mo->alloc = o->alloc;
    mo->progress = o->progress;
    mo->progress.what_if = lists->what_if;
    mo->progress.nwhat_if = o->nwhat_if;
    mo->grants = o->grants;
    mo->grants.budget = lists->budget;
    mo->grants.nbudget = o->nbudget;
    mo->csv.delimiter = o->delimiter;
    return e;
}

int cli_load_opgave(sw_opgave **opgave, cli_input *in, const cli_options *o, const cli_run *run,
                    sw_diag *diag)
{
    *opgave = NULL;
    if (!o->opgave)
        return 0;
    int rc = cli_read_input(in, o->opgave, NULL);
    if (rc != 0)
        return rc;
    sw_csv_options copt = SW_CSV_OPTIONS_INIT;
    copt.delimiter = o->delimiter;
    int e = sw_opgave_load(opgave, run->reg, run->cycle, in->name, in->data, in->len, &copt, diag);
    return e == 0 ? 0 : cli_fail(e, diag);
}

typedef struct stream {

    sw_measurement *m;
    int e; /* the library's error, when it stopped the stream */
} stream;

static int feed(void *ctx, const char *data, size_t len)
{
    stream *s = ctx;
    return s->e = sw_measurement_feed(s->m, data, len);
}

int cli_measure_run(sw_measurement **m, cli_input *loc_in, const cli_options *o,
                    const cli_run *run, const sw_opgave *opgave, const sw_measure_options *mo,
                    sw_diag *diag)
{
    *m = NULL;
    const char *name = !o->locaties ? NULL : strcmp(o->locaties, "-") ? o->locaties : "<stdin>";
    int e = sw_measurement_new(m, run->reg, run->cycle, opgave, name, mo, diag);
    if (e == 0 && o->locaties) {
        stream s = {*m, 0};
        int rc = cli_stream_input(loc_in, o->locaties, cli_shows_digests(o), feed, &s);
        if (rc != 0)
            return rc;
        e = s.e;
    }
    if (e == 0)
        e = sw_measurement_finish(*m);
    if (e == 0)
        return 0;
    int rc = cli_fail(e, diag);
    if (mo->with_grants && !sw_cycle_can_pay(run->cycle, mo->grants.grondslag)) {
        /* The library says what is missing; the program knows which of its
         * own cycles have it. */
        char paying[64];
        cli_embedded_cycles(paying, sizeof paying, true);
        if (strcmp(paying, "none") != 0)
            cli_error("the built-in cycles with their tariffs: %s (--cycle YEAR)", paying);
    }
    return rc;
}
