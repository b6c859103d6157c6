/* SES files (StatLine exports and plain ones) applied to a fixed register. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sw_register *reg = fuzz_load_register();
    sw_diag d = {0};
    int rc = sw_register_apply_ses(reg, "f", (const char *)data, size, NULL, &d);
    if (rc == SW_EDATA && d.total == 0)
        abort();
    if (rc == 0) {
        sw_cycle *cy = fuzz_load_cycle();
        sw_allocation *a = NULL;
        sw_diag d2 = {0};
        sw_allocate(&a, reg, cy, NULL, &d2);
        sw_allocation_free(a);
        sw_cycle_free(cy);
    }
    sw_register_free(reg);
    return 0;
}
