/* Maps: the projection, building a map, label points, the dissolve of
 * province outlines, and the join to a register. Drawing is in map_svg.c,
 * reading GeoJSON in map_geojson.c. */
#include "map_build.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ## Projection
 *
 * WGS84 to RD New by the polynomial approximation of F.H. Schreutelkamp and
 * G.L. Strang van Hees, "Benaderingsformules voor de transformatie tussen
 * RD- en WGS84-kaartcoördinaten", NGT Geodesia 43 (2001), no. 2, pp. 64-69
 * (formula and coefficients also in the Kadaster's notes on RDNAPTRANS):
 *
 *   dφ = 0.36 (φ − 52.15517440),  dλ = 0.36 (λ − 5.38720621)
 *   X = 155000 + Σ R_pq dφ^p dλ^q,  Y = 463000 + Σ S_pq dφ^p dλ^q
 *
 * with φ, λ in degrees and the coefficients below (metres). The point
 * (52.15517440, 5.38720621), the Onze Lieve Vrouwetoren of Amersfoort, is
 * (155000, 463000). Accurate to about a metre within the Netherlands; this
 * map needs far less. Only + and * are used, in a fixed order, and the
 * library is compiled with -ffp-contract=off, so the result is the same on
 * every IEEE-754 machine; it is rounded half up to whole metres. */
static double floor_exact(double v)
{
    /* floor() for |v| < 2^62, without relying on the rounding mode. */
    double t = (double)(int64_t)v;
    return t > v ? t - 1.0 : t;
}

static int32_t round_metre(double v) { return (int32_t)floor_exact(v + 0.5); }

int sw_map_project(sw_map_point *out, double lon, double lat)
{
    assert(out);
    /* Written so that NaN fails too. */
    if (!(lon >= SW_MAP_LON_MIN && lon <= SW_MAP_LON_MAX && lat >= SW_MAP_LAT_MIN &&
          lat <= SW_MAP_LAT_MAX))
        return SW_EDATA;
    double p = 0.36 * (lat - 52.15517440), l = 0.36 * (lon - 5.38720621);
    double p2 = p * p, p3 = p2 * p, l2 = l * l, l3 = l2 * l, l4 = l2 * l2;
    double x = 190094.945 * l               /* R01 */
               + -11832.228 * p * l         /* R11 */
               + -114.221 * p2 * l          /* R21 */
               + -32.391 * l3               /* R03 */
               + -0.705 * p                 /* R10 */
               + -2.340 * p3 * l            /* R31 */
               + -0.608 * p * l3            /* R13 */
               + -0.008 * l2                /* R02 */
               + 0.148 * p2 * l3;           /* R23 */
    double y = 309056.544 * p               /* S10 */
               + 3638.893 * l2              /* S02 */
               + 73.077 * p2                /* S20 */
               + -157.984 * p * l2          /* S12 */
               + 59.788 * p3                /* S30 */
               + 0.433 * l                  /* S01 */
               + -6.439 * p2 * l2           /* S22 */
               + -0.032 * p * l             /* S11 */
               + 0.092 * l4                 /* S04 */
               + -0.054 * p * l4;           /* S14 */
    out->x = round_metre(155000.0 + x);
    out->y = round_metre(463000.0 + y);
    return 0;
}

/* ## Building */

static bool same(sw_map_point a, sw_map_point b) { return a.x == b.x && a.y == b.y; }

/* Twice the signed area of n points (positive: counter-clockwise), relative
 * to the first point so that the products stay small. */
static int64_t area2(const sw_map_point *p, size_t n)
{
    int64_t s = 0;
    for (size_t i = 1; i + 1 < n; i++) {
        int64_t ax = (int64_t)p[i].x - p[0].x, ay = (int64_t)p[i].y - p[0].y;
        int64_t bx = (int64_t)p[i + 1].x - p[0].x, by = (int64_t)p[i + 1].y - p[0].y;
        s += ax * by - bx * ay;
    }
    return s;
}

void mb_free(map_builder *b)
{
    if (!b)
        return;
    for (int l = 0; l < 2; l++) {
        for (size_t i = 0; i < b->nshape[l]; i++)
            free(b->shape[l][i].naam);
        free(b->shape[l]);
    }
    free(b->pt);
    free(b->ring);
    memset(b, 0, sizeof *b);
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, c * size);
    if (!q)
        return SW_ENOMEM;
    *p = q;
    *cap = c;
    return 0;
}

