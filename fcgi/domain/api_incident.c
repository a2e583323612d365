/* The CAD API's own rows about an incident (domain/api_incident.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/arena.h"
#include "domain/api_incident.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "api_idem_find",
	  "SELECT body_hash, incident_id, status, response::text FROM api_idempotency "
	  "WHERE client_id = $1 AND key = $2" },
	{ "api_idem_save",
	  "INSERT INTO api_idempotency (client_id, key, body_hash, incident_id, status, "
	  "response) VALUES ($1, $2, $3, $4, $5, $6::jsonb) ON CONFLICT DO NOTHING" },
	{ "api_idem_incident",
	  "SELECT id, coalesce(idempotency_body, '') FROM incident "
	  "WHERE created_by = $1 AND idempotency_key = $2" },
	{ "api_ref_find",
	  "SELECT coalesce(i.reference, '') FROM api_incident_ref r "
	  "LEFT JOIN incident i ON i.id = r.incident_id "
	  "WHERE r.client_id = $1 AND r.external_id = $2" },
	{ "api_ref_save",
	  "INSERT INTO api_incident_ref (client_id, external_id, incident_id, kept) "
	  "VALUES ($1, nullif($2, ''), $3, coalesce($4::jsonb, '{}')) "
	  "ON CONFLICT DO NOTHING RETURNING 1" },
	/* Linked either way round (incident_link keeps the lower id first). */
	{ "api_receipt_incident",
	  "SELECT reference, revision, status::text, risk_level::text, EXISTS (SELECT 1 "
	  "FROM incident_link l WHERE l.incident_id = i.id OR l.linked_id = i.id) "
	  "FROM incident i WHERE i.id = $1" },
	{ "api_receipt_allocations",
	  "SELECT t.code, t.name, g.code, a.kind, a.reason FROM incident_allocation a "
	  "JOIN team t ON t.id = a.team_id JOIN agency g ON g.id = t.agency_id "
	  "WHERE a.incident_id = $1 AND a.ended_at IS NULL ORDER BY a.id" },
};

const struct pg_stmts api_incident_create_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static void
num(char *buf, size_t len, long long v)
{
	snprintf(buf, len, "%lld", v);
}

int
api_idem_find(struct pg *pg, struct arena *ar, long long client_id, const char *key,
    struct api_idem *out)
{
	char cid[24];
	const char *p[2] = { cid, key };
	PGresult *res;
	int found;

	num(cid, sizeof(cid), client_id);
	if ((res = pg_exec(pg, "api_idem_find", 2, p)) == NULL)
		return -1;
	if ((found = PQntuples(res) == 1)) {
		out->body_hash = arena_strdup(ar, PQgetvalue(res, 0, 0));
		out->incident_id = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
		out->status = atoi(PQgetvalue(res, 0, 2));
		out->response = arena_strdup(ar, PQgetvalue(res, 0, 3));
		if (out->body_hash == NULL || out->response == NULL)
			found = -1;
	}
	PQclear(res);
	return found;
}

int
api_idem_save(struct pg *pg, long long client_id, const char *key,
    const struct api_idem *a)
{
	char cid[24], iid[24], st[16];
	const char *p[6] = { cid, key, a->body_hash, iid, st, a->response };

	num(cid, sizeof(cid), client_id);
	num(iid, sizeof(iid), a->incident_id);
	snprintf(st, sizeof(st), "%d", a->status);
	return pg_exec_ok(pg, "api_idem_save", 6, p);
}

int
api_idem_incident(struct pg *pg, struct arena *ar, long long user_id, const char *key,
    long long *incident_id, const char **body_hash)
{
	char uid[24];
	const char *p[2] = { uid, key };
	PGresult *res;
	int found;

	num(uid, sizeof(uid), user_id);
	if ((res = pg_exec(pg, "api_idem_incident", 2, p)) == NULL)
		return -1;
	if ((found = PQntuples(res) == 1)) {
		*incident_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		if ((*body_hash = arena_strdup(ar, PQgetvalue(res, 0, 1))) == NULL)
			found = -1;
	}
	PQclear(res);
	return found;
}

int
api_ref_find(struct pg *pg, struct arena *ar, long long client_id,
    const char *external_id, const char **reference)
{
	char cid[24];
	const char *p[2] = { cid, external_id };
	PGresult *res;
	int found;

	num(cid, sizeof(cid), client_id);
	if ((res = pg_exec(pg, "api_ref_find", 2, p)) == NULL)
		return -1;
	if ((found = PQntuples(res) > 0) &&
	    (*reference = arena_strdup(ar, PQgetvalue(res, 0, 0))) == NULL)
		found = -1;
	PQclear(res);
	return found;
}

int
api_ref_save(struct pg *pg, long long client_id, const char *external_id,
    long long incident_id, const char *kept)
{
	char cid[24], iid[24];
	const char *p[4] = { cid, external_id != NULL ? external_id : "", iid, kept };
	PGresult *res;
	int saved;

	num(cid, sizeof(cid), client_id);
	num(iid, sizeof(iid), incident_id);
	if ((res = pg_exec(pg, "api_ref_save", 4, p)) == NULL)
		return -1;
	saved = PQntuples(res) == 1;
	PQclear(res);
	return saved;
}

/* A column as a string in the arena ("" for NULL). */
static const char *
col(struct arena *ar, const PGresult *res, int row, int c)
{
	return arena_strdup(ar, PQgetvalue(res, row, c));
}

int
api_receipt_read(struct pg *pg, struct arena *ar, long long incident_id,
    struct api_receipt *r)
{
	struct api_receipt_team *t;
	char iid[24];
	const char *p[1] = { iid };
	PGresult *res;
	int i, n;

	memset(r, 0, sizeof(*r));
	num(iid, sizeof(iid), incident_id);
	if ((res = pg_exec(pg, "api_receipt_incident", 1, p)) == NULL)
		return -1;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return -1;
	}
	r->reference = col(ar, res, 0, 0);
	r->version = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
	r->status = col(ar, res, 0, 2);
	r->risk_level = PQgetisnull(res, 0, 3) ? NULL : col(ar, res, 0, 3);
	r->linked = strcmp(PQgetvalue(res, 0, 4), "t") == 0;
	PQclear(res);
	if ((res = pg_exec(pg, "api_receipt_allocations", 1, p)) == NULL)
		return -1;
	n = PQntuples(res);
	for (i = 0; i < n && r->nallocations < API_RECEIPT_ALLOCATIONS; i++) {
		t = &r->allocations[r->nallocations++];
		t->code = col(ar, res, i, 0);
		t->name = col(ar, res, i, 1);
		t->agency = col(ar, res, i, 2);
		t->kind = col(ar, res, i, 3);
		t->reason = col(ar, res, i, 4);
	}
	PQclear(res);
	return r->reference != NULL && r->status != NULL ? 0 : -1;
}
