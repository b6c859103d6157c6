/* A register and a locations file (split at the first line "%%"; without one
 * the fixed register is used), through allocation, progress, grants, every
 * report and every writer, under both lid-3 policies and both bases. */
#include "fuzz.h"

static void run(const sw_register *reg, const sw_cycle *cy, const sw_locaties *loc, int lid3,
                int grondslag)
{
    sw_allocation *a = NULL;
    sw_opgave *og = NULL;
    sw_progress *p = NULL;
    sw_grants *g = NULL;
    sw_diag d = {0};
    sw_budget b[2] = {{20, 100001}, {21, 7}};
    sw_grant_options go = {lid3, grondslag, b, 2};
    if (sw_allocate(&a, reg, cy, NULL, &d) == 0 && sw_opgave_from_allocation(&og, a) == 0 &&
        sw_progress_compute(&p, reg, cy, og, loc, NULL, &d) == 0 &&
        sw_grants_compute(&g, reg, cy, p, &go, &d) == 0) {
        sw_report_context ctx = {.version = "f", .cycle_file = "c", .register_file = "g",
                                 .locaties_file = "l"};
        sw_report *r = NULL;
        if (sw_report_progress(&r, p, a, reg, cy, &ctx) == 0)
            fuzz_write_all(r);
        sw_report_free(r);
        r = NULL;
        if (sw_report_grants(&r, g, a, reg, cy, &ctx) == 0)
            fuzz_write_all(r);
        sw_report_free(r);
        r = NULL;
        if (reg->n && sw_report_explain(&r, 0, g, a, loc, reg, cy, &ctx) == 0)
            fuzz_write_all(r);
        sw_report_free(r);
        /* A budget divided pro rata adds up to the budget, to the cent. */
        for (size_t k = 0; grondslag == SW_GRONDSLAG_BUDGET && k < p->nprov; k++)
            if (g->prov[k].has_budget && p->prov[k].geteld > 0 &&
                g->prov[k].potentieel_lid3 != g->prov[k].budget)
                abort();
    }
    sw_grants_free(g);
    sw_progress_free(p);
    sw_opgave_free(og);
    sw_allocation_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    const char *sep = NULL;
    for (size_t i = 0; i + 3 <= size && !sep; i++)
        if (memcmp(text + i, "%%\n", 3) == 0 && (i == 0 || text[i - 1] == '\n'))
            sep = text + i;
    sw_register *reg = NULL;
    sw_diag d = {0};
    if (sep) {
        if (sw_register_load(&reg, "g", text, (size_t)(sep - text), NULL, &d) != 0)
            return 0;
        size -= (size_t)(sep - text) + 3;
        text = sep + 3;
    } else {
        reg = fuzz_load_register();
    }
    sw_cycle *cy = fuzz_load_cycle();
    sw_locaties *loc = NULL;
    if (sw_locaties_load(&loc, reg, "l", text, size, NULL, &d) == 0) {
        run(reg, cy, loc, SW_LID3_PROVINCIALE_DREMPEL, SW_GRONDSLAG_PER_PLAATS);
        run(reg, cy, loc, SW_LID3_PER_GEMEENTE, SW_GRONDSLAG_BUDGET);
    }
    sw_locaties_free(loc);
    sw_cycle_free(cy);
    sw_register_free(reg);
    return 0;
}
