/* spreiding cycle: an embedded cycle file, as the template a PRT fills in
 * once the official figures are published (its bron column says what each
 * value is and where it comes from; figures not known yet are empty). The
 * same file given back with --cycle-file gives the same results. */
#include <string.h>
#include <sysexits.h>

#include "cli.h"

int cmd_cycle(const cli_options *o)
{
    cli_run run;
    int rc = cli_load_run(&run, o); /* checks the file as any run would */
    if (rc == 0) {
        cli_output *out;
        rc = cli_output_open(&out, o->output);
        if (rc == 0) {
            sw_sink sink = cli_output_sink(out);
            int e = sink.write(sink.ctx, run.cycle_in.data, run.cycle_in.len);
            rc = cli_output_close(out, e ? EX_IOERR : 0);
        }
    }
    cli_run_free(&run);
    return rc;
}
