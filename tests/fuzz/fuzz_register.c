/* The gemeente register reader, then an allocation of what it read. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sw_register *reg = NULL;
    sw_diag d = {0};
    int rc = sw_register_load(&reg, "f", (const char *)data, size, NULL, &d);
    FUZZ_CHECK_FAILURE(rc, reg, d);
    if (rc == 0) {
        sw_cycle *cy = fuzz_load_cycle();
        sw_allocation *a = NULL;
        sw_diag d2 = {0};
        sw_alloc_options o = SW_ALLOC_OPTIONS_INIT;
        o.mode = SW_MODE_NATIONAL;
        if (sw_allocation_compute(&a, reg, cy, &o, &d2) == 0) {
            sw_report *r = NULL;
            sw_report_context ctx = {.version = "f", .cycle_file = "c", .register_file = "f"};
            if (sw_report_allocation(&r, a, reg, cy, &ctx, &d) == 0)
                fuzz_write_all(r);
            sw_report_free(r);
        }
        sw_allocation_free(a);
        sw_cycle_free(cy);
    }
    sw_register_free(reg);
    return 0;
}
