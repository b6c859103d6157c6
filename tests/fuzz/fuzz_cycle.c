/* Cycle files, then an allocation with the cycle that was read. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sw_cycle *cy = NULL;
    sw_diag d = {0};
    int rc = sw_cycle_load(&cy, "f", (const char *)data, size, NULL, &d);
    FUZZ_CHECK_FAILURE(rc, cy, d);
    if (rc == 0) {
        sw_register *reg = fuzz_load_register();
        sw_allocation *a = NULL;
        sw_diag d2 = {0};
        sw_allocation_compute(&a, reg, cy, NULL, &d2);
        sw_allocation_free(a);
        sw_register_free(reg);
    }
    sw_cycle_free(cy);
    return 0;
}
