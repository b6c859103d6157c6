/* The terminal form, for people: the warnings first, then the tables in
 * Dutch notation, then the parameters and sources. Widths count characters
 * (so Fryslân lines up). At a terminal the tables fit its width: text
 * columns wrap, secondary columns go, and what still does not fit continues
 * in a second band under the same key; a number is never split. Written to a
 * pipe or file (width 0) every row stays on one line. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spreiding/diag.h"
#include "spreiding/write.h"
#include "out.h"
#include "util.h"

/* Prose (notes, parameters) wraps here when there is no terminal. */
enum { PROSE = 78, MIN_TEXT = 12, GAP = 2 };

/* A parameter's value too long for its place beside the label starts a line
 * of its own, this far in (under the label, not mistaken for one); and so
 * does every value when the labels leave less than BESIDE characters of a
 * narrow terminal. */
enum { WORD_INDENT = 4, BESIDE = 30, LABEL_INDENT = 2 /* a label's second line */ };

static size_t width(const char *s)
{
    return sw_text_width(s, strlen(s));
}

static void pad(sw_out *o, size_t n)
{
    static const char spaces[] = "                                ";
    while (n > 0) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        sw__out_put(o, spaces, k);
        n -= k;
    }
}

/* "€ 1.500,00" and "74,99 %" are one word: a number is never split from
 * its unit. */
static bool glued(const char *s, size_t i)
{
    return (i >= 3 && memcmp(s + i - 3, "\xE2\x82\xAC", 3) == 0) || s[i + 1] == '%';
}

/* A letter, for breaking after a hyphen: ASCII or any byte of a UTF-8
 * sequence (Fryslân). */
static bool letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

/* A line may end after the hyphen at s[i] between two letters
 * ("Noord-|Holland"), never inside a number or a date ("2024-2025"). */
static bool hyphen_break(const char *s, size_t i)
{
    return s[i] == '-' && i > 0 && letter(s[i - 1]) && letter(s[i + 1]);
}

/* The next line of s that fits `w` characters, broken at a space. In a
 * `cell` of a table also after a hyphen between letters, and a word longer
 * than w is cut (the column is no wider); in prose a word longer than w
 * stands whole on its line (a digest, a file's name: to be copied), and a
 * hyphen stays ("largest-remainder" is a value to type). Returns the line's
 * length in bytes; *next is where the following line starts. */
static size_t line_of(const char *s, size_t w, bool cell, const char **next)
{
    size_t chars = 0, i = 0, end = 0, resume = 0;
    bool can_break = false;
    while (s[i]) {
        if (s[i] == ' ' && !glued(s, i)) {
            end = resume = i;
            can_break = true;
        }
        size_t k, cw = sw__next_width(s + i, strnlen(s + i, 4), &k);
        /* A wide character that does not fit goes to the next line, unless
         * it is the first: every line takes at least one character. */
        if (chars > 0 && chars + cw > w) {
            if (!can_break && cell)
                end = resume = i;
            else if (!can_break) {
                while (s[i] && (s[i] != ' ' || glued(s, i)))
                    i++;
                end = resume = i;
            }
            const char *n = s + resume;
            while (*n == ' ')
                n++;
            *next = n;
            return end;
        }
        if (cell && hyphen_break(s, i)) {
            end = resume = i + k;
            can_break = true;
        }
        chars += cw;
        i += k;
    }
    *next = s + i;
    return i;
}

/* Prose wrapped at w, continuation lines indented, `tail` (":") after its
 * last word. */
static void wrapped_with(sw_out *o, const char *s, size_t indent, size_t w, const char *tail)
{
    size_t room = w > indent + 10 ? w - indent : 10;
    room -= width(tail);
    bool first = true;
    while (*s) {
        const char *next;
        size_t n = line_of(s, room, false, &next);
        if (!first)
            pad(o, indent);
        sw__out_put(o, s, n);
        sw__out_printf(o, "%s\n", *next ? "" : tail);
        first = false;
        s = next;
    }
    if (first)
        sw__out_printf(o, "%s\n", tail);
}

