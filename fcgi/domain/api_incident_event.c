/* An entry a CAD system adds to an incident (domain/api_incident.h): a
 * log entry or a contact is an update that is neither shared with the
 * reporters nor sent back to the CAD (it made it); a status goes through
 * the incident's own status function. The incident's row is locked first,
 * so entries and changes of one incident are ordered, and the entry
 * bumps its revision (the trigger of an update, sql/migrations/0046). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/chars.h"
#include "domain/actor.h"
#include "domain/api_incident.h"
#include "domain/audit.h"
#include "domain/incident.h"
#include "domain/incident_status.h"
#include "domain/incident_update.h"
#include "domain/intake_check.h"
#include "store/pg.h"

#define UTC(t)	"to_char(" t " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

static const struct pg_stmt stmts[] = {
	/* $3 the actor, $4 the kind, $5 $6 a contact's method and with whom,
	 * $7 when (NULL: now). */
	{ "api_event_update",
	  "INSERT INTO incident_update (incident_id, text, public, created_by, kind, "
	  "contact_method, contact_with, at) VALUES ($1::bigint, $2, false, "
	  "nullif($3, '0')::bigint, $4, $5, $6, coalesce($7::timestamptz, now())) "
	  "RETURNING " UTC("at") },
	{ "api_event_now", "SELECT " UTC("now()") },
};

const struct pg_stmts api_incident_event_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

static const char *const methods[] = { "phone", "visit", "email", "letter", "sms", NULL };
static const char *const withs[] = { "victim", "caller", "witness", "other", NULL };

static int
listed(const char *const *list, const char *s)
{
	for (; s != NULL && *list != NULL; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

/* A log or contact entry's values: the text, the time, the contact's
 * method and with whom. */
static enum api_change_result
entry_check(struct arena *ar, const struct api_event *e, const char **text,
    const char **at, struct api_refusal *why)
{
	const char *w;

	*at = NULL;
	if (intake_blank(*text = intake_trim(ar, e->text)))
		return api_refusal_set(why, "text", "missing_field", "Enter the text of the entry");
	if (!chars_fit(*text, INCIDENT_UPDATE_MAX))
		return api_refusal_set(why, "text", "too_long", chars_too_many(ar,
		    "The text must be %d characters or fewer", *text, INCIDENT_UPDATE_MAX));
	if (e->at != NULL && (w = intake_when_check(ar, e->at, NULL, time(NULL), at)) != NULL)
		return api_refusal_set(why, "at", "invalid", w);
	if (strcmp(e->kind, "contact") == 0) {
		if (!listed(methods, e->method))
			return api_refusal_set(why, "contact.method", "invalid", "The method must be "
			    "phone, visit, email, letter or sms");
		if (!listed(withs, e->with))
			return api_refusal_set(why, "contact.with", "invalid", "With whom must be "
			    "victim, caller, witness or other");
	}
	return API_CHANGE_OK;
}

/* Writes a log or contact entry on in and its audit row; *at its time. */
static enum api_change_result
entry_write(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct incident *in, const struct api_event *e, const char **at,
    struct api_refusal *why)
{
	char iid[24], uid[24];
	const char *text, *when, *p[7];
	struct json_object *after;
	enum api_change_result rc;
	int contact = strcmp(e->kind, "contact") == 0, failed;
	PGresult *res;

	if ((rc = entry_check(ar, e, &text, &when, why)) != API_CHANGE_OK)
		return rc;
	snprintf(iid, sizeof(iid), "%lld", in->id);
	snprintf(uid, sizeof(uid), "%lld", a->user_id);
	p[0] = iid;
	p[1] = text;
	p[2] = uid;
	p[3] = e->kind;
	p[4] = contact ? e->method : NULL;
	p[5] = contact ? e->with : NULL;
	p[6] = when;
	if ((res = pg_exec(pg, "api_event_update", 7, p)) == NULL)
		return API_CHANGE_ERROR;
	*at = arena_strdup(ar, PQgetvalue(res, 0, 0));
	PQclear(res);
	after = json_object_new_object();
	json_object_object_add(after, "text", json_object_new_string(text));
	json_object_object_add(after, "public", json_object_new_boolean(0));
	json_object_object_add(after, "kind", json_object_new_string(e->kind));
	if (contact) {
		json_object_object_add(after, "method", json_object_new_string(e->method));
		json_object_object_add(after, "with", json_object_new_string(e->with));
	}
	failed = audit_append(pg, a, "incident", iid, "update_added", NULL, after, NULL);
	json_object_put(after);
	return failed == -1 || *at == NULL ? API_CHANGE_ERROR : API_CHANGE_OK;
}

/* A status entry: the move, and its time (now: the status change's). */
static enum api_change_result
status_write(struct pg *pg, struct arena *ar, const struct actor *a,
    struct incident *in, const struct api_event *e, const char **at,
    struct api_refusal *why)
{
	enum api_change_result rc;
	const char *reason = intake_trim(ar, e->text);
	PGresult *res;

	if (e->status == NULL)
		return api_refusal_set(why, "status", "missing_field", "Give the status to move to");
	if (reason != NULL && !chars_fit(reason, INCIDENT_REASON_MAX))
		return api_refusal_set(why, "text", "too_long", chars_too_many(ar,
		    "The text must be %d characters or fewer", reason, INCIDENT_REASON_MAX));
	if ((rc = api_incident_status_move(pg, ar, a, in, e->status, reason,
	    e->client_name, why)) != API_CHANGE_OK)
		return rc;
	if ((res = pg_exec(pg, "api_event_now", 0, NULL)) == NULL)
		return API_CHANGE_ERROR;
	*at = arena_strdup(ar, PQgetvalue(res, 0, 0));
	PQclear(res);
	return *at != NULL ? API_CHANGE_OK : API_CHANGE_ERROR;
}

enum api_change_result
api_incident_event_add(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, const struct api_event *e, const char **at,
    long long *new_version, struct api_refusal *why)
{
	struct incident in;
	enum api_change_result rc;

	memset(why, 0, sizeof(*why));
	*at = NULL;
	*new_version = 0;
	if ((rc = api_incident_begin(pg, ar, a, reference, &in)) != API_CHANGE_OK)
		return rc;
	rc = API_CHANGE_ERROR;
	if (api_incident_lock(pg, ar, &in, NULL) == -1)
		goto out;
	if (strcmp(e->kind, "status") == 0)
		rc = status_write(pg, ar, a, &in, e, at, why);
	else if (strcmp(e->kind, "log") == 0 || strcmp(e->kind, "contact") == 0)
		rc = entry_write(pg, ar, a, &in, e, at, why);
	else
		rc = api_refusal_set(why, "kind", "invalid", "The kind must be log, contact or status");
	if (rc != API_CHANGE_OK)
		goto out;
	rc = API_CHANGE_ERROR;
	if (api_incident_lock(pg, ar, &in, new_version) == -1)
		goto out;
	return pg_commit(pg) == 0 ? API_CHANGE_OK : API_CHANGE_ERROR;
out:
	pg_rollback(pg);
	return rc;
}
