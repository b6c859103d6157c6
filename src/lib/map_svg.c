/* Drawing a map as SVG, and the notes of a join. The drawing is laid out in
 * integers: coordinates in units of 10 m (RD metres rounded half up), text
 * sizes and widths derived from the size of the map, so that the output is
 * the same bytes on every build. */
#include "map_build.h"
#include "util.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* ## Palettes
 *
 * Colours after ColorBrewer 2.0 (Cynthia A. Brewer, Pennsylvania State
 * University; Apache License 2.0), each scheme marked colour-blind safe and
 * print friendly there. Every palette has a hue of its own and no palette
 * shares a colour with another, because one report page holds a map by
 * threshold next to maps by voortgang: a colour means one thing on a page.
 * Within a palette the classes step in lightness (CIE L* given), so that
 * they read in greyscale too; where two are about as light, a hatch tells
 * them apart. */

/* Blues, five classes. */
static const sw_map_style seq5[] = {
    {"#eff3ff", NULL, "zeer lichtblauw"}, /* L* 96 */
    {"#bdd7e7", NULL, "lichtblauw"},      /* 85 */
    {"#6baed6", NULL, "middenblauw"},     /* 68 */
    {"#3182bd", NULL, "blauw"},           /* 52 */
    {"#08519c", NULL, "donkerblauw"},     /* 35 */
};

/* Below the threshold PuOr's orange, hatched in its dark orange so that it
 * stands out in greyscale too; met and 100 % PRGn's greens. */
static const sw_map_style threshold3[] = {
    {"#fdb863", "#b35806", "oranje, gearceerd"}, /* L* 80, the hatch 48 */
    {"#7fbf7b", NULL, "groen"},                  /* 72 */
    {"#1b7837", NULL, "donkergroen"},            /* 44 */
};

/* YlOrBr, five classes; the first is for no money at all. */
static const sw_map_style bedrag5[] = {
    {"#ffffd4", NULL, "lichtgeel"},    /* L* 99 */
    {"#fed98e", NULL, "geel"},         /* 88 */
    {"#fe9929", NULL, "oranje"},       /* 72 */
    {"#d95f0e", NULL, "donkeroranje"}, /* 55 */
    {"#993404", NULL, "bruin"},        /* 36 */
};

#define GEEN_STYLE {"#ffffff", "#969696", "wit, grijs gearceerd"}

const sw_map_palette sw_map_palette_sequential = {5, seq5, GEEN_STYLE};
const sw_map_palette sw_map_palette_threshold = {3, threshold3, GEEN_STYLE};
const sw_map_palette sw_map_palette_bedrag = {5, bedrag5, GEEN_STYLE};

/* The largest drawing of a standalone map, in tenths of a millimetre: an
 * A4 page (210 × 297 mm) less margins of 20 mm at the sides and about 23 mm
 * at the top and bottom. */
enum { PAGE_W_TENTHS_MM = 1700, PAGE_H_TENTHS_MM = 2500 };

/* ## Text */

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when it is not one
 * (a stray continuation byte, a truncated or overlong sequence, a
 * surrogate). */
static size_t utf8_len(const unsigned char *s)
{
    if (s[0] < 0x80)
        return 1;
    size_t n = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4
               : s[0] >= 0xE0 && s[0] < 0xF0 ? 3
               : s[0] >= 0xC2 && s[0] < 0xE0 ? 2
                                             : 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((n == 3 && s[0] == 0xE0 && s[1] < 0xA0) || (n == 3 && s[0] == 0xED && s[1] >= 0xA0) ||
        (n == 4 && s[0] == 0xF0 && s[1] < 0x90) || (n == 4 && s[0] == 0xF4 && s[1] >= 0x90))
        return 0;
    return n;
}

/* Text for XML: markup characters escaped, control characters (not allowed
 * in XML 1.0) left out or made a space, and bytes that are not UTF-8
 * replaced by U+FFFD, so that the document stays well-formed whatever the
 * caller passes. */
static void esc(sw_buf *b, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    while (*s) {
        switch (*s) {
        case '&': sw_buf_puts(b, "&amp;"); break;
        case '<': sw_buf_puts(b, "&lt;"); break;
        case '>': sw_buf_puts(b, "&gt;"); break;
        case '"': sw_buf_puts(b, "&quot;"); break;
        case '\t':
        case '\n': sw_buf_puts(b, " "); break;
        default: {
            size_t n = utf8_len(s);
            if (n == 0)
                sw_buf_puts(b, "\xEF\xBF\xBD");
            else if (*s >= 0x20)
                sw_buf_append(b, (const char *)s, n);
            s += n ? n : 1;
            continue;
        }
        }
        s++;
    }
}

/* Advance widths in hundredths of an em, after DejaVu Sans (the font the
 * SVG asks for; its fallbacks are about as wide). */
