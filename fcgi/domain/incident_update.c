/* Updates on an incident: what staff write about it, shared with the
 * people who reported it or kept internal, and the shared update a status
 * change writes in plain words. Reporters who asked for email updates get
 * one email per address for each shared update, through the outbox, in the
 * same transaction as the update. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/log.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/incident.h"
#include "domain/incident_update.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "incident_update_insert",
	  "INSERT INTO incident_update (incident_id, text, public, created_by, for_cad) "
	  "VALUES ($1, $2, $3::boolean, nullif($4, '0')::bigint, $5::boolean)" },
	{ "incident_update_list",
	  "SELECT to_char(u.at AT TIME ZONE 'Europe/London', "
	  "'FMDD Mon YYYY \"at\" HH24:MI'), u.text, u.public, "
	  "coalesce(p.name || ', ' || a.name, '') "
	  "FROM incident_update u LEFT JOIN app_user p ON p.id = u.created_by "
	  "LEFT JOIN agency a ON a.id = p.agency_id "
	  "WHERE u.incident_id = $1 ORDER BY u.at DESC, u.id DESC LIMIT 500" },
	/* One row per address of the reporters who asked for updates: a report
	 * of theirs and their own references. The address stays in the
	 * database: incident_update_mail queues the email to it
	 * (sql/migrations/0018_definer_rls_outbox.sql). */
	{ "incident_update_recipients",
	  "SELECT report_id, refs FROM incident_update_recipients($1)" },
	{ "incident_update_mail",
	  "SELECT incident_update_mail($1, $2, $3)" },
};

const struct pg_stmts incident_update_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

/* Each status as a reporter reads it: `words` on their tracking page,
 * `news` as the update a change to it writes. */
static const struct {
	const char *code, *words, *news;
} plain[] = {
	{ "new", "Received: we have your report and will look at it soon",
	  "We have your report and will look at it soon." },
	{ "open", "Being looked at by our team",
	  "Our team is looking at your report." },
	{ "allocated", "Passed to the team who will deal with it",
	  "We have passed your report to the team who will deal with it." },
	{ "in_progress", "Being dealt with",
	  "We have started working on this." },
	{ "monitoring", "We are keeping an eye on it",
	  "We are keeping an eye on this to see whether it happens again." },
	{ "closed", "Closed",
	  "We have closed this case. If it happens again, please report it again." },
};

static int
plain_find(const char *status)
{
	size_t i;

	for (i = 0; status != NULL && i < sizeof(plain) / sizeof(plain[0]); i++)
		if (strcmp(status, plain[i].code) == 0)
			return (int)i;
	return -1;
}

/* A status in plain words, for the people who reported it. */
const char *
incident_status_words(const char *status)
{
	int i = plain_find(status);

	return i >= 0 ? plain[i].words : status != NULL ? status : "";
}

/* Queues an email to each reporter of the incident who asked for updates:
 * their own references, the news, the status now. The tracking token is
 * not stored (only its hash), so the email points to the link they were
 * sent when they reported. Returns 0, or -1 (the transaction can only roll
 * back). */
static int
reporters_notify(struct pg *pg, struct arena *ar, long long incident_id,
    const char *news, const char *status)
{
	char iid[24];
	const char *p[1] = { iid }, *mail[3], *refs, *body, *what;
	PGresult *res;
	int i, n, rc = 0;

	snprintf(iid, sizeof(iid), "%lld", incident_id);
	if ((res = pg_exec(pg, "incident_update_recipients", 1, p)) == NULL)
		return -1;
	n = PQntuples(res);
	for (i = 0; i < n && rc == 0; i++) {
		refs = PQgetvalue(res, i, 1);
		what = strchr(refs, ',') != NULL ? "reports" : "report";
		body = arena_printf(ar, "There is an update on your %s %s.\n\n"
		    "%s\n\nStatus: %s\n\n"
		    "To see every update, open the tracking link in the email we sent "
		    "you when you made your report. If you no longer have that email, "
		    "call 101 and give your reference.\n\n"
		    "If you are in danger, call 999.\n",
		    what, refs, news, incident_status_words(status));
		mail[0] = PQgetvalue(res, i, 0);
		mail[1] = arena_printf(ar, "Update on your %s %s", what, refs);
		mail[2] = body;
		if (body == NULL || mail[1] == NULL)
			rc = -1;
		else
			rc = pg_exec_ok(pg, "incident_update_mail", 3, mail);
	}
	PQclear(res);
	return rc;
}

