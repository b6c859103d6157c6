/* Locations files read against a fixed register. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sw_register *reg = fuzz_load_register();
    sw_locaties *loc = NULL;
    sw_diag d = {0};
    int rc = sw_locaties_load(&loc, reg, "f", (const char *)data, size, NULL, &d);
    FUZZ_CHECK_FAILURE(rc, loc, d);
    sw_locaties_free(loc);
    sw_register_free(reg);
    return 0;
}
