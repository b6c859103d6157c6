#include "spreiding/spreiding.h"

const char *sw_version(void) { return SW_VERSION; }