static void wrapped(sw_out *o, const char *s, size_t indent, size_t w)
{
    wrapped_with(o, s, indent, w, "");
}

static bool numeric(sw_kind k)
{
    return k == SW_KIND_COUNT || k == SW_KIND_MONEY || k == SW_KIND_PERCENT || k == SW_KIND_SHARE ||
           k == SW_KIND_DECIMAL || k == SW_KIND_RATIO;
}

static bool wraps(const sw_column *c)
{
    return c->kind == SW_KIND_TEXT || c->kind == SW_KIND_NAME || (c->role & SW_ROLE_WIDE);
}

/* The layout of a grid: which columns, how wide, and room for one row's
 * texts. */
typedef struct grid {
    size_t n;       /* columns shown */
    size_t *col;    /* their indices */
    size_t *w;      /* their widths */
    size_t *natural;
    size_t *least; /* the narrowest a column is made: its longest word */
    const char **text, **rest;
    bool *right;
    char (*buf)[128];
} grid;

/* The widest piece of s that line_of never breaks (with `hyphens`, as in a
 * cell; a title is measured without, so that it breaks there only when its
 * column is narrower than it). */
static size_t longest_word(const char *s, bool hyphens)
{
    size_t best = 0, cur = 0, k;
    for (size_t i = 0; s[i]; i += k) {
        size_t cw = sw__next_width(s + i, strnlen(s + i, 4), &k);
        if (s[i] == ' ' && !glued(s, i)) {
            cur = 0;
            continue;
        }
        cur += cw;
        if (cur > best)
            best = cur;
        if (hyphens && hyphen_break(s, i))
            cur = 0;
    }
    return best;
}

static size_t total_width(const grid *g)
{
    size_t w = 0;
    for (size_t k = 0; k < g->n; k++)
        w += g->w[k] + (k ? GAP : 0);
    return w;
}

/* Row i of t (read into cells), the totals after the last row, then NULL;
 * NULL too on an error, in *rc. */
static const sw_value *row_at(const sw_table *t, size_t i, sw_value *cells, sw_scratch *s,
                              const sw_value *totals, int *rc)
{
    if (i < t->nrows)
        return (*rc = sw_table_row(t, i, cells, s)) == 0 ? cells : NULL;
    return i == t->nrows ? totals : NULL;
}

/* What measure() learns of a column beside its widths. */
typedef struct column_seen {
    bool any;  /* a value in some row */
    bool same; /* the same text in every row (the first row's is in buf) */
} column_seen;

/* The narrowest a wrapping column is made: its title's longest word, and
 * MIN_TEXT; a name or a short text is never cut inside a word, so its
 * cells' longest word too (long prose, WIDE, wraps at MIN_TEXT). */
static size_t narrowest(const sw_column *c, size_t cell_word)
{
    /* Real names have no word over 20 characters; a cell with a longer
     * one (a hostile register) is cut rather than make every row wider
     * than the terminal. */
    enum { LONGEST_WORD = 30 };
    size_t title = longest_word(c->title, false);
    size_t least = title > MIN_TEXT ? title : MIN_TEXT;
    if (cell_word > LONGEST_WORD)
        cell_word = LONGEST_WORD;
    if (!(c->role & SW_ROLE_WIDE) && cell_word > least)
        least = cell_word;
    return least;
}

/* Natural widths: the widest cell (and header word) of each column; the
 * least widths; and whether a column holds anything, and always the same. */
