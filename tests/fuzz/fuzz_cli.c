/* The command line, without spawning a process: the input is a command
 * line, one argument per line (the first is the command; an unknown first
 * line picks a command by its first byte). It goes through the option
 * table's parser and, when that accepts it, through everything that turns
 * options into the library's terms and runs them: --budget and --what-if
 * parsed against the embedded cycle 2024 and its register, then a whole
 * measurement (allocation, counting, grants) on a small fixed locations file.
 * File options are dropped before that step: a fuzzer must not read files,
 * or stdin. What is checked: no crash, no leak, no undefined behaviour, and
 * that an accepted combination the library refuses is a usage or data error,
 * never anything else. */
#include <assert.h>
#include <stdio.h>

#include "cli.h"
#include "fuzz.h"

static const struct {
    const char *name;
    enum cli_command id;
} commands[] = {
    {"allocate", CMD_ALLOCATE}, {"progress", CMD_PROGRESS}, {"grants", CMD_GRANTS},
    {"explain", CMD_EXPLAIN},   {"report", CMD_REPORT},     {"sweep", CMD_SWEEP},
    {"map", CMD_MAP},           {"cycle", CMD_CYCLE},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const char locaties[] =
    "gemeentecode,locatie,plaatsen,amv_plaatsen,soort,vanaf,tot,status\n"
    "GM0687,a,600,40,regulier,2023-09-01,,gerealiseerd\n"
    "GM0718,b,500,0,regulier,2024-06-01,2027-06-01,toegezegd\n"
    "GM0664,c,300,,amv,2024-03-15,2029-03-15,gerealiseerd\n"
    "GM1676,d,120,,nood,2024-10-01,2025-12-31,gerealiseerd\n"
    "GM0363,e,1000,20,regulier,2025-01-01,,aangemeld\n";

/* The embedded cycle 2024 and its register, loaded once. */
static cli_run *embedded_run(void)
{
    static cli_run run;
    static bool loaded;
    if (!loaded) {
        cli_options o;
        memset(&o, 0, sizeof o);
        o.command = CMD_GRANTS;
        o.command_name = "grants";
        o.cycle = "2024";
        if (cli_load_run(&run, &o) != 0)
            abort();
        loaded = true;
    }
    return &run;
}

static void measure(const cli_options *parsed)
{
    cli_options o = *parsed;
    o.cycle_file = o.gemeenten = o.ses = o.inwoners = o.opgave = o.kaart = NULL;
    cli_run *run = embedded_run();
    static cli_lists lists;
    sw_measure_options mo;
    sw_diag diag = {0};
    int e = cli_measure_options(&mo, &lists, &o, run, &diag);
    if (e == 0) {
        mo.with_grants = o.command & (CMD_GRANTS | CMD_REPORT | CMD_EXPLAIN);
        sw_measurement *m = NULL;
        e = sw_measure(&m, run->reg, run->cycle, NULL, "l", locaties, sizeof locaties - 1, &mo,
                       &diag);
        sw_measure_free(m);
    }
    /* Options the parser accepted may still contradict each other or the
     * cycle; that is the user's error, and must be said as one. */
    assert(e == 0 || e == SW_EUSAGE || e == SW_EDATA || e == SW_EOVERFLOW || e == SW_ELIMIT ||
           e == SW_ENOMEM);
    sw_diag_clear(&diag);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    enum { MAX_ARGS = 64 };
    char *copy = malloc(size + 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    copy[size] = '\0';
    char *argv[MAX_ARGS + 1];
    int argc = 0;
    for (char *s = copy; argc < MAX_ARGS;) {
        argv[argc++] = s;
        char *nl = strchr(s, '\n');
        if (!nl)
            break;
        *nl = '\0';
        s = nl + 1;
    }
    argv[argc] = NULL;
    size_t c = NCOMMANDS;
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(argv[0], commands[i].name) == 0)
            c = i;
    if (c == NCOMMANDS)
        c = (unsigned char)argv[0][0] % NCOMMANDS;
    cli_options o;
    int rc = cli_parse_options(&o, commands[c].id, commands[c].name, argc, argv);
    assert(rc == 0 || rc == -1 || rc == 64 || rc == 74);
    if (rc == 0 && commands[c].id != CMD_SWEEP && commands[c].id != CMD_CYCLE)
        measure(&o);
    free(copy);
    return 0;
}
