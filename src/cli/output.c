/* Writing outputs so that a failed or interrupted run never leaves a
 * half-written report or clobbers an old one: the bytes go to a temporary
 * file beside the target, renamed over it once complete. A device, a FIFO
 * or a link to one is written in place (renaming over /dev/null would
 * replace the device); a link to a file replaces the file, not the link. A
 * replaced file keeps its permissions; a file nobody may write is refused,
 * even for root. */
/* realpath, and the terminal size (TIOCGWINSZ), are beyond POSIX.1-2008 base. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli.h"

/* The temporary files being written, for the signal handler: the one piece
 * of process-wide state in the program, because a signal handler has no
 * other way to know what to clean up. */
enum { PENDING = 2 };
static char *volatile pending[PENDING];
static volatile pid_t child; /* the xlsx writer, while it runs */
static struct sigaction old_int, old_term, old_hup;
static int handlers;

static void on_signal(int sig)
{
    /* The writer first, or it would create its file again after the
     * unlink below. */
    if (child > 0) {
        kill(child, SIGKILL);
        waitpid(child, NULL, 0);
    }
    for (int i = 0; i < PENDING; i++)
        if (pending[i])
            unlink(pending[i]); /* async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Registers tmp for removal on SIGINT, SIGTERM and SIGHUP. */
void cli_temp_guard(char *tmp)
{
    if (handlers++ == 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &old_int);
        sigaction(SIGTERM, &sa, &old_term);
        sigaction(SIGHUP, &sa, &old_hup);
    }
    for (int i = 0; i < PENDING; i++)
        if (!pending[i]) {
            pending[i] = tmp;
            return;
        }
}

void cli_child_guard(pid_t pid)
{
    child = pid;
}

void cli_temp_unguard(char *tmp)
{
    for (int i = 0; i < PENDING; i++)
        if (pending[i] == tmp)
            pending[i] = NULL;
    if (--handlers == 0) {
        sigaction(SIGINT, &old_int, NULL);
        sigaction(SIGTERM, &old_term, NULL);
        sigaction(SIGHUP, &old_hup, NULL);
    }
}

struct cli_output {
    const char *path; /* as given, for messages; NULL: stdout */
    char *real;       /* the file to replace (links resolved) */
    char *tmp;        /* the temporary file, or NULL */
    int fd;
    int err;          /* exit code of the first failure */
};

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

static int sink_write(void *ctx, const char *data, size_t len)
{
    cli_output *o = ctx;
    if (o->err)
        return SW_EIO;
    if (write_all(o->fd, data, len) != 0) {
        cli_error("%s: write error: %s", o->path ? o->path : "<stdout>", strerror(errno));
        o->err = EX_IOERR;
        return SW_EIO;
    }
    return 0;
}

int cli_flush(FILE *f)
{
    if (fflush(f) == 0 && !ferror(f))
        return 0;
    const char *name = f == stdout ? "<stdout>" : "<stderr>";
    if (errno)
        cli_error("%s: write error: %s", name, strerror(errno));
    else
        cli_error("%s: write error", name);
    return EX_IOERR;
}

sw_sink cli_output_sink(cli_output *o) { return (sw_sink){sink_write, o}; }

/* A temporary file in dir (with a trailing '/' or empty), mode `mode`. */
static int make_temp(cli_output *o, const char *dir, size_t dirlen, mode_t mode)
{
    static const char pattern[] = ".spreiding-XXXXXX";
    o->tmp = malloc(dirlen + sizeof pattern);
    if (!o->tmp) {
        cli_error("out of memory");
        return EX_OSERR;
    }
    memcpy(o->tmp, dir, dirlen);
    memcpy(o->tmp + dirlen, pattern, sizeof pattern);
    cli_temp_guard(o->tmp);
    o->fd = mkstemp(o->tmp);
    if (o->fd < 0 || fchmod(o->fd, mode) != 0) {
        int code = cli_os_error(EX_CANTCREAT, "%s: cannot create", o->path);
        if (o->fd >= 0) {
            close(o->fd);
            unlink(o->tmp);
        }
        cli_temp_unguard(o->tmp);
        free(o->tmp);
        o->tmp = NULL;
        return code;
    }
    return 0;
}

/* The descriptor a path names, or -1: /dev/stdout, /dev/stderr, /dev/fd/N
 * and /proc/self/fd/N are the program's own open files. */