int mb_shape(map_builder *b, sw_map_level level, int code, int provincie, const char *naam,
             size_t len)
{
    assert(b && (level == SW_MAP_PROVINCIES || level == SW_MAP_GEMEENTEN) && naam);
    if (grow((void **)&b->shape[level], &b->capshape[level], b->nshape[level] + 1,
             sizeof(sw_map_shape)) != 0)
        return SW_ENOMEM;
    char *copy = sw__strndup(naam, len);
    if (!copy)
        return SW_ENOMEM;
    sw_map_shape *s = &b->shape[level][b->nshape[level]++];
    memset(s, 0, sizeof *s);
    s->code = code;
    s->naam = copy;
    s->provincie = provincie;
    s->ring = b->nring;
    b->cur = s;
    return 0;
}

size_t mb_shape_rings(const map_builder *b) { return b->cur ? b->cur->nrings : 0; }

int mb_ring(map_builder *b, const sw_map_point *p, size_t n, bool hole)
{
    assert(b && b->cur && (p || n == 0));
    if (b->npt + n > SW_MAP_MAX_POINTS || b->nring + 1 > SW_MAP_MAX_RINGS)
        return SW_ELIMIT;
    if (grow((void **)&b->pt, &b->cappt, b->npt + n, sizeof *b->pt) != 0 ||
        grow((void **)&b->ring, &b->capring, b->nring + 1, sizeof *b->ring) != 0)
        return SW_ENOMEM;
    sw_map_point *q = b->pt + b->npt;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || !same(q[m - 1], p[i]))
            q[m++] = p[i];
    while (m > 1 && same(q[m - 1], q[0]))
        m--;
    int64_t a = m >= 3 ? area2(q, m) : 0;
    if (a == 0)
        return 0;
    if ((a < 0) != hole)
        for (size_t i = 0, j = m - 1; i < j; i++, j--) {
            sw_map_point t = q[i];
            q[i] = q[j];
            q[j] = t;
        }
    b->ring[b->nring++] = (uint32_t)b->npt;
    b->npt += m;
    b->cur->nrings++;
    return 0;
}

/* ## Label points
 *
 * The pole of inaccessibility (Garcia-Castellanos and Lombardo 2007, as
 * "polylabel" by Mapbox): the point inside the shape farthest from its
 * edges, found by subdividing square cells in order of the best distance a
 * cell could still hold. Holes and all parts of a shape count as edges, so
 * the point lies in the part with the widest interior. Double arithmetic,
 * deterministic as the projection; the result is rounded to whole metres. */

typedef struct lp_shape {
    const sw_map *m;
    const sw_map_shape *s;
} lp_shape;

/* Distance from (x, y) to the nearest edge: positive inside (even-odd over
 * all rings), negative outside. */
static double signed_distance(const lp_shape *L, double x, double y)
{
    bool inside = false;
    double best = INFINITY;
    for (size_t r = L->s->ring; r < L->s->ring + L->s->nrings; r++) {
        const sw_map_point *p = L->m->pt + L->m->ring_start[r];
        size_t n = L->m->ring_start[r + 1] - L->m->ring_start[r];
        for (size_t i = 0, j = n - 1; i < n; j = i++) {
            double ax = p[i].x, ay = p[i].y, bx = p[j].x, by = p[j].y;
            if ((ay > y) != (by > y) && x < (bx - ax) * (y - ay) / (by - ay) + ax)
                inside = !inside;
            double dx = bx - ax, dy = by - ay, px = ax, py = ay;
            double len2 = dx * dx + dy * dy;
            if (len2 > 0) {
                double t = ((x - ax) * dx + (y - ay) * dy) / len2;
                if (t > 1) {
                    px = bx;
                    py = by;
                } else if (t > 0) {
                    px = ax + dx * t;
                    py = ay + dy * t;
                }
            }
            double ex = x - px, ey = y - py, d2 = ex * ex + ey * ey;
            if (d2 < best)
                best = d2;
        }
    }
    double d = sqrt(best);
    return inside ? d : -d;
}

