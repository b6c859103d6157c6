/* -f xlsx: the xlsx module (write_xlsx.c as spreiding-xlsx.so) loaded when
 * asked for, and run in a child process.
 *
 * Loaded, because libxlsxwriter and zlib cost every other run of the
 * program their start-up time otherwise. In a child, because libxlsxwriter
 * (1.1.5) does not survive every failed allocation: some crash in its own
 * clean-up (lxw_worksheet_new), some are printed on stderr and otherwise
 * ignored (the package's relationships). The child's stderr goes to a file
 * the parent reads afterwards, so that such a failure is told as what it is
 * ("out of memory"), a crash of the writer is told as one, the user's
 * terminal sees one message in our words, and the output is never a
 * workbook with a part missing. */
/* realpath is beyond POSIX.1-2008 base. */
#define _DEFAULT_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/auxv.h>
#include <sys/prctl.h>
#endif
#include <sysexits.h>
#include <unistd.h>

#include "cli.h"

#ifdef SW_HAVE_XLSX

/* Opens the module at `file` (kept in `used` for messages) if it is there.
 * A module that is there but does not load is the error worth telling (err
 * keeps the first); one that is not there is not an error. */
static void *open_file(const char *file, char *used, size_t ucap, char *err, size_t cap)
{
    void *h = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (h)
        snprintf(used, ucap, "%s", file);
    else if (!err[0] && access(file, F_OK) == 0)
        snprintf(err, cap, "%s", dlerror());
    return h;
}

/* The module beside the program whose path is `self`. */
static void *open_beside(const char *self, char *used, size_t ucap, char *err, size_t cap)
{
    static const char name[] = "spreiding-xlsx.so";
    const char *slash = strrchr(self, '/');
    char file[PATH_MAX + sizeof name];
    if (!slash || (size_t)(slash - self) + 1 + sizeof name > sizeof file)
        return NULL;
    memcpy(file, self, (size_t)(slash - self) + 1);
    memcpy(file + (slash - self) + 1, name, sizeof name);
    return open_file(file, used, ucap, err, cap);
}

/* Beside the program (a build tree), else where it is installed. The
 * program is /proc/self/exe; only where /proc is not mounted (some build
 * sandboxes) the name it was started by, resolved through its links, so
 * that a link elsewhere never decides what code is loaded. */
static void *open_module(char *used, size_t ucap, char *err, size_t cap)
{
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    void *h = NULL;
    if (n > 0) {
        self[n] = '\0';
        h = open_beside(self, used, ucap, err, cap);
    }
#ifdef __linux__
    else {
        const char *started = (const char *)getauxval(AT_EXECFN);
        if (started && realpath(started, self))
            h = open_beside(self, used, ucap, err, cap);
    }
#endif
    if (!h)
        h = open_file(SW_XLSX_MODULE, used, ucap, err, cap);
    if (!h && !err[0])
        snprintf(err, cap, "%s: %s", SW_XLSX_MODULE, "not found");
    return h;
}

int cli_xlsx_open(cli_xlsx_build_fn **build)
{
    char err[512] = "", used[PATH_MAX] = "";
    /* The module stays loaded for the life of the process. */
    void *h = open_module(used, sizeof used, err, sizeof err);
    *build = NULL;
    if (h) {
        /* A module of another version may expect another report. */
        const char *version = dlsym(h, CLI_XLSX_VERSION);
        void *sym = dlsym(h, CLI_XLSX_ENTRY);
        if (!version || strcmp(version, SW_VERSION) != 0)
            snprintf(err, sizeof err, "%s is of version %s, this program of %s", used,
                     version ? version : "unknown", SW_VERSION);
        else if (!sym)
            snprintf(err, sizeof err, "%s has no %s", used, CLI_XLSX_ENTRY);
        else
            memcpy(build, &sym, sizeof sym); /* ISO C has no object-to-function cast */
    }
    if (!*build) {
        cli_error("-f xlsx is not available: its module cannot be loaded (%s)", err);
        return EX_UNAVAILABLE;
    }
    return 0;
}

/* What libxlsxwriter printed: its first line, without "[ERROR][file:line]: ". */
static bool first_said(FILE *f, char *said, size_t cap)
{
    rewind(f);
    said[0] = '\0';
    bool spoke = fgets(said, (int)cap, f) != NULL;
    said[strcspn(said, "\n")] = '\0';
    const char *colon = strstr(said, "]: ");
    if (colon)
        memmove(said, colon + 3, strlen(colon + 3) + 1);
    return spoke;
}

static bool out_of_memory(const char *said)
{
    return strstr(said, "Memory allocation failed") != NULL;
}

/* The child: builds the workbook into `path` with stderr going to `heard`.
 * Exits 0, EX_OSERR (out of memory, unsaid), or another code with its
 * message said. */
