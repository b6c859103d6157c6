/* The Excel form through libxlsxwriter, for a finance officer who opens,
 * totals and prints it without touching it: one sheet per table with real
 * numbers in Dutch display formats (grouping, euro, percent), dates as dates,
 * readable titles with the CSV name beneath, widths from the content, a
 * frozen header and a filter, totals as SUM formulas, landscape print fitted
 * to the page width with the header row repeated and the scenario and the
 * source in the page header and footer; a sheet with the parameters and
 * notes. The document time is fixed, so the same input gives the same file.
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

typedef struct formats {
    lxw_format *header, *count, *euro, *percent, *dec[10], *exact, *date, *text, *total_label,
        *total_count, *total_euro, *banner;
} formats;

/* 2024-02-01, the day the law came into force: the workbook's fixed time. */
#define FIXED_TIME ((time_t)1706745600)

/* Characters of UTF-8 text, for column widths. */
static size_t chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static double decimal_value(const sw_column *c, const sw_value *v)
{
    char tmp[128];
    return strtod(sw_format_machine(tmp, sizeof tmp, c, v, '.'), NULL);
}

static lxw_error cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const sw_column *col,
                      const sw_value *v, const formats *f)
{
    if (!v->set)
        return LXW_NO_ERROR;
    int places;
    sw_rounding rounding;
    char tmp[128];
    switch (sw_value_kind(col, v, &places, &rounding)) {
    case SW_KIND_COUNT:
        return worksheet_write_number(ws, r, c, (double)v->i, f->count);
    case SW_KIND_MONEY:
        return worksheet_write_number(ws, r, c, (double)v->i / 100.0, f->euro);
    case SW_KIND_PERCENT:
        return worksheet_write_number(ws, r, c, decimal_value(col, v) / 100.0, f->percent);
    case SW_KIND_DECIMAL:
        return worksheet_write_number(ws, r, c, decimal_value(col, v),
                                      places >= 0 && places < 10 ? f->dec[places] : f->exact);
    case SW_KIND_DATE: {
        lxw_datetime d = {(int)(v->i / 10000), (int)(v->i / 100 % 100), (int)(v->i % 100), 0, 0,
                          0};
        return worksheet_write_datetime(ws, r, c, &d, f->date);
    }
    default:
        return worksheet_write_string(ws, r, c, sw_format_machine(tmp, sizeof tmp, col, v, ','),
                                      f->text);
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

/* The page header and footer every sheet prints with. */
static void print_setup(lxw_error *e, lxw_worksheet *ws, const sw_report *r,
                        lxw_row_t header_row)
{
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
    keep(e, worksheet_repeat_rows(ws, header_row, header_row));
    char head[512], foot[256];
    /* '&' starts a code in Excel's header syntax: a literal one is doubled. */
    char title[200];
    size_t o = 0;
    for (const char *s = r->scenario ? r->scenario : r->title; *s && o + 2 < sizeof title; s++) {
        if (*s == '&')
            title[o++] = '&';
        title[o++] = *s;
    }
    title[o] = '\0';
    snprintf(head, sizeof head, r->scenario ? "&L&\"-,Bold\"SCENARIO: %s&R&P / &N"
                                            : "&L%s&R&P / &N",
             title);
    snprintf(foot, sizeof foot, "&LBron: CBS (CC BY 4.0); berekend met spreiding %s",
             sw_version());
    keep(e, worksheet_set_header(ws, head));
    keep(e, worksheet_set_footer(ws, foot));
}

static int table_sheet(lxw_error *why, lxw_workbook *wb, const sw_report *r, const sw_table *t,
                       const formats *f)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, t->key);
    sw_value *cells = calloc(t->ncols ? t->ncols : 1, sizeof *cells);
    size_t *width = calloc(t->ncols ? t->ncols : 1, sizeof *width);
    sw_scratch *s = malloc(sizeof *s);
    int rc = ws && cells && width && s ? 0 : SW_ENOMEM;
    lxw_error e = LXW_NO_ERROR;
    lxw_row_t top = r->scenario ? 2 : 0; /* a scenario is marked above the table */
    if (rc == 0 && r->scenario) {
        char banner[512];
        snprintf(banner, sizeof banner, "SCENARIO, geen stand: %s", r->scenario);
        keep(&e, worksheet_write_string(ws, 0, 0, banner, f->banner));
    }
    /* Widths from the content: a first pass over the rows. */
    for (size_t c = 0; rc == 0 && c < t->ncols; c++)
        width[c] = chars(t->col[c].title) > chars(t->col[c].name) ? chars(t->col[c].title)
                                                                   : chars(t->col[c].name);
    for (size_t k = 0; rc == 0 && k < t->nrows; k++) {
        rc = sw_table_row(t, k, cells, s);
        for (size_t c = 0; rc == 0 && c < t->ncols; c++) {
            char tmp[128];
            size_t w = chars(sw_format_human(tmp, sizeof tmp, &t->col[c], &cells[c]));
            if (w > width[c])
                width[c] = w;
        }
    }
    lxw_col_t nc = 0;
    for (size_t c = 0; rc == 0 && c < t->ncols; c++) {
        if (t->col[c].role & SW_ROLE_EXACT)
            continue; /* exact fractions are text; the sheet carries the numbers */
        char head[256];
        snprintf(head, sizeof head, "%s\n(%s)", t->col[c].title, t->col[c].name);
        keep(&e, worksheet_write_string(ws, top, nc, head, f->header));
        keep(&e, worksheet_set_column(ws, nc, nc, (double)(width[c] < 60 ? width[c] : 60) + 3,
                                      NULL));
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
            keep(&e, cell(ws, top + 1 + (lxw_row_t)k, col++, &t->col[c], &cells[c], f));
        }
    }
    if (rc == 0 && t->totals && t->nrows > 0) {
        lxw_row_t tr = top + 1 + (lxw_row_t)t->nrows;
        rc = sw_table_totals(t, cells, s);
        keep(&e, worksheet_write_string(ws, tr, 0, "Totaal", f->total_label));
        lxw_col_t col = 0;
        for (size_t c = 0; rc == 0 && c < t->ncols; c++) {
            if (t->col[c].role & SW_ROLE_EXACT)
                continue;
            if ((t->col[c].role & SW_ROLE_TOTAL) && cells[c].set) {
                char letters[8], formula[64];
                column_letters(col, letters);
                snprintf(formula, sizeof formula, "=SUM(%s%u:%s%u)", letters, top + 2, letters,
                         tr);
                bool money = t->col[c].kind == SW_KIND_MONEY;
                keep(&e, worksheet_write_formula_num(ws, tr, col, formula,
                                                     money ? f->total_euro : f->total_count,
                                                     money ? (double)cells[c].i / 100.0
                                                           : (double)cells[c].i));
            }
            col++;
        }
    }
    if (rc == 0 && nc > 0) {
        worksheet_freeze_panes(ws, top + 1, 0);
        keep(&e, worksheet_autofilter(ws, top, 0, top + (lxw_row_t)t->nrows, nc - 1));
        print_setup(&e, ws, r, top);
    }
    free(cells);
    free(width);
    free(s);
    return rc != 0 ? rc : judge(why, e);
}

