/* One figure per gemeente (SES-WOA score or population) from a national table
 * as the user has it: a plain file, StatLine's typed CSV or the StatLine web
 * page's download (rekenregels §2, §7.4, §7.12, §7.17). See figures.h for the
 * rules.
 *
 * The file is read twice. The first pass looks at the header and at every
 * cell: which column holds gemeente codes (or register names), and which
 * periods occur. Only then can rows be judged, so the second pass collects
 * the figures. Both passes run over the same bytes in memory, so the second
 * never meets an error the first did not. */
#include "spreiding/figures.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/number.h"
#include "arena.h"
#include "reader.h"
#include "util.h"

/* ---- text helpers: ASCII only, never the locale ---- */

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

static int fold_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t n = alen < blen ? alen : blen;
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)lower(a[i]), y = (unsigned char)lower(b[i]);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return (alen > blen) - (alen < blen);
}

static bool fold_eq(const char *a, size_t alen, const char *b)
{
    return fold_cmp(a, alen, b, strlen(b)) == 0;
}

static bool fold_contains(const char *hay, const char *needle)
{
    size_t h = strlen(hay), n = strlen(needle);
    for (size_t i = 0; i + n <= h; i++)
        if (fold_cmp(hay + i, n, needle, n) == 0)
            return true;
    return false;
}

/* A header matches a known name ignoring case; a name ending in `*` matches
 * every header starting with the rest (StatLine numbers its columns:
 * `GemiddeldeScore_29`). Headers are kept trimmed. */
static bool header_is(const char *header, const char *const *names)
{
    size_t hl = strlen(header);
    for (; *names; names++) {
        size_t nl = strlen(*names);
        if (nl > 0 && (*names)[nl - 1] == '*') {
            if (hl >= nl - 1 && fold_cmp(header, nl - 1, *names, nl - 1) == 0)
                return true;
        } else if (fold_cmp(header, hl, *names, nl) == 0) {
            return true;
        }
    }
    return false;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* `GMnnnn`: the form StatLine gives every gemeente code (after trimming its
 * padding). */
static bool is_gm_cell(const char *s, size_t len)
{
    return len == 6 && (s[0] == 'G' || s[0] == 'g') && (s[1] == 'M' || s[1] == 'm') &&
           is_digit(s[2]) && is_digit(s[3]) && is_digit(s[4]) && is_digit(s[5]);
}

/* A column name for a message: at most 63 bytes, cut at a UTF-8 character
 * boundary (sw_diag keeps 64 bytes and would cut anywhere). */
static const char *short_name(char out[64], const char *s)
{
    size_t n = strlen(s);
    if (n > 63) {
        n = 63;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out, s, n);
    out[n] = '\0';
    return out;
}

/* Writes the n items into out, separated by ", " and quoted when quote, as
 * many as fit with room left for ", and N more". Empty items (a header's
 * unnamed columns, Excel's trailing ones) are left out. */
static void join(char *out, size_t cap, const char *const *item, size_t n, bool quote)
{
    const size_t reserve = 32; /* ", and 18446744073709551615 more" and the NUL */
    const char *q = quote ? "'" : "";
    size_t o = 0, shown = 0, left = 0;
    for (size_t i = 0; i < n; i++)
        left += item[i][0] != '\0';
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (!item[i][0])
            continue;
        size_t need = strlen(item[i]) + (quote ? 2 : 0) + (shown ? 2 : 0);
        if (o + need + reserve >= cap) {
            snprintf(out + o, cap - o, "%sand %zu more", shown ? ", " : "", left);
            return;
        }
        int w = snprintf(out + o, cap - o, "%s%s%s%s", shown ? ", " : "", q, item[i], q);
        o += w > 0 ? (size_t)w : 0;
        shown++;
        left--;
    }
}

/* ---- what each figure is called ---- */

typedef struct figure_names {
    const char *what;                   /* for messages */
    const char *const *names;           /* headers, `*` = prefix */
    const char *const *titles;          /* parts of a StatLine title */
    const char *const *preferred;       /* among several candidates */
    const char *const *preferred_titles;
} figure_names;

static const char *const ses_names[] = {"GemiddeldeScore*", "ses_woa*", NULL};
static const char *const ses_titles[] = {"Gemiddelde score", NULL};
static const char *const ses_preferred[] = {"GemiddeldeScore_29", NULL};
static const char *const ses_preferred_titles[] = {"Totaalscore", NULL};
static const char *const inw_names[] = {"BevolkingOp1Januari*", "AantalInwoners*", "inwoners*",
                                        NULL};
