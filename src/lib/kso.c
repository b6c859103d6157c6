/* Small-scale reception (rekenregels §4b): which rows are kleinschalig, their
 * class on the peildatum, and the overview per gemeente, province and
 * reason. Every row is also counted by a progress of the kso's own, so that
 * the share of KSO in the counted places follows the rules of progress.c and
 * nothing of counting is written twice. */
#include "spreiding/kso.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/opgave.h"
#include "arena.h"
#include "util.h"

/* ---- one row ---- */

int sw_kso_why(const sw_locatie *l, int64_t max)
{
    assert(l);
    if (l->soort == SW_SOORT_NOOD || l->soort == SW_SOORT_AANMELD)
        return SW_KSO_GROND_SOORT; /* the reader refuses `ja` on these */
    if (l->kleinschalig == SW_KSO_JA)
        return SW_KSO_GROND_KOLOM_JA;
    if (l->kleinschalig == SW_KSO_NEE)
        return SW_KSO_GROND_KOLOM_NEE;
    return l->plaatsen <= max ? SW_KSO_GROND_KLEIN : SW_KSO_GROND_GROOT;
}

bool sw_kso_grond_is_kleinschalig(int grond)
{
    return grond == SW_KSO_GROND_KOLOM_JA || grond == SW_KSO_GROND_KLEIN;
}

int sw_kso_klasse_of(const sw_locatie *l, sw_date d)
{
    assert(l);
    /* The first class that applies, in the order of §4b. */
    if (l->status == SW_LOC_AFGEWEZEN || l->status == SW_LOC_INGETROKKEN)
        return SW_KLASSE_NIET_GEREALISEERD;
    if (l->status == SW_LOC_GEPLAND)
        return SW_KLASSE_GEPLAND;
    if (l->has_tot && sw_date_cmp(l->tot, d) <= 0)
        return SW_KLASSE_BEEINDIGD;
    if (l->status == SW_LOC_GEREALISEERD && sw_date_cmp(l->vanaf, d) <= 0)
        return SW_KLASSE_GEREALISEERD;
    return SW_KLASSE_TOEGEZEGD;
}

const char *sw_kso_klasse_name(int k)
{
    static const char *const names[SW_KLASSEN] = {"gepland", "toegezegd", "gerealiseerd",
                                                  "beeindigd", "niet_gerealiseerd"};
    return k >= 0 && k < SW_KLASSEN ? names[k] : "?";
}

/* ---- reasons ---- */

