/* Reading inputs: files, stdin or the embedded data. Small inputs (the
 * cycle, the register, national tables, an opgave file) are read whole, with
 * a cap; a locations file is streamed, so it may be of any size. Inputs are
 * hashed (SHA-256) on the way in, for the record of a report; a streamed one
 * only when the output shows it, because on a large file the hash costs as
 * much as a tenth of the run. */
#include <errno.h>
#include <nettle/sha2.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli.h"
#include "embedded.h"

/* Largest input read whole, in bytes (README: Input rules and limits). */
#define CLI_MAX_INPUT (64u * 1024u * 1024u)
/* The block a stream is read in. */
#define CLI_BLOCK (256u * 1024u)
/* A stream this long has a person at a terminal wait: say what is going on. */
#define CLI_PROGRESS_BYTES (64u * 1024u * 1024u)

static void hex(char out[65], struct sha256_ctx *ctx)
{
    uint8_t raw[SHA256_DIGEST_SIZE];
    sha256_digest(ctx, sizeof raw, raw);
    for (size_t i = 0; i < sizeof raw; i++)
        snprintf(out + 2 * i, 3, "%02x", raw[i]);
}

static int open_input(cli_input *in, const char *path, FILE **f)
{
    memset(in, 0, sizeof *in);
    /* the name appears in messages and in reports: shown clean */
    in->name = cli_clean_dup(strcmp(path, "-") == 0 ? "<stdin>" : path);
    if (!in->name) {
        cli_error("out of memory");
        return EX_OSERR;
    }
    if (strcmp(path, "-") == 0) {
        *f = stdin;
        return 0;
    }
    *f = fopen(path, "rb");
    if (!*f) {
        return cli_os_error(EX_NOINPUT, "%s: cannot open", path);
    }
    struct stat st;
    if (fstat(fileno(*f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(*f);
        cli_error("%s: is a directory", path);
        return EX_NOINPUT;
    }
    return 0;
}

static void close_input(FILE *f)
{
    if (f != stdin)
        fclose(f);
}

int cli_stream_input(cli_input *in, const char *path, bool digest,
                     int (*feed)(void *, const char *, size_t), void *ctx)
{
    FILE *f;
    int rc = open_input(in, path, &f);
    if (rc != 0)
        return rc;
    char *block = malloc(CLI_BLOCK);
    if (!block) {
        close_input(f);
        cli_error("out of memory");
        return EX_OSERR;
    }
    struct sha256_ctx sha;
    sha256_init(&sha);
    bool told = false;
    size_t total = 0, n;
    while (rc == 0 && (n = fread(block, 1, CLI_BLOCK, f)) > 0) {
        if (digest)
            sha256_update(&sha, n, (const uint8_t *)block);
        total += n;
        if (feed(ctx, block, n) != 0)
            break; /* the library's error: the caller knows it and reports it */
        if (total >= CLI_PROGRESS_BYTES && isatty(STDERR_FILENO)) {
            fprintf(stderr, "\rspreiding: reading %s (%zu MiB)...", in->name, total >> 20);
            told = true;
        }
    }
    if (told)
        fputs("\r\033[K", stderr);
    if (rc == 0 && ferror(f)) {
        cli_error("%s: read error: %s", in->name, strerror(errno));
        rc = EX_IOERR;
    }
    free(block);
    close_input(f);
    if (digest)
        hex(in->sha256, &sha);
    return rc;
}

int cli_read_input(cli_input *in, const char *path, const char *embedded_name)
{
    memset(in, 0, sizeof *in);
    if (!path) {
        for (size_t i = 0; i < sw_embedded_count; i++)
            if (strcmp(sw_embedded_files[i].name, embedded_name) == 0) {
                size_t n = strlen(embedded_name) + sizeof "embedded:";
                if (!(in->name = malloc(n))) {
                    cli_error("out of memory");
                    return EX_OSERR;
                }
                snprintf(in->name, n, "embedded:%s", embedded_name);
                in->data = (char *)(uintptr_t)sw_embedded_files[i].data;
                in->len = sw_embedded_files[i].len;
                in->embedded = true;
                memcpy(in->sha256, sw_embedded_files[i].sha256, sizeof in->sha256);
                return 0;
            }
        char known[128];
        cli_error("no embedded file %s: the cycles built in are %s; for another, give its "
                  "files with --cycle-file (and --gemeenten)",
                  embedded_name, cli_embedded_cycles(known, sizeof known, false));
        return EX_USAGE;
    }
    FILE *f;
    int rc = open_input(in, path, &f);
    if (rc != 0)
        return rc;
    struct sha256_ctx sha;
    sha256_init(&sha);
    size_t cap = 1 << 16, len = 0, n;
    char *buf = malloc(cap);
    while (rc == 0 && buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        sha256_update(&sha, n, (const uint8_t *)buf + len);
        len += n;
        if (len == cap) {
            if (cap >= CLI_MAX_INPUT) {
                cli_error("%s: file is larger than %u MiB, the limit for this kind of input",
                          in->name, CLI_MAX_INPUT >> 20);
                rc = EX_DATAERR;
                break;
            }
            char *p = realloc(buf, cap * 2);
            if (!p) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = p;
            cap *= 2;
        }
    }
    if (rc == 0 && !buf) {
        cli_error("out of memory");
        rc = EX_OSERR;
    }
    if (rc == 0 && ferror(f)) {
        cli_error("%s: read error: %s", in->name, strerror(errno));
        rc = EX_IOERR;
    }
    close_input(f);
    if (rc != 0) {
        free(buf);
        return rc;
    }
    in->data = buf;
    in->len = len;
    hex(in->sha256, &sha);
    return 0;
}

void cli_input_free(cli_input *in)
{
    if (!in->embedded)
        free(in->data);
    free(in->name);
    memset(in, 0, sizeof *in);
}

/* The newest cycle this build embeds, as its year. */
const char *cli_embedded_cycles(char *buf, size_t cap, bool paying)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sw_embedded_count; i++) {
        long y;
        if (sscanf(sw_embedded_files[i].name, "cyclus-%ld.csv", &y) != 1)
            continue;
        if (paying) {
            sw_cycle *cy = NULL;
            bool pays = sw_cycle_load(&cy, sw_embedded_files[i].name, sw_embedded_files[i].data,
                                      sw_embedded_files[i].len, NULL, NULL) == 0 &&
                        sw_cycle_can_pay(cy, SW_UNSET);
            sw_cycle_free(cy);
            if (!pays)
                continue;
        }
        n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, "%s%ld", n ? ", " : "", y);
    }
    return buf[0] ? buf : "none";
}