static int descriptor(const char *path)
{
    if (strcmp(path, "/dev/stdout") == 0)
        return STDOUT_FILENO;
    if (strcmp(path, "/dev/stderr") == 0)
        return STDERR_FILENO;
    static const char *const dirs[] = {"/dev/fd/", "/proc/self/fd/"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        size_t n = strlen(dirs[i]);
        if (strncmp(path, dirs[i], n) == 0 && path[n] &&
            strspn(path + n, "0123456789") == strlen(path + n) && strlen(path + n) < 6)
            return atoi(path + n);
    }
    return -1;
}

int cli_output_open(cli_output **out, const char *path)
{
    *out = NULL;
    cli_output *o = calloc(1, sizeof *o);
    if (!o) {
        cli_error("out of memory");
        return EX_OSERR;
    }
    if (!path || strcmp(path, "-") == 0) {
        o->fd = STDOUT_FILENO;
        *out = o;
        return 0;
    }
    o->path = path;
    struct stat st, link;
    int rc = 0;
    int fd = descriptor(path);
    if (fd >= 0) {
        /* /dev/stdout names what the shell opened (perhaps a file it
         * appends to): write there, never replace what it points at */
        o->fd = dup(fd);
        if (o->fd < 0)
            rc = cli_os_error(EX_CANTCREAT, "%s: cannot write", path);
    } else if (stat(path, &st) != 0 && lstat(path, &link) == 0 && S_ISLNK(link.st_mode)) {
        char target[PATH_MAX];
        ssize_t n = readlink(path, target, sizeof target - 1);
        target[n > 0 ? n : 0] = '\0';
        cli_error("%s: a symbolic link to '%s', which does not exist: refusing to replace the "
                  "link",
                  path, target);
        rc = EX_CANTCREAT;
    } else if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            cli_error("%s: is a directory", path);
            rc = EX_CANTCREAT;
        } else if (!S_ISREG(st.st_mode)) {
            o->fd = open(path, O_WRONLY | O_TRUNC);
            if (o->fd < 0) {
                rc = cli_os_error(EX_CANTCREAT, "%s: cannot open for writing", path);
            }
        } else if ((st.st_mode & 0222) == 0) {
            cli_error("%s: nobody may write this file (mode %03o): refusing to replace it",
                      path, (unsigned)(st.st_mode & 0777));
            rc = EX_CANTCREAT;
        } else if (!(o->real = realpath(path, NULL))) {
            rc = cli_os_error(EX_CANTCREAT, "%s: cannot create", path);
        } else {
            const char *slash = strrchr(o->real, '/');
            rc = make_temp(o, o->real, (size_t)(slash - o->real) + 1, st.st_mode & 07777);
        }
    } else {
        mode_t mask = umask(0);
        umask(mask);
        const char *slash = strrchr(path, '/');
        if (!(o->real = strdup(path))) {
            cli_error("out of memory");
            rc = EX_OSERR;
        } else {
            rc = make_temp(o, path, slash ? (size_t)(slash - path) + 1 : 0, 0666 & ~mask);
        }
    }
    if (rc != 0) {
        free(o->real);
        free(o);
        return rc;
    }
    *out = o;
    return 0;
}

int cli_output_close(cli_output *o, int rc)
{
    if (rc == 0)
        rc = o->err;
    if (o->path && o->fd >= 0) {
        if (rc == 0 && o->tmp && fsync(o->fd) != 0) {
            cli_error("%s: write error: %s", o->path, strerror(errno));
            rc = EX_IOERR;
        }
        if (close(o->fd) != 0 && rc == 0) {
            cli_error("%s: write error: %s", o->path, strerror(errno));
            rc = EX_IOERR;
        }
    }
    if (o->tmp) {
        if (rc == 0 && rename(o->tmp, o->real) != 0) {
            cli_error("%s: cannot create: %s", o->path, strerror(errno));
            rc = EX_CANTCREAT;
        }
        if (rc != 0)
            unlink(o->tmp);
        cli_temp_unguard(o->tmp);
        free(o->tmp);
    }
    free(o->real);
    free(o);
    return rc;
}

