/* The configuration file: `key = value`, `#` starts a comment. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"

enum kind { K_STR, K_BOOL, K_INT, K_SIZE, K_MODE, K_ENV, K_REAL, K_TILE_URL, K_BASE_URL,
    K_DISTRICTS, K_YESNO, K_DAYS };

struct key {
	const char	*name;
	enum kind	 kind;
	size_t		 off;
	size_t		 len;	/* for strings: the field's size */
	long long	 min, max;
};

#define STR(f)	K_STR, offsetof(struct config, f), sizeof(((struct config *)0)->f), 0, 0
#define NUM(k, f, lo, hi) k, offsetof(struct config, f), 0, lo, hi

static const struct key keys[] = {
	{ "env",	 K_ENV, offsetof(struct config, production), 0, 0, 0 },
	{ "socket",	 STR(socket) },
	{ "socket_mode", NUM(K_MODE, socket_mode, 0, 0777) },
	{ "workers",	 NUM(K_INT, workers, 0, 256) },
	{ "db",		 STR(db) },
	{ "db_admin",	 STR(db_admin) },
	{ "db_worker",	 STR(db_worker) },
	{ "outbox_keep_days", NUM(K_INT, outbox_keep_days, 1, 3650) },
	{ "redis",	 STR(redis) },
	{ "views",	 STR(views) },
	{ "sql",	 STR(sql) },
	{ "body_max",	 NUM(K_SIZE, body_max, 1024, 1LL << 32) },
	{ "mail_outbox", STR(mail_outbox) },
	{ "mail_from",	 STR(mail_from) },
	{ "demo",	 NUM(K_BOOL, demo, 0, 1) },
	{ "evidence_dir", STR(evidence_dir) },
	{ "upload_max",	 NUM(K_SIZE, upload_max, 1024, 1LL << 32) },
	{ "upload_files_max", NUM(K_INT, upload_files_max, 1, 100) },
	{ "upload_draft_bytes_hour", NUM(K_SIZE, upload_draft_bytes_hour, 1024, 1LL << 40) },
	{ "upload_draft_files_hour", NUM(K_INT, upload_draft_files_hour, 1, 10000) },
	{ "upload_address_bytes_hour", NUM(K_SIZE, upload_address_bytes_hour, 1024, 1LL << 40) },
	{ "upload_address_files_hour", NUM(K_INT, upload_address_files_hour, 1, 100000) },
	{ "map_tile_url", K_TILE_URL, offsetof(struct config, map_tile_url),
	    sizeof(((struct config *)0)->map_tile_url), 0, 0 },
	{ "map_attribution", STR(map_attribution) },
	{ "map_lon",	 NUM(K_REAL, map_lon, -180, 180) },
	{ "map_lat",	 NUM(K_REAL, map_lat, -85, 85) },
	{ "map_zoom",	 NUM(K_INT, map_zoom, 1, 19) },
	{ "public_url",	 K_BASE_URL, offsetof(struct config, public_url),
	    sizeof(((struct config *)0)->public_url), 0, 0 },
	{ "repeat_victim_days", NUM(K_INT, repeat_victim_days, 1, 3650) },
	{ "repeat_location_metres", NUM(K_INT, repeat_location_metres, 1, 10000) },
	{ "repeat_location_days", NUM(K_INT, repeat_location_days, 1, 3650) },
	{ "repeat_location_count", NUM(K_INT, repeat_location_count, 2, 100) },
	{ "case_review_days", NUM(K_INT, case_review_days, 1, 3650) },
	{ "case_review_prompt_at", NUM(K_INT, case_review_prompt_at, 1, 100) },
	{ "case_review_threshold", NUM(K_INT, case_review_threshold, 1, 100) },
	{ "assessment_due_hours", NUM(K_INT, assessment_due_hours, 1, 720) },
	{ "triage_hours_high", NUM(K_INT, triage_hours_high, 1, 8760) },
	{ "triage_hours_medium", NUM(K_INT, triage_hours_medium, 1, 8760) },
	{ "triage_hours_standard", NUM(K_INT, triage_hours_standard, 1, 8760) },
	{ "action_hours_high", NUM(K_INT, action_hours_high, 1, 8760) },
	{ "action_hours_medium", NUM(K_INT, action_hours_medium, 1, 8760) },
	{ "action_hours_standard", NUM(K_INT, action_hours_standard, 1, 8760) },
	{ "api_key_file", STR(api_key_file) },
	{ "postcode_districts", K_DISTRICTS, offsetof(struct config, postcode_districts),
	    sizeof(((struct config *)0)->postcode_districts), 0, 0 },
	/* Counting qualifying complaints. */
	{ "case_review_complaint_within_days",
	    NUM(K_INT, case_review_complaint_within_days, 1, 366) },
	{ "case_review_hate_single", NUM(K_YESNO, case_review_hate_single, 0, 1) },
	{ "case_review_several_reports", NUM(K_INT, case_review_several_reports, 0, 100) },
	{ "case_review_several_people", NUM(K_INT, case_review_several_people, 1, 100) },
	/* Victim contact and supervisor reviews */
	{ "case_review_cadence_high", NUM(K_DAYS, case_review_cadence_high, 1, 3650) },
	{ "case_review_cadence_medium", NUM(K_DAYS, case_review_cadence_medium, 1, 3650) },
	{ "case_review_cadence_standard", NUM(K_DAYS, case_review_cadence_standard, 1, 3650) },
	/* The Case Review register. */
	{ "case_review_team", STR(case_review_team) },
	{ "case_review_agency", STR(case_review_agency) },
	{ "case_review_acknowledge_days", NUM(K_INT, case_review_acknowledge_days, 1, 60) },
	{ "case_review_decide_days", NUM(K_INT, case_review_decide_days, 1, 120) },
	{ "case_review_review_days", NUM(K_INT, case_review_review_days, 1, 365) },
	{ "case_review_recommendations_days", NUM(K_INT, case_review_recommendations_days, 1, 120) },
	{ "case_review_outcome_days", NUM(K_INT, case_review_outcome_days, 1, 120) },
	{ "case_review_appeal_days", NUM(K_INT, case_review_appeal_days, 1, 120) },
	/* The reporting views' pseudonyms. */
	{ "pseudonym_key_file", STR(pseudonym_key_file) },
};

