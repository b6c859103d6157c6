/* Maps: the projection, the shipped tables, reading GeoJSON, the dissolve of
 * provinces, the join to a register, and the SVG. */
#include "support.h"

#include <math.h>

#include "map_data.h"

#ifndef SW_SOURCE_ROOT
#error "SW_SOURCE_ROOT must name the source tree"
#endif

static char *read_source_file(const char *rel, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SW_SOURCE_ROOT, rel);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_int_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static sw_map *embedded(void)
{
    sw_map *m = NULL;
    sw_diag d = {0};
    ck_assert_int_eq(sw_map_from_data(&m, &sw_map_data_2025, &d), 0);
    return m;
}

static sw_register *shipped_register(void)
{
    size_t len;
    char *text = read_source_file("data/gemeenten-2024.csv", &len);
    sw_register *reg = NULL;
    sw_diag d = {0};
    ck_assert_int_eq(sw_register_load(&reg, "gemeenten-2024.csv", text, len, NULL, &d), 0);
    free(text);
    return reg;
}

/* The area centroid of a shape, computed here independently of the
 * library's label point. */
static void shape_centroid(const sw_map *m, const sw_map_shape *s, double *cx, double *cy)
{
    double sx = 0, sy = 0, sa = 0;
    for (size_t r = s->ring; r < s->ring + s->nrings; r++) {
        const sw_map_point *p = m->pt + m->ring_start[r];
        size_t n = m->ring_start[r + 1] - m->ring_start[r];
        for (size_t i = 0; i < n; i++) {
            const sw_map_point a = p[i], b = p[(i + 1) % n];
            double f = (double)a.x * b.y - (double)b.x * a.y;
            sx += ((double)a.x + b.x) * f;
            sy += ((double)a.y + b.y) * f;
            sa += f;
        }
    }
    *cx = sx / (3 * sa);
    *cy = sy / (3 * sa);
}

static const sw_map_shape *shape(const sw_map *m, sw_map_level l, int code)
{
    long i = sw_map_find(m, l, code);
    ck_assert_msg(i >= 0, "no shape %d", code);
    return &m->layer[l].shape[i];
}

/* Even-odd test over all rings of a shape. */
static bool inside(const sw_map *m, const sw_map_shape *s, sw_map_point q)
{
    bool in = false;
    for (size_t r = s->ring; r < s->ring + s->nrings; r++) {
        const sw_map_point *p = m->pt + m->ring_start[r];
        size_t n = m->ring_start[r + 1] - m->ring_start[r];
        for (size_t i = 0, j = n - 1; i < n; j = i++)
            if ((p[i].y > q.y) != (p[j].y > q.y) &&
                q.x < (double)(p[j].x - p[i].x) * (q.y - p[i].y) / (p[j].y - p[i].y) + p[i].x)
                in = !in;
    }
    return in;
}

/* ## Projection */

START_TEST(projection_puts_amersfoort_at_the_origin_of_rd)
{
    sw_map_point p;
    /* The Onze Lieve Vrouwetoren, the origin of the RD grid. */
    ck_assert_int_eq(sw_map_project(&p, 5.38720621, 52.15517440), 0);
    ck_assert_int_eq(p.x, 155000);
    ck_assert_int_eq(p.y, 463000);
    /* The Martinitoren in Groningen: RD (233883.131, 582065.167). */
    ck_assert_int_eq(sw_map_project(&p, 6.56820053, 53.21938317), 0);
    ck_assert_int_le(abs(p.x - 233883), 1);
    ck_assert_int_le(abs(p.y - 582065), 1);
    /* The Dom tower in Utrecht is at about RD (136 890, 455 900). */
    ck_assert_int_eq(sw_map_project(&p, 5.12133, 52.09078), 0);
    ck_assert_int_le(abs(p.x - 136890), 150);
    ck_assert_int_le(abs(p.y - 455900), 150);
}
END_TEST

START_TEST(projection_refuses_points_far_from_the_netherlands)
{
    sw_map_point p = {7, 7};
    ck_assert_int_eq(sw_map_project(&p, 155000, 463000), SW_EDATA); /* RD, not degrees */
    ck_assert_int_eq(sw_map_project(&p, 5.0, 40.0), SW_EDATA);
    ck_assert_int_eq(sw_map_project(&p, NAN, 52.0), SW_EDATA);
    ck_assert_int_eq(p.x, 7);
}
END_TEST

/* ## The shipped map */

START_TEST(shipped_map_has_every_gemeente_and_province_of_the_register)
{
    sw_map *m = embedded();
    sw_register *reg = shipped_register();
    ck_assert_int_eq(m->layer[SW_MAP_GEMEENTEN].n, 342);
    ck_assert_int_eq(m->layer[SW_MAP_PROVINCIES].n, 12);
    ck_assert_str_eq(m->attribution, "Bron: CBS, Kadaster");
    sw_map_joined j;
    ck_assert_int_eq(sw_map_join(&j, m, reg), 0);
    for (int l = 0; l < 2; l++) {
        ck_assert_int_eq(j.missing[l].n, 0);
        ck_assert_int_eq(j.extra[l].n, 0);
    }
    sw_buf notes = {0};
    sw_map_joined_notes(&notes, &j);
    ck_assert_uint_eq(notes.len, 0);
    /* Every gemeente got its province from the register. */
    ck_assert_int_eq(shape(m, SW_MAP_GEMEENTEN, 363)->provincie, 27);
    ck_assert_int_eq(shape(m, SW_MAP_GEMEENTEN, 687)->provincie, 29); /* Middelburg */
    ck_assert_str_eq(shape(m, SW_MAP_PROVINCIES, 21)->naam, "Frysl\xC3\xA2n");
    sw_map_joined_free(&j);
    sw_buf_free(&notes);
    sw_register_free(reg);
    sw_map_free(m);
}
END_TEST

