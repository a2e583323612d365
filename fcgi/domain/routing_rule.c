/* Routing rules (domain/routing_rule.h): reading them with what they may
 * name, adding, changing, deleting and reordering them, and setting the
 * force's manual triage queue, each change audited. Positions stay 1 to n:
 * the partial unique index routing_rule_position is checked row by row,
 * so a rule moves through a free position, and every change of positions
 * is serialised by one advisory lock. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/routing_rule.h"
#include "domain/tx.h"
#include "store/pg.h"

/* In the order of the incident_channel type. */
const struct rule_def rule_channels[RULE_CHANNELS_N] = {
	{ "public", "Public reporting form" },
	{ "partner", "Partner's report" },
	{ "open311", "Open311 API" },
	{ "police", "Police officer" },
	{ "call_handler", "Call handler" },
	{ "cad", "Command and control (CAD) system" },
	{ "import", "History import" },
};

/* A JSON array of text as a text[] (or, cast, an enum or bigint array),
 * in the order given: the lists are passed as JSON, so no code needs
 * quoting for an array literal. */
#define JSON_ARRAY(p) \
	"ARRAY(SELECT x.e FROM jsonb_array_elements_text(" p "::jsonb) " \
	"WITH ORDINALITY AS x (e, n) ORDER BY x.n)"

#define RULE_COLS \
	"SELECT r.id, r.position, r.name, to_json(r.type_codes)::text, " \
	"to_json(r.categories)::text, to_json(r.flags)::text, " \
	"to_json(r.channels)::text, to_json(r.agency_ids)::text, " \
	"to_json(r.area_codes)::text, to_json(r.team_ids)::text, r.stop, " \
	"md5(row(r.position, r.name, r.type_codes, r.categories, r.flags, " \
	"r.channels, r.agency_ids, r.area_codes, r.team_ids, r.stop)::text) " \
	"FROM routing_rule r WHERE r.deleted_at IS NULL "

/* allocation_plan's force. */
#define FORCE_SQL \
	"SELECT g.id, g.name, coalesce(g.triage_team_id, 0) FROM agency g " \
	"WHERE g.kind = 'police' AND g.core_partner AND g.active ORDER BY g.id LIMIT 1"

