/* Small-scale reception (rekenregels §4b): the classification, the grouping of
 * reasons, the overview of the hand-worked fixture (tests/README.md,
 * "Kleinschalige opvang") and properties on random registers. */
#include <stdio.h>

#include "support.h"

/* tests/cli/fixtures/kso-locaties.csv: the rows are on lines 2 to 19. */
#define KSO_FIXTURE                                                                          \
    "gemeentecode,locatie,plaatsen,amv_plaatsen,soort,vanaf,tot,status,reden,kleinschalig\n" \
    "GM0001,Eind Een,20,,regulier,2024-01-01,2025-07-01,gerealiseerd,,\n"                    \
    "GM0001,Later Een,15,,regulier,2025-07-02,,gerealiseerd,,\n"                             \
    "GM0001,Honderd,100,,regulier,2024-01-01,,gerealiseerd,,\n"                              \
    "GM0002,Honderdeen,101,,regulier,2024-01-01,,gerealiseerd,,\n"                           \
    "GM0002,Nood Twee,20,,nood,2024-01-01,,gerealiseerd,,\n"                                 \
    "GM0003,Nee Drie,30,,regulier,2024-01-01,,gerealiseerd,,nee\n"                           \
    "GM0003,Gepland Drie,40,,amv,2025-01-01,,gepland,,\n"                                    \
    "GM0004,Afgewezen Vier,25,,regulier,2025-01-01,,afgewezen,Geen draagvlak,\n"             \
    "GM0004,Ingetrokken Vier,10,,bijzonder,2025-01-01,,ingetrokken,\"geen  draagvlak \",\n"  \
    "GM0005,Afgewezen Vijf,12,,regulier,2025-01-01,,afgewezen,GEEN DRAAGVLAK,\n"             \
    "GM0005,Zonder reden,8,,amv,2025-01-01,,ingetrokken,,\n"                                 \
    "GM0005,Afgewezen Vijf B,30,,regulier,2025-01-01,,afgewezen,Herori\xC3\xABntatie,\n"     \
    "GM0004,Groot Ja,150,,bijzonder,2024-01-01,,toegezegd,,ja\n"                             \
    "GM0005,Toegezegd Vijf,50,10,amv,2025-01-01,2030-01-01,toegezegd,,\n"                    \
    "GM0002,Aanmeld Twee,60,,aanmeld,2024-01-01,,gerealiseerd,,\n"                           \
    "GM0003,Gerealiseerd Drie,25,,regulier,2024-06-01,,,,\n"                                 \
    "GM0002,Afgewezen Twee,5,,regulier,2025-03-01,,afgewezen,geen draagvlak,\n"              \
    "GM0004,Herori\xC3\xABntatie Vier,7,,amv,2025-02-01,,ingetrokken,HERORI\xC3\x8BNTATIE,\n"

enum { G = SW_KLASSE_GEPLAND, T = SW_KLASSE_TOEGEZEGD, R = SW_KLASSE_GEREALISEERD,
       B = SW_KLASSE_BEEINDIGD, N = SW_KLASSE_NIET_GEREALISEERD };

typedef struct world {
    sw_cycle *cy;
    sw_register *reg;
    sw_kso *k;
} world;

static world build(const char *locaties, const sw_kso_options *opt)
{
    world w = {load_cycle(TEST_CYCLE), load_register(TEST_REGISTER), NULL};
    sw_diag d = {0};
    int rc = sw_kso_compute(&w.k, w.reg, w.cy, "l.csv", locaties, strlen(locaties), opt, &d);
    ck_assert_msg(rc == 0, "kso: %s", first_message(&d));
    return w;
}

static void destroy(world *w)
{
    sw_kso_free(w->k);
    sw_register_free(w->reg);
    sw_cycle_free(w->cy);
}

static sw_date date(int y, int m, int d) { return (sw_date){y, m, d}; }

