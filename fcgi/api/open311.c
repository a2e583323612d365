/* Open311 GeoReport v2 under /open311/v2/: how FixMyStreet and other civic
 * apps list the kinds of ASB, send reports in and follow them. Each
 * endpoint answers in JSON or XML by its extension (.json, .xml); errors
 * come in the spec's own shape. Reading is public and shows no personal
 * data; posting needs a registered client's api_key, in the body. A post
 * that is sent again (the same Idempotency-Key, or the same bytes within
 * a day) gets the first answer instead of making a second report. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "api/api.h"
#include "api/open311_format.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/log.h"
#include "domain/asb_catalogue.h"
#include "domain/contact_check.h"
#include "domain/intake.h"
#include "domain/open311.h"
#include "domain/point_check.h"
#include "domain/report.h"
#include "http/request.h"

/* When this API last changed, for discovery. */
#define OPEN311_CHANGESET	"2026-11-27T00:00:00Z"

/* The format a fixed path (/open311/v2/services.xml) asks for. */
static enum open311_fmt
path_fmt(const struct req *r)
{
	size_t n = strlen(r->path);

	return n > 4 && strcmp(r->path + n - 4, ".xml") == 0 ? OPEN311_XML : OPEN311_JSON;
}

/* Splits a {file} segment ("noise.json") into its name and format. 0, or
 * -1 after answering 404 when the extension is neither .json nor .xml. */
static int
file_split(struct req *r, const char **name, enum open311_fmt *f)
{
	const char *file = req_param(r, "file"), *dot;

	*f = OPEN311_JSON;
	if (file == NULL || (dot = strrchr(file, '.')) == NULL || dot == file) {
		open311_send_error(r, *f, 404, "Add .json or .xml to the address.");
		return -1;
	}
	if (strcmp(dot, ".xml") == 0)
		*f = OPEN311_XML;
	else if (strcmp(dot, ".json") != 0) {
		open311_send_error(r, *f, 404, "The format must be .json or .xml.");
		return -1;
	}
	if ((*name = arena_strndup(r->arena, file, (size_t)(dot - file))) == NULL) {
		open311_send_error(r, *f, 500, "Out of memory.");
		return -1;
	}
	return 0;
}

static void
unavailable(struct req *r, enum open311_fmt f)
{
	open311_send_error(r, f, 503, "The service is unavailable at the moment. "
	    "Try again in a few minutes.");
}

/* A form or query parameter, or NULL when absent or empty. */
static const char *
param(const struct req *r, const char *name)
{
	const char *v = req_form(r, name);

	if (v == NULL)
		v = req_query(r, name);
	return v != NULL && *v != '\0' ? v : NULL;
}

/* GET /open311/v2/discovery.{json,xml}: the endpoint from public_url, as
 * nginx passes the Host header without its port. */
void
open311_discovery_get(struct req *r)
{
	const char *url = arena_printf(r->arena, "%s/open311/v2", r->cfg->public_url);

	if (url == NULL)
		return open311_send_error(r, path_fmt(r), 500, "Out of memory.");
	open311_send_discovery(r, path_fmt(r), url, OPEN311_CHANGESET);
}

/* GET /open311/v2/services.{json,xml}: every active ASB type. */
void
open311_services_get(struct req *r)
{
	struct open311_service *s;
	size_t n;

	if (open311_services(r->pg, r->arena, &s, &n) == -1)
		return unavailable(r, path_fmt(r));
	open311_send_services(r, path_fmt(r), s, n);
}

/* GET /open311/v2/services/{code}.{json,xml}: the type's questions as
 * attributes; 404 for a type that is unknown or not active. */
void
open311_service_get(struct req *r)
{
	struct open311_attribute *at;
	struct open311_service s;
	enum open311_fmt f;
	const char *code;
	size_t n;

	if (file_split(r, &code, &f) == -1)
		return;
	switch (open311_service_find(r->pg, r->arena, code, &s, &at, &n)) {
	case 1:
		return open311_send_definition(r, f, &s, at, n);
	case 0:
		return open311_send_error(r, f, 404, arena_printf(r->arena,
		    "There is no service with the code \"%s\".", code));
	default:
		return unavailable(r, f);
	}
}

