/* The command line, as one table: each option's name, argument, the commands
 * it belongs to, its help text and where its value goes. The table drives
 * getopt, every command's --help, the "not an option of this command" errors
 * and the man page's option list (a test checks the two agree). Option names
 * follow rekenregels §7.20: commands in English, the law's nouns in Dutch. */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "cli.h"

typedef enum arg_kind {
    A_FLAG,   /* no argument: a bool */
    A_TEXT,   /* a string kept as typed */
    A_POLICY, /* a value of a policy: an int */
    A_COUNT,  /* a whole number: an int64_t and its has_ bool */
    A_DATE,   /* a date: an sw_date and its has_ bool */
    A_LIST,   /* repeatable: appended to an array of CLI_MAX_LIST strings */
    A_DELIM,  /* -d: a delimiter */
    A_HELP
} arg_kind;

#define NONE SIZE_MAX

typedef struct cli_option {
    const char *name;
    char short_name;
    arg_kind arg;
    const char *metavar;
    unsigned commands;  /* CMD_* it belongs to */
    const char *section;
    size_t offset;      /* of its value in cli_options */
    size_t flag;        /* of its has_ bool, or NONE */
    sw_policy policy;   /* A_POLICY */
    const char *help;
} cli_option;

#define AT(field) offsetof(cli_options, field)
#define S_IN "Inputs"
#define S_ALLOC "Allocation (verdeling)"
#define S_COUNT "Counting places"
#define S_GRANT "Grants (art. 9)"
#define S_OUT "Output"