void
config_defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->socket_mode = 0660;
	c->body_max = 1024 * 1024;
	snprintf(c->views, sizeof(c->views), "views");
	snprintf(c->sql, sizeof(c->sql), "sql");
	snprintf(c->mail_from, sizeof(c->mail_from), "Concord <concord@localhost>");
	snprintf(c->evidence_dir, sizeof(c->evidence_dir), "evidence");
	snprintf(c->api_key_file, sizeof(c->api_key_file), "api.key");
	snprintf(c->pseudonym_key_file, sizeof(c->pseudonym_key_file), "pseudonym.key");
	c->upload_max = 20 * 1024 * 1024;
	c->upload_files_max = 10;
	/* A full report (10 files of 20 MiB) and some changes of mind; a
	 * shared connection (a library, a mobile network) several people's. */
	c->upload_draft_bytes_hour = 300ULL * 1024 * 1024;
	c->upload_draft_files_hour = 30;
	c->upload_address_bytes_hour = 1024ULL * 1024 * 1024;
	c->upload_address_files_hour = 100;
	c->outbox_keep_days = 30;
	c->map_zoom = 13;
	snprintf(c->public_url, sizeof(c->public_url), "http://localhost");
	/* 12 months; three incidents (this one and two more) within 100 m in
	 * 90 days; six months as 183 days (half a year, rounded up); the Case
	 * Review prompt at the second complaint (2025 statutory guidance), the
	 * threshold at the third. */
	c->repeat_victim_days = 365;
	c->repeat_location_metres = 100;
	c->repeat_location_days = 90;
	c->repeat_location_count = 3;
	c->case_review_days = 183;
	c->case_review_prompt_at = 2;
	c->case_review_threshold = 3;
	/* A screening "yes": an officer's full risk assessment within a day. */
	c->assessment_due_hours = ASSESSMENT_DUE_HOURS_DEFAULT;
	/* High risk: triage within the hour, act within the day. */
	c->triage_hours_high = 1;
	c->triage_hours_medium = 4;
	c->triage_hours_standard = 24;
	c->action_hours_high = 24;
	c->action_hours_medium = 72;
	c->action_hours_standard = 168;
	/* A complaint within 31 days of the behaviour (every calendar
	 * month's length covered); no single-hate rule; five reports from at
	 * least two people. */
	c->case_review_complaint_within_days = 31;
	c->case_review_hate_single = 0;
	c->case_review_several_reports = 5;
	c->case_review_several_people = 2;
	/* Supervisor reviews of a high-risk case at 14, 28 and 56
	 * days, then every 28; medium at 28 and 56, then every 28; standard
	 * none (issue 13's defaults). */
	c->case_review_cadence_high = (struct config_days){ 3, { 14, 28, 56 } };
	c->case_review_cadence_medium = (struct config_days){ 2, { 28, 56 } };
	/* Published local procedures' defaults — acknowledge in 3
	 * working days, decide in 14, the review within 21 days of the
	 * decision, recommendations and the action plan 10 working days and
	 * the outcome letter 5 after it, the appeal 15 working days from the
	 * letter. */
	snprintf(c->case_review_team, sizeof(c->case_review_team), "community-safety");
	c->case_review_acknowledge_days = 3;
	c->case_review_decide_days = 14;
	c->case_review_review_days = 21;
	c->case_review_recommendations_days = 10;
	c->case_review_outcome_days = 5;
	c->case_review_appeal_days = 15;
}

