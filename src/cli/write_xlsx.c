/* The Excel form through libxlsxwriter, for a finance officer who opens,
 * totals and prints it without touching it: one sheet per table with real
 * numbers in Dutch display formats (grouping, euro, percent), dates as dates,
 * readable titles with the CSV name beneath, widths from the content, text
 * left with a space before it, numbers right with room after them, yes/no
 * centred, a column without any value hidden, a frozen header and a filter,
 * totals as SUM formulas, landscape print fitted to the page width with the
 * header row repeated, each sheet's page header naming its table under the
 * report's title (and the scenario's mark), the source in the footer; a
 * sheet with the parameters and notes, each parameter a number, a date or
 * text by its kind. The document time is fixed, so the same input gives the
 * same file.
 *
 * This file is the xlsx module (spreiding-xlsx.so), built only when
 * libxlsxwriter is found (meson option xlsx) and loaded only for -f xlsx
 * (xlsx_module.c), so that the other forms never pay for loading
 * libxlsxwriter and zlib. It writes the workbook to a named file and says
 * nothing itself: what went wrong comes back as a code and a message. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "spreiding/spreiding.h"
#include "xlsx.h"

/* Decimals that get a number format of their own (0..9). An exact value
 * (places -1) is shown with the decimals it has; more than nine are in the
 * cell but shown to nine. */
enum { PLACES = 10 };

/* The number formats, one slot per kind and number of decimals. */
enum {
    S_COUNT,
    S_MONEY,
    S_DATE,
    S_TEXT,
    S_YESNO,
    S_PERCENT,                      /* + places */
    S_DECIMAL = S_PERCENT + PLACES, /* + places */
    NSLOTS = S_DECIMAL + PLACES
};

/* Where a value stands: a table cell, the totals row, or the parameters. */
typedef enum style { CELL, TOTAL, PARAM, NSTYLES } style;

/* How a column's title is aligned: over its values. */
typedef enum align { LEFT, RIGHT, CENTRE, NALIGNS } align;

/* Formats made when first asked for, so a workbook holds the ones it uses;
 * `failed` once one could not be made (an allocation). */
typedef struct formats {
    lxw_workbook *wb;
    bool failed;
    lxw_format *slot[NSLOTS][NSTYLES];
    lxw_format *header[NALIGNS];
    lxw_format *total_label, *banner, *label;
} formats;

/* 2024-02-01, the day the law came into force: the workbook's fixed time. */
#define FIXED_TIME ((time_t)1706745600)

/* Excel's own limit on a page header or footer, in characters (counted here
 * in bytes, which is never fewer). */
enum { HEADER_MAX = 255 };

/* A number ends a space short of its cell's right edge ("_-": the width of
 * a minus sign), so that it never runs into the text of the next column. */
#define PAD "_-"
#define EURO "[$\xE2\x82\xAC-413] #,##0.00" PAD

/* Columns of UTF-8 text, for column widths: a wide character takes two. */
static size_t chars(const char *s)
{
    return sw_text_width(s, strlen(s));
}

static lxw_format *made(formats *f, lxw_format *x)
{
    if (!x)
        f->failed = true;
    return x;
}

static int slot_of(sw_kind kind, int places)
{
    int p = places >= 0 && places < PLACES ? places : PLACES - 1;
    switch (kind) {
    case SW_KIND_COUNT: return S_COUNT;
    case SW_KIND_MONEY: return S_MONEY;
    case SW_KIND_DATE: return S_DATE;
    case SW_KIND_YESNO: return S_YESNO;
    case SW_KIND_PERCENT: return S_PERCENT + p;
    case SW_KIND_SHARE: return S_PERCENT + (p > 2 ? p - 2 : 0);
    case SW_KIND_DECIMAL: return S_DECIMAL + p;
    default: return S_TEXT;
    }
}

/* The number format of a slot: Dutch display through the workbook's
 * locale (grouping, decimal comma), the euro sign before the amount. */