static const cli_option options[] = {
    {"cycle", 0, A_TEXT, "YEAR", CMD_ALL, S_IN, AT(cycle), NONE, 0,
     "the embedded cycle to use: 2024 or 2026 (default: the newest)"},
    {"cycle-file", 0, A_TEXT, "FILE", CMD_RUN | CMD_KSO, S_IN, AT(cycle_file), NONE, 0,
     "cycle parameters instead of the embedded ones (spreiding cycle writes a template)"},
    {"gemeenten", 0, A_TEXT, "FILE", CMD_RUN | CMD_KSO, S_IN, AT(gemeenten), NONE, 0,
     "the register of gemeenten instead of the embedded one of the cycle"},
    {"ses", 0, A_TEXT, "FILE", CMD_RUN, S_IN, AT(ses), NONE, 0,
     "SES-WOA scores: a StatLine download as it is, or gemeentecode,ses_woa"},
    {"inwoners", 0, A_TEXT, "FILE", CMD_RUN, S_IN, AT(inwoners), NONE, 0,
     "population: a StatLine download as it is, or gemeentecode,inwoners"},
    {"periode", 0, A_TEXT, "YYYY", CMD_RUN, S_IN, AT(periode), NONE, 0,
     "the year to use from downloads that hold several"},
    {"ses-periode", 0, A_TEXT, "YYYY", CMD_RUN, S_IN, AT(ses_periode), NONE, 0,
     "--periode for the --ses file only"},
    {"inwoners-periode", 0, A_TEXT, "YYYY", CMD_RUN, S_IN, AT(inwoners_periode), NONE, 0,
     "--periode for the --inwoners file only"},
    {"kolom", 0, A_TEXT, "TITLE", CMD_RUN, S_IN, AT(kolom), NONE, 0,
     "the value column of a download, by its title, when there are several"},
    {"ses-kolom", 0, A_TEXT, "TITLE", CMD_RUN, S_IN, AT(ses_kolom), NONE, 0,
     "--kolom for the --ses file only"},
    {"inwoners-kolom", 0, A_TEXT, "TITLE", CMD_RUN, S_IN, AT(inwoners_kolom), NONE, 0,
     "--kolom for the --inwoners file only"},
    {"locaties", 0, A_TEXT, "FILE", CMD_MEASURE | CMD_KSO, S_IN, AT(locaties), NONE, 0,
     "reception locations: gemeentecode, locatie, plaatsen, amv_plaatsen, soort, vanaf, "
     "tot, status, reden, kleinschalig (required by progress, grants, report, kso)"},
    {"kaart", 0, A_TEXT, "FILE.geojson", CMD_REPORT | CMD_MAP, S_IN, AT(kaart), NONE, 0,
     "gemeente boundaries (GeoJSON, properties gemeentecode and gemeentenaam) instead of the "
     "embedded 2025 ones; provinces are dissolved from them"},
    {"opgave", 0, A_TEXT, "FILE", CMD_MEASURE & ~CMD_MAP, S_IN, AT(opgave), NONE, 0,
     "the official opgave per gemeente (gemeentecode,opgave[,opgave_amv]) instead of the "
     "allocation; only the gemeenten it lists take part"},
    {"gemeente", 0, A_LIST, "GMxxxx", CMD_EXPLAIN | CMD_PROGRESS | CMD_REPORT, S_IN,
     AT(gemeente_list), AT(ngemeente), 0,
     "explain: the gemeente to explain (also as the first argument); progress, report with "
     "--tijdlijn: only this gemeente in the gemeenten table (repeatable)"},
    {"vergelijk", 0, A_TEXT, "FILE", CMD_PROGRESS | CMD_GRANTS, S_IN, AT(vergelijk), NONE, 0,
     "compare with the same run on this older locations file: old, new and the difference "
     "per gemeente and province"},
    {"delimiter", 'd', A_DELIM, "auto|,|;|tab", CMD_RUN | CMD_KSO, S_IN, AT(delimiter), NONE, 0,
     "the delimiter of your input files (default: found from the header)"},

    {"mode", 0, A_POLICY, "national|provincial", CMD_RUN, S_ALLOC, AT(alloc.mode), NONE,
     SW_POLICY_MODE,
     "default: provincial when the cycle has every official provincial "
     "opgave, else national"},
    {"weging", 0, A_POLICY, "inwoners|inwoners-ses", CMD_RUN, S_ALLOC, AT(alloc.weging), NONE,
     SW_POLICY_WEGING, "default: inwoners-ses when the scores are there"},
    {"afronding", 0, A_POLICY, "half-up|largest-remainder", CMD_RUN, S_ALLOC, AT(alloc.afronding),
     NONE, SW_POLICY_AFRONDING, "rounding in national mode (default: the cycle's, half-up)"},
    {"amv-afronding", 0, A_POLICY, "half-up|largest-remainder", CMD_RUN, S_ALLOC,
     AT(alloc.amv_afronding), NONE, SW_POLICY_AMV_AFRONDING, "how the amv part is divided"},
    {"ses-ontbrekend", 0, A_POLICY, "fout|nul", CMD_RUN, S_ALLOC, AT(alloc.ses_ontbrekend), NONE,
     SW_POLICY_SES_ONTBREKEND, "a missing score is an error, or counts as 0"},
    {"capaciteit", 0, A_TEXT, "N", CMD_RUN, S_ALLOC, AT(capaciteit), NONE, 0,
     "the national capacity C (national mode); sweep: FROM:TO[:STEP]"},
    {"amv", 0, A_COUNT, "N", CMD_RUN, S_ALLOC, AT(alloc.amv), AT(alloc.has_amv), 0,
     "the amv part A (replaces the cycle's, and its provincial amv figures)"},
    {"gemeenten-detail", 0, A_FLAG, NULL, CMD_SWEEP, S_ALLOC, AT(gemeenten_detail), NONE, 0,
     "sweep: every gemeente's opgave at every capacity too"},

    {"peildatum", 0, A_DATE, "DATE", CMD_MEASURE | CMD_KSO, S_COUNT, AT(progress.peildatum),
     AT(progress.has_peildatum), 0, "count on this date (default: the cycle's)"},
    {"drempel", 0, A_COUNT, "PCT", CMD_MEASURE, S_COUNT, AT(progress.drempel_pct),
     AT(progress.has_drempel_pct), 0, "the threshold in whole percent (default: the cycle's, 75)"},
    {"duurzaam-jaren", 0, A_COUNT, "N", CMD_MEASURE | CMD_KSO, S_COUNT, AT(progress.duurzaam_jaren),
     AT(progress.has_duurzaam_jaren), 0, "duurzaam from N years (default: the cycle's, 5)"},
    {"aanmeld-telt", 0, A_POLICY, "ja|nee", CMD_MEASURE | CMD_KSO, S_COUNT,
     AT(progress.aanmeld_telt), NONE, SW_POLICY_JA_NEE,
     "do aanmeldcentra count (default: the cycle's)"},
    {"telt-alleen-duurzaam", 0, A_POLICY, "ja|nee", CMD_MEASURE | CMD_KSO, S_COUNT,
     AT(progress.telt_alleen_duurzaam), NONE, SW_POLICY_JA_NEE,
     "only duurzame places count (default: the cycle's)"},
    {"minimum-plaatsen", 0, A_COUNT, "N", CMD_MEASURE | CMD_KSO, S_COUNT,
     AT(progress.minimum_plaatsen), AT(progress.has_minimum_plaatsen), 0,
     "a location counts only with at least N places (default: the cycle's)"},
    {"beschikbaar-tot", 0, A_TEXT, "DATE|geen", CMD_MEASURE | CMD_KSO, S_COUNT, AT(beschikbaar_tot),
     NONE, 0, "a counted place must stay available at least until DATE (default: the cycle's)"},
    {"kso-max-plaatsen", 0, A_COUNT, "N", CMD_MEASURE | CMD_KSO, S_COUNT,
     AT(progress.kso_max_plaatsen), AT(progress.has_kso_max_plaatsen), 0,
     "a location of regulier, amv or bijzonder with at most N places is kleinschalig "
     "(small-scale) unless its kleinschalig column says otherwise (default: the cycle's, 100)"},
    {"include-planned", 0, A_FLAG, NULL, CMD_MEASURE, S_COUNT, AT(progress.include_planned), NONE,
     0, "count planned places too (a scenario)"},
    {"tijdlijn", 0, A_TEXT, "FROM:TO[:STEP]", CMD_PROGRESS | CMD_REPORT, S_COUNT, AT(tijdlijn_text),
     NONE, 0,
     "count at every date from FROM, STEP apart, and at TO as the last date even when no "
     "step lands on it: STEP is Nd, Nw or Nm (default 1m; months counted from FROM, the day "
     "clamped to the month's end)"},
    {"kso", 0, A_FLAG, NULL, CMD_PROGRESS | CMD_REPORT, S_COUNT, AT(kso), NONE, 0,
     "with --tijdlijn: each province's realised small-scale reception (KSO places and "
     "locations) at every date too"},
    {"vergelijk-peildatum", 0, A_DATE, "DATE", CMD_PROGRESS | CMD_GRANTS, S_COUNT,
     AT(vergelijk_peildatum), AT(has_vergelijk_peildatum), 0,
     "compare with the same run at DATE (the old side; with --vergelijk the old file at DATE)"},
    {"what-if", 0, A_LIST, "GMxxxx=+N", CMD_MEASURE, S_COUNT, AT(what_if), AT(nwhat_if), 0,
     "add N counted, duurzame places to a gemeente (a scenario); repeatable"},

    {"lid3", 0, A_POLICY, "provinciale-drempel|per-gemeente", CMD_MEASURE, S_GRANT, AT(grants.lid3),
     NONE, SW_POLICY_LID3,
     "who gets lid 3: once the province meets the threshold (default), or each gemeente"},
    {"lid3-grondslag", 0, A_POLICY, "per-plaats|budget", CMD_MEASURE, S_GRANT, AT(grants.grondslag),
     NONE, SW_POLICY_LID3_GRONDSLAG,
     "lid 3 per place at the tariffs (default), or a provincial budget pro rata"},
    {"budget", 0, A_LIST, "PROVINCIE=EUR", CMD_MEASURE, S_GRANT, AT(budget), AT(nbudget), 0,
     "a province's lid-3 budget (code or name; 1.500.000 or 1500000,00); repeatable"},

    {"niveau", 0, A_TEXT, "provincie|gemeente", CMD_MAP, S_OUT, AT(niveau), NONE, 0,
     "draw the provinces or the gemeenten (default: provincie; with --provincie, gemeente)"},
    {"maat", 0, A_TEXT, "opgave|geteld|voortgang|bedrag", CMD_MAP, S_OUT, AT(maat), NONE, 0,
     "what the colours show (default: voortgang with --locaties, else opgave; bedrag is the "
     "art. 9 totaal)"},
    {"format", 'f', A_TEXT, "table|csv|json|md|html|xlsx", (CMD_RUN & ~CMD_MAP) | CMD_KSO, S_OUT,
     AT(format), NONE, 0, "the form (default: table; report: html); xlsx needs -o"},
    {"output", 'o', A_TEXT, "FILE", CMD_ALL, S_OUT, AT(output), NONE, 0,
     "write FILE atomically ('-' is stdout)"},
    {"provincie", 0, A_TEXT, "CODE|NAME", (CMD_RUN & ~CMD_SWEEP) | CMD_KSO, S_OUT, AT(provincie),
     NONE, 0, "only this province in every table (map: this province, zoomed)"},
    {"provincies", 0, A_FLAG, NULL, (CMD_RUN & ~(CMD_SWEEP | CMD_MAP)) | CMD_KSO, S_OUT,
     AT(provincies), NONE, 0, "only the province table"},
    {"tabel", 0, A_TEXT, "NAME", (CMD_RUN & ~CMD_MAP) | CMD_KSO, S_OUT, AT(tabel), NONE, 0,
     "only the table NAME (gemeenten, provincies, sweep, paradoxen, berekening, locaties, "
     "verloop, wisselingen, wijzigingen; kso also totaal, redenen, aandeel)"},
    {"alles", 0, A_FLAG, NULL, CMD_PROGRESS | CMD_GRANTS, S_OUT, AT(alles), NONE, 0,
     "a comparison: list the unchanged gemeenten, provinces and locations too"},
    {"excel", 0, A_FLAG, NULL, (CMD_RUN & ~CMD_MAP) | CMD_KSO, S_OUT, AT(excel), NONE, 0,
     "CSV for Dutch Excel: ';', decimal comma, a BOM, formulas neutralised"},
    {"help", 'h', A_HELP, NULL, CMD_ALL, S_OUT, 0, NONE, 0, "this text"},
};
#define NOPTIONS (sizeof options / sizeof options[0])

