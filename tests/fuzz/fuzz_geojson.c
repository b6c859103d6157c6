/* A user's map boundaries (GeoJSON, --kaart) read against a fixed register,
 * provinces dissolved, then joined and drawn at both levels and zoomed. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sw_register *reg = fuzz_load_register();
    sw_map *m = NULL;
    sw_diag d = {0};
    int rc = sw_map_load_geojson(&m, "f", (const char *)data, size, reg, &d);
    FUZZ_CHECK_FAILURE(rc, m, d);
    if (m) {
        sw_map_joined j;
        if (sw_map_join(&j, m, reg) == 0) {
            sw_buf notes = {0};
            sw_map_joined_notes(&notes, &j);
            sw_buf_free(&notes);
            sw_map_joined_free(&j);
        }
        const sw_map_item items[] = {
            {1, 0, "A1 & <b>", "A1", 1}, {2, 4, NULL, "A2", 2}, {4, SW_MAP_GEEN, NULL, "B1", 0},
            {20, 1, "Alfa", "Alfa", 0},  {21, 2, NULL, "Beta", 0},
        };
        const sw_map_legend_entry legend[] = {{0, "laag"}, {SW_MAP_GEEN, "geen opgave"}};
        const char *caption[] = {"Cyclus 2024"};
        for (int level = 0; level < 2; level++)
            for (int prov = 0; prov <= 20; prov += 20) {
                sw_map_options o = {0};
                o.level = (sw_map_level)level;
                o.provincie = prov;
                o.item = items;
                o.nitems = 5;
                o.legend = legend;
                o.nlegend = 2;
                o.caption = caption;
                o.ncaption = 1;
                sw_buf b = {0};
                sw_diag dd = {0};
                sw_map_svg(&b, NULL, m, &o, &dd);
                sw_buf_free(&b);
            }
    }
    sw_map_free(m);
    sw_register_free(reg);
    return 0;
}
