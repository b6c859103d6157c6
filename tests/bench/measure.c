/* Runs commands side by side and prints, for each, the median, minimum and
 * maximum wall time, the peak resident memory (measured by the kernel, wait4)
 * and the median of its time over the first command's in the same round.
 *
 * Usage: measure [-c CPU] REPS -- LABEL COMMAND [ARG...] [:: LABEL COMMAND [ARG...]]...
 *
 * Paired runs: each round runs every command once, the first of them in
 * turn, so that a change in the machine's load falls on all of them alike,
 * and the ratio is taken within a round before the median over rounds. Each
 * command runs on one core (CPU, by default the last), its stdout discarded.
 * A command that fails is said once ("LABEL failed: exit N", -1 for a signal
 * or a failed fork) and left out from then on; the others go on. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { MAX_CMDS = 16 };

typedef struct cmd {
    const char *label;
    char **argv;
    double *ms, *ratio;
    int nratio;
    long rss_kb;
    int failed; /* the exit status, or -1 for a signal; 0 while it runs */
} cmd;

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* One run of c on the given CPU: its wall time in ms, or -1 when it failed. */
static double run(cmd *c, int cpu)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        c->failed = -1;
        return -1;
    }
    if (pid == 0) {
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(cpu, &set);
        sched_setaffinity(0, sizeof set, &set);
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        execvp(c->argv[0], c->argv);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        c->failed = -1;
        return -1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        c->failed = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return -1;
    }
    if (ru.ru_maxrss > c->rss_kb)
        c->rss_kb = ru.ru_maxrss;
    return (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
}

int main(int argc, char **argv)
{
    int a = 1;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    int cpu = ncpu > 0 ? (int)ncpu - 1 : 0;
    if (a + 1 < argc && strcmp(argv[a], "-c") == 0) {
        cpu = atoi(argv[a + 1]);
        a += 2;
    }
    if (argc - a < 4 || strcmp(argv[a + 1], "--") != 0) {
        fprintf(stderr, "usage: measure [-c CPU] REPS -- LABEL COMMAND [ARG...] "
                        "[:: LABEL COMMAND [ARG...]]...\n");
        return 64;
    }
    int reps = atoi(argv[a]);
    cmd c[MAX_CMDS];
    int n = 0;
    for (int i = a + 2; i < argc;) {
        if (n == MAX_CMDS || i + 1 >= argc) {
            fprintf(stderr, "measure: at most %d commands, each a label and a command\n",
                    MAX_CMDS);
            return 64;
        }
        c[n] = (cmd){.label = argv[i], .argv = argv + i + 1};
        int j = i + 1;
        while (j < argc && strcmp(argv[j], "::") != 0)
            j++;
        argv[j < argc ? j : argc] = NULL; /* ends this command's argv */
        c[n].ms = calloc((size_t)reps, sizeof *c[n].ms);
        c[n].ratio = calloc((size_t)reps, sizeof *c[n].ratio);
        if (reps < 1 || !c[n].ms || !c[n].ratio)
            return 71;
        n++;
        i = j + 1;
    }
    for (int r = 0; r < reps; r++) {
        double t[MAX_CMDS];
        for (int k = 0; k < n; k++) {
            int i = (r + k) % n;
            bool before = c[i].failed != 0;
            t[i] = before ? -1 : run(&c[i], cpu);
            if (!before && c[i].failed)
                printf("%s failed: exit %d\n", c[i].label, c[i].failed);
        }
        for (int i = 0; i < n; i++) {
            if (t[i] < 0)
                continue;
            c[i].ms[r] = t[i];
            if (i > 0 && t[0] > 0)
                c[i].ratio[c[i].nratio++] = t[i] / t[0];
        }
    }
    for (int i = 0; i < n; i++) {
        if (c[i].failed)
            continue;
        double *ms = c[i].ms;
        double med = median(ms, reps);
        printf("%s median_ms=%.2f min_ms=%.2f max_ms=%.2f peak_rss_mb=%.1f reps=%d", c[i].label,
               med, ms[0], ms[reps - 1], (double)c[i].rss_kb / 1024.0, reps);
        if (i > 0 && c[i].nratio > 0 && !c[0].failed)
            printf(" ratio_to_%s=%.3f", c[0].label, median(c[i].ratio, c[i].nratio));
        printf("\n");
    }
    for (int i = 0; i < n; i++) {
        free(c[i].ms);
        free(c[i].ratio);
    }
    return 0;
}