/* ------------------------------------------------------------------ */
/* GET requests                                                        */

/* Every service_code given, repeated or comma-separated (the spec allows
 * both), as one comma-separated list in *out, NULL when none. 0, or -1
 * out of memory. */
static int
codes_list(struct req *r, const char **out)
{
	size_t i;

	*out = NULL;
	for (i = 0; i < r->query.n; i++) {
		if (strcmp(r->query.v[i].key, "service_code") != 0 ||
		    *r->query.v[i].val == '\0')
			continue;
		*out = *out == NULL ? r->query.v[i].val :
		    arena_printf(r->arena, "%s,%s", *out, r->query.v[i].val);
		if (*out == NULL)
			return -1;
	}
	return 0;
}

/* GET /open311/v2/requests.{json,xml}: the standard filters; by default
 * the last 90 days, at most 1000. */
void
open311_requests_get(struct req *r)
{
	enum open311_fmt f = path_fmt(r);
	struct open311_request *q;
	struct open311_query qy = {0};
	const char *status;
	size_t n;

	qy.ids = param(r, "service_request_id");
	if (codes_list(r, &qy.service_code) == -1)
		return open311_send_error(r, f, 500, "Out of memory.");
	if (qy.ids != NULL && strlen(qy.ids) > 4000)
		return open311_send_error(r, f, 400, "service_request_id lists too many "
		    "requests: ask for at most 100 at once.");
	if ((qy.start = param(r, "start_date")) != NULL &&
	    (qy.start = open311_datetime_valid(r->arena, qy.start)) == NULL)
		return open311_send_error(r, f, 400, "start_date must be a date and time "
		    "in ISO 8601 (W3C) form, for example 2026-11-27T09:00:00Z.");
	if ((qy.end = param(r, "end_date")) != NULL &&
	    (qy.end = open311_datetime_valid(r->arena, qy.end)) == NULL)
		return open311_send_error(r, f, 400, "end_date must be a date and time "
		    "in ISO 8601 (W3C) form, for example 2026-11-27T09:00:00Z.");
	if ((status = param(r, "status")) != NULL) {
		if (strcmp(status, "open") == 0 || strcmp(status, "closed") == 0)
			qy.status = status;
		else if (strcmp(status, "open,closed") != 0 &&
		    strcmp(status, "closed,open") != 0)
			return open311_send_error(r, f, 400, "status must be open or closed.");
	}
	if (open311_requests_find(r->pg, r->arena, &qy, &q, &n) == -1)
		return unavailable(r, f);
	open311_send_requests(r, f, q, n);
}

/* The one request with this reference: 1, 0 after answering 404, or -1
 * after answering 503. */
static int
request_one(struct req *r, enum open311_fmt f, const char *id,
    struct open311_request **q)
{
	struct open311_query qy = { .ids = id };
	size_t n = 0;

	if (*id == '\0' || strchr(id, ',') != NULL ||
	    open311_requests_find(r->pg, r->arena, &qy, q, &n) == 0) {
		if (n == 1)
			return 1;
		open311_send_error(r, f, 404, arena_printf(r->arena,
		    "There is no service request \"%s\".", id));
		return 0;
	}
	unavailable(r, f);
	return -1;
}

/* GET /open311/v2/requests/{id}.{json,xml} */
void
open311_request_get(struct req *r)
{
	struct open311_request *q;
	enum open311_fmt f;
	const char *id;

	if (file_split(r, &id, &f) == -1)
		return;
	if (request_one(r, f, id, &q) == 1)
		open311_send_requests(r, f, q, 1);
}

/* GET /open311/v2/tokens/{token}.{json,xml}: requests are answered at once
 * with their id, so the only tokens are the ids themselves. */
void
open311_token_get(struct req *r)
{
	struct open311_request *q;
	enum open311_fmt f;
	const char *token;

	if (file_split(r, &token, &f) == -1)
		return;
	if (request_one(r, f, token, &q) == 1)
		open311_send_token(r, f, q->id, token);
}

/* ------------------------------------------------------------------ */
/* POST requests                                                       */

/* The values sent for one attribute: attribute[CODE], or attribute[CODE][]
 * (a multivaluelist), in arrival order. */
