/* The reporter's diary: an entry logged from the tracking page, its files
 * and its audit row, in one transaction (see domain/report_diary.h). The
 * database checks the token and the time and writes the entry
 * (report_diary_add, 0040); the files become the incident's evidence as
 * they do for the report itself, added as the incident's owner. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <libpq-fe.h>

#include "core/buf.h"
#include "core/hex.h"
#include "core/log.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/evidence.h"
#include "domain/evidence_store.h"
#include "domain/report.h"
#include "domain/report_diary.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "report_diary_add",
	  "SELECT entry_id, report_id, incident_id, owner, too_late "
	  "FROM report_diary_add($1, $2, $3::timestamptz, $4::boolean, $5, $6)" },
	{ "report_diary_attach",
	  "SELECT report_diary_attach($1::bigint, $2, $3, $4::bigint[])" },
};

const struct pg_stmts report_diary_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* What report_diary_add found. */
struct entry_made {
	long long	 entry, report, incident, owner;
	char		 entry_id[24];
};

/* Adds the files as evidence of the incident, each audited by
 * evidence_add, and links them to the entry. ids has room for nfiles.
 * 0, or -1 after which the caller rolls back. */
static int
files_add(struct pg *pg, const struct actor *as, const char *reference,
    const char *hash, const struct report_diary_input *in,
    const struct entry_made *m, long long *ids)
{
	struct buf list = {0};
	const char *p[4];
	PGresult *res;
	size_t i;
	int rc = -1;

	if (in->nfiles == 0)
		return 0;
	buf_puts(&list, "{");
	for (i = 0; i < in->nfiles; i++) {
		if ((ids[i] = evidence_add(pg, as, m->incident, reference, &in->files[i],
		    in->names[i])) <= 0)
			goto out;
		buf_printf(&list, "%s%lld", i > 0 ? "," : "", ids[i]);
	}
	buf_puts(&list, "}");
	if (list.oom || buf_cstr(&list) == NULL)
		goto out;
	p[0] = m->entry_id;
	p[1] = reference;
	p[2] = hash;
	p[3] = buf_cstr(&list);
	if ((res = pg_exec(pg, "report_diary_attach", 4, p)) == NULL)
		goto out;
	/* Each file was made here for this entry: all of them link. */
	if (PQntuples(res) == 1 && strtoull(PQgetvalue(res, 0, 0), NULL, 10) == in->nfiles)
		rc = 0;
	else
		log_error("report_diary: %zu files of entry %lld did not all link",
		    in->nfiles, m->entry);
	PQclear(res);
out:
	buf_free(&list);
	return rc;
}

/* The audit row of the entry, on its incident: its id, the report's, when
 * it happened and its files (the text stays in its own table). */
static int
entry_audit(struct pg *pg, const struct actor *as, const char *reference,
    const struct report_diary_input *in, const struct entry_made *m,
    const long long *ids)
{
	struct json_object *after = json_object_new_object(), *files;
	char iid[24];
	size_t i;
	int rc;

	if (after == NULL)
		return -1;
	json_object_object_add(after, "diary_entry_id", json_object_new_int64(m->entry));
	json_object_object_add(after, "report_id", json_object_new_int64(m->report));
	json_object_object_add(after, "report_reference", json_object_new_string(reference));
	json_object_object_add(after, "occurred_at", json_object_new_string(in->occurred_at));
	json_object_object_add(after, "time_known", json_object_new_boolean(in->time_known));
	if ((files = json_object_new_array()) != NULL) {
		for (i = 0; i < in->nfiles; i++)
			json_object_array_add(files, json_object_new_int64(ids[i]));
		json_object_object_add(after, "evidence_ids", files);
	}
	snprintf(iid, sizeof(iid), "%lld", m->incident);
	rc = audit_append(pg, as, "incident", iid, "diary_entry_added", NULL, after,
	    "logged by the reporter from the tracking page");
	json_object_put(after);
	return rc;
}

/* Logs an entry in the diary of the report `reference`, whose tracking
 * token is token, with its files, in one transaction. DIARY_OK;
 * DIARY_NOT_FOUND for a wrong reference or token (the same answer for
 * both); DIARY_FUTURE when it happened later than now; DIARY_ERROR.
 * Anything but DIARY_OK saves nothing: the caller removes the files it
 * stored. */
enum report_diary_rc
report_diary_add(struct pg *pg, const struct actor *a, const char *reference,
    const char *token, const struct report_diary_input *in)
{
	char hash[65];
	const char *p[6] = { reference, hash, in->occurred_at, in->time_known ? "t" : "f",
	    in->what, in->impact != NULL ? in->impact : "" };
	struct entry_made m;
	struct actor as = *a;
	long long *ids = NULL;
	PGresult *res;
	enum report_diary_rc rc = DIARY_ERROR;

	memset(&m, 0, sizeof(m));
	if (!report_token_given(token) || sha256_hex(token, 64, hash) == -1)
		return DIARY_NOT_FOUND;
	if (in->nfiles > 0 && (ids = calloc(in->nfiles, sizeof(*ids))) == NULL)
		return DIARY_ERROR;
	if (tx_begin(pg, a) == -1)
		goto out;
	if ((res = pg_exec(pg, "report_diary_add", 6, p)) == NULL)
		goto fail;
	if (PQntuples(res) != 1) {
		PQclear(res);
		rc = DIARY_NOT_FOUND;
		goto fail;
	}
	if (PQgetvalue(res, 0, 4)[0] == 't') {
		PQclear(res);
		rc = DIARY_FUTURE;
		goto fail;
	}
	m.entry = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	m.report = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
	m.incident = strtoll(PQgetvalue(res, 0, 2), NULL, 10);
	m.owner = strtoll(PQgetvalue(res, 0, 3), NULL, 10);
	snprintf(m.entry_id, sizeof(m.entry_id), "%lld", m.entry);
	PQclear(res);
	/* From here the public acts as the incident's owner, as the intake
	 * does for the report: row security lets it add the evidence. */
	as.agency_id = m.owner;
	as.core_partner = 1;
	if (tx_actor(pg, &as) == -1 ||
	    files_add(pg, &as, reference, hash, in, &m, ids) == -1 ||
	    entry_audit(pg, &as, reference, in, &m, ids) == -1)
		goto fail;
	if (pg_commit(pg) == 0)
		rc = DIARY_OK;
	goto out;
fail:
	if (rc == DIARY_ERROR)
		log_error("report_diary: %s", pg_error(pg));
	pg_rollback(pg);
out:
	free(ids);
	return rc;
}
