/* Open311 GeoReport v2, the model side: the active ASB types as services,
 * their questions as attributes (and the checks an answer must pass), the
 * public read of service requests, and the API clients' keys. Types and
 * questions are reference data with no row security; requests are read
 * through open311_requests() (sql/migrations/0013_open311.sql), which
 * publishes no personal data. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/hex.h"
#include "core/log.h"
#include "core/random.h"
#include "domain/answer.h"
#include "domain/asb_catalogue.h"
#include "domain/open311.h"
#include "domain/report.h"
#include "store/counter.h"
#include "store/pg.h"
#include "store/redis.h"

static const struct pg_stmt stmts[] = {
	{ "open311_services",
	  "SELECT t.code, t.name, coalesce(t.hint, ''), t.category::text, "
	  "coalesce(p.code, ''), EXISTS (SELECT 1 FROM question q "
	  "  WHERE q.asb_type_id = t.id AND q.active) "
	  "FROM asb_type t LEFT JOIN asb_type p ON p.id = t.parent_id "
	  "WHERE t.active AND (p.id IS NULL OR p.active) AND ($1::text IS NULL OR t.code = $1) "
	  "ORDER BY t.sort_order, t.name" },
	{ "open311_requests",
	  "SELECT reference, status, status_notes, service_name, service_code, "
	  "description, requested, updated, address, lat, lon "
	  "FROM open311_requests($1, $2, $3::timestamptz, $4::timestamptz, $5, $6::integer)" },
	{ "open311_client",
	  "SELECT id, name FROM api_client WHERE key_hash = $1 AND active "
	  "AND kind = 'open311'" },
	{ "open311_retry_find",
	  "SELECT body_hash, reference, linked FROM open311_request_key "
	  "WHERE client_id = $1 AND key_hash = $2 "
	  "AND created_at > now() - make_interval(hours => $3::integer)" },
	{ "open311_retry_prune",
	  "DELETE FROM open311_request_key WHERE client_id = $1 "
	  "AND created_at <= now() - make_interval(hours => $2::integer)" },
	/* No row back: the same post, sent twice at once, is being saved by
	 * the other request; this one must not make a second report. */
	{ "open311_retry_keep",
	  "INSERT INTO open311_request_key (client_id, key_hash, body_hash, report_id, "
	  "reference, linked) VALUES ($1, $2, $3, $4, $5, $6::boolean) "
	  "ON CONFLICT DO NOTHING RETURNING 1" },
};

const struct pg_stmts open311_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static const char *
col(struct arena *a, PGresult *res, int row, int c)
{
	return arena_strdup(a, PQgetvalue(res, row, c));
}

/* NULL for an SQL NULL, else the value copied. */
static const char *
col_null(struct arena *a, PGresult *res, int row, int c)
{
	return PQgetisnull(res, row, c) ? NULL : arena_strdup(a, PQgetvalue(res, row, c));
}

static const char *
group_name(const char *category)
{
	if (strcmp(category, "personal") == 0)
		return "Personal";
	if (strcmp(category, "environmental") == 0)
		return "Environmental";
	return "Nuisance";
}

/* Reads the rows of open311_services into out. 0, or -1 out of memory. */
static int
services_read(struct arena *a, PGresult *res, struct open311_service *out)
{
	const char *parent;
	int i;

	for (i = 0; i < PQntuples(res); i++) {
		out[i].code = col(a, res, i, 0);
		out[i].name = col(a, res, i, 1);
		out[i].description = col(a, res, i, 2);
		out[i].group = group_name(PQgetvalue(res, i, 3));
		parent = PQgetvalue(res, i, 4);
		out[i].keywords = arena_printf(a, "%s%s%s, anti-social behaviour",
		    PQgetvalue(res, i, 3), *parent ? ", " : "", parent);
		out[i].metadata = PQgetvalue(res, i, 5)[0] == 't';
		if (out[i].code == NULL || out[i].name == NULL ||
		    out[i].description == NULL || out[i].keywords == NULL)
			return -1;
	}
	return 0;
}