START_TEST(shipped_map_puts_places_where_they_belong)
{
    sw_map *m = embedded();
    double ax, ay, ux, uy, lx, ly, mx, my, gx, gy;
    shape_centroid(m, shape(m, SW_MAP_GEMEENTEN, 363), &ax, &ay); /* Amsterdam */
    shape_centroid(m, shape(m, SW_MAP_GEMEENTEN, 344), &ux, &uy); /* Utrecht */
    shape_centroid(m, shape(m, SW_MAP_GEMEENTEN, 34), &lx, &ly);  /* Almere */
    shape_centroid(m, shape(m, SW_MAP_GEMEENTEN, 935), &mx, &my); /* Maastricht */
    shape_centroid(m, shape(m, SW_MAP_GEMEENTEN, 14), &gx, &gy);  /* Groningen */
    ck_assert(ay > uy);  /* Amsterdam north of Utrecht */
    ck_assert(ax < lx);  /* and west of Almere */
    ck_assert(my < uy && my < ay); /* Maastricht in the south */
    ck_assert(gx > ax && gy > ay); /* Groningen north-east */
    /* Amsterdam's centroid lies near the Dam, RD (121 400, 487 500):
     * within 5 km (the gemeente reaches far north and south-east). */
    ck_assert(fabs(ax - 121400) < 5000 && fabs(ay - 487500) < 5000);
    sw_map_free(m);
}
END_TEST

START_TEST(shipped_map_has_the_proportions_of_the_netherlands)
{
    sw_map *m = embedded();
    sw_map_point lo = {INT32_MAX, INT32_MAX}, hi = {INT32_MIN, INT32_MIN};
    const sw_map_layer *G = &m->layer[SW_MAP_GEMEENTEN];
    for (size_t i = 0; i < G->n; i++) {
        lo.x = G->shape[i].min.x < lo.x ? G->shape[i].min.x : lo.x;
        lo.y = G->shape[i].min.y < lo.y ? G->shape[i].min.y : lo.y;
        hi.x = G->shape[i].max.x > hi.x ? G->shape[i].max.x : hi.x;
        hi.y = G->shape[i].max.y > hi.y ? G->shape[i].max.y : hi.y;
    }
    /* The known extent of the country in RD: from Cadzand (x ≈ 13.6 km) to
     * Bad Nieuweschans (x ≈ 278 km), from Mesch (y ≈ 307 km) to
     * Rottumeroog (y ≈ 619 km). */
    ck_assert_int_le(abs(lo.x - 13600), 2000);
    ck_assert_int_le(abs(hi.x - 278000), 2000);
    ck_assert_int_le(abs(lo.y - 307000), 2000);
    ck_assert_int_le(abs(hi.y - 619000), 2000);
    double known = (278000.0 - 13600) / (619000 - 307000);
    /* The aspect ratio against those extents, and against one computed
     * without RD: the data's bounds, 3.3584–7.2275 E and 50.7514–53.5536 N,
     * on a sphere at the mean latitude (52.15 N). */
    double real = (7.2275 - 3.3584) * cos(52.15 * 3.14159265358979 / 180) / (53.5536 - 50.7514);
    double ours = (double)(hi.x - lo.x) / (hi.y - lo.y);
    ck_assert_msg(fabs(ours / real - 1) < 0.03, "aspect %.4f, expected %.4f", ours, real);
    ck_assert_msg(fabs(ours / known - 1) < 0.03, "aspect %.4f, expected %.4f", ours, known);
    sw_map_free(m);
}
END_TEST

START_TEST(every_label_point_lies_inside_its_shape)
{
    sw_map *m = embedded();
    for (int l = 0; l < 2; l++)
        for (size_t i = 0; i < m->layer[l].n; i++) {
            const sw_map_shape *s = &m->layer[l].shape[i];
            ck_assert_msg(inside(m, s, s->label), "label of %d outside", s->code);
            ck_assert(s->area > 0);
        }
    /* Holes and islands: Vlieland's label is on Vlieland, Zeeland's on
     * land, not in the Oosterschelde. */
    const sw_map_shape *z = shape(m, SW_MAP_PROVINCIES, 29);
    ck_assert(inside(m, z, z->label));
    sw_map_free(m);
}
END_TEST

