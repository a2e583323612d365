/* POST /api/v1/incidents: a CAD system's incident, through the one
 * intake (api/incident_api.h). The body is read strictly
 * (api/incident_input.c); a retry with the same Idempotency-Key gets the
 * first answer again, from Redis or, when Redis lost it, from
 * api_idempotency, written in the intake's own transaction: and the
 * incident's unique (created_by, idempotency_key) makes a second incident
 * impossible whatever either store remembers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hiredis/hiredis.h>
#include <json-c/json.h>

#include "api/incident_api.h"
#include "api/incident_input.h"
#include "api/problem.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/hex.h"
#include "core/log.h"
#include "domain/api_client.h"
#include "domain/api_incident.h"
#include "domain/api_mapping.h"
#include "domain/incident.h"
#include "domain/incident_status.h"
#include "domain/intake.h"
#include "domain/point_bng.h"
#include "domain/tx.h"
#include "http/request.h"
#include "store/pg.h"
#include "store/redis.h"

/* One create's state, shared with the intake's hook. */
struct create {
	struct req			*r;
	const struct api_mapping	*m;
	const struct api_input		*in;
	const char			*key, *body_hash;
	const char			*external_id;
	const char			*kept;		/* JSON text, or NULL */
	/* Set by the hook. */
	const char			*response;	/* the receipt's JSON text */
	const char			*reference;
	long long			 version;
	int				 external_taken;
};

/* ------------------------------------------------------------------ */
/* Answers                                                             */

static const char *
base_url(const struct req *r)
{
	size_t n = strlen(r->cfg->public_url);

	while (n > 0 && r->cfg->public_url[n - 1] == '/')
		n--;
	return arena_strndup(r->arena, r->cfg->public_url, n);
}

static const char *
incident_url(struct req *r, const char *reference)
{
	return arena_printf(r->arena, "%s/api/v1/incidents/%s", base_url(r), reference);
}

/* The receipt (README "CAD API"): what became of the create. */
static struct json_object *
receipt_json(struct create *c, const struct api_receipt *rc, unsigned flags)
{
	struct json_object *o = json_object_new_object(), *list, *fl, *a, *t;
	const char *code = api_mapping_status_code(c->m, rc->status);
	size_t i;
	int f;

	if (o == NULL)
		return NULL;
	json_object_object_add(o, "reference", json_object_new_string(rc->reference));
	json_object_object_add(o, "version", json_object_new_int64(rc->version));
	json_object_object_add(o, "status", json_object_new_string(rc->status));
	json_object_object_add(o, "status_code", code != NULL ?
	    json_object_new_string(code) : NULL);
	json_object_object_add(o, "url", json_object_new_string(incident_url(c->r,
	    rc->reference)));
	list = json_object_new_array();
	for (i = 0; i < rc->nallocations; i++) {
		a = json_object_new_object();
		t = json_object_new_object();
		json_object_object_add(t, "code", json_object_new_string(rc->allocations[i].code));
		json_object_object_add(t, "name", json_object_new_string(rc->allocations[i].name));
		json_object_object_add(t, "agency",
		    json_object_new_string(rc->allocations[i].agency));
		json_object_object_add(a, "team", t);
		json_object_object_add(a, "kind", json_object_new_string(rc->allocations[i].kind));
		json_object_object_add(a, "reason",
		    json_object_new_string(rc->allocations[i].reason));
		json_object_array_add(list, a);
	}
	json_object_object_add(o, "allocations", list);
	fl = json_object_new_array();
	for (f = 0; f < FLAGS; f++)
		if (flags & FLAG_BIT(f))
			json_object_array_add(fl, json_object_new_string(flag_name((enum flag)f)));
	json_object_object_add(o, "flags", fl);
	json_object_object_add(o, "risk_level", rc->risk_level != NULL ?
	    json_object_new_string(rc->risk_level) : NULL);
	json_object_object_add(o, "linked", json_object_new_boolean(rc->linked));
	return o;
}