static int measure(const sw_table *t, grid *g, column_seen *seen, sw_value *cells, sw_scratch *s,
                   const sw_value *totals)
{
    for (size_t k = 0; k < g->n; k++) {
        g->natural[k] = longest_word(t->col[g->col[k]].title, false);
        g->least[k] = 0;
        seen[k] = (column_seen){.any = false, .same = true};
    }
    int rc = 0;
    const sw_value *row;
    for (size_t i = 0; (row = row_at(t, i, cells, s, totals, &rc)); i++) {
        for (size_t k = 0; k < g->n; k++) {
            char tmp[128];
            const sw_column *c = &t->col[g->col[k]];
            const char *text = sw_format_human(tmp, sizeof tmp, c, &row[g->col[k]]);
            size_t cw = width(text);
            if (cw > g->natural[k])
                g->natural[k] = cw;
            if (i == t->nrows)
                continue; /* the totals row */
            size_t word = longest_word(text, true);
            if (word > g->least[k])
                g->least[k] = word;
            seen[k].any = seen[k].any || row[g->col[k]].set;
            if (i == 0)
                snprintf(g->buf[k], sizeof g->buf[k], "%s", text);
            else if (strcmp(text, g->buf[k]) != 0)
                seen[k].same = false;
        }
    }
    if (totals && g->n > 0 && g->natural[0] < 6)
        g->natural[0] = 6; /* "Totaal" */
    for (size_t k = 0; k < g->n; k++) {
        /* A header wraps at its spaces; give it a second line rather than
         * make a narrow number column wide. */
        const sw_column *c = &t->col[g->col[k]];
        size_t tw = width(c->title);
        if (tw <= g->natural[k] + 4 && tw > g->natural[k])
            g->natural[k] = tw;
        g->w[k] = g->natural[k];
        g->least[k] = wraps(c) ? narrowest(c, g->least[k]) : g->natural[k];
        if (g->least[k] > g->natural[k])
            g->least[k] = g->natural[k];
    }
    return rc;
}

/* Narrows text columns, widest first, until the grid fits `room` or none can
 * give more: none below its least width. */
static void fit(grid *g, size_t room)
{
    while (total_width(g) > room) {
        size_t best = SIZE_MAX;
        for (size_t k = 0; k < g->n; k++)
            if (g->w[k] > g->least[k] && (best == SIZE_MAX || g->w[k] > g->w[best]))
                best = k;
        if (best == SIZE_MAX)
            return;
        size_t over = total_width(g) - room;
        size_t give = g->w[best] - g->least[best];
        g->w[best] -= give < over ? give : over;
    }
}

/* One table row: cells wrapped within their widths, numbers right-aligned. */
static void grid_row(sw_out *o, const grid *g)
{
    const char **rest = g->rest;
    const bool *right = g->right;
    for (size_t k = 0; k < g->n; k++)
        rest[k] = g->text[k];
    bool more = true;
    while (more) {
        more = false;
        size_t pending = 0;
        for (size_t k = 0; k < g->n; k++) {
            const char *next;
            size_t n = line_of(rest[k], g->w[k], true, &next);
            size_t cw = sw_text_width(rest[k], n);
            bool last = k + 1 == g->n;
            if (k > 0)
                pending += GAP;
            if (right[k]) {
                pad(o, pending + g->w[k] - cw);
                pending = 0;
                sw__out_put(o, rest[k], n);
            } else if (n > 0) {
                pad(o, pending);
                pending = 0;
                sw__out_put(o, rest[k], n);
                if (!last)
                    pending = g->w[k] - cw;
            } else {
                pending += g->w[k];
            }
            rest[k] = next;
            more = more || *next;
        }
        sw__out_puts(o, "\n");
    }
}

static void rule(sw_out *o, const grid *g)
{
    for (size_t k = 0; k < g->n; k++) {
        if (k)
            pad(o, GAP);
        for (size_t i = 0; i < g->w[k]; i++)
            sw__out_puts(o, "-");
    }
    sw__out_puts(o, "\n");
}

/* Prints rows 0..nrows of t (and the totals, when a column of g has one) in
 * the columns of g. */
