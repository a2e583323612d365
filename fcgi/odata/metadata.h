#ifndef ODATA_METADATA_H
#define ODATA_METADATA_H

#include <stddef.h>

#include "core/buf.h"
#include "odata/odata.h"

/* The feed's $metadata: CSDL XML (OData 4.0) for the given entity sets,
 * every property with its Core.Description, and Capabilities annotations
 * saying what the feed supports: read only, filter, sort, top, skip and
 * count; no expand, search or batch. Valid against the OASIS edmx.xsd.
 * 0, or -1 out of memory. */
int	odata_metadata_write(struct buf *, const struct odata_entity *const *sets,
	    size_t n);

/* The Edm type name of a column type ("Edm.Int64", ...). */
const char *odata_edm_type(enum odata_type);

#define ODATA_NAMESPACE		"Concord.Reporting"
#define ODATA_CONTAINER		"Reporting"

#endif