/* What is kept of a create answered 201 with response. */
static struct api_idem
kept_create(const struct create *c, long long incident_id, const char *response)
{
	struct api_idem a = { c->body_hash, incident_id, 201, response };

	return a;
}

/* Answers a kept create (its JSON text) with its Location and ETag. */
static void
answer_kept(struct req *r, int status, const char *response, int replayed)
{
	struct json_object *o = json_tokener_parse(response), *v;
	char etag[32];

	if (o == NULL)
		return problem_send(r, 500, "internal", "The kept answer cannot be read.", NULL);
	if (json_object_object_get_ex(o, "url", &v))
		resp_header(r, "Location", json_object_get_string(v));
	if (json_object_object_get_ex(o, "version", &v)) {
		snprintf(etag, sizeof(etag), "\"%lld\"", (long long)json_object_get_int64(v));
		resp_header(r, "ETag", arena_strdup(r->arena, etag));
	}
	if (replayed)
		resp_header(r, "Idempotent-Replayed", "true");
	resp_json(r, status, o);
	json_object_put(o);
}

static void
key_reused(struct req *r)
{
	problem_send(r, 422, "idempotency_key_reused", "This Idempotency-Key was used "
	    "with another body.", "Send a new Idempotency-Key for a new incident.");
}

/* ------------------------------------------------------------------ */
/* Idempotency                                                         */

/* The Redis key of the client's Idempotency-Key (hashed: a key is the
 * client's text, of any printable characters). */
static const char *
cache_key(struct req *r, const char *key)
{
	char h[65];

	if (sha256_hex(key, strlen(key), h) == -1)
		return NULL;
	return arena_printf(r->arena, "concord:api:idem:%lld:%s", r->api->client_id, h);
}

/* What Redis keeps of a create: 1 found, 0 none (or Redis is away: the
 * database answers then). */
static int
cache_get(struct req *r, const char *key, struct api_idem *out)
{
	const char *k = cache_key(r, key);
	struct json_object *o, *h, *s, *b;
	redisReply *reply;
	int found = 0;

	if (k == NULL || (reply = rd_command(r->rd, "GET %s", k)) == NULL)
		return 0;
	if (reply->type == REDIS_REPLY_STRING && (o = json_tokener_parse(reply->str)) != NULL) {
		if (json_object_object_get_ex(o, "body_hash", &h) &&
		    json_object_object_get_ex(o, "status", &s) &&
		    json_object_object_get_ex(o, "response", &b)) {
			out->body_hash = arena_strdup(r->arena, json_object_get_string(h));
			out->status = json_object_get_int(s);
			out->response = arena_strdup(r->arena, json_object_get_string(b));
			found = out->body_hash != NULL && out->response != NULL;
		}
		json_object_put(o);
	}
	freeReplyObject(reply);
	return found;
}

/* Keeps a create in Redis for API_IDEMPOTENCY_TTL; a failure is only
 * logged: the database has it. */
static void
cache_put(struct req *r, const char *key, const struct api_idem *a)
{
	struct json_object *o = json_object_new_object();
	const char *k = cache_key(r, key);
	redisReply *reply = NULL;
	char ttl[16];

	if (o == NULL || k == NULL)
		goto out;
	json_object_object_add(o, "body_hash", json_object_new_string(a->body_hash));
	json_object_object_add(o, "status", json_object_new_int(a->status));
	json_object_object_add(o, "response", json_object_new_string(a->response));
	snprintf(ttl, sizeof(ttl), "%d", API_IDEMPOTENCY_TTL);
	reply = rd_command(r->rd, "SET %s %s EX %s", k,
	    json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN), ttl);
out:
	if (rd_reply_ok(reply) == -1)	/* frees the reply */
		log_error("api: idempotency answer not kept in Redis");
	json_object_put(o);
}

/* The answer to a create sent before with the key: 1 answered (the same
 * body again, or another one), 0 none kept, -1 answered (an error). */
