#ifndef ODATA_ENTITIES_H
#define ODATA_ENTITIES_H

#include <stddef.h>

#include "odata/odata.h"

/* The feed's entity sets: one a reporting view
 * (sql/migrations/0056_reporting_views.sql), its columns the whitelist a
 * query may name, each documented as the view's COMMENT says.
 * tests/integration/test_odata_feed.py checks these against the views. */

extern const struct odata_entity odata_entities[];
extern const size_t odata_entities_n;

/* The entity set called set (case-sensitive, as OData names are), or NULL. */
const struct odata_entity *odata_entity_find(const char *set);
/* The entity whose view (its scope) is view, or NULL. */
const struct odata_entity *odata_entity_by_view(const char *view);

#endif
