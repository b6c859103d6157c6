/* Reading inputs: files, stdin or the embedded data, with a size cap so that
 * no input can exhaust memory. */
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

/* Largest input file read, in bytes (README: Input rules and limits). */
#define CLI_MAX_INPUT (256u * 1024u * 1024u)

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

/* Inputs this large take long enough that a person at a terminal wants to
 * know what is going on; nothing is said otherwise, nor on a non-terminal. */
#define CLI_PROGRESS_BYTES (32u * 1024u * 1024u)

static int read_stream(cli_input *in, FILE *f)
{
    bool told = false;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        return EX_OSERR;
    for (;;) {
        if (len == cap) {
            if (cap >= CLI_MAX_INPUT) {
                free(buf);
                cli_error("%s: file is larger than %u MiB, the limit", in->name,
                          CLI_MAX_INPUT >> 20);
                return EX_DATAERR;
            }
            char *p = realloc(buf, cap * 2);
            if (!p) {
                free(buf);
                return EX_OSERR;
            }
            buf = p;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (len >= CLI_PROGRESS_BYTES && isatty(STDERR_FILENO)) {
            fprintf(stderr, "\rspreiding: reading %s (%zu MiB)...", in->name, len >> 20);
            told = true;
        }
        if (n == 0)
            break;
    }
    if (told)
        fputs("\r\033[K", stderr);
    if (ferror(f)) {
        free(buf);
        cli_error("%s: read error: %s", in->name, strerror(errno));
        return EX_IOERR;
    }
    in->data = buf;
    in->len = len;
    return 0;
}

static void digest(cli_input *in)
{
    struct sha256_ctx ctx;
    uint8_t raw[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, in->len, (const uint8_t *)in->data);
    sha256_digest(&ctx, sizeof raw, raw);
    for (size_t i = 0; i < sizeof raw; i++)
        snprintf(in->sha256 + 2 * i, 3, "%02x", raw[i]);
}

int cli_read_input(cli_input *in, const char *path, const char *embedded_name)
{
    memset(in, 0, sizeof *in);
    if (!path) {
        for (size_t i = 0; i < sw_embedded_count; i++)
            if (strcmp(sw_embedded_files[i].name, embedded_name) == 0) {
                size_t n = strlen(embedded_name) + sizeof "embedded:";
                in->name = malloc(n);
                if (!in->name)
                    return EX_OSERR;
                snprintf(in->name, n, "embedded:%s", embedded_name);
                in->data = (char *)(uintptr_t)sw_embedded_files[i].data;
                in->len = sw_embedded_files[i].len;
                in->embedded = true;
                digest(in);
                return 0;
            }
        cli_error("no embedded file %s: this build has no data for that cycle",
                  embedded_name);
        return EX_USAGE;
    }
    in->name = dup_str(strcmp(path, "-") == 0 ? "<stdin>" : path);
    if (!in->name)
        return EX_OSERR;
    if (strcmp(path, "-") == 0) {
        int rc = read_stream(in, stdin);
        if (rc == 0)
            digest(in);
        return rc;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        cli_error("%s: cannot open: %s", path, strerror(errno));
        return EX_NOINPUT;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        cli_error("%s: is a directory", path);
        return EX_NOINPUT;
    }
    int rc = read_stream(in, f);
    fclose(f);
    if (rc == 0)
        digest(in);
    return rc;
}

void cli_input_release(cli_input *in)
{
    if (!in->embedded)
        free(in->data);
    in->data = NULL;
    in->len = 0;
}

void cli_input_free(cli_input *in)
{
    if (!in->embedded)
        free(in->data);
    free(in->name);
    memset(in, 0, sizeof *in);
}

static int library_error(int rc, const sw_diag *diag)
{
    if (diag->count)
        cli_print_diag(diag);
    else
        cli_error("%s", sw_strerror(rc));
    return cli_exit_code(rc);
}

int cli_load_run(cli_run *run, const cli_options *o)
{
    memset(run, 0, sizeof *run);
    int stdin_users = (o->cycle_file && !strcmp(o->cycle_file, "-")) +
                      (o->gemeenten && !strcmp(o->gemeenten, "-")) +
                      (o->ses && !strcmp(o->ses, "-"));
    if (stdin_users > 1) {
        cli_error("only one input can be read from stdin ('-')");
        return EX_USAGE;
    }
    char cycle_name[64], register_name[64];
    snprintf(cycle_name, sizeof cycle_name, "cyclus-%s.csv", o->cycle);
    snprintf(register_name, sizeof register_name, "gemeenten-%s.csv", o->cycle);
    sw_csv_options copt = SW_CSV_OPTIONS_INIT;
    copt.delimiter = o->delimiter;
    sw_diag diag = {0};
    int rc = cli_read_input(&run->cycle_in, o->cycle_file, cycle_name);
    if (rc == 0)
        rc = cli_read_input(&run->register_in, o->gemeenten, register_name);
    if (rc == 0 && o->ses)
        rc = cli_read_input(&run->ses_in, o->ses, NULL);
    if (rc != 0)
        return rc;
    /* -d speaks of the user's files; the embedded ones are comma-separated. */
    int e = sw_cycle_load(&run->cycle, run->cycle_in.name, run->cycle_in.data,
                          run->cycle_in.len, run->cycle_in.embedded ? NULL : &copt, &diag);
    if (e == 0)
        e = sw_register_load(&run->reg, run->register_in.name, run->register_in.data,
                             run->register_in.len, run->register_in.embedded ? NULL : &copt,
                             &diag);
    if (e == 0 && o->ses) {
        sw_figures_options fopt = SW_FIGURES_OPTIONS_INIT;
        fopt.csv = &copt;
        sw_figures *ses = NULL;
        e = sw_figures_read(&ses, run->reg, SW_FIGURE_SES, run->ses_in.name, run->ses_in.data,
                            run->ses_in.len, &fopt, &diag);
        if (e == 0)
            e = sw_register_apply_figures(run->reg, ses, &diag);
        sw_figures_free(ses);
    }
    if (e != 0)
        return library_error(e, &diag);
    if (o->provincie) {
        int p = sw_cycle_lookup_provincie(run->cycle, o->provincie);
        if (p < 0) {
            cli_error("--provincie: '%s' is not a province code or name of cycle %s",
                      o->provincie, o->cycle);
            return EX_USAGE;
        }
        run->provincie = p;
    }
    return 0;
}

void cli_run_free(cli_run *run)
{
    sw_register_free(run->reg);
    sw_cycle_free(run->cycle);
    cli_input_free(&run->cycle_in);
    cli_input_free(&run->register_in);
    cli_input_free(&run->ses_in);
}