/* What an option means for one command, where the table's general text
 * would say more than that command needs (or the wrong thing): `--help` of
 * a command shows these instead. */
static const struct {
    unsigned commands;
    const char *name, *help;
} help_for[] = {
    {CMD_PROGRESS | CMD_GRANTS | CMD_REPORT | CMD_KSO, "locaties",
     "the reception locations (required): gemeentecode, locatie, plaatsen, amv_plaatsen, "
     "soort, vanaf, tot, status, reden, kleinschalig"},
    {CMD_EXPLAIN, "locaties",
     "the reception locations, to explain how the gemeente's places count (without it only "
     "the opgave is explained)"},
    {CMD_MAP, "locaties", "the reception locations, to colour the map by counted places"},
    {CMD_SWEEP, "capaciteit", "the capacities to divide, FROM:TO[:STEP] (required)"},
    {CMD_EXPLAIN, "gemeente",
     "the gemeente to explain, by code or name (also as the first "
     "argument)"},
    {CMD_PROGRESS | CMD_REPORT, "gemeente",
     "with --tijdlijn: only this gemeente in the gemeenten table (repeatable)"},
    {CMD_MAP, "provincie", "draw only this province, zoomed, with its gemeenten"},
    {CMD_ALLOCATE | CMD_PROGRESS | CMD_GRANTS, "tabel",
     "only the table NAME: gemeenten or provincies (a timeline: verloop, wisselingen; a "
     "comparison: wijzigingen, locaties)"},
    {CMD_EXPLAIN, "tabel", "only the table NAME: berekening or locaties"},
    {CMD_REPORT, "tabel", "only the table NAME: provincies, gemeenten or kso (not with html)"},
    {CMD_SWEEP, "tabel", "only the table NAME: sweep or paradoxen"},
    {CMD_KSO, "tabel",
     "only the table NAME: totaal, provincies, gemeenten, redenen, aandeel or "
     "locaties (the small-scale rows themselves)"},
    {CMD_REPORT, "format", "the form (default: html); xlsx needs -o"},
    {CMD_ALLOCATE | CMD_PROGRESS | CMD_GRANTS | CMD_EXPLAIN | CMD_SWEEP | CMD_KSO, "format",
     "the form (default: table); xlsx needs -o"},
};