static int parameter_sheet(lxw_error *why, lxw_workbook *wb, const sw_report *r, const formats *f)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, "parameters");
    if (!ws)
        return SW_ENOMEM;
    lxw_error e = LXW_NO_ERROR;
    keep(&e, worksheet_write_string(ws, 0, 0, "Parameter", f->header));
    keep(&e, worksheet_write_string(ws, 0, 1, "Waarde", f->header));
    keep(&e, worksheet_set_column(ws, 0, 0, 42, NULL));
    keep(&e, worksheet_set_column(ws, 1, 1, 100, f->text));
    lxw_row_t row = 1;
    if (r->scenario) {
        keep(&e, worksheet_write_string(ws, row, 0, "SCENARIO", f->banner));
        keep(&e, worksheet_write_string(ws, row++, 1, r->scenario, f->banner));
    }
    keep(&e, worksheet_write_string(ws, row, 0, "Titel", NULL));
    keep(&e, worksheet_write_string(ws, row++, 1, r->title, NULL));
    for (size_t i = 0; i < r->nnotes; i++, row++) {
        keep(&e, worksheet_write_string(
                     ws, row, 0, r->note[i].kind == SW_NOTE_WARNING ? "Let op" : "Opmerking", NULL));
        keep(&e, worksheet_write_string(ws, row, 1, r->note[i].text, f->text));
    }
    for (size_t i = 0; i < r->nmeta; i++, row++) {
        char tmp[128];
        sw_column c = {.kind = r->meta[i].kind, .places = -1};
        keep(&e, worksheet_write_string(ws, row, 0, r->meta[i].label, NULL));
        keep(&e, worksheet_write_string(ws, row, 1,
                                        r->meta[i].human ? r->meta[i].human
                                                         : sw_format_human(tmp, sizeof tmp, &c,
                                                                           &r->meta[i].value),
                                        f->text));
    }
    worksheet_freeze_panes(ws, 1, 0);
    print_setup(&e, ws, r, 0);
    return judge(why, e);
}