static _Noreturn void child(cli_xlsx_build_fn *build, const sw_report *r,
                            const sw_write_options *wo, const char *path, FILE *heard)
{
    int saved = dup(STDERR_FILENO);
    if (saved < 0 || dup2(fileno(heard), STDERR_FILENO) < 0)
        _exit(EX_OSERR);
    char why[320], said[256];
    int e = build(r, wo, path, why, sizeof why);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    if (e == 0 && first_said(heard, said, sizeof said)) {
        if (out_of_memory(said)) {
            e = SW_ENOMEM;
        } else {
            snprintf(why, sizeof why, "libxlsxwriter says: %s", said);
            e = SW_EIO;
        }
    }
    if (e == SW_EIO)
        cli_error("cannot write the workbook: %s", why);
    else if (e != 0 && e != SW_ENOMEM)
        cli_error("%s", sw_strerror(e)); /* what the report could not give */
    fflush(stderr);
    /* "out of memory" is the parent's to say (it also hears of a crash) */
    _exit(e == 0 ? 0 : e == SW_ENOMEM ? EX_OSERR : e == SW_EIO ? EX_IOERR : cli_exit_code(e));
}

/* The finished workbook, copied to the sink. */
static int copy(const char *path, const sw_sink *out)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return cli_os_error(EX_IOERR, "cannot read the workbook back");
    char buf[65536];
    size_t n;
    int rc = 0;
    while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0)
        if (out->write(out->ctx, buf, n) != 0)
            rc = EX_IOERR; /* the sink has said why */
    if (rc == 0 && ferror(in))
        rc = cli_os_error(EX_IOERR, "cannot read the workbook back");
    fclose(in);
    return rc;
}

int cli_write_xlsx(cli_xlsx_build_fn *build, const sw_report *r, const sw_write_options *wo,
                   const sw_sink *out)
{
    const char *dir = getenv("TMPDIR");
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s/spreiding-xlsx-XXXXXX", dir && dir[0] ? dir : "/tmp");
    int fd = mkstemp(tmp);
    if (fd < 0)
        return cli_os_error(EX_IOERR, "cannot create a temporary file for the workbook");
    close(fd);
    cli_temp_guard(tmp);
    int rc = 0;
    FILE *heard = tmpfile();
    if (!heard)
        rc = cli_os_error(EX_IOERR, "cannot create a temporary file for the workbook");
    pid_t pid = -1;
    if (rc == 0) {
        fflush(stdout);
        fflush(stderr);
        /* No signal between the fork and the parent knowing its child, so
         * that an interrupt never leaves the writer running on its own. */
        sigset_t block, old;
        sigemptyset(&block);
        sigaddset(&block, SIGINT);
        sigaddset(&block, SIGTERM);
        sigaddset(&block, SIGHUP);
        sigprocmask(SIG_BLOCK, &block, &old);
        pid = fork();
        if (pid == 0) {
#ifdef __linux__
            prctl(PR_SET_PDEATHSIG, SIGKILL); /* the parent killed outright */
#endif
            signal(SIGINT, SIG_DFL);
            signal(SIGTERM, SIG_DFL);
            signal(SIGHUP, SIG_DFL);
            sigprocmask(SIG_SETMASK, &old, NULL);
            if (getppid() == 1)
                _exit(EX_OSERR); /* the parent is already gone */
            child(build, r, wo, tmp, heard);
        }
        if (pid > 0)
            cli_child_guard(pid);
        sigprocmask(SIG_SETMASK, &old, NULL);
        if (pid < 0)
            rc = cli_os_error(EX_OSERR, "cannot start the xlsx writer");
    }
    int status = 0;
    while (pid > 0 && waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            rc = cli_os_error(EX_OSERR, "cannot wait for the xlsx writer");
            break;
        }
    cli_child_guard(0);
    if (rc == 0 && WIFEXITED(status)) {
        rc = WEXITSTATUS(status);
        if (rc == EX_OSERR)
            cli_error("out of memory");
    } else if (rc == 0) {
        char said[256];
        if (first_said(heard, said, sizeof said) && out_of_memory(said)) {
            cli_error("out of memory");
            rc = EX_OSERR;
        } else {
            cli_error("the xlsx writer (libxlsxwriter) crashed: %s",
                      WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "unknown status");
            rc = EX_SOFTWARE;
        }
    }
    if (heard)
        fclose(heard);
    if (rc == 0)
        rc = copy(tmp, out);
    unlink(tmp);
    cli_temp_unguard(tmp);
    return rc;
}

#else

int cli_xlsx_open(cli_xlsx_build_fn **build)
{
    *build = NULL;
    cli_error("this spreiding was built without libxlsxwriter: -f xlsx is not available");
    return EX_UNAVAILABLE;
}

int cli_write_xlsx(cli_xlsx_build_fn *build, const sw_report *r, const sw_write_options *wo,
                   const sw_sink *out)
{
    (void)build, (void)r, (void)wo, (void)out;
    return EX_SOFTWARE; /* cli_xlsx_open refused first */
}

#endif
