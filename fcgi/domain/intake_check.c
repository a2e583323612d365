/* The intake's checks that need no database (domain/intake_check.h): the
 * same verdict and the same words on every channel, because every channel
 * reaches them through intake_submit. */
#include <ctype.h>
#include <regex.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/answer.h"
#include "domain/area.h"
#include "domain/intake_check.h"

/* What the public channels have always required (the form's steps ask for
 * them; Open311 needs a service and a place): the staff channels' lists
 * come from the force's agency row instead (intake_rules_load). */
static const char *const public_mandatory[] = { INTAKE_F_TYPE, INTAKE_F_WHERE, NULL };
/* History must say what, when and where. */
static const char *const import_mandatory[] = {
	INTAKE_F_TYPE, INTAKE_F_WHEN, INTAKE_F_WHERE, NULL
};
static const char *const cad_mandatory[] = {
	INTAKE_F_TYPE, INTAKE_F_DESCRIPTION, INTAKE_F_WHERE, INTAKE_F_LOG_NUMBER, NULL
};

/* The message for each field a channel requires, when it is missing. */
static const struct {
	const char	*field;
	const char	*message;
} missing_words[] = {
	{ INTAKE_F_TYPE,	"Choose the type of anti-social behaviour" },
	{ INTAKE_F_NSIR,	"Choose whether it is personal, nuisance or environmental" },
	{ INTAKE_F_DESCRIPTION,	"Enter a description of what happened" },
	{ INTAKE_F_WHEN,	"Enter the date it happened" },
	{ INTAKE_F_WHERE,	"Enter where it happened: a point on the map, an address or a postcode" },
	{ INTAKE_F_POSTCODE,	"Enter the postcode" },
	{ INTAKE_F_LOG_NUMBER,	"Enter the incident log number" },
	{ INTAKE_F_OFFICER,	"Choose the officer in charge" },
	{ INTAKE_F_VICTIM,	"Add at least one person as a victim" },
	{ INTAKE_F_PEOPLE,	"Add at least one person involved" },
	{ INTAKE_F_RISK,	"Answer every question of the risk assessment" },
	{ INTAKE_F_CALLER,	"Enter the caller's name or phone number" },
	{ INTAKE_F_CALLER_PHONE, "Enter the caller's phone number" },
	{ INTAKE_F_SCREENING,	"Answer all four screening questions" },
	{ INTAKE_F_LINK,	"Link this to one of the similar incidents, or confirm it is new" },
};

/* s without the white space around it: a copy in the arena, or NULL when
 * s is NULL (or memory runs out). */
const char *
intake_trim(struct arena *ar, const char *s)
{
	const char *e;

	if (s == NULL)
		return NULL;
	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	return arena_strndup(ar, s, (size_t)(e - s));
}

/* 1 when s says nothing: NULL or "". */
int
intake_blank(const char *s)
{
	return s == NULL || *s == '\0';
}

/* Copies s into the result's own text, which outlives the intake's
 * working memory. NULL when it is full. */
static const char *
text_keep(struct intake_result *res, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p;

	if (n > sizeof(res->text) - res->ntext)
		return NULL;
	p = res->text + res->ntext;
	memcpy(p, s, n);
	res->ntext += n;
	return p;
}

/* Records an error on a field (one per field: the first stays). 0, or -1
 * when the list is full. */
int
intake_error_add(struct intake_result *res, const char *field, const char *message)
{
	struct intake_error *e;

	if (intake_has_error(res, field))
		return 0;
	if (res->nerrors >= INTAKE_ERRORS_MAX)
		return -1;
	e = &res->errors[res->nerrors];
	if ((e->field = text_keep(res, field)) == NULL ||
	    (e->message = text_keep(res, message)) == NULL)
		return -1;
	res->nerrors++;
	return 0;
}

int
intake_has_error(const struct intake_result *res, const char *field)
{
	size_t i;

	for (i = 0; i < res->nerrors; i++)
		if (strcmp(res->errors[i].field, field) == 0)
			return 1;
	return 0;
}

/* The fixed mandatory fields of a channel, NULL-ended; NULL for police
 * and call handlers, whose force sets theirs. */