/* An agency's or team's code (0002: ^[a-z0-9-]{2,32}$); "" when
 * empty is allowed. */
static int
code_valid(const char *s, int empty_ok)
{
	size_t n = strlen(s), i;

	if (n == 0)
		return empty_ok;
	if (n < 2 || n > 32)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

static char *
trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* The host part of an http(s) URL, or NULL when it is neither. */
static const char *
http_host(const char *v)
{
	if (strncmp(v, "https://", 8) == 0)
		return v + 8;
	if (strncmp(v, "http://", 7) == 0)
		return v + 7;
	return NULL;
}

/* No space, control or non-ASCII byte, and none of the characters that
 * could end a CSP source, an attribute or a URL in text. */
static int
url_chars_ok(const char *v)
{
	for (; *v != '\0'; v++)
		if ((unsigned char)*v <= ' ' || (unsigned char)*v >= 0x7f ||
		    strchr("\"'<>;,\\`", *v) != NULL)
			return 0;
	return 1;
}

/* A map tile URL template goes into the CSP (its origin) and into a page:
 * a path on this site, or http(s)://host/..., with none of the characters
 * that could end a CSP source or an attribute. */
static int
tile_url_ok(const char *v)
{
	const char *host;

	if (*v == '\0' || (v[0] == '/' && v[1] != '/'))
		host = NULL;
	else if ((host = http_host(v)) == NULL)
		return 0;
	if (host != NULL && (*host == '\0' || *host == '/' || strchr(host, '/') == NULL))
		return 0;
	return url_chars_ok(v);
}

/* The public base URL starts every absolute link (mail, Open311):
 * http(s)://host, optionally a port and a path, with no trailing slash,
 * query or fragment. */
static int
base_url_ok(const char *v)
{
	const char *host = http_host(v);

	if (host == NULL || *host == '\0' || *host == '/' || v[strlen(v) - 1] == '/' ||
	    strpbrk(v, "?#") != NULL)
		return 0;
	return url_chars_ok(v);
}

/* One postcode district as written: an outward code, "E1", "EC1A",
 * "SW1A", "M60" — a letter or two, a digit, then a digit or a letter. */
static int
district_ok(const char *w, size_t n)
{
	size_t i;

	if (n < 2 || n > 4 || !isalpha((unsigned char)w[0]))
		return 0;
	i = isalpha((unsigned char)w[1]) ? 2 : 1;
	if (i >= n || !isdigit((unsigned char)w[i]))
		return 0;
	return n == i + 1 || (n == i + 2 && isalnum((unsigned char)w[i + 1]));
}

/* The postcode districts: outward codes separated by white space, kept
 * upper-cased with one space between, so that a check compares words.
 * -1 with a message naming the first that is not one. */
static int
districts_set(char *out, size_t len, const char *v, char *err, size_t errlen)
{
	size_t o = 0, n, i;

	while (*v != '\0') {
		if (isspace((unsigned char)*v)) {
			v++;
			continue;
		}
		for (n = 0; v[n] != '\0' && !isspace((unsigned char)v[n]); n++)
			;
		if (!district_ok(v, n)) {
			snprintf(err, errlen, "postcode_districts: \"%.*s\" is not a postcode "
			    "district (an outward code, like EC1A or E1)", (int)(n > 16 ? 16 : n), v);
			return -1;
		}
		if (o + (o > 0) + n >= len) {
			snprintf(err, errlen, "postcode_districts: value too long");
			return -1;
		}
		if (o > 0)
			out[o++] = ' ';
		for (i = 0; i < n; i++)
			out[o++] = (char)toupper((unsigned char)v[i]);
		v += n;
	}
	out[o] = '\0';
	return 0;
}

/* A list of days, "14, 28, 56": whole numbers from min to max, each more
 * than the one before, at most CONFIG_DAYS_MAX; "" is none. */
static int
days_set(struct config_days *out, const struct key *k, const char *v, char *err,
    size_t errlen)
{
	struct config_days d = { 0, {0} };
	const char *p = v;
	char *end;
	long long n;

	while (*p != '\0') {
		while (*p == ' ' || *p == '\t')
			p++;
		errno = 0;
		n = strtoll(p, &end, 10);
		if (end == p || errno != 0 || n < k->min || n > k->max) {
			snprintf(err, errlen, "%s: must be days from %lld to %lld separated "
			    "by commas, like 14,28,56", k->name, k->min, k->max);
			return -1;
		}
		if (d.n == CONFIG_DAYS_MAX || (d.n > 0 && n <= d.days[d.n - 1])) {
			snprintf(err, errlen, "%s: %s", k->name, d.n == CONFIG_DAYS_MAX ?
			    "too many days (at most 16)" : "each day must be more than the one "
			    "before");
			return -1;
		}
		d.days[d.n++] = (int)n;
		for (p = end; *p == ' ' || *p == '\t'; p++)
			;
		if (*p == ',' && p[1] != '\0')
			p++;
		else if (*p != '\0') {
			snprintf(err, errlen, "%s: must be days from %lld to %lld separated "
			    "by commas, like 14,28,56", k->name, k->min, k->max);
			return -1;
		}
	}
	*out = d;
	return 0;
}

/* Stores one value; returns -1 with a message when it does not fit the key. */
static int
key_set(struct config *c, const struct key *k, const char *v, char *err, size_t errlen)
{
	char *p = (char *)c + k->off, *end;
	long long n;

	switch (k->kind) {
	case K_STR:
		if (strlen(v) >= k->len) {
			snprintf(err, errlen, "%s: value too long", k->name);
			return -1;
		}
		memcpy(p, v, strlen(v) + 1);
		return 0;
	case K_TILE_URL:
	case K_BASE_URL:
		if (strlen(v) >= k->len ||
		    !(k->kind == K_TILE_URL ? tile_url_ok(v) : base_url_ok(v))) {
			snprintf(err, errlen, "%s: %s", k->name, k->kind == K_TILE_URL ?
			    "must be a path (/tiles/{z}/{x}/{y}.png) or an http(s) URL, "
			    "without spaces, quotes, ; or ," :
			    "must be http(s)://host[:port][/path] with no trailing slash, "
			    "query, spaces or quotes");
			return -1;
		}
		memcpy(p, v, strlen(v) + 1);
		return 0;
	case K_REAL: {
		double d;

		errno = 0;
		d = strtod(v, &end);
		if (errno != 0 || end == v || *end != '\0' || !(d >= k->min && d <= k->max)) {
			snprintf(err, errlen, "%s: must be a number from %lld to %lld",
			    k->name, k->min, k->max);
			return -1;
		}
		*(double *)p = d;
		return 0;
	}
	case K_DISTRICTS:
		return districts_set(p, k->len, v, err, errlen);
	case K_YESNO:
		if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0) {
			snprintf(err, errlen, "%s: must be yes or no", k->name);
			return -1;
		}
		*(int *)p = strcmp(v, "yes") == 0;
		return 0;
	case K_DAYS:
		return days_set((struct config_days *)(void *)p, k, v, err, errlen);
	case K_ENV:
		if (strcmp(v, "production") != 0 && strcmp(v, "development") != 0) {
			snprintf(err, errlen, "env: must be development or production");
			return -1;
		}
		*(int *)p = strcmp(v, "production") == 0;
		return 0;
	default:
		break;
	}
	errno = 0;
	n = strtoll(v, &end, k->kind == K_MODE ? 8 : 10);
	if (errno != 0 || end == v || *end != '\0' || n < k->min || n > k->max) {
		snprintf(err, errlen, "%s: must be a number from %lld to %lld%s",
		    k->name, k->min, k->max, k->kind == K_MODE ? " (octal)" : "");
		return -1;
	}
	if (k->kind == K_SIZE)
		*(size_t *)p = (size_t)n;
	else if (k->kind == K_MODE)
		*(unsigned *)p = (unsigned)n;
	else
		*(int *)p = (int)n;
	return 0;
}