static const char *help_of(const cli_option *op, enum cli_command command)
{
    for (size_t i = 0; i < sizeof help_for / sizeof help_for[0]; i++)
        if ((help_for[i].commands & command) && strcmp(help_for[i].name, op->name) == 0)
            return help_for[i].help;
    return op->help;
}

/* Options a command refuses for a reason of its own, said instead of "not
 * an option of this command". */
static const struct {
    unsigned commands;
    const char *name, *why;
} refusals[] = {
    {CMD_KSO, "what-if", "the overview reports the register as it is, not a scenario"},
    {CMD_KSO, "include-planned", "the overview reports the register as it is, not a scenario"},
};

static const char *const sections[] = {S_IN, S_ALLOC, S_COUNT, S_GRANT, S_OUT};

const cli_exit cli_exits[] = {
    {EX_OK, "success"},
    {EX_USAGE, "usage: a wrong option, option value or combination"},
    {EX_DATAERR, "bad data: an input is malformed or inconsistent, or a figure it needs is missing"},
    {EX_NOINPUT, "an input file cannot be opened"},
    {EX_UNAVAILABLE, "a feature this build lacks (-f xlsx without libxlsxwriter)"},
    {EX_SOFTWARE, "an internal error (please report it)"},
    {EX_OSERR, "out of memory"},
    {EX_CANTCREAT, "the output file cannot be created or replaced"},
    {EX_IOERR, "reading or writing failed (a full disk)"},
    {-1, NULL},
};