const char *const *
intake_channel_mandatory(enum intake_channel c)
{
	switch (c) {
	case INTAKE_PUBLIC:
	case INTAKE_PARTNER:
	case INTAKE_OPEN311:
		return public_mandatory;
	case INTAKE_CAD:
		return cad_mandatory;
	case INTAKE_IMPORT:
		return import_mandatory;
	default:
		return NULL;
	}
}

/* The channel as incident.channel and report.channel name it. */
const char *
intake_channel_name(enum intake_channel c)
{
	static const char *const names[] = {
		[INTAKE_PUBLIC] = "public", [INTAKE_PARTNER] = "partner",
		[INTAKE_OPEN311] = "open311", [INTAKE_POLICE] = "police",
		[INTAKE_CALL] = "call_handler", [INTAKE_CAD] = "cad",
		[INTAKE_IMPORT] = "import",
	};

	return (size_t)c < sizeof(names) / sizeof(names[0]) ? names[c] : "public";
}

/* What to say when a mandatory field is missing; NULL for a name that is
 * not a field (a force's list with a typo: ignored, not enforced). */
const char *
intake_field_missing(const char *field)
{
	size_t i;

	for (i = 0; i < sizeof(missing_words) / sizeof(missing_words[0]); i++)
		if (strcmp(missing_words[i].field, field) == 0)
			return missing_words[i].message;
	return NULL;
}

/* A log number (already trimmed) against the force's POSIX extended
 * regular expression, which must match the whole of it; NULL pattern:
 * any text up to INTAKE_LOG_NUMBER_MAX. */
const char *
intake_log_number_check(struct arena *ar, const char *pattern, const char *example,
    const char *log)
{
	const char *words;
	regmatch_t m;
	regex_t re;
	int rc;

	if (strlen(log) > INTAKE_LOG_NUMBER_MAX)
		return arena_printf(ar, "The log number must be %d characters or fewer",
		    INTAKE_LOG_NUMBER_MAX);
	if (strpbrk(log, "\r\n\t") != NULL)
		return "The log number must be on one line";
	if (intake_blank(pattern))
		return NULL;
	if (regcomp(&re, pattern, REG_EXTENDED) != 0)
		return "The force's log number format cannot be read: ask an "
		    "administrator to correct it";
	rc = regexec(&re, log, 1, &m, 0);
	regfree(&re);
	/* The whole of it, whether or not the pattern is anchored. */
	if (rc == 0 && m.rm_so == 0 && (size_t)m.rm_eo == strlen(log))
		return NULL;
	words = intake_blank(example) ? "Enter the log number in the force's format" :
	    arena_printf(ar, "Enter the log number in the force's format, like %s", example);
	return words != NULL ? words : "Enter the log number in the force's format";
}

/* A date of birth as YYYY-MM-DD: a real date, from DATE_YEAR_MIN, not
 * after today (UTC, no grace: nobody is born tomorrow). */
const char *
intake_dob_check(const char *dob, time_t now)
{
	static const char words[] = "Enter a real date of birth, like 1984-03-27: "
	    "an impossible date of birth cannot be saved";
	struct date d;
	struct tm t;
	const char *end;

	if ((end = date_parse(dob, &d)) == NULL || *end != '\0')
		return words;
	if (gmtime_r(&now, &t) == NULL)
		return words;
	if (d.year * 10000L + d.month * 100 + d.day >
	    (t.tm_year + 1900L) * 10000 + (t.tm_mon + 1) * 100 + t.tm_mday)
		return "The date of birth must be in the past";
	return NULL;
}

