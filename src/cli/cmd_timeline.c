/* progress and report with --tijdlijn: the measurement counts every date of
 * the range in its one pass (options.c puts the dates in
 * sw_progress_options.steps); this builds its report. */
#include <string.h>

#include "cli.h"

bool cli_for_people(const cli_options *o)
{
    const char *f = o->format ? o->format : o->command == CMD_REPORT ? "html" : "table";
    return strcmp(f, "table") == 0 || strcmp(f, "md") == 0 || strcmp(f, "html") == 0;
}

int cli_timeline_report(sw_report **r, const cli_options *o, const sw_measurement *m,
                        const cli_run *run, const sw_report_context *ctx, sw_diag *diag)
{
    size_t gemeenten[CLI_MAX_LIST];
    for (size_t k = 0; k < o->ngemeente; k++) {
        const char *why;
        int code;
        long g = -1;
        if (sw_parse_gemeentecode(&code, o->gemeente_list[k], strlen(o->gemeente_list[k]), &why) ==
            0)
            g = sw_register_find(run->reg, code);
        if (g < 0)
            return sw_diag_add(diag, SW_EUSAGE, NULL, 0, 0, NULL,
                               "--gemeente: '%s' is not a gemeente of the register",
                               o->gemeente_list[k]);
        gemeenten[k] = (size_t)g;
    }
    sw_timeline_report_options to = {.tijdlijn = &o->tijdlijn,
                                     .gemeenten = gemeenten,
                                     .ngemeenten = o->ngemeente,
                                     .voor_mensen = cli_for_people(o),
                                     .kso = m->kso_series};
    return sw_report_timeline(r, m->progress, m->alloc, run->reg, run->cycle, ctx, &to, diag);
}