/* ---- help ---- */

static const struct {
    enum cli_command command;
    const char *args, *summary;
} usage_of[] = {
    {CMD_ALLOCATE, "", "The opgave per gemeente and per province."},
    {CMD_PROGRESS, " --locaties FILE", "Counted places against the opgave, and the 75 % test."},
    {CMD_GRANTS, " --locaties FILE", "The art. 9 grants per gemeente and per province."},
    {CMD_EXPLAIN, " GMxxxx [--locaties FILE]", "Every step of one gemeente's figures."},
    {CMD_REPORT, " --locaties FILE -o FILE.html", "Everything on one HTML page."},
    {CMD_SWEEP, " --capaciteit FROM:TO[:STEP]",
     "The allocation at every capacity of a range, and its paradoxes."},
    {CMD_MAP, " [--locaties FILE] [-o FILE.svg]",
     "A map of the provinces or gemeenten as SVG: the opgave, or with --locaties the progress "
     "against the threshold."},
    {CMD_KSO, " --locaties FILE",
     "Small-scale reception (kleinschalige opvang) on the peildatum: nationally, per province "
     "and per gemeente the locations and places in each class (gepland, toegezegd, "
     "gerealiseerd, beeindigd, niet_gerealiseerd), the reasons planned ones were not "
     "realised, and the share of small-scale places in the counted places."},
    {CMD_CYCLE, "",
     "Writes an embedded cycle file: every parameter with its value, status and source, and "
     "the figures not known yet left empty, as the template to fill in and give back with "
     "--cycle-file."},
};

/* Writes text wrapped at 79 columns, continuation lines indented. */
static void wrap(FILE *f, const char *s, size_t col, size_t indent)
{
    while (*s) {
        size_t n = strcspn(s, " ");
        size_t w = 0;
        for (size_t i = 0; i < n; i++)
            w += ((unsigned char)s[i] & 0xC0) != 0x80;
        if (col > indent && col + 1 + w > 79) {
            fprintf(f, "\n%*s", (int)indent, "");
            col = indent;
        } else if (col > indent) {
            fputc(' ', f);
            col++;
        }
        fwrite(s, 1, n, f);
        col += w;
        s += n;
        while (*s == ' ')
            s++;
    }
    fputc('\n', f);
}

int cli_help(enum cli_command command, const char *name)
{
    FILE *f = stdout;
    for (size_t u = 0; u < sizeof usage_of / sizeof usage_of[0]; u++)
        if (usage_of[u].command == command)
        {
            fprintf(f, "usage: spreiding %s%s [OPTIONS]\n\n", name, usage_of[u].args);
            wrap(f, usage_of[u].summary, 0, 0);
        }
    for (size_t s = 0; s < sizeof sections / sizeof sections[0]; s++) {
        bool any = false;
        for (size_t i = 0; i < NOPTIONS; i++) {
            const cli_option *op = &options[i];
            if (!(op->commands & command) || strcmp(op->section, sections[s]) != 0)
                continue;
            if (!any)
                fprintf(f, "\n%s:\n", sections[s]);
            any = true;
            char head[80];
            int n = op->short_name
                        ? snprintf(head, sizeof head, "  -%c, --%s%s%s", op->short_name, op->name,
                                   op->metavar ? " " : "", op->metavar ? op->metavar : "")
                        : snprintf(head, sizeof head, "  --%s%s%s", op->name,
                                   op->metavar ? " " : "", op->metavar ? op->metavar : "");
            fputs(head, f);
            if (n > 30) {
                fprintf(f, "\n%*s", 31, "");
                n = 31;
            } else {
                fprintf(f, "%*s", 31 - n, "");
                n = 31;
            }
            wrap(f, help_of(op, command), (size_t)n, 31);
        }
    }
    fputs("\nExit codes:\n", f);
    for (const cli_exit *e = cli_exits; e->meaning; e++) {
        fprintf(f, "  %-3d ", e->code);
        wrap(f, e->meaning, 6, 6);
    }
    fputs("\nThe rules each figure follows: man spreiding, and docs/rekenregels.md in the\n"
          "source (installed as share/doc/spreiding/rekenregels.md).\n", f);
    return cli_flush(f);
}

