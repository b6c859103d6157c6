/* Figure files (StatLine downloads and plain ones), as SES scores and as
 * population, read against and applied to a fixed register. */
#include "fuzz.h"

static void one(const uint8_t *data, size_t size, sw_figure_kind kind)
{
    sw_register *reg = fuzz_load_register();
    sw_figures *f = NULL;
    sw_diag d = {0};
    int rc = sw_figures_load(&f, reg, kind, "f", (const char *)data, size, NULL, &d);
    if ((rc == SW_EDATA && d.total == 0) || (rc != 0) != (f == NULL))
        abort();
    if (rc == 0) {
        if (f->nvalues == 0 || f->nvalues > f->nfound || f->nfound > f->n)
            abort();
        rc = sw_register_apply_figures(reg, f, &d);
        if (rc == SW_EDATA && d.total == 0)
            abort();
    }
    if (rc == 0) {
        sw_cycle *cy = fuzz_load_cycle();
        sw_allocation *a = NULL;
        sw_diag d2 = {0};
        sw_allocation_compute(&a, reg, cy, NULL, &d2);
        sw_allocation_free(a);
        sw_cycle_free(cy);
    }
    sw_figures_free(f);
    sw_register_free(reg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    one(data, size, SW_FIGURE_SES);
    one(data, size, SW_FIGURE_INWONERS);
    return 0;
}