static sw_locatie row(int soort, int status, int64_t plaatsen, sw_date vanaf)
{
    return (sw_locatie){.soort = (unsigned char)soort, .status = (unsigned char)status,
                        .plaatsen = plaatsen, .vanaf = vanaf, .naam = "", .reden = ""};
}

/* The counts of one tally, in column order, as "locaties | plaatsen". */
static void assert_tally(const sw_kso_telling *t, const int64_t loc[SW_KLASSEN],
                         const int64_t pl[SW_KLASSEN])
{
    for (int c = 0; c < SW_KLASSEN; c++) {
        ck_assert_msg(t->locaties[c] == loc[c], "locaties %s: %lld, expected %lld",
                      sw_kso_klasse_name(c), (long long)t->locaties[c], (long long)loc[c]);
        ck_assert_msg(t->plaatsen[c] == pl[c], "plaatsen %s: %lld, expected %lld",
                      sw_kso_klasse_name(c), (long long)t->plaatsen[c], (long long)pl[c]);
    }
}

START_TEST(kleinschalig_by_column_soort_and_size)
{
    sw_date v = date(2024, 1, 1);
    sw_locatie l = row(SW_SOORT_REGULIER, SW_LOC_GEREALISEERD, 100, v);
    ck_assert_int_eq(sw_kso_why(&l, 100), SW_KSO_GROND_KLEIN); /* at most 100 */
    l.plaatsen = 101;
    ck_assert_int_eq(sw_kso_why(&l, 100), SW_KSO_GROND_GROOT);
    ck_assert_int_eq(sw_kso_why(&l, 101), SW_KSO_GROND_KLEIN); /* --kso-max-plaatsen 101 */
    l = row(SW_SOORT_NOOD, SW_LOC_GEREALISEERD, 20, v);
    ck_assert_int_eq(sw_kso_why(&l, 100), SW_KSO_GROND_SOORT); /* nood: never */
    l.soort = SW_SOORT_AANMELD;
    ck_assert_int_eq(sw_kso_why(&l, 100), SW_KSO_GROND_SOORT);
    l = row(SW_SOORT_REGULIER, SW_LOC_GEREALISEERD, 30, v);
    l.kleinschalig = SW_KSO_NEE;
    ck_assert_int_eq(sw_kso_why(&l, 100), SW_KSO_GROND_KOLOM_NEE); /* small, but says nee */
    l = row(SW_SOORT_BIJZONDER, SW_LOC_TOEGEZEGD, 150, v);
    l.kleinschalig = SW_KSO_JA;
    ck_assert_int_eq(sw_kso_why(&l, 100), SW_KSO_GROND_KOLOM_JA); /* large, but says ja */
    l.soort = SW_SOORT_AMV;
    l.kleinschalig = SW_KSO_UNSAID;
    ck_assert_int_eq(sw_kso_why(&l, 150), SW_KSO_GROND_KLEIN);
    ck_assert(sw_kso_grond_is_kleinschalig(SW_KSO_GROND_KOLOM_JA));
    ck_assert(sw_kso_grond_is_kleinschalig(SW_KSO_GROND_KLEIN));
    ck_assert(!sw_kso_grond_is_kleinschalig(SW_KSO_GROND_KOLOM_NEE));
    ck_assert(!sw_kso_grond_is_kleinschalig(SW_KSO_GROND_SOORT));
    ck_assert(!sw_kso_grond_is_kleinschalig(SW_KSO_GROND_GROOT));
}
END_TEST