static void number_format(char *out, size_t cap, int slot)
{
    switch (slot) {
    case S_COUNT: snprintf(out, cap, "#,##0" PAD); return;
    case S_MONEY: snprintf(out, cap, EURO); return;
    case S_DATE: snprintf(out, cap, "d-m-yyyy" PAD); return;
    case S_TEXT:
    case S_YESNO: snprintf(out, cap, "@"); return;
    default: break;
    }
    bool percent = slot < S_DECIMAL;
    int p = slot - (percent ? S_PERCENT : S_DECIMAL);
    static const char zeros[PLACES] = "000000000";
    snprintf(out, cap, "%s%s%.*s%s" PAD, percent ? "0" : "#,##0", p ? "." : "", p, zeros,
             percent ? "%" : "");
}

/* The format of a value of `slot` written as `st`: text left with a space
 * before it, yes/no centred, numbers right (with PAD); a total bold under
 * a rule; a parameter's value left beside its label, its text wrapped. */
static lxw_format *format_of(formats *f, int slot, style st)
{
    if (f->slot[slot][st])
        return f->slot[slot][st];
    lxw_format *x = made(f, workbook_add_format(f->wb));
    if (!x)
        return NULL;
    char num[32];
    number_format(num, sizeof num, slot);
    format_set_num_format(x, num);
    if (st == PARAM) {
        format_set_align(x, LXW_ALIGN_LEFT);
        format_set_indent(x, 1);
        format_set_align(x, LXW_ALIGN_VERTICAL_TOP);
        if (slot == S_TEXT)
            format_set_text_wrap(x);
    } else if (slot == S_YESNO) {
        format_set_align(x, LXW_ALIGN_CENTER);
    } else if (slot == S_TEXT) {
        format_set_align(x, LXW_ALIGN_LEFT);
        format_set_indent(x, 1);
    }
    if (st == TOTAL) {
        format_set_bold(x);
        format_set_top(x, LXW_BORDER_THIN);
    }
    return f->slot[slot][st] = x;
}

static align align_of(sw_kind kind)
{
    switch (kind) {
    case SW_KIND_COUNT:
    case SW_KIND_MONEY:
    case SW_KIND_PERCENT:
    case SW_KIND_DECIMAL:
    case SW_KIND_SHARE:
    case SW_KIND_DATE: return RIGHT;
    case SW_KIND_YESNO: return CENTRE;
    default: return LEFT;
    }
}

/* A decimal or percentage as the other forms show it (rounded to its
 * places, or exact), and the decimals that takes. */
static double decimal_value(const sw_column *c, const sw_value *v, int *places)
{
    char tmp[128];
    const char *text = sw_format_machine(tmp, sizeof tmp, c, v, '.');
    const char *dot = strchr(text, '.');
    *places = dot ? (int)strspn(dot + 1, "0123456789") : 0;
    return strtod(text, NULL);
}

/* A value as what it is: a number, a date or text, in the format of its
 * kind. A percentage is stored as the fraction a spreadsheet calculates
 * with (0,7823 shown as 78,23 %), rounded as the other forms show it. */
static lxw_error cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const sw_column *col,
                      const sw_value *v, formats *f, style st)
{
    if (!v->set)
        return LXW_NO_ERROR;
    int places;
    sw_rounding rounding;
    sw_kind kind = sw_value_kind(col, v, &places, &rounding);
    double number = 0;
    if (kind == SW_KIND_PERCENT || kind == SW_KIND_DECIMAL || kind == SW_KIND_SHARE)
        number = decimal_value(col, v, &places);
    lxw_format *x = format_of(f, slot_of(kind, places), st);
    if (!x)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    char tmp[128];
    switch (kind) {
    case SW_KIND_COUNT: return worksheet_write_number(ws, r, c, (double)v->i, x);
    case SW_KIND_MONEY: return worksheet_write_number(ws, r, c, (double)v->i / 100.0, x);
    case SW_KIND_PERCENT: return worksheet_write_number(ws, r, c, number / 100.0, x);
    case SW_KIND_DECIMAL:
    case SW_KIND_SHARE: return worksheet_write_number(ws, r, c, number, x);
    case SW_KIND_DATE: {
        lxw_datetime d = {(int)(v->i / 10000), (int)(v->i / 100 % 100), (int)(v->i % 100), 0, 0,
                          0};
        return worksheet_write_datetime(ws, r, c, &d, x);
    }
    case SW_KIND_YESNO:
        return worksheet_write_string(ws, r, c, sw_format_human(tmp, sizeof tmp, col, v), x);
    default:
        /* text as people read it: a KSO class in words, not its code */
        return worksheet_write_string(ws, r, c, sw_format_human(tmp, sizeof tmp, col, v), x);
    }
}