static const struct pg_stmt stmts[] = {
	{ "rule_list", RULE_COLS "ORDER BY r.position" },
	{ "rule_get", RULE_COLS "AND r.id = $1::bigint" },
	{ "rule_get_lock", RULE_COLS "AND r.id = $1::bigint FOR UPDATE" },
	{ "rule_ref_types",
	  "SELECT t.id, t.code, t.name, t.category::text, t.active "
	  "FROM asb_type t LEFT JOIN asb_type p ON p.id = t.parent_id "
	  "ORDER BY coalesce(p.sort_order, t.sort_order), coalesce(p.name, t.name), "
	  "coalesce(p.id, t.id), t.parent_id IS NOT NULL, t.sort_order, t.name, t.id" },
	{ "rule_ref_agencies",
	  "SELECT id, name, active FROM agency ORDER BY lower(name), id" },
	{ "rule_ref_teams",
	  "SELECT t.id, t.agency_id, t.name, a.name, t.active FROM team t "
	  "JOIN agency a ON a.id = t.agency_id "
	  "ORDER BY lower(a.name), a.id, lower(t.name), t.id" },
	{ "rule_ref_areas",
	  "SELECT x.code, x.name, x.beat, x.agency FROM ("
	  "SELECT b.code, b.name, true AS beat, g.name AS agency FROM beat b "
	  "JOIN agency g ON g.id = b.agency_id WHERE b.retired_at IS NULL "
	  "UNION ALL SELECT l.code, l.name, false, g.name FROM la_area l "
	  "JOIN agency g ON g.id = l.agency_id WHERE l.retired_at IS NULL) x "
	  "ORDER BY x.beat DESC, lower(x.agency), lower(x.name), x.code" },
	{ "rule_ref_force", FORCE_SQL },
	{ "rule_force_lock", FORCE_SQL " FOR UPDATE" },
	{ "rule_positions_lock",
	  "SELECT pg_advisory_xact_lock(hashtext('concord:routing_rule'))" },
	{ "rule_insert",
	  "INSERT INTO routing_rule (position, name, type_codes, categories, flags, "
	  "channels, agency_ids, area_codes, team_ids, stop, updated_by) "
	  "SELECT coalesce(max(position), 0) + 1, $1, " JSON_ARRAY("$2") ", "
	  JSON_ARRAY("$3") "::asb_category[], " JSON_ARRAY("$4") ", "
	  JSON_ARRAY("$5") "::incident_channel[], " JSON_ARRAY("$6") "::bigint[], "
	  JSON_ARRAY("$7") ", " JSON_ARRAY("$8") "::bigint[], $9::boolean, "
	  "nullif($10, '0')::bigint FROM routing_rule WHERE deleted_at IS NULL "
	  "RETURNING id, position" },
	{ "rule_update",
	  "UPDATE routing_rule SET name = $2, type_codes = " JSON_ARRAY("$3") ", "
	  "categories = " JSON_ARRAY("$4") "::asb_category[], flags = " JSON_ARRAY("$5")
	  ", channels = " JSON_ARRAY("$6") "::incident_channel[], agency_ids = "
	  JSON_ARRAY("$7") "::bigint[], area_codes = " JSON_ARRAY("$8") ", "
	  "team_ids = " JSON_ARRAY("$9") "::bigint[], stop = $10::boolean, "
	  "updated_at = now(), updated_by = nullif($11, '0')::bigint "
	  "WHERE id = $1::bigint AND deleted_at IS NULL" },
	{ "rule_delete",
	  "UPDATE routing_rule SET deleted_at = now(), updated_at = now(), "
	  "updated_by = nullif($2, '0')::bigint WHERE id = $1::bigint AND deleted_at IS NULL" },
	{ "rule_position",
	  "UPDATE routing_rule SET position = $2::integer, updated_at = now(), "
	  "updated_by = nullif($3, '0')::bigint WHERE id = $1::bigint" },
	/* The rules after a gap, each with the position it moves to. */
	{ "rule_after",
	  "SELECT id, position FROM routing_rule WHERE deleted_at IS NULL "
	  "AND position > $1::integer ORDER BY position" },
	{ "rule_neighbour_up",
	  "SELECT id, position FROM routing_rule WHERE deleted_at IS NULL "
	  "AND position < $1::integer ORDER BY position DESC LIMIT 1" },
	{ "rule_neighbour_down",
	  "SELECT id, position FROM routing_rule WHERE deleted_at IS NULL "
	  "AND position > $1::integer ORDER BY position LIMIT 1" },
	{ "rule_triage_team",
	  "SELECT t.name, a.name FROM team t JOIN agency a ON a.id = t.agency_id "
	  "WHERE t.id = $1::bigint AND t.active" },
	{ "rule_triage_set",
	  "UPDATE agency SET triage_team_id = $2::bigint WHERE id = $1::bigint" },
};

const struct pg_stmts routing_rule_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* A position nothing holds while two rules change places (the CHECK
 * wants it positive, and no partnership has two billion rules). */
#define POSITION_FREE	"2000000000"

/* ---- Codes and words ---- */

/* The index of code in defs, or -1. */
int
rule_def_find(const struct rule_def *defs, size_t n, const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < n; i++)
		if (strcmp(defs[i].code, code) == 0)
			return (int)i;
	return -1;
}

/* The words of code, or the code itself when unknown. */
const char *
rule_def_label(const struct rule_def *defs, size_t n, const char *code)
{
	int i = rule_def_find(defs, n, code);

	return i >= 0 ? defs[i].label : code;
}

const struct rule_type *
rule_refs_type(const struct rule_refs *refs, const char *code)
{
	size_t i;

	for (i = 0; i < refs->ntypes; i++)
		if (strcmp(refs->types[i].code, code) == 0)
			return &refs->types[i];
	return NULL;
}

const struct rule_agency *
rule_refs_agency(const struct rule_refs *refs, long long id)
{
	size_t i;

	for (i = 0; i < refs->nagencies; i++)
		if (refs->agencies[i].id == id)
			return &refs->agencies[i];
	return NULL;
}

const struct rule_team *
rule_refs_team(const struct rule_refs *refs, long long id)
{
	size_t i;

	for (i = 0; i < refs->nteams; i++)
		if (refs->teams[i].id == id)
			return &refs->teams[i];
	return NULL;
}

