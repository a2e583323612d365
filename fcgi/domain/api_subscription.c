/* A CAD client's subscription to an incident it did not make
 * (domain/api_incident.h): the webhooks of sql/migrations/0046_cad_api.sql
 * go to the clients that made an incident or subscribed to it. */
#include <stdio.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/api_incident.h"
#include "domain/audit.h"
#include "domain/incident.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "api_subscribe",
	  "INSERT INTO api_subscription (client_id, incident_id) VALUES ($1, $2) "
	  "ON CONFLICT DO NOTHING" },
	{ "api_unsubscribe",
	  "DELETE FROM api_subscription WHERE client_id = $1 AND incident_id = $2" },
};

const struct pg_stmts api_subscription_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

enum api_change_result
api_subscription_set(struct pg *pg, struct arena *ar, const struct actor *a,
    long long client_id, const char *reference, int on)
{
	char cid[24], iid[24];
	const char *p[2] = { cid, iid };
	struct json_object *after;
	struct incident in;
	PGresult *res;
	int changed, failed;
	enum api_change_result rc;

	if ((rc = api_incident_begin(pg, ar, a, reference, &in)) != API_CHANGE_OK)
		return rc;
	snprintf(cid, sizeof(cid), "%lld", client_id);
	snprintf(iid, sizeof(iid), "%lld", in.id);
	if ((res = pg_exec(pg, on ? "api_subscribe" : "api_unsubscribe", 2, p)) == NULL)
		goto err;
	changed = PQcmdTuples(res)[0] == '1';
	PQclear(res);
	/* A subscription made twice, or ended when there was none, is no
	 * change: nothing to audit. */
	if (changed) {
		after = json_object_new_object();
		json_object_object_add(after, "client", json_object_new_int64(client_id));
		failed = audit_append(pg, a, "incident", iid, on ? "subscribe" :
		    "unsubscribe", NULL, after, NULL);
		json_object_put(after);
		if (failed == -1)
			goto err;
	}
	return pg_commit(pg) == 0 ? API_CHANGE_OK : API_CHANGE_ERROR;
err:
	pg_rollback(pg);
	return API_CHANGE_ERROR;
}
