/* The feed's service document and $metadata: what a key may read, the
 * entity sets its scopes name and nothing else, so Power BI's navigator
 * offers only tables that will load. */
#include <string.h>

#include <json-c/json.h>

#include "api/odata_feed.h"
#include "core/buf.h"
#include "core/config.h"
#include "http/request.h"
#include "http/response.h"
#include "odata/entities.h"
#include "odata/json_out.h"
#include "odata/metadata.h"

/* The key's entity sets into sets (odata_entities_n long). */
static size_t
readable(const struct req *r, const struct odata_entity **sets)
{
	size_t i, n = 0;

	for (i = 0; i < odata_entities_n; i++)
		if (odata_may_read(r, odata_entities[i].scope))
			sets[n++] = &odata_entities[i];
	return n;
}

void
odata_service_get(struct req *r)
{
	const struct odata_entity *sets[64];
	struct buf *b = r->resp.body;
	size_t i, n = readable(r, sets);

	buf_reset(b);
	buf_puts(b, "{\"@odata.context\":");
	odata_json_string(b, arena_printf(r->arena, "%s/odata/v4/$metadata", r->cfg->public_url));
	buf_puts(b, ",\"value\":[");
	for (i = 0; i < n; i++) {
		buf_puts(b, i > 0 ? ",{\"name\":" : "{\"name\":");
		odata_json_string(b, sets[i]->set);
		buf_puts(b, ",\"kind\":\"EntitySet\",\"url\":");
		odata_json_string(b, sets[i]->set);
		buf_putc(b, '}');
	}
	buf_puts(b, "]}\n");
	if (b->oom)
		return odata_refuse(r, 503);
	r->resp.status = 200;
	r->resp.content_type = ODATA_JSON_TYPE;
	odata_version_header(r);
}

void
odata_metadata_get(struct req *r)
{
	const struct odata_entity *sets[64];
	const char *format = req_query(r, "$format");
	size_t n = readable(r, sets);

	if (format != NULL && strcmp(format, "xml") != 0 &&
	    strcmp(format, "application/xml") != 0)
		return odata_error_send(r, 501, "not_supported", "$metadata is "
		    "written as CSDL XML only: leave $format out, or give xml.", "$format");
	buf_reset(r->resp.body);
	if (odata_metadata_write(r->resp.body, sets, n) == -1)
		return odata_refuse(r, 503);
	r->resp.status = 200;
	r->resp.content_type = "application/xml";
	odata_version_header(r);
}

/* GET /odata/concord.pbids: Power BI Desktop's connection file for the
 * feed (a double-click opens Power BI at the feed, which then asks for the
 * user name and key). Public: it holds the address only. */
void
odata_pbids_get(struct req *r)
{
	struct json_object *o = json_object_new_object(), *conns = json_object_new_array(),
	    *c = json_object_new_object(), *details = json_object_new_object(),
	    *address = json_object_new_object();
	const char *url = arena_printf(r->arena, "%s/odata/v4/", r->cfg->public_url);

	if (o == NULL || conns == NULL || c == NULL || details == NULL || address == NULL ||
	    url == NULL) {
		json_object_put(o);
		json_object_put(conns);
		json_object_put(c);
		json_object_put(details);
		json_object_put(address);
		return odata_refuse(r, 503);
	}
	json_object_object_add(address, "url", json_object_new_string(url));
	json_object_object_add(details, "protocol", json_object_new_string("odata"));
	json_object_object_add(details, "address", address);
	json_object_object_add(c, "details", details);
	json_object_object_add(c, "options", json_object_new_object());
	json_object_object_add(c, "mode", json_object_new_string("Import"));
	json_object_array_add(conns, c);
	json_object_object_add(o, "version", json_object_new_string("0.1"));
	json_object_object_add(o, "connections", conns);
	resp_json(r, 200, o);
	json_object_put(o);
	resp_header(r, "Content-Disposition", "attachment; filename=\"concord.pbids\"");
}