START_TEST(classes_in_the_order_of_the_definition)
{
    sw_date p = date(2025, 7, 1);
    sw_locatie l = row(SW_SOORT_REGULIER, SW_LOC_GEREALISEERD, 10, date(2024, 1, 1));
    ck_assert_int_eq(sw_kso_klasse_of(&l, p), R);
    l.has_tot = true;
    l.tot = p; /* ends on the peildatum */
    ck_assert_int_eq(sw_kso_klasse_of(&l, p), B);
    l.tot = date(2025, 7, 2);
    ck_assert_int_eq(sw_kso_klasse_of(&l, p), R);
    l.has_tot = false;
    l.vanaf = date(2025, 7, 2); /* gerealiseerd, but starting after the peildatum */
    ck_assert_int_eq(sw_kso_klasse_of(&l, p), T);
    l.vanaf = p; /* starting on it */
    ck_assert_int_eq(sw_kso_klasse_of(&l, p), R);
    l.status = SW_LOC_TOEGEZEGD;
    ck_assert_int_eq(sw_kso_klasse_of(&l, p), T);
    /* The first class that applies: gepland and niet_gerealiseerd before beeindigd. */
    l.has_tot = true;
    l.vanaf = date(2024, 1, 1);
    l.tot = date(2025, 1, 1);
    ck_assert_int_eq(sw_kso_klasse_of(&l, p), B);
    l.status = SW_LOC_GEPLAND;
    ck_assert_int_eq(sw_kso_klasse_of(&l, p), G);
    l.status = SW_LOC_AFGEWEZEN;
    ck_assert_int_eq(sw_kso_klasse_of(&l, p), N);
    l.status = SW_LOC_INGETROKKEN;
    ck_assert_int_eq(sw_kso_klasse_of(&l, p), N);
    ck_assert_str_eq(sw_kso_klasse_name(B), "beeindigd");
    ck_assert_str_eq(sw_kso_klasse_name(N), "niet_gerealiseerd");
    ck_assert_str_eq(sw_kso_klasse_name(SW_KLASSEN), "?");
}
END_TEST

static const char *key(const char *s)
{
    static char out[256];
    size_t n = sw_kso_reden_key(out, s, strlen(s));
    ck_assert_uint_eq(n, strlen(out));
    ck_assert_uint_le(n, strlen(s) > 8 ? strlen(s) : 8);
    return out;
}

START_TEST(reasons_group_by_trimmed_collapsed_folded_text)
{
    ck_assert_str_eq(key("Geen draagvlak"), "geen draagvlak");
    ck_assert_str_eq(key(" geen  draagvlak "), "geen draagvlak");
    ck_assert_str_eq(key("GEEN DRAAGVLAK"), "geen draagvlak");
    ck_assert_str_eq(key("geen\tdraagvlak\r\n"), "geen draagvlak");
    /* a no-break space, an ideographic space and a thin no-break space */
    ck_assert_str_eq(key("\xC2\xA0geen\xC2\xA0\xE3\x80\x80 draagvlak\xE2\x80\xAF"),
                     "geen draagvlak");
    /* Latin-1: Ë → ë, Ø → ø, but × stays and ß has no simple folding */
    ck_assert_str_eq(key("HERORI\xC3\x8BNTATIE"), "herori\xC3\xABntatie");
    ck_assert_str_eq(key("\xC3\x98resund \xC3\x97 STRA\xC3\x9F" "E"),
                     "\xC3\xB8resund \xC3\x97 stra\xC3\x9F" "e");
    /* Latin Extended-A: Ł Ó Ď Ź (Łódź in capitals), Ŋ, Ÿ → ÿ, ſ → s, µ → μ */
    ck_assert_str_eq(key("\xC5\x81\xC3\x93\x44\xC5\xB9"), "\xC5\x82\xC3\xB3\x64\xC5\xBA");
    ck_assert_str_eq(key("\xC5\x8A\xC5\xB8"), "\xC5\x8B\xC3\xBF");
    ck_assert_str_eq(key("Ma\xC5\xBF\xC5\xBF"), "mass");
    ck_assert_str_eq(key("5 \xC2\xB5m"), "5 \xCE\xBCm");
    ck_assert_str_eq(key("\xC4\xB0stanbul"), "\xC4\xB0stanbul"); /* İ: no simple folding */
    ck_assert_str_eq(key("\xC4\xBD\xC4\xBE\xC5\x87\xC5\x88"), "\xC4\xBE\xC4\xBE\xC5\x88\xC5\x88");
    /* outside the coverage: Greek capitals stay as they are */
    ck_assert_str_eq(key("\xCE\x91"), "\xCE\x91");
    /* empty, or only white space: onbekend */
    ck_assert_str_eq(key(""), "onbekend");
    ck_assert_str_eq(key(" \xC2\xA0\t"), "onbekend");
    /* a byte that is not UTF-8 stands for itself */
    ck_assert_str_eq(key("A\xFF" "B"), "a\xFF" "b");
}
END_TEST

