/* The xlsx module's one entry point (write_xlsx.c, built as
 * spreiding-xlsx.so and loaded by xlsx_module.c). */
#ifndef CLI_XLSX_H
#define CLI_XLSX_H

#include <stddef.h>

#include "spreiding/spreiding.h"

/* The name xlsx_module.c looks up in the module. */
#define CLI_XLSX_ENTRY "cli_xlsx_build"

/* Writes the report as a workbook to the file `path` (created or
 * truncated). Returns 0, SW_ENOMEM, or SW_EIO with a message (libxlsxwriter's
 * words) in `why` (cap bytes). libxlsxwriter may also print on stderr. */
typedef int cli_xlsx_build_fn(const sw_report *r, const sw_write_options *wo, const char *path,
                              char *why, size_t cap);
cli_xlsx_build_fn cli_xlsx_build;

#endif
