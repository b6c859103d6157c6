/* Test driver for tests/map/render.sh: draws the maps a report would, from
 * the shipped tables and from the shipped GeoJSON read at run time, with
 * classes worked out here from hand-made figures (the library computes
 * none), and writes them as SVG files into OUT-DIR: NAME.svg standalone (a
 * file with a size on paper), NAME-inline.svg as a page holds it.
 *
 * Usage: map_render OUT-DIR SOURCE-DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "map_data.h"
#include "spreiding/spreiding.h"

static char *slurp(const char *dir, const char *rel, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(1);
    }
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    while (buf && (n += fread(buf + n, 1, cap - n, f)) == cap) {
        char *p = realloc(buf, cap *= 2);
        if (!p)
            free(buf);
        buf = p;
    }
    fclose(f);
    if (!buf) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    *len = n;
    return buf;
}

static void check(int rc, const sw_diag *d, const char *what)
{
    if (rc == 0)
        return;
    char line[1024];
    for (size_t i = 0; i < d->count; i++) {
        sw_diag_format(line, sizeof line, &d->entries[i]);
        fprintf(stderr, "%s: %s\n", what, line);
    }
    fprintf(stderr, "%s: %s\n", what, sw_strerror(rc));
    exit(1);
}

static void write_one(const char *dir, const char *name, const char *suffix, const sw_map *m,
                      const sw_map_options *o)
{
    sw_buf b = {0};
    sw_diag d = {0};
    sw_map_svg_info info;
    check(sw_map_svg(&b, &info, m, o, &d), &d, name);
    char path[1024];
    snprintf(path, sizeof path, "%s/%s%s.svg", dir, name, suffix);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(b.data, 1, b.len, f) != b.len || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
    printf("%s%s.svg: %zu bytes, %zu shapes, %zu labels (%zu dropped), legend %s\n", name, suffix,
           b.len, info.shapes, info.labels, info.labels_dropped,
           info.legend_below ? "below" : "inside");
    sw_buf_free(&b);
}

/* NAME.svg standalone and NAME-inline.svg for a page. */
static void write_svg(const char *dir, const char *name, const sw_map *m, const sw_map_options *o)
{
    sw_map_options page = *o;
    page.standalone = true;
    write_one(dir, name, "", m, &page);
    page.standalone = false;
    write_one(dir, name, "-inline", m, &page);
}

/* Dutch notation: 16290 as "16.290". */
static const char *nl(char *buf, long long v)
{
    char raw[32];
    int n = snprintf(raw, sizeof raw, "%lld", v), k = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[k++] = '.';
        buf[k++] = raw[i];
    }
    buf[k] = '\0';
    return buf;
}

/* 100 × geteld / opgave, truncated to two decimals (rekenregels §7.11), as
 * "78,24 %". */
static const char *pct(char *buf, long long geteld, long long opgave)
{
    long long h = geteld * 10000 / opgave;
    snprintf(buf, 32, "%lld,%02lld %%", h / 100, h % 100);
    return buf;
}

/* Made-up counts per province (the opgaven are cycle 2024's). Each class
 * below is worked out by hand in tests/map/check_svg.py. */
static const struct {
    int code;
    long long geteld; /* -1: no opgave on this map ("geen opgave") */
} counted[] = {
    {20, 1500}, {21, 3400}, {22, 2019}, {23, 4743}, {24, 2441}, {25, 9000},
    {26, 4000}, {27, 13000}, {28, 15000}, {29, 1650}, {30, -1}, {31, 6000},
};

static int threshold_class(long long geteld, long long opgave, long long drempel)
{
    if (geteld * 100 < drempel * opgave)
        return 0;
    return geteld < opgave ? 1 : 2;
}

