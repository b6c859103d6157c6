/* Inside the map module: building a map shape by shape. Shared by map.c,
 * map_geojson.c and the build-time generator of the embedded tables
 * (src/mapdata/mapgen.c), which compiles those two files itself. */
#ifndef SW_MAP_BUILD_H
#define SW_MAP_BUILD_H

#include "spreiding/map.h"

typedef struct map_builder {
    sw_map_point *pt;
    size_t npt, cappt;
    uint32_t *ring; /* start of each ring in pt */
    size_t nring, capring;
    sw_map_shape *shape[2];
    size_t nshape[2], capshape[2];
    sw_map_shape *cur; /* the shape rings are added to */
} map_builder;

/* A zeroed builder is empty and ready. mb_free frees what it holds. */
void mb_free(map_builder *b);

/* Starts a shape of `level`; the name is copied. Returns 0 or SW_ENOMEM. */
int mb_shape(map_builder *b, sw_map_level level, int code, int provincie, const char *naam,
             size_t len);

/* Adds a ring to the current shape: repeated points (and a closing point
 * equal to the first) are left out, and the ring is turned counter-clockwise
 * for an outer ring, clockwise for a hole. A ring with no area left (fewer
 * than three points, or all on a line) is skipped. Returns 0, SW_ENOMEM or
 * SW_ELIMIT. */
int mb_ring(map_builder *b, const sw_map_point *p, size_t n, bool hole);

/* The number of rings the current shape has so far. */
size_t mb_shape_rings(const map_builder *b);

/* Turns the builder into a map: shapes sorted by code, boxes, areas and
 * label points computed. The builder is left empty. A code twice in a layer
 * is SW_EDATA (reported against `source`). Returns 0, SW_EDATA or
 * SW_ENOMEM; the builder is freed either way. */
int mb_finish(sw_map **out, map_builder *b, const char *source, const char *attribution,
              sw_diag *diag);

/* Reads the features of one layer of a GeoJSON FeatureCollection into `b`:
 * `gemeentecode`/`gemeentenaam` for gemeenten, `provinciecode`/`provincie`
 * for provinces. Errors are located in `diag`. */
int map_read_geojson(map_builder *b, sw_map_level level, const char *name, const char *data,
                     size_t len, sw_diag *diag);

#endif
