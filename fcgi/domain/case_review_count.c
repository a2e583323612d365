/* A victim's ASB Case Review count from the database: the facts of
 * sql/migrations/0055_case_review_count.sql (every agency's incidents, as
 * ids and times), the rule of domain/case_review_rule.c, and the
 * references and agency names the actor may see, for the decision page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/log.h"
#include "domain/case_review_count.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "cr_facts",
	  "SELECT incident_id, behaviour_at, complained_at, agency_id, "
	  "coalesce(type_id, 0), hate, diary_entries, reporters::text, linked::text "
	  "FROM case_review_facts($1::bigint, to_timestamp($2::float8), $3::integer)" },
	/* Row security decides which references the actor sees. */
	{ "cr_references",
	  "SELECT id, reference FROM incident WHERE id = ANY ($1::bigint[])" },
	{ "cr_agencies",
	  "SELECT id, name FROM agency WHERE id = ANY ($1::bigint[])" },
};

const struct pg_stmts case_review_count_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

enum { C_ID, C_BEHAVIOUR, C_COMPLAINED, C_AGENCY, C_TYPE, C_HATE, C_DIARY,
    C_REPORTERS, C_LINKED };

static long long
ll(const PGresult *res, int row, int col)
{
	return strtoll(PQgetvalue(res, row, col), NULL, 10);
}

/* A JSON array of ids into the arena. 0, or -1 when out of memory. */
static int
ids_of(struct arena *ar, const char *text, const long long **out, size_t *n)
{
	struct json_object *a = json_tokener_parse(text);
	long long *ids;
	size_t i, len;

	*out = NULL;
	*n = 0;
	len = json_object_is_type(a, json_type_array) ? json_object_array_length(a) : 0;
	if ((ids = arena_calloc(ar, len + 1, sizeof(*ids))) == NULL) {
		json_object_put(a);
		return -1;
	}
	for (i = 0; i < len; i++)
		ids[i] = json_object_get_int64(json_object_array_get_idx(a, i));
	json_object_put(a);
	*out = ids;
	*n = len;
	return 0;
}

/* The facts as the rule takes them. 0 or -1. */
static int
facts_read(struct arena *ar, const PGresult *res, struct cr_complaint *c)
{
	int i;

	for (i = 0; i < PQntuples(res); i++) {
		c[i].incident_id = ll(res, i, C_ID);
		c[i].behaviour_at = (time_t)ll(res, i, C_BEHAVIOUR);
		c[i].complained_at = (time_t)ll(res, i, C_COMPLAINED);
		c[i].agency_id = ll(res, i, C_AGENCY);
		c[i].type_id = ll(res, i, C_TYPE);
		c[i].hate = strcmp(PQgetvalue(res, i, C_HATE), "t") == 0;
		c[i].diary_entries = (int)ll(res, i, C_DIARY);
		if (ids_of(ar, PQgetvalue(res, i, C_REPORTERS), &c[i].reporters,
		    &c[i].nreporters) == -1 ||
		    ids_of(ar, PQgetvalue(res, i, C_LINKED), &c[i].linked,
		    &c[i].nlinked) == -1)
			return -1;
	}
	return 0;
}

/* "{1,2,3}": the facts' incident or agency ids, for ANY ($1). */
static const char *
id_array(struct arena *ar, const struct cr_complaint *c, size_t n, int agency)
{
	struct buf b = {0};
	const char *s;
	char one[32];
	size_t i;

	buf_putc(&b, '{');
	for (i = 0; i < n; i++) {
		snprintf(one, sizeof(one), "%s%lld", i == 0 ? "" : ",",
		    agency ? c[i].agency_id : c[i].incident_id);
		buf_puts(&b, one);
	}
	buf_putc(&b, '}');
	s = b.oom ? NULL : arena_strdup(ar, buf_cstr(&b));
	buf_free(&b);
	return s;
}

/* The name or reference for `id` in a look-up's rows, or "". */
static const char *
name_of(const PGresult *res, long long id)
{
	int i;

	for (i = 0; res != NULL && i < PQntuples(res); i++)
		if (ll(res, i, 0) == id)
			return PQgetvalue(res, i, 1);
	return "";
}