const struct rule_area *
rule_refs_area(const struct rule_refs *refs, const char *code)
{
	size_t i;

	for (i = 0; i < refs->nareas; i++)
		if (strcmp(refs->areas[i].code, code) == 0)
			return &refs->areas[i];
	return NULL;
}

/* ---- Reading ---- */

/* A JSON array of strings into w (strings in ar). 0, or -1. */
static int
words_read(struct arena *ar, const char *text, struct rule_words *w)
{
	struct json_object *arr = json_tokener_parse(text);
	size_t i, n;
	int rc = -1;

	w->v = NULL;
	w->n = 0;
	if (arr == NULL || !json_object_is_type(arr, json_type_array))
		goto out;
	n = json_object_array_length(arr);
	if (n > 0 && (w->v = arena_calloc(ar, n, sizeof(*w->v))) == NULL)
		goto out;
	for (i = 0; i < n; i++)
		if ((w->v[w->n++] = arena_strdup(ar, json_object_get_string(
		    json_object_array_get_idx(arr, i)))) == NULL)
			goto out;
	rc = 0;
out:
	json_object_put(arr);
	return rc;
}

/* A JSON array of numbers into ids. 0, or -1. */
static int
ids_read(struct arena *ar, const char *text, struct rule_ids *ids)
{
	struct json_object *arr = json_tokener_parse(text);
	size_t i, n;
	int rc = -1;

	ids->v = NULL;
	ids->n = 0;
	if (arr == NULL || !json_object_is_type(arr, json_type_array))
		goto out;
	n = json_object_array_length(arr);
	if (n > 0 && (ids->v = arena_calloc(ar, n, sizeof(*ids->v))) == NULL)
		goto out;
	for (i = 0; i < n; i++)
		ids->v[ids->n++] = json_object_get_int64(json_object_array_get_idx(arr, i));
	rc = 0;
out:
	json_object_put(arr);
	return rc;
}

/* Row i of a RULE_COLS result into *rule (an admin_read_fn). 0, or -1. */
static int
rule_read(struct arena *ar, PGresult *res, int i, void *out)
{
	struct routing_rule *r = out;

	r->id = admin_col_id(res, i, 0);
	r->position = atoi(PQgetvalue(res, i, 1));
	r->name = admin_col(ar, res, i, 2);
	r->stop = admin_col_bool(res, i, 10);
	r->version = admin_col(ar, res, i, 11);
	if (r->name == NULL || r->version == NULL ||
	    words_read(ar, PQgetvalue(res, i, 3), &r->types) == -1 ||
	    words_read(ar, PQgetvalue(res, i, 4), &r->categories) == -1 ||
	    words_read(ar, PQgetvalue(res, i, 5), &r->flags) == -1 ||
	    words_read(ar, PQgetvalue(res, i, 6), &r->channels) == -1 ||
	    ids_read(ar, PQgetvalue(res, i, 7), &r->agencies) == -1 ||
	    words_read(ar, PQgetvalue(res, i, 8), &r->areas) == -1 ||
	    ids_read(ar, PQgetvalue(res, i, 9), &r->teams) == -1)
		return -1;
	return 0;
}

/* The rows of stmt (no parameters), each read with fn into an array of
 * size-byte records. 0, or -1. */
static int
rows_read(struct pg *pg, struct arena *ar, const char *stmt, size_t size,
    admin_read_fn *fn, void **out, size_t *n)
{
	PGresult *res;
	char *recs = NULL;
	int i, rows, rc = -1;

	*out = NULL;
	*n = 0;
	if ((res = pg_exec(pg, stmt, 0, NULL)) == NULL)
		return -1;
	rows = PQntuples(res);
	if (rows > 0 && (recs = arena_calloc(ar, (size_t)rows, size)) == NULL)
		goto out;
	for (i = 0; i < rows; i++)
		if (fn(ar, res, i, recs + (size_t)i * size) == -1)
			goto out;
	*out = recs;
	*n = (size_t)rows;
	rc = 0;
out:
	PQclear(res);
	return rc;
}