/* Every active type, in the administrator's order. 0, or -1 when the
 * database fails or memory runs out. */
int
open311_services(struct pg *pg, struct arena *a, struct open311_service **out,
    size_t *n)
{
	const char *p[1] = { NULL };
	PGresult *res;
	int rc = -1;

	if ((res = pg_exec(pg, "open311_services", 1, p)) == NULL)
		return -1;
	*out = arena_calloc(a, (size_t)PQntuples(res) + 1, sizeof(**out));
	if (*out != NULL && services_read(a, res, *out) == 0) {
		*n = (size_t)PQntuples(res);
		rc = 0;
	}
	PQclear(res);
	return rc;
}

/* The Open311 datatype for a question kind. */
const char *
open311_datatype(const char *kind)
{
	static const struct { const char *kind, *type; } map[] = {
		{ "short_text", "string" },
		{ "long_text", "text" },
		{ "yes_no", "singlevaluelist" },
		{ "single_choice", "singlevaluelist" },
		{ "multiple_choice", "multivaluelist" },
		{ "date", "datetime" },
		{ "time", "datetime" },
		{ "number", "number" },
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(map[i].kind, kind) == 0)
			return map[i].type;
	return "string";
}

/* The values a list attribute offers: yes/no as true/false, choices as
 * their options. 0, or -1 out of memory. */
static int
values_read(struct arena *a, struct open311_attribute *at, const char *options)
{
	struct json_object *o, *e, *v, *l;
	size_t i, n;

	if (strcmp(at->kind, "yes_no") == 0) {
		if ((at->values = arena_calloc(a, 2, sizeof(*at->values))) == NULL)
			return -1;
		at->values[0].key = "true";
		at->values[0].name = "Yes";
		at->values[1].key = "false";
		at->values[1].name = "No";
		at->nvalues = 2;
		return 0;
	}
	if (strcmp(at->kind, "single_choice") != 0 &&
	    strcmp(at->kind, "multiple_choice") != 0)
		return 0;
	if ((o = json_tokener_parse(options)) == NULL)
		return 0;
	n = json_object_is_type(o, json_type_array) ? json_object_array_length(o) : 0;
	if ((at->values = arena_calloc(a, n + 1, sizeof(*at->values))) == NULL) {
		json_object_put(o);
		return -1;
	}
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(o, i);
		if (!json_object_object_get_ex(e, "value", &v) ||
		    !json_object_object_get_ex(e, "label", &l))
			continue;
		at->values[at->nvalues].key = arena_strdup(a, json_object_get_string(v));
		at->values[at->nvalues].name = arena_strdup(a, json_object_get_string(l));
		if (at->values[at->nvalues].key == NULL ||
		    at->values[at->nvalues].name == NULL) {
			json_object_put(o);
			return -1;
		}
		at->nvalues++;
	}
	json_object_put(o);
	return 0;
}

/* One active type and its questions as attributes (the questions as the
 * public form reads them: asb_catalogue.c). 1 found, 0 when there is no
 * such active type, -1 when the database fails or memory runs out. */
int
open311_service_find(struct pg *pg, struct arena *a, const char *code,
    struct open311_service *svc, struct open311_attribute **attrs, size_t *n)
{
	const char *p[1] = { code };
	struct open311_attribute *at;
	struct asb_question *q;
	PGresult *res;
	size_t i, nq;
	int found;

	if ((res = pg_exec(pg, "open311_services", 1, p)) == NULL)
		return -1;
	found = PQntuples(res) == 1;
	if (found && services_read(a, res, svc) == -1)
		found = -1;
	PQclear(res);
	if (found != 1)
		return found;
	if (asb_questions_list(pg, a, code, &q, &nq) == -1 ||
	    (at = arena_calloc(a, nq + 1, sizeof(*at))) == NULL)
		return -1;
	for (i = 0; i < nq; i++) {
		at[i].question = &q[i];
		at[i].code = q[i].key;
		at[i].description = q[i].label;
		at[i].datatype_description = q[i].hint;
		at[i].kind = q[i].kind;
		at[i].required = q[i].required;
		at[i].version = q[i].version;
		at[i].order = (int)i + 1;
		at[i].datatype = open311_datatype(at[i].kind);
		if (values_read(a, &at[i], q[i].options) == -1)
			return -1;
	}
	*attrs = at;
	*n = nq;
	return 1;
}

