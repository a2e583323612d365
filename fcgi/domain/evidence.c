/* Evidence rows: adding one for a stored file (in the caller's
 * transaction, with its audit row) and opening one for download (checked
 * by row security and again here, and audited whether or not it is
 * found). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <libpq-fe.h>

#include "core/arena.h"
#include "core/log.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/evidence.h"
#include "domain/evidence_store.h"
#include "domain/incident.h"
#include "domain/tx.h"
#include "core/sniff.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	/* The incident must be one the actor sees; the row takes its owner
	 * and sharing (the insert policy checks that it did). */
	{ "evidence_add",
	  "INSERT INTO evidence (incident_id, report_reference, sha256, size, "
	  "media_type, category, original_name, uploaded_by, owning_agency_id, "
	  "sharing, shared_with) "
	  "SELECT i.id, $2, $3, $4::bigint, $5, $6, $7, $8::bigint, "
	  "i.owning_agency_id, i.sharing, i.shared_with "
	  "FROM incident i WHERE i.id = $1::bigint "
	  "RETURNING id, owning_agency_id, sharing, shared_with::text" },
	{ "evidence_by_id",
	  "SELECT e.id, e.incident_id, e.sha256, e.size, e.media_type, e.category, "
	  "e.original_name, e.owning_agency_id, e.sharing, e.shared_with::text "
	  "FROM evidence e WHERE e.id = $1::bigint" },
	{ "evidence_of_incident",
	  "SELECT e.id, coalesce(e.report_reference, ''), e.category, e.size, "
	  "e.original_name FROM evidence e WHERE e.incident_id = $1::bigint "
	  "ORDER BY e.id" },
};

const struct pg_stmts evidence_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* Records a stored file as evidence for an incident, with an audit row
 * ("evidence", "upload"), inside the caller's transaction (tx_begin ...
 * pg_commit), which should also hold whatever made the incident. The
 * actor must see the incident (row security): a public reporter's actor
 * carries the agency the report was allocated to. Returns the new id; 0
 * when the incident is not there or not the actor's to see; -1 on error,
 * after which the caller rolls back. */
long long
evidence_add(struct pg *pg, const struct actor *a, long long incident_id,
    const char *report_reference, const struct stored_file *f,
    const char *original_name)
{
	char iid[24], size[24], uid[24], eid[24];
	const char *p[8];
	struct json_object *after;
	PGresult *res;
	long long id;
	int rc;

	if (f == NULL || original_name == NULL || *original_name == '\0' ||
	    f->media_type == NULL || f->category == NULL) {
		log_error("evidence_add: no file or no name");
		return -1;
	}
	if (PQtransactionStatus(pg_conn(pg)) != PQTRANS_INTRANS) {
		log_error("evidence_add: not inside a transaction");
		return -1;
	}
	snprintf(iid, sizeof(iid), "%lld", incident_id);
	snprintf(size, sizeof(size), "%llu", f->size);
	snprintf(uid, sizeof(uid), "%lld", a->user_id);
	p[0] = iid;
	p[1] = report_reference != NULL && *report_reference != '\0' ?
	    report_reference : NULL;
	p[2] = f->sha256;
	p[3] = size;
	p[4] = f->media_type;
	p[5] = f->category;
	p[6] = original_name;
	p[7] = a->user_id > 0 ? uid : NULL;
	if ((res = pg_exec(pg, "evidence_add", 8, p)) == NULL) {
		log_error("evidence_add: %s", pg_error(pg));
		return -1;
	}
	if (PQntuples(res) != 1) {
		PQclear(res);
		return 0;
	}
	id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	if (!incident_row_visible(a, res, 0, 1)) {
		log_error("row security let evidence be added to incident %lld for "
		    "agency %lld; refused in C", incident_id, a->agency_id);
		PQclear(res);
		return -1;
	}
	PQclear(res);
	snprintf(eid, sizeof(eid), "%lld", id);
	after = json_object_new_object();
	json_object_object_add(after, "incident_id", json_object_new_int64(incident_id));
	if (p[1] != NULL)
		json_object_object_add(after, "report_reference",
		    json_object_new_string(p[1]));
	json_object_object_add(after, "sha256", json_object_new_string(f->sha256));
	json_object_object_add(after, "size", json_object_new_int64((int64_t)f->size));
	json_object_object_add(after, "media_type", json_object_new_string(f->media_type));
	json_object_object_add(after, "category", json_object_new_string(f->category));
	json_object_object_add(after, "original_name", json_object_new_string(original_name));
	rc = audit_append(pg, a, "evidence", eid, "upload", NULL, after, NULL);
	json_object_put(after);
	return rc == 0 ? id : -1;
}

/* An ASCII file name for a download: the original name's letters, digits
 * and " ()-_" (anything else becomes "_"), at most 80 of them, then the
 * extension of the type the bytes are — never the one it was sent with.
 * "evidence-<id>.<ext>" when nothing usable is left. NULL when out of
 * memory. */