static const char *const inw_titles[] = {"Bevolking op 1 januari", "Aantal inwoners", NULL};
static const char *const none[] = {NULL};

static const figure_names figure_kinds[] = {
    [SW_FIGURE_SES] = {"the SES-WOA score", ses_names, ses_titles, ses_preferred,
                       ses_preferred_titles},
    [SW_FIGURE_INWONERS] = {"the population", inw_names, inw_titles, none, none},
};

static const char *const code_headers[] = {"gemeentecode", NULL};
static const char *const period_headers[] = {"Perioden", "Periode", NULL};
static const char *const soort_headers[] = {"SoortRegio*", "Soort regio*", NULL};
/* The region dimension of StatLine tables, and a plain file's name column:
 * preferred when several columns hold gemeente names. */
static const char *const region_headers[] = {"Wijken en buurten", "Regio's", "WijkenEnBuurten",
                                             "RegioS", "Regio", "gemeentenaam", NULL};

static bool is_candidate(const figure_names *fn, const char *h)
{
    if (header_is(h, fn->names))
        return true;
    for (const char *const *t = fn->titles; *t; t++)
        if (fold_contains(h, *t))
            return true;
    return false;
}

static bool is_preferred(const figure_names *fn, const char *h)
{
    if (header_is(h, fn->preferred))
        return true;
    for (const char *const *t = fn->preferred_titles; *t; t++)
        if (fold_contains(h, *t))
            return true;
    return false;
}

/* ---- register names ---- */

typedef struct name_entry {
    const char *name;
    size_t len;
    long idx;   /* register index */
    long other; /* another gemeente with the same name, or -1 */
} name_entry;

