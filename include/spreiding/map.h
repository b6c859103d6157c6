/**
 * # Maps: the gemeenten and provinces as shapes, drawn as SVG
 *
 * A map holds two layers of shapes, the gemeenten and the provinces, in
 * the Dutch national grid (RD New, EPSG:28992): integer metres, `x` east,
 * `y` north. It comes either from tables compiled into a program
 * (`sw_map_from_data`, no parsing at run time) or from a user's GeoJSON file
 * (`sw_map_load_geojson`), whose province outlines are dissolved from its
 * gemeenten.
 *
 * Shapes are joined to a register by code only (`sw_map_join`): a register
 * gemeente without a shape and a shape without a register gemeente are
 * listed for the caller to report, never dropped in silence.
 *
 * `sw_map_svg` draws one level of a map (optionally one province, zoomed)
 * as a self-contained SVG: every shape with a fill class, a `<title>` and
 * its code in `data-code`, optional labels, a legend and caption lines. It
 * lays out what the caller gives it: classes, texts and labels come from the
 * caller, and no rule of the law is computed here.
 *
 * Geometry is exact integers once projected. The projection itself (and the
 * search for a label point) uses IEEE double arithmetic with only `+ - * /`
 * and `sqrt`, compiled without contraction into fused multiply-adds
 * (-ffp-contract=off), and is rounded half up to whole metres; everything
 * after that, the SVG included, is integer arithmetic. So every build where
 * doubles are evaluated as doubles (FLT_EVAL_METHOD 0: x86-64, ARM64) computes
 * the same map and writes the same bytes; gcc and clang, -O0 and -O2 are
 * checked to agree.
 */
#ifndef SPREIDING_MAP_H
#define SPREIDING_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spreiding/diag.h"
#include "spreiding/export.h"
#include "spreiding/register.h"
#include "spreiding/output.h"

