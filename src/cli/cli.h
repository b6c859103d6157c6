/* The command-line front end: one table of options, inputs read as files or
 * streams, outputs written atomically. No rule of the law lives here: every
 * figure, check and message about the data comes from libspreiding. */
#ifndef SPREIDING_CLI_H
#define SPREIDING_CLI_H

#include <stdio.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "spreiding/spreiding.h"
#include "xlsx.h"

/* ---- commands ---- */

enum cli_command {
    CMD_ALLOCATE = 1 << 0,
    CMD_PROGRESS = 1 << 1,
    CMD_GRANTS = 1 << 2,
    CMD_EXPLAIN = 1 << 3,
    CMD_REPORT = 1 << 4,
    CMD_SWEEP = 1 << 5,
    CMD_CYCLE = 1 << 6,
    CMD_MAP = 1 << 7,
    CMD_KSO = 1 << 8,
};

/* Commands that measure places against the opgave. */
#define CMD_MEASURE (CMD_PROGRESS | CMD_GRANTS | CMD_EXPLAIN | CMD_REPORT | CMD_MAP)
/* Commands that load a register and a cycle and take the allocation's
 * inputs. kso loads them too, but takes only the options that name it. */
#define CMD_RUN (CMD_ALLOCATE | CMD_MEASURE | CMD_SWEEP)
#define CMD_ALL (CMD_RUN | CMD_CYCLE | CMD_KSO)

/* Most values of a repeatable option (--budget, --what-if). */
#define CLI_MAX_LIST 400

/* Everything the command line says, as typed or parsed into values. The
 * option table (options.c) fills it; a command turns it into the library's
 * option structs. */
typedef struct cli_options {
    enum cli_command command;
    const char *command_name;
    const char *format;       /* -f; NULL: the command's default */
    const char *output;       /* NULL or "-" for stdout */
    char delimiter;           /* input delimiter, 0 = detect */

    /* inputs */
    const char *cycle;        /* --cycle YEAR */
    const char *cycle_file;
    const char *gemeenten;
    const char *ses;
    const char *inwoners;
    const char *periode, *ses_periode, *inwoners_periode;
    const char *kolom, *ses_kolom, *inwoners_kolom;
    const char *locaties;
    const char *opgave;
    const char *gemeente;     /* explain: GMxxxx (positional or --gemeente) */
    const char *gemeente_list[CLI_MAX_LIST]; /* --gemeente, repeatable (a timeline's filter) */
    size_t ngemeente;
    const char *vergelijk;    /* --vergelijk OLD: the old locations file */
    const char *kaart;        /* map boundaries instead of the embedded ones */
    const char *niveau, *maat; /* map */

    /* allocation */
    sw_alloc_options alloc;
    const char *capaciteit;   /* as typed: a count, or FROM:TO[:STEP] for sweep */
    bool gemeenten_detail;

    /* counting and grants */
    sw_progress_options progress;
    const char *beschikbaar_tot; /* as typed: a date or "geen" */
    sw_grant_options grants;
    const char *budget[CLI_MAX_LIST];
    size_t nbudget;
    const char *what_if[CLI_MAX_LIST];
    size_t nwhat_if;
    const char *tijdlijn_text; /* --tijdlijn as typed */
    sw_timeline tijdlijn;      /* parsed; progress.steps point into it */
    bool kso;                  /* --kso: realised small-scale reception on the timeline */
    bool has_vergelijk_peildatum;
    sw_date vergelijk_peildatum; /* the old side's peildatum */

    /* output */
    const char *provincie;    /* as typed */
    bool provincies;
    const char *tabel;
    bool excel;
    bool alles; /* a comparison: unchanged rows too */
} cli_options;

/* ---- exit codes: <sysexits.h>, one list for --help and the man page ---- */

typedef struct cli_exit {
    int code;
    const char *meaning;
} cli_exit;
extern const cli_exit cli_exits[];

/* The exit code of a library error. */
int cli_exit_code(int sw_error);

/* Prints "spreiding: " and the message to stderr, with control and invalid
 * bytes shown escaped (a file name or an option value cannot garble the
 * terminal). */
