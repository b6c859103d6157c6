/* Reading boundaries from GeoJSON (RFC 7946) through jansson, with every
 * problem located at the line and column of its feature. */
#include "map_build.h"
#include "util.h"

#include <assert.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where each element of the top-level "features" array starts, as byte
 * offsets: a scan of text that jansson has already accepted as JSON, so it
 * only tracks strings, nesting and the key before the array. NULL when out
 * of memory. */
static size_t *feature_offsets(const char *s, size_t len, size_t n)
{
    size_t *off = calloc(n ? n : 1, sizeof *off);
    if (!off)
        return NULL;
    size_t k = 0, depth = 0, key_start = 0, array_depth = 0;
    bool in_str = false, esc = false, expect_key = false, is_key = false;
    bool features_key = false, want_elem = false;
    for (size_t i = 0; i < len && k < n; i++) {
        char c = s[i];
        if (in_str) {
            if (esc)
                esc = false;
            else if (c == '\\')
                esc = true;
            else if (c == '"') {
                in_str = false;
                if (is_key)
                    features_key = i - key_start == 8 && memcmp(s + key_start, "features", 8) == 0;
                is_key = false;
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (want_elem && c != ']') {
            off[k++] = i;
            want_elem = false;
        }
        switch (c) {
        case '"':
            in_str = true;
            key_start = i + 1;
            is_key = depth == 1 && expect_key;
            expect_key = false;
            break;
        case '{':
        case '[':
            depth++;
            if (depth == 1 && c == '{')
                expect_key = true;
            if (depth == 2 && c == '[' && features_key) {
                array_depth = depth;
                want_elem = true;
            }
            break;
        case '}':
        case ']':
            if (c == ']' && depth == array_depth)
                array_depth = 0;
            depth--;
            break;
        case ',':
            if (depth == 1)
                expect_key = true;
            if (array_depth && depth == array_depth)
                want_elem = true;
            break;
        default: break;
        }
    }
    return off;
}

/* Line and column (1-based, in characters) of byte offset `at`. */
static void locate(const char *s, size_t at, long *line, long *col)
{
    long l = 1, c = 1;
    for (size_t i = 0; i < at; i++) {
        if (s[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

typedef struct reader {
    map_builder *b;
    sw_map_level level;
    const char *name;
    const char *data;
    sw_diag *diag;
    bool rd;           /* coordinates are RD metres (a crs naming EPSG:28992) */
    size_t *off;       /* feature start offsets */
    long line, col;    /* of the current feature */
    size_t feature;    /* 1-based */
    char what[32];     /* " (GM0344)" once the code is known */
    sw_map_point *tmp;
    size_t tmpcap;
} reader;

static int fail(reader *r, const char *fmt, ...) SW_PRINTF(2, 3);

static int fail(reader *r, const char *fmt, ...)
{
    char msg[SW_DIAG_TEXT];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return sw_diag_add(r->diag, SW_EDATA, r->name, r->line, r->col, NULL, "feature %zu%s: %s",
                       r->feature, r->what, msg);
}

static const char *code_key(sw_map_level l)
{
    return l == SW_MAP_GEMEENTEN ? "gemeentecode" : "provinciecode";
}

static const char *name_key(sw_map_level l)
{
    return l == SW_MAP_GEMEENTEN ? "gemeentenaam" : "provincie";
}

/* "GM0344", "gm344", "0344" or the number 344 for a gemeente; "PV26" for a
 * province. -1 when it is none of those. */
static int parse_code(const json_t *v, sw_map_level level)
{
    if (json_is_number(v) && level == SW_MAP_GEMEENTEN) {
        double d = json_number_value(v);
        return d >= 0 && d < SW_GEMEENTE_CODES && d == (double)(int)d ? (int)d : -1;
    }
    if (!json_is_string(v))
        return -1;
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    const char *pre = level == SW_MAP_GEMEENTEN ? "GM" : "PV";
    bool has_pre = n >= 2 && (s[0] == pre[0] || s[0] == pre[0] + 32) &&
                   (s[1] == pre[1] || s[1] == pre[1] + 32);
    if (has_pre) {
        s += 2;
        n -= 2;
    } else if (level == SW_MAP_PROVINCIES) {
        return -1;
    }
    if (n == 0 || n > (level == SW_MAP_GEMEENTEN ? 4u : 2u) ||
        (level == SW_MAP_PROVINCIES && n != 2))
        return -1;
    int v10 = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v10 = v10 * 10 + (s[i] - '0');
    }
    return v10;
}

/* One ring: an array of at least three positions [lon, lat] (or [x, y] in
 * RD metres). */
static int read_ring(reader *r, const json_t *ring, bool hole, size_t poly, size_t k)
{
    size_t n = json_is_array(ring) ? json_array_size(ring) : 0;
    if (!json_is_array(ring) || n < 3)
        return fail(r, "ring %zu of polygon %zu is not an array of at least 3 positions", k + 1,
                    poly + 1);
    if (n > r->tmpcap) {
        sw_map_point *p = realloc(r->tmp, n * sizeof *p);
        if (!p)
            return SW_ENOMEM;
        r->tmp = p;
        r->tmpcap = n;
    }
    for (size_t i = 0; i < n; i++) {
        const json_t *pos = json_array_get(ring, i);
        const json_t *jx = json_array_get(pos, 0), *jy = json_array_get(pos, 1);
        if (!json_is_array(pos) || !json_is_number(jx) || !json_is_number(jy))
            return fail(r, "position %zu of ring %zu of polygon %zu is not [%s]", i + 1, k + 1,
                        poly + 1, r->rd ? "x, y" : "longitude, latitude");
        double x = json_number_value(jx), y = json_number_value(jy);
        if (r->rd) {
            /* The RD grid of the Netherlands and its waters, with a margin. */
            if (!(x >= -100000 && x <= 400000 && y >= 200000 && y <= 750000))
                return fail(r, "position %zu of ring %zu of polygon %zu, (%.0f, %.0f), is not "
                               "in the Netherlands (RD metres)",
                            i + 1, k + 1, poly + 1, x, y);
            r->tmp[i].x = (int32_t)(x >= 0 ? x + 0.5 : x - 0.5);
            r->tmp[i].y = (int32_t)(y + 0.5);
        } else if (sw_map_project(&r->tmp[i], x, y) != 0) {
            bool metres = x > 1000 || y > 1000;
            return fail(r, "position %zu of ring %zu of polygon %zu, [%g, %g], is not a WGS84 "
                           "longitude and latitude in the Netherlands%s",
                        i + 1, k + 1, poly + 1, x, y,
                        metres ? " (RD metres need a \"crs\" naming EPSG:28992)" : "");
        }
    }
    int rc = mb_ring(r->b, r->tmp, n, hole);
    if (rc == SW_ELIMIT)
        return sw_diag_add(r->diag, SW_ELIMIT, r->name, r->line, r->col, NULL,
                           "feature %zu%s: the map has more than %d points or %d rings",
                           r->feature, r->what, SW_MAP_MAX_POINTS, SW_MAP_MAX_RINGS);
    return rc;
}

/* A Polygon's coordinates: the outer ring, then its holes. */
static int read_polygon(reader *r, const json_t *rings, size_t poly)
{
    if (!json_is_array(rings) || json_array_size(rings) == 0)
        return fail(r, "polygon %zu is not an array of rings", poly + 1);
    for (size_t k = 0; k < json_array_size(rings); k++) {
        int rc = read_ring(r, json_array_get(rings, k), k > 0, poly, k);
        if (rc != 0)
            return rc;
    }
    return 0;
}

static int read_feature(reader *r, const json_t *f, int *first, const size_t *first_at)
{
    r->what[0] = '\0';
    if (!json_is_object(f))
        return fail(r, "not an object");
    const json_t *props = json_object_get(f, "properties");
    const json_t *jcode = json_is_object(props) ? json_object_get(props, code_key(r->level))
                                                : NULL;
    if (!jcode)
        return fail(r, "no property \"%s\"", code_key(r->level));
    int code = parse_code(jcode, r->level);
    if (code < 0) {
        const char *shown = json_is_string(jcode) ? json_string_value(jcode) : "(not a string)";
        return fail(r, "\"%s\" \"%.40s\" is not a %s", code_key(r->level), shown,
                    r->level == SW_MAP_GEMEENTEN ? "gemeentecode (GM and four digits)"
                                                 : "provinciecode (PV and two digits)");
    }
    snprintf(r->what, sizeof r->what, r->level == SW_MAP_GEMEENTEN ? " (GM%04d)" : " (PV%02d)",
             code);
    if (first[code] >= 0) {
        long l, c;
        locate(r->data, first_at[first[code]], &l, &c);
        return fail(r, "%s appears again; first at line %ld (feature %d)", code_key(r->level), l,
                    first[code] + 1);
    }
    first[code] = (int)(r->feature - 1);
    const json_t *jname = json_object_get(props, name_key(r->level));
    char fallback[8];
    snprintf(fallback, sizeof fallback, r->level == SW_MAP_GEMEENTEN ? "GM%04d" : "PV%02d", code);
    const char *naam = json_is_string(jname) && json_string_length(jname) > 0
                           ? json_string_value(jname)
                           : fallback;
    /* A name is shown in the map's titles and labels: what a CSV cell may
     * not hold, it may not hold either (jansson has checked the UTF-8). */
    for (size_t i = 0, k, n = strlen(naam); i < n; i += k) {
        uint32_t cp = sw__utf8_next(naam + i, n - i, &k);
        if (sw__refused_char(cp))
            return fail(r, "%s contains the control character U+%04X, which a name may not hold",
                        name_key(r->level), (unsigned)cp);
    }
    const json_t *geom = json_object_get(f, "geometry");
    const json_t *type = json_object_get(geom, "type");
    const json_t *coords = json_object_get(geom, "coordinates");
    if (!json_is_object(geom))
        return fail(r, "no geometry");
    const char *t = json_is_string(type) ? json_string_value(type) : "";
    bool multi = strcmp(t, "MultiPolygon") == 0;
    if (!multi && strcmp(t, "Polygon") != 0)
        return fail(r, "geometry type \"%.20s\", expected Polygon or MultiPolygon", t);
    if (!json_is_array(coords))
        return fail(r, "geometry without coordinates");
    int rc = mb_shape(r->b, r->level, code, r->level == SW_MAP_PROVINCIES ? code : 0, naam,
                      strlen(naam));
    if (rc != 0)
        return rc;
    if (!multi)
        rc = read_polygon(r, coords, 0);
    else if (json_array_size(coords) == 0)
        rc = fail(r, "a MultiPolygon without polygons");
    for (size_t i = 0; multi && rc == 0 && i < json_array_size(coords); i++)
        rc = read_polygon(r, json_array_get(coords, i), i);
    if (rc == 0 && mb_shape_rings(r->b) == 0)
        rc = fail(r, "the geometry has no area");
    return rc;
}

/* True when the (2008 GeoJSON) "crs" member names EPSG:28992. */
static bool crs_is_rd(const json_t *root)
{
    const json_t *name = json_object_get(json_object_get(json_object_get(root, "crs"),
                                                         "properties"),
                                         "name");
    return json_is_string(name) && strstr(json_string_value(name), "28992") != NULL;
}

int map_read_geojson(map_builder *b, sw_map_level level, const char *name, const char *data,
                     size_t len, sw_diag *diag)
{
    assert(b && name && (data || len == 0));
    json_error_t jerr;
    json_t *root = json_loadb(data ? data : "", len, JSON_REJECT_DUPLICATES |
                              JSON_DECODE_INT_AS_REAL, &jerr);
    if (!root)
        return sw_diag_add(diag, SW_EDATA, name, jerr.line > 0 ? jerr.line : 0,
                           jerr.column > 0 ? jerr.column : 0, NULL, "not valid JSON: %s",
                           jerr.text);
    const json_t *type = json_object_get(root, "type");
    const json_t *features = json_object_get(root, "features");
    if (!json_is_string(type) || strcmp(json_string_value(type), "FeatureCollection") != 0 ||
        !json_is_array(features)) {
        json_decref(root);
        return sw_diag_add(diag, SW_EDATA, name, 1, 1, NULL,
                           "not a GeoJSON FeatureCollection (\"type\" and \"features\")");
    }
    size_t n = json_array_size(features);
    if (n == 0) {
        json_decref(root);
        return sw_diag_add(diag, SW_EDATA, name, 1, 1, NULL, "the FeatureCollection is empty");
    }
    int ncodes = level == SW_MAP_GEMEENTEN ? SW_GEMEENTE_CODES : SW_PROVINCIE_CODES;
    reader r = {b, level, name, data, diag, crs_is_rd(root), NULL, 0, 0, 0, "", NULL, 0};
    int *first = malloc((size_t)ncodes * sizeof *first);
    r.off = feature_offsets(data, len, n);
    int rc = 0;
    if (!first || !r.off)
        rc = SW_ENOMEM;
    for (int i = 0; rc == 0 && i < ncodes; i++)
        first[i] = -1;
    /* Offsets only grow, so the line count carries on from feature to
     * feature. */
    size_t at = 0;
    long line = 1, col = 1;
    for (size_t i = 0; i < n && rc != SW_ENOMEM && rc != SW_ELIMIT; i++) {
        for (; at < r.off[i]; at++) {
            if (data[at] == '\n') {
                line++;
                col = 1;
            } else if (((unsigned char)data[at] & 0xC0) != 0x80) {
                col++;
            }
        }
        r.line = line;
        r.col = col;
        r.feature = i + 1;
        int frc = read_feature(&r, json_array_get(features, i), first, r.off);
        if (frc != 0)
            rc = frc;
    }
    free(first);
    free(r.off);
    free(r.tmp);
    json_decref(root);
    return rc;
}

int sw_map_load_geojson(sw_map **out, const char *name, const char *data, size_t len,
                        const sw_register *reg, sw_diag *diag)
{
    assert(out && name && (data || len == 0));
    *out = NULL;
    map_builder b = {0};
    int rc = map_read_geojson(&b, SW_MAP_GEMEENTEN, name, data, len, diag);
    if (rc != 0) {
        mb_free(&b);
        return rc;
    }
    sw_map *m = NULL;
    if ((rc = mb_finish(&m, &b, name, NULL, diag)) != 0)
        return rc;
    if (reg && (rc = sw_map_dissolve(m, reg, diag)) != 0) {
        sw_map_free(m);
        return rc;
    }
    *out = m;
    return 0;
}