static const char *newest_cycle(char *buf, size_t cap)
{
    long best = 0;
    for (size_t i = 0; i < sw_embedded_count; i++) {
        long y;
        if (sscanf(sw_embedded_files[i].name, "cyclus-%ld.csv", &y) == 1 && y > best)
            best = y;
    }
    snprintf(buf, cap, "%ld", best);
    return buf;
}

/* --periode for one file: its own option, else the shared one. */
static int periode(int *out, const char *own, const char *shared, const char *own_name)
{
    const char *text = own ? own : shared;
    *out = 0;
    if (!text)
        return 0;
    int64_t y;
    const char *why;
    if (sw_parse_count(&y, text, strlen(text), &why) != 0 || y < 1 || y > 9999) {
        cli_error("--%s: '%s' is not a year", own ? own_name : "periode", text);
        return EX_USAGE;
    }
    *out = (int)y;
    return 0;
}

static int apply_figures(cli_run *run, const cli_options *o, sw_figure_kind kind,
                         cli_input *in, sw_figures **out, sw_diag *diag)
{
    bool ses = kind == SW_FIGURE_SES;
    sw_csv_options copt = SW_CSV_OPTIONS_INIT;
    copt.delimiter = o->delimiter;
    sw_figures_options fopt = SW_FIGURES_OPTIONS_INIT;
    fopt.csv = &copt;
    fopt.kolom = ses ? (o->ses_kolom ? o->ses_kolom : o->kolom)
                     : (o->inwoners_kolom ? o->inwoners_kolom : o->kolom);
    int rc = periode(&fopt.periode, ses ? o->ses_periode : o->inwoners_periode, o->periode,
                     ses ? "ses-periode" : "inwoners-periode");
    if (rc != 0)
        return rc;
    int e = sw_figures_load(out, run->reg, kind, in->name, in->data, in->len, &fopt, diag);
    if (e == 0)
        e = sw_register_apply_figures(run->reg, *out, diag);
    return e ? cli_fail(e, diag) : 0;
}

