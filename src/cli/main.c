#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cli.h"

static const struct command {
    const char *name;
    int (*run)(const cli_options *o);
    const char *summary;
} commands[] = {
    {"allocate", cmd_allocate, "opgave per gemeente and province (domain.md par. 3)"},
    {"progress", cmd_progress, "counted places against the opgave, the 75% test (par. 4)"},
    {"grants", cmd_grants, "the art. 9 grants per gemeente and province (par. 5)"},
    {"explain", cmd_explain, "the audit trail of one gemeente, every step"},
    {"report", cmd_report, "everything in one HTML page (or any -f), with charts"},
    {"sweep", cmd_sweep, "the allocation for every capacity of a range, and its paradoxes"},
};

int cli_exit_code(int e)
{
    switch (e) {
    case SW_OK: return EX_OK;
    case SW_EUSAGE: return EX_USAGE;
    case SW_EDATA:
    case SW_EOVERFLOW:
    case SW_ELIMIT: return EX_DATAERR;
    case SW_EIO: return EX_IOERR;
    case SW_ENOMEM: return EX_OSERR;
    default: return EX_SOFTWARE;
    }
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("spreiding: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_print_diag(const sw_diag *diag)
{
    for (size_t i = 0; i < diag->count; i++) {
        char line[1024];
        sw_diag_format(line, sizeof line, &diag->entries[i]);
        cli_error("%s", line);
    }
    if (diag->total > diag->count)
        cli_error("... and %zu more errors", diag->total - diag->count);
}

static void usage(FILE *f)
{
    fputs("usage: spreiding COMMAND [OPTIONS]\n"
          "       spreiding --help | --version\n\n"
          "A calculator for the Spreidingswet (Wet gemeentelijke taak mogelijk maken\n"
          "asielopvangvoorzieningen). Commands:\n",
          f);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\n'spreiding COMMAND --help' lists the options of a command.\n", f);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EX_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return EX_OK;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
        printf("spreiding %s\n", sw_version());
        return EX_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(argv[1], commands[i].name) != 0)
            continue;
        cli_options o;
        int rc = cli_parse_options(&o, argc - 1, argv + 1);
        if (rc == -1)
            return EX_OK;
        if (rc != 0)
            return rc;
        o.command = commands[i].name;
        rc = cli_check_output(&o);
        return rc ? rc : commands[i].run(&o);
    }
    cli_error("unknown command '%s' (try 'spreiding --help')", argv[1]);
    return EX_USAGE;
}