START_TEST(the_hand_worked_overview)
{
    world w = build(KSO_FIXTURE, NULL);
    const sw_kso *k = w.k;
    ck_assert_int_eq(k->rijen, 18);
    ck_assert_int_eq(k->kso_rijen, 14);
    ck_assert_int_eq(k->kso_max_plaatsen, 100);
    ck_assert_int_eq(sw_date_cmp(k->peildatum, date(2025, 7, 1)), 0);
    ck_assert_uint_eq(k->nprov, 2);
    /* tests/README.md: PV20 and PV21, per class */
    assert_tally(&k->prov[0].telling, (int64_t[]){1, 1, 2, 1, 1}, (int64_t[]){40, 15, 125, 20, 5});
    assert_tally(&k->prov[1].telling, (int64_t[]){0, 2, 0, 0, 6}, (int64_t[]){0, 200, 0, 0, 92});
    assert_tally(&k->totaal, (int64_t[]){1, 3, 2, 1, 7}, (int64_t[]){40, 215, 125, 20, 97});
    assert_tally(&k->gemeente[0], (int64_t[]){0, 1, 1, 1, 0}, (int64_t[]){0, 15, 100, 20, 0});
    assert_tally(&k->gemeente[1], (int64_t[]){0, 0, 0, 0, 1}, (int64_t[]){0, 0, 0, 0, 5});
    assert_tally(&k->gemeente[2], (int64_t[]){1, 0, 1, 0, 0}, (int64_t[]){40, 0, 25, 0, 0});
    assert_tally(&k->gemeente[3], (int64_t[]){0, 1, 0, 0, 3}, (int64_t[]){0, 150, 0, 0, 42});
    assert_tally(&k->gemeente[4], (int64_t[]){0, 1, 0, 0, 3}, (int64_t[]){0, 50, 0, 0, 50});
    /* the share: KSO places that count over every counted place */
    ck_assert_int_eq(k->prov[0].telling.geteld, 125); /* Honderd 100 + Gerealiseerd Drie 25 */
    ck_assert_int_eq(k->prov[0].geteld, 316); /* + Honderdeen 101, Nee Drie 30, Aanmeld 60 */
    ck_assert_int_eq(k->prov[1].telling.geteld, 200); /* Groot Ja 150 + Toegezegd Vijf 50 */
    ck_assert_int_eq(k->prov[1].geteld, 200);
    ck_assert_int_eq(k->totaal.geteld, 325);
    ck_assert_int_eq(k->geteld, 516);
    /* the same count as progress makes of these rows */
    ck_assert_int_eq(k->progress->prov[0].geteld, 316);
    /* reasons, per province, most locations first */
    ck_assert_uint_eq(k->nreden, 4);
    const struct {
        int prov;
        const char *reden, *sleutel;
        int64_t loc, pl;
    } want[] = {
        {20, "geen draagvlak", "geen draagvlak", 1, 5},
        {21, "GEEN DRAAGVLAK", "geen draagvlak", 3, 47},
        {21, "HERORI\xC3\x8BNTATIE", "herori\xC3\xABntatie", 2, 37},
        {21, "onbekend", "onbekend", 1, 8},
    };
    for (size_t i = 0; i < 4; i++) {
        ck_assert_int_eq(k->reden[i].provincie, want[i].prov);
        ck_assert_str_eq(k->reden[i].reden, want[i].reden);
        ck_assert_str_eq(k->reden[i].sleutel, want[i].sleutel);
        ck_assert_int_eq(k->reden[i].locaties, want[i].loc);
        ck_assert_int_eq(k->reden[i].plaatsen, want[i].pl);
    }
    ck_assert(!k->rows_kept);
    ck_assert_uint_eq(k->nrij, 0);
    ck_assert_ptr_null(k->rij);
    destroy(&w);
}
END_TEST