static int char_em(unsigned c)
{
    static const unsigned char ascii[95] = {
        /*   ! " # $ % & ' ( ) * + , - . / */
        32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34,
        /* 0-9 */
        64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
        /* : ; < = > ? @ */
        34, 34, 84, 84, 84, 53, 100,
        /* A-Z */
        68, 69, 70, 77, 63, 58, 78, 75, 30, 30, 66, 56, 86, 75, 79, 60, 79, 70, 63, 61,
        73, 68, 99, 69, 61, 69,
        /* [ \ ] ^ _ ` */
        39, 34, 39, 84, 50, 50,
        /* a-z */
        61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39,
        63, 59, 82, 59, 59, 53,
        /* { | } ~ */
        64, 34, 64, 84};
    return c >= 32 && c < 127 ? ascii[c - 32] : 65;
}

/* Width of `s` at font size `size`, a little generous. */
static int64_t text_width(const char *s, int64_t size, bool bold)
{
    int64_t em = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p >= 0x80 && (*p & 0xC0) == 0x80)
            continue; /* continuation byte */
        em += *p >= 0xE0 ? 80 : char_em(*p);
    }
    return em * size * (bold ? 112 : 105) / 10000;
}

/* ## Geometry in drawing units */

typedef struct box {
    int64_t x0, y0, x1, y1;
} box;

