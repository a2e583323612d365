/* People for staff: the person page's record, their incidents and parts
 * in them, and the people they may be the same as (person matching only
 * suggests). Segregation twice, as for incidents: row security returns
 * only the people the actor's agency may see (and none without
 * person.view), and the C rule drops any row it would refuse. Every
 * look at a person's details is an audit row ("view"); asking for one
 * that is not there or not the actor's is a "not_found" row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/log.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/incident.h"
#include "domain/person.h"
#include "domain/person_match.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	/* Columns 1 to 6 are what pm_facts_row reads. $2 is the actor's
	 * agency: whether the person is shared with it by name. */
	{ "person_by_id",
	  "SELECT p.id, coalesce(p.given_name, ''), coalesce(p.family_name, ''), "
	  "coalesce(to_char(p.date_of_birth, 'YYYY-MM-DD'), ''), coalesce(p.phone, ''), "
	  "coalesce(p.email, ''), coalesce(p.postcode, ''), coalesce(p.address, ''), "
	  "coalesce(p.preferred_contact, ''), p.contact_consent, p.share_consent, "
	  "p.vulnerable, p.owning_agency_id, a.name, p.sharing, "
	  "array_position(p.shared_with, $2::bigint) IS NOT NULL, "
	  "coalesce(to_char(p.date_of_birth, 'FMDD FMMonth YYYY'), ''), "
	  "to_char(p.created_at AT TIME ZONE 'Europe/London', 'FMDD Mon YYYY \"at\" HH24:MI'), "
	  "coalesce(p.merged_into, 0), "
	  "coalesce(nullif(trim(coalesce(k.given_name, '') || ' ' || "
	  "  coalesce(k.family_name, '')), ''), CASE WHEN k.id IS NULL THEN '' "
	  "  ELSE 'Name not given' END), "
	  "coalesce(to_char(p.merged_at AT TIME ZONE 'Europe/London', "
	  "  'FMDD Mon YYYY \"at\" HH24:MI'), ''), coalesce(u.name, '') "
	  "FROM person p JOIN agency a ON a.id = p.owning_agency_id "
	  "LEFT JOIN person k ON k.id = p.merged_into "
	  "LEFT JOIN app_user u ON u.id = p.merged_by "
	  "WHERE p.id = $1::bigint" },
	/* Row security leaves out the incidents the actor may not see. */
	{ "person_incidents",
	  "SELECT i.reference, t.name, i.status, "
	  "to_char(i.reported_at AT TIME ZONE 'Europe/London', 'FMDD Mon YYYY'), "
	  "ip.role FROM incident_person ip JOIN incident i ON i.id = ip.incident_id "
	  "JOIN asb_type t ON t.id = i.asb_type_id WHERE ip.person_id = $1::bigint "
	  "ORDER BY i.reported_at DESC, i.id DESC, ip.role LIMIT 200" },
};

const struct pg_stmts person_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static const char *
col(struct arena *ar, PGresult *res, int row, int c)
{
	return arena_strdup(ar, PQgetvalue(res, row, c));
}

static int
flag(PGresult *res, int row, int c)
{
	return PQgetvalue(res, row, c)[0] == 't';
}

/* The name staff read: given and family names, or a placeholder. */
static const char *
person_name(struct arena *ar, const char *given, const char *family)
{
	if (*given == '\0' && *family == '\0')
		return "Name not given";
	if (*given == '\0' || *family == '\0')
		return arena_strdup(ar, *given != '\0' ? given : family);
	return arena_printf(ar, "%s %s", given, family);
}