START_TEST(the_listing_is_sorted_and_traceable)
{
    sw_kso_options o = SW_KSO_OPTIONS_INIT;
    o.keep_rows = true;
    world w = build(KSO_FIXTURE, &o);
    const sw_kso *k = w.k;
    ck_assert(k->rows_kept);
    ck_assert_uint_eq(k->nrij, 14);
    /* tests/README.md: province, gemeente, class, name ... */
    static const long lines[] = {3, 4, 2, 18, 8, 17, 14, 9, 19, 10, 15, 11, 13, 12};
    for (size_t i = 0; i < 14; i++)
        ck_assert_int_eq(k->rij[i].loc.line, lines[i]);
    ck_assert_str_eq(k->rij[9].loc.reden, "geen  draagvlak"); /* as read, trimmed */
    ck_assert_int_eq(k->rij[2].klasse, B);
    ck_assert_int_eq(k->rij[6].loc.verdict, SW_TELT); /* Groot Ja counts */
    ck_assert_int_eq(k->rij[2].loc.verdict, SW_NIET_AFGELOPEN);
    int64_t sum = 0;
    for (size_t i = 0; i < k->nrij; i++)
        sum += k->rij[i].loc.plaatsen;
    ck_assert_int_eq(sum, 497);
    destroy(&w);
}
END_TEST

START_TEST(options_move_the_boundaries)
{
    sw_kso_options o = SW_KSO_OPTIONS_INIT;
    o.progress.has_kso_max_plaatsen = true;
    o.progress.kso_max_plaatsen = 99; /* Honderd is no longer small-scale */
    world w = build(KSO_FIXTURE, &o);
    ck_assert_int_eq(w.k->kso_max_plaatsen, 99);
    ck_assert_int_eq(w.k->kso_rijen, 13);
    assert_tally(&w.k->prov[0].telling, (int64_t[]){1, 1, 1, 1, 1}, (int64_t[]){40, 15, 25, 20, 5});
    ck_assert(w.k->progress->kso_max_opgegeven);
    destroy(&w);
    o.progress.kso_max_plaatsen = 101; /* Honderdeen is */
    w = build(KSO_FIXTURE, &o);
    assert_tally(&w.k->prov[0].telling, (int64_t[]){1, 1, 3, 1, 1},
                 (int64_t[]){40, 15, 226, 20, 5});
    ck_assert_int_eq(w.k->prov[0].telling.geteld, 226);
    destroy(&w);
    o = (sw_kso_options)SW_KSO_OPTIONS_INIT;
    o.progress.has_peildatum = true;
    o.progress.peildatum = date(2025, 6, 30); /* Eind Een still runs */
    w = build(KSO_FIXTURE, &o);
    assert_tally(&w.k->prov[0].telling, (int64_t[]){1, 1, 3, 0, 1}, (int64_t[]){40, 15, 145, 0, 5});
    ck_assert_int_eq(w.k->prov[0].telling.geteld, 145);
    destroy(&w);
    o.progress.peildatum = date(2025, 7, 2); /* Later Een has started */
    w = build(KSO_FIXTURE, &o);
    assert_tally(&w.k->prov[0].telling, (int64_t[]){1, 0, 3, 1, 1}, (int64_t[]){40, 0, 140, 20, 5});
    destroy(&w);
    o = (sw_kso_options)SW_KSO_OPTIONS_INIT;
    o.progress.aanmeld_telt = SW_NEE; /* the denominator follows the counting options */
    w = build(KSO_FIXTURE, &o);
    ck_assert_int_eq(w.k->prov[0].geteld, 256);
    ck_assert_int_eq(w.k->prov[0].telling.geteld, 125);
    destroy(&w);
}
END_TEST