/* The references the actor may see and the agencies' names, with the
 * rule's verdicts in words. 0 or -1. */
static int
complaints_fill(struct pg *pg, struct arena *ar, const struct cr_complaint *c,
    const struct cr_verdict *v, size_t n, struct case_review_complaint *out)
{
	const char *p[1];
	PGresult *refs = NULL, *ags = NULL;
	const char *same;
	size_t i;
	int rc = -1;

	if ((p[0] = id_array(ar, c, n, 0)) == NULL ||
	    (refs = pg_exec(pg, "cr_references", 1, p)) == NULL ||
	    (p[0] = id_array(ar, c, n, 1)) == NULL ||
	    (ags = pg_exec(pg, "cr_agencies", 1, p)) == NULL)
		goto done;
	for (i = 0; i < n; i++) {
		out[i].incident_id = c[i].incident_id;
		out[i].reference = arena_strdup(ar, name_of(refs, c[i].incident_id));
		out[i].agency = arena_strdup(ar, name_of(ags, c[i].agency_id));
		out[i].behaviour_at = c[i].behaviour_at;
		out[i].complained_at = c[i].complained_at;
		out[i].hate = c[i].hate;
		out[i].diary_entries = c[i].diary_entries;
		out[i].why = v[i].why;
		out[i].why_text = cr_why_text(v[i].why);
		if (v[i].why == CR_SAME_BEHAVIOUR) {
			same = name_of(refs, v[i].same_as);
			out[i].why_text = *same != '\0' ? arena_printf(ar, "The same "
			    "behaviour as %s: counted once", same) : arena_strdup(ar,
			    "The same behaviour as a complaint to another agency: "
			    "counted once");
		}
		if (out[i].reference == NULL || out[i].agency == NULL ||
		    out[i].why_text == NULL)
			goto done;
	}
	rc = 0;
done:
	PQclear(refs);
	PQclear(ags);
	return rc;
}

/* Inside the caller's transaction: gathers, counts and describes. */
int
case_review_count_in(struct pg *pg, struct arena *ar, const struct config *cfg,
    long long person_id, time_t at, struct case_review_count *out)
{
	char pid[24], when[32], days[16];
	const char *p[3] = { pid, when, days };
	struct cr_complaint *c;
	struct cr_verdict *v;
	PGresult *res;
	size_t n;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (cfg != NULL)
		cr_rules_from_config(cfg, &out->rules);
	else
		cr_rules_default(&out->rules);
	out->at = at;
	snprintf(pid, sizeof(pid), "%lld", person_id);
	snprintf(when, sizeof(when), "%lld", (long long)at);
	snprintf(days, sizeof(days), "%d", out->rules.days);
	if ((res = pg_exec(pg, "cr_facts", 3, p)) == NULL)
		return -1;
	n = (size_t)PQntuples(res);
	c = arena_calloc(ar, n + 1, sizeof(*c));
	v = arena_calloc(ar, n + 1, sizeof(*v));
	out->complaints = arena_calloc(ar, n + 1, sizeof(*out->complaints));
	if (c != NULL && v != NULL && out->complaints != NULL &&
	    facts_read(ar, res, c) == 0 &&
	    cr_count(&out->rules, at, c, n, v, &out->r) == 0 &&
	    (n == 0 || complaints_fill(pg, ar, c, v, n, out->complaints) == 0)) {
		out->ncomplaints = n;
		rc = 0;
	} else
		log_error("case review: could not count for person %lld", person_id);
	PQclear(res);
	return rc;
}

/* In its own read transaction as the actor. 0 or -1. */
int
case_review_count(struct pg *pg, struct arena *ar, const struct config *cfg,
    const struct actor *a, long long person_id, time_t at,
    struct case_review_count *out)
{
	if (tx_begin(pg, a) == -1)
		return -1;
	if (case_review_count_in(pg, ar, cfg, person_id, at, out) == -1) {
		pg_rollback(pg);
		return -1;
	}
	return pg_commit(pg);
}
