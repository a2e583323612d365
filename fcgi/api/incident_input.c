/* The strict reader of the CAD API's JSON bodies (api/incident_input.h):
 * the bytes, then the object, with no database, so that a fuzzer can run
 * all of it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "api/incident_input.h"
#include "api/problem.h"
#include "core/arena.h"
#include "domain/api_mapping.h"

/* ------------------------------------------------------------------ */
/* The bytes                                                           */

/* True when the media type (before any parameters) is t. */
static int
media_type_is(const char *ct, const char *t)
{
	size_t n = strlen(t);

	return ct != NULL && strncasecmp(ct, t, n) == 0 &&
	    (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

/* The offset of the first byte that is not part of well-formed UTF-8 (no
 * overlong forms, no surrogates, nothing past U+10FFFF), or len. */
static size_t
utf8_bad_at(const unsigned char *s, size_t len)
{
	size_t i = 0, need, k;
	unsigned cp, min;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xC2 && s[i] <= 0xDF) {
			need = 1, cp = s[i] & 0x1F, min = 0x80;
		} else if (s[i] >= 0xE0 && s[i] <= 0xEF) {
			need = 2, cp = s[i] & 0x0F, min = 0x800;
		} else if (s[i] >= 0xF0 && s[i] <= 0xF4) {
			need = 3, cp = s[i] & 0x07, min = 0x10000;
		} else
			return i;
		if (len - i <= need)
			return i;
		for (k = 1; k <= need; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += need + 1;
	}
	return len;
}

static int
body_refuse(struct api_body_error *err, int status, const char *code, const char *title)
{
	err->status = status;
	err->code = code;
	err->title = title;
	return -1;
}

int
api_body_parse(const char *content_type, const char *body, size_t len,
    struct json_object **out, struct api_body_error *err)
{
	struct json_tokener *tok;
	enum json_tokener_error e;
	size_t at, end;

	*out = NULL;
	err->detail[0] = '\0';
	if (!media_type_is(content_type, "application/json")) {
		snprintf(err->detail, sizeof(err->detail), "Send the body as application/json.");
		return body_refuse(err, 415, "unsupported_media_type",
		    "The body's media type is not accepted.");
	}
	if (len > API_BODY_MAX) {
		snprintf(err->detail, sizeof(err->detail), "The body may be at most %d bytes.",
		    API_BODY_MAX);
		return body_refuse(err, 413, "body_too_large", "The request body is too large.");
	}
	if ((at = utf8_bad_at((const unsigned char *)body, len)) < len) {
		snprintf(err->detail, sizeof(err->detail), "The byte at offset %zu is not "
		    "part of valid UTF-8.", at);
		return body_refuse(err, 400, "invalid_utf8", "The body is not valid UTF-8.");
	}
	/* A NUL is not JSON anywhere, and would end the text early below. */
	if ((at = strnlen(body, len)) < len) {
		snprintf(err->detail, sizeof(err->detail), "At byte %zu: a NUL byte.", at);
		return body_refuse(err, 400, "invalid_json", "The body is not valid JSON.");
	}
	if ((tok = json_tokener_new_ex(API_JSON_DEPTH)) == NULL)
		return body_refuse(err, 500, "internal", "Out of memory.");
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	*out = json_tokener_parse_ex(tok, body, (int)len);
	e = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	if (e == json_tokener_error_depth) {
		json_object_put(*out);
		*out = NULL;
		snprintf(err->detail, sizeof(err->detail), "At byte %zu: JSON may nest at "
		    "most %d deep.", end, API_JSON_DEPTH);
		return body_refuse(err, 400, "json_too_deep", "The body's JSON is nested too deep.");
	}
	if (e == json_tokener_continue || (e == json_tokener_success && *out == NULL &&
	    end >= len)) {
		json_object_put(*out);
		*out = NULL;
		snprintf(err->detail, sizeof(err->detail), "At byte %zu: the body ends "
		    "before its JSON does.", len);
		return body_refuse(err, 400, "invalid_json", "The body is not valid JSON.");
	}
	if (e != json_tokener_success) {
		*out = NULL;
		snprintf(err->detail, sizeof(err->detail), "At byte %zu: %s.", end,
		    json_tokener_error_desc(e));
		return body_refuse(err, 400, "invalid_json", "The body is not valid JSON.");
	}
	/* body need not end in a NUL: look no further than len. */
	while (end < len && (body[end] == ' ' || body[end] == '\t' || body[end] == '\r' ||
	    body[end] == '\n'))
		end++;
	if (end < len) {
		json_object_put(*out);
		*out = NULL;
		snprintf(err->detail, sizeof(err->detail), "At byte %zu: something follows "
		    "the JSON value.", end);
		return body_refuse(err, 400, "invalid_json", "The body is not valid JSON.");
	}
	if (!json_object_is_type(*out, json_type_object)) {
		json_object_put(*out);
		*out = NULL;
		snprintf(err->detail, sizeof(err->detail), "The body must be a JSON object.");
		return body_refuse(err, 400, "invalid_json", "The body is not a JSON object.");
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The object                                                          */

struct reader {
	struct arena			*ar;
	const struct api_mapping	*m;
	struct problem_fields		*errs;
	enum api_input_mode		 mode;
	struct api_input		*in;
	int				 nomem;
	size_t				 nerr;	/* errors this reader added */
};

static void
bad(struct reader *rd, const char *path, const char *code, const char *message)
{
	if (path == NULL || message == NULL) {
		rd->nomem = 1;
		return;
	}
	problem_field_add(rd->errs, path, code, message);
	rd->nerr++;
}

/* parent's path and member key: "location.lat". */
static const char *
path_of(struct reader *rd, const char *parent, const char *key)
{
	const char *p = *parent == '\0' ? arena_strdup(rd->ar, key) :
	    arena_printf(rd->ar, "%s.%s", parent, key);

	if (p == NULL)
		rd->nomem = 1;
	return p != NULL ? p : "?";	/* the read fails anyway */
}

static const char *
path_at(struct reader *rd, const char *parent, size_t i)
{
	const char *p = arena_printf(rd->ar, "%s[%zu]", parent, i);

	if (p == NULL)
		rd->nomem = 1;
	return p != NULL ? p : "?";	/* the read fails anyway */
}

static void
wrong_type(struct reader *rd, const char *path, const char *what)
{
	bad(rd, path, "wrong_type", arena_printf(rd->ar, "%s must be %s", path, what));
}

/* The members of o outside the names list: each an unknown field. */
static void
unknown_members(struct reader *rd, struct json_object *o, const char *parent,
    const char *const *names)
{
	const char *const *n;
	const char *p;

	json_object_object_foreach(o, k, v) {
		(void)v;
		for (n = names; *n != NULL && strcmp(*n, k) != 0; n++)
			;
		if (*n != NULL)
			continue;
		p = path_of(rd, parent, k);
		bad(rd, p, "unknown_field", arena_printf(rd->ar, "%s is not a field this "
		    "API takes", p));
	}
}

/* A string's text, when it is one a person could have typed: no NUL,
 * valid UTF-8 (a \u escape can make either), at most max bytes. NULL
 * when it is not (said). */
static const char *
text_of(struct reader *rd, struct json_object *v, const char *path, size_t max)
{
	const char *s = json_object_get_string(v);
	size_t n = (size_t)json_object_get_string_len(v);

	if (strlen(s) != n) {
		bad(rd, path, "invalid_value", arena_printf(rd->ar, "%s must not contain "
		    "a NUL character", path));
		return NULL;
	}
	if (utf8_bad_at((const unsigned char *)s, n) < n) {
		bad(rd, path, "invalid_utf8", arena_printf(rd->ar, "%s is not valid UTF-8",
		    path));
		return NULL;
	}
	if (n > max) {
		bad(rd, path, "too_long", arena_printf(rd->ar, "%s must be at most %zu "
		    "bytes", path, max));
		return NULL;
	}
	return s;
}

/* Member key of o: 1 with *v when given (null is not given), 0 when not. */
static int
member(struct json_object *o, const char *key, struct json_object **v)
{
	return json_object_object_get_ex(o, key, v) && *v != NULL;
}

/* An optional string member: *out its text, NULL when absent or bad. */
static void
read_text(struct reader *rd, struct json_object *o, const char *parent, const char *key,
    size_t max, const char **out)
{
	struct json_object *v;
	const char *p;

	*out = NULL;
	if (!member(o, key, &v))
		return;
	p = path_of(rd, parent, key);
	if (!json_object_is_type(v, json_type_string))
		wrong_type(rd, p, "a string");
	else
		*out = text_of(rd, v, p, max);
}

/* An optional boolean member: 1, 0, or -1 when absent or bad. */
static int
read_bool(struct reader *rd, struct json_object *o, const char *parent, const char *key)
{
	struct json_object *v;

	if (!member(o, key, &v))
		return -1;
	if (!json_object_is_type(v, json_type_boolean)) {
		wrong_type(rd, path_of(rd, parent, key), "true or false");
		return -1;
	}
	return json_object_get_boolean(v) ? 1 : 0;
}

/* An optional number member: 1 with *out, 0 absent, -1 bad (said). */
static int
read_number(struct reader *rd, struct json_object *o, const char *parent,
    const char *key, double *out)
{
	struct json_object *v;

	if (!member(o, key, &v))
		return 0;
	if (!json_object_is_type(v, json_type_double) && !json_object_is_type(v,
	    json_type_int)) {
		wrong_type(rd, path_of(rd, parent, key), "a number");
		return -1;
	}
	*out = json_object_get_double(v);
	if (!isfinite(*out)) {
		bad(rd, path_of(rd, parent, key), "out_of_range", "The number is too large");
		return -1;
	}
	return 1;
}

/* An optional object member: the object, or NULL when absent or bad. */
static struct json_object *
read_object(struct reader *rd, struct json_object *o, const char *parent, const char *key)
{
	struct json_object *v;

	if (!member(o, key, &v))
		return NULL;
	if (!json_object_is_type(v, json_type_object)) {
		wrong_type(rd, path_of(rd, parent, key), "an object");
		return NULL;
	}
	return v;
}

/* ---- The location ------------------------------------------------ */

static const char *const location_members[] = {
	"lat", "lon", "easting", "northing", "address", "postcode", NULL
};

/* Inside the United Kingdom's rough box. */
static int
in_uk(double lat, double lon)
{
	return lat >= 49 && lat <= 61 && lon >= -9 && lon <= 2.5;
}

/* Numbers that fit British National Grid (either way round) and are no
 * degrees. */
static int
looks_bng(double lat, double lon)
{
	return lat >= 0 && lon >= 0 && lat <= 1300000 && lon <= 1300000 &&
	    (lat > 1000 || lon > 1000);
}

static void
check_degrees(struct reader *rd, struct api_location *l, const char *lat_p,
    const char *lon_p)
{
	if ((fabs(l->lat) > 90 || fabs(l->lon) > 180) && looks_bng(l->lat, l->lon)) {
		bad(rd, lat_p, "bng_as_degrees", "These look like British National Grid "
		    "numbers: send them as location.easting and location.northing");
		return;
	}
	if (fabs(l->lat) > 90) {
		bad(rd, lat_p, "out_of_range", "location.lat must be from -90 to 90");
		return;
	}
	if (fabs(l->lon) > 180) {
		bad(rd, lon_p, "out_of_range", "location.lon must be from -180 to 180");
		return;
	}
	if (in_uk(l->lat, l->lon)) {
		l->has_point = 1;
		return;
	}
	if (in_uk(l->lon, l->lat)) {
		bad(rd, lat_p, "swapped_coordinates", "location.lat and location.lon "
		    "seem to be the wrong way round: lat is north-south (49 to 61 in the "
		    "UK), lon east-west (-9 to 2.5)");
		return;
	}
	if (l->lat < 49 || l->lat > 61)
		bad(rd, lat_p, "out_of_range", "location.lat is outside the United "
		    "Kingdom (49 to 61)");
	else
		bad(rd, lon_p, "out_of_range", "location.lon is outside the United "
		    "Kingdom (-9 to 2.5)");
}

static void
check_grid(struct reader *rd, struct api_location *l, const char *e_p, const char *n_p)
{
	if (l->easting < 0 || l->easting > 700000)
		bad(rd, e_p, "out_of_range", "location.easting must be from 0 to 700000 metres");
	else if (l->northing < 0 || l->northing > 1300000)
		bad(rd, n_p, "out_of_range", "location.northing must be from 0 to 1300000 "
		    "metres");
	else
		l->has_bng = 1;
}

static void
read_location(struct reader *rd, struct json_object *o)
{
	struct api_location *l = &rd->in->location;
	const char *lat_p = "location.lat", *lon_p = "location.lon";
	int la, lo, ea, no;

	unknown_members(rd, o, "location", location_members);
	la = read_number(rd, o, "location", "lat", &l->lat);
	lo = read_number(rd, o, "location", "lon", &l->lon);
	ea = read_number(rd, o, "location", "easting", &l->easting);
	no = read_number(rd, o, "location", "northing", &l->northing);
	read_text(rd, o, "location", "address", 500, &l->address);
	read_text(rd, o, "location", "postcode", 16, &l->postcode);
	if (la < 0 || lo < 0 || ea < 0 || no < 0)
		return;
	if ((la || lo) && (ea || no)) {
		bad(rd, "location", "invalid_value", "Give lat and lon, or easting and "
		    "northing, not both");
		return;
	}
	if (la != lo) {
		bad(rd, la ? lon_p : lat_p, "missing_field", "Give location.lat and "
		    "location.lon together");
		return;
	}
	if (ea != no) {
		bad(rd, ea ? "location.northing" : "location.easting", "missing_field",
		    "Give location.easting and location.northing together");
		return;
	}
	if (la)
		check_degrees(rd, l, lat_p, lon_p);
	else if (ea)
		check_grid(rd, l, "location.easting", "location.northing");
}

/* ---- People ------------------------------------------------------ */

static const char *const person_members[] = {
	"role", "given_name", "family_name", "dob", "phone", "email", "address",
	"postcode", "vulnerable", NULL
};

static int
role_parse(const char *s, enum flag_role *r)
{
	static const struct { const char *name; enum flag_role role; } roles[] = {
		{ "victim", FLAG_VICTIM }, { "witness", FLAG_WITNESS },
		{ "subject", FLAG_SUBJECT }, { "reporter", FLAG_REPORTER },
	};
	size_t i;

	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(s, roles[i].name) == 0) {
			*r = roles[i].role;
			return 0;
		}
	return -1;
}

/* One person at path into p. The caller's role is always reporter. */
static void
read_person(struct reader *rd, struct json_object *o, const char *path, int is_caller,
    struct intake_person *p)
{
	const char *role = NULL, *rp;

	memset(p, 0, sizeof(*p));
	p->role = FLAG_REPORTER;
	p->contact_consent = p->share_consent = -1;
	if (is_caller)
		unknown_members(rd, o, path, person_members + 1);
	else
		unknown_members(rd, o, path, person_members);
	if (!is_caller) {
		read_text(rd, o, path, "role", 16, &role);
		rp = path_of(rd, path, "role");
		if (role == NULL && !json_object_object_get_ex(o, "role", NULL))
			bad(rd, rp, "missing_field", arena_printf(rd->ar, "%s must say victim, "
			    "witness, subject or reporter", rp));
		else if (role != NULL && role_parse(role, &p->role) == -1)
			bad(rd, rp, "invalid_value", arena_printf(rd->ar, "%s must be victim, "
			    "witness, subject or reporter", rp));
	}
	read_text(rd, o, path, "given_name", 200, &p->given_name);
	read_text(rd, o, path, "family_name", 200, &p->family_name);
	read_text(rd, o, path, "dob", 32, &p->dob);
	read_text(rd, o, path, "phone", 64, &p->phone);
	read_text(rd, o, path, "email", 320, &p->email);
	read_text(rd, o, path, "address", 500, &p->address);
	read_text(rd, o, path, "postcode", 16, &p->postcode);
	p->vulnerable = read_bool(rd, o, path, "vulnerable");
}

/* The caller (under its mapped name) and people[], caller first. */
static void
read_people(struct reader *rd, struct json_object *body)
{
	struct api_input *in = rd->in;
	struct json_object *caller, *list = NULL, *one;
	size_t n = 0, i;

	caller = read_object(rd, body, "", in->caller_field);
	if (member(body, "people", &list) && !json_object_is_type(list, json_type_array)) {
		wrong_type(rd, "people", "an array");
		list = NULL;
	}
	if (list != NULL && json_object_array_length(list) > API_PEOPLE_MAX) {
		bad(rd, "people", "too_many_items", arena_printf(rd->ar, "people may list at "
		    "most %d people", API_PEOPLE_MAX));
		list = NULL;
	}
	n = (caller != NULL) + (list != NULL ? json_object_array_length(list) : 0);
	in->people = arena_calloc(rd->ar, n + 1, sizeof(*in->people));
	in->person_paths = arena_calloc(rd->ar, n + 1, sizeof(*in->person_paths));
	if (in->people == NULL || in->person_paths == NULL) {
		rd->nomem = 1;
		return;
	}
	if (caller != NULL) {
		in->has |= API_HAS_CALLER;
		in->person_paths[in->npeople] = in->caller_field;
		read_person(rd, caller, in->caller_field, 1, &in->people[in->npeople++]);
	}
	if (list == NULL)
		return;
	in->has |= API_HAS_PEOPLE;
	for (i = 0; i < json_object_array_length(list) && !rd->nomem; i++) {
		const char *p = path_at(rd, "people", i);

		one = json_object_array_get_idx(list, i);
		if (one == NULL || !json_object_is_type(one, json_type_object)) {
			wrong_type(rd, p, "an object");
			continue;
		}
		in->person_paths[in->npeople] = p;
		read_person(rd, one, p, 0, &in->people[in->npeople++]);
	}
}

/* ---- Screening and answers ---------------------------------------- */

static const char *const screening_members[] = {
	"repeat", "vulnerable", "targeted", "at_risk", NULL
};

static void
read_screening(struct reader *rd, struct json_object *o)
{
	struct intake_screening *s = &rd->in->screening;

	unknown_members(rd, o, "screening", screening_members);
	s->repeat = read_bool(rd, o, "screening", "repeat");
	s->vulnerable = read_bool(rd, o, "screening", "vulnerable");
	s->targeted = read_bool(rd, o, "screening", "targeted");
	s->at_risk = read_bool(rd, o, "screening", "at_risk");
}

/* One answer: a string, or an array of strings (a question of several
 * choices); NULL when it is neither (said). */
static struct json_object *
answer_value(struct reader *rd, struct json_object *v, const char *path)
{
	struct json_object *arr, *e;
	const char *ep;
	size_t i, n;

	if (json_object_is_type(v, json_type_string))
		return text_of(rd, v, path, 4000) != NULL ? json_object_get(v) : NULL;
	if (!json_object_is_type(v, json_type_array)) {
		wrong_type(rd, path, "a string, or an array of strings");
		return NULL;
	}
	if ((n = json_object_array_length(v)) > API_ANSWERS_MAX) {
		bad(rd, path, "too_many_items", arena_printf(rd->ar, "%s may list at most "
		    "%d values", path, API_ANSWERS_MAX));
		return NULL;
	}
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(v, i);
		ep = path_at(rd, path, i);
		if (e == NULL || !json_object_is_type(e, json_type_string)) {
			wrong_type(rd, ep, "a string");
			return NULL;
		}
		if (text_of(rd, e, ep, 4000) == NULL)
			return NULL;
	}
	arr = json_object_get(v);
	return arr;
}

/* answers as the intake reads them: {key: {"answer": value}}. */
static void
read_answers(struct reader *rd, struct json_object *o)
{
	struct json_object *out, *rec, *val;
	const char *p;

	if (json_object_object_length(o) > API_ANSWERS_MAX) {
		bad(rd, "answers", "too_many_items", arena_printf(rd->ar, "answers may "
		    "hold at most %d answers", API_ANSWERS_MAX));
		return;
	}
	/* The input's own: api_input_free puts it. */
	if ((out = json_object_new_object()) == NULL) {
		rd->nomem = 1;
		return;
	}
	rd->in->answers = out;
	json_object_object_foreach(o, k, v) {
		p = path_of(rd, "answers", k);
		if (strlen(k) > 100) {
			bad(rd, p, "too_long", "A question key is at most 100 bytes");
			continue;
		}
		if (v == NULL || (val = answer_value(rd, v, p)) == NULL) {
			if (v == NULL)
				wrong_type(rd, p, "a string, or an array of strings");
			continue;
		}
		if ((rec = json_object_new_object()) == NULL) {
			json_object_put(val);
			rd->nomem = 1;
			return;
		}
		json_object_object_add(rec, "answer", val);
		json_object_object_add(out, k, rec);
	}
}

/* ---- The body ---------------------------------------------------- */

/* The members a mode takes, the renamed ones by the client's names. */
static size_t
members_of(const struct reader *rd, const char **names)
{
	static const char *const create[] = {
		"type", "status", "external_id", "description", "occurred_at",
		"location", "people", "screening", "answers", "note", "extensions", NULL
	};
	static const char *const patch[] = {
		"type", "status", "description", "occurred_at", "location", "extensions",
		NULL
	};
	const char *const *list = rd->mode == API_INPUT_CREATE ? create : patch;
	size_t n = 0;

	for (; *list != NULL; list++)
		names[n++] = *list;
	names[n++] = rd->in->log_number_field;
	if (rd->mode == API_INPUT_CREATE)
		names[n++] = rd->in->caller_field;
	names[n] = NULL;
	return n;
}

/* The client's defaults for the members the body leaves out (or sends as
 * null), added to the body so that every check below sees them. */
static void
defaults_apply(struct reader *rd, struct json_object *body, const char *const *names)
{
	const char *const *n;
	struct json_object *v;

	if (rd->mode != API_INPUT_CREATE || rd->m == NULL || rd->m->defaults == NULL)
		return;
	json_object_object_foreach(rd->m->defaults, k, d) {
		for (n = names; *n != NULL && strcmp(*n, k) != 0; n++)
			;
		if (*n == NULL || (json_object_object_get_ex(body, k, &v) && v != NULL))
			continue;
		json_object_object_add(body, k, json_object_get(d));
	}
}

/* A client's code through its map (none: its codes are Concord's own);
 * NULL, said, when it is not mapped. */
static const char *
code_map(struct reader *rd, const char *field, const char *code, int is_type)
{
	const char *to;

	if (code == NULL)
		return NULL;
	if (rd->m == NULL || (is_type ? rd->m->types : rd->m->statuses) == NULL)
		return code;
	to = is_type ? api_mapping_type(rd->m, code) : api_mapping_status(rd->m, code);
	if (to == NULL)
		bad(rd, field, "unmapped_code", arena_printf(rd->ar, "The %s code \"%s\" is "
		    "not mapped for this client", is_type ? "type" : "status", code));
	return to;
}

/* Which members were given (after the defaults). */
static void
presence(struct api_input *in, struct json_object *body)
{
	static const struct { const char *name; unsigned bit; } bits[] = {
		{ "type", API_HAS_TYPE }, { "status", API_HAS_STATUS },
		{ "external_id", API_HAS_EXTERNAL_ID }, { "description", API_HAS_DESCRIPTION },
		{ "occurred_at", API_HAS_OCCURRED_AT }, { "location", API_HAS_LOCATION },
		{ "screening", API_HAS_SCREENING }, { "answers", API_HAS_ANSWERS },
		{ "note", API_HAS_NOTE }, { "extensions", API_HAS_EXTENSIONS },
	};
	struct json_object *v;
	size_t i;

	for (i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (member(body, bits[i].name, &v))
			in->has |= bits[i].bit;
	if (member(body, in->log_number_field, &v))
		in->has |= API_HAS_LOG_NUMBER;
}

static void
read_extensions(struct reader *rd, struct json_object *body)
{
	struct json_object *x = read_object(rd, body, "", "extensions");

	if (x == NULL)
		return;
	if (strlen(json_object_to_json_string_ext(x, JSON_C_TO_STRING_PLAIN)) >
	    API_EXTENSIONS_MAX) {
		bad(rd, "extensions", "too_long", arena_printf(rd->ar, "extensions may take "
		    "at most %d bytes", API_EXTENSIONS_MAX));
		return;
	}
	rd->in->extensions = x;
}

int
api_input_read(struct arena *ar, const struct api_mapping *m, struct json_object *body,
    enum api_input_mode mode, struct api_input *in, struct problem_fields *errs)
{
	struct reader rd = { ar, m, errs, mode, in, 0, 0 };
	struct json_object *o;
	const char *names[16];

	memset(in, 0, sizeof(*in));
	in->screening.repeat = in->screening.vulnerable = -1;
	in->screening.targeted = in->screening.at_risk = -1;
	in->log_number_field = m != NULL ? api_mapping_field(m, "log_number") : "log_number";
	in->caller_field = m != NULL ? api_mapping_field(m, "caller") : "caller";
	members_of(&rd, names);
	defaults_apply(&rd, body, names);
	unknown_members(&rd, body, "", names);
	presence(in, body);
	read_text(&rd, body, "", "type", 100, &in->type_code);
	in->asb_type = code_map(&rd, "type", in->type_code, 1);
	read_text(&rd, body, "", "status", 100, &in->status_code);
	in->status = code_map(&rd, "status", in->status_code, 0);
	read_text(&rd, body, "", in->log_number_field, 200, &in->log_number);
	read_text(&rd, body, "", "description", API_TEXT_MAX, &in->description);
	read_text(&rd, body, "", "occurred_at", 64, &in->occurred_at);
	if ((o = read_object(&rd, body, "", "location")) != NULL)
		read_location(&rd, o);
	read_extensions(&rd, body);
	if (mode == API_INPUT_CREATE) {
		read_text(&rd, body, "", "external_id", API_EXTERNAL_ID_MAX, &in->external_id);
		if (in->external_id != NULL && *in->external_id == '\0')
			bad(&rd, "external_id", "invalid_value", "external_id must not be empty");
		read_people(&rd, body);
		if ((o = read_object(&rd, body, "", "screening")) != NULL)
			read_screening(&rd, o);
		if ((o = read_object(&rd, body, "", "answers")) != NULL)
			read_answers(&rd, o);
		read_text(&rd, body, "", "note", API_TEXT_MAX, &in->note);
	}
	return rd.nomem || rd.nerr > 0 ? -1 : 0;
}

void
api_input_free(struct api_input *in)
{
	json_object_put(in->answers);
	in->answers = NULL;
}

/* ---- The intake's field names as JSON paths ------------------------ */

/* A person's field in the intake's words ("given-name") in the body's. */
static const char *
person_member(const char *what)
{
	static const char *const names[][2] = {
		{ "given-name", "given_name" }, { "family-name", "family_name" },
		{ "name", "given_name" }, { "dob", "dob" }, { "phone", "phone" },
		{ "email", "email" }, { "postcode", "postcode" }, { "role", "role" },
		{ "address", "address" },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(what, names[i][0]) == 0)
			return names[i][1];
	return NULL;
}

const char *
api_input_path(struct arena *ar, const struct api_input *in, const char *f)
{
	static const char *const fixed[][2] = {
		{ INTAKE_F_TYPE, "type" }, { INTAKE_F_NSIR, "type" },
		{ INTAKE_F_DESCRIPTION, "description" }, { INTAKE_F_WHEN, "occurred_at" },
		{ INTAKE_F_WHERE, "location" }, { INTAKE_F_POSTCODE, "location.postcode" },
		{ INTAKE_F_VICTIM, "people" }, { INTAKE_F_PEOPLE, "people" },
		{ INTAKE_F_SCREENING, "screening" },
	};
	const char *what, *mem;
	char *end;
	size_t i;
	unsigned long n;

	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (strcmp(f, fixed[i][0]) == 0)
			return fixed[i][1];
	if (strcmp(f, INTAKE_F_LOG_NUMBER) == 0)
		return in->log_number_field;
	if (strcmp(f, INTAKE_F_CALLER) == 0)
		return in->caller_field;
	if (strcmp(f, INTAKE_F_CALLER_PHONE) == 0)
		return arena_printf(ar, "%s.phone", in->caller_field);
	if (strncmp(f, "answer-", 7) == 0)
		return arena_printf(ar, "answers.%s", f + 7);
	if (strncmp(f, "person-", 7) == 0) {
		n = strtoul(f + 7, &end, 10);
		if (*end == '-' && n >= 1 && n <= in->npeople) {
			what = end + 1;
			mem = person_member(what);
			return mem != NULL ? arena_printf(ar, "%s.%s", in->person_paths[n - 1],
			    mem) : in->person_paths[n - 1];
		}
	}
	return f;
}