static int
type_read(struct arena *ar, PGresult *res, int i, void *out)
{
	struct rule_type *t = out;

	t->id = admin_col_id(res, i, 0);
	t->code = admin_col(ar, res, i, 1);
	t->name = admin_col(ar, res, i, 2);
	t->category = admin_col(ar, res, i, 3);
	t->active = admin_col_bool(res, i, 4);
	return t->code && t->name && t->category ? 0 : -1;
}

static int
agency_read(struct arena *ar, PGresult *res, int i, void *out)
{
	struct rule_agency *g = out;

	g->id = admin_col_id(res, i, 0);
	g->name = admin_col(ar, res, i, 1);
	g->active = admin_col_bool(res, i, 2);
	return g->name ? 0 : -1;
}

static int
team_read(struct arena *ar, PGresult *res, int i, void *out)
{
	struct rule_team *t = out;

	t->id = admin_col_id(res, i, 0);
	t->agency_id = admin_col_id(res, i, 1);
	t->name = admin_col(ar, res, i, 2);
	t->agency_name = admin_col(ar, res, i, 3);
	t->active = admin_col_bool(res, i, 4);
	return t->name && t->agency_name ? 0 : -1;
}

static int
area_read(struct arena *ar, PGresult *res, int i, void *out)
{
	struct rule_area *a = out;

	a->code = admin_col(ar, res, i, 0);
	a->name = admin_col(ar, res, i, 1);
	a->beat = admin_col_bool(res, i, 2);
	a->agency_name = admin_col(ar, res, i, 3);
	return a->code && a->name && a->agency_name ? 0 : -1;
}

/* Everything a rule may name, inside the caller's transaction. 0, or -1. */
static int
refs_read(struct pg *pg, struct arena *ar, struct rule_refs *refs)
{
	PGresult *res;
	void *v;
	int rc = 0;

	memset(refs, 0, sizeof(*refs));
	if (rows_read(pg, ar, "rule_ref_types", sizeof(*refs->types), type_read,
	    &v, &refs->ntypes) == -1)
		return -1;
	refs->types = v;
	if (rows_read(pg, ar, "rule_ref_agencies", sizeof(*refs->agencies),
	    agency_read, &v, &refs->nagencies) == -1)
		return -1;
	refs->agencies = v;
	if (rows_read(pg, ar, "rule_ref_teams", sizeof(*refs->teams), team_read,
	    &v, &refs->nteams) == -1)
		return -1;
	refs->teams = v;
	if (rows_read(pg, ar, "rule_ref_areas", sizeof(*refs->areas), area_read,
	    &v, &refs->nareas) == -1)
		return -1;
	refs->areas = v;
	if ((res = pg_exec(pg, "rule_ref_force", 0, NULL)) == NULL)
		return -1;
	refs->force_name = "";
	if (PQntuples(res) == 1) {
		refs->force_id = admin_col_id(res, 0, 0);
		refs->triage_team_id = admin_col_id(res, 0, 2);
		if ((refs->force_name = admin_col(ar, res, 0, 1)) == NULL)
			rc = -1;
	}
	PQclear(res);
	return rc;
}

/* Every rule in order, and what they may name, read together in one
 * transaction. refs may be NULL. Returns 0 or -1. */
int
routing_rules_read(struct pg *pg, struct arena *ar, const struct actor *a,
    struct routing_rule **rules, size_t *n, struct rule_refs *refs)
{
	void *v;

	if (tx_begin(pg, a) == -1)
		return -1;
	if (rows_read(pg, ar, "rule_list", sizeof(**rules), rule_read, &v, n) == -1 ||
	    (refs != NULL && refs_read(pg, ar, refs) == -1)) {
		pg_rollback(pg);
		return -1;
	}
	*rules = v;
	return pg_commit(pg);
}

/* One rule (not deleted), and what rules may name (refs may be NULL).
 * Returns 1, 0 when there is no such rule, or -1. */
int
routing_rule_get(struct pg *pg, struct arena *ar, const struct actor *a,
    long long id, struct routing_rule *rule, struct rule_refs *refs)
{
	char sid[24];
	const char *p[1] = { sid };
	PGresult *res;
	int found;

	memset(rule, 0, sizeof(*rule));
	admin_id_text(id, sid);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "rule_get", 1, p)) == NULL)
		goto err;
	found = PQntuples(res) == 1;
	if (found && rule_read(ar, res, 0, rule) == -1)
		found = -1;
	PQclear(res);
	if (found == -1 || (refs != NULL && refs_read(pg, ar, refs) == -1))
		goto err;
	return pg_commit(pg) == -1 ? -1 : found;
