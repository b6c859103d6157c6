/* Writes a deterministic, valid locations file of M rows over the gemeenten
 * of a register, with a mix of soort, status and dates, for benchmarks.
 * Usage: gen_locaties M REGISTER.csv > locaties.csv */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* xorshift64*: the same sequence on every platform. */
static uint64_t next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * UINT64_C(2685821657736338717);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gen_locaties M REGISTER.csv\n");
        return 64;
    }
    long m = atol(argv[1]);
    FILE *f = fopen(argv[2], "r");
    if (!f) {
        perror(argv[2]);
        return 66;
    }
    char line[512], codes[1000][7];
    int n = 0;
    while (fgets(line, sizeof line, f) && n < 1000)
        if (strncmp(line, "GM", 2) == 0) {
            memcpy(codes[n], line, 6);
            codes[n++][6] = '\0';
        }
    fclose(f);
    if (n == 0) {
        fprintf(stderr, "%s: no gemeentecodes\n", argv[2]);
        return 65;
    }
    static const char *soort[] = {"regulier", "regulier", "regulier", "amv", "bijzonder",
                                  "aanmeld", "nood"};
    static const char *status[] = {"gerealiseerd", "gerealiseerd", "toegezegd", "gepland", ""};
    uint64_t s = UINT64_C(0x5D1E1D1A6);
    printf("gemeentecode,locatie,plaatsen,amv_plaatsen,soort,vanaf,tot,status\n");
    for (long i = 0; i < m; i++) {
        int g = (int)(next(&s) % (uint64_t)n);
        const char *so = soort[next(&s) % 7];
        int plaatsen = 1 + (int)(next(&s) % 400);
        int amv = strcmp(so, "amv") == 0 ? plaatsen : (int)(next(&s) % (uint64_t)(plaatsen / 10 + 1));
        int y = 2019 + (int)(next(&s) % 8), mo = 1 + (int)(next(&s) % 12), d = 1 + (int)(next(&s) % 28);
        char tot[16] = "";
        if (next(&s) % 5 >= 2)
            snprintf(tot, sizeof tot, "%04d-%02d-%02d", y + 1 + (int)(next(&s) % 8), mo, d);
        printf("%s,Locatie %ld,%d,%d,%s,%04d-%02d-%02d,%s,%s\n", codes[g], i, plaatsen, amv, so,
               y, mo, d, tot, status[next(&s) % 5]);
    }
    return ferror(stdout) ? 74 : 0;
}