static bool boxes_overlap(box a, box b)
{
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/* Metres to units of 10 m, rounded half up. */
static int64_t unit(int32_t v)
{
    int64_t t = (int64_t)v + 5, q = t / 10;
    return t % 10 < 0 ? q - 1 : q;
}

typedef struct svg {
    sw_buf *b;
    const sw_map *m;
    const sw_map_options *o;
    const sw_map_palette *pal;
    const char *pre;
    int64_t ux0, uy1; /* map origin: the left and top of the drawn shapes, in units */
    int64_t ox, oy;   /* where that origin goes in the drawing */
    int64_t W, H;     /* the drawing */
    int64_t F;        /* the text size of legend and caption */
    box frame;        /* the map's area in the drawing */
    const bool *used; /* by class + 1 (SW_MAP_GEEN at 0): a drawn shape has it */
} svg;

static int64_t dx_of(const svg *s, sw_map_point p) { return unit(p.x) - s->ux0 + s->ox; }
static int64_t dy_of(const svg *s, sw_map_point p) { return s->uy1 - unit(p.y) + s->oy; }

/* Appends a number to path data: a space before it unless its minus sign
 * separates it. */
static void num(sw_buf *b, int64_t v, bool first)
{
    sw_buf_printf(b, first || v < 0 ? "%lld" : " %lld", (long long)v);
}

/* The `d` of a shape: each ring as M x y, then relative steps, then z.
 * Steps that round to nothing are left out, and so is a ring left with
 * fewer than three points. */
static void path_data(const svg *s, const sw_map_shape *sh)
{
    const sw_map *m = s->m;
    for (size_t r = sh->ring; r < sh->ring + sh->nrings; r++) {
        const sw_map_point *p = m->pt + m->ring_start[r];
        size_t n = m->ring_start[r + 1] - m->ring_start[r], distinct = 1;
        int64_t px = dx_of(s, p[0]), py = dy_of(s, p[0]);
        for (size_t i = 1; i < n; i++) {
            int64_t x = dx_of(s, p[i]), y = dy_of(s, p[i]);
            if (x != px || y != py)
                distinct++;
            px = x;
            py = y;
        }
        if (distinct < 3)
            continue;
        px = dx_of(s, p[0]);
        py = dy_of(s, p[0]);
        sw_buf_printf(s->b, "M%lld", (long long)px);
        num(s->b, py, false);
        sw_buf_puts(s->b, "l");
        bool first = true;
        for (size_t i = 1; i < n; i++) {
            int64_t x = dx_of(s, p[i]), y = dy_of(s, p[i]);
            if (x == px && y == py)
                continue;
            num(s->b, x - px, first);
            num(s->b, y - py, false);
            first = false;
            px = x;
            py = y;
        }
        sw_buf_puts(s->b, "z");
    }
}

/* Does the segment a-b meet the box? Exact: the boxes of both overlap and
 * the corners are not all strictly on one side of the line. */
static bool segment_hits(int64_t ax, int64_t ay, int64_t bx, int64_t by, box r)
{
    if ((ax > bx ? ax : bx) < r.x0 || (ax < bx ? ax : bx) > r.x1 || (ay > by ? ay : by) < r.y0 ||
        (ay < by ? ay : by) > r.y1)
        return false;
    int64_t dx = bx - ax, dy = by - ay;
    const int64_t cx[4] = {r.x0, r.x1, r.x1, r.x0}, cy[4] = {r.y0, r.y0, r.y1, r.y1};
    int pos = 0, neg = 0;
    for (int i = 0; i < 4; i++) {
        int64_t c = dx * (cy[i] - ay) - dy * (cx[i] - ax);
        if (c == 0)
            return true;
        if (c > 0)
            pos++;
        else
            neg++;
    }
    return pos && neg;
}

/* Where a box is against a shape: an edge of the shape crosses it, or
 * not, and then its centre is inside the shape or outside. */
enum box_place { BOX_OUTSIDE, BOX_ON_EDGE, BOX_INSIDE };

static enum box_place box_place(const svg *s, const sw_map_shape *sh, box r)
{
    box bb = {dx_of(s, (sw_map_point){sh->min.x, 0}), dy_of(s, (sw_map_point){0, sh->max.y}),
              dx_of(s, (sw_map_point){sh->max.x, 0}), dy_of(s, (sw_map_point){0, sh->min.y})};
    if (bb.x1 < r.x0 || bb.x0 > r.x1 || bb.y1 < r.y0 || bb.y0 > r.y1)
        return BOX_OUTSIDE;
    const sw_map *m = s->m;
    int64_t cx = (r.x0 + r.x1) / 2, cy = (r.y0 + r.y1) / 2;
    bool inside = false;
    for (size_t k = sh->ring; k < sh->ring + sh->nrings; k++) {
        const sw_map_point *p = m->pt + m->ring_start[k];
        size_t n = m->ring_start[k + 1] - m->ring_start[k];
        for (size_t i = 0, j = n - 1; i < n; j = i++) {
            int64_t ax = dx_of(s, p[i]), ay = dy_of(s, p[i]);
            int64_t bx = dx_of(s, p[j]), by = dy_of(s, p[j]);
            if (segment_hits(ax, ay, bx, by, r))
                return BOX_ON_EDGE;
            if ((ay > cy) != (by > cy)) {
                /* cx < ax + (bx - ax)(cy - ay)/(by - ay), multiplied out. */
                int64_t lhs = (cx - ax) * (by - ay), rhs = (bx - ax) * (cy - ay);
                if (by > ay ? lhs < rhs : lhs > rhs)
                    inside = !inside;
            }
        }
    }
    return inside ? BOX_INSIDE : BOX_OUTSIDE;
}

/* Does the box meet the shape: an edge crosses it, or it lies inside? */
static bool shape_hits(const svg *s, const sw_map_shape *sh, box r)
{
    return box_place(s, sh, r) != BOX_OUTSIDE;
}

/* Does the box lie wholly inside the shape: no edge meets it and its
 * centre is inside? */
static bool box_fits(const svg *s, const sw_map_shape *sh, box r)
{
    return box_place(s, sh, r) == BOX_INSIDE;
}

/* The box of a label of width w and size f centred on (x, y): its
 * baseline is at y + 0.35 f, and the box holds the font's ascent (0.93 f)
 * and descent (0.24 f) with a little to spare. */
static box label_box(int64_t x, int64_t y, int64_t w, int64_t f)
{
    return (box){x - w / 2 - f / 8, y - f * 31 / 50, x + w / 2 + f / 8, y + f * 31 / 50};
}

static bool within(box r, box area)
{
    return r.x0 >= area.x0 && r.x1 <= area.x1 && r.y0 >= area.y0 && r.y1 <= area.y1;
}

typedef struct spot {
    int64_t x, y, d2;
    int order;
} spot;

static int spot_order(const void *x, const void *y)
{
    const spot *a = x, *b = y;
    if (a->d2 != b->d2)
        return a->d2 < b->d2 ? -1 : 1;
    return (a->order > b->order) - (a->order < b->order);
}

/* Where a label goes: among the places where its whole box lies inside its
 * shape (the label point first, then a grid over the shape, nearest the
 * label point first), the first that overlaps no label placed before; when
 * the box fits nowhere, the label point itself. False when every place
 * overlaps or leaves the drawing. */
static bool place_label(const svg *s, const sw_map_shape *sh, int64_t w, int64_t f, box area,
                        const box *placed, size_t nplaced, int64_t *ox, int64_t *oy)
{
    enum { G = 20 };
    spot c[(G + 1) * (G + 1) + 1];
    size_t n = 0;
    int64_t px = dx_of(s, sh->label), py = dy_of(s, sh->label);
    int64_t x0 = dx_of(s, sh->min), x1 = dx_of(s, sh->max);
    int64_t y0 = dy_of(s, sh->max), y1 = dy_of(s, sh->min);
    for (int k = -1; k < (G + 1) * (G + 1); k++) {
        int64_t x = k < 0 ? px : x0 + (x1 - x0) * (k % (G + 1)) / G;
        int64_t y = k < 0 ? py : y0 + (y1 - y0) * (k / (G + 1)) / G;
        box r = label_box(x, y, w, f);
        if (within(r, area) && box_fits(s, sh, r))
            c[n++] = (spot){x, y, (x - px) * (x - px) + (y - py) * (y - py), k};
    }
    if (n == 0)
        c[n++] = (spot){px, py, 0, -1};
    else
        sw__sort(c, n, sizeof *c, spot_order);
    for (size_t i = 0; i < n; i++) {
        box r = label_box(c[i].x, c[i].y, w, f);
        bool ok = within(r, area);
        for (size_t k = 0; k < nplaced && ok; k++)
            ok = !boxes_overlap(r, placed[k]);
        if (ok) {
            *ox = c[i].x;
            *oy = c[i].y;
            return true;
        }
    }
    return false;
}

/* ## Layout */

typedef struct label {
    const sw_map_shape *shape;
    const sw_map_item *item;
} label;

static int label_order(const void *x, const void *y)
{
    const label *a = x, *b = y;
    if (a->item->label_priority != b->item->label_priority)
        return a->item->label_priority > b->item->label_priority ? -1 : 1;
    if (a->shape->area != b->shape->area)
        return a->shape->area > b->shape->area ? -1 : 1;
    return (a->shape->code > b->shape->code) - (a->shape->code < b->shape->code);
}

static const sw_map_style *style_of(const svg *s, int klasse)
{
    assert(klasse == SW_MAP_GEEN || (klasse >= 0 && (size_t)klasse < s->pal->n));
    return klasse == SW_MAP_GEEN ? &s->pal->geen : &s->pal->klasse[klasse];
}

static void fill_attr(const svg *s, int klasse)
{
    const sw_map_style *st = style_of(s, klasse);
    if (st->hatch) {
        sw_buf_puts(s->b, "url(#");
        esc(s->b, s->pre);
        if (klasse == SW_MAP_GEEN)
            sw_buf_puts(s->b, "-p-geen)");
        else
            sw_buf_printf(s->b, "-p-k%d)", klasse);
    } else {
        esc(s->b, st->fill);
    }
}

static void class_attr(const svg *s, int klasse)
{
    if (klasse == SW_MAP_GEEN)
        sw_buf_puts(s->b, "sw-geen");
    else
        sw_buf_printf(s->b, "sw-k%d", klasse);
}

/* A hatch: the fill with diagonal stripes a third as wide as their
 * spacing; "geen" leans the other way, so it differs from a hatched class
 * in greyscale too. */
static void pattern(const svg *s, int klasse)
{
    const sw_map_style *st = style_of(s, klasse);
    if (!st->hatch)
        return;
    int64_t w = s->F / 2 > 1 ? s->F / 2 : 1;
    sw_buf_puts(s->b, "<pattern id=\"");
    esc(s->b, s->pre);
    if (klasse == SW_MAP_GEEN)
        sw_buf_puts(s->b, "-p-geen");
    else
        sw_buf_printf(s->b, "-p-k%d", klasse);
    sw_buf_printf(s->b, "\" patternUnits=\"userSpaceOnUse\" width=\"%lld\" height=\"%lld\" "
                        "patternTransform=\"rotate(%d)\"><rect width=\"%lld\" height=\"%lld\" "
                        "fill=\"",
                  (long long)w, (long long)w, klasse == SW_MAP_GEEN ? -45 : 45, (long long)w,
                  (long long)w);
    esc(s->b, st->fill);
    sw_buf_printf(s->b, "\"/><rect width=\"%lld\" height=\"%lld\" fill=\"",
                  (long long)(w / 3 > 1 ? w / 3 : 1), (long long)w);
    esc(s->b, st->hatch);
    sw_buf_puts(s->b, "\"/></pattern>\n");
}

static void text_el(const svg *s, int64_t x, int64_t y, int64_t size, const char *anchor,
                    const char *weight, const char *t)
{
    sw_buf_printf(s->b, "<text x=\"%lld\" y=\"%lld\" font-size=\"%lld\"", (long long)x,
                  (long long)y, (long long)size);
    if (anchor)
        sw_buf_printf(s->b, " text-anchor=\"%s\"", anchor);
    if (weight)
        sw_buf_printf(s->b, " font-weight=\"%s\"", weight);
    sw_buf_puts(s->b, ">");
    esc(s->b, t);
    sw_buf_puts(s->b, "</text>\n");
}

typedef struct legend_box {
    int64_t w, h, pad, line, f; /* f: its text size */
} legend_box;

/* A legend entry is shown when a drawn shape has its class: the legend
 * says what the colours on the map mean, and no more. */
static bool entry_shown(const svg *s, size_t i)
{
    int k = s->o->legend[i].klasse;
    assert(k == SW_MAP_GEEN || (k >= 0 && (size_t)k < s->pal->n));
    return s->used[k + 1];
}

static legend_box legend_size(const svg *s)
{
    const sw_map_options *o = s->o;
    int64_t f = s->F * 5 / 6;
    legend_box L = {0, 0, f / 2, f * 3 / 2, f};
    size_t shown = 0;
    int64_t w = o->legend_title ? text_width(o->legend_title, f, true) : 0;
    for (size_t i = 0; i < o->nlegend; i++) {
        if (!entry_shown(s, i))
            continue;
        shown++;
        int64_t t = f + f / 2 + text_width(o->legend[i].text, f, false);
        if (t > w)
            w = t;
    }
    if (!shown && !o->legend_title)
        return L;
    L.w = w + 2 * L.pad;
    L.h = (int64_t)(shown + (o->legend_title ? 1 : 0)) * L.line + 2 * L.pad - f / 2;
    return L;
}

static void draw_legend(const svg *s, const legend_box *L, int64_t x, int64_t y)
{
    const sw_map_options *o = s->o;
    int64_t f = L->f;
    sw_buf_printf(s->b, "<g class=\"sw-legenda\">\n<rect x=\"%lld\" y=\"%lld\" width=\"%lld\" "
                        "height=\"%lld\" fill=\"#ffffff\" fill-opacity=\"0.9\" stroke=\"#999999\" "
                        "vector-effect=\"non-scaling-stroke\" stroke-width=\"0.5\"/>\n",
                  (long long)x, (long long)y, (long long)L->w, (long long)L->h);
    int64_t ty = y + L->pad;
    if (o->legend_title) {
        text_el(s, x + L->pad, ty + f, f, NULL, "bold", o->legend_title);
        ty += L->line;
    }
    for (size_t i = 0; i < o->nlegend; i++) {
        if (!entry_shown(s, i))
            continue;
        sw_buf_printf(s->b, "<rect x=\"%lld\" y=\"%lld\" width=\"%lld\" height=\"%lld\" fill=\"",
                      (long long)(x + L->pad), (long long)(ty + f / 8), (long long)f,
                      (long long)f);
        fill_attr(s, o->legend[i].klasse);
        sw_buf_puts(s->b, "\" stroke=\"#555555\" vector-effect=\"non-scaling-stroke\" "
                          "stroke-width=\"0.5\" class=\"");
        class_attr(s, o->legend[i].klasse);
        sw_buf_puts(s->b, "\"/>\n");
        text_el(s, x + L->pad + f + f / 2, ty + f, f, NULL, NULL, o->legend[i].text);
        ty += L->line;
    }
    sw_buf_puts(s->b, "</g>\n");
}

/* The first place for the legend, inside the map's frame, that no drawn
 * shape touches: the four corners first, then the positions of a grid over
 * the frame, nearest a corner first. */
static bool legend_place(const svg *s, const legend_box *L, const sw_map_shape *const *drawn,
                         size_t ndrawn, int64_t *px, int64_t *py)
{
    box f = s->frame;
    int64_t fw = f.x1 - f.x0 - L->w, fh = f.y1 - f.y0 - L->h;
    if (fw < 0 || fh < 0)
        return false;
    enum { STEPS = 16 };
    /* Rings of positions around each corner, nearest first: ring `dist`
     * holds the steps (a, b) from the corner with max(a, b) = dist. */
    for (int dist = 0; dist <= STEPS; dist++)
        for (int corner = 0; corner < 4; corner++)
            for (int t = 0; t <= 2 * dist; t++) {
                int a = t <= dist ? t : dist, b = t <= dist ? dist : 2 * dist - t;
                int i = corner & 1 ? STEPS - a : a, j = corner & 2 ? STEPS - b : b;
                box r = {f.x0 + fw * i / STEPS, f.y0 + fh * j / STEPS, 0, 0};
                r.x1 = r.x0 + L->w;
                r.y1 = r.y0 + L->h;
                bool free_ = true;
                for (size_t d = 0; d < ndrawn && free_; d++)
                    free_ = !shape_hits(s, drawn[d], r);
                if (free_) {
                    *px = r.x0;
                    *py = r.y0;
                    return true;
                }
            }
    return false;
}

/* What the map shows, for its <title> and aria-label: the caller's title,
 * else "Kaart van Zeeland: gemeenten"; "(scenario)" for a scenario. */
static void map_name(const svg *s)
{
    const sw_map_options *o = s->o;
    if (o->title) {
        esc(s->b, o->title);
    } else {
        sw_buf_puts(s->b, "Kaart van ");
        long p = o->provincie ? sw_map_find(s->m, SW_MAP_PROVINCIES, o->provincie) : -1;
        if (p >= 0)
            esc(s->b, s->m->layer[SW_MAP_PROVINCIES].shape[p].naam);
        else if (o->provincie)
            sw_buf_printf(s->b, "PV%02d", o->provincie);
        else
            sw_buf_puts(s->b, "Nederland");
        sw_buf_puts(s->b, o->level == SW_MAP_GEMEENTEN ? ": gemeenten" : ": provincies");
    }
    if (o->scenario)
        sw_buf_puts(s->b, " (scenario)");
}

/* ## The drawing */

int sw_map_svg(sw_buf *out, sw_map_svg_info *info, const sw_map *map, const sw_map_options *opt,
               sw_diag *diag)
{
    assert(out && map && opt);
    assert(opt->level == SW_MAP_PROVINCIES || opt->level == SW_MAP_GEMEENTEN);
    assert(opt->nitems == 0 || opt->item);
    assert(opt->nlegend == 0 || opt->legend);
    assert(opt->ncaption == 0 || opt->caption);
    sw_map_svg_info dummy;
    if (!info)
        info = &dummy;
    memset(info, 0, sizeof *info);
    svg s = {.b = out,
             .m = map,
             .o = opt,
             .pal = opt->palette ? opt->palette : &sw_map_palette_sequential,
             .pre = opt->id_prefix ? opt->id_prefix : "sw-kaart"};
    const sw_map_layer *L = &map->layer[opt->level];

    /* The shapes to draw, with their items. */
    const sw_map_shape **drawn = sw__array(L->n, sizeof *drawn);
    const sw_map_item **item_of = calloc(L->n ? L->n : 1, sizeof *item_of);
    label *labels = sw__array(L->n, sizeof *labels);
    box *placed = malloc((L->n + 1) * sizeof *placed); /* the legend too */
    bool *used = calloc(s.pal->n + 1, sizeof *used);
    s.used = used;
    int rc = 0;
    if (!drawn || !item_of || !labels || !placed || !used) {
        rc = SW_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < opt->nitems; i++) {
        long k = sw_map_find(map, opt->level, opt->item[i].code);
        if (k >= 0 && !item_of[k])
            item_of[k] = &opt->item[i];
    }
    size_t ndrawn = 0;
    sw_map_point lo = {INT32_MAX, INT32_MAX}, hi = {INT32_MIN, INT32_MIN};
    for (size_t i = 0; i < L->n; i++) {
        const sw_map_shape *sh = &L->shape[i];
        if (sh->nrings == 0 || (opt->provincie && sh->provincie != opt->provincie))
            continue;
        drawn[ndrawn++] = sh;
        const sw_map_item *it = item_of[i];
        int k = it ? it->klasse : SW_MAP_GEEN;
        assert(k == SW_MAP_GEEN || (k >= 0 && (size_t)k < s.pal->n));
        used[k + 1] = true;
        if (sh->min.x < lo.x)
            lo.x = sh->min.x;
        if (sh->min.y < lo.y)
            lo.y = sh->min.y;
        if (sh->max.x > hi.x)
            hi.x = sh->max.x;
        if (sh->max.y > hi.y)
            hi.y = sh->max.y;
    }
    if (ndrawn == 0) {
        rc = opt->provincie
                 ? sw_diag_add(diag, SW_EDATA, map->source, 0, 0, NULL,
                               "the map has no %s in province PV%02d (were the shapes joined "
                               "to a register?)",
                               opt->level == SW_MAP_GEMEENTEN ? "gemeenten" : "shape",
                               opt->provincie)
                 : sw_diag_add(diag, SW_EDATA, map->source, 0, 0, NULL,
                               "the map has no %s", opt->level == SW_MAP_GEMEENTEN
                                                        ? "gemeenten"
                                                        : "provinces");
        goto done;
    }

    /* Sizes: everything in proportion to the map. */
    int64_t mw = unit(hi.x) - unit(lo.x), mh = unit(hi.y) - unit(lo.y);
    int64_t base = mw > mh * 3 / 4 ? mw : mh * 3 / 4;
    if (base < 34)
        base = 34;
    s.F = base / 34;
    int64_t margin = s.F, F = s.F, Fl = F * 9 / 10, Fc = F * 17 / 20;
    legend_box LB = legend_size(&s);
    int64_t W = mw + 2 * margin;
    if (LB.w + 2 * margin > W)
        W = LB.w + 2 * margin;
    for (size_t i = 0; i < opt->ncaption; i++)
        if (text_width(opt->caption[i], Fc, false) + 2 * margin > W)
            W = text_width(opt->caption[i], Fc, false) + 2 * margin;
    if (map->attribution && text_width(map->attribution, Fc, false) + 2 * margin > W)
        W = text_width(map->attribution, Fc, false) + 2 * margin;
    int64_t y = margin;
    int64_t title_y = 0, scen_y = 0;
    if (opt->title) {
        title_y = y + F * 6 / 5;
        y += F * 2;
    }
    if (opt->scenario) {
        scen_y = y;
        y += F * 2 + F / 2;
    }
    s.ux0 = unit(lo.x);
    s.uy1 = unit(hi.y);
    s.ox = (W - mw) / 2;
    s.oy = y;
    /* The legend may go as far as a quarter of the margin from the edge. */
    s.frame = (box){margin / 4, y - margin / 2, W - margin / 4, y + mh + margin / 2};
    y += mh + margin;
    int64_t lx = 0, ly = 0;
    bool legend = LB.w > 0;
    bool below = legend && !legend_place(&s, &LB, drawn, ndrawn, &lx, &ly);
    if (below) {
        lx = margin;
        ly = y;
        y += LB.h + margin / 2;
    }
    int64_t caption_y = y;
    size_t nlines = opt->ncaption + (map->attribution ? 1 : 0);
    y += (int64_t)nlines * (Fc * 27 / 20);
    int64_t H = y + margin / 2;
    s.W = W;
    s.H = H;
    info->legend_below = below;

    /* The root and the definitions. */
    sw_buf *b = out;
    if (opt->standalone)
        sw_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sw_buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %lld %lld\" ",
                  (long long)W, (long long)H);
    if (opt->standalone) {
        /* A size on paper, so that a slide or a drawing program places it
         * as it is meant: as wide as the page allows, or as high. */
        int64_t wt = PAGE_W_TENTHS_MM, ht = (PAGE_W_TENTHS_MM * H * 2 + W) / (2 * W);
        if (ht > PAGE_H_TENTHS_MM) {
            ht = PAGE_H_TENTHS_MM;
            wt = (PAGE_H_TENTHS_MM * W * 2 + H) / (2 * H);
        }
        sw_buf_printf(b, "width=\"%lld.%lldmm\" height=\"%lld.%lldmm\" ", (long long)(wt / 10),
                      (long long)(wt % 10), (long long)(ht / 10), (long long)(ht % 10));
    }
    sw_buf_printf(b,
                  "class=\"sw-kaart\" role=\"img\" style=\"display:block;%s"
                  "font-family:'DejaVu Sans',Verdana,sans-serif\" aria-label=\"",
                  opt->standalone ? "" : "width:100%;height:auto;");
    map_name(&s);
    sw_buf_puts(b, "\">\n<title>");
    map_name(&s);
    sw_buf_puts(b, "</title>\n<defs>\n");
    for (size_t k = 0; k < s.pal->n; k++)
        pattern(&s, (int)k);
    pattern(&s, SW_MAP_GEEN);
    sw_buf_printf(b, "</defs>\n<rect width=\"%lld\" height=\"%lld\" fill=\"#ffffff\"/>\n",
                  (long long)W, (long long)H);
    if (opt->title)
        text_el(&s, margin, title_y, F * 6 / 5, NULL, "bold", opt->title);
    if (opt->scenario) {
        sw_buf_printf(b, "<g class=\"sw-scenario\">\n<rect x=\"%lld\" y=\"%lld\" width=\"%lld\" "
                         "height=\"%lld\" fill=\"#fff3b0\" stroke=\"#000000\" "
                         "vector-effect=\"non-scaling-stroke\" stroke-width=\"1.5\"/>\n",
                      (long long)margin, (long long)scen_y, (long long)(W - 2 * margin),
                      (long long)(F * 2));
        text_el(&s, margin + F / 2, scen_y + F * 7 / 5, F, NULL, "bold", opt->scenario);
        sw_buf_puts(b, "</g>\n");
    }

    /* Around a province: the land next to it, as outlines only, so that
     * no fill of it could be read as a class (the lightest blue is about
     * as light as any grey that would still show). */
    if (opt->provincie) {
        const sw_map_layer *P = &map->layer[SW_MAP_PROVINCIES];
        box view = {0, 0, W, H};
        sw_buf_puts(b, "<g class=\"sw-omgeving\" fill=\"none\" stroke=\"#a0a0a0\" "
                       "stroke-linejoin=\"round\" aria-hidden=\"true\">\n");
        for (size_t i = 0; i < P->n; i++) {
            const sw_map_shape *sh = &P->shape[i];
            box bb = {dx_of(&s, (sw_map_point){sh->min.x, 0}),
                      dy_of(&s, (sw_map_point){0, sh->max.y}),
                      dx_of(&s, (sw_map_point){sh->max.x, 0}),
                      dy_of(&s, (sw_map_point){0, sh->min.y})};
            if (sh->nrings == 0 || sh->code == opt->provincie || !boxes_overlap(bb, view))
                continue;
            sw_buf_puts(b, "<path vector-effect=\"non-scaling-stroke\" stroke-width=\"0.6\" d=\"");
            path_data(&s, sh);
            sw_buf_puts(b, "\"/>\n");
        }
        sw_buf_puts(b, "</g>\n");
    }

    /* The shapes: gemeenten bordered in mid grey, which shows on the
     * lightest class and on the darkest alike. */
    bool gem = opt->level == SW_MAP_GEMEENTEN;
    sw_buf_printf(b, "<g class=\"sw-vlakken\" stroke=\"%s\" stroke-linejoin=\"round\">\n",
                  gem ? "#8c8c8c" : "#404040");
    for (size_t d = 0; d < ndrawn; d++) {
        const sw_map_shape *sh = drawn[d];
        const sw_map_item *it = item_of[sh - L->shape];
        int k = it ? it->klasse : SW_MAP_GEEN;
        if (gem)
            sw_buf_printf(b, "<path data-code=\"GM%04d\" class=\"", sh->code);
        else
            sw_buf_printf(b, "<path data-code=\"PV%02d\" class=\"", sh->code);
        class_attr(&s, k);
        sw_buf_puts(b, "\" fill=\"");
        fill_attr(&s, k);
        sw_buf_printf(b, "\" vector-effect=\"non-scaling-stroke\" stroke-width=\"%s\" d=\"",
                      gem ? "0.5" : "0.8");
        path_data(&s, sh);
        sw_buf_puts(b, "\"><title>");
        if (it && it->title) {
            esc(b, it->title);
        } else {
            esc(b, sh->naam);
            if (!it)
                sw_buf_puts(b, " \xE2\x80\x94 geen gegevens");
        }
        sw_buf_puts(b, "</title></path>\n");
        info->shapes++;
    }
    sw_buf_puts(b, "</g>\n");

    /* Province borders over a gemeente map. */
    if (gem) {
        const sw_map_layer *P = &map->layer[SW_MAP_PROVINCIES];
        sw_buf_puts(b, "<g class=\"sw-grenzen\" fill=\"none\" stroke=\"#303030\" "
                       "stroke-linejoin=\"round\" pointer-events=\"none\" aria-hidden=\"true\">\n");
        for (size_t i = 0; i < P->n; i++) {
            const sw_map_shape *sh = &P->shape[i];
            if (sh->nrings == 0 || (opt->provincie && sh->code != opt->provincie))
                continue;
            sw_buf_puts(b, "<path vector-effect=\"non-scaling-stroke\" stroke-width=\"1.2\" d=\"");
            path_data(&s, sh);
            sw_buf_puts(b, "\"/>\n");
        }
        sw_buf_puts(b, "</g>\n");
    }

    /* The legend, then the labels around it. */
    if (legend)
        draw_legend(&s, &LB, lx, ly);
    size_t nlab = 0, nplaced = 0;
    for (size_t d = 0; d < ndrawn; d++) {
        const sw_map_item *it = item_of[drawn[d] - L->shape];
        if (it && it->label && it->label[0])
            labels[nlab++] = (label){drawn[d], it};
    }
    if (nlab > 1)
        sw__sort(labels, nlab, sizeof *labels, label_order);
    if (legend && !below)
        placed[nplaced++] = (box){lx, ly, lx + LB.w, ly + LB.h};
    int64_t fl = gem ? Fl * 8 / 9 : Fl;
    box area = {0, s.frame.y0, W, s.frame.y1};
    sw_buf_printf(b, "<g class=\"sw-labels\" fill=\"#111111\" stroke=\"#ffffff\" "
                     "stroke-width=\"%lld\" stroke-linejoin=\"round\" paint-order=\"stroke\" "
                     "pointer-events=\"none\" aria-hidden=\"true\">\n",
                  (long long)(fl / 5 > 1 ? fl / 5 : 1));
    for (size_t i = 0; i < nlab; i++) {
        int64_t w = text_width(labels[i].item->label, fl, !gem), x, yy;
        if (!place_label(&s, labels[i].shape, w, fl, area, placed, nplaced, &x, &yy)) {
            info->labels_dropped++;
            continue;
        }
        placed[nplaced++] = label_box(x, yy, w, fl);
        text_el(&s, x, yy + fl * 7 / 20, fl, "middle", gem ? NULL : "bold", labels[i].item->label);
        info->labels++;
    }
    sw_buf_puts(b, "</g>\n");

    /* The caption: the caller's lines, then the credit of the map. */
    sw_buf_puts(b, "<g class=\"sw-bijschrift\" fill=\"#222222\">\n");
    int64_t cy = caption_y + Fc;
    for (size_t i = 0; i < opt->ncaption; i++, cy += Fc * 27 / 20)
        text_el(&s, margin, cy, Fc, NULL, NULL, opt->caption[i]);
    if (map->attribution)
        text_el(&s, margin, cy, Fc, NULL, NULL, map->attribution);
    sw_buf_puts(b, "</g>\n</svg>\n");
    rc = b->err;
done:
    free(drawn);
    free(item_of);
    free(labels);
    free(placed);
    free(used);
    return rc;
}

