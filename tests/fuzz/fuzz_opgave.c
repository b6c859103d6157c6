/* Official per-gemeente opgave files read against a fixed register. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sw_register *reg = fuzz_load_register();
    sw_opgave *og = NULL;
    sw_diag d = {0};
    int rc = sw_opgave_load(&og, reg, NULL, "f", (const char *)data, size, NULL, &d);
    FUZZ_CHECK_FAILURE(rc, og, d);
    sw_opgave_free(og);
    sw_register_free(reg);
    return 0;
}