static const char *column_letters(lxw_col_t c, char out[8])
{
    char rev[8];
    int n = 0;
    c++;
    while (c > 0 && n < 7) {
        rev[n++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    for (int i = 0; i < n; i++)
        out[i] = rev[n - 1 - i];
    out[n] = '\0';
    return out;
}

/* The first error of a series of libxlsxwriter calls: each call's result
 * goes through keep(), and the series is judged once at its end. A write
 * that fails is an allocation that failed: the sheet lives in memory. */
static void keep(lxw_error *first, lxw_error e)
{
    if (*first == LXW_NO_ERROR)
        *first = e;
}

/* The verdict on a series: SW_ENOMEM for a failed allocation (some of
 * libxlsxwriter's paths report one as another error, such as "Error finding
 * internal string index", so errno, cleared when the workbook begins, has
 * the last word); any other
 * failure (a string over Excel's limit, say) is kept in *why, to be told
 * once stderr is ours again, and is SW_EIO. */
static int judge(lxw_error *why, lxw_error e)
{
    if (e == LXW_NO_ERROR)
        return 0;
    if (e == LXW_ERROR_MEMORY_MALLOC_FAILED || errno == ENOMEM)
        return SW_ENOMEM;
    keep(why, e);
    return SW_EIO;
}

/* The bytes of `s` in a page header: '&' starts a code there, so a literal
 * one is doubled. */
static size_t escaped_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '&' ? 2 : 1;
    return n;
}

/* Appends `s` to the header `out` at *o, escaped, up to byte `end`; what does
 * not fit is cut at a character and ends in "…". */
static void header_text(char *out, size_t *o, const char *s, size_t end)
{
    static const char ellipsis[] = "\xE2\x80\xA6";
    size_t cut = sizeof ellipsis - 1;
    size_t limit = *o + escaped_len(s) <= end ? end : end - cut;
    while (*s) {
        size_t k = 1;
        while ((((unsigned char)s[k]) & 0xC0) == 0x80)
            k++;
        if (*o + k + (*s == '&') > limit)
            break;
        if (*s == '&')
            out[(*o)++] = '&';
        memcpy(out + *o, s, k);
        *o += k;
        s += k;
    }
    if (*s && *o + cut <= end) {
        memcpy(out + *o, ellipsis, cut);
        *o += cut;
    }
    out[*o] = '\0';
}

static void header_code(char *out, size_t *o, const char *code)
{
    size_t n = strlen(code);
    memcpy(out + *o, code, n + 1);
    *o += n;
}

/* The page header and footer every sheet prints with: what is on the page
 * ("Provincies — Specifieke uitkering art. 9, cyclus 2024, peildatum
 * 1-7-2025") on every page, under the scenario's mark in a scenario. The
 * texts share Excel's limit: the scenario gets at least half of the room,
 * and all of what the title leaves. */
static void print_setup(lxw_error *e, lxw_worksheet *ws, const sw_report *r, const char *what,
                        lxw_row_t header_row)
{
    static const char left[] = "&L",
                      bold[] = "&\"-,Bold\"SCENARIO: ", regular[] = "&\"-,Regular\"\n",
                      dash[] = " \xE2\x80\x94 ", pages[] = "&R&P / &N";
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
    keep(e, worksheet_repeat_rows(ws, header_row, header_row));
    char head[HEADER_MAX + 1], foot[256];
    size_t o = 0;
    size_t title_end = HEADER_MAX - (sizeof pages - 1);
    size_t what_end = title_end - (sizeof dash - 1);
    header_code(head, &o, left);
    if (r->scenario) {
        size_t room = title_end - (sizeof left - 1) - (sizeof bold - 1) - (sizeof regular - 1) -
                      (what ? sizeof dash - 1 : 0);
        size_t title = escaped_len(r->title) + (what ? escaped_len(what) : 0);
        header_code(head, &o, bold);
        header_text(head, &o, r->scenario, o + room - (title < room / 2 ? title : room / 2));
        header_code(head, &o, regular);
    }
    if (what) {
        header_text(head, &o, what, what_end);
        header_code(head, &o, dash);
    }
    header_text(head, &o, r->title, title_end);
    header_code(head, &o, pages);
    snprintf(foot, sizeof foot, "&LBron: CBS (CC BY 4.0); berekend met spreiding %s",
             sw_version());
    keep(e, worksheet_set_header(ws, head));
    keep(e, worksheet_set_footer(ws, foot));
}

/* Room beside the widest text of a column, in characters: the space before
 * text, the pad after a number, and the bold of the header. */
enum { ROOM = 3, WIDEST = 60 };

static int table_sheet(lxw_error *why, lxw_workbook *wb, const sw_report *r, const sw_table *t,
                       formats *f)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, t->key);
    size_t n = t->ncols ? t->ncols : 1;
    sw_value *cells = calloc(n, sizeof *cells);
    size_t *width = calloc(n, sizeof *width);
    bool *any = calloc(n, sizeof *any);
    sw_scratch *s = malloc(sizeof *s);
    int rc = ws && cells && width && any && s ? 0 : SW_ENOMEM;
    lxw_error e = LXW_NO_ERROR;
    lxw_row_t top = r->scenario ? 2 : 0; /* a scenario is marked above the table */
    if (rc == 0 && r->scenario) {
        char banner[512];
        snprintf(banner, sizeof banner, "SCENARIO, geen stand: %s", r->scenario);
        keep(&e, worksheet_write_string(ws, 0, 0, banner, f->banner));
    }
    /* Widths from the content, and which columns hold anything: a first
     * pass over the rows. */
    for (size_t c = 0; rc == 0 && c < t->ncols; c++)
        width[c] = chars(t->col[c].title) > chars(t->col[c].name) + 2 ? chars(t->col[c].title)
                                                                      : chars(t->col[c].name) + 2;
    for (size_t k = 0; rc == 0 && k < t->nrows; k++) {
        rc = sw_table_row(t, k, cells, s);
        for (size_t c = 0; rc == 0 && c < t->ncols; c++) {
            char tmp[128];
            size_t w = chars(sw_format_human(tmp, sizeof tmp, &t->col[c], &cells[c]));
            if (w > width[c])
                width[c] = w;
            any[c] = any[c] || cells[c].set;
        }
    }
    /* A column without a value in any row (the budget under the per-plaats
     * grondslag, the SES-WOA without scores) is hidden, not left out: the
     * columns stay where the CSV has them, for a formula or a lookup that
     * counts on it, and print and screen show only what has values. */
    lxw_col_t nc = 0;
    for (size_t c = 0; rc == 0 && c < t->ncols; c++) {
        if (t->col[c].role & SW_ROLE_EXACT)
            continue; /* exact fractions are text; the sheet carries the numbers */
        char head[256];
        snprintf(head, sizeof head, "%s\n(%s)", t->col[c].title, t->col[c].name);
        keep(&e, worksheet_write_string(ws, top, nc, head, f->header[align_of(t->col[c].kind)]));
        lxw_row_col_options hide = {.hidden = t->nrows > 0 && !any[c]};
        keep(&e, worksheet_set_column_opt(ws, nc, nc,
                                          (double)(width[c] < WIDEST ? width[c] : WIDEST) + ROOM,
                                          NULL, &hide));
        nc++;
    }
    if (rc == 0)
        keep(&e, worksheet_set_row(ws, top, 30, NULL));
    for (size_t k = 0; rc == 0 && e == LXW_NO_ERROR && k < t->nrows; k++) {
        rc = sw_table_row(t, k, cells, s);
        lxw_col_t col = 0;
        for (size_t c = 0; rc == 0 && c < t->ncols; c++) {
            if (t->col[c].role & SW_ROLE_EXACT)
                continue;
            keep(&e, cell(ws, top + 1 + (lxw_row_t)k, col++, &t->col[c], &cells[c], f, CELL));
        }
    }
    /* The totals row: a SUM under each column to total that has values, the
     * rule across the whole row. */
    if (rc == 0 && t->totals && t->nrows > 0) {
        lxw_row_t tr = top + 1 + (lxw_row_t)t->nrows;
        rc = sw_table_totals(t, cells, s);
        lxw_col_t col = 0;
        for (size_t c = 0; rc == 0 && c < t->ncols; c++) {
            if (t->col[c].role & SW_ROLE_EXACT)
                continue;
            if ((t->col[c].role & SW_ROLE_TOTAL) && cells[c].set && any[c] && col > 0) {
                char letters[8], formula[64];
                column_letters(col, letters);
                snprintf(formula, sizeof formula, "=SUM(%s%u:%s%u)", letters, top + 2, letters,
                         tr);
                bool money = t->col[c].kind == SW_KIND_MONEY;
                lxw_format *x = format_of(f, money ? S_MONEY : S_COUNT, TOTAL);
                keep(&e, x ? worksheet_write_formula_num(ws, tr, col, formula, x,
                                                         money ? (double)cells[c].i / 100.0
                                                               : (double)cells[c].i)
                           : LXW_ERROR_MEMORY_MALLOC_FAILED);
            } else {
                keep(&e, col == 0 ? worksheet_write_string(ws, tr, 0, "Totaal", f->total_label)
                                  : worksheet_write_blank(ws, tr, col, f->total_label));
            }
            col++;
        }
    }
    if (rc == 0 && nc > 0) {
        worksheet_freeze_panes(ws, top + 1, 0);
        keep(&e, worksheet_autofilter(ws, top, 0, top + (lxw_row_t)t->nrows, nc - 1));
        print_setup(&e, ws, r, t->title, top);
    }
    free(cells);
    free(width);
    free(any);
    free(s);
    return rc != 0 ? rc : judge(why, e);
}