START_TEST(shipped_provinces_equal_the_dissolve_of_the_gemeenten)
{
    sw_map *m = embedded(), *d = embedded();
    sw_register *reg = shipped_register();
    ck_assert_int_eq(sw_map_dissolve(d, reg, NULL), 0);
    ck_assert_int_eq(d->layer[SW_MAP_PROVINCIES].n, 12);
    for (size_t i = 0; i < 12; i++) {
        const sw_map_shape *a = &m->layer[SW_MAP_PROVINCIES].shape[i];
        const sw_map_shape *b = &d->layer[SW_MAP_PROVINCIES].shape[i];
        ck_assert_int_eq(a->code, b->code);
        ck_assert_int_eq(a->nrings, b->nrings);
        ck_assert_int_eq(a->area, b->area);
        ck_assert(a->min.x == b->min.x && a->min.y == b->min.y && a->max.x == b->max.x &&
                  a->max.y == b->max.y);
        /* The same points, ring for ring in some order: compare sums. */
        int64_t sa = 0, sb = 0;
        size_t na = 0, nb = 0;
        for (size_t r = a->ring; r < a->ring + a->nrings; r++)
            for (uint32_t k = m->ring_start[r]; k < m->ring_start[r + 1]; k++, na++)
                sa += (int64_t)m->pt[k].x * 3 + m->pt[k].y;
        for (size_t r = b->ring; r < b->ring + b->nrings; r++)
            for (uint32_t k = d->ring_start[r]; k < d->ring_start[r + 1]; k++, nb++)
                sb += (int64_t)d->pt[k].x * 3 + d->pt[k].y;
        ck_assert_uint_eq(na, nb);
        ck_assert_int_eq(sa, sb);
        char pv[8];
        snprintf(pv, sizeof pv, "PV%02d", a->code);
        ck_assert_str_eq(b->naam, pv);
    }
    sw_register_free(reg);
    sw_map_free(m);
    sw_map_free(d);
}
END_TEST

/* ## A user's GeoJSON */

#define SQUARE(x0, x1, y0, y1)                                                          \
    "[[[" #x0 "," #y0 "],[" #x1 "," #y0 "],[" #x1 "," #y1 "],[" #x0 "," #y1 "],[" #x0 "," #y0 \
    "]]]"
#define SQUARE_CW(x0, x1, y0, y1)                                                       \
    "[[[" #x0 "," #y0 "],[" #x0 "," #y1 "],[" #x1 "," #y1 "],[" #x1 "," #y0 "],[" #x0 "," #y0 \
    "]]]"
#define FEATURE(code, naam, coords)                                                     \
    "{\"type\":\"Feature\",\"properties\":{\"gemeentecode\":\"" code                    \
    "\",\"gemeentenaam\":\"" naam "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" coords \
    "}}"

/* Three squares in a row, A and B in PV20, C in PV21; B wound the other
 * way round. */
static const char three_squares[] =
    "{\"type\":\"FeatureCollection\",\"features\":[\n"
    FEATURE("GM0001", "A", SQUARE(5.0, 5.1, 52.0, 52.1)) ",\n"
    FEATURE("GM0002", "B", SQUARE_CW(5.1, 5.2, 52.0, 52.1)) ",\n"
    FEATURE("GM0003", "C", SQUARE(5.2, 5.3, 52.0, 52.1)) "\n]}\n";

static const char three_register[] = "gemeentecode,gemeentenaam,provinciecode,inwoners\n"
                                     "GM0001,A,PV20,10\n"
                                     "GM0002,B,PV20,10\n"
                                     "GM0003,C,PV21,10\n";

static sw_map_point P(double lon, double lat)
{
    sw_map_point p;
    ck_assert_int_eq(sw_map_project(&p, lon, lat), 0);
    return p;
}

/* Is ring r of the map the cyclic sequence `want`? */
static bool ring_is(const sw_map *m, size_t r, const sw_map_point *want, size_t n)
{
    const sw_map_point *p = m->pt + m->ring_start[r];
    if (m->ring_start[r + 1] - m->ring_start[r] != n)
        return false;
    for (size_t s = 0; s < n; s++) {
        size_t k = 0;
        while (k < n && p[(s + k) % n].x == want[k].x && p[(s + k) % n].y == want[k].y)
            k++;
        if (k == n)
            return true;
    }
    return false;
}

static sw_map *load_geojson(const char *text, const char *reg_text, sw_diag *d)
{
    sw_register *reg = reg_text ? load_register(reg_text) : NULL;
    sw_map *m = NULL;
    memset(d, 0, sizeof *d);
    int rc = sw_map_load_geojson(&m, "kaart.geojson", text, strlen(text), reg, d);
    sw_register_free(reg);
    ck_assert_int_eq(rc == 0, m != NULL);
    return m;
}

START_TEST(dissolve_drops_shared_edges_and_keeps_the_outline)
{
    sw_diag d;
    sw_map *m = load_geojson(three_squares, three_register, &d);
    ck_assert_msg(m != NULL, "%s", first_message(&d));
    ck_assert_int_eq(m->layer[SW_MAP_GEMEENTEN].n, 3);
    ck_assert_int_eq(m->layer[SW_MAP_PROVINCIES].n, 2);
    const sw_map_shape *pv20 = shape(m, SW_MAP_PROVINCIES, 20);
    ck_assert_int_eq(pv20->nrings, 1);
    /* Counter-clockwise, the middle points of the long sides kept. */
    const sw_map_point want20[] = {P(5.0, 52.0), P(5.1, 52.0), P(5.2, 52.0),
                                   P(5.2, 52.1), P(5.1, 52.1), P(5.0, 52.1)};
    ck_assert(ring_is(m, pv20->ring, want20, 6));
    const sw_map_shape *pv21 = shape(m, SW_MAP_PROVINCIES, 21);
    const sw_map_point want21[] = {P(5.2, 52.0), P(5.3, 52.0), P(5.3, 52.1), P(5.2, 52.1)};
    ck_assert_int_eq(pv21->nrings, 1);
    ck_assert(ring_is(m, pv21->ring, want21, 4));
    /* The area of a province is the sum of its gemeenten's. */
    ck_assert_int_eq(pv20->area, shape(m, SW_MAP_GEMEENTEN, 1)->area +
                                     shape(m, SW_MAP_GEMEENTEN, 2)->area);
    /* B was clockwise in the file; here it is counter-clockwise. */
    ck_assert_int_gt(shape(m, SW_MAP_GEMEENTEN, 2)->area, 0);
    ck_assert_int_eq(shape(m, SW_MAP_GEMEENTEN, 2)->provincie, 20);
    sw_map_free(m);
}
END_TEST