/* Unicode's White_Space property. */
static bool is_space(uint32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

/* Simple case folding (CaseFolding.txt, status C and S) of U+0000–U+017F;
 * every other code point folds to itself (kso.h says so). */
static uint32_t fold(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 0x20;
    if (c < 0xB5 || c > 0x17F)
        return c;
    if (c == 0xB5)
        return 0x3BC; /* micro sign → Greek small mu */
    if ((c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xDE))
        return c + 0x20;
    /* Latin Extended-A: capital and small alternate; which of the pair is
     * the capital changes twice, and İ, ı, ĸ and ŉ have no simple folding. */
    if ((c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return c | 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return c & 1 ? c + 1 : c;
    if (c == 0x178)
        return 0xFF; /* Ÿ → ÿ */
    if (c == 0x17F)
        return 's'; /* long s */
    return c;
}

static size_t put_utf8(char *out, uint32_t c)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    assert(c < 0x800); /* folding stays below U+0800 */
    out[0] = (char)(0xC0 | (c >> 6));
    out[1] = (char)(0x80 | (c & 0x3F));
    return 2;
}

/* The next character of s: its code point, or *raw when the byte is not
 * UTF-8 (then it stands for itself). */
static uint32_t next_char(const char *s, size_t n, size_t *len, bool *raw)
{
    uint32_t c = sw__utf8_next(s, n, len);
    *raw = *len == 1 && c >= 0x80;
    return c;
}

/* s without white space (is_space) at both ends. */
static void trim_space(const char **s, size_t *len)
{
    size_t k;
    bool raw;
    while (*len > 0) {
        uint32_t c = next_char(*s, *len, &k, &raw);
        if (raw || !is_space(c))
            break;
        *s += k;
        *len -= k;
    }
    /* From the end: step back over continuation bytes to a character's start. */
    while (*len > 0) {
        size_t start = *len - 1;
        while (start > 0 && ((unsigned char)(*s)[start] & 0xC0) == 0x80 && *len - start < 4)
            start--;
        uint32_t c = next_char(*s + start, *len - start, &k, &raw);
        if (start + k != *len) /* not one character: a stray continuation byte */
            break;
        if (raw || !is_space(c))
            break;
        *len = start;
    }
}

/* The key of a reason into out (len + 1 bytes, at least 9); *empty when the
 * reason has nothing but white space. */
static size_t reden_key(char *out, const char *s, size_t len, bool *empty)
{
    size_t o = 0;
    bool gap = false;
    for (size_t i = 0; i < len;) {
        size_t k;
        bool raw;
        uint32_t c = next_char(s + i, len - i, &k, &raw);
        if (!raw && is_space(c)) {
            gap = o > 0; /* inner runs only: the ends are trimmed */
            i += k;
            continue;
        }
        if (gap)
            out[o++] = ' ';
        gap = false;
        uint32_t f = raw ? c : fold(c);
        if (f == c) {
            /* As written: a folded character is never longer than its
             * original, so the key never outgrows len bytes. */
            memcpy(out + o, s + i, k);
            o += k;
        } else {
            o += put_utf8(out + o, f);
        }
        i += k;
    }
    *empty = o == 0;
    if (*empty) {
        memcpy(out, "onbekend", 9);
        return 8;
    }
    out[o] = '\0';
    return o;
}

size_t sw_kso_reden_key(char *out, const char *reden, size_t len)
{
    assert(out && (reden || len == 0));
    bool empty;
    return reden_key(out, reden ? reden : "", len, &empty);
}

/* ---- the overview ---- */

struct sw_kso_state {
    const sw_register *reg;
    sw_progress *progress;      /* owned; k->progress is the same */
    sw_opgave *opgave;          /* every gemeente takes part */
    sw_locaties_reader *reader; /* when the kso reads the file */
    const char *name;
    sw_diag *diag;
    bool keep;
    size_t *slot;               /* reason groups: 1 + index into k->reden, 0 = free */
    size_t nslot;
    size_t capreden, caprij;
    char *key;                  /* room for one key */
    size_t keycap;
    sw__arena names;            /* strings of the kept rows */
    int64_t plaatsen;           /* every KSO place: bounds every sum of places */
};

/* An opgave in which every gemeente of the register takes part: the
 * overview covers the register as it is. Its figures are never read. */
static int opgave_of_everyone(sw_opgave **out, const sw_register *reg)
{
    sw_opgave *o = calloc(1, sizeof *o);
    if (o && !(o->row = sw__calloc(reg->n, sizeof *o->row))) {
        free(o);
        o = NULL;
    }
    if (!o)
        return SW_ENOMEM;
    o->n = o->in_run = reg->n;
    for (size_t i = 0; i < reg->n; i++)
        o->row[i].in_run = true;
    *out = o;
    return 0;
}

static int on_row(void *ctx, const sw_locatie *l, sw_diag *diag)
{
    sw_kso *k = ctx;
    int rc = sw_kso_add(k, l);
    if (rc == SW_EOVERFLOW)
        return sw_diag_add(diag, SW_EOVERFLOW, k->state->name, l->line,
                           sw_locaties_reader_plaatsen_column(k->state->reader), "plaatsen",
                           "the places add up to more than can be counted exactly");
    return rc;
}

int sw_kso_new(sw_kso **out, const sw_register *reg, const sw_cycle *cy,
               const char *locaties_name, const sw_kso_options *opt, sw_diag *diag)
{
    assert(out && reg && cy);
    *out = NULL;
    sw_kso_options defaults = SW_KSO_OPTIONS_INIT;
    const sw_kso_options *o = opt ? opt : &defaults;
    if (o->progress.include_planned || o->progress.nwhat_if > 0)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "the overview of small-scale reception reports the register as it "
                           "is: --include-planned and --what-if make a scenario, which it "
                           "does not take");
    if (o->progress.nsteps > 0)
        return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                           "the overview of small-scale reception is taken on one peildatum, "
                           "not along a timeline");
    sw_kso *k = calloc(1, sizeof *k);
    sw_kso_state *st = calloc(1, sizeof *st);
    if (!k || !st) {
        free(k);
        free(st);
        return SW_ENOMEM;
    }
    k->state = st;
    k->n = reg->n;
    st->reg = reg;
    st->diag = diag;
    st->keep = o->keep_rows;
    st->name = locaties_name;
    k->rows_kept = o->keep_rows;
    int rc = opgave_of_everyone(&st->opgave, reg);
    if (rc == 0)
        rc = sw_progress_new(&st->progress, reg, cy, st->opgave, &o->progress, diag);
    if (rc == 0) {
        const sw_progress *p = k->progress = st->progress;
        k->peildatum = p->peildatum;
        k->kso_max_plaatsen = p->kso_max_plaatsen;
        k->nprov = p->nprov;
        k->gemeente = sw__calloc(reg->n, sizeof *k->gemeente);
        k->prov = sw__calloc(p->nprov, sizeof *k->prov);
        st->nslot = 64;
        st->slot = sw__calloc(st->nslot, sizeof *st->slot);
        if (!k->gemeente || !k->prov || !st->slot)
            rc = SW_ENOMEM;
        for (size_t i = 0; rc == 0 && i < p->nprov; i++) {
            k->prov[i].code = p->prov[i].code;
            k->prov[i].naam = p->prov[i].naam;
        }
    }
    if (rc == 0 && locaties_name)
        rc = sw_locaties_reader_new(&st->reader, reg, locaties_name, &o->csv, on_row, k, diag);
    if (rc != 0) {
        sw_kso_free(k);
        return rc;
    }
    *out = k;
    return 0;
}

