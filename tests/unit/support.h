/* Shared by the unit tests: building inputs from string literals. */
#ifndef SW_TEST_SUPPORT_H
#define SW_TEST_SUPPORT_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/spreiding.h"

/* A small cycle: two provinces, C = 17, A = 3 (the hand-worked example of
 * tests/README.md). */
#define TEST_CYCLE                                                               \
    "parameter,waarde,status,bron\n"                                             \
    "jaar,2024,beleid,test\n"                                                    \
    "capaciteitsraming,17,beleid,test\n"                                         \
    "amv,3,beleid,test\n"                                                        \
    "peildatum,2025-07-01,beleid,test\n"                                         \
    "afronding,half-up,beleid,test\n"                                            \
    "ses-ontbrekend,fout,beleid,test\n"                                          \
    "drempel,75,beleid,test\n"                                                   \
    "duurzaam-jaren,5,beleid,test\n"                                             \
    "aanmeld-telt,ja,beleid,test\n"                                              \
    "lid3,provinciale-drempel,beleid,test\n"                                     \
    "lid3-grondslag,per-plaats,beleid,test\n"                                    \
    "lid2b-minimum,100,beleid,test\n"                                            \
    "tarief.lid2b.duurzaam,2500,gerapporteerd,test\n"                            \
    "tarief.lid3.duurzaam,4000,gerapporteerd,test\n"                             \
    "tarief.lid3.niet-duurzaam,1500,gerapporteerd,test\n"                        \
    "provincie.PV20.naam,Alfa,beleid,test\n"                                     \
    "provincie.PV20.opgave,10,beleid,test\n"                                     \
    "provincie.PV20.opgave_amv,2,beleid,test\n"                                  \
    "provincie.PV21.naam,Beta,beleid,test\n"                                     \
    "provincie.PV21.opgave,7,beleid,test\n"

#define TEST_REGISTER                                                            \
    "gemeentecode,gemeentenaam,provinciecode,inwoners\n"                         \
    "GM0001,A1,PV20,450\n"                                                       \
    "GM0002,A2,PV20,350\n"                                                       \
    "GM0003,A3,PV20,200\n"                                                       \
    "GM0004,B1,PV21,600\n"                                                       \
    "GM0005,B2,PV21,400\n"

static inline sw_cycle *load_cycle(const char *text)
{
    sw_cycle *cy = NULL;
    sw_diag d = {0};
    int rc = sw_cycle_load(&cy, "cyclus.csv", text, strlen(text), NULL, &d);
    ck_assert_msg(rc == 0, "cycle: %s", d.count ? d.entries[0].message : "?");
    return cy;
}

static inline sw_register *load_register(const char *text)
{
    sw_register *reg = NULL;
    sw_diag d = {0};
    int rc = sw_register_load(&reg, "gemeenten.csv", text, strlen(text), NULL, &d);
    ck_assert_msg(rc == 0, "register: %s", d.count ? d.entries[0].message : "?");
    return reg;
}

/* Replaces the register's `kind` column by the figures of a file (an SES or
 * population file as text); the file must be good. */
static inline void apply_figures(sw_register *reg, sw_figure_kind kind, const char *name,
                                 const char *text)
{
    sw_figures *f = NULL;
    sw_diag d = {0};
    int rc = sw_figures_load(&f, reg, kind, name, text, strlen(text), NULL, &d);
    if (rc == 0)
        rc = sw_register_apply_figures(reg, f, &d);
    sw_figures_free(f);
    char buf[1024] = "?";
    if (d.count)
        sw_diag_format(buf, sizeof buf, &d.entries[0]);
    ck_assert_msg(rc == 0, "%s: %s", name, buf);
}

/* The first formatted message of d. */
static inline const char *first_message(const sw_diag *d)
{
    static char buf[1024];
    buf[0] = '\0';
    if (d->count)
        sw_diag_format(buf, sizeof buf, &d->entries[0]);
    return buf;
}

static inline int run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
