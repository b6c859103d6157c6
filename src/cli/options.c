/* Command-line options. Policy spellings come from the library, so the CLI
 * accepts exactly what the reports print. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cli.h"

enum {
    OPT_CYCLE = 256, OPT_CYCLE_FILE, OPT_GEMEENTEN, OPT_SES, OPT_MODE, OPT_WEGING,
    OPT_AFRONDING, OPT_AMV_AFRONDING, OPT_SES_ONTBREKEND, OPT_CAPACITEIT, OPT_AMV,
    OPT_PROVINCIE, OPT_PROVINCIES, OPT_EXCEL, OPT_HELP, OPT_LOCATIES, OPT_OPGAVE,
    OPT_PEILDATUM, OPT_DREMPEL, OPT_DUURZAAM_JAREN, OPT_AANMELD_TELT, OPT_INCLUDE_PLANNED,
    OPT_LID3, OPT_LID3_GRONDSLAG, OPT_BUDGET, OPT_WHAT_IF, OPT_TABEL, OPT_GEMEENTEN_DETAIL
};

static const struct option long_options[] = {
    {"cycle", required_argument, NULL, OPT_CYCLE},
    {"cycle-file", required_argument, NULL, OPT_CYCLE_FILE},
    {"gemeenten", required_argument, NULL, OPT_GEMEENTEN},
    {"ses", required_argument, NULL, OPT_SES},
    {"mode", required_argument, NULL, OPT_MODE},
    {"weging", required_argument, NULL, OPT_WEGING},
    {"afronding", required_argument, NULL, OPT_AFRONDING},
    {"amv-afronding", required_argument, NULL, OPT_AMV_AFRONDING},
    {"ses-ontbrekend", required_argument, NULL, OPT_SES_ONTBREKEND},
    {"capaciteit", required_argument, NULL, OPT_CAPACITEIT},
    {"amv", required_argument, NULL, OPT_AMV},
    {"provincie", required_argument, NULL, OPT_PROVINCIE},
    {"provincies", no_argument, NULL, OPT_PROVINCIES},
    {"excel", no_argument, NULL, OPT_EXCEL},
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"delimiter", required_argument, NULL, 'd'},
    {"help", no_argument, NULL, OPT_HELP},
    {"locaties", required_argument, NULL, OPT_LOCATIES},
    {"opgave", required_argument, NULL, OPT_OPGAVE},
    {"peildatum", required_argument, NULL, OPT_PEILDATUM},
    {"drempel", required_argument, NULL, OPT_DREMPEL},
    {"duurzaam-jaren", required_argument, NULL, OPT_DUURZAAM_JAREN},
    {"aanmeld-telt", required_argument, NULL, OPT_AANMELD_TELT},
    {"include-planned", no_argument, NULL, OPT_INCLUDE_PLANNED},
    {"lid3", required_argument, NULL, OPT_LID3},
    {"lid3-grondslag", required_argument, NULL, OPT_LID3_GRONDSLAG},
    {"budget", required_argument, NULL, OPT_BUDGET},
    {"what-if", required_argument, NULL, OPT_WHAT_IF},
    {"tabel", required_argument, NULL, OPT_TABEL},
    {"gemeenten-detail", no_argument, NULL, OPT_GEMEENTEN_DETAIL},
    {NULL, 0, NULL, 0},
};

static void help(const char *command)
{
    bool measure = strcmp(command, "allocate") != 0;
    printf("usage: spreiding %s%s [OPTIONS]\n\n", command,
           strcmp(command, "explain") == 0 ? " GMxxxx" : "");
    if (measure)
        printf("Places and progress (domain.md par. 4):\n"
               "  --locaties FILE            reception locations (gemeentecode, locatie,\n"
               "                             plaatsen, amv_plaatsen, soort, vanaf, tot, status)\n"
               "  --opgave FILE              official opgave per gemeente (gemeentecode,\n"
               "                             opgave[,opgave_amv]) instead of the allocation\n"
               "  --peildatum YYYY-MM-DD     count on this date (default: the cycle's)\n"
               "  --drempel PCT              threshold in whole percent (default 75)\n"
               "  --duurzaam-jaren N         duurzaam from N years (default 5)\n"
               "  --aanmeld-telt ja|nee      do aanmeldcentra count (default: the cycle's)\n"
               "  --include-planned          count planned places too (a scenario)\n"
               "  --provincies               CSV: the province table\n\n"
               "Grants (par. 5):\n"
               "  --lid3 provinciale-drempel|per-gemeente\n"
               "  --lid3-grondslag per-plaats|budget\n"
               "  --budget PV=EUR            lid-3 budget of a province (code or name; euros,\n"
               "                             optionally with cents); repeatable\n"
               "  --what-if GMxxxx=+N        add N counted duurzame places (a scenario);\n"
               "                             repeatable\n\n");
    printf(
           "Inputs (embedded cycle data unless replaced):\n"
           "  --cycle YEAR               cycle to use (default 2024)\n"
           "  --cycle-file FILE          cycle parameters instead of the embedded ones\n"
           "  --gemeenten FILE           gemeente register instead of the embedded one\n"
           "  --ses FILE                 SES-WOA scores: CBS StatLine export or\n"
           "                             gemeentecode,ses_woa (replaces the register's)\n"
           "  -d, --delimiter auto|,|;|tab   input delimiter (default: from the header)\n\n"
           "Allocation policies (domain.md par. 3 and 7):\n"
           "  --mode national|provincial             default provincial when the cycle\n"
           "                                         has every provincial opgave\n"
           "  --weging inwoners|inwoners-ses         default by the scores present\n"
           "  --afronding half-up|largest-remainder  national mode only\n"
           "  --amv-afronding half-up|largest-remainder\n"
           "  --ses-ontbrekend fout|nul              missing scores: error or 0\n"
           "  --capaciteit N                         national total (national mode);\n"
           "                                         sweep: FROM:TO[:STEP]\n"
           "  --gemeenten-detail                     sweep: every gemeente's opgave too\n"
           "  --amv N                                amv part of the total\n\n"
           "Output:\n"
           "  -f, --format table|csv|json|md|xlsx|html  default table; report: html\n"
           "                             (xlsx needs -o)\n"
           "  -o, --output FILE           write FILE atomically ('-' is stdout)\n"
           "  --provincie CODE|NAME       only this province in the tables\n"
           "  --provincies                CSV: the province table\n"
           "  --tabel NAME                CSV: the table NAME (gemeenten, provincies,\n"
           "                             sweep, paradoxen, berekening, locaties)\n"
           "  --excel                     CSV for Dutch Excel: ';', decimal comma, BOM\n\n"
           "Exit codes: 0 ok, 64 usage, 65 bad data, 66 missing input,\n"
           "73 cannot create output, 74 I/O error.\n");
}

static int policy(int *out, sw_policy p, const char *opt, const char *arg)
{
    int v = sw_policy_parse(p, arg);
    if (v < 0) {
        cli_error("%s: '%s' is not one of %s", opt, arg, sw_policy_choices(p));
        return EX_USAGE;
    }
    *out = v;
    return 0;
}

static int count(int64_t *out, const char *opt, const char *arg)
{
    const char *why;
    if (sw_parse_count(out, arg, strlen(arg), &why) != 0) {
        cli_error("%s: '%s' %s", opt, arg, why);
        return EX_USAGE;
    }
    return 0;
}

int cli_parse_options(cli_options *o, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    o->cycle = "2024";
    o->format = strcmp(argv[0], "report") == 0 ? FMT_HTML : FMT_TABLE;
    opterr = 0;
    optind = 1;
    int c, rc = 0;
    while (rc == 0 && (c = getopt_long(argc, argv, ":f:o:d:", long_options, NULL)) != -1) {
        switch (c) {
        case OPT_CYCLE: o->cycle = optarg; break;
        case OPT_CYCLE_FILE: o->cycle_file = optarg; break;
        case OPT_GEMEENTEN: o->gemeenten = optarg; break;
        case OPT_SES: o->ses = optarg; break;
        case OPT_LOCATIES: o->locaties = optarg; break;
        case OPT_OPGAVE: o->opgave = optarg; break;
        case OPT_PEILDATUM: {
            const char *why;
            if (sw_parse_date(&o->progress.peildatum, optarg, strlen(optarg), &why) != 0) {
                cli_error("--peildatum: '%s' %s", optarg, why);
                rc = EX_USAGE;
            }
            o->progress.has_peildatum = true;
            break;
        }
        case OPT_DREMPEL:
            rc = count(&o->progress.drempel_pct, "--drempel", optarg);
            if (rc == 0 && (o->progress.drempel_pct < 1 || o->progress.drempel_pct > 100)) {
                cli_error("--drempel: '%s' is not a percentage from 1 to 100", optarg);
                rc = EX_USAGE;
            }
            break;
        case OPT_DUURZAAM_JAREN:
            rc = count(&o->progress.duurzaam_jaren, "--duurzaam-jaren", optarg);
            o->progress.has_duurzaam_jaren = true;
            break;
        case OPT_AANMELD_TELT:
            rc = policy(&o->progress.aanmeld_telt, SW_POLICY_JA_NEE, "--aanmeld-telt", optarg);
            break;
        case OPT_INCLUDE_PLANNED: o->progress.include_planned = true; break;
        case OPT_LID3: rc = policy(&o->grants.lid3, SW_POLICY_LID3, "--lid3", optarg); break;
        case OPT_LID3_GRONDSLAG:
            rc = policy(&o->grants.grondslag, SW_POLICY_LID3_GRONDSLAG, "--lid3-grondslag",
                        optarg);
            break;
        case OPT_BUDGET:
        case OPT_WHAT_IF: {
            bool b = c == OPT_BUDGET;
            size_t *n = b ? &o->nbudget : &o->nwhat_if;
            if (*n == CLI_MAX_LIST) {
                cli_error("%s: more than %d given", b ? "--budget" : "--what-if", CLI_MAX_LIST);
                rc = EX_USAGE;
            } else {
                (b ? o->budget : o->what_if)[(*n)++] = optarg;
            }
            break;
        }
        case OPT_MODE: rc = policy(&o->alloc.mode, SW_POLICY_MODE, "--mode", optarg); break;
        case OPT_WEGING: rc = policy(&o->alloc.weging, SW_POLICY_WEGING, "--weging", optarg); break;
        case OPT_AFRONDING:
            rc = policy(&o->alloc.afronding, SW_POLICY_AFRONDING, "--afronding", optarg);
            break;
        case OPT_AMV_AFRONDING:
            rc = policy(&o->alloc.amv_afronding, SW_POLICY_AMV_AFRONDING, "--amv-afronding",
                        optarg);
            break;
        case OPT_SES_ONTBREKEND:
            rc = policy(&o->alloc.ses_ontbrekend, SW_POLICY_SES_ONTBREKEND, "--ses-ontbrekend",
                        optarg);
            break;
        case OPT_CAPACITEIT:
            o->capaciteit = optarg; /* a range for sweep: judged below */
            break;
        case OPT_TABEL: o->tabel = optarg; break;
        case OPT_GEMEENTEN_DETAIL: o->gemeenten_detail = true; break;
        case OPT_AMV:
            rc = count(&o->alloc.amv, "--amv", optarg);
            o->alloc.has_amv = true;
            break;
        case OPT_PROVINCIE: o->provincie = optarg; break;
        case OPT_PROVINCIES: o->provincies = true; break;
        case OPT_EXCEL: o->excel = true; break;
        case 'o': o->output = optarg; break;
        case 'f':
            if (strcmp(optarg, "table") == 0)
                o->format = FMT_TABLE;
            else if (strcmp(optarg, "csv") == 0)
                o->format = FMT_CSV;
            else if (strcmp(optarg, "json") == 0)
                o->format = FMT_JSON;
            else if (strcmp(optarg, "md") == 0 || strcmp(optarg, "markdown") == 0)
                o->format = FMT_MD;
            else if (strcmp(optarg, "xlsx") == 0)
                o->format = FMT_XLSX;
            else if (strcmp(optarg, "html") == 0)
                o->format = FMT_HTML;
            else {
                cli_error("-f: '%s' is not one of table|csv|json|md|xlsx|html", optarg);
                rc = EX_USAGE;
            }
            break;
        case 'd':
            if (strcmp(optarg, "auto") == 0)
                o->delimiter = 0;
            else if (strcmp(optarg, ",") == 0 || strcmp(optarg, ";") == 0)
                o->delimiter = optarg[0];
            else if (strcmp(optarg, "tab") == 0 || strcmp(optarg, "\t") == 0)
                o->delimiter = '\t';
            else {
                cli_error("-d: '%s' is not one of auto|,|;|tab", optarg);
                rc = EX_USAGE;
            }
            break;
        case OPT_HELP:
            help(argv[0]);
            return -1;
        case ':':
            cli_error("option '%s' needs a value", argv[optind - 1]);
            rc = EX_USAGE;
            break;
        default:
            cli_error("unknown option '%s' (try 'spreiding %s --help')", argv[optind - 1],
                      argv[0]);
            rc = EX_USAGE;
        }
    }
    if (rc == 0 && o->format == FMT_XLSX && (!o->output || strcmp(o->output, "-") == 0)) {
        cli_error("-f xlsx writes a file: give it with -o FILE.xlsx");
        rc = EX_USAGE;
    }
    bool sweep = strcmp(argv[0], "sweep") == 0;
    if (rc == 0 && o->capaciteit && !sweep) {
        rc = count(&o->alloc.capaciteit, "--capaciteit", o->capaciteit);
        o->alloc.has_capaciteit = true;
    }
    if (rc == 0 && sweep && !o->capaciteit) {
        cli_error("sweep needs --capaciteit FROM:TO[:STEP]");
        rc = EX_USAGE;
    }
    if (rc == 0 && o->gemeenten_detail && !sweep) {
        cli_error("--gemeenten-detail is an option of sweep");
        rc = EX_USAGE;
    }
    bool explain = strcmp(argv[0], "explain") == 0;
    if (rc == 0 && explain && optind < argc)
        o->gemeente = argv[optind++];
    if (rc == 0 && optind < argc) {
        cli_error("unexpected argument '%s'", argv[optind]);
        rc = EX_USAGE;
    }
    if (rc == 0 && explain && !o->gemeente) {
        cli_error("explain needs a gemeentecode (spreiding explain GM0363)");
        rc = EX_USAGE;
    }
    o->alloc_given = o->alloc.mode || o->alloc.weging || o->alloc.afronding ||
                     o->alloc.amv_afronding || o->alloc.ses_ontbrekend ||
                     o->alloc.has_capaciteit || o->alloc.has_amv || o->ses;
    bool measure = strcmp(argv[0], "allocate") != 0 && !sweep;
    bool measure_opts = o->locaties || o->opgave || o->progress.has_peildatum ||
                        o->progress.drempel_pct || o->progress.has_duurzaam_jaren ||
                        o->progress.aanmeld_telt || o->progress.include_planned ||
                        o->grants.lid3 || o->grants.grondslag || o->nbudget || o->nwhat_if;
    if (rc == 0 && !measure && measure_opts) {
        cli_error("%s takes no options about places or grants; see 'spreiding progress "
                  "--help'", argv[0]);
        rc = EX_USAGE;
    }
    if (rc == 0 && measure && !explain && !o->locaties) {
        cli_error("%s needs --locaties FILE", argv[0]);
        rc = EX_USAGE;
    }
    if (rc == 0 && o->opgave && o->alloc_given) {
        cli_error("--opgave gives the opgave per gemeente, so allocation options (--mode, "
                  "--weging, --afronding, --amv-afronding, --ses, --ses-ontbrekend, "
                  "--capaciteit, --amv) have no effect with it");
        rc = EX_USAGE;
    }
    if (rc == 0 && o->alloc.afronding && o->alloc.mode != SW_MODE_NATIONAL &&
        strcmp(argv[0], "sweep") != 0) {
        cli_error("--afronding applies to --mode national only (domain.md par. 7.1): the "
                  "provincial mode always divides by largest remainder");
        rc = EX_USAGE;
    }
    return rc;
}