/* A UK postcode's shape, upper-cased with one space, in out. */
const char *
intake_postcode_check(const char *in, char out[INTAKE_POSTCODE_MAX])
{
	static const char words[] = "Enter a real postcode, like SW1A 1AA";
	char s[8];
	size_t n = 0, i;

	for (; *in != '\0'; in++) {
		if (*in == ' ')
			continue;
		if (!isalnum((unsigned char)*in) || n >= 7)
			return words;
		s[n++] = (char)toupper((unsigned char)*in);
	}
	if (n < 5)
		return words;
	/* Inward code: digit, letter, letter. */
	if (!isdigit((unsigned char)s[n - 3]) || !isalpha((unsigned char)s[n - 2]) ||
	    !isalpha((unsigned char)s[n - 1]))
		return words;
	/* Outward code: a letter or two, a digit, then a digit or letter. */
	if (!isalpha((unsigned char)s[0]))
		return words;
	i = isalpha((unsigned char)s[1]) ? 2 : 1;
	if (!isdigit((unsigned char)s[i]) || n - 3 < i + 1 || n - 3 > i + 2)
		return words;
	memcpy(out, s, n - 3);
	out[n - 3] = ' ';
	memcpy(out + n - 2, s + n - 3, 3);
	out[n + 1] = '\0';
	return NULL;
}

/* The national standard's qualifier. */
const char *
intake_nsir_check(const char *v)
{
	if (strcmp(v, "personal") == 0 || strcmp(v, "nuisance") == 0 ||
	    strcmp(v, "environmental") == 0)
		return NULL;
	return "Choose personal, nuisance or environmental";
}

/* A zone after an ISO 8601 time: "", "Z", or +hh:mm / +hhmm / +hh, at
 * most 14 hours and 59 minutes off UTC. */
static int
zone_ok(const char *z)
{
	size_t n;

	if (*z == '\0' || strcmp(z, "Z") == 0 || strcmp(z, "z") == 0)
		return 1;
	if (*z != '+' && *z != '-')
		return 0;
	z++;
	n = strlen(z);
	if (n == 5 && z[2] == ':')
		n = 4;
	else if (n != 2 && n != 4)
		return 0;
	if (strspn(z, "0123456789") < 2 || (z[0] - '0') * 10 + (z[1] - '0') > 14)
		return 0;
	if (n == 2)
		return 1;
	z += z[2] == ':' ? 3 : 2;
	return strspn(z, "0123456789") == 2 && z[2] == '\0' && z[0] < '6';
}

/* The day of the month of the last Sunday of a month with `days` days. */
static int
last_sunday(int year, int month, int days)
{
	struct tm t = { .tm_year = year - 1900, .tm_mon = month - 1, .tm_mday = days,
	    .tm_hour = 12 };
	time_t at = timegm(&t);

	gmtime_r(&at, &t);
	return days - t.tm_wday;
}

/* A London wall-clock time as seconds since the epoch: British Summer
 * Time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on
 * the last Sunday of October. The hour that does not exist, or happens
 * twice, is read as GMT. */
static time_t
london_epoch(const struct date *d, int mins)
{
	struct tm t = { .tm_year = d->year - 1900, .tm_mon = d->month - 1,
	    .tm_mday = d->day, .tm_hour = mins / 60, .tm_min = mins % 60 };
	time_t utc = timegm(&t), start, end;
	struct tm s = { .tm_year = d->year - 1900, .tm_mon = 2,
	    .tm_mday = last_sunday(d->year, 3, 31), .tm_hour = 1 };
	struct tm e = { .tm_year = d->year - 1900, .tm_mon = 9,
	    .tm_mday = last_sunday(d->year, 10, 31), .tm_hour = 1 };

	start = timegm(&s);
	end = timegm(&e);
	return utc - 3600 >= start && utc - 3600 < end ? utc - 3600 : utc;
}

/* When it happened: a date (YYYY-MM-DD, through core/date.c) and a time
 * of day (answer_time_parse; NULL or "" for none: noon), or one ISO 8601
 * date-time in date (a CAD system's or Open311's). Not after today. On
 * success *occurred_at is what PostgreSQL reads as the moment: London
 * local time unless the ISO text gave a zone. */