/* The parameters sheet: the value column's width, and the characters of its
 * wrapped text counted to a line (fewer than fit, so that a line broken at a
 * space early still has its row), for the row's height: no spreadsheet
 * program is sure to size a row to its wrapped text on opening. */
enum { VALUE_WIDTH = 100, VALUE_LINE = 100 };
#define LINE_HEIGHT 15.0 /* points: a line of the default font (Calibri 11) */

/* A parameter's text, as tall as its lines. */
static void param_text(lxw_error *e, lxw_worksheet *ws, lxw_row_t row, const char *s, lxw_format *x)
{
    size_t lines = (chars(s) + VALUE_LINE - 1) / VALUE_LINE;
    keep(e, worksheet_write_string(ws, row, 1, s, x));
    if (lines > 1)
        keep(e, worksheet_set_row(ws, row, LINE_HEIGHT * (double)lines, NULL));
}

/* The parameters: a number as a number (money in euro, a count grouped), a
 * date as a date, by the parameter's kind; text where people read words
 * (the parameter's `human`, yes/no, a fraction, a file's name). */
static int parameter_sheet(lxw_error *why, lxw_workbook *wb, const sw_report *r, formats *f)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, "parameters");
    if (!ws)
        return SW_ENOMEM;
    lxw_error e = LXW_NO_ERROR;
    lxw_format *text = format_of(f, S_TEXT, PARAM);
    if (!text)
        return SW_ENOMEM;
    keep(&e, worksheet_write_string(ws, 0, 0, "Parameter", f->header[LEFT]));
    keep(&e, worksheet_write_string(ws, 0, 1, "Waarde", f->header[LEFT]));
    keep(&e, worksheet_set_column(ws, 0, 0, 42, NULL));
    keep(&e, worksheet_set_column(ws, 1, 1, VALUE_WIDTH, NULL));
    lxw_row_t row = 1;
    if (r->scenario) {
        keep(&e, worksheet_write_string(ws, row, 0, "SCENARIO", f->banner));
        keep(&e, worksheet_write_string(ws, row++, 1, r->scenario, f->banner));
    }
    keep(&e, worksheet_write_string(ws, row, 0, "Titel", f->label));
    param_text(&e, ws, row++, r->title, text);
    for (size_t i = 0; i < r->nnotes; i++, row++) {
        keep(&e, worksheet_write_string(ws, row, 0,
                                        r->note[i].kind == SW_NOTE_WARNING ? "Let op" : "Opmerking",
                                        f->label));
        param_text(&e, ws, row, r->note[i].text, text);
    }
    for (size_t i = 0; i < r->nmeta; i++, row++) {
        const sw_meta *m = &r->meta[i];
        char tmp[128];
        sw_column c = {.kind = m->kind, .places = -1};
        keep(&e, worksheet_write_string(ws, row, 0, m->label, f->label));
        if (!m->human && m->value.set && align_of(m->kind) == RIGHT)
            keep(&e, cell(ws, row, 1, &c, &m->value, f, PARAM));
        else
            param_text(&e, ws, row,
                       m->human ? m->human : sw_format_human(tmp, sizeof tmp, &c, &m->value), text);
    }
    worksheet_freeze_panes(ws, 1, 0);
    print_setup(&e, ws, r, "Parameters", 0);
    return judge(why, e);
}

