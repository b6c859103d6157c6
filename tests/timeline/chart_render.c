/* Test driver for tests/timeline/render.sh: draws timeline charts
 * (sw_timeline_chart_svg) for the cases a report meets — a province that
 * crosses the threshold and falls below again, one far above 100 % in a
 * scenario, a single date, a thousand daily dates, a province without an
 * opgave — and writes each as an SVG file, and all of them inline in one
 * HTML page, into OUT-DIR.
 *
 * Usage: chart_render OUT-DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/spreiding.h"

static const char cycle[] =
    "parameter,waarde,status,bron\njaar,2024,beleid,test\ncapaciteitsraming,17,beleid,test\n"
    "peildatum,2025-07-01,beleid,test\ndrempel,75,beleid,test\nduurzaam-jaren,5,beleid,test\n"
    "aanmeld-telt,ja,beleid,test\nprovincie.PV20.naam,Alfa,beleid,test\n"
    "provincie.PV20.opgave,10,beleid,test\nprovincie.PV21.naam,Fryslân,beleid,test\n"
    "provincie.PV21.opgave,7,beleid,test\n";
static const char reg[] = "gemeentecode,gemeentenaam,provinciecode,inwoners\n"
                          "GM0001,A1,PV20,450\nGM0002,A2,PV20,350\nGM0003,A3,PV20,200\n"
                          "GM0004,B1,PV21,600\nGM0005,B2,PV21,400\n";
#define HEADER "gemeentecode,locatie,plaatsen,amv_plaatsen,soort,vanaf,tot,status\n"
static const char crossing[] =
    HEADER "GM0001,Azc Een,6,2,regulier,2024-01-01,,gerealiseerd\n"
           "GM0002,Hotel Twee,2,0,bijzonder,2025-01-01,2026-01-01,toegezegd\n"
           "GM0004,Azc Vier,4,0,regulier,2024-01-01,,gerealiseerd\n"
           "GM0005,Paviljoen Vijf,2,0,regulier,2025-03-15,2025-05-01,gerealiseerd\n"
           "GM0005,Woning Vijf,2,0,regulier,2025-06-01,,toegezegd\n";
static const char many[] = HEADER "GM0004,a,20,,regulier,2024-01-01,,\n"
                                  "GM0001,b,3,,regulier,2025-02-01,2025-08-01,\n";

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

static FILE *page;

/* Draws province k of the timeline `range` over `loc` (and the opgave file
 * `opgave`, when given) into NAME.svg and the page. */
static void draw(const char *dir, const char *name, const char *range, const char *loc,
                 const char *opgave, size_t k, const char *scenario)
{
    sw_diag d = {0};
    sw_cycle *cy = NULL;
    sw_register *rg = NULL;
    sw_opgave *og = NULL;
    sw_measurement *m = NULL;
    static sw_timeline t;
    check(sw_cycle_load(&cy, "cyclus.csv", cycle, strlen(cycle), NULL, &d), &d, name);
    check(sw_register_load(&rg, "gemeenten.csv", reg, strlen(reg), NULL, &d), &d, name);
    if (opgave)
        check(sw_opgave_load(&og, rg, cy, "opgave.csv", opgave, strlen(opgave), NULL, &d), &d,
              name);
    check(sw_timeline_parse(&t, range, &d), &d, name);
    sw_measure_options mo = SW_MEASURE_OPTIONS_INIT;
    mo.progress.steps = t.date;
    mo.progress.nsteps = t.ndates;
    check(sw_measurement_compute(&m, rg, cy, og, "l.csv", loc, strlen(loc), &mo, &d), &d, name);
    sw_buf b = {0};
    sw_chart_options co = {NULL, scenario};
    check(sw_timeline_chart_svg(&b, m->progress, k, &co), &d, name);
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.svg", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fputs(b.data, f) == EOF || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
    fprintf(page, "<h2>%s</h2>\n<figure>%s</figure>\n", name, b.data);
    sw_buf_free(&b);
    sw_measurement_free(m);
    sw_opgave_free(og);
    sw_register_free(rg);
    sw_cycle_free(cy);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: chart_render OUT-DIR\n");
        return 2;
    }
    const char *dir = argv[1];
    char path[1024];
    snprintf(path, sizeof path, "%s/grafieken.html", dir);
    page = fopen(path, "wb");
    if (!page) {
        perror(path);
        return 1;
    }
    fputs("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>Tijdlijnen</title>\n</head>\n<body>\n",
          page);
    draw(dir, "kruist", "2025-01-01:2025-06-01", crossing, NULL, 1, NULL);
    draw(dir, "al-gehaald", "2025-01-01:2025-06-01", crossing, NULL, 0, NULL);
    draw(dir, "boven-100", "31-1-2025:31-12-2025", many, NULL, 1, "what-if GM0004=+10");
    draw(dir, "een-datum", "2025-07-01:2025-07-01", crossing, NULL, 1, NULL);
    draw(dir, "duizend-dagen", "2024-01-01:2026-09-26:1d", many, NULL, 0, NULL);
    draw(dir, "geen-opgave", "2025-01-01:2025-03-01", crossing, "gemeentecode,opgave\nGM0001,0\n",
         0, NULL);
    fputs("</body>\n</html>\n", page);
    if (fclose(page) != 0) {
        perror(path);
        return 1;
    }
    return 0;
}
