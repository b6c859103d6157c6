/* spreiding map: the map of a run as a standalone SVG, for slides and memos;
 * and the map a report is drawn on (the embedded boundaries, or --kaart). */
#include <string.h>
#include <sysexits.h>

#include "cli.h"
#include "map_data.h"

int cli_load_map(sw_map **map, const cli_options *o, const sw_register *reg)
{
    sw_diag diag = {0};
    int e;
    if (o->kaart) {
        cli_input in;
        int rc = cli_read_input(&in, o->kaart, NULL);
        if (rc != 0)
            return rc;
        e = sw_map_load_geojson(map, in.name, in.data, in.len, reg, &diag);
        cli_input_free(&in);
    } else {
        e = sw_map_from_data(map, &sw_map_data_2025, &diag);
    }
    if (e != 0)
        return cli_fail(e, &diag);
    /* Shapes and gemeenten are joined by code; what does not match is said,
     * never dropped in silence. */
    sw_map_joined j;
    e = sw_map_join(&j, *map, reg);
    if (e != 0)
        return cli_fail(e, NULL);
    sw_buf notes = {0};
    sw_map_joined_notes(&notes, &j);
    for (char *line = notes.data; line && *line;) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        cli_error("note: %s", line);
        line = end ? end + 1 : line + strlen(line);
    }
    sw_buf_free(&notes);
    sw_map_joined_free(&j);
    return 0;
}

int cmd_map(const cli_options *o)
{
    sw_map_request q = {.level = SW_MAP_PROVINCIES, .standalone = true};
    if (o->niveau && strcmp(o->niveau, "gemeente") == 0)
        q.level = SW_MAP_GEMEENTEN;
    else if (o->niveau && strcmp(o->niveau, "provincie") != 0) {
        cli_error("--niveau: '%s' is not one of provincie|gemeente", o->niveau);
        return EX_USAGE;
    }
    static const char *const maten[] = {"", "opgave", "geteld", "voortgang", "bedrag"};
    for (int k = 1; o->maat && k < 5; k++)
        if (strcmp(o->maat, maten[k]) == 0)
            q.maat = (sw_map_maat)k;
    if (o->maat && q.maat == SW_MAAT_AUTO) {
        cli_error("--maat: '%s' is not one of opgave|geteld|voortgang|bedrag", o->maat);
        return EX_USAGE;
    }
    cli_run run;
    cli_input loc_in = {0};
    cli_lists lists;
    sw_map *map = NULL;
    sw_measurement *m = NULL;
    sw_diag diag = {0};
    sw_measure_options mo;
    int rc = cli_load_run(&run, o);
    if (rc == 0)
        rc = cli_load_map(&map, o, run.reg);
    if (rc == 0) {
        int e = cli_measure_options(&mo, &lists, o, &run, &diag);
        mo.with_grants = q.maat == SW_MAAT_BEDRAG;
        rc = e ? cli_fail(e, &diag) : cli_measure_run(&m, &loc_in, o, &run, NULL, &mo, &diag);
    }
    q.provincie = run.provincie;
    /* One province is drawn by its gemeenten, unless --niveau asks for the
     * province itself: then say what that shows. */
    if (rc == 0 && run.provincie && !o->niveau)
        q.level = SW_MAP_GEMEENTEN;
    else if (rc == 0 && run.provincie && q.level == SW_MAP_PROVINCIES)
        cli_error("note: --niveau provincie: the map shows %s as one shape, its neighbours in "
                  "outline; without --niveau it shows its gemeenten",
                  sw_cycle_find_provincie(run.cycle, run.provincie)->naam);
    sw_buf svg = {0};
    if (rc == 0) {
        int e = sw_report_map(&svg, map, o->locaties ? m->progress : NULL, m->grants, m->opgave,
                              run.reg, run.cycle, &q, &diag);
        rc = e ? cli_fail(e, &diag) : 0;
    }
    if (rc == 0) {
        cli_output *out;
        rc = cli_output_open(&out, o->output);
        if (rc == 0) {
            sw_sink sink = cli_output_sink(out);
            int w = sink.write(sink.ctx, svg.data, svg.len);
            rc = cli_output_close(out, w ? EX_IOERR : 0);
        }
    }
    sw_buf_free(&svg);
    sw_measurement_free(m);
    sw_map_free(map);
    cli_input_free(&loc_in);
    cli_run_free(&run);
    return rc;
}