static uint64_t hash(int prov, const char *key)
{
    uint64_t h = UINT64_C(14695981039346656037) ^ (uint64_t)(unsigned)prov; /* FNV-1a */
    h *= UINT64_C(1099511628211);
    for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
        h ^= *p;
        h *= UINT64_C(1099511628211);
    }
    return h;
}

/* The slot of group (prov, key): its own, or the free one it would take. */
static size_t *find_slot(const sw_kso *k, int prov, const char *key)
{
    const sw_kso_state *st = k->state;
    size_t mask = st->nslot - 1;
    for (size_t i = (size_t)hash(prov, key) & mask;; i = (i + 1) & mask) {
        size_t e = st->slot[i];
        if (e == 0 || (k->reden[e - 1].provincie == prov &&
                       strcmp(k->reden[e - 1].sleutel, key) == 0))
            return &st->slot[i];
    }
}

/* Keeps the table at most half full, so that probes stay short. */
static int grow_slots(sw_kso *k)
{
    sw_kso_state *st = k->state;
    if (2 * (k->nreden + 1) <= st->nslot)
        return 0;
    if (st->nslot > SIZE_MAX / 2 / sizeof *st->slot)
        return SW_ENOMEM;
    size_t *old = st->slot, nold = st->nslot;
    st->slot = sw__calloc(2 * nold, sizeof *st->slot);
    if (!st->slot) {
        st->slot = old;
        return SW_ENOMEM;
    }
    st->nslot = 2 * nold;
    for (size_t i = 0; i < nold; i++)
        if (old[i])
            *find_slot(k, k->reden[old[i] - 1].provincie, k->reden[old[i] - 1].sleutel) = old[i];
    free(old);
    return 0;
}

