/* The floor for a command that prints a table: a bare process that writes N
 * lines of a CSV-like table (as many as `spreiding allocate -f csv` does) and
 * nothing else. Usage: bare N */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 0;
    for (long i = 0; i < n; i++)
        printf("GM%04ld,Gemeente %ld,PV%02ld,Provincie,%ld,0.%06ld,1.%06ld,%ld.%04ld,%ld,%ld\n", i,
               i, 20 + i % 12, 10000 + 37 * i, i, i, i, i, 100 + i, i % 10);
    return ferror(stdout) ? 74 : 0;
}