/* Parses a whole file's text. Returns -1 and a message naming the line on error. */
int
config_parse(struct config *c, const char *text, char *err, size_t errlen)
{
	char line[4096], msg[256], *k, *v, *eq;
	const char *p = text, *nl;
	size_t i, n;
	int lineno = 0;

	while (*p != '\0') {
		lineno++;
		nl = strchr(p, '\n');
		n = nl ? (size_t)(nl - p) : strlen(p);
		if (n >= sizeof(line)) {
			snprintf(err, errlen, "line %d: too long", lineno);
			return -1;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		p += n + (nl != NULL);
		if ((k = strchr(line, '#')) != NULL)
			*k = '\0';
		k = trim(line);
		if (*k == '\0')
			continue;
		if ((eq = strchr(k, '=')) == NULL) {
			snprintf(err, errlen, "line %d: expected key = value", lineno);
			return -1;
		}
		*eq = '\0';
		k = trim(k);
		v = trim(eq + 1);
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (strcmp(keys[i].name, k) == 0)
				break;
		if (i == sizeof(keys) / sizeof(keys[0])) {
			snprintf(err, errlen, "line %d: unknown key \"%.64s\"", lineno, k);
			return -1;
		}
		if (key_set(c, &keys[i], v, msg, sizeof(msg)) == -1) {
			snprintf(err, errlen, "line %d: %s", lineno, msg);
			return -1;
		}
	}
	/* A prompt after the threshold is met would never be shown. */
	if (c->case_review_prompt_at > c->case_review_threshold) {
		snprintf(err, errlen, "case_review_prompt_at (%d) must not be more than "
		    "case_review_threshold (%d)", c->case_review_prompt_at,
		    c->case_review_threshold);
		return -1;
	}
	/* Team and agency codes are as the database allows them. */
	if (!code_valid(c->case_review_team, 0) || !code_valid(c->case_review_agency, 1)) {
		snprintf(err, errlen, "%s must be a code: 2 to 32 of a-z, 0-9 and -",
		    !code_valid(c->case_review_team, 0) ? "case_review_team" :
		    "case_review_agency");
		return -1;
	}
	return 0;
}

/* Reads the file at path over the defaults. Returns -1 with a message. */
int
config_load(struct config *c, const char *path, char *err, size_t errlen)
{
	char text[65536], msg[512];
	FILE *f;
	size_t n;
	int rc;

	config_defaults(c);
	if ((f = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	n = fread(text, 1, sizeof(text) - 1, f);
	if (ferror(f) || !feof(f)) {
		snprintf(err, errlen, "%s: %s", path,
		    ferror(f) ? "read error" : "file too large");
		fclose(f);
		return -1;
	}
	fclose(f);
	text[n] = '\0';
	snprintf(c->path, sizeof(c->path), "%s", path);
	if ((rc = config_parse(c, text, msg, sizeof(msg))) == -1)
		snprintf(err, errlen, "%s: %s", path, msg);
	return rc;
}