/* ---- parsing ---- */

/* The option of this command nearest to what was typed, for "did you
 * mean". */
static const cli_option *closest(const char *typed, unsigned command)
{
    const cli_option *best = NULL;
    size_t bd = 3;
    for (size_t i = 0; i < NOPTIONS; i++) {
        if (!(options[i].commands & command))
            continue;
        size_t d = cli_distance(typed, options[i].name);
        if (d < bd) {
            bd = d;
            best = &options[i];
        }
    }
    return best;
}

static const char *command_list(unsigned mask, char *buf, size_t cap)
{
    static const struct {
        unsigned bit;
        const char *name;
    } names[] = {{CMD_ALLOCATE, "allocate"}, {CMD_PROGRESS, "progress"}, {CMD_GRANTS, "grants"},
                 {CMD_EXPLAIN, "explain"},   {CMD_REPORT, "report"},     {CMD_SWEEP, "sweep"},
                 {CMD_MAP, "map"},           {CMD_CYCLE, "cycle"},
                 {CMD_KSO, "kso"}};
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (mask & names[i].bit)
            o += (size_t)snprintf(buf + o, o < cap ? cap - o : 0, "%s%s", o ? ", " : "",
                                  names[i].name);
    return buf;
}

static int set_value(cli_options *o, const cli_option *op, const char *arg)
{
    char *base = (char *)o;
    const char *why;
    switch (op->arg) {
    case A_FLAG:
        *(bool *)(void *)(base + op->offset) = true;
        return 0;
    case A_TEXT:
        if (!arg[0]) { /* a file, a code, a title: never nothing */
            cli_error("--%s: the value is empty", op->name);
            return EX_USAGE;
        }
        *(const char **)(void *)(base + op->offset) = arg;
        return 0;
    case A_POLICY: {
        int v = sw_policy_parse(op->policy, arg);
        if (v < 0) {
            cli_error("--%s: '%s' is not one of %s", op->name, arg, sw_policy_choices(op->policy));
            return EX_USAGE;
        }
        /* The option table reaches a policy field by its offset; every
         * policy type is an enum of int's size. */
        _Static_assert(sizeof(sw_mode) == sizeof(int) && sizeof(sw_afronding) == sizeof(int) &&
                           sizeof(sw_ja_nee) == sizeof(int),
                       "a policy enum is not the size of an int");
        memcpy(base + op->offset, &v, sizeof v);
        return 0;
    }
    case A_COUNT: {
        int64_t v;
        if (sw_parse_count(&v, arg, strlen(arg), &why) != 0) {
            /* 0,75 for 75 %: say what the option counts in */
            bool pct = op->metavar && strcmp(op->metavar, "PCT") == 0;
            cli_error("--%s: '%s' %s%s", op->name, arg, why,
                      pct ? " (a whole percentage: 75 for 75 %)" : "");
            return EX_USAGE;
        }
        *(int64_t *)(void *)(base + op->offset) = v;
        if (op->flag != NONE)
            *(bool *)(void *)(base + op->flag) = true;
        return 0;
    }
    case A_DATE:
        if (sw_parse_date((sw_date *)(void *)(base + op->offset), arg, strlen(arg), &why) != 0) {
            cli_error("--%s: '%s' %s", op->name, arg, why);
            return EX_USAGE;
        }
        *(bool *)(void *)(base + op->flag) = true;
        return 0;
    case A_LIST: {
        size_t *n = (size_t *)(void *)(base + op->flag);
        const char **list = (const char **)(void *)(base + op->offset);
        if (*n == CLI_MAX_LIST) {
            cli_error("--%s: more than %d given", op->name, CLI_MAX_LIST);
            return EX_USAGE;
        }
        list[(*n)++] = arg;
        return 0;
    }
    case A_DELIM:
        if (strcmp(arg, "auto") == 0)
            o->delimiter = 0;
        else if (strcmp(arg, ",") == 0 || strcmp(arg, ";") == 0)
            o->delimiter = arg[0];
        else if (strcmp(arg, "tab") == 0 || strcmp(arg, "\t") == 0)
            o->delimiter = '\t';
        else {
            cli_error("-d: '%s' is not one of auto|,|;|tab", arg);
            return EX_USAGE;
        }
        return 0;
    case A_HELP:
        return 0;
    }
    return 0;
}