START_TEST(dissolve_of_squares_that_touch_at_a_corner_gives_two_rings)
{
    static const char text[] =
        "{\"type\":\"FeatureCollection\",\"features\":["
        FEATURE("GM0001", "A", SQUARE(5.0, 5.1, 52.0, 52.1)) ","
        FEATURE("GM0002", "B", SQUARE(5.1, 5.2, 52.1, 52.2)) ","
        FEATURE("GM0003", "C", SQUARE(5.1, 5.2, 52.0, 52.1)) ","
        FEATURE("GM0004", "D", SQUARE(5.0, 5.1, 52.1, 52.2)) "]}";
    /* A and B touch at one corner; C and D make the province whole around
     * that corner, but belong to another province. */
    static const char reg[] = "gemeentecode,gemeentenaam,provinciecode,inwoners\n"
                              "GM0001,A,PV20,1\nGM0002,B,PV20,1\n"
                              "GM0003,C,PV21,1\nGM0004,D,PV21,1\n";
    sw_diag d;
    sw_map *m = load_geojson(text, reg, &d);
    ck_assert_msg(m != NULL, "%s", first_message(&d));
    for (int p = 20; p <= 21; p++) {
        const sw_map_shape *s = shape(m, SW_MAP_PROVINCIES, p);
        ck_assert_int_eq(s->nrings, 2);
        for (size_t r = s->ring; r < s->ring + s->nrings; r++)
            ck_assert_uint_eq(m->ring_start[r + 1] - m->ring_start[r], 4);
        ck_assert(inside(m, s, s->label));
    }
    sw_map_free(m);
}
END_TEST

START_TEST(dissolve_keeps_a_hole_between_gemeenten)
{
    /* Four gemeenten in a ring around a lake: the province has a hole.
     * Neighbours share their borders point for point, as they must. */
    static const char text[] =
        "{\"type\":\"FeatureCollection\",\"features\":["
        FEATURE("GM0001", "S", "[[[5.0,52.0],[5.3,52.0],[5.3,52.1],[5.2,52.1],[5.1,52.1],"
                               "[5.0,52.1],[5.0,52.0]]]") ","
        FEATURE("GM0002", "N", "[[[5.0,52.2],[5.1,52.2],[5.2,52.2],[5.3,52.2],[5.3,52.3],"
                               "[5.0,52.3],[5.0,52.2]]]") ","
        FEATURE("GM0003", "W", "[[[5.0,52.1],[5.1,52.1],[5.1,52.2],[5.0,52.2],[5.0,52.1]]]") ","
        FEATURE("GM0004", "E", "[[[5.2,52.1],[5.3,52.1],[5.3,52.2],[5.2,52.2],[5.2,52.1]]]") "]}";
    static const char reg[] = "gemeentecode,gemeentenaam,provinciecode,inwoners\n"
                              "GM0001,S,PV20,1\nGM0002,N,PV20,1\n"
                              "GM0003,W,PV20,1\nGM0004,E,PV20,1\n";
    sw_diag d;
    sw_map *m = load_geojson(text, reg, &d);
    ck_assert_msg(m != NULL, "%s", first_message(&d));
    const sw_map_shape *s = shape(m, SW_MAP_PROVINCIES, 20);
    ck_assert_int_eq(s->nrings, 2);
    /* The outer ring of 8 points (the corners of W and E on the long
     * sides are kept), and the lake as a clockwise hole. */
    size_t outer = m->ring_start[s->ring + 1] - m->ring_start[s->ring];
    size_t hole = m->ring_start[s->ring + 2] - m->ring_start[s->ring + 1];
    ck_assert(outer == 8 || hole == 8);
    ck_assert(outer + hole == 12);
    const sw_map_point lake[] = {P(5.1, 52.1), P(5.1, 52.2), P(5.2, 52.2), P(5.2, 52.1)};
    ck_assert(ring_is(m, outer == 4 ? s->ring : s->ring + 1, lake, 4));
    ck_assert(inside(m, s, s->label));
    ck_assert(!inside(m, s, P(5.15, 52.15)));
    sw_map_free(m);
}
END_TEST

