/* The writers the library has, by name: the CLI's -f picks from this table
 * (and adds its own, xlsx). */
#include <assert.h>
#include <string.h>

#include "spreiding/write.h"
#include "util.h"

static const sw_writer writers[] = {
    {"table", sw_write_text, true},
    {"csv", sw_write_csv, false},
    {"json", sw_write_json, false},
    {"md", sw_write_markdown, true},
    {"html", sw_write_html, true},
    {NULL, NULL, false},
};

const sw_writer *sw_writers(void) { return writers; }

const sw_writer *sw_writer_find(const char *name)
{
    assert(name);
    for (const sw_writer *w = writers; w->name; w++)
        if (strcmp(w->name, name) == 0)
            return w;
    return NULL;
}

bool sw_write_options_wants(const sw_write_options *o, const char *table)
{
    assert(o && table);
    if (!o->tables)
        return true;
    for (const char *const *t = o->tables; *t; t++)
        if (strcmp(*t, table) == 0)
            return true;
    return false;
}

size_t sw_text_width(const char *s, size_t n)
{
    assert(s || n == 0);
    size_t w = 0;
    for (size_t i = 0, k; i < n; i += k)
        w += sw__next_width(s + i, n - i, &k);
    return w;
}
