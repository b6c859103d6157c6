/* The xlsx module's one entry point (write_xlsx.c, built as
 * spreiding-xlsx.so and loaded by xlsx_module.c). */
#ifndef CLI_XLSX_H
#define CLI_XLSX_H

#include <stddef.h>

#include "spreiding/spreiding.h"

/* The names xlsx_module.c looks up in the module: the writer, and the
 * version of spreiding it was built with (SW_VERSION), which must be the
 * program's. */
#define CLI_XLSX_ENTRY "cli_xlsx_build"
#define CLI_XLSX_VERSION "cli_xlsx_version"

/* Writes the report as a workbook to the file `path` (created or
 * truncated). Returns 0, SW_ENOMEM, or SW_EIO with a message (libxlsxwriter's
 * words) in `why` (cap bytes). libxlsxwriter may also print on stderr. */
typedef int cli_xlsx_build_fn(const sw_report *r, const sw_write_options *wo, const char *path,
                              char *why, size_t cap);
cli_xlsx_build_fn cli_xlsx_build;
extern const char cli_xlsx_version[];

#endif