static int print_grid(sw_out *o, const sw_table *t, const grid *g, sw_value *cells,
                      sw_scratch *s, const sw_value *totals)
{
    bool any_total = false;
    for (size_t k = 0; k < g->n; k++) {
        g->text[k] = t->col[g->col[k]].title;
        g->right[k] = numeric(t->col[g->col[k]].kind);
        any_total = any_total || (totals && totals[g->col[k]].set);
    }
    if (!any_total)
        totals = NULL;
    grid_row(o, g);
    rule(o, g);
    int rc = 0;
    const sw_value *row;
    for (size_t i = 0; (row = row_at(t, i, cells, s, totals, &rc)); i++) {
        if (i == t->nrows)
            rule(o, g);
        for (size_t k = 0; k < g->n; k++) {
            const sw_column *c = &t->col[g->col[k]];
            int places;
            sw_rounding rounding;
            sw_kind kind = sw_value_kind(c, &row[g->col[k]], &places, &rounding);
            g->text[k] = sw_format_human(g->buf[k], sizeof g->buf[k], c, &row[g->col[k]]);
            g->right[k] = numeric(kind);
            if (i == t->nrows && k == 0)
                g->text[k] = "Totaal";
        }
        grid_row(o, g);
        if (o->err)
            return o->err;
    }
    return rc;
}

/* A few rows too wide for the screen read better as blocks, one a row:
 * "Kolom: waarde" lines, the values aligned, like the parameters. */
enum { RECORD_ROWS = 5 };

static int record_table(sw_out *o, const sw_table *t, const grid *g, size_t room, sw_value *cells,
                        sw_scratch *s, const sw_value *totals)
{
    size_t lw = 0;
    for (size_t k = 0; k < g->n; k++)
        if (width(t->col[g->col[k]].title) > lw)
            lw = width(t->col[g->col[k]].title);
    int rc = 0;
    const sw_value *row;
    for (size_t i = 0; (row = row_at(t, i, cells, s, totals, &rc)); i++) {
        if (i > 0)
            sw__out_puts(o, "\n");
        for (size_t k = 0; k < g->n; k++) {
            const sw_column *c = &t->col[g->col[k]];
            char tmp[128];
            const char *v = i == t->nrows && k == 0
                                ? "Totaal"
                                : sw_format_human(tmp, sizeof tmp, c, &row[g->col[k]]);
            if (!v[0] && i == t->nrows)
                continue; /* a totals block shows only its totals */
            sw__out_printf(o, "%s:", c->title);
            pad(o, lw - width(c->title) + 1);
            wrapped(o, v[0] ? v : "-", lw + 2, room);
        }
    }
    return rc ? rc : o->err;
}

/* Columns from..n of g, after the key columns, that fit `room` side by side
 * at their natural widths (at least one); returns the end. */
static size_t band_end(const grid *g, size_t keys, size_t from, size_t room)
{
    size_t w = 0;
    for (size_t k = 0; k < keys; k++)
        w += g->natural[k] + (k ? GAP : 0);
    size_t k = from;
    while (k < g->n && (k == from || w + GAP + g->natural[k] <= room))
        w += GAP + g->natural[k++];
    return k;
}

/* What a reader looks for first when a table continues in bands: the
 * target, what counts, the verdict, progress and the answer; then the
 * figures that total; then the rest. */
static int importance(const sw_column *c)
{
    if (c->role &
        (SW_ROLE_TARGET | SW_ROLE_ACHIEVED | SW_ROLE_STATUS | SW_ROLE_PROGRESS | SW_ROLE_SUMMARY))
        return 0;
    return c->role & SW_ROLE_TOTAL ? 1 : 2;
}

static void swap(size_t *v, size_t a, size_t b)
{
    size_t x = v[a];
    v[a] = v[b];
    v[b] = x;
}

/* Columns from..n of g in order (stable: an insertion sort, a table has few
 * columns): `by_importance` for choosing the bands, else the table's own
 * order, within one. */
static void order_columns(const sw_table *t, grid *g, size_t from, bool by_importance)
{
    for (size_t i = from + 1; i < g->n; i++)
        for (size_t k = i; k > from; k--) {
            const sw_column *a = &t->col[g->col[k - 1]], *b = &t->col[g->col[k]];
            bool after = by_importance ? importance(a) > importance(b) : g->col[k - 1] > g->col[k];
            if (!after)
                break;
            swap(g->col, k - 1, k);
            swap(g->w, k - 1, k);
            swap(g->natural, k - 1, k);
            swap(g->least, k - 1, k);
        }
}