void cli_error(const char *fmt, ...) SW_PRINTF(1, 2);

/* s as it may be shown (in a message, or a report that names its input
 * files): control characters, bidi controls and bytes that are not UTF-8
 * written as <U+001B> and <0xFF>. cli_clean writes at most cap bytes (with
 * the NUL) and returns the length the whole takes, as snprintf does;
 * cli_clean_dup returns a malloc'd copy, or NULL out of memory. */
size_t cli_clean(char *out, size_t cap, const char *s);
char *cli_clean_dup(const char *s);

/* Flushes a stdio stream the CLI printed on (help, version): 0, or the
 * write error reported and EX_IOERR (a full disk must not exit 0). */
int cli_flush(FILE *f);

/* Reports a failed system call on a file: "out of memory" (and EX_OSERR)
 * when errno is ENOMEM, whatever the call, or the message followed by
 * ": " and strerror(errno). Returns the exit code: EX_OSERR or `code`. */
int cli_os_error(int code, const char *fmt, ...) SW_PRINTF(2, 3);

/* Did you mean (suggest.c): the edit distance of two words (ASCII case
 * ignored; SIZE_MAX for words over 40 bytes), and the gemeente or
 * province name nearest to what was typed, or NULL when none is near (a
 * gemeente name two gemeenten share, typed without its province, gives
 * both, in buf). */
size_t cli_distance(const char *a, const char *b);
const char *cli_closest_gemeente(const sw_register *reg, const char *typed, char *buf, size_t cap);
const char *cli_closest_provincie(const sw_cycle *cy, const char *typed);

/* Reports a library error: its messages, or "out of memory" and the like;
 * returns its exit code. */
int cli_fail(int sw_error, const sw_diag *diag);

/* Parses argv (argv[0] is the command). Returns 0, an exit code (64 for a
 * usage error, already reported), or -1 when --help was printed. */
int cli_parse_options(cli_options *o, enum cli_command command, const char *name, int argc,
                      char **argv);

/* Prints the help of a command (or of the program, command 0) to stdout;
 * returns 0 or 74 when stdout cannot be written. */
int cli_help(enum cli_command command, const char *name);

/* ---- inputs ---- */

typedef struct cli_input {
    char *name;      /* as shown in messages */
    char *data;      /* the whole file, for inputs read at once */
    size_t len;
    bool embedded;
    char sha256[65]; /* of the bytes read, for the record of a report */
} cli_input;

/* Reads FILE ("-" is stdin) whole, or the embedded file `embedded_name` when
 * path is NULL. Returns 0 or an exit code (already reported). */
int cli_read_input(cli_input *in, const char *path, const char *embedded_name);

/* Streams FILE ("-" is stdin) in blocks to feed(ctx, block, len), hashing it
 * on the way when `digest` (else in->sha256 stays empty); a non-zero return
 * of feed stops the stream (the caller keeps that error). Returns 0, or an
 * exit code for a file that cannot be read (reported). */
int cli_stream_input(cli_input *in, const char *path, bool digest,
                     int (*feed)(void *, const char *, size_t), void *ctx);
void cli_input_free(cli_input *in);

/* The cycle, register and national figures of a run, loaded and checked. */
typedef struct cli_run {
    cli_input cycle_in, register_in, ses_in, inwoners_in;
    sw_cycle *cycle;
    sw_register *reg;
    sw_figures *ses, *inwoners;
    int provincie; /* resolved --provincie, 0 = all */
} cli_run;

/* The years of the embedded cycles, "2024, 2026" (only those whose tariffs
 * are known, when `paying`), or "none". */
const char *cli_embedded_cycles(char *buf, size_t cap, bool paying);

int cli_load_run(cli_run *run, const cli_options *o);
void cli_run_free(cli_run *run);

/* The report context of a run: its inputs with their digests. `loc` and
 * `opgave` may be NULL or unread (no name). */
typedef struct cli_context {
    sw_report_context ctx;
    const char *name[8];
    const char *hex[8];
} cli_context;
void cli_context_init(cli_context *c, const cli_run *run, const cli_input *loc,
                      const cli_input *opgave);

/* ---- outputs ---- */