/* Counts a not-realised row in the group of its reason. */
static int add_reden(sw_kso *k, int prov, const char *reden, int64_t plaatsen)
{
    sw_kso_state *st = k->state;
    size_t len = strlen(reden);
    size_t need = len + 1 > 9 ? len + 1 : 9;
    if (need > st->keycap) {
        char *p = realloc(st->key, need);
        if (!p)
            return SW_ENOMEM;
        st->key = p;
        st->keycap = need;
    }
    bool empty;
    reden_key(st->key, reden, len, &empty);
    /* The spelling shown: the reason as written, trimmed; "onbekend" for
     * none. */
    const char *spelling = reden;
    trim_space(&spelling, &len);
    if (empty) {
        spelling = "onbekend";
        len = 8;
    }
    if (grow_slots(k) != 0)
        return SW_ENOMEM;
    size_t *slot = find_slot(k, prov, st->key);
    sw_kso_reden *g;
    if (*slot == 0) {
        if (sw__reserve((void **)&k->reden, &st->capreden, k->nreden + 1, sizeof *k->reden) != 0)
            return SW_ENOMEM;
        g = &k->reden[k->nreden];
        *g = (sw_kso_reden){.provincie = prov};
        if (!(g->sleutel = sw__strndup(st->key, strlen(st->key))) ||
            !(g->reden = sw__strndup(spelling, len))) {
            free(g->sleutel);
            return SW_ENOMEM;
        }
        *slot = ++k->nreden;
    } else {
        g = &k->reden[*slot - 1];
        size_t glen = strlen(g->reden);
        int c = memcmp(spelling, g->reden, len < glen ? len : glen);
        if (c < 0 || (c == 0 && len < glen)) { /* byte-wise smaller */
            char *p = sw__strndup(spelling, len);
            if (!p)
                return SW_ENOMEM;
            free(g->reden);
            g->reden = p;
        }
    }
    g->locaties++;
    g->plaatsen += plaatsen; /* ≤ st->plaatsen, which fits */
    return 0;
}

static int keep_row(sw_kso *k, const sw_locatie *l, int prov, int klasse)
{
    sw_kso_state *st = k->state;
    sw_kso_row r = {.loc = *l, .provincie = prov, .klasse = (unsigned char)klasse};
    if (!(r.loc.naam = sw__arena_strndup(&st->names, l->naam, strlen(l->naam))) ||
        !(r.loc.reden = sw__arena_strndup(&st->names, l->reden, strlen(l->reden))) ||
        sw__reserve((void **)&k->rij, &st->caprij, k->nrij + 1, sizeof *k->rij) != 0)
        return SW_ENOMEM;
    k->rij[k->nrij++] = r;
    return 0;
}

static void tally(sw_kso_telling *t, int klasse, int64_t plaatsen, bool telt)
{
    t->locaties[klasse]++;
    t->plaatsen[klasse] += plaatsen;
    if (telt)
        t->geteld += plaatsen;
}

int sw_kso_add(sw_kso *k, const sw_locatie *row)
{
    assert(k && k->state && k->state->progress && row && (size_t)row->gemeente < k->n);
    sw_kso_state *st = k->state;
    sw_locatie l = *row;
    /* Every row is counted: the share's denominator is every counted place. */
    int rc = sw_progress_add(st->progress, &l);
    if (rc != 0)
        return rc;
    k->rijen++;
    if (!sw_kso_grond_is_kleinschalig(sw_kso_why(&l, k->kso_max_plaatsen)))
        return 0;
    int klasse = sw_kso_klasse_of(&l, k->peildatum);
    /* Places are never negative: when the national sum of KSO places fits,
     * every sum of a gemeente, province, class or reason fits too. */
    int64_t alle = st->plaatsen;
    if (__builtin_add_overflow(alle, l.plaatsen, &alle))
        return SW_EOVERFLOW;
    int pk = st->progress->prov_of[l.gemeente];
    assert(pk >= 0); /* every gemeente takes part */
    int prov = k->prov[pk].code;
    if (klasse == SW_KLASSE_NIET_GEREALISEERD && (rc = add_reden(k, prov, l.reden, l.plaatsen)))
        return rc;
    if (st->keep && (rc = keep_row(k, &l, prov, klasse)) != 0)
        return rc;
    st->plaatsen = alle;
    bool telt = l.verdict == SW_TELT;
    tally(&k->gemeente[l.gemeente], klasse, l.plaatsen, telt);
    tally(&k->prov[pk].telling, klasse, l.plaatsen, telt);
    tally(&k->totaal, klasse, l.plaatsen, telt);
    k->kso_rijen++;
    return 0;
}

int sw_kso_feed(sw_kso *k, const char *data, size_t len)
{
    assert(k && k->state->reader);
    return sw_locaties_reader_feed(k->state->reader, data, len);
}

static int cmp_i64(int64_t a, int64_t b) { return (a > b) - (a < b); }