START_TEST(join_reports_a_missing_and_an_extra_code)
{
    sw_diag d;
    sw_map *m = load_geojson(three_squares, NULL, &d);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(m->layer[SW_MAP_PROVINCIES].n, 0);
    /* GM0003 is on the map and not in the register; GM0009 the reverse. */
    sw_register *reg = load_register("gemeentecode,gemeentenaam,provinciecode,inwoners\n"
                                     "GM0001,A,PV20,10\nGM0002,B,PV20,10\nGM0009,X,PV21,10\n");
    sw_map_joined j;
    ck_assert_int_eq(sw_map_join(&j, m, reg), 0);
    ck_assert_uint_eq(j.missing[SW_MAP_GEMEENTEN].n, 1);
    ck_assert_int_eq(j.missing[SW_MAP_GEMEENTEN].code[0], 9);
    ck_assert_uint_eq(j.extra[SW_MAP_GEMEENTEN].n, 1);
    ck_assert_int_eq(j.extra[SW_MAP_GEMEENTEN].code[0], 3);
    /* No province shapes at all: both register provinces are missing. */
    ck_assert_uint_eq(j.missing[SW_MAP_PROVINCIES].n, 2);
    ck_assert_int_eq(shape(m, SW_MAP_GEMEENTEN, 1)->provincie, 20);
    ck_assert_int_eq(shape(m, SW_MAP_GEMEENTEN, 3)->provincie, 0);
    sw_buf notes = {0};
    sw_map_joined_notes(&notes, &j);
    ck_assert_str_eq(notes.data,
                     "1 gemeente van het register staat niet op de kaart: GM0009\n"
                     "1 vorm op de kaart is geen gemeente van het register: GM0003\n"
                     "2 provincies van het register staan niet op de kaart: PV20, PV21\n");
    sw_buf_free(&notes);
    sw_map_joined_free(&j);
    /* After a dissolve, the extra shape belongs to no province. */
    ck_assert_int_eq(sw_map_dissolve(m, reg, NULL), 0);
    ck_assert_int_eq(m->layer[SW_MAP_PROVINCIES].n, 1);
    ck_assert_int_eq(sw_map_join(&j, m, reg), 0);
    ck_assert_uint_eq(j.missing[SW_MAP_PROVINCIES].n, 1);
    ck_assert_int_eq(j.missing[SW_MAP_PROVINCIES].code[0], 21);
    sw_map_joined_free(&j);
    sw_register_free(reg);
    sw_map_free(m);
}
END_TEST

static void expect_error(const char *text, const char *message)
{
    sw_diag d;
    sw_map *m = load_geojson(text, NULL, &d);
    ck_assert_msg(m == NULL, "accepted: %s", text);
    ck_assert_uint_ge(d.count, 1);
    ck_assert_str_eq(first_message(&d), message);
}

START_TEST(malformed_geojson_gives_a_located_error)
{
    expect_error("{\"type\":\"FeatureCollection\",\n\"features\":[1,]}",
                 "kaart.geojson:2:15: not valid JSON: unexpected token near ']'");
    expect_error("[1, 2]", "kaart.geojson:1:1: not a GeoJSON FeatureCollection (\"type\" and "
                           "\"features\")");
    expect_error("{\"type\":\"FeatureCollection\",\"features\":[]}",
                 "kaart.geojson:1:1: the FeatureCollection is empty");
    /* A feature without a code, on line 3. */
    expect_error("{\"type\":\"FeatureCollection\",\"features\":[\n" FEATURE("GM0001", "A",
                 SQUARE(5.0, 5.1, 52.0, 52.1)) ",\n"
                 "  {\"type\":\"Feature\",\"properties\":{\"naam\":\"B\"},"
                 "\"geometry\":null}\n]}",
                 "kaart.geojson:3:3: feature 2: no property \"gemeentecode\"");
    expect_error("{\"type\":\"FeatureCollection\",\"features\":[\n" FEATURE("WK000101", "A",
                 SQUARE(5.0, 5.1, 52.0, 52.1)) "]}",
                 "kaart.geojson:2:1: feature 1: \"gemeentecode\" \"WK000101\" is not a "
                 "gemeentecode (GM and four digits)");
    /* A name holds what a CSV cell may: no control or bidi characters. */
    expect_error("{\"type\":\"FeatureCollection\",\"features\":[\n" FEATURE(
                     "GM0001", "A\\u202eB", SQUARE(5.0, 5.1, 52.0, 52.1)) "]}",
                 "kaart.geojson:2:1: feature 1 (GM0001): gemeentenaam contains the control "
                 "character U+202E, which a name may not hold");
    expect_error("{\"type\":\"FeatureCollection\",\"features\":[\n" FEATURE(
                     "GM0001", "A\\u0007", SQUARE(5.0, 5.1, 52.0, 52.1)) "]}",
                 "kaart.geojson:2:1: feature 1 (GM0001): gemeentenaam contains the control "
                 "character U+0007, which a name may not hold");
    /* A duplicate code names both places. */
    expect_error("{\"type\":\"FeatureCollection\",\"features\":[\n" FEATURE("GM0001", "A",
                 SQUARE(5.0, 5.1, 52.0, 52.1)) ",\n"
                 FEATURE("1", "A2", SQUARE(5.1, 5.2, 52.0, 52.1)) "]}",
                 "kaart.geojson:3:1: feature 2 (GM0001): gemeentecode appears again; first at "
                 "line 2 (feature 1)");
    expect_error("{\"type\":\"FeatureCollection\",\"features\":[\n"
                 "{\"type\":\"Feature\",\"properties\":{\"gemeentecode\":\"GM0001\"},"
                 "\"geometry\":{\"type\":\"Point\",\"coordinates\":[5,52]}}]}",
                 "kaart.geojson:2:1: feature 1 (GM0001): geometry type \"Point\", expected "
                 "Polygon or MultiPolygon");
    /* RD metres without a crs. */
    expect_error("{\"type\":\"FeatureCollection\",\"features\":[\n" FEATURE("GM0001", "A",
                 SQUARE(155000, 156000, 463000, 464000)) "]}",
                 "kaart.geojson:2:1: feature 1 (GM0001): position 1 of ring 1 of polygon 1, "
                 "[155000, 463000], is not a WGS84 longitude and latitude in the Netherlands "
                 "(RD metres need a \"crs\" naming EPSG:28992)");
    expect_error("{\"type\":\"FeatureCollection\",\"features\":[\n" FEATURE("GM0001", "A",
                 "[[[5.0,52.0],[5.1,52.0]]]") "]}",
                 "kaart.geojson:2:1: feature 1 (GM0001): ring 1 of polygon 1 is not an array of "
                 "at least 3 positions");
    expect_error("{\"type\":\"FeatureCollection\",\"features\":[\n" FEATURE("GM0001", "A",
                 "[[[5.0,52.0],[5.1,52.0],[5.0,52.0],[5.1,52.0]]]") "]}",
                 "kaart.geojson:2:1: feature 1 (GM0001): the geometry has no area");
}
END_TEST

