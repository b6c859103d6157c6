/* Runs a command REPS times and prints its median, minimum and maximum wall
 * time and its peak resident memory, measured by the kernel (wait4).
 * Usage: measure REPS LABEL -- COMMAND [ARG...]   (its stdout is discarded) */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 5 || strcmp(argv[3], "--") != 0) {
        fprintf(stderr, "usage: measure REPS LABEL -- COMMAND [ARG...]\n");
        return 64;
    }
    int reps = atoi(argv[1]);
    double *ms = calloc((size_t)reps, sizeof *ms);
    long rss = 0;
    for (int r = 0; r < reps; r++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        pid_t pid = fork();
        if (pid == 0) {
            int null = open("/dev/null", O_WRONLY);
            dup2(null, 1);
            execvp(argv[4], argv + 4);
            _exit(127);
        }
        int status;
        struct rusage ru;
        if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "measure: %s failed\n", argv[4]);
            return 1;
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        ms[r] = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
        if (ru.ru_maxrss > rss)
            rss = ru.ru_maxrss;
    }
    qsort(ms, (size_t)reps, sizeof *ms, cmp);
    printf("%s median_ms=%.2f min_ms=%.2f max_ms=%.2f peak_rss_mb=%.1f reps=%d\n", argv[2],
           ms[reps / 2], ms[0], ms[reps - 1], (double)rss / 1024.0, reps);
    free(ms);
    return 0;
}