/* A register file that is really a gemeentecode: the user meant --gemeente. */
static int check_gemeenten(const cli_options *o)
{
    const char *why;
    int code;
    struct stat st;
    if (o->gemeenten && stat(o->gemeenten, &st) != 0 &&
        sw_parse_gemeentecode(&code, o->gemeenten, strlen(o->gemeenten), &why) == 0) {
        cli_error("--gemeenten takes the register of gemeenten (a file); '%s' looks like a "
                  "gemeentecode: did you mean --gemeente %s?", o->gemeenten, o->gemeenten);
        return EX_USAGE;
    }
    return 0;
}

/* --tijdlijn, --vergelijk, --vergelijk-peildatum, --alles and --gemeente
 * together. The range is parsed by the library (timeline.h). */
static int check_timeline(cli_options *o)
{
    bool compare = o->vergelijk || o->has_vergelijk_peildatum;
    if (o->tijdlijn_text && o->progress.has_peildatum) {
        cli_error("--tijdlijn counts at each of its dates; --peildatum names one date: give "
                  "one of them");
        return EX_USAGE;
    }
    if (o->tijdlijn_text && compare) {
        cli_error("--tijdlijn and --vergelijk/--vergelijk-peildatum are separate questions: "
                  "ask them in two runs");
        return EX_USAGE;
    }
    if (o->alles && !compare) {
        cli_error("--alles lists the unchanged rows of a comparison: it needs --vergelijk or "
                  "--vergelijk-peildatum");
        return EX_USAGE;
    }
    if (o->command != CMD_EXPLAIN && o->ngemeente && !o->tijdlijn_text) {
        cli_error("--gemeente chooses the gemeenten of a timeline: it needs --tijdlijn (use "
                  "--provincie for one province, or explain for one gemeente)");
        return EX_USAGE;
    }
    if (o->kso && !o->tijdlijn_text) {
        cli_error("--kso adds small-scale reception to a timeline: it needs --tijdlijn (for "
                  "one date, see 'spreiding kso')");
        return EX_USAGE;
    }
    if (!o->tijdlijn_text)
        return 0;
    sw_diag diag = {0};
    int e = sw_timeline_parse(&o->tijdlijn, o->tijdlijn_text, &diag);
    if (e != 0)
        return cli_fail(e, &diag);
    o->progress.steps = o->tijdlijn.date;
    o->progress.nsteps = o->tijdlijn.ndates;
    return 0;
}

