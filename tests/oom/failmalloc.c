/* An LD_PRELOAD shim for the out-of-memory test: the N-th allocation of the
 * program (malloc, calloc or realloc, counted from when the program starts)
 * fails, every other one succeeds. SW_FAIL_ALLOC=N picks N;
 * SW_COUNT_ALLOC=FILE writes how many allocations a run made, at its exit;
 * SW_FAIL_WHERE=FILE receives the file name of the object (program or
 * shared library) that called the allocation that failed, so a crash can be
 * placed in our code or in a dependency's. The count lives in shared
 * memory, so that a child process (the xlsx writer runs in one) counts on
 * with its parent: N reaches into the child too. glibc's __libc_*
 * functions do the real work. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static unsigned long own_calls, *calls = &own_calls, fail_at;
static const char *count_file, *where_file;

/* No stdio here: it would allocate inside the allocator. */
static void tell_where(void *caller)
{
    Dl_info info;
    if (!where_file || !dladdr(caller, &info) || !info.dli_fname)
        return;
    int fd = open(where_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        ssize_t ignored = write(fd, info.dli_fname, strlen(info.dli_fname));
        (void)ignored;
        close(fd);
    }
}

#define fail() fail_from(__builtin_return_address(0))
static int fail_from(void *caller)
{
    if (++*calls != fail_at)
        return 0;
    tell_where(caller);
    return 1;
}

void *malloc(size_t n)
{
    if (fail()) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
    if (fail()) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
    if (fail()) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_realloc(p, n);
}

static void report(void)
{
    FILE *f = count_file ? fopen(count_file, "w") : NULL;
    if (f) {
        fprintf(f, "%lu\n", *calls);
        fclose(f);
    }
}

__attribute__((constructor)) static void arm(void)
{
    const char *n = getenv("SW_FAIL_ALLOC");
    fail_at = n ? strtoul(n, NULL, 10) : 0;
    count_file = getenv("SW_COUNT_ALLOC");
    where_file = getenv("SW_FAIL_WHERE");
    void *shared = mmap(NULL, sizeof *calls, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                        -1, 0);
    if (shared != MAP_FAILED)
        calls = shared;
    *calls = 0;
    if (count_file)
        atexit(report);
}