START_TEST(a_scenario_is_refused)
{
    sw_cycle *cy = load_cycle(TEST_CYCLE);
    sw_register *reg = load_register(TEST_REGISTER);
    sw_kso *k = NULL;
    sw_diag d = {0};
    sw_kso_options o = SW_KSO_OPTIONS_INIT;
    o.progress.include_planned = true;
    ck_assert_int_eq(sw_kso_new(&k, reg, cy, NULL, &o, &d), SW_EUSAGE);
    ck_assert_ptr_null(k);
    ck_assert_ptr_nonnull(strstr(first_message(&d), "reports the register as it is"));
    sw_what_if wi = {0, 5};
    o = (sw_kso_options)SW_KSO_OPTIONS_INIT;
    o.progress.what_if = &wi;
    o.progress.nwhat_if = 1;
    ck_assert_int_eq(sw_kso_new(&k, reg, cy, NULL, &o, &d), SW_EUSAGE);
    sw_register_free(reg);
    sw_cycle_free(cy);
}
END_TEST

START_TEST(places_beyond_exact_counting_are_a_located_error)
{
    sw_cycle *cy = load_cycle(TEST_CYCLE);
    sw_register *reg = load_register(TEST_REGISTER);
    const char *text = "gemeentecode,plaatsen,soort,vanaf,status,kleinschalig\n"
                       "GM0001,9223372036854775807,regulier,2024-01-01,afgewezen,ja\n"
                       "GM0002,1,regulier,2024-01-01,afgewezen,ja\n";
    sw_kso *k = NULL;
    sw_diag d = {0};
    ck_assert_int_eq(sw_kso_compute(&k, reg, cy, "l.csv", text, strlen(text), NULL, &d),
                     SW_EOVERFLOW);
    ck_assert_ptr_null(k);
    ck_assert_str_eq(first_message(&d), "l.csv:3:2: column 'plaatsen': the places add up to "
                                        "more than can be counted exactly");
    sw_register_free(reg);
    sw_cycle_free(cy);
}
END_TEST

/* ---- properties ---- */

static uint64_t rnd(uint64_t *s)
{
    *s = *s * 6364136223846793005u + 1442695040888963407u;
    return *s >> 33;
}

static const char *const reasons[] = {"", "Geen draagvlak", "geen  draagvlak", "GEEN DRAAGVLAK",
                                      "Heroriëntatie", "HERORIËNTATIE", "\xC2\xA0", "ander"};

static sw_locatie random_row(uint64_t *s, long line)
{
    sw_locatie l = {.naam = "", .line = line};
    l.gemeente = (int32_t)(rnd(s) % 5);
    l.soort = (unsigned char)(1 + rnd(s) % 5);
    l.status = (unsigned char)(1 + rnd(s) % 5);
    l.plaatsen = 1 + (int64_t)(rnd(s) % 200);
    l.vanaf = (sw_date){2024 + (int)(rnd(s) % 3), 1 + (int)(rnd(s) % 12), 1};
    if (rnd(s) % 2) {
        l.has_tot = true;
        l.tot = (sw_date){l.vanaf.y + 1 + (int)(rnd(s) % 6), l.vanaf.m, 1};
    }
    bool small_kind = l.soort != SW_SOORT_NOOD && l.soort != SW_SOORT_AANMELD;
    l.kleinschalig = (unsigned char)(rnd(s) % 3);
    if (!small_kind && l.kleinschalig == SW_KSO_JA)
        l.kleinschalig = SW_KSO_UNSAID; /* the reader refuses it */
    l.reden = reasons[rnd(s) % (sizeof reasons / sizeof reasons[0])];
    return l;
}

static sw_kso *feed(const sw_register *reg, const sw_cycle *cy, const sw_locatie *rows,
                    const size_t *order, size_t n)
{
    sw_kso *k = NULL;
    sw_diag d = {0};
    sw_kso_options o = SW_KSO_OPTIONS_INIT;
    o.keep_rows = true;
    ck_assert_int_eq(sw_kso_new(&k, reg, cy, NULL, &o, &d), 0);
    for (size_t i = 0; i < n; i++)
        ck_assert_int_eq(sw_kso_add(k, &rows[order[i]]), 0);
    ck_assert_int_eq(sw_kso_finish(k), 0);
    return k;
}