static int
earlier_answer(struct req *r, const char *key, const char *body_hash)
{
	struct api_idem a;
	int found;

	if ((found = cache_get(r, key, &a)) == 0) {
		if ((found = api_idem_find(r->pg, r->arena, r->api->client_id, key, &a)) == -1) {
			problem_unavailable(r);
			return -1;
		}
		if (found)
			cache_put(r, key, &a);
	}
	if (!found)
		return 0;
	if (strcmp(a.body_hash, body_hash) != 0)
		key_reused(r);
	else
		answer_kept(r, a.status, a.response, 1);
	return 1;
}

/* The intake found the incident its key made before (a retry racing the
 * first post, or one whose kept answer is gone): the kept answer, or one
 * made now from the incident when the body is the same. */
static void
answer_resubmitted(struct create *c, const struct intake_result *res)
{
	struct req *r = c->r;
	struct api_receipt rc;
	struct json_object *o;
	struct api_idem a;
	const char *hash;
	long long iid;
	int found;

	if (earlier_answer(r, c->key, c->body_hash) != 0)
		return;
	if (tx_begin(r->pg, &r->actor) == -1)
		return problem_unavailable(r);
	found = api_idem_incident(r->pg, r->arena, r->actor.user_id, c->key, &iid, &hash);
	if (found == 1 && strcmp(hash, c->body_hash) != 0) {
		pg_rollback(r->pg);
		return key_reused(r);
	}
	if (found != 1 || api_receipt_read(r->pg, r->arena, iid, &rc) == -1 ||
	    (o = receipt_json(c, &rc, res->flags)) == NULL) {
		pg_rollback(r->pg);
		return problem_unavailable(r);
	}
	a = kept_create(c, iid, arena_strdup(r->arena, json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN)));
	json_object_put(o);
	if (a.response == NULL || api_idem_save(r->pg, r->api->client_id, c->key, &a) == -1 ||
	    pg_commit(r->pg) == -1) {
		pg_rollback(r->pg);
		return problem_unavailable(r);
	}
	cache_put(r, c->key, &a);
	answer_kept(r, 201, a.response, 1);
}

/* ------------------------------------------------------------------ */
/* The create                                                          */

/* In the intake's transaction, once the incident is written and
 * allocated: the status the client asked for, its external id and kept
 * fields, and the receipt, kept against its key. 0, or -1 (all rolled
 * back). */
static int
create_within(struct pg *pg, const struct actor *a, const struct intake_result *res,
    void *arg)
{
	struct create *c = arg;
	struct status_change sc = { NULL, NULL, NULL };
	struct api_receipt rc;
	struct json_object *o;
	struct incident inc;
	struct api_idem kept;
	int saved;

	if (c->in->status != NULL && strcmp(c->in->status, "new") != 0) {
		sc.status = c->in->status;
		if (incident_load(pg, c->r->arena, a, res->incident_reference, &inc) !=
		    INCIDENT_OK || incident_status_apply(pg, c->r->arena, a, &inc, &sc) !=
		    INCIDENT_OK)
			return -1;
	}
	if (c->external_id != NULL || c->kept != NULL) {
		if ((saved = api_ref_save(pg, c->r->api->client_id, c->external_id,
		    res->incident_id, c->kept)) != 1) {
			c->external_taken = saved == 0;
			return -1;
		}
	}
	if (api_receipt_read(pg, c->r->arena, res->incident_id, &rc) == -1 ||
	    (o = receipt_json(c, &rc, res->flags)) == NULL)
		return -1;
	c->response = arena_strdup(c->r->arena, json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN));
	json_object_put(o);
	c->reference = rc.reference;
	c->version = rc.version;
	if (c->response == NULL)
		return -1;
	if (c->key == NULL)
		return 0;
	kept = kept_create(c, res->incident_id, c->response);
	return api_idem_save(pg, c->r->api->client_id, c->key, &kept);
}

/* The status asked for, as a new incident may start: forward from new
 * (a closed one needs a reason and an outcome: PATCH it). */