START_TEST(geojson_in_rd_metres_with_a_crs_and_multipolygons_read)
{
    static const char text[] =
        "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
        "\"urn:ogc:def:crs:EPSG::28992\"}},\"features\":[{\"type\":\"Feature\",\"properties\":"
        "{\"gemeentecode\":344,\"gemeentenaam\":\"U \\u0026 <V>\"},\"geometry\":{\"type\":"
        "\"MultiPolygon\",\"coordinates\":[[[[0,300000],[1000,300000],[1000,301000],[0,301000],"
        "[0,300000]],[[100,300100],[200,300100],[200,300200],[100,300200],[100,300100]]],"
        "[[[5000,300000],[5100,300000],[5100,300100],[5000,300000]]]]}}]}";
    sw_diag d;
    sw_map *m = load_geojson(text, NULL, &d);
    ck_assert_msg(m != NULL, "%s", first_message(&d));
    const sw_map_shape *s = shape(m, SW_MAP_GEMEENTEN, 344);
    ck_assert_str_eq(s->naam, "U & <V>");
    ck_assert_int_eq(s->nrings, 3);
    ck_assert_int_eq(s->area, 1000 * 1000 - 100 * 100 + 100 * 100 / 2);
    ck_assert_int_eq(s->min.x, 0);
    ck_assert_int_eq(s->max.x, 5100);
    ck_assert(inside(m, s, s->label));
    ck_assert(s->label.x < 1000); /* in the big square, not the triangle */
    sw_map_free(m);
}
END_TEST

START_TEST(tables_that_contradict_themselves_are_refused)
{
    static const uint32_t rings[] = {0, 3};
    static const int32_t xy[] = {0, 0, 10, 0, 10, 10};
    static const sw_map_data_shape g[] = {{1, "A", 0, 1}, {1, "B", 0, 1}};
    sw_map_data data = {"test", NULL, 2, g, 0, NULL, 1, rings, 3, xy};
    sw_map *m = NULL;
    sw_diag d = {0};
    ck_assert_int_eq(sw_map_from_data(&m, &data, &d), SW_EDATA);
    ck_assert_ptr_null(m);
    ck_assert_str_eq(first_message(&d), "test: gemeentecode GM0001 appears twice");
    data.npoints = 2;
    sw_diag_clear(&d);
    ck_assert_int_eq(sw_map_from_data(&m, &data, &d), SW_EDATA);
    ck_assert_str_eq(first_message(&d), "test: map tables: a ring runs past the points");
}
END_TEST

/* ## Drawing */

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

