/* spreiding progress|grants --vergelijk OLD and/or --vergelijk-peildatum
 * DATE: the same run on two sides (compare.h). The old side is OLD (or the
 * same locations file) at DATE (or the same peildatum), without --what-if
 * and --include-planned, which are the new side's; everything else is
 * shared. One register at two dates is read once, fed to both sides. */
#include <string.h>
#include <sysexits.h>

#include "cli.h"

typedef struct feed_to {
    sw_measurement *a, *b; /* b may be NULL */
    int e;                 /* the library's error, when it stopped the stream */
} feed_to;

static int feed(void *ctx, const char *data, size_t len)
{
    feed_to *f = ctx;
    f->e = sw_measurement_feed(f->a, data, len);
    if (f->e == 0 && f->b)
        f->e = sw_measurement_feed(f->b, data, len);
    return f->e;
}

static const char *shown_name(const char *path)
{
    return !path ? NULL : strcmp(path, "-") == 0 ? "<stdin>" : path;
}

int cmd_compare(const cli_options *o)
{
    if (o->opgave && (o->ses || o->inwoners)) {
        cli_error("--opgave gives the opgave per gemeente, so --ses and --inwoners (which feed "
                  "the allocation) have no effect with it");
        return EX_USAGE;
    }
    /* --vergelijk is an input like the others: main's cli_check_output keeps
     * -o off it, and cli_load_run allows one stdin among them all. */
    cli_run run;
    cli_input new_in = {0}, old_in = {0}, opgave_in = {0};
    sw_opgave *opgave = NULL;
    sw_measurement *m_old = NULL, *m_new = NULL;
    sw_comparison *cmp = NULL;
    sw_report *r = NULL;
    sw_diag diag = {0};
    cli_lists lists;
    sw_measure_options mo;
    int e = 0;
    int rc = cli_load_run(&run, o);
    if (rc == 0)
        e = cli_measure_options(&mo, &lists, o, &run, &diag);
    if (rc == 0 && e == 0)
        rc = cli_load_opgave(&opgave, &opgave_in, o, &run, &diag);
    /* Locations are matched (and so kept) only when their table is asked for. */
    bool locaties = o->tabel && strcmp(o->tabel, "locaties") == 0;
    const char *new_name = shown_name(o->locaties);
    const char *old_name = o->vergelijk ? shown_name(o->vergelijk) : new_name;
    if (rc == 0 && e == 0) {
        mo.with_grants = o->command == CMD_GRANTS;
        mo.keep_all = locaties;
        e = sw_measurement_new(&m_new, run.reg, run.cycle, opgave, new_name, &mo, &diag);
        /* The old side: the baseline, at its own date. */
        mo.progress.what_if = NULL;
        mo.progress.nwhat_if = 0;
        mo.progress.include_planned = false;
        if (o->has_vergelijk_peildatum) {
            mo.progress.has_peildatum = true;
            mo.progress.peildatum = o->vergelijk_peildatum;
        }
        /* One file at two dates: its rows are kept once, by the new side. */
        mo.keep_all = locaties && o->vergelijk;
        if (e == 0)
            e = sw_measurement_new(&m_old, run.reg, run.cycle, opgave, old_name, &mo, &diag);
    }
    if (rc == 0 && e == 0 && o->vergelijk) {
        feed_to f = {m_old, NULL, 0};
        rc = cli_stream_input(&old_in, o->vergelijk, cli_shows_digests(o), feed, &f);
        e = f.e;
    }
    if (rc == 0 && e == 0) {
        feed_to f = {m_new, o->vergelijk ? NULL : m_old, 0};
        rc = cli_stream_input(&new_in, o->locaties, cli_shows_digests(o), feed, &f);
        e = f.e;
    }
    if (rc == 0 && e == 0)
        e = sw_measurement_finish(m_old);
    if (rc == 0 && e == 0)
        e = sw_measurement_finish(m_new);
    if (rc == 0 && e == 0) {
        sw_compare_options co = {locaties, !o->vergelijk};
        e = sw_compare(&cmp, m_old, m_new, &co, &diag);
    }
    if (rc == 0 && e == 0) {
        cli_context c;
        cli_context_init(&c, &run, &new_in, &opgave_in);
        const cli_input *old = o->vergelijk ? &old_in : &new_in;
        sw_compare_report_options ro = {old->name, old->sha256, new_in.sha256, cli_for_people(o),
                                        o->alles};
        e = sw_report_compare(&r, cmp, &c.ctx, &ro, &diag);
    }
    if (rc == 0)
        rc = e ? cli_fail(e, &diag) : cli_emit_report(r, o);
    sw_report_free(r);
    sw_comparison_free(cmp);
    sw_measurement_free(m_old);
    sw_measurement_free(m_new);
    sw_opgave_free(opgave);
    cli_input_free(&old_in);
    cli_input_free(&new_in);
    cli_input_free(&opgave_in);
    cli_run_free(&run);
    return rc;
}