int cli_load_run(cli_run *run, const cli_options *o)
{
    memset(run, 0, sizeof *run);
    const char *stdin_users[] = {o->cycle_file, o->gemeenten, o->ses,   o->inwoners,
                                 o->locaties,   o->opgave,    o->kaart, o->vergelijk};
    int users = 0;
    for (size_t i = 0; i < sizeof stdin_users / sizeof stdin_users[0]; i++)
        users += stdin_users[i] && strcmp(stdin_users[i], "-") == 0;
    if (users > 1) {
        cli_error("only one input can be read from stdin ('-')");
        return EX_USAGE;
    }
    if ((o->ses_periode || o->ses_kolom) && !o->ses) {
        cli_error("--ses-periode and --ses-kolom need --ses FILE");
        return EX_USAGE;
    }
    if ((o->inwoners_periode || o->inwoners_kolom) && !o->inwoners) {
        cli_error("--inwoners-periode and --inwoners-kolom need --inwoners FILE");
        return EX_USAGE;
    }
    if ((o->periode || o->kolom) && !o->ses && !o->inwoners) {
        cli_error("--periode and --kolom choose from a download: give --ses FILE or "
                  "--inwoners FILE");
        return EX_USAGE;
    }
    char year[32], cycle_name[64], register_name[64];
    const char *cycle = o->cycle ? o->cycle : newest_cycle(year, sizeof year);
    snprintf(cycle_name, sizeof cycle_name, "cyclus-%s.csv", cycle);
    snprintf(register_name, sizeof register_name, "gemeenten-%s.csv", cycle);
    sw_csv_options copt = SW_CSV_OPTIONS_INIT;
    copt.delimiter = o->delimiter;
    sw_diag diag = {0};
    int rc = cli_read_input(&run->cycle_in, o->cycle_file, cycle_name);
    /* -d speaks of the user's files; the embedded ones are comma-separated. */
    int e = 0;
    if (rc == 0)
        e = sw_cycle_load(&run->cycle, run->cycle_in.name, run->cycle_in.data, run->cycle_in.len,
                          run->cycle_in.embedded ? NULL : &copt, &diag);
    if (rc == 0 && e == 0 && !o->gemeenten && o->cycle_file) {
        /* A cycle file brings the register of its year. */
        snprintf(register_name, sizeof register_name, "gemeenten-%lld.csv",
                 (long long)run->cycle->jaar);
    }
    if (rc == 0 && e == 0)
        rc = cli_read_input(&run->register_in, o->gemeenten, register_name);
    if (rc == 0 && e == 0)
        e = sw_register_load(&run->reg, run->register_in.name, run->register_in.data,
                             run->register_in.len, run->register_in.embedded ? NULL : &copt,
                             &diag);
    if (rc == 0 && e == 0)
        e = sw_cycle_adopt_provinces(run->cycle, run->reg);
    if (rc == 0 && e != 0)
        rc = cli_fail(e, &diag);
    if (rc == 0 && o->inwoners && (rc = cli_read_input(&run->inwoners_in, o->inwoners, NULL)) == 0)
        rc = apply_figures(run, o, SW_FIGURE_INWONERS, &run->inwoners_in, &run->inwoners, &diag);
    if (rc == 0 && o->ses && (rc = cli_read_input(&run->ses_in, o->ses, NULL)) == 0)
        rc = apply_figures(run, o, SW_FIGURE_SES, &run->ses_in, &run->ses, &diag);
    if (rc == 0 && o->provincie) {
        int p = sw_cycle_lookup_provincie(run->cycle, o->provincie);
        if (p < 0) {
            const char *near = cli_closest_provincie(run->cycle, o->provincie);
            if (near)
                cli_error("--provincie: '%s' is not a province of cycle %lld; did you mean %s?",
                          o->provincie, (long long)run->cycle->jaar, near);
            else {
                char list[1024];
                size_t n = 0;
                list[0] = '\0';
                for (size_t i = 0; i < run->cycle->nprov; i++)
                    n += (size_t)snprintf(list + n, n < sizeof list ? sizeof list - n : 0,
                                          "%sPV%02d %s", i ? ", " : "",
                                          run->cycle->provincie[i].code,
                                          run->cycle->provincie[i].naam);
                cli_error("--provincie: '%s' is not a province code or name of cycle %lld: %s",
                          o->provincie, (long long)run->cycle->jaar, list);
            }
            return EX_USAGE;
        }
        run->provincie = p;
    }
    return rc;
}

void cli_run_free(cli_run *run)
{
    sw_figures_free(run->ses);
    sw_figures_free(run->inwoners);
    sw_register_free(run->reg);
    sw_cycle_free(run->cycle);
    cli_input_free(&run->cycle_in);
    cli_input_free(&run->register_in);
    cli_input_free(&run->ses_in);
    cli_input_free(&run->inwoners_in);
}

void cli_context_init(cli_context *c, const cli_run *run, const cli_input *loc,
                      const cli_input *opgave)
{
    memset(c, 0, sizeof *c);
    const cli_input *all[] = {&run->cycle_in, &run->register_in, &run->inwoners_in,
                              &run->ses_in, loc, opgave};
    size_t k = 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i] && all[i]->name) {
            c->name[k] = all[i]->name;
            c->hex[k++] = all[i]->sha256;
        }
    c->ctx = (sw_report_context){
        .version = sw_version(),
        .cycle_file = run->cycle_in.name,
        .register_file = run->register_in.name,
        .ses_file = run->ses_in.name,
        .locaties_file = loc ? loc->name : NULL,
        .opgave_file = opgave ? opgave->name : NULL,
        .ninputs = k,
        .input_name = c->name,
        .input_sha256 = c->hex,
        .provincie = run->provincie,
        .ses = run->ses,
        .inwoners = run->inwoners,
    };
}