START_TEST(svg_carries_codes_titles_classes_and_the_credit)
{
    sw_diag d;
    sw_map *m = load_geojson(three_squares, three_register, &d);
    ck_assert_ptr_nonnull(m);
    sw_map_item items[] = {
        {1, 0, "A \xE2\x80\x94 opgave 10 & \"meer\" <b>", "A", 0},
        {2, 4, "B\x01 \xff\xc3(", NULL, 0}, /* a control character, bytes not UTF-8 */
        {7, 1, "not on the map", NULL, 0},
    };
    /* "midden" is a class no shape has: the legend leaves it out. */
    sw_map_legend_entry legend[] = {
        {0, "laag"}, {2, "midden"}, {4, "hoog"}, {SW_MAP_GEEN, "geen opgave"}};
    const char *caption[] = {"Cyclus 2024, peildatum 1 juli 2025"};
    sw_map_options o = {0};
    o.level = SW_MAP_GEMEENTEN;
    o.item = items;
    o.nitems = 3;
    o.legend = legend;
    o.nlegend = 4;
    o.legend_title = "Voortgang";
    o.caption = caption;
    o.ncaption = 1;
    o.scenario = "SCENARIO: what-if GM0001=+50";
    o.id_prefix = "k1";
    o.standalone = true;
    sw_buf b = {0};
    sw_map_svg_info info;
    ck_assert_int_eq(sw_map_svg(&b, &info, m, &o, &d), 0);
    const char *s = b.data;
    ck_assert(strncmp(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 44) == 0);
    ck_assert_uint_eq(count(s, "data-code=\"GM0001\""), 1);
    ck_assert_uint_eq(count(s, "data-code=\"GM0002\""), 1);
    ck_assert_uint_eq(count(s, "data-code=\"GM0003\""), 1);
    ck_assert_uint_eq(count(s, "data-code="), 3);
    ck_assert_ptr_nonnull(strstr(s, "class=\"sw-k0\" fill=\"#eff3ff\""));
    ck_assert_ptr_nonnull(strstr(s, "class=\"sw-k4\" fill=\"#08519c\""));
    ck_assert_ptr_nonnull(strstr(s, ">laag</text>"));
    ck_assert_ptr_nonnull(strstr(s, ">hoog</text>"));
    ck_assert_ptr_nonnull(strstr(s, ">geen opgave</text>")); /* GM0003 has no item */
    ck_assert_ptr_null(strstr(s, ">midden</text>"));
    ck_assert_ptr_null(strstr(s, "sw-k2"));
    ck_assert_ptr_nonnull(strstr(s, "class=\"sw-geen\" fill=\"url(#k1-p-geen)\""));
    ck_assert_ptr_nonnull(strstr(s, "<pattern id=\"k1-p-geen\""));
    ck_assert_ptr_nonnull(strstr(s, "<title>A \xE2\x80\x94 opgave 10 &amp; &quot;meer&quot; "
                                    "&lt;b&gt;</title>"));
    ck_assert_ptr_nonnull(strstr(s, "<title>C \xE2\x80\x94 geen gegevens</title>"));
    ck_assert_ptr_nonnull(strstr(s, "<title>B \xEF\xBF\xBD\xEF\xBF\xBD(</title>"));
    ck_assert_ptr_null(strstr(s, "Bron:")); /* a user's file: the caller credits it */
    ck_assert_ptr_nonnull(strstr(s, ">SCENARIO: what-if GM0001=+50</text>"));
    ck_assert_ptr_nonnull(strstr(s, ">Cyclus 2024, peildatum 1 juli 2025</text>"));
    /* A standalone file has a size on paper with the viewBox's proportions,
     * as large as fits 170 × 250 mm. */
    long long vw, vh;
    double wmm, hmm;
    const char *root = strstr(s, "<svg ");
    ck_assert_ptr_nonnull(root);
    ck_assert_int_eq(sscanf(root,
                            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %lld "
                            "%lld\" width=\"%lfmm\" height=\"%lfmm\"",
                            &vw, &vh, &wmm, &hmm),
                     4);
    ck_assert(wmm <= 170.0 && hmm <= 250.0 && (wmm == 170.0 || hmm == 250.0));
    ck_assert_double_eq_tol(wmm / hmm, (double)vw / (double)vh, 0.002);
    ck_assert_ptr_null(strstr(s, "width:100%")); /* the attributes rule, not a style */
    ck_assert_uint_eq(info.shapes, 3);
    ck_assert_uint_eq(info.labels, 1);
    ck_assert_ptr_nonnull(strstr(s, "</svg>\n"));
    /* The same bytes a second time. */
    sw_buf again = {0};
    ck_assert_int_eq(sw_map_svg(&again, NULL, m, &o, &d), 0);
    ck_assert_str_eq(again.data, b.data);
    sw_buf_free(&again);
    /* On a page: no size of its own, the width of its container. */
    o.standalone = false;
    ck_assert_int_eq(sw_map_svg(&again, NULL, m, &o, &d), 0);
    ck_assert(strncmp(again.data, "<svg ", 5) == 0);
    char tag[512];
    snprintf(tag, sizeof tag, "%.*s", (int)strcspn(again.data, ">"), again.data);
    ck_assert_ptr_null(strstr(tag, " width="));
    ck_assert_ptr_null(strstr(tag, " height="));
    ck_assert_ptr_nonnull(strstr(tag, "style=\"display:block;width:100%;height:auto;"));
    sw_buf_free(&again);
    sw_buf_free(&b);
    sw_map_free(m);
}
END_TEST

/* The brightness of "#rrggbb" as greyscale print renders it (ITU-R BT.601
 * luma), 0 to 255000. */
static long luma(const char *hex)
{
    unsigned r, g, b;
    ck_assert_int_eq(sscanf(hex, "#%02x%02x%02x", &r, &g, &b), 3);
    return 299L * r + 587L * g + 114L * b;
}

START_TEST(palettes_share_no_colour_and_step_in_lightness)
{
    const sw_map_palette *pal[] = {&sw_map_palette_threshold, &sw_map_palette_sequential,
                                   &sw_map_palette_bedrag};
    enum { NPAL = sizeof pal / sizeof pal[0] };
    ck_assert_uint_eq(sw_map_palette_threshold.n, 3);
    ck_assert_uint_eq(sw_map_palette_sequential.n, 5);
    ck_assert_uint_eq(sw_map_palette_bedrag.n, 5);
    for (int a = 0; a < NPAL; a++) {
        /* "geen" is white, hatched in grey, on every map; no class looks
         * like it. */
        ck_assert_str_eq(pal[a]->geen.fill, "#ffffff");
        ck_assert_ptr_nonnull(pal[a]->geen.hatch);
        for (size_t i = 0; i < pal[a]->n; i++) {
            const sw_map_style *x = &pal[a]->klasse[i];
            ck_assert_str_ne(x->fill, pal[a]->geen.fill);
            /* Darker from class to class, by at least a tenth of the
             * scale, so that each step shows in greyscale; the first class
             * of the threshold is hatched as well. */
            if (i > 0)
                ck_assert_msg(luma(pal[a]->klasse[i - 1].fill) - luma(x->fill) >= 25500,
                              "%s then %s: too alike in greyscale", pal[a]->klasse[i - 1].fill,
                              x->fill);
            /* No colour, fill or hatch, in two palettes: one colour means one
             * thing on a page that holds maps of both. */
            for (int b = 0; b < NPAL; b++)
                for (size_t j = 0; b != a && j < pal[b]->n; j++) {
                    const sw_map_style *y = &pal[b]->klasse[j];
                    ck_assert_str_ne(x->fill, y->fill);
                    if (x->hatch)
                        ck_assert_str_ne(x->hatch, y->fill);
                    if (y->hatch)
                        ck_assert_str_ne(x->fill, y->hatch);
                }
        }
    }
    /* Below the threshold is hatched: it stands out in greyscale too. */
    ck_assert_ptr_nonnull(sw_map_palette_threshold.klasse[0].hatch);
}
END_TEST