static void assert_same(const sw_kso *a, const sw_kso *b)
{
    ck_assert_int_eq(memcmp(a->gemeente, b->gemeente, a->n * sizeof *a->gemeente), 0);
    ck_assert_int_eq(memcmp(&a->totaal, &b->totaal, sizeof a->totaal), 0);
    for (size_t i = 0; i < a->nprov; i++) {
        ck_assert_int_eq(memcmp(&a->prov[i].telling, &b->prov[i].telling,
                                sizeof a->prov[i].telling), 0);
        ck_assert_int_eq(a->prov[i].geteld, b->prov[i].geteld);
    }
    ck_assert_uint_eq(a->nreden, b->nreden);
    for (size_t i = 0; i < a->nreden; i++) {
        ck_assert_int_eq(a->reden[i].provincie, b->reden[i].provincie);
        ck_assert_str_eq(a->reden[i].reden, b->reden[i].reden);
        ck_assert_int_eq(a->reden[i].locaties, b->reden[i].locaties);
        ck_assert_int_eq(a->reden[i].plaatsen, b->reden[i].plaatsen);
    }
    ck_assert_uint_eq(a->nrij, b->nrij);
    for (size_t i = 0; i < a->nrij; i++)
        ck_assert_int_eq(a->rij[i].loc.line, b->rij[i].loc.line);
}

