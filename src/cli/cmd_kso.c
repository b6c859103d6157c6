/* spreiding kso: small-scale reception (kleinschalige opvang), the overview
 * the minister's letter promises, read as a stream and summarised by the
 * library (kso.h). */
#include <stdbool.h>
#include <string.h>

#include "cli.h"

typedef struct stream {
    sw_kso *k;
    int e; /* the library's error, when it stopped the stream */
} stream;

static int feed(void *ctx, const char *data, size_t len)
{
    stream *s = ctx;
    return s->e = sw_kso_feed(s->k, data, len);
}

int cmd_kso(const cli_options *o)
{
    cli_run run;
    cli_input loc_in = {0};
    sw_kso *k = NULL;
    sw_report *r = NULL;
    sw_diag diag = {0};
    int rc = cli_load_run(&run, o), e = 0;
    if (rc == 0) {
        sw_kso_options ko = SW_KSO_OPTIONS_INIT;
        ko.progress = o->progress;
        /* The rows are held only for the listing, which is asked for by name. */
        ko.keep_rows = o->tabel && strcmp(o->tabel, "locaties") == 0;
        ko.csv.delimiter = o->delimiter;
        const char *name = strcmp(o->locaties, "-") ? o->locaties : "<stdin>";
        e = sw_kso_new(&k, run.reg, run.cycle, name, &ko, &diag);
    }
    if (rc == 0 && e == 0) {
        stream s = {k, 0};
        rc = cli_stream_input(&loc_in, o->locaties, cli_shows_digests(o), feed, &s);
        e = s.e;
    }
    if (rc == 0 && e == 0)
        e = sw_kso_finish(k);
    if (rc == 0 && e == 0) {
        cli_context c;
        cli_context_init(&c, &run, &loc_in, NULL);
        e = sw_report_kso(&r, k, run.reg, run.cycle, &c.ctx, &diag);
    }
    if (rc == 0 && e != 0)
        rc = cli_fail(e, &diag);
    if (rc == 0) {
        /* CSV is one bare table; the overview's is the one per province. */
        cli_options shown = *o;
        if (!shown.tabel && !shown.provincies && shown.format && !strcmp(shown.format, "csv"))
            shown.tabel = "provincies";
        rc = cli_emit_report(r, &shown);
    }
    sw_report_free(r);
    sw_kso_free(k);
    cli_input_free(&loc_in);
    cli_run_free(&run);
    return rc;
}