static size_t
attribute_values(struct req *r, const char *code, const char **vals)
{
	size_t i, n = 0, len = strlen(code);
	const char *k;

	for (i = 0; i < r->form.n; i++) {
		k = r->form.v[i].key;
		if (strncmp(k, "attribute[", 10) != 0 || strncmp(k + 10, code, len) != 0 ||
		    k[10 + len] != ']' || (k[11 + len] != '\0' && strcmp(k + 11 + len, "[]") != 0))
			continue;
		vals[n++] = r->form.v[i].val;
	}
	return n;
}

/* A text field no longer than max: 0, or -1 after answering 400. */
static int
text_field(struct req *r, enum open311_fmt f, const char *name, size_t max,
    const char **out)
{
	*out = param(r, name);
	if (*out != NULL && strlen(*out) > max) {
		open311_send_error(r, f, 400, arena_printf(r->arena, "%s must be %zu "
		    "characters or fewer.", name, max));
		return -1;
	}
	return 0;
}

/* Where the report is: lat and long, or else address_string or
 * address_id. address_id is the client's reference for the address in an
 * address register (a UPRN, say): we hold no register to look it up in, so
 * it is kept with the address text for staff, and, like an address_string
 * alone, gives no point to check the area by. 0, or -1 after answering 400. */
static int
location_read(struct req *r, enum open311_fmt f, struct report_input *in)
{
	const char *lat = param(r, "lat"), *lon = param(r, "long"), *id, *why;

	if (text_field(r, f, "address_string", 500, &in->address) == -1 ||
	    text_field(r, f, "address_id", 64, &id) == -1)
		return -1;
	if (id != NULL) {
		if (strspn(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		    "0123456789._:-") != strlen(id)) {
			open311_send_error(r, f, 400, "address_id may only have letters, "
			    "digits and . _ : -");
			return -1;
		}
		in->address = arena_printf(r->arena, "%s%saddress_id %s%s",
		    in->address ? in->address : "", in->address ? " (" : "", id,
		    in->address ? ")" : "");
		if (in->address == NULL) {
			open311_send_error(r, f, 500, "Out of memory.");
			return -1;
		}
	}
	if (lat != NULL || lon != NULL) {
		if ((why = point_parse(lon, lat, &in->lon, &in->lat)) != NULL) {
			open311_send_error(r, f, 400, arena_printf(r->arena,
			    "lat and long: %s", why));
			return -1;
		}
		in->has_point = 1;
		return 0;
	}
	if (in->address == NULL) {
		open311_send_error(r, f, 400, "A location is required: lat and long, "
		    "address_string or address_id.");
		return -1;
	}
	return 0;
}

/* The type's attributes from the form into answers, and media_url with
 * them. 0, or -1 after answering. */
static int
answers_read(struct req *r, enum open311_fmt f, const struct open311_attribute *at,
    size_t nat, struct json_object *answers)
{
	static const struct asb_question media_question = {
		.key = "media_url", .label = "A photo or video", .hint = "",
		.kind = "short_text", .options = "[]", .notice_answer = "",
		.notice_text = "", .version = 1,
	};
	static const struct open311_attribute media = {
		.question = &media_question, .code = "media_url", .description = "A photo or video (link sent by "
		"the app; not fetched)", .kind = "short_text", .datatype = "string",
		.version = 1,
	};
	const char **vals, *why = NULL, *url = param(r, "media_url");
	size_t i, n;
	int rc;

	if ((vals = arena_calloc(r->arena, r->form.n + 1, sizeof(*vals))) == NULL)
		goto oom;
	for (i = 0; i < nat; i++) {
		n = attribute_values(r, at[i].code, vals);
		if ((rc = open311_answer(r->arena, &at[i], vals, n, answers, &why)) == -1) {
			open311_send_error(r, f, 400, why);
			return -1;
		}
		if (rc == -2)
			goto oom;
	}
	if (url == NULL)
		return 0;
	if ((strncasecmp(url, "https://", 8) != 0 && strncasecmp(url, "http://", 7) != 0) ||
	    strlen(url) > 500 || strpbrk(url, " \t\r\n") != NULL) {
		open311_send_error(r, f, 400, "media_url must be an http or https address "
		    "of 500 characters or fewer.");
		return -1;
	}
	if (open311_answer(r->arena, &media, &url, 1, answers, &why) != 0)
		goto oom;
	return 0;
oom:
	open311_send_error(r, f, 500, "Out of memory.");
	return -1;
}