static lxw_format *format(lxw_workbook *wb, const char *num, bool bold, bool border)
{
    lxw_format *f = workbook_add_format(wb);
    if (f && num)
        format_set_num_format(f, num);
    if (f && bold)
        format_set_bold(f);
    if (f && border)
        format_set_top(f, LXW_BORDER_THIN);
    return f;
}

static bool wanted(const sw_write_options *o, const char *key)
{
    if (!o->tables)
        return true;
    for (const char *const *t = o->tables; *t; t++)
        if (strcmp(*t, key) == 0)
            return true;
    return false;
}

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
    formats f = {0};
    lxw_error failed = LXW_NO_ERROR;
    int rc = wb ? 0 : SW_ENOMEM;
    if (rc == 0 && workbook_set_properties(wb, &props) != LXW_NO_ERROR)
        rc = SW_ENOMEM;
    if (rc == 0) {
        f.header = format(wb, NULL, true, false);
        if (f.header) {
            format_set_text_wrap(f.header);
            format_set_bottom(f.header, LXW_BORDER_THIN);
            format_set_align(f.header, LXW_ALIGN_VERTICAL_BOTTOM);
        }
        f.count = format(wb, "#,##0", false, false);
        f.euro = format(wb, "[$\xE2\x82\xAC-413] #,##0.00", false, false);
        f.percent = format(wb, "0.00%", false, false);
        static const char *const dec[10] = {"0", "0.0", "0.00", "0.000", "0.0000", "0.00000",
                                            "0.000000", "0.0000000", "0.00000000", "0.000000000"};
        for (int i = 0; i < 10; i++)
            f.dec[i] = format(wb, dec[i], false, false);
        f.exact = format(wb, "0.######", false, false);
        f.date = format(wb, "d-m-yyyy", false, false);
        f.text = format(wb, "@", false, false);
        f.total_label = format(wb, NULL, true, true);
        f.total_count = format(wb, "#,##0", true, true);
        f.total_euro = format(wb, "[$\xE2\x82\xAC-413] #,##0.00", true, true);
        f.banner = format(wb, NULL, true, false);
        if (f.banner)
            format_set_font_color(f.banner, LXW_COLOR_RED);
        bool ok = f.header && f.count && f.euro && f.percent && f.exact && f.date && f.text &&
                  f.total_label && f.total_count && f.total_euro && f.banner;
        for (int i = 0; i < 10; i++)
            ok = ok && f.dec[i];
        if (!ok)
            rc = SW_ENOMEM;
    }
    for (size_t t = 0; rc == 0 && t < r->ntables; t++)
        if (wanted(wo, r->table[t].key))
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