/* At a terminal, a column that says nothing row by row is left out: one
 * without a value in any row (the budget under the per-plaats grondslag),
 * and, in a table of selected rows (--provincie), a code or name that is
 * the same in every row ("PV26 Utrecht"), said once above the table
 * instead. Keys stay. */
static void leave_out(sw_out *o, const sw_table *t, grid *g, const column_seen *seen, size_t room)
{
    char said[512];
    size_t used = 0, kept = 0;
    said[0] = '\0';
    for (size_t k = 0; k < g->n; k++) {
        const sw_column *c = &t->col[g->col[k]];
        bool key = c->role & SW_ROLE_KEY;
        bool names =
            c->kind == SW_KIND_CODE || c->kind == SW_KIND_NAME || (c->role & SW_ROLE_PROVINCE);
        if (!key && t->index && names && seen[k].any && seen[k].same) {
            int n = snprintf(said + used, sizeof said - used, "%s%s %s", used ? ", " : "", c->title,
                             g->buf[k]);
            if (n > 0 && (size_t)n < sizeof said - used) {
                used += (size_t)n;
                continue;
            }
            said[used] = '\0'; /* no room to say it: the column stays */
        } else if (!key && !seen[k].any) {
            continue;
        }
        g->col[kept] = g->col[k];
        g->w[kept] = g->w[k];
        g->natural[kept] = g->natural[k];
        g->least[kept++] = g->least[k];
    }
    g->n = kept;
    if (used) {
        sw__out_puts(o, "In elke rij: ");
        wrapped(o, said, 2, room);
        sw__out_puts(o, "\n");
    }
}

static int grid_table(sw_out *o, const sw_table *t, size_t room, sw_value *cells, sw_scratch *s)
{
    size_t shown = 0;
    for (size_t c = 0; c < t->ncols; c++)
        shown += !(t->col[c].role & SW_ROLE_EXACT);
    grid g = {0};
    g.col = sw__calloc(shown, sizeof *g.col);
    g.w = sw__calloc(shown, sizeof *g.w);
    g.natural = sw__calloc(shown, sizeof *g.natural);
    g.least = sw__calloc(shown, sizeof *g.least);
    g.text = sw__calloc(shown, sizeof *g.text);
    g.rest = sw__calloc(shown, sizeof *g.rest);
    g.right = sw__calloc(shown, sizeof *g.right);
    g.buf = sw__calloc(shown, sizeof *g.buf);
    column_seen *seen = sw__calloc(shown, sizeof *seen);
    sw_value *totals = t->totals ? sw__calloc(t->ncols, sizeof *totals) : NULL;
    grid band = {0};
    band.col = sw__calloc(shown, sizeof *band.col);
    band.w = sw__calloc(shown, sizeof *band.w);
    band.natural = sw__calloc(shown, sizeof *band.natural);
    band.least = sw__calloc(shown, sizeof *band.least);
    int rc = g.col && g.w && g.natural && g.least && g.text && g.rest && g.right && g.buf && seen &&
                     (totals || !t->totals) && band.col && band.w && band.natural && band.least
                 ? 0
                 : SW_ENOMEM;
    for (size_t c = 0; rc == 0 && c < t->ncols && g.n < shown; c++)
        if (!(t->col[c].role & SW_ROLE_EXACT))
            g.col[g.n++] = c;
    if (rc == 0 && totals)
        rc = sw_table_totals(t, totals, s);
    if (rc == 0)
        rc = measure(t, &g, seen, cells, s, totals);
    /* A column without a value in any row has no total (not "€ 0,00"). */
    for (size_t k = 0; rc == 0 && totals && t->nrows > 0 && k < g.n; k++)
        if (!seen[k].any)
            totals[g.col[k]].set = false;
    if (rc == 0 && room && t->nrows > 0)
        leave_out(o, t, &g, seen, room);
    if (rc == 0 && room)
        fit(&g, room);
    size_t keys = 0;
    while (keys < g.n && (t->col[g.col[keys]].role & SW_ROLE_KEY))
        keys++;
    if (keys == 0)
        keys = 1;
    bool fits = !room || total_width(&g) <= room;
    if (rc == 0 && !fits && t->nrows <= RECORD_ROWS) {
        rc = record_table(o, t, &g, room, cells, s, totals);
        fits = true; /* written */
        g.n = 0;
    }
    /* Too wide even with its text wrapped: the columns continue in bands
     * that repeat the key, the most important first so that the answer is
     * in the first band; each band at natural widths and then fitted on its
     * own (a column is narrowed only as far as its own band needs), its
     * columns in the table's order. */
    if (!fits)
        order_columns(t, &g, keys, true);
    size_t from = keys;
    while (rc == 0 && g.n > 0) {
        size_t end = fits ? g.n : band_end(&g, keys, from, room);
        band.text = g.text;
        band.rest = g.rest;
        band.right = g.right;
        band.buf = g.buf;
        band.n = 0;
        for (size_t k = 0; k < g.n; k++)
            if (k < keys || (k >= from && k < end)) {
                band.col[band.n] = g.col[k];
                band.natural[band.n] = g.natural[k];
                band.least[band.n] = g.least[k];
                band.w[band.n++] = fits ? g.w[k] : g.natural[k];
            }
        if (!fits) {
            order_columns(t, &band, keys, false);
            fit(&band, room);
        }
        if (from > keys)
            sw__out_puts(o, "\n(vervolg)\n");
        rc = print_grid(o, t, &band, cells, s, totals);
        if (end >= g.n)
            break;
        from = end;
    }
    free(band.col);
    free(band.w);
    free(band.natural);
    free(band.least);
    free(g.col);
    free(g.w);
    free(g.natural);
    free(g.least);
    free(g.text);
    free(g.rest);
    free(g.right);
    free(g.buf);
    free(seen);
    free(totals);
    return rc;
}