/* Reads person_by_id's row. 0, or -1 out of memory. */
static int
person_read(struct arena *ar, PGresult *res, struct person *p)
{
	memset(p, 0, sizeof(*p));
	p->id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	p->given_name = col(ar, res, 0, 1);
	p->family_name = col(ar, res, 0, 2);
	p->dob = col(ar, res, 0, 3);
	p->phone = col(ar, res, 0, 4);
	p->email = col(ar, res, 0, 5);
	p->postcode = col(ar, res, 0, 6);
	p->address = col(ar, res, 0, 7);
	p->preferred_contact = col(ar, res, 0, 8);
	p->contact_consent = flag(res, 0, 9);
	p->share_consent = flag(res, 0, 10);
	p->vulnerable = flag(res, 0, 11);
	p->owner = col(ar, res, 0, 13);
	p->dob_text = col(ar, res, 0, 16);
	p->created = col(ar, res, 0, 17);
	p->merged_into = strtoll(PQgetvalue(res, 0, 18), NULL, 10);
	p->merged_into_name = col(ar, res, 0, 19);
	p->merged_at = col(ar, res, 0, 20);
	p->merged_by = col(ar, res, 0, 21);
	if (p->given_name == NULL || p->family_name == NULL || p->dob == NULL ||
	    p->phone == NULL || p->email == NULL || p->postcode == NULL ||
	    p->address == NULL || p->preferred_contact == NULL || p->owner == NULL ||
	    p->dob_text == NULL || p->created == NULL || p->merged_into_name == NULL ||
	    p->merged_at == NULL || p->merged_by == NULL ||
	    (p->name = person_name(ar, p->given_name, p->family_name)) == NULL)
		return -1;
	return 0;
}

/* The second check, with the incidents' sharing rule: a person row
 * PostgreSQL returned that the C rule refuses is dropped, and logged. */
static int
second_check(const struct actor *a, PGresult *res)
{
	long long owner = strtoll(PQgetvalue(res, 0, 12), NULL, 10), me = a->agency_id;
	int named = flag(res, 0, 15);

	if (perm_has(a->perms, PERM_PERSON_VIEW) &&
	    incident_visible(a, owner, PQgetvalue(res, 0, 14), &me, named ? 1 : 0))
		return 1;
	log_error("row security let through person %s for agency %lld; refused in C",
	    PQgetvalue(res, 0, 0), a->agency_id);
	return 0;
}

/* Reads one person within the caller's transaction: PERSON_OK,
 * PERSON_NOT_FOUND (or not the actor's to see) or PERSON_ERROR. */
enum person_result
person_load(struct pg *pg, struct arena *ar, const struct actor *a, long long id,
    struct person *p)
{
	char pid[24], aid[24];
	const char *params[2] = { pid, aid };
	enum person_result rc = PERSON_NOT_FOUND;
	PGresult *res;

	memset(p, 0, sizeof(*p));
	snprintf(pid, sizeof(pid), "%lld", id);
	snprintf(aid, sizeof(aid), "%lld", a->agency_id);
	if ((res = pg_exec(pg, "person_by_id", 2, params)) == NULL)
		return PERSON_ERROR;
	if (PQntuples(res) == 1 && second_check(a, res))
		rc = person_read(ar, res, p) == 0 ? PERSON_OK : PERSON_ERROR;
	PQclear(res);
	return rc;
}