static int cmp_reden(const void *a, const void *b)
{
    const sw_kso_reden *x = a, *y = b;
    int c = cmp_i64(x->provincie, y->provincie);
    if (c == 0)
        c = cmp_i64(y->locaties, x->locaties);
    if (c == 0)
        c = cmp_i64(y->plaatsen, x->plaatsen);
    return c ? c : strcmp(x->sleutel, y->sleutel); /* unique within a province */
}

static int cmp_rij(const void *a, const void *b)
{
    const sw_kso_row *x = a, *y = b;
    const sw_locatie *p = &x->loc, *q = &y->loc;
    int c = cmp_i64(x->provincie, y->provincie);
    if (c == 0)
        c = cmp_i64(p->gemeente, q->gemeente); /* the register is sorted by code */
    if (c == 0)
        c = cmp_i64(x->klasse, y->klasse);
    if (c == 0)
        c = strcmp(p->naam, q->naam);
    if (c == 0)
        c = sw_date_cmp(p->vanaf, q->vanaf);
    if (c == 0 && p->has_tot != q->has_tot)
        c = p->has_tot ? -1 : 1;
    if (c == 0 && p->has_tot)
        c = sw_date_cmp(p->tot, q->tot);
    if (c == 0)
        c = cmp_i64(p->plaatsen, q->plaatsen);
    return c ? c : cmp_i64(p->line, q->line); /* a file's lines are distinct */
}

int sw_kso_finish(sw_kso *k)
{
    assert(k && k->state);
    sw_kso_state *st = k->state;
    int rc = st->reader ? sw_locaties_reader_finish(st->reader) : 0;
    if (rc == 0)
        rc = sw_progress_finish(st->progress, st->diag);
    for (size_t i = 0; rc == 0 && i < k->nprov; i++) {
        k->prov[i].geteld = st->progress->prov[i].geteld;
        if (__builtin_add_overflow(k->geteld, k->prov[i].geteld, &k->geteld))
            rc = sw_diag_add(st->diag, SW_EOVERFLOW, NULL, 0, 0, NULL,
                             "the counted places of all provinces add up to more than %lld, "
                             "the largest number counted exactly", (long long)INT64_MAX);
    }
    if (rc != 0)
        return rc;
    if (k->nreden)
        sw__sort(k->reden, k->nreden, sizeof *k->reden, cmp_reden);
    if (k->nrij)
        sw__sort(k->rij, k->nrij, sizeof *k->rij, cmp_rij);
    /* The groups are sorted: the slots that found them are no more. */
    free(st->slot);
    st->slot = NULL;
    st->nslot = 0;
    return 0;
}

int sw_kso_compute(sw_kso **out, const sw_register *reg, const sw_cycle *cy,
                   const char *locaties_name, const char *data, size_t len,
                   const sw_kso_options *opt, sw_diag *diag)
{
    assert(out && locaties_name && (data || len == 0));
    sw_kso *k = NULL;
    int rc = sw_kso_new(&k, reg, cy, locaties_name, opt, diag);
    if (rc == 0)
        rc = sw_kso_feed(k, data, len);
    if (rc == 0)
        rc = sw_kso_finish(k);
    if (rc != 0) {
        sw_kso_free(k);
        k = NULL;
    }
    *out = k;
    return rc;
}

const sw_kso_provincie *sw_kso_find_provincie(const sw_kso *k, int code)
{
    assert(k);
    for (size_t i = 0; i < k->nprov; i++)
        if (k->prov[i].code == code)
            return &k->prov[i];
    return NULL;
}

void sw_kso_free(sw_kso *k)
{
    if (!k)
        return;
    for (size_t i = 0; i < k->nreden; i++) {
        free(k->reden[i].reden);
        free(k->reden[i].sleutel);
    }
    free(k->reden);
    free(k->rij);
    free(k->gemeente);
    free(k->prov);
    if (k->state) {
        sw_locaties_reader_free(k->state->reader);
        sw_progress_free(k->state->progress);
        sw_opgave_free(k->state->opgave);
        sw__arena_free(&k->state->names);
        free(k->state->slot);
        free(k->state->key);
        free(k->state);
    }
    free(k);
}