/* One block a row: "  label: value", the explanation indented beneath. */
static int steps_table(sw_out *o, const sw_table *t, size_t room, sw_value *cells, sw_scratch *s)
{
    char group[128] = "";
    for (size_t i = 0; i < t->nrows; i++) {
        int rc = sw_table_row(t, i, cells, s);
        if (rc != 0)
            return rc;
        char a[128], b[128], v[128], x[128];
        const char *g = sw_format_human(a, sizeof a, &t->col[0], &cells[0]);
        if (strcmp(g, group) != 0) {
            snprintf(group, sizeof group, "%s", g);
            sw__out_printf(o, "%s%s\n", i ? "\n" : "", g);
        }
        const char *label = sw_format_human(b, sizeof b, &t->col[1], &cells[1]);
        const char *value = sw_format_human(v, sizeof v, &t->col[2], &cells[2]);
        sw__out_printf(o, "  %s: ", label);
        wrapped(o, value[0] ? value : "(leeg)", 4 + width(label), room);
        if (t->ncols > 3) {
            const char *why = sw_format_human(x, sizeof x, &t->col[3], &cells[3]);
            if (why[0]) {
                pad(o, 6);
                wrapped(o, why, 6, room);
            }
        }
    }
    return 0;
}

static const char *meta_value(const sw_meta *m, char *tmp, size_t cap)
{
    sw_column c = {.kind = m->kind, .places = -1};
    return m->human ? m->human : sw_format_human(tmp, cap, &c, &m->value);
}

/* A value with a word longer than the room after labels `lw` wide (a
 * SHA-256 digest, a file's name) starts on a line of its own, where the word
 * is written whole, to be copied and compared, even past the width. */
static bool own_line(const char *label, const char *v, size_t lw, size_t room)
{
    return width(label) > lw || longest_word(v, false) + lw + 2 > room;
}

