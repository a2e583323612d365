/* GET /healthz: for load balancers and monitoring. */
#include <json-c/json.h>

#include "api/api.h"
#include "core/log.h"
#include "domain/health.h"
#include "http/request.h"

/* 200 when PostgreSQL and Redis both answer, 503 naming what does not. */
void
health_get(struct req *r)
{
	struct json_object *o;
	struct health h;
	int ok;

	health_check(r->pg, r->rd, &h);
	ok = h.db_ok && h.redis_ok;
	if ((o = json_object_new_object()) == NULL) {
		resp_text(r, 500, "out of memory");
		return;
	}
	json_object_object_add(o, "status", json_object_new_string(ok ? "ok" : "unavailable"));
	json_object_object_add(o, "db", json_object_new_string(h.db_ok ? "ok" : "error"));
	json_object_object_add(o, "redis", json_object_new_string(h.redis_ok ? "ok" : "error"));
	json_object_object_add(o, "version", json_object_new_string(CONCORD_VERSION));
	if (h.db_ok)
		json_object_object_add(o, "schema", json_object_new_int64(h.schema));
	/* The details stay in the log: they name sockets and hosts. */
	if (!h.db_ok)
		log_warn("healthz: database: %s", h.db_error);
	if (!h.redis_ok)
		log_warn("healthz: redis: %s", h.redis_error);
	resp_json(r, ok ? 200 : 503, o);
	json_object_put(o);
}