err:
	pg_rollback(pg);
	return -1;
}

/* ---- Changing ---- */

static struct json_object *
words_json(const struct rule_words *w)
{
	struct json_object *arr = json_object_new_array();
	size_t i;

	for (i = 0; arr != NULL && i < w->n; i++)
		json_object_array_add(arr, json_object_new_string(w->v[i]));
	return arr;
}

static struct json_object *
ids_json(const struct rule_ids *ids)
{
	struct json_object *arr = json_object_new_array();
	size_t i;

	for (i = 0; arr != NULL && i < ids->n; i++)
		json_object_array_add(arr, json_object_new_int64(ids->v[i]));
	return arr;
}

/* A list as the JSON text the statements take, in ar. */
static const char *
json_text(struct arena *ar, struct json_object *o)
{
	const char *s = o != NULL ? arena_strdup(ar, json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN)) : NULL;

	json_object_put(o);
	return s;
}

/* What the audit trail records of a rule (with_position: 0 when a change
 * of its conditions leaves its place alone). */
static struct json_object *
rule_json(const struct routing_rule *r, int with_position)
{
	struct json_object *o = json_object_new_object();

	if (o == NULL)
		return NULL;
	if (with_position)
		json_object_object_add(o, "position", json_object_new_int(r->position));
	json_object_object_add(o, "name", json_object_new_string(r->name));
	json_object_object_add(o, "types", words_json(&r->types));
	json_object_object_add(o, "categories", words_json(&r->categories));
	json_object_object_add(o, "flags", words_json(&r->flags));
	json_object_object_add(o, "channels", words_json(&r->channels));
	json_object_object_add(o, "agencies", ids_json(&r->agencies));
	json_object_object_add(o, "areas", words_json(&r->areas));
	json_object_object_add(o, "teams", ids_json(&r->teams));
	json_object_object_add(o, "stop", json_object_new_boolean(r->stop));
	return o;
}

/* The nine values of a rule as rule_insert takes them ($1..$9), from p[0]. */
static int
rule_params(struct arena *ar, const struct routing_rule *r, const char **p)
{
	p[0] = r->name;
	p[1] = json_text(ar, words_json(&r->types));
	p[2] = json_text(ar, words_json(&r->categories));
	p[3] = json_text(ar, words_json(&r->flags));
	p[4] = json_text(ar, words_json(&r->channels));
	p[5] = json_text(ar, ids_json(&r->agencies));
	p[6] = json_text(ar, words_json(&r->areas));
	p[7] = json_text(ar, ids_json(&r->teams));
	p[8] = r->stop ? "true" : "false";
	return p[1] && p[2] && p[3] && p[4] && p[5] && p[6] && p[7] ? 0 : -1;
}

/* Serialises every change of positions. ADMIN_OK or ADMIN_ERROR. */
static enum admin_rc
positions_lock(struct pg *pg)
{
	return pg_exec_ok(pg, "rule_positions_lock", 0, NULL) == -1 ?
	    ADMIN_ERROR : ADMIN_OK;
}

/* A new rule, last in the order, and its audit row ("create"). Sets
 * rule->id and rule->position. */
enum admin_rc
routing_rule_create(struct pg *pg, struct arena *ar, const struct actor *a,
    struct routing_rule *rule, const char *reason)
{
	char uid[24];
	const char *p[10];
	PGresult *res;
	enum admin_rc rc;