START_TEST(svg_drops_the_lower_label_of_two_that_overlap)
{
    sw_diag d;
    sw_map *m = load_geojson(three_squares, three_register, &d);
    ck_assert_ptr_nonnull(m);
    /* Labels far wider than a square: neighbours collide. */
    sw_map_item items[] = {
        {1, 0, NULL, "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 1},
        {2, 0, NULL, "Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 5},
        {3, 0, NULL, "Cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc", 1},
    };
    sw_map_options o = {0};
    o.level = SW_MAP_GEMEENTEN;
    o.item = items;
    o.nitems = 3;
    sw_buf b = {0};
    sw_map_svg_info info;
    ck_assert_int_eq(sw_map_svg(&b, &info, m, &o, &d), 0);
    ck_assert_uint_eq(info.labels, 1);
    ck_assert_uint_eq(info.labels_dropped, 2);
    char want[128];
    snprintf(want, sizeof want, ">%s</text>", items[1].label);
    ck_assert_ptr_nonnull(strstr(b.data, want));
    ck_assert_ptr_null(strstr(b.data, ">Aaaa"));
    sw_buf_free(&b);
    sw_map_free(m);
}
END_TEST

START_TEST(svg_of_one_province_shows_only_its_gemeenten)
{
    sw_map *m = embedded();
    sw_register *reg = shipped_register();
    sw_map_options o = {0};
    o.level = SW_MAP_GEMEENTEN;
    o.provincie = 29;
    sw_buf b = {0};
    sw_diag d = {0};
    /* Before a join the gemeenten have no province. */
    ck_assert_int_eq(sw_map_svg(&b, NULL, m, &o, &d), SW_EDATA);
    ck_assert_str_eq(first_message(&d), "CBS/Kadaster gemeentegrenzen 2025, vereenvoudigd: the "
                                        "map has no gemeenten in province PV29 (were the shapes "
                                        "joined to a register?)");
    sw_map_joined j;
    ck_assert_int_eq(sw_map_join(&j, m, reg), 0);
    sw_map_joined_free(&j);
    sw_buf_free(&b);
    sw_map_svg_info info;
    ck_assert_int_eq(sw_map_svg(&b, &info, m, &o, &d), 0);
    ck_assert_uint_eq(info.shapes, 13); /* Zeeland's gemeenten */
    ck_assert_uint_eq(count(b.data, "data-code="), 13);
    ck_assert_ptr_nonnull(strstr(b.data, "data-code=\"GM0687\"")); /* Middelburg */
    ck_assert_ptr_null(strstr(b.data, "data-code=\"GM0363\""));
    ck_assert_ptr_nonnull(strstr(b.data, "<title>Kaart van Zeeland: gemeenten</title>"));
    ck_assert_ptr_nonnull(strstr(b.data, "aria-label=\"Kaart van Zeeland: gemeenten\""));
    ck_assert_ptr_nonnull(strstr(b.data, ">Bron: CBS, Kadaster</text>"));
    sw_buf_free(&b);
    sw_register_free(reg);
    sw_map_free(m);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("map");
    TCase *tc = tcase_create("map");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, projection_puts_amersfoort_at_the_origin_of_rd);
    tcase_add_test(tc, projection_refuses_points_far_from_the_netherlands);
    tcase_add_test(tc, shipped_map_has_every_gemeente_and_province_of_the_register);
    tcase_add_test(tc, shipped_map_puts_places_where_they_belong);
    tcase_add_test(tc, shipped_map_has_the_proportions_of_the_netherlands);
    tcase_add_test(tc, every_label_point_lies_inside_its_shape);
    tcase_add_test(tc, shipped_provinces_equal_the_dissolve_of_the_gemeenten);
    tcase_add_test(tc, dissolve_drops_shared_edges_and_keeps_the_outline);
    tcase_add_test(tc, dissolve_of_squares_that_touch_at_a_corner_gives_two_rings);
    tcase_add_test(tc, dissolve_keeps_a_hole_between_gemeenten);
    tcase_add_test(tc, join_reports_a_missing_and_an_extra_code);
    tcase_add_test(tc, malformed_geojson_gives_a_located_error);
    tcase_add_test(tc, geojson_in_rd_metres_with_a_crs_and_multipolygons_read);
    tcase_add_test(tc, tables_that_contradict_themselves_are_refused);
    tcase_add_test(tc, svg_carries_codes_titles_classes_and_the_credit);
    tcase_add_test(tc, palettes_share_no_colour_and_step_in_lightness);
    tcase_add_test(tc, svg_drops_the_lower_label_of_two_that_overlap);
    tcase_add_test(tc, svg_of_one_province_shows_only_its_gemeenten);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