/* Writes an update on an incident within the caller's transaction, and
 * nothing else (no audit row, no email: the caller's change has its own;
 * a queue's first action is written this way, domain/queue_act.c). An
 * update for_cad is sent to the CAD systems that follow the incident, by
 * the webhooks' trigger (sql/migrations/0046_cad_api.sql). 0 or -1. */
int
incident_update_insert(struct pg *pg, const struct actor *a, long long incident_id,
    const char *text, int shared, int for_cad)
{
	char iid[24], by[24];
	const char *p[5] = { iid, text, shared ? "true" : "false", by,
	    for_cad ? "true" : "false" };

	snprintf(iid, sizeof(iid), "%lld", incident_id);
	snprintf(by, sizeof(by), "%lld", a->user_id);
	return pg_exec_ok(pg, "incident_update_insert", 5, p);
}

/* Within the caller's transaction, after a status change forward or a
 * closure to `to` (a move back or a reopening tells the reporters nothing:
 * domain/incident_status.c): the shared update saying so in plain words
 * (never the reason, which is for staff), and the emails. The status
 * change's own audit row records it. Returns 0 or -1. */
int
incident_update_status(struct pg *pg, struct arena *ar, const struct actor *a,
    long long incident_id, const char *to)
{
	int i = plain_find(to);
	const char *news;

	if (i < 0) {
		log_error("incident_update_status: no words for status %s", to);
		return -1;
	}
	news = plain[i].news;
	if (incident_update_insert(pg, a, incident_id, news, 1, 0) == -1)
		return -1;
	return reporters_notify(pg, ar, incident_id, news, to);
}

/* Adds an update to an incident the actor may see, if it is still at
 * version (the page they wrote it on); shared ones are emailed to the
 * reporters who asked, for_cad ones sent to the CAD systems that follow
 * it. One audit row with the text and whether it is shared and sent. INCIDENT_OK, INCIDENT_NOT_FOUND (audited), INCIDENT_CONFLICT or
 * INCIDENT_ERROR. */
enum incident_result
incident_update_add(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, const char *text, int shared, int for_cad, long long version)
{
	struct json_object *after;
	struct incident in;
	enum incident_result rc;
	char id[24];
	int failed;

	if ((rc = incident_begin(pg, ar, a, reference, &in)) != INCIDENT_OK)
		return rc;
	if ((rc = incident_touch(pg, in.id, version)) != INCIDENT_OK) {
		pg_rollback(pg);
		return rc;
	}
	if (incident_update_insert(pg, a, in.id, text, shared, for_cad) == -1)
		goto err;
	snprintf(id, sizeof(id), "%lld", in.id);
	after = json_object_new_object();
	json_object_object_add(after, "text", json_object_new_string(text));
	json_object_object_add(after, "public", json_object_new_boolean(shared));
	if (for_cad)
		json_object_object_add(after, "for_cad", json_object_new_boolean(1));
	failed = audit_append(pg, a, "incident", id, "update_added", NULL, after, NULL);
	json_object_put(after);
	if (failed == -1)
		goto err;
	if (shared && reporters_notify(pg, ar, in.id, text, in.status) == -1)
		goto err;
	return pg_commit(pg) == 0 ? INCIDENT_OK : INCIDENT_ERROR;
err:
	pg_rollback(pg);
	return INCIDENT_ERROR;
}

/* Every update on an incident the actor may see, newest first (row
 * security hides those of other incidents). 0 or -1. */
int
incident_update_list(struct pg *pg, struct arena *ar, const struct actor *a,
    long long incident_id, struct incident_update **out, size_t *n)
{
	char iid[24];
	const char *p[1] = { iid };
	PGresult *res;
	int i, rows;

	*out = NULL;
	*n = 0;
	snprintf(iid, sizeof(iid), "%lld", incident_id);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "incident_update_list", 1, p)) == NULL)
		goto err;
	rows = PQntuples(res);
	if ((*out = arena_calloc(ar, (size_t)rows + 1, sizeof(**out))) == NULL) {
		PQclear(res);
		goto err;
	}
	for (i = 0; i < rows; i++) {
		(*out)[i].when = arena_strdup(ar, PQgetvalue(res, i, 0));
		(*out)[i].text = arena_strdup(ar, PQgetvalue(res, i, 1));
		(*out)[i].shared = strcmp(PQgetvalue(res, i, 2), "t") == 0;
		(*out)[i].by = arena_strdup(ar, PQgetvalue(res, i, 3));
	}
	*n = (size_t)rows;
	PQclear(res);
	return pg_commit(pg);
err:
	pg_rollback(pg);
	return -1;
}
