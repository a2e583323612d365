/* concordctl areas: the parts of import and locate (ctl/areas*.c). */
#ifndef CTL_AREAS_H
#define CTL_AREAS_H

#include <stdio.h>

struct config;
struct json_object;

#define AREAS_MAP_MAX	64
/* Overlaps and gaps smaller than this many m² are slivers: counted, not
 * listed (outlines drawn from different surveys meet only to within a
 * few metres; 100 m² is a 10 m square). */
#define AREAS_SLIVER_M2	100.0

int	areas_usage(void);

/* concordctl areas import ... (ctl/areas_import.c) */
int	areas_import(const struct config *, int argc, char *argv[]);

/* Prints what an import found (the JSON kept in area_import.report) for
 * a person to read; lists of overlaps and gaps are cut at max rows. */
void	areas_report_print(FILE *, struct json_object *report, int max);

#endif