int cli_parse_options(cli_options *o, enum cli_command command, const char *name, int argc,
                      char **argv)
{
    memset(o, 0, sizeof *o);
    o->command = command;
    o->command_name = name;
    struct option longs[NOPTIONS + 1];
    char shorts[64] = ":";
    for (size_t i = 0; i < NOPTIONS; i++) {
        bool has_arg = options[i].arg != A_FLAG && options[i].arg != A_HELP;
        longs[i] = (struct option){options[i].name, has_arg ? required_argument : no_argument,
                                   NULL, (int)(256 + i)};
        if (options[i].short_name) {
            size_t n = strlen(shorts);
            shorts[n++] = options[i].short_name;
            if (has_arg)
                shorts[n++] = ':';
            shorts[n] = '\0';
        }
    }
    longs[NOPTIONS] = (struct option){NULL, 0, NULL, 0};
    opterr = 0;
    /* 0, not 1: glibc then resets all of getopt's state, also what a parse
     * that stopped inside "-fo" left behind (the fuzz target parses again
     * and again in one process). */
    optind = 0;
    int c, rc = 0;
    bool seen[NOPTIONS] = {false};
    while (rc == 0 && (c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
        const cli_option *op = NULL;
        if (c >= 256)
            op = &options[c - 256];
        for (size_t i = 0; !op && c != '?' && c != ':' && i < NOPTIONS; i++)
            if (options[i].short_name == c)
                op = &options[i];
        if (c == ':') {
            cli_error("option '%s' needs a value", argv[optind - 1]);
            return EX_USAGE;
        }
        if (!op) {
            const char *typed = argv[optind - 1];
            const char *eq = strchr(typed, '=');
            char bare[64];
            snprintf(bare, sizeof bare, "%.*s", (int)(eq ? eq - typed : (long)strlen(typed)),
                     typed + (typed[0] == '-' && typed[1] == '-' ? 2 : 0));
            const cli_option *near = closest(bare, command);
            if (near)
                cli_error("unknown option '%s'; did you mean --%s? (see 'spreiding %s --help')",
                          typed, near->name, name);
            else
                cli_error("unknown option '%s' (try 'spreiding %s --help')", typed, name);
            return EX_USAGE;
        }
        if (op->arg == A_HELP)
            return cli_help(command, name) ? EX_IOERR : -1;
        for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++)
            if ((refusals[i].commands & command) && strcmp(refusals[i].name, op->name) == 0) {
                cli_error("--%s is not an option of %s: %s", op->name, name, refusals[i].why);
                return EX_USAGE;
            }
        if (!(op->commands & command)) {
            char list[128];
            cli_error("--%s is not an option of %s (it is one of %s)", op->name, name,
                      command_list(op->commands, list, sizeof list));
            return EX_USAGE;
        }
        /* One value, given twice: which did the user mean? Say so rather
         * than let the last silently win. */
        if (op->arg != A_LIST && op->arg != A_FLAG && seen[op - options]) {
            cli_error("--%s is given twice; it takes one value", op->name);
            return EX_USAGE;
        }
        seen[op - options] = true;
        rc = set_value(o, op, optarg);
    }
    if (rc != 0)
        return rc;
    if (command == CMD_EXPLAIN) {
        if (o->ngemeente > 1 || (o->ngemeente == 1 && optind < argc)) {
            cli_error("explain explains one gemeente at a time");
            return EX_USAGE;
        }
        o->gemeente = o->ngemeente ? o->gemeente_list[0] : optind < argc ? argv[optind++] : NULL;
    }
    if (optind < argc) {
        cli_error("unexpected argument '%s'", argv[optind]);
        return EX_USAGE;
    }
    if (command == CMD_EXPLAIN && !o->gemeente) {
        cli_error("explain needs a gemeentecode (spreiding explain GM0363)");
        return EX_USAGE;
    }
    if ((command & (CMD_PROGRESS | CMD_GRANTS | CMD_REPORT | CMD_KSO)) && !o->locaties) {
        cli_error("%s needs --locaties FILE", name);
        return EX_USAGE;
    }
    if (command == CMD_SWEEP && !o->capaciteit) {
        cli_error("sweep needs --capaciteit FROM:TO[:STEP]");
        return EX_USAGE;
    }
    if (command != CMD_SWEEP && o->capaciteit) {
        const char *why;
        if (sw_parse_count(&o->alloc.capaciteit, o->capaciteit, strlen(o->capaciteit), &why)) {
            cli_error("--capaciteit: '%s' %s", o->capaciteit, why);
            return EX_USAGE;
        }
        o->alloc.has_capaciteit = true;
    }
    if (o->beschikbaar_tot) {
        const char *why;
        if (strcmp(o->beschikbaar_tot, "geen") == 0)
            o->progress.beschikbaar_tot = SW_NEE;
        else if (sw_parse_date(&o->progress.beschikbaar_tot_datum, o->beschikbaar_tot,
                               strlen(o->beschikbaar_tot), &why) == 0)
            o->progress.beschikbaar_tot = SW_JA;
        else {
            cli_error("--beschikbaar-tot: '%s' %s, or 'geen'", o->beschikbaar_tot, why);
            return EX_USAGE;
        }
    }
    rc = check_timeline(o);
    return rc ? rc : check_gemeenten(o);
}
