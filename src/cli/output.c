/* Writing reports: render, then write atomically, so that a failed or
 * interrupted run never leaves a half-written or clobbered report behind. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli.h"

/* The temporary file being written, for the signal handler: the one piece of
 * process-wide state in the program, because a signal handler has no other
 * way to know what to clean up. */
static char *volatile pending_tmp;

static void on_signal(int sig)
{
    char *tmp = pending_tmp;
    if (tmp)
        unlink(tmp); /* async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);
}

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

/* Devices and pipes (-o /dev/stdout, a FIFO) cannot be replaced by a rename:
 * they are written in place. */
static int write_in_place(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_TRUNC);
    if (fd < 0) {
        cli_error("%s: cannot open for writing: %s", path, strerror(errno));
        return EX_CANTCREAT;
    }
    int rc = 0;
    if (write_all(fd, data, len) != 0) {
        cli_error("%s: write error: %s", path, strerror(errno));
        rc = EX_IOERR;
    }
    if (close(fd) != 0 && rc == 0) {
        cli_error("%s: write error: %s", path, strerror(errno));
        rc = EX_IOERR;
    }
    return rc;
}

/* The signal dispositions in force before a temporary file was begun. */
static struct sigaction old_int, old_term, old_hup;

int cli_temp_begin(const char *path, char **tmp_out, int *fd_out)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    char *tmp = malloc(dirlen + sizeof ".spreiding-XXXXXX");
    if (!tmp)
        return EX_OSERR;
    memcpy(tmp, path, dirlen);
    memcpy(tmp + dirlen, ".spreiding-XXXXXX", sizeof ".spreiding-XXXXXX");
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    sigaction(SIGHUP, &sa, &old_hup);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        cli_error("%s: cannot create: %s", path, strerror(errno));
        sigaction(SIGINT, &old_int, NULL);
        sigaction(SIGTERM, &old_term, NULL);
        sigaction(SIGHUP, &old_hup, NULL);
        free(tmp);
        return EX_CANTCREAT;
    }
    pending_tmp = tmp;
    /* mkstemp makes the file 0600; a report is as readable as any new file. */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0) {
        cli_error("%s: cannot create: %s", path, strerror(errno));
        close(fd);
        return cli_temp_end(tmp, path, EX_CANTCREAT);
    }
    *tmp_out = tmp;
    *fd_out = fd;
    return 0;
}

int cli_temp_end(char *tmp, const char *path, int rc)
{
    if (rc == 0 && rename(tmp, path) != 0) {
        cli_error("%s: cannot create: %s", path, strerror(errno));
        rc = EX_CANTCREAT;
    }
    if (rc != 0)
        unlink(tmp);
    pending_tmp = NULL;
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    sigaction(SIGHUP, &old_hup, NULL);
    free(tmp);
    return rc;
}

int cli_write_atomic(const char *path, const char *data, size_t len)
{
    if (!path || strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
            cli_error("<stdout>: write error: %s", strerror(errno));
            return EX_IOERR;
        }
        return 0;
    }
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            cli_error("%s: is a directory", path);
            return EX_CANTCREAT;
        }
        return write_in_place(path, data, len);
    }
    char *tmp;
    int fd;
    int rc = cli_temp_begin(path, &tmp, &fd);
    if (rc != 0)
        return rc;
    if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        cli_error("%s: write error: %s", path, strerror(errno));
        rc = EX_IOERR;
    }
    if (close(fd) != 0 && rc == 0) {
        cli_error("%s: write error: %s", path, strerror(errno));
        rc = EX_IOERR;
    }
    return cli_temp_end(tmp, path, rc);
}

int cli_check_output(const cli_options *o)
{
    if (!o->output || strcmp(o->output, "-") == 0)
        return 0;
    struct stat out;
    if (stat(o->output, &out) != 0 || !S_ISREG(out.st_mode))
        return 0;
    const char *inputs[] = {o->cycle_file, o->gemeenten, o->ses, o->locaties, o->opgave};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        struct stat in;
        if (inputs[i] && strcmp(inputs[i], "-") != 0 && stat(inputs[i], &in) == 0 &&
            in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
            cli_error("-o %s is one of the input files; refusing to overwrite it", o->output);
            return EX_USAGE;
        }
    }
    return 0;
}

int cli_emit_report(const sw_report *r, const cli_options *o)
{
    sw_buf buf = {0};
    int e = 0;
    switch (o->format) {
    case FMT_XLSX:
        return cli_write_xlsx(r, o->output);
    case FMT_TABLE: e = sw_write_text(&buf, r); break;
    case FMT_JSON: e = sw_write_json(&buf, r); break;
    case FMT_MD: e = sw_write_markdown(&buf, r); break;
    case FMT_HTML: e = sw_write_html(&buf, r); break;
    case FMT_CSV: {
        long t = sw_report_table_index(r, o->tabel ? o->tabel
                                          : o->provincies ? "provincies" : "gemeenten");
        if (t < 0 && o->tabel) {
            cli_error("--tabel: this report has no table '%s'", o->tabel);
            sw_buf_free(&buf);
            return EX_USAGE;
        }
        sw_csv_style st = {0, 0, false};
        if (o->excel)
            st = (sw_csv_style){';', ',', true};
        e = sw_write_csv(&buf, r, t < 0 ? 0 : (size_t)t, &st);
        break;
    }
    }
    int rc = e ? cli_exit_code(e) : cli_write_atomic(o->output, buf.data ? buf.data : "", buf.len);
    if (e)
        cli_error("%s", sw_strerror(e));
    sw_buf_free(&buf);
    return rc;
}
