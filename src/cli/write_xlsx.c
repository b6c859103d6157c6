/* The Excel form through libxlsxwriter: real numbers with euro, percent and
 * decimal formats, a frozen header row and an autofilter on every table sheet,
 * and a sheet with the parameters and notes. Built only when libxlsxwriter is
 * found (meson option xlsx). */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli.h"

#ifdef SW_HAVE_XLSX
#include <xlsxwriter.h>

typedef struct formats {
    lxw_format *header, *euro, *percent, *dec4, *dec6, *integer;
} formats;

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Number of decimals a decimal text carries ("4.5000" → 4). */
static int decimals(const char *text)
{
    const char *dot = strchr(text, '.');
    return dot ? (int)strlen(dot + 1) : 0;
}

static void cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const sw_cell *v,
                 const char *column, const formats *f)
{
    switch (v->type) {
    case SW_CELL_EMPTY:
        break;
    case SW_CELL_INT:
        worksheet_write_number(ws, r, c, (double)v->i, f->integer);
        break;
    case SW_CELL_MONEY:
        worksheet_write_number(ws, r, c, (double)v->i / 100.0, f->euro);
        break;
    case SW_CELL_DECIMAL:
        if (ends_with(column, "_pct"))
            worksheet_write_number(ws, r, c, strtod(v->text, NULL) / 100.0, f->percent);
        else
            worksheet_write_number(ws, r, c, strtod(v->text, NULL),
                                   decimals(v->text) > 4 ? f->dec6
                                   : decimals(v->text) > 0 ? f->dec4 : f->integer);
        break;
    case SW_CELL_BOOL:
        worksheet_write_string(ws, r, c, v->i ? "ja" : "nee", NULL);
        break;
    case SW_CELL_TEXT:
    case SW_CELL_RATIO:
        worksheet_write_string(ws, r, c, v->text, NULL);
        break;
    }
}

static void table_sheet(lxw_workbook *wb, const sw_table *t, const formats *f)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, t->key);
    if (!ws)
        return;
    /* Exact fractions are text; the sheet carries the numbers (as CSV does). */
    lxw_col_t nc = 0;
    for (size_t c = 0; c < t->ncols; c++) {
        if (t->col[c].flags & SW_COL_JSON_ONLY)
            continue;
        size_t w = strlen(t->col[c].name);
        worksheet_write_string(ws, 0, nc, t->col[c].name, f->header);
        worksheet_set_column(ws, nc, nc, w < 12 ? 13 : (double)w + 2, NULL);
        for (size_t i = 0; i < t->nrows; i++)
            cell(ws, (lxw_row_t)(i + 1), nc, &t->cell[i * t->ncols + c], t->col[c].name, f);
        nc++;
    }
    worksheet_freeze_panes(ws, 1, 0);
    if (nc)
        worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->nrows, nc - 1);
}

static void parameter_sheet(lxw_workbook *wb, const sw_report *r, const formats *f)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, "parameters");
    if (!ws)
        return;
    worksheet_write_string(ws, 0, 0, "parameter", f->header);
    worksheet_write_string(ws, 0, 1, "waarde", f->header);
    worksheet_set_column(ws, 0, 0, 40, NULL);
    worksheet_set_column(ws, 1, 1, 80, NULL);
    lxw_row_t row = 1;
    worksheet_write_string(ws, row, 0, "titel", NULL);
    worksheet_write_string(ws, row++, 1, r->title, NULL);
    for (size_t i = 0; i < r->nmeta; i++, row++) {
        worksheet_write_string(ws, row, 0, r->meta[i].label, NULL);
        cell(ws, row, 1, &r->meta[i].value, r->meta[i].key, f);
    }
    for (size_t i = 0; i < r->nnotes; i++, row++) {
        worksheet_write_string(ws, row, 0, "let op", NULL);
        worksheet_write_string(ws, row, 1, r->notes[i], NULL);
    }
    worksheet_freeze_panes(ws, 1, 0);
}

int cli_write_xlsx(const sw_report *r, const char *path)
{
    char *tmp;
    int fd;
    int rc = cli_temp_begin(path, &tmp, &fd);
    if (rc != 0)
        return rc;
    close(fd); /* libxlsxwriter writes the file by name */
    lxw_workbook *wb = workbook_new(tmp);
    if (!wb) {
        cli_error("%s: cannot create the workbook", path);
        return cli_temp_end(tmp, path, EX_CANTCREAT);
    }
    formats f;
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    f.euro = workbook_add_format(wb);
    format_set_num_format(f.euro, "[$\xE2\x82\xAC-413] #,##0.00");
    f.percent = workbook_add_format(wb);
    format_set_num_format(f.percent, "0.00%");
    f.dec4 = workbook_add_format(wb);
    format_set_num_format(f.dec4, "0.0000");
    f.dec6 = workbook_add_format(wb);
    format_set_num_format(f.dec6, "0.000000");
    f.integer = workbook_add_format(wb);
    format_set_num_format(f.integer, "0");
    for (size_t t = 0; t < r->ntables; t++)
        table_sheet(wb, &r->table[t], &f);
    parameter_sheet(wb, r, &f);
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) {
        cli_error("%s: write error: %s", path, lxw_strerror(e));
        rc = EX_IOERR;
    }
    return cli_temp_end(tmp, path, rc);
}

#else

int cli_write_xlsx(const sw_report *r, const char *path)
{
    (void)r;
    (void)path;
    cli_error("this spreiding was built without libxlsxwriter: -f xlsx is not available");
    return EX_UNAVAILABLE;
}

#endif
