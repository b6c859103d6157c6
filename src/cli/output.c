/* Writing reports: render, then write atomically, so that a failed run never
 * leaves a half-written or clobbered report behind. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli.h"

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

int cli_write_atomic(const char *path, const char *data, size_t len)
{
    if (!path || strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
            cli_error("<stdout>: write error: %s", strerror(errno));
            return EX_IOERR;
        }
        return 0;
    }
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    char *tmp = malloc(dirlen + sizeof ".spreiding-XXXXXX");
    if (!tmp)
        return EX_OSERR;
    memcpy(tmp, path, dirlen);
    memcpy(tmp + dirlen, ".spreiding-XXXXXX", sizeof ".spreiding-XXXXXX");
    int fd = mkstemp(tmp);
    if (fd < 0) {
        cli_error("%s: cannot create: %s", path, strerror(errno));
        free(tmp);
        return EX_CANTCREAT;
    }
    /* mkstemp makes the file 0600; a report is as readable as any new file. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    int rc = 0;
    if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        cli_error("%s: write error: %s", path, strerror(errno));
        rc = EX_IOERR;
    }
    if (close(fd) != 0 && rc == 0) {
        cli_error("%s: write error: %s", path, strerror(errno));
        rc = EX_IOERR;
    }
    if (rc == 0 && rename(tmp, path) != 0) {
        cli_error("%s: cannot create: %s", path, strerror(errno));
        rc = EX_CANTCREAT;
    }
    if (rc != 0)
        unlink(tmp);
    free(tmp);
    return rc;
}

int cli_emit_report(const sw_report *r, const cli_options *o)
{
    sw_buf buf = {0};
    int e = 0;
    switch (o->format) {
    case FMT_TABLE: e = sw_write_text(&buf, r); break;
    case FMT_JSON: e = sw_write_json(&buf, r); break;
    case FMT_MD: e = sw_write_markdown(&buf, r); break;
    case FMT_CSV: {
        long t = sw_report_table_index(r, o->provincies ? "provincies" : "gemeenten");
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