/* ------------------------------------------------------------------ */
/* Answers                                                             */

static int
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

static int
num2(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/* A real date as YYYY-MM-DD at the start of s (the one date parser,
 * held to ISO 8601's two-digit month and day). */
static int
date_ok(const char *s)
{
	struct date d;
	const char *end = date_parse(s, &d);

	return end == s + 10;
}

/* "HH:MM" or "HH:MM:SS" at s, ending where *end says. 1 when valid. */
static int
clock_ok(const char *s, const char **end)
{
	if (!digits(s, 2) || s[2] != ':' || !digits(s + 3, 2) || num2(s) > 23 ||
	    num2(s + 3) > 59)
		return 0;
	s += 5;
	if (s[0] == ':') {
		if (!digits(s + 1, 2) || num2(s + 1) > 59)
			return 0;
		s += 3;
		if (s[0] == '.') {
			s++;
			while (isdigit((unsigned char)*s))
				s++;
		}
	}
	*end = s;
	return 1;
}

/* An ISO 8601 / W3C date or date-time (YYYY-MM-DD, optionally followed by
 * THH:MM[:SS[.s]] and Z or an offset), as PostgreSQL may read it; a "+"
 * that the form encoding turned into a space is put back. Returns the
 * value to use, or NULL when it is not one. */
const char *
open311_datetime_valid(struct arena *a, const char *s)
{
	const char *t;
	char *out;
	size_t n = strlen(s);

	if (n > 40 || !date_ok(s))
		return NULL;
	if (s[10] == '\0')
		return s;
	if ((s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !clock_ok(s + 11, &t))
		return NULL;
	if (*t == '\0' || ((*t == 'Z' || *t == 'z') && t[1] == '\0'))
		return s;
	if ((*t != '+' && *t != '-' && *t != ' ') || !digits(t + 1, 2) ||
	    num2(t + 1) > 14)
		return NULL;
	if (!(t[3] == '\0' || (t[3] == ':' && digits(t + 4, 2) && t[6] == '\0') ||
	    (digits(t + 3, 2) && t[5] == '\0')))
		return NULL;
	if ((out = arena_strdup(a, s)) == NULL)
		return NULL;
	if (*t == ' ')
		out[t - s] = '+';
	return out;
}

/* Checks the values sent for one attribute (attribute[CODE], repeated for
 * a multivaluelist) with the public form's checker (domain/answer.c) and,
 * when there is an answer, adds it to answers as the public form would:
 * {"question", "answer", "version", "kind", "display"}. A datetime sent
 * for a date or a time question gives its date or its time of day.
 * Returns 0; -1 with *why (for the client: the attribute, then the
 * checker's words) when the values are missing or not allowed; -2 out of
 * memory. */
int
open311_answer(struct arena *a, const struct open311_attribute *at,
    const char *const *vals, size_t nvals, struct json_object *answers,
    const char **why)
{
	struct answer ans;
	struct json_object *rec;
	const char *one, *t, *problem;
	int rc;

	if (nvals == 1 && vals[0] != NULL &&
	    (strcmp(at->kind, "date") == 0 || strcmp(at->kind, "time") == 0) &&
	    strlen(vals[0]) > 10 && open311_datetime_valid(a, vals[0]) != NULL) {
		t = strpbrk(vals[0], "Tt ");
		one = at->kind[0] == 'd' ? arena_strndup(a, vals[0], (size_t)(t - vals[0])) :
		    arena_strndup(a, t + 1, strspn(t + 1, "0123456789:"));
		if (one == NULL)
			return -2;
		vals = &one;
	}
	if ((rc = answer_check(a, at->question, vals, nvals, time(NULL), &ans,
	    &problem)) == 1) {
		*why = arena_printf(a, "attribute[%s]: %s", at->code, problem);
		return *why != NULL ? -1 : -2;
	}
	if (rc != 0)
		return -2;
	if (ans.value == NULL)
		return 0;
	if ((rec = json_object_new_object()) == NULL) {
		json_object_put(ans.value);
		return -2;
	}
	json_object_object_add(rec, "question", json_object_new_string(at->description));
	json_object_object_add(rec, "answer", ans.value);
	json_object_object_add(rec, "version", json_object_new_int(at->version));
	json_object_object_add(rec, "kind", json_object_new_string(at->kind));
	json_object_object_add(rec, "display", json_object_new_string(ans.display));
	json_object_object_add(answers, at->code, rec);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Requests                                                            */

/* The service requests the query selects, newest first, at most
 * OPEN311_LIMIT. 0, or -1 when the database fails or memory runs out. */
int
open311_requests_find(struct pg *pg, struct arena *a, const struct open311_query *q,
    struct open311_request **out, size_t *n)
{
	char limit[16];
	const char *p[6] = { q->ids, q->service_code, q->start, q->end, q->status, limit };
	struct open311_request *rq;
	PGresult *res;
	int i, rows, rc = -1;

	snprintf(limit, sizeof(limit), "%d", OPEN311_LIMIT);
	if ((res = pg_exec(pg, "open311_requests", 6, p)) == NULL)
		return -1;
	rows = PQntuples(res);
	if ((rq = arena_calloc(a, (size_t)rows + 1, sizeof(*rq))) == NULL)
		goto out;
	for (i = 0; i < rows; i++) {
		rq[i].id = col(a, res, i, 0);
		rq[i].status = col(a, res, i, 1);
		rq[i].status_notes = col_null(a, res, i, 2);
		rq[i].service_name = col(a, res, i, 3);
		rq[i].service_code = col(a, res, i, 4);
		rq[i].description = col_null(a, res, i, 5);
		rq[i].requested = col(a, res, i, 6);
		rq[i].updated = col(a, res, i, 7);
		rq[i].address = col_null(a, res, i, 8);
		rq[i].has_point = !PQgetisnull(res, i, 9) && !PQgetisnull(res, i, 10);
		if (rq[i].has_point) {
			rq[i].lat = strtod(PQgetvalue(res, i, 9), NULL);
			rq[i].lon = strtod(PQgetvalue(res, i, 10), NULL);
		}
		if (rq[i].id == NULL || rq[i].status == NULL || rq[i].service_name == NULL ||
		    rq[i].service_code == NULL || rq[i].requested == NULL ||
		    rq[i].updated == NULL)
			goto out;
	}
	*out = rq;
	*n = (size_t)rows;
	rc = 0;
out:
	PQclear(res);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Clients                                                             */

/* Whose key this is. 1 and the client; 0 when the key is missing, wrong or
 * the client inactive (the same answer for each); -1 on a database error.
 * The key is looked up by its SHA-256, so a stolen table gives no keys. */
int
open311_client_check(struct pg *pg, const char *api_key, struct open311_client *c)
{
	char hash[65];
	const char *p[1] = { hash };
	PGresult *res;
	int found;

	memset(c, 0, sizeof(*c));
	if (api_key == NULL || *api_key == '\0' || strlen(api_key) > OPEN311_KEY_MAX ||
	    sha256_hex(api_key, strlen(api_key), hash) == -1)
		return 0;
	if ((res = pg_exec(pg, "open311_client", 1, p)) == NULL)
		return -1;
	if ((found = PQntuples(res) == 1)) {
		c->id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		snprintf(c->name, sizeof(c->name), "%s", PQgetvalue(res, 0, 1));
	}
	PQclear(res);
	return found;
}

/* Counts one post against the client's allowance for this minute. 1 when
 * it is within it, 0 when over. When Redis cannot say, the post goes
 * ahead: nginx still limits the rate per address. */
int
open311_rate_take(struct rd *rd, const struct open311_client *c, int per_minute)
{
	char key[96];
	struct rd_window w;

	/* One key per clock minute, kept a minute longer than it counts. */
	snprintf(key, sizeof(key), "concord:open311:rate:%lld:%lld", c->id,
	    clock_epoch() / 60);
	if (rd_window_hit(rd, key, 120, &w) == -1) {
		log_warn("open311: rate limit unavailable: %s", rd_error(rd));
		return 1;
	}
	return w.count <= per_minute;
}

/* A new client key (64 hex digits) and its SHA-256, as stored. 0 or -1. */
int
open311_key_new(char key[65], char hash[65])
{
	if (random_hex(key, 32) == -1)
		return -1;
	return sha256_hex(key, 64, hash);
}

/* ------------------------------------------------------------------ */
/* Retries                                                             */

/* Names a post for open311_retry_find: by its Idempotency-Key when the
 * client sent one (NULL otherwise), else by the bytes of its body. 0, or
 * -1 when hashing fails. */
int
open311_retry_init(struct open311_retry *rt, long long client_id,
    const char *idempotency_key, const char *body, size_t len)
{
	char named[OPEN311_IDEM_KEY_MAX + 70];

	memset(rt, 0, sizeof(*rt));
	rt->client_id = client_id;
	if (sha256_hex(body != NULL ? body : "", len, rt->body_hash) == -1)
		return -1;
	/* Prefixed, so that a key never names the same row as a body. */
	snprintf(named, sizeof(named), "%s:%s", idempotency_key != NULL ? "key" : "body",
	    idempotency_key != NULL ? idempotency_key : rt->body_hash);
	return sha256_hex(named, strlen(named), rt->key_hash);
}

/* Whether this client sent this post before, within OPEN311_RETRY_HOURS. */
enum open311_retry_rc
open311_retry_find(struct pg *pg, struct open311_retry *rt)
{
	char cid[24], hours[8];
	const char *p[3] = { cid, rt->key_hash, hours };
	enum open311_retry_rc rc = OPEN311_RETRY_NEW;
	PGresult *res;

	snprintf(cid, sizeof(cid), "%lld", rt->client_id);
	snprintf(hours, sizeof(hours), "%d", OPEN311_RETRY_HOURS);
	if ((res = pg_exec(pg, "open311_retry_find", 3, p)) == NULL)
		return OPEN311_RETRY_ERROR;
	if (PQntuples(res) == 1) {
		if (strcmp(PQgetvalue(res, 0, 0), rt->body_hash) != 0)
			rc = OPEN311_RETRY_CONFLICT;
		else {
			rc = OPEN311_RETRY_SAME;
			snprintf(rt->reference, sizeof(rt->reference), "%s",
			    PQgetvalue(res, 0, 1));
			rt->linked = PQgetvalue(res, 0, 2)[0] == 't';
		}
	}
	PQclear(res);
	return rc;
}

/* Keeps the post's name with the report it made, in the report's own
 * transaction (report_input.keep): a crash after the commit still leaves
 * the retry its answer. 0, or -1 when it cannot be kept or the same post
 * is being saved by another request at this moment. */
int
open311_retry_keep(struct pg *pg, const struct report_result *out, void *arg)
{
	struct open311_retry *rt = arg;
	char cid[24], hours[8], rid[24];
	const char *prune[2] = { cid, hours };
	const char *p[6] = { cid, rt->key_hash, rt->body_hash, rid, out->reference,
	    out->linked ? "true" : "false" };
	PGresult *res;
	int kept;

	snprintf(cid, sizeof(cid), "%lld", rt->client_id);
	snprintf(hours, sizeof(hours), "%d", OPEN311_RETRY_HOURS);
	snprintf(rid, sizeof(rid), "%lld", out->report_id);
	/* An old post's name may be used again once it has expired. */
	if (pg_exec_ok(pg, "open311_retry_prune", 2, prune) == -1)
		return -1;
	if ((res = pg_exec(pg, "open311_retry_keep", 6, p)) == NULL)
		return -1;
	kept = PQntuples(res) == 1;
	PQclear(res);
	if (!kept)
		log_warn("open311: the same post is being saved by another request");
	return kept ? 0 : -1;
}