typedef struct lp_cell {
    double x, y, h, d, max;
    size_t seq; /* insertion order: ties go to the earlier cell */
} lp_cell;

static bool lp_before(const lp_cell *a, const lp_cell *b)
{
    return a->max > b->max || (a->max == b->max && a->seq < b->seq);
}

typedef struct lp_heap {
    lp_cell *c;
    size_t n, cap, seq;
} lp_heap;

static int lp_push(lp_heap *q, const lp_shape *L, double x, double y, double h)
{
    if (grow((void **)&q->c, &q->cap, q->n + 1, sizeof *q->c) != 0)
        return SW_ENOMEM;
    lp_cell c = {x, y, h, signed_distance(L, x, y), 0, q->seq++};
    c.max = c.d + h * 1.4142135623730951;
    size_t i = q->n++;
    while (i > 0 && lp_before(&c, &q->c[(i - 1) / 2])) {
        q->c[i] = q->c[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    q->c[i] = c;
    return 0;
}

static lp_cell lp_pop(lp_heap *q)
{
    lp_cell top = q->c[0], last = q->c[--q->n];
    size_t i = 0;
    for (;;) {
        size_t k = 2 * i + 1;
        if (k >= q->n)
            break;
        if (k + 1 < q->n && lp_before(&q->c[k + 1], &q->c[k]))
            k++;
        if (!lp_before(&q->c[k], &last))
            break;
        q->c[i] = q->c[k];
        i = k;
    }
    if (q->n)
        q->c[i] = last;
    return top;
}

/* The area centroid of the shape's rings (holes subtract), as a first
 * guess; false when the shape has no area. */
static bool centroid(const lp_shape *L, double *cx, double *cy)
{
    double sx = 0, sy = 0, sa = 0;
    const sw_map_point o = L->m->pt[L->m->ring_start[L->s->ring]];
    for (size_t r = L->s->ring; r < L->s->ring + L->s->nrings; r++) {
        const sw_map_point *p = L->m->pt + L->m->ring_start[r];
        size_t n = L->m->ring_start[r + 1] - L->m->ring_start[r];
        for (size_t i = 0, j = n - 1; i < n; j = i++) {
            double ax = (double)p[j].x - o.x, ay = (double)p[j].y - o.y;
            double bx = (double)p[i].x - o.x, by = (double)p[i].y - o.y;
            double f = ax * by - bx * ay;
            sx += (ax + bx) * f;
            sy += (ay + by) * f;
            sa += f;
        }
    }
    if (sa == 0)
        return false;
    *cx = o.x + sx / (3 * sa);
    *cy = o.y + sy / (3 * sa);
    return true;
}

static int label_point(sw_map_point *out, const sw_map *m, const sw_map_shape *s)
{
    lp_shape L = {m, s};
    double w = (double)s->max.x - s->min.x, h = (double)s->max.y - s->min.y;
    double size = w < h ? w : h;
    *out = m->pt[m->ring_start[s->ring]];
    if (size <= 0)
        return 0;
    double precision = size / 100 > 1.0 ? size / 100 : 1.0;
    lp_heap q = {0};
    int rc = 0;
    double cx, cy;
    lp_cell best = {0, 0, 0, -INFINITY, 0, 0};
    if (centroid(&L, &cx, &cy))
        best = (lp_cell){cx, cy, 0, signed_distance(&L, cx, cy), 0, 0};
    double bx = s->min.x + w / 2, by = s->min.y + h / 2, bd = signed_distance(&L, bx, by);
    if (bd > best.d)
        best = (lp_cell){bx, by, 0, bd, 0, 0};
    double half = size / 2;
    for (double x = s->min.x; x < s->max.x && rc == 0; x += size)
        for (double y = s->min.y; y < s->max.y && rc == 0; y += size)
            rc = lp_push(&q, &L, x + half, y + half, half);
    for (size_t steps = 0; rc == 0 && q.n > 0 && steps < 200000; steps++) {
        lp_cell c = lp_pop(&q);
        if (c.d > best.d)
            best = c;
        if (c.max - best.d <= precision)
            continue;
        double k = c.h / 2;
        rc = lp_push(&q, &L, c.x - k, c.y - k, k);
        if (rc == 0)
            rc = lp_push(&q, &L, c.x + k, c.y - k, k);
        if (rc == 0)
            rc = lp_push(&q, &L, c.x - k, c.y + k, k);
        if (rc == 0)
            rc = lp_push(&q, &L, c.x + k, c.y + k, k);
    }
    free(q.c);
    if (rc != 0)
        return rc;
    sw_map_point p = {round_metre(best.x), round_metre(best.y)};
    /* A shape narrower than a few metres everywhere keeps its first
     * vertex: on its edge, never outside it. */
    if (best.d > 0 && signed_distance(&L, p.x, p.y) > 0)
        *out = p;
    return 0;
}

/* ## Finishing */

static int by_code(const void *a, const void *b)
{
    int x = ((const sw_map_shape *)a)->code, y = ((const sw_map_shape *)b)->code;
    return (x > y) - (x < y);
}

static void shape_measure(sw_map_shape *s, const sw_map *m)
{
    s->min = s->max = m->pt[m->ring_start[s->ring]];
    s->area = 0;
    for (size_t r = s->ring; r < s->ring + s->nrings; r++) {
        const sw_map_point *p = m->pt + m->ring_start[r];
        size_t n = m->ring_start[r + 1] - m->ring_start[r];
        for (size_t i = 0; i < n; i++) {
            if (p[i].x < s->min.x)
                s->min.x = p[i].x;
            if (p[i].y < s->min.y)
                s->min.y = p[i].y;
            if (p[i].x > s->max.x)
                s->max.x = p[i].x;
            if (p[i].y > s->max.y)
                s->max.y = p[i].y;
        }
        s->area += area2(p, n) / 2;
    }
}

static const char *level_noun(sw_map_level l)
{
    return l == SW_MAP_GEMEENTEN ? "gemeentecode" : "provinciecode";
}

int mb_finish(sw_map **out, map_builder *b, const char *source, const char *attribution,
              sw_diag *diag)
{
    assert(out && b && source);
    *out = NULL;
    int rc = 0;
    sw_map *m = calloc(1, sizeof *m);
    if (!m || !(m->source = sw__strndup(source, strlen(source))) ||
        (attribution && !(m->attribution = sw__strndup(attribution, strlen(attribution)))) ||
        !(m->ring_start = malloc((b->nring + 1) * sizeof *m->ring_start))) {
        rc = SW_ENOMEM;
        goto fail;
    }
    if (b->nring)
        memcpy(m->ring_start, b->ring, b->nring * sizeof *b->ring);
    m->ring_start[b->nring] = (uint32_t)b->npt;
    m->nrings = b->nring;
    m->pt = b->pt;
    m->npoints = b->npt;
    b->pt = NULL;
    for (int l = 0; l < 2; l++) {
        m->layer[l].shape = b->shape[l];
        m->layer[l].n = b->nshape[l];
        b->shape[l] = NULL;
        b->nshape[l] = 0;
    }
    mb_free(b);
    for (int l = 0; l < 2; l++) {
        sw_map_layer *L = &m->layer[l];
        if (L->n > 1)
            sw__sort(L->shape, L->n, sizeof *L->shape, by_code);
        for (size_t i = 0; i + 1 < L->n; i++)
            if (L->shape[i].code == L->shape[i + 1].code)
                rc = sw_diag_add(diag, SW_EDATA, source, 0, 0, NULL,
                                 "%s %s%0*d appears twice", level_noun((sw_map_level)l),
                                 l == SW_MAP_GEMEENTEN ? "GM" : "PV",
                                 l == SW_MAP_GEMEENTEN ? 4 : 2, L->shape[i].code);
    }
    if (rc != 0)
        goto fail;
    for (int l = 0; l < 2; l++)
        for (size_t i = 0; i < m->layer[l].n; i++) {
            sw_map_shape *s = &m->layer[l].shape[i];
            if (s->nrings == 0) {
                s->label = (sw_map_point){0, 0};
                continue;
            }
            shape_measure(s, m);
            if ((rc = label_point(&s->label, m, s)) != 0)
                goto fail;
        }
    *out = m;
    return 0;
fail:
    mb_free(b);
    sw_map_free(m);
    return rc;
}

/* ## Maps */

void sw_map_free(sw_map *map)
{
    if (!map)
        return;
    for (int l = 0; l < 2; l++) {
        for (size_t i = 0; i < map->layer[l].n; i++)
            free(map->layer[l].shape[i].naam);
        free(map->layer[l].shape);
    }
    free(map->ring_start);
    free(map->pt);
    free(map->source);
    free(map->attribution);
    free(map);
}

long sw_map_find(const sw_map *map, sw_map_level level, int code)
{
    assert(map && (level == SW_MAP_PROVINCIES || level == SW_MAP_GEMEENTEN));
    const sw_map_layer *L = &map->layer[level];
    size_t lo = 0, hi = L->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (L->shape[mid].code < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < L->n && L->shape[lo].code == code ? (long)lo : -1;
}

static int data_error(sw_diag *diag, const sw_map_data *d, const char *what)
{
    return sw_diag_add(diag, SW_EDATA, d->name, 0, 0, NULL, "map tables: %s", what);
}

int sw_map_from_data(sw_map **out, const sw_map_data *d, sw_diag *diag)
{
    assert(out && d && d->name && d->ring_start && (d->xy || d->npoints == 0));
    *out = NULL;
    if (d->nrings > SW_MAP_MAX_RINGS || d->npoints > SW_MAP_MAX_POINTS)
        return data_error(diag, d, "too many rings or points");
    for (size_t r = 0; r < d->nrings; r++)
        if (d->ring_start[r] > d->ring_start[r + 1])
            return data_error(diag, d, "ring offsets out of order");
    if (d->ring_start[d->nrings] > d->npoints)
        return data_error(diag, d, "a ring runs past the points");
    map_builder b = {0};
    sw_map_point *tmp = NULL;
    size_t tmpcap = 0;
    int rc = 0;
    for (int l = 0; l < 2 && rc == 0; l++) {
        size_t n = l == SW_MAP_GEMEENTEN ? d->ngemeenten : d->nprovincies;
        const sw_map_data_shape *sh = l == SW_MAP_GEMEENTEN ? d->gemeente : d->provincie;
        for (size_t i = 0; i < n && rc == 0; i++) {
            const sw_map_data_shape *s = &sh[i];
            if (s->ring > d->nrings || s->nrings > d->nrings - s->ring || !s->naam || s->code < 0 ||
                s->code >= (l == SW_MAP_GEMEENTEN ? SW_GEMEENTE_CODES : SW_PROVINCIE_CODES)) {
                rc = data_error(diag, d, "a shape with a bad code, name or rings");
                break;
            }
            rc = mb_shape(&b, (sw_map_level)l, s->code, l == SW_MAP_PROVINCIES ? s->code : 0,
                          s->naam, strlen(s->naam));
            for (uint32_t r = s->ring; r < s->ring + s->nrings && rc == 0; r++) {
                size_t first = d->ring_start[r], np = d->ring_start[r + 1] - first;
                if ((rc = grow((void **)&tmp, &tmpcap, np, sizeof *tmp)) != 0)
                    break;
                for (size_t k = 0; k < np; k++)
                    tmp[k] = (sw_map_point){d->xy[2 * (first + k)], d->xy[2 * (first + k) + 1]};
                rc = mb_ring(&b, tmp, np, area2(tmp, np) < 0);
            }
        }
    }
    free(tmp);
    if (rc != 0) {
        mb_free(&b);
        return rc;
    }
    return mb_finish(out, &b, d->name, d->attribution, diag);
}

/* ## Dissolve */

typedef struct edge {
    sw_map_point a, b;
} edge;

static int cmp_point(sw_map_point p, sw_map_point q)
{
    if (p.x != q.x)
        return p.x < q.x ? -1 : 1;
    if (p.y != q.y)
        return p.y < q.y ? -1 : 1;
    return 0;
}

static int cmp_point_qsort(const void *x, const void *y)
{
    return cmp_point(*(const sw_map_point *)x, *(const sw_map_point *)y);
}

static int cmp_edge(const void *x, const void *y)
{
    const edge *e = x, *f = y;
    int c = cmp_point(e->a, f->a);
    return c ? c : cmp_point(e->b, f->b);
}

static int64_t cross(int64_t ax, int64_t ay, int64_t bx, int64_t by) { return ax * by - ay * bx; }

/* Where o lies turning clockwise from r, as a class: 0 less than a half
 * turn, 1 exactly a half turn, 2 more, 3 a full turn (o is r). */
static int turn_class(int64_t rx, int64_t ry, int64_t ox, int64_t oy)
{
    int64_t c = cross(rx, ry, ox, oy), d = rx * ox + ry * oy;
    if (c < 0)
        return 0;
    if (c == 0 && d < 0)
        return 1;
    if (c > 0)
        return 2;
    return 3;
}

/* True when o1 comes before o2 turning clockwise from r. */
static bool clockwise_before(int64_t rx, int64_t ry, int64_t o1x, int64_t o1y, int64_t o2x,
                             int64_t o2y)
{
    int c1 = turn_class(rx, ry, o1x, o1y), c2 = turn_class(rx, ry, o2x, o2y);
    if (c1 != c2)
        return c1 < c2;
    return cross(o1x, o1y, o2x, o2y) < 0;
}

/* Adds a traced ring as simple rings: where it passes a point twice (an
 * island touching the mainland at one point, a lake touching the shore),
 * the loop between the two visits becomes a ring of its own. A loop keeps
 * its direction, so it is an outer ring (counter-clockwise) or a hole. */
static int add_loops(map_builder *nb, const sw_map_point *ring, size_t k)
{
    sw_map_point *dup = malloc(k * sizeof *dup), *stack = malloc(k * sizeof *stack);
    long *pos = malloc(k * sizeof *pos), *sdup = malloc(k * sizeof *sdup);
    if (!dup || !stack || !pos || !sdup) {
        free(dup);
        free(stack);
        free(pos);
        free(sdup);
        return SW_ENOMEM;
    }
    /* The points that occur more than once, sorted. */
    memcpy(dup, ring, k * sizeof *dup);
    sw__sort(dup, k, sizeof *dup, cmp_point_qsort);
    size_t nd = 0;
    for (size_t i = 0; i + 1 < k; i++)
        if (same(dup[i], dup[i + 1]) && (nd == 0 || !same(dup[nd - 1], dup[i])))
            dup[nd++] = dup[i];
    for (size_t i = 0; i < nd; i++)
        pos[i] = -1;
    int rc = 0;
    size_t top = 0;
    for (size_t i = 0; i < k && rc == 0; i++) {
        long d = -1;
        for (size_t lo = 0, hi = nd; lo < hi;) {
            size_t mid = lo + (hi - lo) / 2;
            int c = cmp_point(dup[mid], ring[i]);
            if (c == 0) {
                d = (long)mid;
                break;
            }
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (d >= 0 && pos[d] >= 0) {
            /* Back at a point on the stack: the loop since then is a ring. */
            size_t j = (size_t)pos[d];
            for (size_t t = j + 1; t < top; t++)
                if (sdup[t] >= 0)
                    pos[sdup[t]] = -1;
            rc = mb_ring(nb, stack + j, top - j, area2(stack + j, top - j) < 0);
            top = j + 1;
        } else {
            if (d >= 0)
                pos[d] = (long)top;
            sdup[top] = d;
            stack[top++] = ring[i];
        }
    }
    if (rc == 0)
        rc = mb_ring(nb, stack, top, area2(stack, top) < 0);
    free(dup);
    free(stack);
    free(pos);
    free(sdup);
    return rc;
}

typedef struct dedge {
    edge e;
    int dir; /* +1: as given, -1: reversed so that e.a < e.b */
} dedge;

static int cmp_dedge(const void *x, const void *y)
{
    return cmp_edge(&((const dedge *)x)->e, &((const dedge *)y)->e);
}

/* The boundary of the union of the rings of one province: directed edges
 * that do not meet their reverse, linked into rings. Edges are sorted by
 * start point; at a vertex where the boundary touches itself, the next edge
 * is the first clockwise from the way back, which keeps every ring simple
 * (the region stays on the left). */
static int dissolve_province(map_builder *nb, edge *e, size_t n, int code)
{
    /* Cancel shared edges: group each undirected edge, count it in both
     * directions, and keep what is left over in the direction that won. */
    dedge *u = sw__array(n, sizeof *u);
    if (!u)
        return SW_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        bool fwd = cmp_point(e[i].a, e[i].b) < 0;
        u[i].e = fwd ? e[i] : (edge){e[i].b, e[i].a};
        u[i].dir = fwd ? 1 : -1;
    }
    sw__sort(u, n, sizeof *u, cmp_dedge);
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        edge k = u[i].e;
        size_t j = i;
        int net = 0;
        while (j < n && cmp_edge(&u[j].e, &k) == 0)
            net += u[j++].dir;
        for (; net > 0; net--)
            e[m++] = k;
        for (; net < 0; net++)
            e[m++] = (edge){k.b, k.a};
        i = j;
    }
    free(u);
    sw__sort(e, m, sizeof *e, cmp_edge);
    bool *used = calloc(m ? m : 1, sizeof *used);
    sw_map_point *ring = sw__array(m, sizeof *ring);
    if (!used || !ring) {
        free(used);
        free(ring);
        return SW_ENOMEM;
    }
    char naam[8];
    snprintf(naam, sizeof naam, "PV%02d", code % SW_PROVINCIE_CODES);
    int rc = mb_shape(nb, SW_MAP_PROVINCIES, code, code, naam, strlen(naam));
    for (size_t s = 0; s < m && rc == 0; s++) {
        if (used[s])
            continue;
        size_t k = 0, cur = s;
        for (;;) {
            used[cur] = true;
            ring[k++] = e[cur].a;
            sw_map_point v = e[cur].b;
            if (same(v, e[s].a))
                break;
            /* Unused edges leaving v: a run in the sorted array. */
            size_t lo = 0, hi = m;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (cmp_point(e[mid].a, v) < 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            int64_t rx = (int64_t)e[cur].a.x - v.x, ry = (int64_t)e[cur].a.y - v.y;
            size_t next = m;
            for (size_t i = lo; i < m && same(e[i].a, v); i++) {
                if (used[i])
                    continue;
                if (next == m ||
                    clockwise_before(rx, ry, (int64_t)e[i].b.x - v.x, (int64_t)e[i].b.y - v.y,
                                     (int64_t)e[next].b.x - v.x, (int64_t)e[next].b.y - v.y))
                    next = i;
            }
            /* Every vertex has as many edges in as out, so the walk
             * always returns to its start. */
            assert(next < m);
            if (next == m)
                break;
            cur = next;
        }
        rc = add_loops(nb, ring, k);
    }
    free(used);
    free(ring);
    return rc;
}

static int prov_of(const sw_register *reg, int code)
{
    if (code < 0 || code >= SW_GEMEENTE_CODES || reg->by_code[code] < 0)
        return 0;
    return reg->gemeente[reg->by_code[code]].provincie;
}

int sw_map_dissolve(sw_map *map, const sw_register *reg, sw_diag *diag)
{
    assert(map && reg && reg->by_code);
    map_builder nb = {0};
    edge *e = NULL;
    size_t ecap = 0;
    int rc = 0;
    const sw_map_layer *G = &map->layer[SW_MAP_GEMEENTEN];
    /* Copy the gemeenten with their provinces. */
    bool present[SW_PROVINCIE_CODES] = {false};
    for (size_t i = 0; i < G->n && rc == 0; i++) {
        const sw_map_shape *s = &G->shape[i];
        int p = prov_of(reg, s->code);
        if (p > 0 && p < SW_PROVINCIE_CODES)
            present[p] = true;
        rc = mb_shape(&nb, SW_MAP_GEMEENTEN, s->code, p, s->naam, strlen(s->naam));
        for (size_t r = s->ring; r < s->ring + s->nrings && rc == 0; r++) {
            uint32_t a = map->ring_start[r], z = map->ring_start[r + 1];
            rc = mb_ring(&nb, map->pt + a, z - a, area2(map->pt + a, z - a) < 0);
        }
    }
    for (int p = 1; p < 100 && rc == 0; p++) {
        if (!present[p])
            continue;
        size_t n = 0;
        for (size_t i = 0; i < G->n && rc == 0; i++) {
            const sw_map_shape *s = &G->shape[i];
            if (prov_of(reg, s->code) != p)
                continue;
            for (size_t r = s->ring; r < s->ring + s->nrings && rc == 0; r++) {
                uint32_t a = map->ring_start[r], z = map->ring_start[r + 1];
                if ((rc = grow((void **)&e, &ecap, n + (z - a), sizeof *e)) != 0)
                    break;
                for (uint32_t k = a; k < z; k++)
                    e[n++] = (edge){map->pt[k], map->pt[k + 1 < z ? k + 1 : a]};
            }
        }
        if (rc == 0)
            rc = dissolve_province(&nb, e, n, p);
    }
    free(e);
    sw_map *fresh = NULL;
    if (rc == 0)
        rc = mb_finish(&fresh, &nb, map->source, map->attribution, diag);
    else
        mb_free(&nb);
    if (rc != 0)
        return rc;
    sw_map old = *map;
    *map = *fresh;
    *fresh = old;
    sw_map_free(fresh);
    return 0;
}

/* ## Join */

static int push_code(sw_map_codes *c, int code)
{
    int *p = realloc(c->code, (c->n + 1) * sizeof *p);
    if (!p)
        return SW_ENOMEM;
    c->code = p;
    c->code[c->n++] = code;
    return 0;
}

void sw_map_joined_free(sw_map_joined *j)
{
    if (!j)
        return;
    for (int l = 0; l < 2; l++) {
        free(j->missing[l].code);
        free(j->extra[l].code);
    }
    memset(j, 0, sizeof *j);
}

int sw_map_join(sw_map_joined *out, sw_map *map, const sw_register *reg)
{
    assert(out && map && reg && reg->by_code);
    memset(out, 0, sizeof *out);
    int rc = 0;
    bool in_reg[SW_PROVINCIE_CODES] = {false};
    sw_map_layer *G = &map->layer[SW_MAP_GEMEENTEN], *P = &map->layer[SW_MAP_PROVINCIES];
    for (size_t i = 0; i < reg->n && rc == 0; i++) {
        const sw_gemeente *g = &reg->gemeente[i]; /* sorted by code */
        if (g->provincie > 0 && g->provincie < SW_PROVINCIE_CODES)
            in_reg[g->provincie] = true;
        if (sw_map_find(map, SW_MAP_GEMEENTEN, g->code) < 0)
            rc = push_code(&out->missing[SW_MAP_GEMEENTEN], g->code);
    }
    for (size_t i = 0; i < G->n && rc == 0; i++) {
        sw_map_shape *s = &G->shape[i];
        bool known = s->code >= 0 && s->code < SW_GEMEENTE_CODES && reg->by_code[s->code] >= 0;
        s->provincie = prov_of(reg, s->code);
        if (!known)
            rc = push_code(&out->extra[SW_MAP_GEMEENTEN], s->code);
    }
    for (int p = 1; p < 100 && rc == 0; p++)
        if (in_reg[p] && sw_map_find(map, SW_MAP_PROVINCIES, p) < 0)
            rc = push_code(&out->missing[SW_MAP_PROVINCIES], p);
    for (size_t i = 0; i < P->n && rc == 0; i++)
        if (P->shape[i].code < 0 || P->shape[i].code >= SW_PROVINCIE_CODES ||
            !in_reg[P->shape[i].code])
            rc = push_code(&out->extra[SW_MAP_PROVINCIES], P->shape[i].code);
    if (rc != 0)
        sw_map_joined_free(out);
    return rc;
}