char *
evidence_download_name(struct arena *ar, long long id, const char *original_name,
    const char *media_type)
{
	char stem[81];
	const char *dot, *s, *ext = sniff_ext_for(media_type);
	size_t n = 0, len;

	len = original_name != NULL ? strlen(original_name) : 0;
	if ((dot = original_name != NULL ? strrchr(original_name, '.') : NULL) != NULL &&
	    dot != original_name)
		len = (size_t)(dot - original_name);
	for (s = original_name; s != NULL && len > 0 && n < sizeof(stem) - 1; s++, len--) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == ' ' || c == '(' || c == ')' ||
		    c == '-' || c == '_')
			stem[n++] = (char)c;
		else if (n > 0 && stem[n - 1] != '_')
			stem[n++] = '_';
		/* A UTF-8 character becomes one "_", not one per byte. */
		while ((c & 0xc0) == 0xc0 && len > 1 && ((unsigned char)s[1] & 0xc0) == 0x80) {
			s++;
			len--;
		}
	}
	while (n > 0 && (stem[n - 1] == ' ' || stem[n - 1] == '_'))
		n--;
	s = stem;
	while (n > 0 && (*s == ' ' || *s == '_')) {
		s++;
		n--;
	}
	if (n == 0)
		return arena_printf(ar, "evidence-%lld.%s", id, ext);
	return arena_printf(ar, "%.*s.%s", (int)n, s, ext);
}

/* Opens an evidence file for a member of staff to download: found only
 * when the actor may view evidence and sees the row (row security, then
 * the same rule in C). The download is audited ("evidence", "download")
 * in its own transaction; so is a miss (audit_not_found: about no
 * record, with the id asked for), which looks the same to the caller
 * whether the file is not there or belongs to an agency that has not
 * shared it. Returns 1 with *m
 * filled (the caller answers with X-Accel-Redirect: /_evidence/<m->path>),
 * 0 when not found, or -1 on error. */
int
evidence_open_for_download(struct pg *pg, struct arena *ar, const struct actor *a,
    long long evidence_id, struct evidence_meta *m)
{
	char id[24];
	const char *p[1] = { id };
	PGresult *res = NULL;
	int found = 0;

	memset(m, 0, sizeof(*m));
	snprintf(id, sizeof(id), "%lld", evidence_id);
	if (tx_begin(pg, a) == -1)
		return -1;
	if (perm_has(a->perms, PERM_EVIDENCE_VIEW) && evidence_id > 0) {
		if ((res = pg_exec(pg, "evidence_by_id", 1, p)) == NULL)
			goto err;
		if (PQntuples(res) == 1) {
			if (incident_row_visible(a, res, 0, 7))
				found = 1;
			else
				log_error("row security let through evidence %lld for "
				    "agency %lld; refused in C", evidence_id, a->agency_id);
		}
	}
	if (found) {
		m->id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		m->incident_id = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
		m->sha256 = arena_strdup(ar, PQgetvalue(res, 0, 2));
		m->size = strtoll(PQgetvalue(res, 0, 3), NULL, 10);
		m->media_type = arena_strdup(ar, PQgetvalue(res, 0, 4));
		m->category = arena_strdup(ar, PQgetvalue(res, 0, 5));
		m->original_name = arena_strdup(ar, PQgetvalue(res, 0, 6));
		m->path = arena_alloc(ar, 72);
		if (m->sha256 == NULL || m->media_type == NULL || m->category == NULL ||
		    m->original_name == NULL || m->path == NULL ||
		    evidence_store_path(m->sha256, (char *)m->path, 72) == -1 ||
		    (m->download_name = evidence_download_name(ar, m->id,
		    m->original_name, m->media_type)) == NULL) {
			log_error("evidence %lld: bad row or out of memory", evidence_id);
			goto err;
		}
	}
	PQclear(res);
	res = NULL;
	if ((found ? audit_append(pg, a, "evidence", id, "download", NULL, NULL,
	    NULL) : audit_not_found(pg, a, "evidence", id)) == -1)
		goto err;
	if (pg_commit(pg) == -1) {
		memset(m, 0, sizeof(*m));
		return -1;
	}
	return found;
err:
	PQclear(res);
	memset(m, 0, sizeof(*m));
	pg_rollback(pg);
	return -1;
}

/* The evidence rows of an incident, as row security lets the actor see
 * them (listing is not a view of the files: downloads are audited). */
int
evidence_of_incident(struct pg *pg, struct arena *ar, const struct actor *a,
    long long incident_id, struct evidence_item **out, size_t *n)
{
	char iid[24];
	const char *p[1] = { iid };
	struct evidence_item *it;
	PGresult *res;
	int i, rows;

	*out = NULL;
	*n = 0;
	snprintf(iid, sizeof(iid), "%lld", incident_id);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "evidence_of_incident", 1, p)) == NULL) {
		pg_rollback(pg);
		return -1;
	}
	rows = PQntuples(res);
	if ((it = arena_calloc(ar, (size_t)rows + 1, sizeof(*it))) == NULL) {
		PQclear(res);
		pg_rollback(pg);
		return -1;
	}
	for (i = 0; i < rows; i++) {
		it[i].id = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		it[i].report_reference = arena_strdup(ar, PQgetvalue(res, i, 1));
		it[i].category = arena_strdup(ar, PQgetvalue(res, i, 2));
		it[i].size = strtoll(PQgetvalue(res, i, 3), NULL, 10);
		it[i].original_name = arena_strdup(ar, PQgetvalue(res, i, 4));
	}
	PQclear(res);
	pg_rollback(pg);
	*out = it;
	*n = (size_t)rows;
	return 0;
}
