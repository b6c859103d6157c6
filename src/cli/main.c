#include <stdarg.h>
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
    {"cycle", CMD_CYCLE, cmd_cycle, "an embedded cycle file, as a template to fill in"},
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

/* stderr gets valid UTF-8 without control characters, whatever a file name
 * or an option value holds. */
static void put_clean(const char *s)
{
    for (size_t i = 0; s[i];) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
        bool ok = k > 0;
        for (size_t j = 1; ok && j < k; j++)
            ok = ((unsigned char)s[i + j] & 0xC0) == 0x80;
        if (!ok || c < 0x20 || c == 0x7F || (c == 0xC2 && (unsigned char)s[i + 1] < 0xA0)) {
            unsigned cp = c == 0xC2 && ok && k == 2 ? (unsigned char)s[i + 1] : c;
            fprintf(stderr, ok ? "<U+%04X>" : "<0x%02X>", cp);
            i += ok ? k : 1;
            continue;
        }
        fwrite(s + i, 1, k, stderr);
        i += k;
    }
}

void cli_error(const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fputs("spreiding: ", stderr);
    put_clean(msg);
    fputc('\n', stderr);
}

int cli_fail(int e, const sw_diag *diag)
{
    if (diag && diag->count && e != SW_ENOMEM) {
        for (size_t i = 0; i < diag->count; i++) {
            char line[1024];
            sw_diag_format(line, sizeof line, &diag->entries[i]);
            cli_error("%s", line);
        }
        if (diag->total > diag->count)
            cli_error("... and %zu more errors", diag->total - diag->count);
    } else {
        cli_error("%s", sw_strerror(e));
    }
    return cli_exit_code(e);
}

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
          "explains every rule.\n",
          f);
    if (fflush(f) != 0 || ferror(f)) {
        cli_error("write error");
        return EX_IOERR;
    }
    return 0;
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
        if (fflush(stdout) != 0 || ferror(stdout)) {
            cli_error("<stdout>: write error");
            return EX_IOERR;
        }
        return EX_OK;
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