static const char *const caption[] = {
    "Cyclus 2024, peildatum 1 juli 2025",
    "Opgave: gerapporteerde provinciale opgaven (niet officieel)",
    "Geteld: VOORBEELD, verzonnen cijfers om de kaart te testen",
};

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: map_render OUT-DIR SOURCE-DIR\n");
        return 64;
    }
    const char *out = argv[1], *src = argv[2];
    sw_diag d = {0};
    size_t len;
    char *text = slurp(src, "data/gemeenten-2024.csv", &len);
    sw_register *reg = NULL;
    check(sw_register_load(&reg, "gemeenten-2024.csv", text, len, NULL, &d), &d, "register");
    free(text);
    text = slurp(src, "data/cyclus-2024.csv", &len);
    sw_cycle *cy = NULL;
    check(sw_cycle_load(&cy, "cyclus-2024.csv", text, len, NULL, &d), &d, "cycle");
    free(text);

    sw_map *m = NULL;
    check(sw_map_from_data(&m, &sw_map_data_2025, &d), &d, "map");
    sw_map_joined j;
    check(sw_map_join(&j, m, reg), &d, "join");
    sw_buf notes = {0};
    sw_map_joined_notes(&notes, &j);
    printf("join: %s\n", notes.len ? notes.data : "every code matched");
    sw_buf_free(&notes);
    sw_map_joined_free(&j);

    /* 1. The provinces against the threshold. */
    sw_map_item items[400];
    char titles[400][160];
    size_t n = 0;
    for (size_t i = 0; i < sizeof counted / sizeof counted[0]; i++) {
        const sw_provincie *p = sw_cycle_find_provincie(cy, counted[i].code);
        char a[32], b[32], c[32];
        if (counted[i].geteld < 0) {
            snprintf(titles[n], sizeof titles[n], "%s \xE2\x80\x94 geen opgave", p->naam);
            items[n] = (sw_map_item){p->code, SW_MAP_GEEN, titles[n], p->naam, 0};
        } else {
            snprintf(titles[n], sizeof titles[n], "%s \xE2\x80\x94 opgave %s, geteld %s, %s",
                     p->naam, nl(a, p->opgave), nl(b, counted[i].geteld),
                     pct(c, counted[i].geteld, p->opgave));
            items[n] = (sw_map_item){p->code,
                                     threshold_class(counted[i].geteld, p->opgave,
                                                     cy->drempel_pct),
                                     titles[n], p->naam, 0};
        }
        n++;
    }
    const sw_map_legend_entry drempel_legend[] = {
        {0, "onder de drempel (75 %)"},
        {1, "drempel gehaald"},
        {2, "100 % of meer"},
        {SW_MAP_GEEN, "geen opgave"},
    };
    sw_map_options o = {0};
    o.level = SW_MAP_PROVINCIES;
    o.palette = &sw_map_palette_threshold;
    o.item = items;
    o.nitems = n;
    o.legend_title = "Geteld tegen de opgave";
    o.legend = drempel_legend;
    o.nlegend = 4;
    o.caption = caption;
    o.ncaption = 3;
    o.id_prefix = "prov";
    write_svg(out, "provincies", m, &o);
    o.title = "Opvangplaatsen per provincie";
    o.scenario = "SCENARIO: what-if GM0664=+50; include-planned";
    write_svg(out, "scenario", m, &o);

    /* 2. Every gemeente, by its population (a figure with a spread). */
    const sw_map_layer *G = &m->layer[SW_MAP_GEMEENTEN];
    n = 0;
    for (size_t i = 0; i < reg->n; i++) {
        const sw_gemeente *g = &reg->gemeente[i];
        if (g->code == 88)
            continue; /* Schiermonnikoog: left without a figure */
        long long v = g->inwoners;
        int k = v < 20000 ? 0 : v < 50000 ? 1 : v < 100000 ? 2 : v < 250000 ? 3 : 4;
        char a[32];
        snprintf(titles[n], sizeof titles[n], "%s \xE2\x80\x94 %s inwoners", g->naam, nl(a, v));
        items[n] = (sw_map_item){g->code, k, titles[n], v >= 150000 ? g->naam : NULL,
                                 (int)(v / 1000)};
        n++;
    }
    const sw_map_legend_entry inw_legend[] = {
        {0, "minder dan 20.000"}, {1, "20.000 tot 50.000"}, {2, "50.000 tot 100.000"},
        {3, "100.000 tot 250.000"}, {4, "250.000 of meer"}, {SW_MAP_GEEN, "geen gegevens"},
    };
    memset(&o, 0, sizeof o);
    o.level = SW_MAP_GEMEENTEN;
    o.item = items;
    o.nitems = n;
    o.legend_title = "Inwoners op 1 januari 2024";
    o.legend = inw_legend;
    o.nlegend = 6;
    o.caption = caption;
    o.ncaption = 1;
    o.id_prefix = "gem";
    write_svg(out, "gemeenten", m, &o);

    /* 3. One province, zoomed: Zeeland's gemeenten by made-up progress,
     * every one labelled, the larger first. */
    n = 0;
    for (size_t i = 0; i < G->n; i++) {
        const sw_map_shape *s = &G->shape[i];
        long r = sw_register_find(reg, s->code);
        if (s->provincie != 29 || r < 0)
            continue;
        long long opgave = reg->gemeente[r].inwoners * 2109 / 392000;
        long long geteld = (s->code * 37 % 130) * opgave / 100;
        char a[32], b[32], c[32];
        if (s->code == 716) { /* Tholen: no opgave */
            snprintf(titles[n], sizeof titles[n], "%s \xE2\x80\x94 geen opgave", s->naam);
            items[n] = (sw_map_item){s->code, SW_MAP_GEEN, titles[n], s->naam, 0};
        } else {
            long long h = geteld * 100 / opgave;
            int k = h < 25 ? 0 : h < 50 ? 1 : h < 75 ? 2 : h < 100 ? 3 : 4;
            snprintf(titles[n], sizeof titles[n], "%s \xE2\x80\x94 opgave %s, geteld %s, %s",
                     s->naam, nl(a, opgave), nl(b, geteld), pct(c, geteld, opgave));
            items[n] = (sw_map_item){s->code, k, titles[n], s->naam,
                                     (int)(reg->gemeente[r].inwoners / 1000)};
        }
        n++;
    }
    const sw_map_legend_entry pct_legend[] = {
        {0, "minder dan 25 %"}, {1, "25 % tot 50 %"}, {2, "50 % tot 75 %"},
        {3, "75 % tot 100 %"}, {4, "100 % of meer"}, {SW_MAP_GEEN, "geen opgave"},
    };
    memset(&o, 0, sizeof o);
    o.level = SW_MAP_GEMEENTEN;
    o.provincie = 29;
    o.item = items;
    o.nitems = n;
    o.legend_title = "Voortgang (geteld / opgave)";
    o.legend = pct_legend;
    o.nlegend = 6;
    o.caption = caption;
    o.ncaption = 3;
    o.id_prefix = "pv29";
    write_svg(out, "zeeland", m, &o);

    /* 4. The same boundaries read at run time, as --kaart would, with the
     * provinces dissolved from the gemeenten. */
    text = slurp(src, "data/kaart-gemeenten-2025.geojson", &len);
    sw_map *user = NULL;
    check(sw_map_load_geojson(&user, "kaart-gemeenten-2025.geojson", text, len, reg, &d), &d,
          "geojson");
    free(text);
    memset(&o, 0, sizeof o);
    o.level = SW_MAP_PROVINCIES;
    o.palette = &sw_map_palette_threshold;
    o.id_prefix = "kaart";
    n = 0;
    for (size_t i = 0; i < cy->nprov; i++) {
        items[n] = (sw_map_item){cy->provincie[i].code, (int)(i % 3), NULL,
                                 cy->provincie[i].naam, 0};
        n++;
    }
    o.item = items;
    o.nitems = n;
    write_svg(out, "dissolved", user, &o);

    sw_map_free(user);
    sw_map_free(m);
    sw_cycle_free(cy);
    sw_register_free(reg);
    return 0;
}