static void meta_lines(sw_out *o, const sw_report *r, bool appendix, size_t room)
{
    /* The values line up after the longest label, of those whose value
     * stays beside it. */
    size_t all = 0, lw = 0;
    for (size_t i = 0; i < r->nmeta; i++)
        if (r->meta[i].appendix == appendix && width(r->meta[i].label) > all)
            all = width(r->meta[i].label);
    for (size_t i = 0; i < r->nmeta; i++) {
        char tmp[128];
        const sw_meta *m = &r->meta[i];
        if (m->appendix == appendix && width(m->label) > lw &&
            !own_line(m->label, meta_value(m, tmp, sizeof tmp), all, room))
            lw = width(m->label);
    }
    bool stacked = lw + 2 + BESIDE > room;
    for (size_t i = 0; i < r->nmeta; i++) {
        const sw_meta *m = &r->meta[i];
        if (m->appendix != appendix)
            continue;
        char tmp[128];
        const char *v = meta_value(m, tmp, sizeof tmp);
        if (stacked || own_line(m->label, v, lw, room)) {
            wrapped_with(o, m->label, LABEL_INDENT, room, ":");
            pad(o, WORD_INDENT);
            if (strchr(v, ' '))
                wrapped(o, v, WORD_INDENT, room);
            else
                sw__out_printf(o, "%s\n", v[0] ? v : "-");
            continue;
        }
        sw__out_printf(o, "%s:", m->label);
        pad(o, lw - width(m->label) + 1);
        wrapped(o, v[0] ? v : "-", lw + 2, room);
    }
}

static void notes(sw_out *o, const sw_report *r, sw_note_kind kind, const char *heading,
                  size_t room)
{
    bool any = false;
    for (size_t i = 0; i < r->nnotes; i++)
        if (r->note[i].kind == kind) {
            if (!any)
                sw__out_printf(o, "%s\n", heading);
            any = true;
            sw__out_puts(o, "- ");
            wrapped(o, r->note[i].text, 2, room);
        }
    if (any)
        sw__out_puts(o, "\n");
}

int sw_write_text(const sw_sink *sink, const sw_report *r, const sw_write_options *opt)
{
    assert(sink && r);
    sw_write_options none = SW_WRITE_OPTIONS_INIT;
    const sw_write_options *wo = opt ? opt : &none;
    for (const char *const *t = wo->tables; t && *t; t++)
        if (sw_report_table_index(r, *t) < 0)
            return SW_EUSAGE;
    size_t prose = wo->width ? wo->width - 2 : PROSE;
    if (wo->width && wo->width < 40)
        prose = 38;
    size_t maxcols = 0;
    for (size_t k = 0; k < r->ntables; k++)
        if (r->table[k].ncols > maxcols)
            maxcols = r->table[k].ncols;
    sw_out *o = sw__out_new(sink);
    sw_value *cells = sw__array(maxcols, sizeof *cells);
    sw_scratch *s = malloc(sizeof *s);
    int rc = o && cells && s ? 0 : SW_ENOMEM;
    if (rc == 0) {
        wrapped(o, r->title, 0, prose);
        size_t under = width(r->title) < prose ? width(r->title) : prose;
        for (size_t k = under; k > 0; k--)
            sw__out_puts(o, "=");
        sw__out_puts(o, "\n\n");
        if (r->scenario) {
            sw__out_puts(o, "SCENARIO: ");
            wrapped(o, r->scenario, 10, prose);
            sw__out_puts(o, "\n");
        }
        notes(o, r, SW_NOTE_WARNING, "Let op:", prose);
    }
    /* The answer first; how it was computed after it, as in the HTML
     * page's appendix. */
    bool first = true;
    for (size_t k = 0; rc == 0 && k < r->ntables; k++) {
        const sw_table *t = &r->table[k];
        if (!sw_write_options_wants(wo, t->key))
            continue;
        /* the title, the scenario and notes() end with a blank line; the
         * first table shown needs no other */
        sw__out_printf(o, "%s%s\n\n", first ? "" : "\n", t->title);
        first = false;
        rc = t->layout == SW_LAYOUT_STEPS ? steps_table(o, t, prose, cells, s)
                                          : grid_table(o, t, wo->width, cells, s);
    }
    if (rc == 0) {
        sw__out_puts(o, "\nParameters, bronnen en invoer\n-----------------------------\n\n");
        meta_lines(o, r, false, prose);
        sw__out_puts(o, "\n");
        notes(o, r, SW_NOTE_INFO, "Verder:", prose);
        meta_lines(o, r, true, prose);
    }
    free(cells);
    free(s);
    return sw__out_end(o, rc);
}