/* Who sent it, if they said: names, e-mail and phone go on the reporter's
 * (private) record, never into what Open311 publishes. The intake trims
 * and checks them, as the form's. 0, or -1 after answering 400. */
static int
contact_read(struct req *r, enum open311_fmt f, struct report_input *in)
{
	if (text_field(r, f, "first_name", 100, &in->given_name) == -1 ||
	    text_field(r, f, "last_name", 100, &in->family_name) == -1 ||
	    text_field(r, f, "email", CONTACT_EMAIL_MAX + 64, &in->email) == -1 ||
	    text_field(r, f, "phone", CONTACT_PHONE_MAX + 64, &in->phone) == -1)
		return -1;
	in->anonymous = in->given_name == NULL && in->family_name == NULL &&
	    in->email == NULL && in->phone == NULL;
	in->preferred_contact = in->email != NULL ? "email" :
	    in->phone != NULL ? "phone" : "none";
	return 0;
}

/* An intake field as Open311 names the parameter. */
static const char *
param_name(const char *field)
{
	if (strcmp(field, INTAKE_F_WHERE) == 0)
		return "lat and long";
	if (strcmp(field, INTAKE_F_TYPE) == 0)
		return "service_code";
	if (strncmp(field, "answer-", 7) == 0)
		return field + 7;
	return field;
}

/* What the intake refused, for a report it did not take: the form's
 * words after the parameter's name, every error in one description. */
static void
refused(struct req *r, enum open311_fmt f, const struct intake_result *ir)
{
	const char *words = "";
	size_t i;

	switch (ir->report_rc) {
	case REPORT_BAD_TYPE:
		return open311_send_error(r, f, 404, "There is no such service.");
	case REPORT_BAD_POINT:
		return open311_send_error(r, f, 400, "lat and long: " POINT_WORDS);
	case REPORT_OUTSIDE:
		/* The words name whose area it is: they stand alone. */
		return open311_send_error(r, f, 400, ir->errors[0].message);
	default:
		break;
	}
	if (ir->nerrors == 0) {
		log_error("open311: report not saved");
		return unavailable(r, f);
	}
	for (i = 0; words != NULL && i < ir->nerrors; i++)
		words = arena_printf(r->arena, "%s%s%s: %s", words, i ? "; " : "",
		    param_name(ir->errors[i].field), ir->errors[i].message);
	open311_send_error(r, f, 400, words != NULL ? words :
	    "The request could not be taken: check its fields.");
}

/* The answer to a post that made (or, sent again, had made) a report. */
static void
created(struct req *r, enum open311_fmt f, const char *reference, int linked)
{
	open311_send_created(r, f, reference, linked ?
	    "Thank you. This has been added to an open report of the same problem nearby." :
	    "Thank you. The partnership's ASB team will look at this report. If "
	    "anyone is in danger now, call 999.");
}

/* Whether the client sent this post before: 1 after answering (the first
 * answer, or 422 for a key reused with another body, or 503), 0 when it is
 * new and rt names it for keeping with the report. */
static int
retry_answered(struct req *r, enum open311_fmt f, const struct open311_client *c,
    struct open311_retry *rt)
{
	const char *key = req_header(r, "Idempotency-Key");

	if (key != NULL && (*key == '\0' || strlen(key) > OPEN311_IDEM_KEY_MAX)) {
		open311_send_error(r, f, 400, arena_printf(r->arena, "Idempotency-Key "
		    "must be 1 to %d characters.", OPEN311_IDEM_KEY_MAX));
		return 1;
	}
	if (open311_retry_init(rt, c->id, key, r->body, r->body_len) == -1) {
		unavailable(r, f);
		return 1;
	}
	switch (open311_retry_find(r->pg, rt)) {
	case OPEN311_RETRY_NEW:
		return 0;
	case OPEN311_RETRY_SAME:
		created(r, f, rt->reference, rt->linked);
		return 1;
	case OPEN311_RETRY_CONFLICT:
		open311_send_error(r, f, 422, "This Idempotency-Key was used for a "
		    "different request: use a new key for a new request.");
		return 1;
	default:
		unavailable(r, f);
		return 1;
	}
}