/* A title of a column: bold over a rule, wrapped (title over CSV name),
 * aligned as its values are. */
static lxw_format *header_format(formats *f, align a)
{
    lxw_format *x = made(f, workbook_add_format(f->wb));
    if (!x)
        return NULL;
    format_set_bold(x);
    format_set_text_wrap(x);
    format_set_bottom(x, LXW_BORDER_THIN);
    format_set_align(x, a == RIGHT    ? LXW_ALIGN_RIGHT
                        : a == CENTRE ? LXW_ALIGN_CENTER
                                      : LXW_ALIGN_LEFT);
    format_set_align(x, LXW_ALIGN_VERTICAL_BOTTOM);
    if (a == LEFT)
        format_set_indent(x, 1);
    return x;
}

const char cli_xlsx_version[] = SW_VERSION;

int cli_xlsx_build(const sw_report *r, const sw_write_options *wo, const char *path, char *why,
                   size_t cap)
{
    why[0] = '\0';
    errno = 0;
    lxw_workbook_options wopt = {.constant_memory = LXW_FALSE, .tmpdir = NULL};
    lxw_workbook *wb = workbook_new_opt(path, &wopt);
    char title[256];
    snprintf(title, sizeof title, "%s", r->title);
    lxw_doc_properties props = {.title = title, .author = (char *)(uintptr_t) "spreiding",
                                .created = FIXED_TIME};
    formats f = {.wb = wb};
    lxw_error failed = LXW_NO_ERROR;
    int rc = wb ? 0 : SW_ENOMEM;
    if (rc == 0 && workbook_set_properties(wb, &props) != LXW_NO_ERROR)
        rc = SW_ENOMEM;
    if (rc == 0) {
        for (int a = 0; a < NALIGNS; a++)
            f.header[a] = header_format(&f, (align)a);
        f.total_label = made(&f, workbook_add_format(wb));
        if (f.total_label) {
            format_set_bold(f.total_label);
            format_set_top(f.total_label, LXW_BORDER_THIN);
            format_set_indent(f.total_label, 1);
        }
        f.label = made(&f, workbook_add_format(wb));
        if (f.label) {
            format_set_align(f.label, LXW_ALIGN_VERTICAL_TOP);
            format_set_indent(f.label, 1);
        }
        f.banner = made(&f, workbook_add_format(wb));
        if (f.banner) {
            format_set_bold(f.banner);
            format_set_font_color(f.banner, LXW_COLOR_RED);
            format_set_align(f.banner, LXW_ALIGN_VERTICAL_TOP);
        }
        if (f.failed)
            rc = SW_ENOMEM;
    }
    for (size_t t = 0; rc == 0 && t < r->ntables; t++)
        if (sw_write_options_wants(wo, r->table[t].key))
            rc = table_sheet(&failed, wb, r, &r->table[t], &f);
    if (rc == 0)
        rc = parameter_sheet(&failed, wb, r, &f);
    lxw_error e = wb ? workbook_close(wb) : LXW_NO_ERROR;
    if (rc == 0)
        rc = judge(&failed, e);
    if (rc == SW_EIO)
        snprintf(why, cap, "%s", lxw_strerror(failed));
    return rc;
}
