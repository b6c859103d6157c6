/* The pipeline of progress, grants and explain: locations, opgave (from a
 * file or from the allocation), counting, grants. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cli.h"

static int report_diag(int e, const sw_diag *diag)
{
    if (diag->count)
        cli_print_diag(diag);
    else
        cli_error("%s", sw_strerror(e));
    return cli_exit_code(e);
}

/* --budget PV=EUR: a province code or name, '=', euros. */
static int parse_budgets(cli_measure *m, const cli_run *run, const cli_options *o)
{
    for (size_t k = 0; k < o->nbudget; k++) {
        const char *arg = o->budget[k], *eq = strrchr(arg, '=');
        char prov[128];
        size_t plen = eq ? (size_t)(eq - arg) : 0;
        const char *why = "has no '='";
        if (!eq || plen >= sizeof prov) {
            cli_error("--budget: '%s' is not PROVINCIE=EUR", arg);
            return EX_USAGE;
        }
        memcpy(prov, arg, plen);
        prov[plen] = '\0';
        int code = sw_cycle_lookup_provincie(run->cycle, prov);
        if (code < 0) {
            cli_error("--budget: '%s' is not a province code or name", prov);
            return EX_USAGE;
        }
        if (sw_parse_cents(&m->budget[k].cents, eq + 1, strlen(eq + 1), &why) != 0) {
            cli_error("--budget: '%s' %s", eq + 1, why);
            return EX_USAGE;
        }
        m->budget[k].provincie = code;
    }
    return 0;
}

/* --what-if GMxxxx=+N. */
static int parse_what_ifs(cli_measure *m, const cli_run *run, const cli_options *o)
{
    for (size_t k = 0; k < o->nwhat_if; k++) {
        const char *arg = o->what_if[k], *eq = strchr(arg, '=');
        const char *why;
        int code;
        if (!eq || sw_parse_gemeentecode(&code, arg, (size_t)(eq - arg), &why) != 0) {
            cli_error("--what-if: '%s' is not GMxxxx=+N", arg);
            return EX_USAGE;
        }
        long g = sw_register_find(run->reg, code);
        if (g < 0) {
            cli_error("--what-if: GM%04d is not a gemeente of the register", code);
            return EX_USAGE;
        }
        const char *n = eq[1] == '+' ? eq + 2 : eq + 1;
        int64_t v;
        if (sw_parse_count(&v, n, strlen(n), &why) != 0 || v == 0) {
            cli_error("--what-if: '%s' is not a positive number of places", eq + 1);
            return EX_USAGE;
        }
        m->what_if[k] = (sw_what_if){(int32_t)g, v};
    }
    return 0;
}

int cli_measure_run(cli_measure *m, const cli_run *run, const cli_options *o)
{
    memset(m, 0, sizeof *m);
    if ((o->locaties && !strcmp(o->locaties, "-")) + (o->opgave && !strcmp(o->opgave, "-")) +
            (o->gemeenten && !strcmp(o->gemeenten, "-")) + (o->ses && !strcmp(o->ses, "-")) +
            (o->cycle_file && !strcmp(o->cycle_file, "-")) > 1) {
        cli_error("only one input can be read from stdin ('-')");
        return EX_USAGE;
    }
    int rc = parse_budgets(m, run, o);
    if (rc == 0)
        rc = parse_what_ifs(m, run, o);
    if (rc == 0 && o->locaties)
        rc = cli_read_input(&m->loc_in, o->locaties, NULL);
    if (rc == 0 && o->opgave)
        rc = cli_read_input(&m->opgave_in, o->opgave, NULL);
    if (rc != 0)
        return rc;
    sw_csv_options copt = SW_CSV_OPTIONS_INIT;
    copt.delimiter = o->delimiter;
    sw_diag diag = {0};
    int e = 0;
    if (o->locaties) {
        e = sw_locaties_load(&m->loc, run->reg, m->loc_in.name, m->loc_in.data, m->loc_in.len,
                             &copt, &diag);
        cli_input_release(&m->loc_in);
    }
    if (e == 0 && o->opgave)
        e = sw_opgave_load(&m->opgave, run->reg, m->opgave_in.name, m->opgave_in.data,
                           m->opgave_in.len, &copt, &diag);
    else if (e == 0) {
        e = sw_allocate(&m->alloc, run->reg, run->cycle, &o->alloc, &diag);
        if (e == 0)
            e = sw_opgave_from_allocation(&m->opgave, m->alloc);
    }
    sw_progress_options popt = o->progress;
    popt.what_if = m->what_if;
    popt.nwhat_if = o->nwhat_if;
    if (e == 0)
        e = sw_progress_compute(&m->progress, run->reg, run->cycle, m->opgave, m->loc, &popt,
                                &diag);
    sw_grant_options gopt = o->grants;
    gopt.budget = m->budget;
    gopt.nbudget = o->nbudget;
    if (e == 0)
        e = sw_grants_compute(&m->grants, run->reg, run->cycle, m->progress, &gopt, &diag);
    return e ? report_diag(e, &diag) : 0;
}

void cli_measure_free(cli_measure *m)
{
    sw_grants_free(m->grants);
    sw_progress_free(m->progress);
    sw_opgave_free(m->opgave);
    sw_allocation_free(m->alloc);
    sw_locaties_free(m->loc);
    cli_input_free(&m->loc_in);
    cli_input_free(&m->opgave_in);
}

static void digest(cli_digests *d, const cli_input *in)
{
    if (!in->name || d->n == 5)
        return;
    memcpy(d->hex[d->n], in->sha256, sizeof d->hex[d->n]);
    d->name[d->n] = in->name;
    d->hex_of[d->n] = d->hex[d->n];
    d->n++;
}

sw_report_context cli_context(const cli_run *run, const cli_measure *m, const cli_options *o,
                              cli_digests *d)
{
    if (d) {
        d->n = 0;
        digest(d, &run->cycle_in);
        digest(d, &run->register_in);
        digest(d, &run->ses_in);
        if (m) {
            digest(d, &m->loc_in);
            digest(d, &m->opgave_in);
        }
    }
    return (sw_report_context){
        .ninputs = d ? d->n : 0,
        .input_name = d ? d->name : NULL,
        .input_sha256 = d ? d->hex_of : NULL,
        .version = sw_version(),
        .cycle_file = run->cycle_in.name,
        .register_file = run->register_in.name,
        .ses_file = o->ses ? run->ses_in.name : NULL,
        .locaties_file = m && o->locaties ? m->loc_in.name : NULL,
        .opgave_file = m && o->opgave ? m->opgave_in.name : NULL,
        .provincie = run->provincie,
    };
}