const char *
intake_when_check(struct arena *ar, const char *date, const char *time,
    time_t now, const char **occurred_at)
{
	static const char bad_date[] = "Enter a real date, like 2026-11-30";
	static const char bad_time[] = "Enter a real time, like 21:30 or 9:30pm";
	char clock[16];
	const char *end, *zone = " Europe/London";
	struct date d;
	size_t n;
	int mins;

	*occurred_at = NULL;
	if ((end = date_parse(date, &d)) == NULL)
		return bad_date;
	if (*end == 'T' || *end == 't' || (*end == ' ' && isdigit((unsigned char)end[1]))) {
		if (!intake_blank(time))
			return bad_date;	/* a date-time and a time: which? */
		n = strspn(end + 1, "0123456789:.");
		if (n == 0 || n >= sizeof(clock))
			return bad_time;
		memcpy(clock, end + 1, n);
		clock[n] = '\0';
		/* Fractions of a second say nothing a person needs. */
		if (strchr(clock, '.') != NULL)
			*strchr(clock, '.') = '\0';
		if (!zone_ok(end + 1 + n))
			return bad_time;
		if (end[1 + n] != '\0')
			zone = end + 1 + n;
		time = clock;
	} else if (*end != '\0')
		return bad_date;
	if (date_after_today(&d, now))
		return "The date it happened must be today or in the past";
	mins = intake_blank(time) ? 12 * 60 : answer_time_parse(time);
	if (mins < 0)
		return bad_time;
	/* A time given must have passed (London's clock, unless the value
	 * named its zone); a date alone is taken as today or earlier. */
	if (!intake_blank(time) && strcmp(zone, " Europe/London") == 0 &&
	    london_epoch(&d, mins) > now + 60)
		return "The date and time it happened must be in the past";
	*occurred_at = arena_printf(ar, "%04d-%02d-%02d %02d:%02d%s", d.year, d.month,
	    d.day, mins / 60, mins % 60, zone);
	return *occurred_at != NULL ? NULL : bad_date;
}

/* A place outside the partnership whose council is not known. */
static const char outside_somewhere[] = "This location is outside the area the "
    "partnership covers. Report it to the local council for that place instead.";

/* Outside the partnership: whose area it is, and whom to tell instead. */
const char *
intake_outside_words(struct arena *ar, const struct area_location *w)
{
	const char *s = NULL;

	if (w->council[0] != '\0')
		s = arena_printf(ar, "This location is outside the area the partnership "
		    "covers%s%s. Report it to %s instead.", w->area.id ? ": it is in " : "",
		    w->area.id ? w->area.name : "", w->council);
	return s != NULL ? s : outside_somewhere;
}

/* A postcode at the end of an address ("1 Piccadilly, Manchester M1 1AE"),
 * as intake_postcode_check writes it, in out: its last word, or its last
 * two. 1 when there is one, else 0. */
static int
postcode_at_end(const char *address, char out[INTAKE_POSTCODE_MAX])
{
	char tail[16];
	const char *e, *w;
	size_t n;
	int words;

	e = address + strlen(address);
	while (e > address && strchr(" \t\r\n,.", e[-1]) != NULL)
		e--;
	for (w = e, words = 0; words < 2 && w > address; words++) {
		while (w > address && w[-1] == ' ')
			w--;
		while (w > address && isalnum((unsigned char)w[-1]))
			w--;
		n = (size_t)(e - w);
		if (n >= sizeof(tail))
			return 0;
		memcpy(tail, w, n);
		tail[n] = '\0';
		if (intake_postcode_check(tail, out) == NULL)
			return 1;
	}
	return 0;
}

/* Whether a place with no map point is in the partnership by its postcode
 * (or, with none, one at the end of its address), the only thing to go by
 * without a postcode look-up: its outward code must be one of districts
 * (the config's postcode_districts: upper case, one space between). NULL
 * when it is, when districts is empty, or when there is no postcode of
 * the right shape to go by (intake_postcode_check says what is wrong with
 * one); else the words a point outside gets when its council is not
 * known. */
const char *
intake_district_check(const char *districts, const char *postcode, const char *address)
{
	char pc[INTAKE_POSTCODE_MAX];
	const char *d;
	size_t n;

	if (intake_blank(districts))
		return NULL;
	if (!intake_blank(postcode)) {
		if (intake_postcode_check(postcode, pc) != NULL)
			return NULL;
	} else if (intake_blank(address) || !postcode_at_end(address, pc))
		return NULL;
	n = strcspn(pc, " ");
	for (d = districts; *d != '\0'; d += strcspn(d, " "), d += *d == ' ')
		if (strncmp(d, pc, n) == 0 && (d[n] == ' ' || d[n] == '\0'))
			return NULL;
	return outside_somewhere;
}