START_TEST(classes_add_up_and_row_order_changes_nothing)
{
    sw_cycle *cy = load_cycle(TEST_CYCLE);
    sw_register *reg = load_register(TEST_REGISTER);
    uint64_t seed = 20260213;
    enum { RUNS = 40, MAXROWS = 300 };
    static sw_locatie rows[MAXROWS];
    static size_t order[MAXROWS], reversed[MAXROWS], shuffled[MAXROWS];
    for (int run = 0; run < RUNS; run++) {
        size_t n = 1 + rnd(&seed) % MAXROWS;
        for (size_t i = 0; i < n; i++) {
            rows[i] = random_row(&seed, (long)i + 2);
            order[i] = shuffled[i] = i;
            reversed[i] = n - 1 - i;
        }
        for (size_t i = n - 1; i > 0; i--) {
            size_t j = rnd(&seed) % (i + 1), t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        sw_kso *a = feed(reg, cy, rows, order, n);
        /* every KSO row in exactly one class; places likewise */
        int64_t kso = 0, places = 0, loc = 0, pl = 0, gloc = 0, rloc = 0, rpl = 0, telt = 0;
        for (size_t i = 0; i < n; i++)
            if (sw_kso_grond_is_kleinschalig(sw_kso_why(&rows[i], 100))) {
                kso++;
                places += rows[i].plaatsen;
            }
        for (int c = 0; c < SW_KLASSEN; c++) {
            loc += a->totaal.locaties[c];
            pl += a->totaal.plaatsen[c];
            for (size_t p = 0; p < a->nprov; p++)
                gloc += a->prov[p].telling.locaties[c];
        }
        for (size_t r = 0; r < a->nreden; r++) {
            rloc += a->reden[r].locaties;
            rpl += a->reden[r].plaatsen;
        }
        for (size_t i = 0; i < a->nrij; i++)
            telt += a->rij[i].loc.verdict == SW_TELT ? a->rij[i].loc.plaatsen : 0;
        ck_assert_int_eq(loc, kso);
        ck_assert_int_eq(a->kso_rijen, kso);
        ck_assert_int_eq((int64_t)a->nrij, kso);
        ck_assert_int_eq(pl, places);
        ck_assert_int_eq(gloc, kso);
        ck_assert_int_eq(rloc, a->totaal.locaties[N]);
        ck_assert_int_eq(rpl, a->totaal.plaatsen[N]);
        ck_assert_int_eq(telt, a->totaal.geteld);
        ck_assert_int_le(a->totaal.geteld, a->geteld);
        sw_kso *b = feed(reg, cy, rows, reversed, n);
        sw_kso *c = feed(reg, cy, rows, shuffled, n);
        assert_same(a, b);
        assert_same(a, c);
        sw_kso_free(a);
        sw_kso_free(b);
        sw_kso_free(c);
    }
    sw_register_free(reg);
    sw_cycle_free(cy);
}
END_TEST

/* The series along a timeline counts, at each date, exactly the rows the
 * overview puts in class gerealiseerd on that date (the interval shortcut of
 * kso_series.c against sw_kso_klasse_of), whatever the dates, including
 * dates on a row's vanaf or tot. */
START_TEST(the_series_is_the_class_gerealiseerd_at_each_date)
{
    sw_register *reg = load_register(TEST_REGISTER);
    uint64_t seed = 20261202;
    enum { RUNS = 60, MAXROWS = 200, MAXSTEPS = 40 };
    static sw_locatie rows[MAXROWS];
    sw_date steps[MAXSTEPS];
    for (int run = 0; run < RUNS; run++) {
        size_t n = 1 + rnd(&seed) % MAXROWS, nsteps = 1 + rnd(&seed) % MAXSTEPS;
        for (size_t i = 0; i < n; i++)
            rows[i] = random_row(&seed, (long)i + 2);
        /* ascending first-of-month dates from 2023 on, a row's own dates
         * among them */
        sw_date d = {2023, 1 + (int)(rnd(&seed) % 12), 1};
        for (size_t t = 0; t < nsteps; t++) {
            steps[t] = d;
            d.m += 1 + (int)(rnd(&seed) % 4);
            d.y += (d.m - 1) / 12;
            d.m = (d.m - 1) % 12 + 1;
        }
        int64_t max = 1 + (int64_t)(rnd(&seed) % 200);
        sw_kso_series *ks = NULL;
        ck_assert_int_eq(sw_kso_series_new(&ks, reg, steps, nsteps, max), 0);
        for (size_t i = 0; i < n; i++)
            ck_assert_int_eq(sw_kso_series_add(ks, &rows[i]), 0);
        ck_assert_int_eq(sw_kso_series_finish(ks), 0);
        ck_assert_int_eq((int)ks->nprov, 2);
        for (size_t t = 0; t < nsteps; t++)
            for (size_t k = 0; k < ks->nprov; k++) {
                int64_t places = 0, locations = 0;
                for (size_t i = 0; i < n; i++)
                    if (reg->gemeente[rows[i].gemeente].provincie == ks->provincie[k] &&
                        sw_kso_grond_is_kleinschalig(sw_kso_why(&rows[i], max)) &&
                        sw_kso_klasse_of(&rows[i], steps[t]) == SW_KLASSE_GEREALISEERD) {
                        places += rows[i].plaatsen;
                        locations++;
                    }
                ck_assert_int_eq(ks->plaatsen[t * ks->nprov + k], places);
                ck_assert_int_eq(ks->locaties[t * ks->nprov + k], locations);
            }
        sw_kso_series_free(ks);
    }
    sw_register_free(reg);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("kso");
    TCase *tc = tcase_create("kso");
    tcase_add_test(tc, kleinschalig_by_column_soort_and_size);
    tcase_add_test(tc, classes_in_the_order_of_the_definition);
    tcase_add_test(tc, reasons_group_by_trimmed_collapsed_folded_text);
    tcase_add_test(tc, the_hand_worked_overview);
    tcase_add_test(tc, the_listing_is_sorted_and_traceable);
    tcase_add_test(tc, options_move_the_boundaries);
    tcase_add_test(tc, a_scenario_is_refused);
    tcase_add_test(tc, places_beyond_exact_counting_are_a_located_error);
    tcase_add_test(tc, classes_add_up_and_row_order_changes_nothing);
    tcase_add_test(tc, the_series_is_the_class_gerealiseerd_at_each_date);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