/* Writes the report in the chosen form to o->output atomically (or stdout).
 * Returns 0 or an exit code (already reported). */
int cli_emit_report(const sw_report *r, const cli_options *o);

/* Output to a file (atomically: a temporary file renamed into place; a
 * device, FIFO or a link to one written in place) or stdout. */
typedef struct cli_output cli_output;
int cli_output_open(cli_output **out, const char *path);
/* The sink that writes to it. */
sw_sink cli_output_sink(cli_output *out);
/* Ends it: with rc 0 the file is put in place, else removed. Returns the
 * exit code (the first error). */
int cli_output_close(cli_output *out, int rc);

/* Whether the run's output shows the inputs' digests: every form but CSV
 * (one bare table) and the map (a drawing) does. */
bool cli_shows_digests(const cli_options *o);

/* Refuses an -o that names one of the run's input files (exit 64). */
int cli_check_output(const cli_options *o);

/* A temporary file to remove should the program be interrupted. */
void cli_temp_guard(char *path);
void cli_temp_unguard(char *path);
/* The xlsx writer's process, killed first should the program be
 * interrupted (0: none). */
void cli_child_guard(pid_t pid);

/* -f xlsx (xlsx_module.c): loads the xlsx module. 0 and its entry point,
 * or EX_UNAVAILABLE, reported (built without libxlsxwriter, or the module
 * cannot be loaded). The module stays loaded. */
int cli_xlsx_open(cli_xlsx_build_fn **build);
/* Writes the report as a workbook through the module, in a child process,
 * to the sink. Returns 0 or an exit code, reported: EX_OSERR out of
 * memory, EX_IOERR a write error, EX_SOFTWARE the writer crashed. */
int cli_write_xlsx(cli_xlsx_build_fn *build, const sw_report *r, const sw_write_options *wo,
                   const sw_sink *out);

/* ---- counting ---- */

/* Where the parsed --budget and --what-if values live. */
typedef struct cli_lists {
    sw_budget budget[CLI_MAX_LIST];
    sw_what_if what_if[CLI_MAX_LIST];
} cli_lists;

/* The measuring options of the command line, in the library's terms (the
 * lists parsed into `lists`). Returns 0 or a library error (in diag). */
int cli_measure_options(sw_measure_options *mo, cli_lists *lists, const cli_options *o,
                        const cli_run *run, sw_diag *diag);

/* The --opgave file, when one is given: read into `in` and loaded into
 * *opgave (NULL when none is given). Returns 0 or an exit code (reported). */
int cli_load_opgave(sw_opgave **opgave, cli_input *in, const cli_options *o, const cli_run *run,
                    sw_diag *diag);

/* Counts: sw_measurement_compute over the --locaties file (streamed into loc_in, which
 * gets its name and digest). Returns 0 or an exit code (reported). */
int cli_measure_run(sw_measurement **m, cli_input *loc_in, const cli_options *o,
                    const cli_run *run, const sw_opgave *opgave, const sw_measure_options *mo,
                    sw_diag *diag);

/* ---- commands ---- */
int cmd_allocate(const cli_options *o);
int cmd_measure(const cli_options *o);
int cmd_sweep(const cli_options *o);
int cmd_cycle(const cli_options *o);
/* progress|grants --vergelijk / --vergelijk-peildatum (cmd_compare.c). */
int cmd_compare(const cli_options *o);
/* Whether the chosen form is one people read (table, md, html): timelines
 * and comparisons arrange their rows for them (report.h). */
bool cli_for_people(const cli_options *o);
/* The timeline report of a measurement counted along --tijdlijn
 * (cmd_timeline.c): resolves --gemeente and builds it. Returns a library
 * error code (messages in diag). */
int cli_timeline_report(sw_report **r, const cli_options *o, const sw_measurement *m,
                        const cli_run *run, const sw_report_context *ctx, sw_diag *diag);
int cmd_map(const cli_options *o);
int cmd_kso(const cli_options *o);

/* The map of a run: the embedded boundaries, or --kaart; joined to the
 * register, with what does not match said on stderr. Returns 0 or an exit
 * code (reported). */
int cli_load_map(sw_map **map, const cli_options *o, const sw_register *reg);

#endif
