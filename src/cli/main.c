#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cli.h"

static const struct command {
    const char *name;
    enum cli_command id;
    int (*run)(const cli_options *o);
    const char *summary;
} commands[] = {
    {"allocate", CMD_ALLOCATE, cmd_allocate, "the opgave per gemeente and per province"},
    {"progress", CMD_PROGRESS, cmd_measure, "counted places against the opgave, the 75 % test"},
    {"grants", CMD_GRANTS, cmd_measure, "the art. 9 grants per gemeente and per province"},
    {"explain", CMD_EXPLAIN, cmd_measure, "every step of one gemeente's figures"},
    {"report", CMD_REPORT, cmd_measure, "everything on one HTML page (or any -f)"},
    {"sweep", CMD_SWEEP, cmd_sweep, "the allocation at every capacity of a range"},
    {"map", CMD_MAP, cmd_map, "a map of the opgave or of the progress, as SVG"},
    {"kso", CMD_KSO, cmd_kso, "small-scale reception: KSO per class, province and reason"},
    {"cycle", CMD_CYCLE, cmd_cycle, "an embedded cycle file, as a template to fill in"},
};

static int usage(FILE *f)
{
    fputs("usage: spreiding COMMAND [OPTIONS]\n"
          "       spreiding --help | --version\n\n"
          "A calculator for the Spreidingswet (Wet gemeentelijke taak mogelijk maken\n"
          "asielopvangvoorzieningen). Commands:\n",
          f);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\n'spreiding COMMAND --help' lists the options of a command; 'man spreiding'\n"
          "and docs/rekenregels.md (installed as share/doc/spreiding/rekenregels.md)\n"
          "explain every rule.\n",
          f);
    return cli_flush(f);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EX_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0)
        return usage(stdout);
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
        printf("spreiding %s\n", sw_version());
        return cli_flush(stdout);
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(argv[1], commands[i].name) != 0)
            continue;
        cli_options o;
        int rc = cli_parse_options(&o, commands[i].id, commands[i].name, argc - 1, argv + 1);
        if (rc == -1)
            return EX_OK;
        if (rc != 0)
            return rc;
        rc = cli_check_output(&o);
        return rc ? rc : commands[i].run(&o);
    }
    cli_error("unknown command '%s' (try 'spreiding --help')", argv[1]);
    return EX_USAGE;
}