	admin_id_text(a->user_id, uid);
	p[9] = uid;
	if (rule_params(ar, rule, p) == -1 || tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((rc = positions_lock(pg)) != ADMIN_OK)
		goto out;
	rc = ADMIN_ERROR;
	if ((res = pg_exec(pg, "rule_insert", 10, p)) == NULL)
		goto out;
	if (PQntuples(res) == 1) {
		rule->id = admin_col_id(res, 0, 0);
		rule->position = atoi(PQgetvalue(res, 0, 1));
		rc = ADMIN_OK;
	}
	PQclear(res);
	if (rc == ADMIN_OK)
		rc = admin_created(pg, a, "routing_rule", rule->id, rule_json(rule, 1),
		    reason);
out:
	return admin_tx_end(pg, rc);
}

/* Changes a rule's name, conditions, teams and stop (not its place) when
 * it still has the version the form was made from. ADMIN_UNCHANGED writes
 * nothing. */
enum admin_rc
routing_rule_update(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct routing_rule *rule, const char *reason)
{
	char sid[24], uid[24];
	const char *p[11];
	struct routing_rule old;
	enum admin_rc rc;

	admin_id_text(rule->id, sid);
	admin_id_text(a->user_id, uid);
	p[0] = sid;
	p[10] = uid;
	if (rule_params(ar, rule, p + 1) == -1 || tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((rc = admin_lock(pg, ar, "rule_get_lock", sid, rule_read, &old)) != ADMIN_OK)
		goto out;
	rc = ADMIN_STALE;
	if (strcmp(old.version, rule->version) != 0)
		goto out;
	rc = admin_update_audited(pg, a, "routing_rule", rule->id, rule_json(&old, 0),
	    rule_json(rule, 0), reason, "rule_update", 11, p);
out:
	return admin_tx_end(pg, rc);
}

/* Moves one rule to position (through rule_position) and audits it
 * ("move", with why). ADMIN_OK or ADMIN_ERROR. */
static enum admin_rc
position_set(struct pg *pg, const struct actor *a, long long id, int from,
    int to, const char *why, int audit)
{
	char sid[24], pos[16], uid[24];
	const char *p[3] = { sid, pos, uid };
	struct json_object *before, *after;
	int changed;

	admin_id_text(id, sid);
	admin_id_text(a->user_id, uid);
	snprintf(pos, sizeof(pos), "%d", to);
	if (pg_exec_ok(pg, "rule_position", 3, p) == -1)
		return ADMIN_ERROR;
	if (!audit)
		return ADMIN_OK;
	before = json_object_new_object();
	after = json_object_new_object();
	if (before == NULL || after == NULL) {
		json_object_put(before);
		json_object_put(after);
		return ADMIN_ERROR;
	}
	json_object_object_add(before, "position", json_object_new_int(from));
	json_object_object_add(after, "position", json_object_new_int(to));
	return admin_change_audit(pg, a, "routing_rule", id, "move", before, after,
	    why, &changed) == -1 ? ADMIN_ERROR : ADMIN_OK;
}

/* Deletes a rule (deleted_at: its row stays for the allocations that name
 * it), audited ("delete"), and closes the gap: each rule after it moves up
 * one, audited ("move"). *name: the rule's. */
enum admin_rc
routing_rule_delete(struct pg *pg, struct arena *ar, const struct actor *a,
    long long id, const char *reason, const char **name)
{
	char sid[24], uid[24], pos[16];
	const char *p[2] = { sid, uid }, *q[1] = { pos }, *why;
	struct routing_rule old;
	struct json_object *before;
	PGresult *res = NULL;
	enum admin_rc rc;
	int i, changed;

	admin_id_text(id, sid);
	admin_id_text(a->user_id, uid);
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((rc = positions_lock(pg)) != ADMIN_OK ||
	    (rc = admin_lock(pg, ar, "rule_get_lock", sid, rule_read, &old)) != ADMIN_OK)
		goto out;
	*name = old.name;
	rc = ADMIN_ERROR;
	if ((before = rule_json(&old, 1)) == NULL ||
	    admin_change_audit(pg, a, "routing_rule", id, "delete", before, NULL,
	    reason, &changed) == -1 || pg_exec_ok(pg, "rule_delete", 2, p) == -1)
		goto out;
	snprintf(pos, sizeof(pos), "%d", old.position);
	if ((res = pg_exec(pg, "rule_after", 1, q)) == NULL ||
	    (why = arena_printf(ar, "Rule %d “%s” was deleted", old.position,
	    old.name)) == NULL)
		goto out;
	/* In order, each into the place the one before it left. */
	for (i = 0; i < PQntuples(res); i++) {
		int from = atoi(PQgetvalue(res, i, 1));

		if (position_set(pg, a, admin_col_id(res, i, 0), from, from - 1, why,
		    1) != ADMIN_OK)
			goto out;
	}
	rc = ADMIN_OK;
out:
	PQclear(res);
	return admin_tx_end(pg, rc);
}

/* Swaps a rule with the one before it (up) or after it, both audited
 * ("move"). ADMIN_UNCHANGED when it is first (or last) already. *name and
 * *position: the rule's, and where it is now. */
enum admin_rc
routing_rule_move(struct pg *pg, struct arena *ar, const struct actor *a,
    long long id, int up, const char **name, int *position)
{
	char sid[24], pos[16];
	const char *p[1] = { pos };
	struct routing_rule cur;
	PGresult *res = NULL;
	long long other;
	int there;
	enum admin_rc rc;

	admin_id_text(id, sid);
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((rc = positions_lock(pg)) != ADMIN_OK ||
	    (rc = admin_lock(pg, ar, "rule_get_lock", sid, rule_read, &cur)) != ADMIN_OK)
		goto out;
	*name = cur.name;
	*position = cur.position;
	snprintf(pos, sizeof(pos), "%d", cur.position);
	rc = ADMIN_ERROR;
	if ((res = pg_exec(pg, up ? "rule_neighbour_up" : "rule_neighbour_down", 1,
	    p)) == NULL)
		goto out;
	rc = ADMIN_UNCHANGED;
	if (PQntuples(res) != 1)
		goto out;
	other = admin_col_id(res, 0, 0);
	there = atoi(PQgetvalue(res, 0, 1));
	if ((rc = position_set(pg, a, id, cur.position, atoi(POSITION_FREE), NULL,
	    0)) != ADMIN_OK ||
	    (rc = position_set(pg, a, other, there, cur.position, arena_printf(ar,
	    "Changed places with “%s”", cur.name), 1)) != ADMIN_OK ||
	    (rc = position_set(pg, a, id, cur.position, there, NULL, 1)) != ADMIN_OK)
		goto out;
	*position = there;
out:
	PQclear(res);
	return admin_tx_end(pg, rc);
}

/* Sets the force's manual triage queue to an active team, audited as a
 * change of the agency. ADMIN_NOT_FOUND when there is no force,
 * ADMIN_BAD_TEAM when the team is not an active one, ADMIN_UNCHANGED when
 * it is the queue already. */
enum admin_rc
routing_triage_set(struct pg *pg, const struct actor *a, long long team_id)
{
	char gid[24], tid[24];
	const char *p[2] = { gid, tid }, *q[1] = { tid };
	struct json_object *before = NULL, *after = NULL;
	PGresult *res;
	enum admin_rc rc = ADMIN_ERROR;
	long long force, old;

	admin_id_text(team_id, tid);
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((res = pg_exec(pg, "rule_force_lock", 0, NULL)) == NULL)
		goto out;
	rc = PQntuples(res) == 1 ? ADMIN_OK : ADMIN_NOT_FOUND;
	force = rc == ADMIN_OK ? admin_col_id(res, 0, 0) : 0;
	old = rc == ADMIN_OK ? admin_col_id(res, 0, 2) : 0;
	PQclear(res);
	if (rc != ADMIN_OK)
		goto out;
	rc = ADMIN_UNCHANGED;
	if (old == team_id)
		goto out;
	rc = ADMIN_ERROR;
	if ((res = pg_exec(pg, "rule_triage_team", 1, q)) == NULL)
		goto out;
	rc = PQntuples(res) == 1 ? ADMIN_OK : ADMIN_BAD_TEAM;
	PQclear(res);
	if (rc != ADMIN_OK)
		goto out;
	admin_id_text(force, gid);
	rc = ADMIN_ERROR;
	if ((before = json_object_new_object()) == NULL ||
	    (after = json_object_new_object()) == NULL) {
		json_object_put(before);
		goto out;
	}
	json_object_object_add(before, "triage_team", old != 0 ?
	    json_object_new_int64(old) : NULL);
	json_object_object_add(after, "triage_team", json_object_new_int64(team_id));
	if (admin_update_audited(pg, a, "agency", force, before, after, NULL,
	    "rule_triage_set", 2, p) == ADMIN_OK)
		rc = ADMIN_OK;
out:
	return admin_tx_end(pg, rc);
}