static int by_folded_name(const void *a, const void *b)
{
    const name_entry *x = a, *y = b;
    int c = fold_cmp(x->name, x->len, y->name, y->len);
    return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

static const name_entry *find_name(const name_entry *names, size_t n, const char *s, size_t len)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = fold_cmp(names[mid].name, names[mid].len, s, len);
        if (c == 0)
            return &names[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Without codes and without a soort column, the rows of the country and of
 * the regions CBS marks with a suffix ("Utrecht (PV)") are evidently not
 * gemeenten, and not worth listing. */
static bool evidently_not_gemeente(const char *s, size_t len)
{
    static const char *const suffix[] = {" (PV)", " (LD)", " (CR)"};
    if (fold_cmp(s, len, "Nederland", 9) == 0)
        return true;
    for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
        size_t n = strlen(suffix[i]);
        if (len > n && fold_cmp(s + len - n, n, suffix[i], n) == 0)
            return true;
    }
    return false;
}

/* CBS's statistical symbols other than `.`: never a number. */
static const char *cbs_symbol(const char *s, size_t len)
{
    static const struct {
        const char *sym, *meaning;
    } table[] = {
        {"x", "geheim (secret)"}, {"X", "geheim (secret)"}, {"-", "nihil (nil)"},
        {"*", "voorlopig (provisional)"}, {"**", "nader voorlopig (revised provisional)"},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strlen(table[i].sym) == len && memcmp(table[i].sym, s, len) == 0)
            return table[i].meaning;
    return NULL;
}

/* ---- the reader ---- */

typedef struct period {
    char *text;
    int year;
} period;

typedef struct reader {
    const sw_register *reg;
    const figure_names *fn;
    sw_figure_kind kind;
    const sw_figures_options *opt;
    const char *file;

    /* header */
    char **hdr;
    size_t nhdr;
    long col_code, col_period, col_soort, col_value;

    /* first pass */
    size_t *gm_count, *name_count;
    name_entry *names;
    size_t nnames;
    period *periods; /* sorted by text */
    size_t nperiods, periods_cap;

    /* second pass */
    long col_region;
    bool strict_codes; /* StatLine: a gemeente is a `GMnnnn` cell */
    const char *chosen; /* period text, or NULL: every row */
    sw_figures *out;
    unsigned char *unknown_code; /* SW_GEMEENTE_CODES flags */
    sw__arena arena;
    const char **unmatched;
    size_t nunmatched, unmatched_cap;
    int rc; /* data errors: reading goes on, to list them all */
} reader;

static int year_of(const char *s, size_t len)
{
    if (len < 4 || !is_digit(s[0]) || !is_digit(s[1]) || !is_digit(s[2]) || !is_digit(s[3]) ||
        (len > 4 && is_digit(s[4])))
        return 0;
    return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
}

static int add_period(reader *c, const sw_csv_record *rec, const char *s, size_t len,
                      sw_diag *diag)
{
    size_t lo = 0, hi = c->nperiods;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *t = c->periods[mid].text;
        size_t tl = strlen(t), n = tl < len ? tl : len;
        int cmp = memcmp(t, s, n);
        if (cmp == 0)
            cmp = (tl > len) - (tl < len);
        if (cmp == 0)
            return 0;
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (c->nperiods == SW_FIGURES_MAX_PERIODS) {
        char col[64];
        return sw_diag_add(diag, SW_ELIMIT, c->file, rec->field_line[c->col_period],
                           c->col_period + 1, short_name(col, c->hdr[c->col_period]),
                           "the file holds more than %d different periods",
                           SW_FIGURES_MAX_PERIODS);
    }
    if (sw__reserve((void **)&c->periods, &c->periods_cap, c->nperiods + 1, sizeof *c->periods))
        return SW_ENOMEM;
    char *text = sw__strndup(s, len);
    if (!text)
        return SW_ENOMEM;
    memmove(c->periods + lo + 1, c->periods + lo, (c->nperiods - lo) * sizeof *c->periods);
    c->periods[lo] = (period){text, year_of(s, len)};
    c->nperiods++;
    return 0;
}

/* The value column: the one the user named, or the one known column. */
static int choose_value_column(reader *c, long line, sw_diag *diag)
{
    char list[224];
    if (c->opt->kolom) {
        const char *k = c->opt->kolom;
        size_t kl = strlen(k);
        sw__trim(&k, &kl);
        for (size_t f = 0; f < c->nhdr; f++)
            if (fold_cmp(c->hdr[f], strlen(c->hdr[f]), k, kl) == 0) {
                if (c->col_value >= 0) {
                    char col[64];
                    return sw_diag_add(diag, SW_EDATA, c->file, line, (long)f + 1,
                                       short_name(col, c->hdr[f]),
                                       "two columns are named '%s' (fields %ld and %zu)",
                                       c->opt->kolom, c->col_value + 1, f + 1);
                }
                c->col_value = (long)f;
            }
        if (c->col_value >= 0)
            return 0;
        join(list, sizeof list, (const char *const *)c->hdr, c->nhdr, true);
        return sw_diag_add(diag, SW_EDATA, c->file, line, 1, NULL,
                           "no column is named '%s' (--kolom names a header as written); "
                           "the columns are: %s", c->opt->kolom, list);
    }
    const char **cand = sw__array(c->nhdr, sizeof *cand);
    if (!cand)
        return SW_ENOMEM;
    size_t ncand = 0, npref = 0;
    long first = -1, pref = -1;
    for (size_t f = 0; f < c->nhdr; f++)
        if (is_candidate(c->fn, c->hdr[f])) {
            cand[ncand++] = c->hdr[f];
            if (first < 0)
                first = (long)f;
            if (is_preferred(c->fn, c->hdr[f]) && npref++ == 0)
                pref = (long)f;
        }
    int rc = 0;
    if (ncand == 1)
        c->col_value = first;
    else if (ncand > 1 && npref == 1)
        c->col_value = pref;
    else if (ncand == 0) {
        join(list, sizeof list, (const char *const *)c->hdr, c->nhdr, true);
        rc = sw_diag_add(diag, SW_EDATA, c->file, line, 1, NULL,
                         "no column holds %s by a name this program knows; name it with "
                         "--kolom TITLE; the columns are: %s", c->fn->what, list);
    } else {
        char col[64];
        join(list, sizeof list, cand, ncand, true);
        rc = sw_diag_add(diag, SW_EDATA, c->file, line, first + 1,
                         short_name(col, c->hdr[first]),
                         "%zu columns could hold %s: %s; name one with --kolom TITLE", ncand,
                         c->fn->what, list);
    }
    free(cand);
    return rc;
}

static int read_header(reader *c, const sw_csv_record *rec, sw_diag *diag)
{
    c->out->header_line = rec->line;
    c->hdr = calloc(rec->nfields ? rec->nfields : 1, sizeof *c->hdr);
    c->gm_count = calloc(rec->nfields ? rec->nfields : 1, sizeof *c->gm_count);
    c->name_count = calloc(rec->nfields ? rec->nfields : 1, sizeof *c->name_count);
    if (!c->hdr || !c->gm_count || !c->name_count)
        return SW_ENOMEM;
    for (size_t f = 0; f < rec->nfields; f++) {
        const char *s = rec->field[f];
        size_t len = rec->len[f];
        sw__trim(&s, &len);
        if (!(c->hdr[f] = sw__strndup(s, len)))
            return SW_ENOMEM;
        c->nhdr++;
        /* Headers are quoted in messages: no control byte may reach a
         * terminal from them. */
        for (char *p = c->hdr[f]; *p; p++)
            if ((unsigned char)*p < 0x20 || *p == 0x7F)
                *p = '?';
        if (c->col_code < 0 && header_is(c->hdr[f], code_headers))
            c->col_code = (long)f;
        if (c->col_period < 0 && header_is(c->hdr[f], period_headers))
            c->col_period = (long)f;
        if (c->col_soort < 0 && header_is(c->hdr[f], soort_headers))
            c->col_soort = (long)f;
    }
    return choose_value_column(c, rec->line, diag);
}

static int on_scan(void *ctx, const sw_csv_record *rec, sw_diag *diag)
{
    reader *c = ctx;
    if (rec->index == 0)
        return read_header(c, rec, diag);
    size_t n = rec->nfields < c->nhdr ? rec->nfields : c->nhdr;
    if (c->col_code < 0)
        for (size_t f = 0; f < n; f++) {
            const char *s = rec->field[f];
            size_t len = rec->len[f];
            sw__trim(&s, &len);
            if (is_gm_cell(s, len))
                c->gm_count[f]++;
            else if (len > 0 && !is_digit(s[0]) && s[0] != '.' && s[0] != '-' &&
                     find_name(c->names, c->nnames, s, len))
                c->name_count[f]++;
        }
    if (c->col_period >= 0 && (size_t)c->col_period < n) {
        const char *s = rec->field[c->col_period];
        size_t len = rec->len[c->col_period];
        sw__trim(&s, &len);
        if (len > 0)
            return add_period(c, rec, s, len, diag);
    }
    return 0;
}

/* The region column: a plain file's `gemeentecode`, else the column of
 * `GMnnnn` cells, else the column of register names. */
static int choose_region_column(reader *c, sw_diag *diag)
{
    if (c->col_code >= 0) {
        c->col_region = c->col_code;
        return 0;
    }
    long best = -1;
    for (size_t f = 0; f < c->nhdr; f++)
        if (c->gm_count[f] > 0 && (best < 0 || c->gm_count[f] > c->gm_count[best]))
            best = (long)f;
    if (best >= 0) {
        c->col_region = best;
        c->strict_codes = true;
        return 0;
    }
    long known = -1;
    size_t nknown = 0;
    for (size_t f = 0; f < c->nhdr; f++) {
        if (c->name_count[f] == 0)
            continue;
        if (best < 0 || c->name_count[f] > c->name_count[best])
            best = (long)f;
        if (header_is(c->hdr[f], region_headers) && nknown++ == 0)
            known = (long)f;
    }
    if (best < 0) {
        char list[224];
        join(list, sizeof list, (const char *const *)c->hdr, c->nhdr, true);
        return sw_diag_add(diag, SW_EDATA, c->file, c->out->header_line, 1, NULL,
                           "no column holds gemeentecodes (GMnnnn) or names of gemeenten of "
                           "the register; the columns are: %s", list);
    }
    c->col_region = nknown == 1 ? known : best;
    c->out->by_name = true;
    return 0;
}

static void list_periods(char *out, size_t cap, const reader *c, int year)
{
    const char *item[SW_FIGURES_MAX_PERIODS];
    size_t n = 0;
    for (size_t i = 0; i < c->nperiods; i++)
        if (year == 0 || c->periods[i].year == year)
            item[n++] = c->periods[i].text;
    join(out, cap, item, n, false);
}

/* The period used: the only one, or the one `periode` names. */
static int choose_period(reader *c, sw_diag *diag)
{
    if (c->col_period < 0 || c->nperiods == 0)
        return 0;
    int want = c->opt->periode;
    char list[224], col[64];
    const char *cn = short_name(col, c->hdr[c->col_period]);
    long line = c->out->header_line, field = c->col_period + 1;
    size_t match = 0, at = 0;
    for (size_t i = 0; i < c->nperiods; i++)
        if (c->periods[i].year == want) {
            if (match++ == 0)
                at = i;
        }
    if (want == 0 && c->nperiods == 1) {
        at = 0;
    } else if (want == 0) {
        list_periods(list, sizeof list, c, 0);
        return sw_diag_add(diag, SW_EDATA, c->file, line, field, cn,
                           "the file holds %zu periods (%s); choose one with --periode YYYY",
                           c->nperiods, list);
    } else if (match == 0) {
        list_periods(list, sizeof list, c, 0);
        return sw_diag_add(diag, SW_EDATA, c->file, line, field, cn,
                           "--periode %d: the file holds no period of that year; it holds %s",
                           want, list);
    } else if (match > 1) {
        list_periods(list, sizeof list, c, want);
        return sw_diag_add(diag, SW_EDATA, c->file, line, field, cn,
                           "--periode %d matches %zu periods of the file (%s); this program "
                           "reads yearly figures", want, match, list);
    }
    c->chosen = c->periods[at].text;
    c->out->periode = c->periods[at].year;
    c->out->periode_text = sw__strndup(c->chosen, strlen(c->chosen));
    return c->out->periode_text ? 0 : SW_ENOMEM;
}

static void period_phrase(char *out, size_t cap, const reader *c)
{
    if (c->chosen)
        snprintf(out, cap, " for periode %s", c->chosen);
    else
        out[0] = '\0';
}

static int add_unmatched(reader *c, const char *s, size_t len)
{
    if (sw__reserve((void **)&c->unmatched, &c->unmatched_cap, c->nunmatched + 1,
                    sizeof *c->unmatched) != 0)
        return SW_ENOMEM;
    const char *copy = sw__arena_strndup(&c->arena, s, len);
    if (!copy)
        return SW_ENOMEM;
    c->unmatched[c->nunmatched++] = copy;
    return 0;
}

/* Finds the register gemeente of a row: *idx is its index, or -1 for a row
 * that is skipped (not a gemeente, or not one of the register). Returns 0,
 * or the error of a malformed region cell. */
static int region_of(reader *c, const sw_csv_record *rec, long *idx, sw_diag *diag)
{
    long f = c->col_region;
    const char *s = rec->field[f];
    size_t len = rec->len[f];
    sw__trim(&s, &len);
    char col[64];
    *idx = -1;
    if (!c->out->by_name) {
        int code;
        const char *why;
        if (c->strict_codes) {
            /* The country, provinces, wijken, buurten: not gemeenten. */
            if (!(len >= 2 && (s[0] == 'G' || s[0] == 'g') && (s[1] == 'M' || s[1] == 'm')))
                return 0;
            if (!is_gm_cell(s, len))
                return sw__cell_error(diag, SW_EDATA, c->file, rec, f, short_name(col, c->hdr[f]),
                                      "is not a gemeentecode (GM and four digits)");
        }
        if (sw_parse_gemeentecode(&code, s, len, &why) != 0)
            return sw__cell_error(diag, SW_EDATA, c->file, rec, f, short_name(col, c->hdr[f]), why);
        *idx = sw_register_find(c->reg, code);
        if (*idx < 0)
            c->unknown_code[code] = 1; /* a former gemeente, most likely */
        return 0;
    }
    if (len == 0 || (c->col_soort < 0 && evidently_not_gemeente(s, len)))
        return 0;
    const name_entry *e = find_name(c->names, c->nnames, s, len);
    if (!e)
        return add_unmatched(c, s, len);
    if (e->other >= 0)
        return sw__cell_error(diag, SW_EDATA, c->file, rec, f, short_name(col, c->hdr[f]),
                              "is the name of two gemeenten of the register; only a file with "
                              "gemeentecodes can tell them apart");
    *idx = e->idx;
    return 0;
}

static int duplicate(reader *c, const sw_csv_record *rec, const sw_figure *first, long idx,
                     sw_diag *diag)
{
    char col[64], per[80];
    const char *cn = short_name(col, c->hdr[c->col_region]);
    period_phrase(per, sizeof per, c);
    const sw_gemeente *g = &c->reg->gemeente[idx];
    if (!c->out->by_name)
        return sw_diag_add(diag, SW_EDATA, c->file, rec->line, c->col_region + 1, cn,
                           "gemeentecode GM%04d appears twice%s: on line %ld and on line %ld",
                           g->code, per, first->line, rec->line);
    return sw_diag_add(diag, SW_EDATA, c->file, rec->line, c->col_region + 1, cn,
                       "gemeente '%s' (GM%04d) appears twice%s: on line %ld and on line %ld%s",
                       g->naam, g->code, per, first->line, rec->line,
                       c->col_soort >= 0 ? ""
                                         : "; without codes a wijk or buurt can bear a "
                                           "gemeente's name: tick the region code or "
                                           "'Soort regio' in StatLine");
}

static int read_value(reader *c, const sw_csv_record *rec, sw_figure *fg, sw_diag *diag)
{
    long f = c->col_value;
    const char *s = rec->field[f];
    size_t len = rec->len[f];
    sw__trim(&s, &len);
    if (len == 0 || (len == 1 && s[0] == '.'))
        return 0; /* no value: CBS writes `.` for unknown and secret figures */
    char col[64], why[96];
    const char *cn = short_name(col, c->hdr[f]);
    const char *meaning = cbs_symbol(s, len);
    if (meaning) {
        snprintf(why, sizeof why, "is the CBS symbol for %s, not a number", meaning);
        return sw__cell_error(diag, SW_EDATA, c->file, rec, f, cn, why);
    }
    const char *reason;
    int r = c->kind == SW_FIGURE_SES ? sw__parse_ses(&fg->value, s, len, &reason)
                                     : sw_parse_count(&fg->value, s, len, &reason);
    if (r != 0)
        return sw__cell_error(diag, r, c->file, rec, f, cn, reason);
    fg->has_value = true;
    return 0;
}

static int on_collect(void *ctx, const sw_csv_record *rec, sw_diag *diag)
{
    reader *c = ctx;
    if (rec->index == 0)
        return 0;
    if (c->chosen) {
        const char *s = rec->field[c->col_period];
        size_t len = rec->len[c->col_period];
        sw__trim(&s, &len);
        if (strlen(c->chosen) != len || memcmp(c->chosen, s, len) != 0)
            return 0;
    }
    if (c->col_soort >= 0) {
        const char *s = rec->field[c->col_soort];
        size_t len = rec->len[c->col_soort];
        sw__trim(&s, &len);
        if (len > 0 && !fold_eq(s, len, "Gemeente"))
            return 0; /* Land, Provincie, Wijk, Buurt */
    }
    long idx;
    int rc = region_of(c, rec, &idx, diag);
    if (rc == SW_ENOMEM)
        return rc;
    if (rc != 0) {
        c->rc = rc;
        return 0;
    }
    if (idx < 0)
        return 0;
    sw_figure *fg = &c->out->figure[idx];
    if (fg->found) {
        c->rc = duplicate(c, rec, fg, idx, diag);
        return 0;
    }
    fg->found = true;
    fg->line = rec->line;
    c->out->nfound++;
    rc = read_value(c, rec, fg, diag);
    if (rc != 0)
        c->rc = rc;
    else if (fg->has_value)
        c->out->nvalues++;
    return 0;
}

static int by_text(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Fills the result's lists of what was skipped. */
static int list_skipped(reader *c)
{
    sw_figures *o = c->out;
    for (int code = 0; code < SW_GEMEENTE_CODES; code++)
        o->nskipped_codes += c->unknown_code[code];
    if (o->nskipped_codes) {
        o->skipped_code = malloc(o->nskipped_codes * sizeof *o->skipped_code);
        if (!o->skipped_code)
            return SW_ENOMEM;
        size_t k = 0;
        for (int code = 0; code < SW_GEMEENTE_CODES; code++)
            if (c->unknown_code[code])
                o->skipped_code[k++] = code;
    }
    if (c->nunmatched == 0)
        return 0;
    sw__sort(c->unmatched, c->nunmatched, sizeof *c->unmatched, by_text);
    size_t n = 1;
    for (size_t i = 1; i < c->nunmatched; i++)
        if (strcmp(c->unmatched[i], c->unmatched[n - 1]) != 0)
            c->unmatched[n++] = c->unmatched[i];
    o->nskipped_names = n;
    /* With a soort column every unmatched name was a gemeente's. Without
     * one, names outnumbering the gemeenten found are wijken and buurten:
     * a list of thousands of them would hide the few that matter. */
    o->skipped_names_listed = c->col_soort >= 0 || n <= o->nfound;
    if (!o->skipped_names_listed)
        return 0;
    o->skipped_name = calloc(n, sizeof *o->skipped_name);
    if (!o->skipped_name)
        return SW_ENOMEM;
    for (size_t i = 0; i < n; i++)
        if (!(o->skipped_name[i] = sw__strndup(c->unmatched[i], strlen(c->unmatched[i]))))
            return SW_ENOMEM;
    return 0;
}

static int build_names(reader *c)
{
    const sw_register *reg = c->reg;
    c->names = sw__array(reg->n, sizeof *c->names);
    if (!c->names)
        return SW_ENOMEM;
    for (size_t i = 0; i < reg->n; i++) {
        const char *s = reg->gemeente[i].naam;
        size_t len = strlen(s);
        sw__trim(&s, &len);
        c->names[i] = (name_entry){s, len, (long)i, -1};
    }
    sw__sort(c->names, reg->n, sizeof *c->names, by_folded_name);
    /* Equal names: each entry knows another, so a lookup sees the clash. */
    for (size_t i = 1; i < reg->n; i++)
        if (fold_cmp(c->names[i].name, c->names[i].len, c->names[i - 1].name,
                     c->names[i - 1].len) == 0) {
            c->names[i].other = c->names[i - 1].idx;
            c->names[i - 1].other = c->names[i].idx;
        }
    c->nnames = reg->n;
    return 0;
}

/* The checks on the whole period read. */
static int check_found(reader *c, sw_diag *diag)
{
    char col[64], per[80];
    period_phrase(per, sizeof per, c);
    sw_figures *o = c->out;
    if (o->nfound == 0)
        return sw_diag_add(diag, SW_EDATA, c->file, o->header_line, c->col_region + 1,
                           short_name(col, c->hdr[c->col_region]),
                           "no row%s is a gemeente of the register%s", per,
                           o->nskipped_codes   ? " (its gemeentecodes are of another indeling?)"
                           : o->nskipped_names ? " (no name in it is a gemeentenaam of the "
                                                 "register)"
                                               : "");
    if (o->nvalues == 0)
        return sw_diag_add(diag, SW_EDATA, c->file, o->header_line, c->col_value + 1,
                           short_name(col, c->hdr[c->col_value]),
                           "no gemeente of the register has a value in this column%s", per);
    return 0;
}

static void reader_free(reader *c)
{
    for (size_t i = 0; i < c->nhdr; i++)
        free(c->hdr[i]);
    free(c->hdr);
    free(c->gm_count);
    free(c->name_count);
    free(c->names);
    for (size_t i = 0; i < c->nperiods; i++)
        free(c->periods[i].text);
    free(c->periods);
    free(c->unknown_code);
    free(c->unmatched);
    sw__arena_free(&c->arena);
}

int sw_figures_load(sw_figures **out, const sw_register *reg, sw_figure_kind kind, const char *name,
                    const char *data, size_t len, const sw_figures_options *opt, sw_diag *diag)
{
    assert(out && reg && name && (data || len == 0));
    assert(kind == SW_FIGURE_SES || kind == SW_FIGURE_INWONERS);
    *out = NULL;
    sw_figures_options defaults = SW_FIGURES_OPTIONS_INIT;
    if (!opt)
        opt = &defaults;
    assert(opt->periode >= 0 && opt->periode <= 9999);

    reader c = {
        .reg = reg,
        .fn = &figure_kinds[kind],
        .kind = kind,
        .opt = opt,
        .file = name,
        .col_code = -1,
        .col_period = -1,
        .col_soort = -1,
        .col_value = -1,
        .col_region = -1,
    };
    sw_figures *o = calloc(1, sizeof *o);
    int rc = SW_ENOMEM;
    if (!o)
        goto done;
    c.out = o;
    o->kind = kind;
    o->n = reg->n;
    o->figure = calloc(reg->n ? reg->n : 1, sizeof *o->figure);
    o->file = sw__strndup(name, strlen(name));
    c.unknown_code = calloc(SW_GEMEENTE_CODES, 1);
    if (!o->figure || !o->file || !c.unknown_code || build_names(&c) != 0)
        goto done;
    for (size_t i = 0; i < reg->n; i++)
        o->figure[i].code = reg->gemeente[i].code;

    rc = sw_csv_read(name, data, len, opt->csv, on_scan, &c, diag);
    if (rc == 0)
        rc = choose_region_column(&c, diag);
    if (rc == 0)
        rc = choose_period(&c, diag);
    if (rc == 0)
        rc = sw_csv_read(name, data, len, opt->csv, on_collect, &c, diag);
    if (rc == 0)
        rc = c.rc;
    if (rc == 0)
        rc = list_skipped(&c);
    if (rc == 0)
        rc = check_found(&c, diag);
    if (rc == 0) {
        o->kolom = sw__strndup(c.hdr[c.col_value], strlen(c.hdr[c.col_value]));
        o->kolom_field = c.col_value;
        o->regio_kolom = sw__strndup(c.hdr[c.col_region], strlen(c.hdr[c.col_region]));
        o->regio_field = c.col_region;
        if (!o->kolom || !o->regio_kolom)
            rc = SW_ENOMEM;
    }
done:
    reader_free(&c);
    if (rc != 0) {
        sw_figures_free(o);
        return rc;
    }
    *out = o;
    return 0;
}

void sw_figures_free(sw_figures *f)
{
    if (!f)
        return;
    free(f->figure);
    free(f->file);
    free(f->kolom);
    free(f->regio_kolom);
    free(f->periode_text);
    free(f->skipped_code);
    if (f->skipped_name)
        for (size_t i = 0; i < f->nskipped_names; i++)
            free(f->skipped_name[i]);
    free(f->skipped_name);
    free(f);
}

/* Every register gemeente needs a population (§7.17): the message lists the
 * first 20 without one, so that a long list stays readable. */
static int missing_population(const sw_figures *f, size_t missing, sw_diag *diag)
{
    char codes[200], col[64], per[80];
    size_t o = 0, shown = 0;
    for (size_t i = 0; i < f->n && shown < 20; i++)
        if (!f->figure[i].has_value) {
            o += (size_t)snprintf(codes + o, sizeof codes - o, "%sGM%04d", shown ? ", " : "",
                                  f->figure[i].code);
            shown++;
        }
    if (missing > shown)
        snprintf(codes + o, sizeof codes - o, " and %zu more", missing - shown);
    if (f->periode_text)
        snprintf(per, sizeof per, " for periode %s", f->periode_text);
    else
        per[0] = '\0';
    return sw_diag_add(diag, SW_EDATA, f->file, f->header_line, f->kolom_field + 1,
                       short_name(col, f->kolom),
                       "%zu gemeente%s of the register ha%s no population in this file%s: %s; "
                       "every gemeente needs one", missing, missing == 1 ? "" : "n",
                       missing == 1 ? "s" : "ve", per, codes);
}

int sw_register_apply_figures(sw_register *reg, const sw_figures *f, sw_diag *diag)
{
    assert(reg && f && f->n == reg->n);
    for (size_t i = 0; i < reg->n; i++)
        assert(f->figure[i].code == reg->gemeente[i].code);
    if (f->kind == SW_FIGURE_INWONERS) {
        size_t missing = reg->n - f->nvalues;
        if (missing)
            return missing_population(f, missing, diag);
    }
    char *file = sw__strndup(f->file, strlen(f->file));
    if (!file)
        return SW_ENOMEM;
    for (size_t i = 0; i < reg->n; i++) {
        sw_gemeente *g = &reg->gemeente[i];
        const sw_figure *fg = &f->figure[i];
        if (f->kind == SW_FIGURE_SES) {
            /* The file replaces the column as a whole (§7.4): a gemeente
             * without a score in it has none, whatever the register said. */
            g->has_ses = fg->has_value;
            g->ses_micro = fg->has_value ? fg->value : 0;
            g->ses_line = fg->line;
        } else {
            g->inwoners = fg->value;
            g->inwoners_line = fg->line;
        }
    }
    char **slot = f->kind == SW_FIGURE_SES ? &reg->ses_file : &reg->inwoners_file;
    free(*slot);
    *slot = file;
    return 0;
}
