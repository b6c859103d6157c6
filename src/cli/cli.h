/* The command-line front end: options, inputs, outputs. No rule of the law
 * lives here; every figure comes from libspreiding. */
#ifndef SPREIDING_CLI_H
#define SPREIDING_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "spreiding/spreiding.h"

enum cli_format { FMT_TABLE, FMT_CSV, FMT_JSON, FMT_MD, FMT_XLSX, FMT_HTML };

/* Most --budget or --what-if options in one run. */
#define CLI_MAX_LIST 400

typedef struct cli_options {
    const char *command;
    const char *cycle;        /* "2024" */
    const char *cycle_file;   /* replaces the embedded cycle file */
    const char *gemeenten;    /* replaces the embedded register */
    const char *ses;
    const char *output;       /* NULL or "-" for stdout */
    const char *provincie;    /* as typed */
    enum cli_format format;
    bool provincies;          /* CSV: the province table */
    bool excel;               /* CSV for Dutch Excel */
    char delimiter;           /* input delimiter, 0 = detect */
    bool alloc_given;         /* any allocation option was given */
    const char *tabel;        /* CSV: the table of this name */
    const char *capaciteit;   /* as typed: a count, or FROM:TO[:STEP] for sweep */
    bool gemeenten_detail;    /* sweep: every gemeente's opgave too */
    sw_alloc_options alloc;

    /* progress, grants, explain */
    const char *locaties;
    const char *opgave;
    const char *gemeente;     /* explain: the positional GMxxxx */
    sw_progress_options progress;
    sw_grant_options grants;
    const char *budget[CLI_MAX_LIST];   /* as typed, resolved after loading */
    size_t nbudget;
    const char *what_if[CLI_MAX_LIST];
    size_t nwhat_if;
} cli_options;

/* Exit codes: <sysexits.h>. */
int cli_exit_code(int sw_error);

/* Prints "spreiding: " and the message to stderr. */
void cli_error(const char *fmt, ...) SW_PRINTF(1, 2);

/* Prints every message of diag, one line each. */
void cli_print_diag(const sw_diag *diag);

/* Parses argv after the command name. Returns 0, or an exit code (64 for a
 * usage error, already reported; -1 for --help, already printed). */
int cli_parse_options(cli_options *o, int argc, char **argv);

/* ---- inputs ---- */

typedef struct cli_input {
    char *name;     /* as shown in messages */
    char *data;     /* owned unless embedded; NULL once released */
    size_t len;
    bool embedded;
    char sha256[65]; /* of the bytes read, for the record of a report */
} cli_input;

/* Reads FILE ("-" is stdin), or the embedded file `embedded_name` when path
 * is NULL. Returns 0 or an exit code (already reported). */
int cli_read_input(cli_input *in, const char *path, const char *embedded_name);
void cli_input_free(cli_input *in);

/* Frees the bytes of an input once parsed, keeping its name and digest: a
 * million locations need not be held twice. */
void cli_input_release(cli_input *in);

/* The cycle, register and scores of a run, loaded and checked. */
typedef struct cli_run {
    cli_input cycle_in, register_in, ses_in;
    sw_cycle *cycle;
    sw_register *reg;
    int provincie; /* resolved --provincie, 0 = all */
} cli_run;

int cli_load_run(cli_run *run, const cli_options *o);
void cli_run_free(cli_run *run);

/* Everything progress, grants and explain compute, in order. */
typedef struct cli_measure {
    cli_input loc_in, opgave_in;
    sw_locaties *loc;
    sw_allocation *alloc; /* NULL with --opgave */
    sw_opgave *opgave;
    sw_progress *progress;
    sw_grants *grants;
    sw_budget budget[CLI_MAX_LIST];
    sw_what_if what_if[CLI_MAX_LIST];
} cli_measure;

/* Reads locations and the opgave (or allocates), counts and computes grants.
 * Returns 0 or an exit code (already reported). */
int cli_measure_run(cli_measure *m, const cli_run *run, const cli_options *o);
void cli_measure_free(cli_measure *m);

/* The SHA-256 of every input of a run, for the record of a report. */
typedef struct cli_digests {
    size_t n;
    const char *name[5];
    const char *hex_of[5];
    char hex[5][65];
} cli_digests;

/* The report context of a run; `m` and `d` may be NULL. */
sw_report_context cli_context(const cli_run *run, const cli_measure *m, const cli_options *o,
                              cli_digests *d);

/* ---- outputs ---- */

/* Renders the report in the chosen format and writes it to o->output
 * atomically (or to stdout). Returns 0 or an exit code (already reported). */
int cli_emit_report(const sw_report *r, const cli_options *o);

/* A new temporary file beside path (removed on SIGINT/SIGTERM/SIGHUP), and
 * its end: renamed over path when rc is 0, removed otherwise. Both return 0
 * or an exit code (already reported). */
int cli_temp_begin(const char *path, char **tmp, int *fd);
int cli_temp_end(char *tmp, const char *path, int rc);

/* The report as an Excel workbook at path (write_xlsx.c): one sheet per
 * table and one with the parameters and notes. */
int cli_write_xlsx(const sw_report *r, const char *path);

/* Refuses an -o that names one of the run's input files (exit 64). */
int cli_check_output(const cli_options *o);

/* Writes buf to path atomically: a temporary file in the same directory,
 * renamed over path only when everything was written. "-" or NULL is stdout. */
int cli_write_atomic(const char *path, const char *data, size_t len);

/* ---- commands ---- */
int cmd_allocate(const cli_options *o);
int cmd_progress(const cli_options *o);
int cmd_grants(const cli_options *o);
int cmd_explain(const cli_options *o);
int cmd_report(const cli_options *o);
int cmd_sweep(const cli_options *o);

#endif