static void
status_check(struct req *r, const struct api_input *in, struct problem_fields *errs)
{
	if (in->status == NULL)
		return;
	switch (incident_status_move("new", in->status)) {
	case MOVE_NONE:
	case MOVE_FORWARD:
		return;
	case MOVE_BAD:
		problem_field_add(errs, "status", "invalid_value", arena_printf(r->arena,
		    "\"%s\" is not a status (new, open, allocated, in_progress, "
		    "monitoring, closed)", in->status_code));
		return;
	default:
		problem_field_add(errs, "status", "invalid_value", "A new incident cannot "
		    "start closed: create it, then close it with a reason and an outcome");
	}
}

/* The location's point as the intake reads it (British National Grid
 * converted first). 0, or -1 on a database error. */
static int
point_text(struct req *r, const struct api_input *in, const char **lon, const char **lat)
{
	double x = in->location.lon, y = in->location.lat;

	*lon = *lat = NULL;
	if (in->location.has_bng && point_bng_to_wgs84(r->pg, in->location.easting,
	    in->location.northing, &x, &y) == -1)
		return -1;
	if (!in->location.has_point && !in->location.has_bng)
		return 0;
	*lon = arena_printf(r->arena, "%.7f", x);
	*lat = arena_printf(r->arena, "%.7f", y);
	return *lon != NULL && *lat != NULL ? 0 : -1;
}

/* The submission the input describes, for the intake. */
static void
submission_of(struct create *c, struct intake_submission *s)
{
	const struct api_input *in = c->in;

	memset(s, 0, sizeof(*s));
	s->channel = INTAKE_CAD;
	s->report.type_code = in->asb_type;
	s->report.description = in->description;
	s->report.address = in->location.address;
	s->report.postcode = in->location.postcode;
	s->report.answers = in->answers;
	s->report.idempotency_key = c->key;
	s->idempotency_body = c->key != NULL ? c->body_hash : NULL;
	s->occurred_date = in->occurred_at;
	s->log_number = in->log_number;
	s->people = in->people;
	s->npeople = in->npeople;
	s->screening = in->screening;
	s->call_note = in->note;
	s->within = create_within;
	s->within_arg = c;
}

/* The intake's field errors, named as JSON paths into the body. */
static void
intake_invalid(struct create *c, const struct intake_result *res)
{
	struct problem_fields *errs = arena_calloc(c->r->arena, 1, sizeof(*errs));
	size_t i;

	if (errs == NULL)
		return problem_unavailable(c->r);
	for (i = 0; i < res->nerrors; i++)
		problem_field_add(errs, api_input_path(c->r->arena, c->in, res->errors[i].field),
		    "invalid", arena_strdup(c->r->arena, res->errors[i].message));
	problem_send_fields(c->r, 422, "invalid_fields", "The incident cannot be recorded "
	    "as sent.", errs);
}

/* Answers 409 when the external id names an incident already: 1
 * answered, 0 it does not, -1 answered (an error). */
static int
external_taken(struct req *r, const char *external_id)
{
	const char *taken;
	int found;

	if (tx_begin(r->pg, &r->actor) == -1) {
		problem_unavailable(r);
		return -1;
	}
	found = api_ref_find(r->pg, r->arena, r->api->client_id, external_id, &taken);
	pg_rollback(r->pg);
	if (found == -1) {
		problem_unavailable(r);
		return -1;
	}
	if (found == 1)
		problem_send(r, 409, "external_id_exists", "This external_id names another "
		    "incident.", *taken != '\0' ? arena_printf(r->arena, "It is %s.", taken) :
		    NULL);
	return found;
}

