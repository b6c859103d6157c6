/* Shared by the fuzz targets: a fixed cycle and register to read the fuzzed
 * input against, and a check that a failed read left no half-built result. */
#ifndef SW_FUZZ_H
#define SW_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/spreiding.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fuzz_cycle[] =
    "parameter,waarde,status,bron\n"
    "jaar,2024,beleid,f\ncapaciteitsraming,17,beleid,f\namv,3,beleid,f\n"
    "peildatum,2025-07-01,beleid,f\nafronding,half-up,beleid,f\n"
    "ses-ontbrekend,nul,beleid,f\ndrempel,75,beleid,f\nduurzaam-jaren,5,beleid,f\n"
    "aanmeld-telt,ja,beleid,f\nlid3,provinciale-drempel,beleid,f\n"
    "lid3-grondslag,per-plaats,beleid,f\nlid2b-minimum,100,beleid,f\n"
    "tarief.lid2b.duurzaam,2500,beleid,f\ntarief.lid3.duurzaam,4000,beleid,f\n"
    "tarief.lid3.niet-duurzaam,1500,beleid,f\n"
    "provincie.PV20.naam,Alfa,beleid,f\nprovincie.PV20.opgave,10,beleid,f\n"
    "provincie.PV20.opgave_amv,2,beleid,f\n"
    "provincie.PV21.naam,Beta,beleid,f\nprovincie.PV21.opgave,7,beleid,f\n";

static const char fuzz_register[] =
    "gemeentecode,gemeentenaam,provinciecode,inwoners\n"
    "GM0001,A1,PV20,450\nGM0002,A2,PV20,350\nGM0003,A3,PV20,200\n"
    "GM0004,B1,PV21,600\nGM0005,B2,PV21,400\n";

static inline sw_cycle *fuzz_load_cycle(void)
{
    sw_cycle *cy = NULL;
    if (sw_cycle_load(&cy, "c", fuzz_cycle, sizeof fuzz_cycle - 1, NULL, NULL) != 0)
        abort();
    return cy;
}

static inline sw_register *fuzz_load_register(void)
{
    sw_register *reg = NULL;
    if (sw_register_load(&reg, "g", fuzz_register, sizeof fuzz_register - 1, NULL, NULL) != 0)
        abort();
    return reg;
}

/* Writes nowhere, but reads every byte it gets (so that ASan sees them). */
static inline int fuzz_sink(void *ctx, const char *data, size_t len)
{
    unsigned *sum = ctx;
    for (size_t i = 0; i < len; i++)
        *sum += (unsigned char)data[i];
    return 0;
}

/* Every report in every form the library writes, each table on its own
 * too, CSV also for spreadsheets, so the writers see whatever got through. */
static inline void fuzz_write_all(const sw_report *r)
{
    unsigned sum = 0;
    sw_sink sink = {fuzz_sink, &sum};
    for (const sw_writer *w = sw_writers(); w->name; w++) {
        if (w->write(&sink, r, NULL) != 0 && strcmp(w->name, "csv") != 0)
            abort(); /* a writer fails only for want of memory or a bad table key */
        for (size_t t = 0; t < r->ntables; t++) {
            const char *one[] = {r->table[t].key, NULL};
            sw_write_options o = {.tables = one, .width = 40 + t, .delimiter = ';',
                                  .decimal = ',', .spreadsheet = true};
            w->write(&sink, r, &o);
        }
    }
}

/* A failed call must leave *out NULL and say why. */
#define FUZZ_CHECK_FAILURE(rc, out, diag)                                        \
    do {                                                                         \
        if ((rc) != 0 && ((out) != NULL || ((rc) == SW_EDATA && (diag).total == 0))) \
            abort();                                                             \
    } while (0)

#endif