/* The incidents the person is in that the actor may see. 0 or -1. */
static int
incidents_load(struct pg *pg, struct arena *ar, long long id, struct person_page *pp)
{
	char pid[24];
	const char *params[1] = { pid };
	struct person_incident *in;
	PGresult *res;
	int i, n;

	snprintf(pid, sizeof(pid), "%lld", id);
	if ((res = pg_exec(pg, "person_incidents", 1, params)) == NULL)
		return -1;
	n = PQntuples(res);
	if (n > 0 && (pp->incidents = arena_calloc(ar, (size_t)n, sizeof(*in))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		in = &pp->incidents[i];
		if ((in->reference = col(ar, res, i, 0)) == NULL ||
		    (in->type = col(ar, res, i, 1)) == NULL ||
		    (in->status = col(ar, res, i, 2)) == NULL ||
		    (in->reported = col(ar, res, i, 3)) == NULL ||
		    (in->role = col(ar, res, i, 4)) == NULL)
			goto err;
	}
	pp->nincidents = (size_t)n;
	PQclear(res);
	return 0;
err:
	PQclear(res);
	return -1;
}

/* The people who may be the same as p (never p, never a merged person). */
static int
suggestions_load(struct pg *pg, struct arena *ar, struct person_page *pp)
{
	struct person_facts f = {
		pp->p.given_name, pp->p.family_name, pp->p.dob, pp->p.phone,
		pp->p.email, pp->p.postcode,
	};
	struct person_keys k;

	pm_keys_make(&f, &k);
	return pm_suggest_tx(pg, ar, &k, pp->p.id, &pp->suggestions, &pp->nsuggestions);
}

/* Audits a view of each person shown (or the miss). 0 or -1. */
static int
audit_views(struct pg *pg, const struct actor *a, enum person_result rc,
    long long id, long long other)
{
	char pid[24];

	snprintf(pid, sizeof(pid), "%lld", id);
	if (rc == PERSON_NOT_FOUND)
		return audit_not_found(pg, a, "person", pid);
	if (audit_append(pg, a, "person", pid, "view", NULL, NULL, NULL) == -1)
		return -1;
	if (other == 0)
		return 0;
	snprintf(pid, sizeof(pid), "%lld", other);
	return audit_append(pg, a, "person", pid, "view", NULL, NULL, NULL);
}

/* Ends a read's transaction: commits unless rc is PERSON_ERROR (then
 * rolls back). Returns rc, or PERSON_ERROR if the commit failed. */
static enum person_result
read_end(struct pg *pg, enum person_result rc)
{
	if (rc == PERSON_ERROR) {
		pg_rollback(pg);
		return rc;
	}
	return pg_commit(pg) == 0 ? rc : PERSON_ERROR;
}

/* One person's page: the record, their incidents and parts, and (unless
 * merged) who they may be the same as. The view, or the miss, is
 * audited. PERSON_OK, PERSON_NOT_FOUND or PERSON_ERROR. */
enum person_result
person_view(struct pg *pg, struct arena *ar, const struct actor *a, long long id,
    struct person_page *pp)
{
	enum person_result rc;

	memset(pp, 0, sizeof(*pp));
	if (tx_begin(pg, a) == -1)
		return PERSON_ERROR;
	if ((rc = person_load(pg, ar, a, id, &pp->p)) == PERSON_OK &&
	    (incidents_load(pg, ar, id, pp) == -1 || (pp->p.merged_into == 0 &&
	    suggestions_load(pg, ar, pp) == -1)))
		rc = PERSON_ERROR;
	if (rc != PERSON_ERROR && audit_views(pg, a, rc, id, 0) == -1)
		rc = PERSON_ERROR;
	return read_end(pg, rc);
}

/* Two people side by side, for the merge confirmation: both views are
 * audited. PERSON_NOT_FOUND when either is not the actor's to see (p->id
 * is 0 when it is the first). */
enum person_result
person_pair(struct pg *pg, struct arena *ar, const struct actor *a, long long id,
    long long other_id, struct person *p, struct person *other)
{
	enum person_result rc;

	memset(other, 0, sizeof(*other));
	if (tx_begin(pg, a) == -1)
		return PERSON_ERROR;
	if ((rc = person_load(pg, ar, a, id, p)) == PERSON_OK)
		rc = person_load(pg, ar, a, other_id, other);
	if (rc != PERSON_ERROR && audit_views(pg, a, rc, p->id != 0 &&
	    rc != PERSON_OK ? other_id : id, rc == PERSON_OK ? other_id : 0) == -1)
		rc = PERSON_ERROR;
	return read_end(pg, rc);
}

/* Whether a person exists for the actor, for pages that audit their own
 * kind of look (the person's history): only a miss is audited here. */
enum person_result
person_find(struct pg *pg, struct arena *ar, const struct actor *a, long long id,
    struct person *p)
{
	enum person_result rc;

	if (tx_begin(pg, a) == -1)
		return PERSON_ERROR;
	if ((rc = person_load(pg, ar, a, id, p)) == PERSON_NOT_FOUND &&
	    audit_views(pg, a, rc, id, 0) == -1)
		rc = PERSON_ERROR;
	return read_end(pg, rc);
}