/* POST /open311/v2/requests.{json,xml}: a registered client sends a
 * report in (form-encoded). Answered at once with its service_request_id. */
void
open311_requests_post(struct req *r)
{
	enum open311_fmt f = path_fmt(r);
	struct open311_attribute *at;
	struct open311_service svc;
	struct open311_client c;
	struct open311_retry rt;
	struct intake_submission sub;
	struct intake_result *res;
	struct report_input *inp = &sub.report;
	struct json_object *answers = NULL;
	const char *code, *rid;
	enum intake_rc rc;
	size_t nat;

	/* The spec posts forms; anything else would read as "no api_key". */
	if (r->body_len > 0 && (r->content_type == NULL || strncasecmp(r->content_type,
	    "application/x-www-form-urlencoded", 33) != 0))
		return open311_send_error(r, f, 400, "Send the request form-encoded "
		    "(application/x-www-form-urlencoded), as GeoReport v2 says.");
	/* An address ends up in logs and proxies' histories; a body does not.
	 * Refused rather than ignored, so the client learns to stop. */
	if (req_query(r, "api_key") != NULL)
		return open311_send_error(r, f, 400, "Send api_key in the request body, "
		    "not in the address: addresses are written to logs. Ask for a new "
		    "key if this one has been sent that way.");
	switch (open311_client_check(r->pg, req_form(r, "api_key"), &c)) {
	case 1:
		break;
	case 0:
		return open311_send_error(r, f, 403, "api_key is missing or not valid.");
	default:
		return unavailable(r, f);
	}
	if (retry_answered(r, f, &c, &rt))
		return;
	if (!open311_rate_take(r->rd, &c, OPEN311_RATE_PER_MINUTE))
		return open311_send_error(r, f, 429, "Too many requests from this "
		    "api_key: try again in a minute.");
	if ((code = param(r, "service_code")) == NULL)
		return open311_send_error(r, f, 400, "service_code is required.");
	switch (open311_service_find(r->pg, r->arena, code, &svc, &at, &nat)) {
	case 1:
		break;
	case 0:
		return open311_send_error(r, f, 404, arena_printf(r->arena,
		    "There is no service with the code \"%s\".", code));
	default:
		return unavailable(r, f);
	}
	memset(&sub, 0, sizeof(sub));
	sub.channel = INTAKE_OPEN311;
	inp->channel = "open311";
	inp->type_code = svc.code;
	inp->feels_unsafe = inp->vulnerable = inp->targeted = inp->happened_before = -1;
	inp->happening_now = -1;
	inp->for_someone_else = inp->share_consent = -1;
	if (location_read(r, f, inp) == -1 || contact_read(r, f, inp) == -1 ||
	    text_field(r, f, "description", 10000, &inp->description) == -1 ||
	    text_field(r, f, "request_id", 64, &rid) == -1)
		return;
	if ((res = arena_calloc(r->arena, 1, sizeof(*res))) == NULL ||
	    (answers = json_object_new_object()) == NULL)
		return open311_send_error(r, f, 500, "Out of memory.");
	if (answers_read(r, f, at, nat, answers) == -1)
		goto out;
	inp->answers = answers;
	/* Which client, and its own id for the request when it gave one. */
	inp->client_ref = arena_printf(r->arena, "%s%s%s", c.name, rid ? ":" : "",
	    rid ? rid : "");
	inp->public_url = r->cfg->public_url;
	inp->keep = open311_retry_keep;
	inp->keep_arg = &rt;
	if ((rc = intake_submit(r->pg, r->rd, r->cfg, &r->actor, &sub, res)) != INTAKE_OK) {
		/* The same post, sent twice at once: the other one saved it. */
		if (rc == INTAKE_INVALID || !retry_answered(r, f, &c, &rt))
			refused(r, f, res);
		goto out;
	}
	created(r, f, res->report.reference, res->report.linked);
out:
	json_object_put(answers);
}