/* ## Notes of a join */

static void note(sw_buf *out, const sw_map_codes *c, const char *one, const char *many,
                 const char *prefix, int width)
{
    if (c->n == 0)
        return;
    /* The first codes, enough to see the pattern (a register of another
     * year, or not of gemeenten at all); the count says the rest. */
    enum { SHOWN = 20 };
    sw_buf_printf(out, "%zu %s:", c->n, c->n == 1 ? one : many);
    for (size_t i = 0; i < c->n && i < SHOWN; i++)
        sw_buf_printf(out, "%s%s%0*d", i ? ", " : " ", prefix, width, c->code[i]);
    if (c->n > SHOWN)
        sw_buf_printf(out, " en %zu meer", c->n - SHOWN);
    sw_buf_puts(out, "\n");
}

void sw_map_joined_notes(sw_buf *out, const sw_map_joined *j)
{
    assert(out && j);
    note(out, &j->missing[SW_MAP_GEMEENTEN], "gemeente van het register staat niet op de kaart",
         "gemeenten van het register staan niet op de kaart", "GM", 4);
    note(out, &j->extra[SW_MAP_GEMEENTEN], "vorm op de kaart is geen gemeente van het register",
         "vormen op de kaart zijn geen gemeente van het register", "GM", 4);
    note(out, &j->missing[SW_MAP_PROVINCIES], "provincie van het register staat niet op de kaart",
         "provincies van het register staan niet op de kaart", "PV", 2);
    note(out, &j->extra[SW_MAP_PROVINCIES],
         "provincie op de kaart heeft geen gemeente in het register",
         "provincies op de kaart hebben geen gemeente in het register", "PV", 2);
}