#ifdef __cplusplus
extern "C" {
#endif

/** ## Projection */

/** A point in RD New: metres, `x` east, `y` north (Amersfoort is
 * (155000, 463000)). */
typedef struct sw_map_point {
    int32_t x, y;
} sw_map_point;

/** The bounds within which `sw_map_project` accepts WGS84 coordinates
 * (degrees): the Netherlands with a margin. The approximation is meant for
 * this area only. */
#define SW_MAP_LON_MIN 2.0
#define SW_MAP_LON_MAX 8.5
#define SW_MAP_LAT_MIN 50.0
#define SW_MAP_LAT_MAX 54.5

/** Projects WGS84 longitude and latitude (degrees) to RD New by the
 * polynomial approximation of Schreutelkamp and Strang van Hees (about a
 * metre in the Netherlands), rounded half up to whole metres. Returns 0, or
 * SW_EDATA (and leaves `*out` alone) for a point outside the
 * `SW_MAP_LON_*`/`SW_MAP_LAT_*` bounds or not a finite number. */
SW_API int sw_map_project(sw_map_point *out, double lon, double lat);

/** ## Maps */

typedef enum sw_map_level {
    SW_MAP_PROVINCIES = 0,
    SW_MAP_GEMEENTEN = 1
} sw_map_level;

/** One shape: a gemeente or a province, made of rings
 * `map->ring_start[ring .. ring + nrings]`. Outer rings run
 * counter-clockwise (x east, y north), holes clockwise. */
typedef struct sw_map_shape {
    int code;           /**< gemeente 0..9999 (GM0344 is 344) or province (PV26 is 26) */
    char *naam;         /**< UTF-8, owned by the map */
    int provincie;      /**< a province: its own code; a gemeente: its province's code from
                             the register after `sw_map_join` or a dissolve, else 0 */
    size_t ring;        /**< first ring */
    size_t nrings;
    sw_map_point min, max; /**< bounding box */
    int64_t area;       /**< m²: outer rings minus holes */
    sw_map_point label; /**< a point inside the shape, far from its edges, for a label */
} sw_map_shape;

typedef struct sw_map_layer {
    sw_map_shape *shape; /**< sorted by code */
    size_t n;
} sw_map_layer;

/** A map. Every member is owned by the map and read-only for the caller. */
typedef struct sw_map {
    sw_map_layer layer[2];  /**< indexed by sw_map_level */
    size_t nrings;
    uint32_t *ring_start;   /**< nrings + 1 offsets into `pt`; ring r is
                                 pt[ring_start[r] .. ring_start[r+1]], not repeating its
                                 first point at the end */
    size_t npoints;
    sw_map_point *pt;
    char *source;           /**< where the shapes came from (a file name, or the data's name) */
    char *attribution;      /**< the credit the data requires ("Bron: CBS, Kadaster"), or NULL */
} sw_map;

/** Limits of a map (a larger input is SW_ELIMIT). */
#define SW_MAP_MAX_POINTS 5000000
#define SW_MAP_MAX_RINGS 1000000

/** Compact tables compiled into a program by its build (see data/README.md):
 * the same content as a map, with pointers into static storage. A program
 * keeps these; the library only reads them. */
typedef struct sw_map_data_shape {
    int code;
    const char *naam;
    uint32_t ring, nrings;
} sw_map_data_shape;

typedef struct sw_map_data {
    const char *name;        /**< becomes `sw_map.source` */
    const char *attribution; /**< becomes `sw_map.attribution`; may be NULL */
    size_t ngemeenten;
    const sw_map_data_shape *gemeente;
    size_t nprovincies;
    const sw_map_data_shape *provincie;
    size_t nrings;
    const uint32_t *ring_start; /**< nrings + 1 entries */
    size_t npoints;
    const int32_t *xy;          /**< 2 × npoints: x0, y0, x1, y1, ... in RD metres */
} sw_map_data;

/** Builds a map from compiled tables. `*out` is a new map owned by the
 * caller (it copies what it needs; `data` may go away afterwards). Tables
 * that contradict themselves (a ring past the end, a duplicate code) are
 * SW_EDATA; otherwise SW_ENOMEM or 0. */
SW_API int sw_map_from_data(sw_map **out, const sw_map_data *data, sw_diag *diag);

/** Reads a user's gemeente boundaries: a GeoJSON FeatureCollection (RFC
 * 7946) whose features have the properties `gemeentecode` ("GM0344", also
 * "0344" or 344) and optionally `gemeentenaam` (else the code is the name),
 * and a Polygon or MultiPolygon geometry in WGS84 longitude/latitude (a file
 * with a `crs` naming EPSG:28992 is read as RD metres instead). Ring winding
 * does not matter. `name` is for messages. The province layer is dissolved
 * from the gemeenten by the provinces of `reg` (see `sw_map_dissolve`); a
 * shape whose code is not in `reg` belongs to no province (`sw_map_join`
 * lists it). With `reg` NULL the map has no province layer. The map's
 * `attribution` is NULL: the caller credits a user's file.
 *
 * Errors, each located at the file's line and column (up to SW_DIAG_MAX):
 * malformed JSON; not a FeatureCollection; a feature without a geometry, of
 * another geometry type, with malformed or out-of-range coordinates; a
 * feature without a (valid) gemeentecode; a code twice (the message names
 * both places). Returns 0, SW_EDATA, SW_ELIMIT or SW_ENOMEM; on failure
 * `*out` is NULL. */
SW_API int sw_map_load_geojson(sw_map **out, const char *name, const char *data, size_t len,
                               const sw_register *reg, sw_diag *diag);

/** Frees a map; NULL is allowed. */
SW_API void sw_map_free(sw_map *map);

/** Index in `map->layer[level]` of the shape with code number `code`, or
 * -1. */
SW_API long sw_map_find(const sw_map *map, sw_map_level level, int code);

/** Replaces the province layer with outlines dissolved from the gemeenten:
 * every gemeente shape whose code is in `reg` gets the province of its
 * register gemeente; per province, an edge shared by two of its gemeenten is
 * interior and dropped, and the remaining edges are linked into rings. This
 * relies on neighbours sharing their borders exactly (the same vertices), as
 * in the shipped data. A dissolved province is named "PVnn" (the register
 * has no province names; the caller's labels carry them). Returns 0 or
 * SW_ENOMEM (the map is then unchanged). */
SW_API int sw_map_dissolve(sw_map *map, const sw_register *reg, sw_diag *diag);

/** ## Joining a map to a register */

typedef struct sw_map_codes {
    int *code; /**< ascending */
    size_t n;
} sw_map_codes;

/** What a join found; indexed by sw_map_level. Province codes are those of
 * the register's gemeenten. Free with `sw_map_joined_free`. */
typedef struct sw_map_joined {
    sw_map_codes missing[2]; /**< in the register, without a shape */
    sw_map_codes extra[2];   /**< a shape, not in the register */
} sw_map_joined;

/** Joins by code: sets `provincie` of every gemeente shape from `reg` (0 for
 * a shape whose code is not there) and lists what does not match at both
 * levels. `*out` is overwritten; free it with `sw_map_joined_free`. Returns 0
 * or SW_ENOMEM. */
SW_API int sw_map_join(sw_map_joined *out, sw_map *map, const sw_register *reg);

/** Frees the lists of a join (not `j` itself); NULL is allowed. */
SW_API void sw_map_joined_free(sw_map_joined *j);

/** Notes in Dutch for a report, one line each ending in '\n', only for the
 * lists that are not empty, e.g. "2 gemeenten van het register staan niet op
 * de kaart: GM0001, GM0002". Appends nothing when everything matched. */
SW_API void sw_map_joined_notes(sw_buf *out, const sw_map_joined *j);

/** ## Drawing */

/** A fill: a colour, optionally with diagonal hatching so that a class
 * reads in greyscale print too. */
typedef struct sw_map_style {
    const char *fill;  /**< "#rrggbb" */
    const char *hatch; /**< "#rrggbb" of the hatch lines, or NULL for a plain fill */
    const char *name;  /**< for people: "lichtgeel" */
} sw_map_style;

/** The class of a shape without a figure ("geen opgave"). */
#define SW_MAP_GEEN (-1)

typedef struct sw_map_palette {
    size_t n;                  /**< classes 0 .. n-1 */
    const sw_map_style *klasse;
    sw_map_style geen;         /**< the style of SW_MAP_GEEN */
} sw_map_palette;

/* The palettes below are after ColorBrewer (colour-blind safe, print
 * friendly); each has a hue of its own and no two share a colour, so that
 * maps side by side on one page never give one colour two meanings. Each
 * steps in lightness, so that it reads in greyscale too. `geen` is the same
 * in all: white, hatched in grey. */

/** Five sequential classes, light to dark blue (ColorBrewer Blues). For a
 * measure where more is more: voortgang in bands, opgave, geteld. */
SW_API extern const sw_map_palette sw_map_palette_sequential;

/** Three classes for the test against the threshold: 0 below it (orange,
 * hatched: stands out, in greyscale too), 1 threshold met (green), 2 at
 * least 100 % (dark green). */
SW_API extern const sw_map_palette sw_map_palette_threshold;

/** Five classes for money, light yellow to brown (ColorBrewer YlOrBr): 0 for
 * no money at all ("geen uitkering"), 1 to 4 for amounts from low to high. */
SW_API extern const sw_map_palette sw_map_palette_bedrag;

/** What to draw for one shape, by code. A shape without an item is drawn
 * as SW_MAP_GEEN, titled with its name; an item whose code has no shape is
 * ignored (`sw_map_join` lists those). The first item of a code counts. */
typedef struct sw_map_item {
    int code;           /**< gemeente or province code number, per the level drawn */
    int klasse;         /**< 0 .. palette->n - 1, or SW_MAP_GEEN */
    const char *title;  /**< hover and screen-reader text ("Zeeland — opgave 2.109, ...");
                             NULL: the shape's name */
    const char *label;  /**< text drawn at the shape's label point, or NULL for none */
    int label_priority; /**< of two labels that would overlap, the one with the higher
                             priority is drawn (ties: the larger shape, then the lower code) */
} sw_map_item;

/** One line of the legend. It is drawn only when a drawn shape has its
 * class: the legend says what the colours on the map mean. */
typedef struct sw_map_legend_entry {
    int klasse;       /**< 0 .. palette->n - 1, or SW_MAP_GEEN */
    const char *text; /**< "75 % tot 100 %" */
} sw_map_legend_entry;

/** What to draw; zero-initialised fields mean the defaults. */
typedef struct sw_map_options {
    sw_map_level level;
    int provincie;                 /**< 0: the whole country; else only this province's shapes
                                        (gemeenten by their `provincie`), zoomed to them, with the
                                        land around them as outlines */
    const sw_map_palette *palette; /**< NULL: sw_map_palette_sequential */
    const sw_map_item *item;
    size_t nitems;
    const char *legend_title;      /**< "Voortgang (geteld / opgave)", or NULL */
    const sw_map_legend_entry *legend;
    size_t nlegend;
    const char *title;             /**< drawn above the map and its accessible name, or NULL */
    const char *const *caption;    /**< lines under the map: cycle, peildatum, status */
    size_t ncaption;
    const char *scenario;          /**< non-NULL: a scenario, marked above the map with this
                                        text ("SCENARIO: ...") */
    const char *id_prefix;         /**< prefix of the ids inside the SVG (letters, digits,
                                        '-'), different for each map on one HTML page;
                                        NULL: "sw-kaart" */
    bool standalone;               /**< a .svg file: an XML declaration, and a size in mm */
} sw_map_options;

/** What `sw_map_svg` did, for a caller that wants to say so. */
typedef struct sw_map_svg_info {
    size_t shapes;         /**< shapes drawn with a data-code */
    size_t labels;         /**< labels drawn */
    size_t labels_dropped; /**< labels left out: overlapping a higher priority, the legend, or
                                the edge */
    bool legend_below;     /**< no free corner of the map held the legend */
} sw_map_svg_info;

/** Appends an `<svg>` element to `out`: the shapes of `opt->level`, each a
 * `<path>` with `data-code="GM0344"` (or "PV26"), a class `sw-kNN` (or
 * `sw-geen`), its fill and a `<title>`; province borders over a gemeente map;
 * labels; the legend; the caption lines and, always, `map->attribution`.
 *
 * The drawing is a `viewBox` in units of 10 m, north up; text, line widths
 * and hatching are sized relative to the map, so it reads from 400 px to
 * A4. A standalone SVG has a `width` and `height` in millimetres with the
 * viewBox's proportions, as large as fits 170 × 250 mm (an A4 page less its
 * margins), so that a slide or a drawing program sizes it right. Otherwise
 * it has no fixed size and fills the width of its container (an HTML page).
 * Water (IJsselmeer, Wadden Sea, the Zeeland waters) is whatever is not a
 * shape: it is not filled.
 *
 * Labels are placed in order of priority. A label goes where its box
 * (estimated from its text for DejaVu Sans) lies wholly inside its shape,
 * as near the shape's label point as possible, else on the label point
 * itself (always inside the shape); a label that would overlap one placed
 * before, the legend, or the edge of the map is dropped. The legend lists
 * the entries whose class a drawn shape has, and goes in the first place,
 * corners first, that no shape touches; else below the map.
 *
 * `info` may be NULL. Returns 0, SW_ENOMEM, or SW_EDATA when there is
 * nothing to draw: `opt->provincie` has no shapes on this map, or the map
 * none at the level (boundaries of other gemeenten than the register's;
 * reported in `diag`). A
 * `klasse` outside the palette is a programming error. */
SW_API int sw_map_svg(sw_buf *out, sw_map_svg_info *info, const sw_map *map,
                      const sw_map_options *opt, sw_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