int cli_check_output(const cli_options *o)
{
    if (!o->output || strcmp(o->output, "-") == 0)
        return 0;
    struct stat out;
    if (stat(o->output, &out) != 0 || !S_ISREG(out.st_mode))
        return 0;
    const char *inputs[] = {o->cycle_file, o->gemeenten, o->ses,   o->inwoners,
                            o->locaties,   o->opgave,    o->kaart, o->vergelijk};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        struct stat in;
        /* An input '-' is the file standard input is, when it is one
         * ('< file'): that file is an input too. */
        bool from_stdin = inputs[i] && strcmp(inputs[i], "-") == 0;
        if (inputs[i] && (from_stdin ? fstat(STDIN_FILENO, &in) : stat(inputs[i], &in)) == 0 &&
            in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
            cli_error(from_stdin ? "-o %s is the file standard input reads; refusing to "
                                   "overwrite it"
                                 : "-o %s is one of the input files; refusing to overwrite it",
                      o->output);
            return EX_USAGE;
        }
    }
    return 0;
}

/* ---- writing a report ---- */

/* The width of the terminal stdout writes to, 0 for a pipe or a file (whose
 * rows are never wrapped). COLUMNS wins, as in most tools. */
static size_t terminal_width(void)
{
    if (!isatty(STDOUT_FILENO))
        return 0;
    const char *cols = getenv("COLUMNS");
    long n = cols ? strtol(cols, NULL, 10) : 0;
    if (n >= 20)
        return (size_t)n;
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
        return ws.ws_col;
    return 80;
}

static const char *default_format(const cli_options *o)
{
    return o->format ? o->format : o->command == CMD_REPORT ? "html" : "table";
}

bool cli_shows_digests(const cli_options *o)
{
    return o->command != CMD_MAP && strcmp(default_format(o), "csv") != 0;
}

int cli_emit_report(const sw_report *r, const cli_options *o)
{
    const char *format = default_format(o);
    bool xlsx = strcmp(format, "xlsx") == 0;
    const sw_writer *w = xlsx ? NULL : sw_writer_find(format);
    if (!w && !xlsx) {
        cli_error("-f: '%s' is not one of table|csv|json|md|html|xlsx", format);
        return EX_USAGE;
    }
    bool csv = w && strcmp(w->name, "csv") == 0;
    if (o->excel && !csv) {
        cli_error("--excel shapes CSV for Dutch Excel; it has no meaning for -f %s", format);
        return EX_USAGE;
    }
    if (xlsx && (!o->output || strcmp(o->output, "-") == 0)) {
        cli_error("-f xlsx writes a file: give it with -o FILE.xlsx");
        return EX_USAGE;
    }
    bool html = w && strcmp(w->name, "html") == 0;
    if (html && (o->tabel || o->provincies)) {
        cli_error("the HTML page shows every table; --tabel and --provincies choose tables for "
                  "the other forms");
        return EX_USAGE;
    }
    const char *tables[2] = {NULL, NULL};
    sw_write_options wo = SW_WRITE_OPTIONS_INIT;
    if (o->tabel || o->provincies) {
        tables[0] = o->tabel ? o->tabel : "provincies";
        if (sw_report_table_index(r, tables[0]) < 0) {
            cli_error("--tabel: this report has no table '%s'", tables[0]);
            return EX_USAGE;
        }
        wo.tables = tables;
    } else if (csv) {
        tables[0] = sw_report_table_index(r, "gemeenten") >= 0 ? "gemeenten" : r->table[0].key;
        wo.tables = tables;
    }
    if (o->excel) {
        wo.delimiter = ';';
        wo.decimal = ',';
        wo.spreadsheet = true;
    }
    if (w && strcmp(w->name, "table") == 0 && (!o->output || !strcmp(o->output, "-")))
        wo.width = terminal_width();
    cli_xlsx_build_fn *build = NULL;
    int rc = xlsx ? cli_xlsx_open(&build) : 0;
    cli_output *out;
    if (rc == 0)
        rc = cli_output_open(&out, o->output);
    if (rc != 0)
        return rc;
    sw_sink sink = cli_output_sink(out);
    if (xlsx) {
        rc = cli_write_xlsx(build, r, &wo, &sink);
    } else {
        int e = w->write(&sink, r, &wo);
        if (e != 0 && e != SW_EIO)
            rc = cli_fail(e, NULL);
        else if (e == SW_EIO)
            rc = EX_IOERR;
    }
    return cli_output_close(out, rc);
}