/* The intake, and its answer. */
static void
create_submit(struct create *c)
{
	struct req *r = c->r;
	struct intake_submission s;
	struct intake_result *res;
	struct api_idem kept;

	if ((res = arena_alloc(r->arena, sizeof(*res))) == NULL)
		return problem_unavailable(r);
	submission_of(c, &s);
	if (point_text(r, c->in, &s.lon_text, &s.lat_text) == -1)
		return problem_unavailable(r);
	switch (intake_submit(r->pg, r->rd, r->cfg, &r->actor, &s, res)) {
	case INTAKE_OK:
		break;
	case INTAKE_INVALID:
		return intake_invalid(c, res);
	default:
		/* A create with the same external id won the race. */
		if (!c->external_taken || external_taken(r, c->external_id) == 0)
			problem_unavailable(r);
		return;
	}
	if (res->report.resubmitted)
		return answer_resubmitted(c, res);
	if (c->key != NULL) {
		kept = kept_create(c, res->incident_id, c->response);
		cache_put(r, c->key, &kept);
	}
	answer_kept(r, 201, c->response, 0);
}

void
api_incident_create(struct req *r, struct json_object *input, const char *key,
    const char *body_hash, const char *external_id, struct json_object *kept)
{
	struct create c = { .r = r, .key = key, .body_hash = body_hash };
	struct problem_fields *errs;
	struct api_mapping m;
	struct api_input in;
	int rc;

	if (key != NULL && earlier_answer(r, key, body_hash) != 0)
		return;
	if ((errs = arena_calloc(r->arena, 1, sizeof(*errs))) == NULL)
		return problem_unavailable(r);
	/* Mappings an administrator saved cannot be read: not the client's
	 * to mend (the same read as every endpoint's, api_mapping_of). */
	if (api_mapping_of(r, &m) == -1) {
		problem_send(r, 500, "internal", "This client's code mappings cannot be "
		    "read.", "An administrator must correct them.");
		return;
	}
	rc = api_input_read(r->arena, &m, input, API_INPUT_CREATE, &in, errs);
	status_check(r, &in, errs);
	if (rc == -1 || errs->n > 0) {
		if (errs->n == 0)
			problem_unavailable(r);
		else
			problem_send_fields(r, 422, errs->items[0].code, "The body has fields "
			    "that cannot be taken.", errs);
		goto out;
	}
	c.m = &m;
	c.in = &in;
	c.external_id = external_id != NULL ? external_id : in.external_id;
	if (kept == NULL)
		kept = in.extensions;
	c.kept = kept != NULL ? arena_strdup(r->arena, json_object_to_json_string_ext(kept,
	    JSON_C_TO_STRING_PLAIN)) : NULL;
	if (c.external_id == NULL || external_taken(r, c.external_id) == 0)
		create_submit(&c);
out:
	api_input_free(&in);
	api_mapping_free(&m);
}

/* An Idempotency-Key: 1 to API_IDEMPOTENCY_KEY_MAX printable ASCII. */
static int
key_valid(const char *k)
{
	size_t n = strlen(k), i;

	if (n == 0 || n > API_IDEMPOTENCY_KEY_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if (k[i] < 0x20 || k[i] > 0x7E)
			return 0;
	return 1;
}

void
api_incidents_post(struct req *r)
{
	const char *key = req_header(r, "Idempotency-Key");
	struct json_object *body;
	struct api_body_error err;
	char hash[65];

	if (api_body_parse(r->content_type, r->body, r->body_len, &body, &err) == -1)
		return problem_send(r, err.status, err.code, err.title, err.detail);
	if (key == NULL || *key == '\0')
		problem_send(r, 400, "idempotency_key_missing", "Send an Idempotency-Key "
		    "header with every create.", "1 to 64 printable ASCII characters, new "
		    "for each incident, the same when the create is sent again.");
	else if (!key_valid(key))
		problem_send(r, 400, "idempotency_key_invalid", "The Idempotency-Key is not "
		    "1 to 64 printable ASCII characters.", NULL);
	else if (sha256_hex(r->body, r->body_len, hash) == -1)
		problem_unavailable(r);
	else
		api_incident_create(r, body, key, hash, NULL, NULL);
	json_object_put(body);
}
